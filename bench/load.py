"""Throughput under load: gunicorn (a worker per core) on loopback, driven by wrk from a second process.

wrk cycles through the key pages for a fixed time, each page requested as its
own signed-in user (real session rows, made here); load.lua counts anything
but a 200 as an error, and socket errors come from wrk itself. gunicorn is
started in its own process group and always stopped, even when wrk fails.
"""
import json
import os
import shutil
import signal
import socket
import subprocess  # nosec B404
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from .pages import FLOOR, LAYOUT, clients_for

# gunicorn and wrk run with fixed argument lists (subprocess), never through a shell; urlopen asks loopback only.
BENCH_DIR = Path(__file__).resolve().parent
LUA = BENCH_DIR / "load.lua"


class LoadError(Exception):
    pass


def _port_in_use(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def session_cookies(pages):
    """{user id: "sessionid=..."}: a signed-in session per user, as the browser's cookie header."""
    name = settings.SESSION_COOKIE_NAME
    return {pk: f"{name}={client.cookies[name].value}" for pk, client in clients_for(pages).items()}


def _wait_until_serving(base, path, cookie, server, deadline=60):
    started = time.monotonic()
    while time.monotonic() - started < deadline:
        if server.poll() is not None:
            raise LoadError(f"gunicorn exited with {server.returncode} before serving")
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # nosec B310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise LoadError(f"gunicorn did not serve {path} within {deadline} s")


def _stop(server):
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def _parse(output):
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise LoadError("wrk printed no summary:\n" + output[-2000:])


def run(pages, seconds=20, connections=4, threads=2, port=8101, workers=None):
    """Requests/s, latency and errors for the key pages (not the floor) under a bounded load."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return {"skipped": "wrk is not installed (make bench installs it: make wrk)"}
    if _port_in_use(port):
        raise LoadError(f"port {port} is already in use")
    workers = workers or os.cpu_count() or 1
    cookies = session_cookies(pages)
    targets = [page for page in pages if page.key not in (FLOOR, LAYOUT) and page.in_load]
    floor = next(page for page in pages if page.key == FLOOR)
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="oversight-bench-") as scratch:
        targets_file = Path(scratch) / "targets.tsv"
        targets_file.write_text("".join(f"{page.url}\t{cookies[page.user.pk]}\n" for page in targets))
        log = open(Path(scratch) / "gunicorn.log", "w+")  # noqa: SIM115 (read back on failure below)
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
        server = subprocess.Popen(  # nosec B603
            [sys.executable, "-m", "gunicorn", "oversight.wsgi:application", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            _wait_until_serving(base, floor.url, cookies[floor.user.pk], server)
            result = subprocess.run(  # nosec B603
                [wrk, "--threads", str(threads), "--connections", str(connections), "--duration", f"{seconds}s",
                 "--timeout", "30s", "--script", str(LUA), base + "/"],
                env={**os.environ, "BENCH_TARGETS": str(targets_file)}, capture_output=True, text=True,
                timeout=seconds + 120,
            )
            if result.returncode != 0:
                raise LoadError(f"wrk failed ({result.returncode}): {result.stderr[-2000:]}")
            summary = _parse(result.stdout)
        except Exception:
            log.seek(0)
            sys.stderr.write("gunicorn log (tail):\n" + log.read()[-3000:])
            raise
        finally:
            _stop(server)
            log.close()
    duration = summary["duration_us"] / 1e6
    socket_errors = sum(summary[key] for key in ("connect_errors", "read_errors", "write_errors", "timeouts"))
    return {
        "workers": workers,
        "connections": connections,
        "threads": threads,
        "seconds": round(duration, 1),
        "pages": [page.key for page in targets],
        "requests": summary["requests"],
        "requests_per_s": round(summary["requests"] / duration, 1),
        "latency_p50_ms": round(summary["latency_p50_us"] / 1000, 1),
        "latency_p95_ms": round(summary["latency_p95_us"] / 1000, 1),
        "latency_p99_ms": round(summary["latency_p99_us"] / 1000, 1),
        "latency_max_ms": round(summary["latency_max_us"] / 1000, 1),
        "non_200": summary["non_200"],
        "socket_errors": socket_errors,
        "errors": summary["non_200"] + socket_errors,
    }
