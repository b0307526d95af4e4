"""The full sweep split by team (compliance/tasks.py's chord) on one worker process against two.

Each worker is a process of a multiprocessing pool calling the part task's own function
(`compliance.tasks.sweep_part`, every rule narrowed to a part's teams); the run is started and
finished as the chord's starter and callback do. Not Celery workers: the work per part is the
same, `make bench` then needs no Redis and no worker started beside it, and the figures leave out
only the broker's round trips (milliseconds a part). Timed: start, every part, finish; after one
untimed run per pool size (the processes' first connections and the first sweep's inserts).
"""
import multiprocessing
import statistics
import time

from django.db import connections

from compliance import sweep, tasks

WORKERS = (1, 2)
PARTS = 4  # measured split in four whatever SWEEP_PARTS says: twice the most workers measured


def _part(args):
    return tasks.sweep_part(*args)


def split_run(pool, today, now, count):
    """One full sweep in `count` parts over the pool's processes; its finished SweepRun."""
    run, killed, parts = sweep.start_split(now, count, force=True)
    results = pool.map(_part, [(part, today.isoformat(), now.isoformat()) for part in parts], chunksize=1)
    return sweep.finish(run, sweep.summed(results), killed=killed, today=today)


def measure(today, now, repeats=3, workers=WORKERS, count=None):
    """{workers: median seconds of `repeats` split sweeps}, with the parts and the speed-up of the most."""
    count = count or PARTS
    medians, parts = {}, 0
    for processes in workers:
        # A forked process must not share our connection's socket: closed here, each opens its own.
        connections.close_all()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            split_run(pool, today, now, count)
            timings = []
            for _ in range(repeats):
                started = time.perf_counter()
                run = split_run(pool, today, now, count)
                timings.append(time.perf_counter() - started)
                parts = run.parts
        medians[processes] = round(statistics.median(timings), 2)
    fewest, most = min(workers), max(workers)
    return {
        "parts": parts,
        "median_s": medians,
        "speedup": round(medians[fewest] / medians[most], 2) if medians[most] else None,
        "repeats": repeats,
    }


def lines(result):
    """The table's lines for this measurement."""
    medians = ", ".join(
        f"{n} worker{'s' if n > 1 else ''} {seconds} s" for n, seconds in result["median_s"].items()
    )
    return [
        f"Split sweep ({result['parts']} parts by team, median of {result['repeats']} after a first run)",
        f"  full sweep on {medians}; speed-up {result['speedup']}x",
    ]
