"""What-if sweeps and path comparisons, on the same formulas as a single scenario.

Every figure here comes from the vectorized functions the single-scenario path uses:
:func:`deficiency.rules.state_law.sweep` (which wraps :func:`deficiency.core.engine.sweep`) for the
deficiency and what is collectible, :func:`deficiency.rules.tax.cancelled_for_tax` and
:func:`deficiency.rules.tax.tax_on_cancelled` for the tax. Tests check them against
:func:`deficiency.core.analysis.analyze` point by point.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from deficiency.core import formulas
from deficiency.core.analysis import analyze
from deficiency.core.money import cents_str, div_round_half_up, from_cents, to_cents
from deficiency.core.scenario import PATHS_BY_LOAN, Scenario
from deficiency.counselor.help import relocation_help
from deficiency.rules import state_law, tax
from deficiency.rules.credit import load_tables as credit_tables
from deficiency.rules.liens import second_lien_of
from deficiency.text.markers import N_

#: Figures of a sweep, in the order charts list them (message ids for their names).
MEASURES: dict[str, str] = {
    "deficiency": N_("Deficiency"),
    "collectible": N_("Collectible deficiency"),
    "cancelled": N_("Cancelled debt"),
    "tax": N_("Estimated extra federal tax"),
    "total_cost": N_("Your total cost (what you pay + tax)"),
}


def figures(
    scenario: Scenario, today: dt.date | None = None, **axes: np.ndarray
) -> dict[str, np.ndarray]:
    """Every what-if measure over the given axes (int64 cents, broadcast together).

    ``axes`` name amount keys (``sale_price``, ``settlement``, ``total_fees``, ...), as
    :func:`deficiency.core.engine.sweep` takes them.
    """
    decision = state_law.decide(scenario)
    swept = state_law.sweep(scenario, **axes)
    facts = tax.tax_facts(scenario, decision.nonrecourse, today)
    owes = state_law.owed_for_tax(decision, swept["borrower_owes"], swept["collectible"])
    cancelled = tax.cancelled_for_tax(swept["deficiency"], owes, facts.recourse, scenario.action)
    sale = axes.get("sale_price")
    credits = axes.get("credits", to_cents(scenario.credits))
    shape = np.shape(cancelled)
    tax_due = tax.tax_on_cancelled(
        cancelled,
        scenario,
        decision.nonrecourse,
        today=today,
        sale_price=None if sale is None else np.broadcast_to(sale, shape),
        debt=np.broadcast_to(np.maximum(swept["total_owed"] - credits, 0), shape),
        surplus=np.broadcast_to(swept["surplus"], shape),
    )
    pays = formulas.borrower_pays(swept["borrower_owes"], swept["collectible"])
    return {
        "deficiency": swept["deficiency"],
        "collectible": swept["collectible"],
        "cancelled": np.asarray(cancelled, dtype=np.int64),
        "tax": tax_due,
        "pays": np.asarray(pays, dtype=np.int64),
        "total_cost": np.asarray(pays + tax_due, dtype=np.int64),
    }


#: Scenario keys no sweep reads: the interest rate only feeds the cost-of-waiting note
#: (:mod:`deficiency.core.delay`), so a new rate must not recompute every curve (issue 16).
SWEEP_IGNORES = frozenset({"rate"})


def sweep_key(scenario: Scenario) -> str:
    """The scenario as the sweeps see it (JSON, keys they do not read left out): a cache key."""
    return scenario.model_dump_json(exclude=set(SWEEP_IGNORES))


#: Points per axis of the sale price × fees grid (What if's heatmap): 200 × 200 sums.
GRID_POINTS = 200


def price_range(scenario: Scenario, points: int = 201) -> np.ndarray:
    """Sale prices around the entered one (±50 %, never below zero), in cents."""
    price = to_cents(scenario.sale_price)
    owed = to_cents(scenario.balance) + to_cents(scenario.total_fees)
    if price == 0:
        low, high = 0, max(owed + owed // 5, 100_000)
    else:
        low, high = price // 2, price + price // 2
    return linspace_cents(low, high, points)


def fee_range(scenario: Scenario, points: int = 200) -> np.ndarray:
    """Total fees from zero to twice the entered total (at least $5,000), in cents."""
    fees = to_cents(scenario.total_fees)
    return linspace_cents(0, max(2 * fees, 500_000), points)


def linspace_cents(low: int, high: int, points: int) -> np.ndarray:
    """``points`` evenly spaced whole-cent values from ``low`` to ``high`` inclusive."""
    steps = np.arange(points, dtype=np.int64)
    return low + div_round_half_up(steps * (high - low), max(points - 1, 1))


#: The settlement offer's share of the deficiency, in whole percent: what the What if and
#: Compare sliders allow, and where they start (a point to explore from, not advice; the
#: Letters page's offer uses the same start until the reader moves a slider).
SETTLEMENT_PERCENT_RANGE: tuple[int, int] = (0, 100)
SETTLEMENT_PERCENT_START = 30


def settlement_for(deficiency_cents: int, percent: int) -> int:
    """A settlement offer of ``percent`` of the deficiency, rounded half-up to the cent."""
    return div_round_half_up(deficiency_cents * percent, 100)


def settled_at(scenario: Scenario, deficiency_cents: int, percent: int) -> Scenario:
    """The scenario with the deficiency settled at ``percent`` of it."""
    paid = settlement_for(deficiency_cents, percent)
    return scenario.model_copy(update={"action": "settle", "settlement": from_cents(paid)})


@dataclass(frozen=True)
class PathRow:
    """One row of the path comparison (amounts in cents; periods in months)."""

    key: str
    path: str
    foreclosure: str | None
    settlement_pct: int | None
    scenario: Scenario
    deficiency: int
    collectible: int
    cancelled: int
    tax: int
    pays: int
    total_cost: int
    status_code: str
    status_text: Any
    report_months: int
    fannie_months: int | None
    fha_months: int | None
    second_collectible: int = 0
    #: Relocation help the investor pays on this path (cents; 0 when none or no investor).
    relocation: int = 0

    @property
    def cost_after_relocation(self) -> int:
        """Total cost minus the relocation help received (cash in the borrower's hand)."""
        return self.total_cost - self.relocation


def _report_months() -> int:
    """How long a negative item may stay (FCRA 1681c(a), from the credit data file).

    The same for every path: settling or paying later does not restart the clock.
    """
    period = credit_tables().periods["adverse_item"]
    return period.years * 12


def _months(eligibility, program: str) -> int | None:
    for item in eligibility:
        if item.program == program:
            return item.months
    return None


def compare_paths(
    scenario: Scenario, settle_pct: int = 30, today: dt.date | None = None
) -> list[PathRow]:
    """The ways out a borrower can take, side by side: the scenario with only the path changed.

    Each row is exactly what :func:`~deficiency.core.analysis.analyze` gives for the reader's own
    scenario with a different path (mortgage: short sale, deed in lieu, foreclosure, judicial
    and nonjudicial where the state has both; auto and other: repossession, voluntary
    surrender). Everything else, the lender's action included, stays as entered: a
    comparison that silently assumed the lender pursues the debt contradicted the
    Calculator when the lender forgives it (issue 13). When the lender pursues the
    deficiency, one more row shows settling it at ``settle_pct`` % (the reader's other way
    out); with a forgiven or already settled deficiency that row would add nothing.
    """
    variants: list[tuple[str, dict[str, Any]]] = []
    for path in PATHS_BY_LOAN[scenario.loan]:
        if path == "foreclosure" and scenario.state is not None:
            rule = state_law.load_rules()[scenario.state]
            kinds = ["judicial", "nonjudicial"] if rule.nonjudicial_available else ["judicial"]
            for kind in kinds:
                variants.append((f"foreclosure_{kind}", {"path": path, "foreclosure": kind}))
        else:
            variants.append((path, {"path": path}))
    rows = [_row(key, scenario.model_copy(update=change), None, today) for key, change in variants]
    if scenario.action == "collect":
        deficiency = analyze(scenario, today).result.deficiency
        rows.append(_row("settle", settled_at(scenario, deficiency, settle_pct), settle_pct, today))
    return rows


def is_current(row: PathRow, scenario: Scenario) -> bool:
    """The row that is the reader's own scenario (same path, same foreclosure process)."""
    if row.key == "settle":
        return False
    if row.path != scenario.path:
        return False
    if row.foreclosure is None:
        return True
    chosen = scenario.foreclosure
    if scenario.state is not None:
        rule = state_law.load_rules()[scenario.state]
        if chosen is None:
            chosen = rule.usual_process
        elif chosen == "nonjudicial" and not rule.nonjudicial_available:
            # State law reads it as judicial (and says so); Compare has only that row, and
            # left unmarked the reader's own figures were nowhere on the page (issue 13).
            chosen = "judicial"
    return chosen == row.foreclosure


def comparison_records(rows: list[PathRow], scenario: Scenario) -> list[dict[str, Any]]:
    """The comparison as the CSV download writes it: one record per row, exact amounts.

    Kept beside :func:`compare_paths` so the download and the page read the same rows
    (the page does no arithmetic of its own).
    """
    return [
        {
            "path": r.key,
            "your_scenario": is_current(r, scenario),
            "lender_action": r.scenario.action,
            "settlement": cents_str(to_cents(r.scenario.settlement))
            if r.scenario.action == "settle"
            else None,
            "deficiency": cents_str(r.deficiency),
            "collectible": cents_str(r.collectible),
            "cancelled_debt": cents_str(r.cancelled),
            "estimated_federal_tax": cents_str(r.tax),
            "borrower_pays": cents_str(r.pays),
            "total_cost": cents_str(r.total_cost),
            "second_loan_collectible": cents_str(r.second_collectible),
            "relocation_help": cents_str(r.relocation),
            "status_code": r.status_code,
            "report_months": r.report_months,
            "fannie_mae_months": r.fannie_months,
            "fha_months": r.fha_months,
        }
        for r in rows
    ]


def _second(sc: Scenario) -> int:
    """What the second mortgage's lender can still collect after this path (0 if none)."""
    second = second_lien_of(sc)
    return 0 if second is None else second.collectible_cents


def _relocation(sc: Scenario) -> int:
    """Relocation help for this path when the loan's investor is known (help.relocation_help)."""
    if sc.investor is None:
        return 0
    moving = relocation_help(sc)
    return 0 if moving is None else moving.cents


def _row(key: str, sc: Scenario, pct: int | None, today: dt.date | None) -> PathRow:
    found = analyze(sc, today)
    credit = found.credit
    return PathRow(
        key=key,
        path=sc.path,
        foreclosure=sc.foreclosure,
        settlement_pct=pct,
        scenario=sc,
        deficiency=found.result.deficiency,
        collectible=found.state.collectible_cents,
        cancelled=found.tax.cancelled_debt,
        tax=found.tax.estimated_federal_tax,
        pays=found.owes,
        total_cost=found.owes + found.tax.estimated_federal_tax,
        status_code=credit.status_code,
        status_text=credit.status_text,
        report_months=_report_months(),
        fannie_months=_months(credit.eligibility, "fannie_mae"),
        fha_months=_months(credit.eligibility, "fha"),
        second_collectible=_second(sc),
        relocation=_relocation(sc),
    )
