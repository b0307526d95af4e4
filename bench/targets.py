"""The issue's targets per size, each figure's pass or MISS, and the printed table."""

# Pages: p95 at most N x the framework floor, and fewer than N queries; sweep: at most N x the SQL floor,
# and (national) the slowest full sweep under N seconds. Any other label is judged as large.
TARGETS = {
    "large": {"page_ratio": 3, "page_queries": 30, "sweep_ratio": 2, "sweep_seconds": None},
    "national": {"page_ratio": 5, "page_queries": 30, "sweep_ratio": 2, "sweep_seconds": 60},
}


def targets_for(label):
    return TARGETS.get(label, TARGETS["large"])


def _check(value, target, ok):
    return {"value": value, "target": target, "pass": bool(ok)}


def judge(results, label):
    """Adds "checks" to each figure and returns the list of misses, as readable lines."""
    targets = targets_for(label)
    misses = []
    for key, page in results["pages"].items():
        if key in ("floor", "layout"):
            continue
        page["checks"] = {
            "p95_vs_floor": _check(page["ratio_to_floor"], f"<= {targets['page_ratio']}x",
                                   page["ratio_to_floor"] <= targets["page_ratio"]),
            "queries": _check(page["queries"], f"< {targets['page_queries']}",
                              page["queries"] < targets["page_queries"]),
        }
    sweep = results.get("sweep")
    if sweep:
        sweep["checks"] = {
            "ratio_to_sql_floor": _check(sweep["ratio_to_sql_floor"], f"<= {targets['sweep_ratio']}x",
                                         sweep["ratio_to_sql_floor"] <= targets["sweep_ratio"]),
            "floor_is_honest": _check(all(h["same"] for h in sweep["honest"].values()), "same breaches",
                                      all(h["same"] for h in sweep["honest"].values())),
        }
        if targets["sweep_seconds"]:
            sweep["checks"]["full_sweep_seconds"] = _check(
                sweep["full_sweep_slowest_s"], f"< {targets['sweep_seconds']} s",
                sweep["full_sweep_slowest_s"] < targets["sweep_seconds"],
            )
    load = results.get("load")
    if load and "errors" in load:
        load["checks"] = {"errors": _check(load["errors"], "0", load["errors"] == 0)}
    for section, figures in (("sweep", [sweep]), ("load", [load]), ("page", results["pages"].values())):
        for figure in figures:
            for name, check in ((figure or {}).get("checks") or {}).items():
                if not check["pass"]:
                    where = figure.get("label", section)
                    misses.append(f"{where}: {name} = {check['value']} (target {check['target']})")
    return misses


def _verdict(checks):
    return "pass" if all(c["pass"] for c in checks.values()) else "MISS"


def table(results):
    """The figures as plain text lines."""
    lines = []
    pages = results["pages"]
    meta = results["run"]
    lines.append(f"Oversight benchmark: {results['label']} ({results['data']['open_children']} open children, "
                 f"{results['data']['staff']} staff, {results['data']['teams']} teams; {meta['cpus']} CPUs)")
    lines.append("")
    lines.append(f"Pages: {meta['requests']} requests each after {meta['warmup']} warm-up, interleaved with the floor")
    lines.append(f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'x floor':>8} {'queries':>8}  verdict")
    for page in pages.values():
        verdict = _verdict(page["checks"]) if "checks" in page else ""
        lines.append(f"{page['label']:<40} {page['p50_ms']:>8.1f} {page['p95_ms']:>8.1f} "
                     f"{page['ratio_to_floor']:>8.2f} {page['queries']:>8}  {verdict}")
    sweep = results.get("sweep")
    if sweep:
        lines.append("")
        lines.append(f"Sweep (median of {sweep['repeats']} after a first run)")
        lines.append(f"  full sweep, all rules: first {sweep['full_sweep_first_s']} s, "
                     f"median {sweep['full_sweep_median_s']} s, slowest {sweep['full_sweep_slowest_s']} s")
        core = sweep["core"]
        lines.append(f"  {len(sweep['floored'])} floored rules: sweep {sweep['core_sweep_ms']} ms, "
                     f"their breach queries {sweep['core_breach_queries_ms']} ms, SQL floor {sweep['sql_floor_ms']} ms")
        lines.append(f"  floored sweep / SQL floor = {sweep['ratio_to_sql_floor']}x  {_verdict(sweep['checks'])}")
        lines.append(f"  of which the core rules ({', '.join(core['codes'])}): sweep {core['sweep_ms']} ms, "
                     f"SQL floor {core['sql_floor_ms']} ms, {core['ratio_to_sql_floor']}x")
        for code, rule in sweep["per_rule"].items():
            honest = sweep["honest"][code]
            lines.append(f"    {code:<19} sweep {rule['sweep_ms']:>8} ms  query {rule['breach_query_ms']:>8} ms  "
                         f"floor {rule['sql_floor_ms']:>8} ms {rule['ratio_to_sql_floor']:>6}x  "
                         f"breaches {honest['rule']} ({'same as floor' if honest['same'] else 'DIFFERENT from floor'})")
    load = results.get("load")
    if load:
        lines.append("")
        if "skipped" in load:
            lines.append(f"Load: skipped ({load['skipped']})")
        else:
            lines.append(f"Load: gunicorn {load['workers']} workers, wrk {load['connections']} connections for "
                         f"{load['seconds']} s over {len(load['pages'])} key pages")
            lines.append(f"  {load['requests_per_s']} requests/s, latency p50 {load['latency_p50_ms']} ms, "
                         f"p95 {load['latency_p95_ms']} ms, p99 {load['latency_p99_ms']} ms; errors {load['errors']} "
                         f"(non-200 {load['non_200']}, socket {load['socket_errors']})  {_verdict(load['checks'])}")
    lines.append("")
    if results["misses"]:
        lines.extend(f"MISS  {miss}" for miss in results["misses"])
    else:
        lines.append("Every target met.")
    return lines
