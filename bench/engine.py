"""Engine benchmark: one full evaluation, and a 40,000-point sweep against single evaluations.

The sweep is what a what-if heatmap needs: 200 sale prices × 200 totals of fees, through
:func:`deficiency.rules.state_law.sweep` (which runs :func:`deficiency.core.engine.sweep` and the
state's collectible rule), the debt the tax rules treat as cancelled, and
:func:`deficiency.rules.tax.tax_on_cancelled`. The comparison is a loop of
:func:`deficiency.core.analysis.analyze` over the same points; by default 2,000 points are sampled
(fixed seed) and the loop time is extrapolated to 40,000 (``--full-loop`` runs them all).
The sampled points double as a correctness check: each swept figure must equal the single
evaluation's figure exactly (cents).

    python -m bench.engine [--full-loop] [--sample 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np

from bench.common import ms, table

TODAY = dt.date(2026, 6, 1)
GRID = 200

#: Scenarios checked point by point (the first is the one timed).
SCENARIOS: dict[str, dict[str, str]] = {
    # Judicial foreclosure in a fair-value state, lender forgives, not the main home:
    # every stage (deficiency, fair-value credit, cancelled debt, bracket tax) is non-trivial.
    "foreclosure_ny_forgive": {
        "loan": "mortgage",
        "path": "foreclosure",
        "foreclosure": "judicial",
        "state": "NY",
        "balance": "250000",
        "sale_price": "200000",
        "fmv": "230000",
        "action": "forgive",
        "taxable_income": "60000",
        "main_home": "no",
        "sale_date": "2026-03-02",
    },
    # Short sale of the main home in California (barred → nonrecourse for tax).
    "short_sale_ca": {
        "loan": "mortgage",
        "path": "short_sale",
        "state": "CA",
        "balance": "250000",
        "sale_price": "200000",
        "action": "forgive",
        "taxable_income": "45000",
    },
    # Car repossession, lender collects (cancelled debt 0 unless barred).
    "auto_tx_collect": {
        "loan": "auto",
        "path": "repossession",
        "state": "TX",
        "balance": "18000",
        "sale_price": "9000",
        "taxable_income": "30000",
    },
}


def _best(fn: Callable[[], Any], repeat: int = 7, number: int = 1) -> float:
    """Median seconds per call of ``fn`` over ``repeat`` batches of ``number`` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        times.append((time.perf_counter() - start) / number)
    times.sort()
    return times[len(times) // 2]


def axes(base_price_cents: int) -> tuple[np.ndarray, np.ndarray]:
    """200 sale prices (±50 % around the entered one) × 200 fee totals ($0 to $50,000)."""
    prices = np.linspace(base_price_cents // 2, base_price_cents * 3 // 2, GRID).astype(np.int64)
    fees = np.linspace(0, 5_000_000, GRID).astype(np.int64)
    return prices, fees


def sweep_figures(sc: Any, prices: np.ndarray, fees: np.ndarray) -> dict[str, np.ndarray]:
    """The What-if page's own sweep (:func:`deficiency.core.whatif.figures`) over the grid."""
    from deficiency.core import whatif

    found = whatif.figures(sc, TODAY, sale_price=prices[:, None], total_fees=fees[None, :])
    return {key: found[key] for key in ("deficiency", "collectible", "cancelled", "tax")}


def point(sc: Any, price_cents: int, fees_cents: int) -> Any:
    """The single scenario at one grid point (fees as one total, as the sweep's axis)."""
    from deficiency.core.scenario import FEE_KEYS

    update: dict[str, Any] = {key: Decimal("0.00") for key in FEE_KEYS}
    update["interest"] = Decimal(fees_cents) / 100
    update["sale_price"] = Decimal(price_cents) / 100
    return sc.model_copy(update=update)


def single_figures(sc: Any) -> dict[str, int]:
    from deficiency.core.analysis import analyze

    found = analyze(sc, TODAY)
    return {
        "deficiency": found.result.deficiency,
        "collectible": found.state.collectible_cents,
        "cancelled": found.tax.cancelled_debt,
        "tax": found.tax.estimated_federal_tax,
    }


def check(name: str, sample: int, seed: int = 9, *, fees_axis: bool = True) -> dict[str, Any]:
    """Compare the sweep with single evaluations at ``sample`` random grid points.

    ``fees_axis=False`` keeps the fees at the scenario's own total (a 1-D price sweep,
    repeated on every column), to tell a fees-axis problem from a price-axis one.
    """
    from deficiency.core.money import to_cents
    from deficiency.core.scenario import FEE_KEYS, validate

    sc = validate(SCENARIOS[name])
    prices, fees = axes(to_cents(sc.sale_price))
    if not fees_axis:
        own = sum(to_cents(getattr(sc, key)) for key in FEE_KEYS)
        fees = np.full(GRID, own, dtype=np.int64)
    swept = sweep_figures(sc, prices, fees)
    rng = np.random.default_rng(seed)
    picks = rng.choice(GRID * GRID, size=min(sample, GRID * GRID), replace=False)
    mismatches: dict[str, int] = {key: 0 for key in swept}
    first: list[str] = []
    start = time.perf_counter()
    for flat in picks:
        i, j = divmod(int(flat), GRID)
        single = single_figures(point(sc, int(prices[i]), int(fees[j])))
        for key, value in single.items():
            if int(swept[key][i, j]) != value:
                mismatches[key] += 1
                if len(first) < 3:
                    first.append(
                        f"{key} at price={prices[i]} fees={fees[j]}: "
                        f"sweep {int(swept[key][i, j])} vs single {value}"
                    )
    loop_seconds = time.perf_counter() - start
    return {
        "scenario": name + ("" if fees_axis else " (sale price axis only)"),
        "points": len(picks),
        "loop_seconds": loop_seconds,
        "mismatches": mismatches,
        "examples": first,
    }


def run(sample: int = 2000, full_loop: bool = False) -> dict[str, Any]:
    from deficiency.core import engine
    from deficiency.core.analysis import analyze
    from deficiency.core.money import to_cents
    from deficiency.core.scenario import validate
    from deficiency.rules import state_law, tax

    name = next(iter(SCENARIOS))
    sc = validate(SCENARIOS[name])
    start = time.perf_counter()
    analyze(sc, TODAY)  # first call in this process: rule/tax/credit tables load here
    first_call = time.perf_counter() - start
    single = _best(lambda: analyze(sc, TODAY), repeat=7, number=200)

    prices, fees = axes(to_cents(sc.sale_price))
    p2, f2 = prices[:, None], fees[None, :]
    decision = state_law.decide(sc)
    swept = state_law.sweep(sc, sale_price=p2, total_fees=f2)
    t_engine = _best(lambda: engine.sweep(sc, sale_price=p2, total_fees=f2), 15)
    t_state = _best(lambda: state_law.sweep(sc, sale_price=p2, total_fees=f2), 15)
    cancelled = swept["cancelled_debt"]
    t_tax = _best(lambda: tax.tax_on_cancelled(cancelled, sc, decision.barred, today=TODAY), 15)
    t_full = _best(lambda: sweep_figures(sc, prices, fees), 15)
    t_whatif = float("nan")
    try:
        from deficiency.core import whatif

        t_whatif = _best(lambda: whatif.figures(sc, TODAY, sale_price=p2, total_fees=f2), 15)
    except (ImportError, AttributeError, TypeError):
        pass

    checks = [check(key, sample) for key in SCENARIOS]
    timed = checks[0]
    for c in list(checks):
        if sum(c["mismatches"].values()):
            checks.append(check(c["scenario"], sample, fees_axis=False))
    points = GRID * GRID
    if full_loop:
        full = check(name, points)
        loop_40k = full["loop_seconds"]
        loop_note = "measured over all 40,000 points"
        checks.append(full)
    else:
        loop_40k = timed["loop_seconds"] / timed["points"] * points
        loop_note = f"extrapolated from {timed['points']:,} sampled points"
    total_mismatches = sum(sum(c["mismatches"].values()) for c in checks)
    return {
        "scenario": name,
        "analyze_first_ms": ms(first_call),
        "analyze_ms": round(single * 1000, 3),
        "engine_sweep_ms": ms(t_engine),
        "state_law_sweep_ms": ms(t_state),
        "tax_on_cancelled_ms": ms(t_tax),
        "sweep_total_ms": ms(t_full),
        "whatif_figures_ms": ms(t_whatif),
        "loop_40k_s": round(loop_40k, 2),
        "loop_note": loop_note,
        "speedup": round(loop_40k / t_full),
        "checks": checks,
        "mismatches": total_mismatches,
    }


def report(r: dict[str, Any]) -> str:
    rows = [
        ["analyze() one scenario, first call in process", f"{r['analyze_first_ms']} ms"],
        ["analyze() one scenario, warm (median)", f"{r['analyze_ms']} ms"],
        ["engine.sweep 200×200", f"{r['engine_sweep_ms']} ms"],
        ["state_law.sweep 200×200 (incl. engine)", f"{r['state_law_sweep_ms']} ms"],
        ["tax.tax_on_cancelled 40,000 amounts", f"{r['tax_on_cancelled_ms']} ms"],
        ["full sweep (state law + cancelled + tax)", f"{r['sweep_total_ms']} ms"],
        ["whatif.figures 200×200 (page's sweep)", f"{r['whatif_figures_ms']} ms"],
        [f"loop of analyze() × 40,000 ({r['loop_note']})", f"{r['loop_40k_s']} s"],
        ["sweep speed-up over the loop", f"{r['speedup']:,}×"],
    ]
    lines = [
        f"Engine (scenario {r['scenario']}, fixed today {TODAY})",
        table(["measure", "time"], rows),
    ]
    for c in r["checks"]:
        bad = sum(c["mismatches"].values())
        lines.append(
            f"  sweep == analyze at {c['points']:,} sampled points of {c['scenario']}: "
            + ("yes" if not bad else f"NO, {c['mismatches']}")
        )
        lines += [f"    {e}" for e in c["examples"]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--full-loop", action="store_true")
    args = parser.parse_args()
    print(report(run(args.sample, args.full_loop)))


if __name__ == "__main__":
    main()
