"""Run every benchmark, print each report, then one summary table with the machine.

    python -m bench.run_all                 # engine, rerun, browser, load, coldstart, fuzz
    python -m bench.run_all --soak          # … and the 30-minute soak
    python -m bench.run_all --soak --soak-minutes 3
    python -m bench.run_all --only engine fuzz
    python -m bench.run_all --quick         # smaller sizes, a smoke run (~2 min)

Results are also written as JSON to ``bench/results/bench-<time>.json`` (git-ignored).
The machine is shared by everything running on it: the load average before each benchmark
is printed, because the figures are only comparable on an otherwise idle machine.
"""

from __future__ import annotations

import argparse
import json
import os
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import ROOT, machine_info, table

ORDER = ("engine", "rerun", "browser", "load", "coldstart", "fuzz", "soak")


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _load_with_floors(load: Any, quick: bool) -> dict[str, Any]:
    """The load levels, then the replay floors at the top level (bench/replay_page.py)."""
    levels, seconds = ((10, 50) if quick else (10, 50, 100)), (8 if quick else 20)
    result = load.run(levels, seconds=seconds)
    result["floors"] = load.floors(levels[-1], seconds)
    return result


def _plan(args: argparse.Namespace) -> dict[str, Callable[[], dict[str, Any]]]:
    from bench import browser, coldstart, engine, fuzz, load, rerun, soak

    quick = args.quick
    plan: dict[str, Callable[[], dict[str, Any]]] = {
        "engine": lambda: engine.run(sample=500 if quick else 2000),
        "rerun": lambda: rerun.run(runs=10 if quick else 30),
        "browser": lambda: browser.run(repeat=3 if quick else 10),
        "load": lambda: _load_with_floors(load, quick),
        "coldstart": lambda: coldstart.run(repeat=3 if quick else 5),
        "fuzz": lambda: fuzz.run(cases=5_000 if quick else 100_000),
        "soak": lambda: soak.run(
            minutes=args.soak_minutes,
            interval=args.soak_interval or (60 if args.soak_minutes >= 10 else 15),
        ),
    }
    names = list(args.only or [n for n in ORDER if n != "soak"])
    if args.soak and "soak" not in names:
        names.append("soak")
    return {name: plan[name] for name in names}


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else ("PASS" if ok else "FAIL")


def summary_rows(results: dict[str, Any]) -> list[list[str]]:
    """One line per figure: [benchmark, figure, target, verdict]."""
    rows: list[list[str]] = []

    def add(name: str, figure: str, target: str = "", ok: bool | None = None) -> None:
        rows.append([name, figure, target, _verdict(ok)])

    if r := results.get("engine"):
        first = r["analyze_first_ms"]
        add("engine", f"analyze() one scenario {r['analyze_ms']} ms (first call {first} ms)")
        loop = f"{r['loop_40k_s']} s ({r['loop_note']})"
        add("engine", f"200×200 sweep {r['sweep_total_ms']} ms vs analyze() loop {loop}")
        add("engine", f"sweep speed-up {r['speedup']:,}×")
        bad = r["mismatches"]
        add("engine", f"sweep == analyze at sampled points: {bad} mismatches", "0", bad == 0)
    if r := results.get("rerun"):
        s, c, t = r["pages"]["scenario"], r["change"], r["targets"]
        figure = f"bare {r['bare']['median_ms']} ms; scenario {s['median_ms']} ms (×{s['ratio']})"
        add(
            "rerun",
            f"{figure}; input change ×{c['ratio']}",
            "≤ 2× bare",
            t["scenario_within_2x_bare"],
        )
        name, slow = max(r["pages"].items(), key=lambda kv: kv[1]["p95_ms"])
        figure = f"slowest page {name}: median {slow['median_ms']} ms, p95 {slow['p95_ms']} ms"
        add("rerun", figure, "≤ 250 ms", t["no_page_over_250ms"])
    if r := results.get("browser"):
        for measure, what in (("open", "open link → figure"), ("update", "input → figure")):
            figure = (
                f"{what}: bare {r[f'{measure}_bare_ms']} ms; same widgets "
                f"{r[f'{measure}_widgets_ms']} ms (×{r[f'{measure}_widgets_ratio']}); "
                f"Calculator {r[f'{measure}_calculator_ms']} ms "
                f"(×{r[f'{measure}_calculator_ratio']}); What if {r[f'{measure}_whatif_ms']} ms "
                f"(×{r[f'{measure}_whatif_ratio']})"
            )
            ok = r[f"{measure}_calculator_ok"] and r[f"{measure}_whatif_ok"]
            add("browser", figure, "≤ 1.5× bare", ok)
        add("browser", f"What if open vs one Plotly chart alone: ×{r['open_whatif_vs_chart']}")
    if r := results.get("load"):
        for x in r["levels"]:
            ok = x["p95_ms"] < 1000 and x["errors"] == 0 and x["idle_mb_per_session"] < 10
            figure = (
                f"{x['sessions']} sessions: p50 {x['p50_ms']} ms, p95 {x['p95_ms']} ms, "
                f"{x['errors']} err, {x['rate']} upd/s, idle {x['idle_mb_per_session']} MB/sess"
            )
            add("load", figure, "p95<1s, 0 err, <10MB", ok)
        for mode, f in sorted((r.get("floors") or {}).items()):
            if mode != "recorded":
                figure = (
                    f"floor '{mode}', {f['sessions']} sessions: p95 {f['p95_ms']} ms, "
                    f"{f['server_cpu_per_update_ms']} ms CPU/update"
                )
                add("load", figure)
    if r := results.get("coldstart"):
        add("coldstart", f"run → health {r['health_ms']} ms; first run {r['first_run_ms']} ms")
        heavy = ", ".join(r["heavy_imported"]) or "none"
        figure = f"import deficiency {r['import_ms']} ms (importtime {r['importtime']['total_ms']})"
        add("coldstart", f"{figure}; heavy: {heavy}", "none heavy", not r["heavy_imported"])
    if r := results.get("fuzz"):
        ok = r["exceptions"] == 0 and r["problems"] == 0
        figure = f"{r['cases']:,} cases, {r['issues']:,} issues, {r['exceptions']} exceptions"
        add("fuzz", f"{figure}, {r['problems']} violations", "0 exceptions", ok)
    if r := results.get("soak"):
        rss = f"RSS {r['rss_start_mb']}→{r['rss_end_mb']} MB"
        half = f"2nd half {r['growth_second_half_mb']:+} MB ({r['slope_mb_per_min']:+} MB/min)"
        figure = f"{r['minutes']:g} min, {r['sessions_created']:,} sessions: {rss}, {half}"
        add("soak", f"{figure}, {r['errors']} err", "plateau", r["plateau"] and r["errors"] == 0)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the benchmarks of issue 9.")
    parser.add_argument("--soak", action="store_true", help="also run the soak (30 min)")
    parser.add_argument("--soak-minutes", type=float, default=30)
    parser.add_argument("--soak-interval", type=float, default=0)
    parser.add_argument("--only", nargs="+", choices=ORDER)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
    parser.add_argument("--json", type=Path, help="where to write the results")
    args = parser.parse_args()

    from bench import browser, coldstart, engine, fuzz, load, rerun, soak

    reporters = {
        "engine": engine.report,
        "rerun": rerun.report,
        "browser": browser.report,
        "load": load.report,
        "coldstart": coldstart.report,
        "fuzz": fuzz.report,
        "soak": soak.report,
    }
    info = machine_info()
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), flush=True)
    results: dict[str, Any] = {}
    failures: dict[str, str] = {}
    loads: dict[str, str] = {}
    started = time.perf_counter()
    for name, job in _plan(args).items():
        loads[name] = _load()
        print(f"\n== {name} (load average {loads[name]}) ==", flush=True)
        t0 = time.perf_counter()
        try:
            results[name] = job()
        except Exception:  # one failing benchmark must not hide the others
            failures[name] = traceback.format_exc()
            print(failures[name], flush=True)
            continue
        print(reporters[name](results[name]), flush=True)
        print(f"({time.perf_counter() - t0:.0f} s)", flush=True)

    print("\n== Summary ==")
    print("Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()))
    print(f"Load average before each benchmark: {loads}")
    rows = summary_rows(results) + [[n, "FAILED TO RUN (see above)", "", "FAIL"] for n in failures]
    print(table(["benchmark", "figure", "target", "verdict"], rows, left=4))
    print(f"Total {time.perf_counter() - started:.0f} s")

    out = args.json or ROOT / "bench" / "results" / time.strftime("bench-%Y%m%d-%H%M%S.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"machine": info, "load": loads, "results": results, "failures": failures}
    out.write_text(json.dumps(payload, indent=1, default=str))
    print(f"Results: {os.path.relpath(out, ROOT)}")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
