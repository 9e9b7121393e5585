"""Evaluate a scenario (one) or sweep it (thousands), with the same formulas.

:func:`evaluate` returns a :class:`Result` with every figure in integer cents and an
itemized breakdown that the waterfall chart and the table draw without recomputing.
:func:`sweep` varies any amount keys over numpy arrays and returns the same figures as
arrays, computed by the very functions :func:`evaluate` uses.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from deficiency.core import formulas
from deficiency.core.money import cents_str, from_cents, to_cents
from deficiency.core.scenario import (
    FEE_KEYS,
    FORMULA_AMOUNT_KEYS,
    MSG_SETTLEMENT,
    Scenario,
)
from deficiency.core.validators import FieldIssue, ScenarioError
from deficiency.text.markers import N_

#: Plain-language labels of the breakdown lines (message ids, translated by the shell).
ITEM_LABELS: dict[str, str] = {
    "balance": N_("Loan balance"),
    "interest": N_("Accrued interest"),
    "late_fees": N_("Late fees"),
    "legal_fees": N_("Legal and court fees"),
    "sale_costs": N_("Sale costs"),
    "holding_costs": N_("Holding costs"),
    "other_fees": N_("Other fees"),
    "sale_price": N_("Sale price"),
    "credits": N_("Credits"),
    "deficiency": N_("Deficiency balance"),
    "surplus": N_("Surplus"),
}


@dataclass(frozen=True)
class Item:
    """One line of the breakdown: +1 adds to what is owed, -1 is applied against it.

    ``sign`` 0 marks the closing total (deficiency or surplus), drawn as a total bar.
    """

    key: str
    label: str
    cents: int
    sign: int

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "amount": cents_str(self.cents),
            "sign": self.sign,
        }


@dataclass(frozen=True)
class Result:
    """Everything computed for one scenario; amounts in integer cents."""

    scenario: Scenario
    total_owed: int
    applied: int
    deficiency: int
    surplus: int
    borrower_owes: int
    cancelled_debt: int
    items: tuple[Item, ...]
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The JSON shape of ``python -m deficiency evaluate`` (amounts as "0.00" strings)."""
        data: dict[str, Any] = {"input": scenario_json(self.scenario)}
        for key in (
            "total_owed",
            "applied",
            "deficiency",
            "surplus",
            "borrower_owes",
            "cancelled_debt",
        ):
            data[key] = cents_str(getattr(self, key))
        data["items"] = [item.as_json() for item in self.items]
        data.update(self.extra)
        return data


def scenario_json(scenario: Scenario) -> dict[str, Any]:
    """The validated inputs echoed as JSON: amounts as strings, dates ISO, flags as bools."""
    out: dict[str, Any] = {}
    for key, value in scenario.model_dump().items():
        if value is None or isinstance(value, (bool, int, str)):
            out[key] = value
        elif hasattr(value, "isoformat"):
            out[key] = value.isoformat()
        else:
            out[key] = f"{value:.2f}"
    return out


def amounts_in_cents(scenario: Scenario) -> dict[str, int]:
    """The formula's amount keys as integer cents."""
    return {key: to_cents(getattr(scenario, key)) for key in FORMULA_AMOUNT_KEYS}


def _compute(amounts: Mapping[str, Any], action_code: Any, settlement: Any) -> dict[str, Any]:
    """The shared formula pipeline: ints in, ints out; arrays in, arrays out."""
    fees = sum((amounts[key] for key in FEE_KEYS), 0)
    owed = formulas.total_owed(amounts["balance"], fees)
    applied_amount = formulas.applied(amounts["sale_price"], amounts["credits"])
    deficiency, surplus = formulas.deficiency_and_surplus(owed, applied_amount)
    owes, cancelled = formulas.split_by_action(deficiency, action_code, settlement)
    return {
        "fees": fees,
        "total_owed": owed,
        "applied": applied_amount,
        "deficiency": deficiency,
        "surplus": surplus,
        "borrower_owes": owes,
        "cancelled_debt": cancelled,
    }


def settlement_issue(scenario: Scenario, deficiency_cents: int) -> FieldIssue | None:
    """A settlement above the deficiency is impossible: report it against ``settlement``."""
    settlement = to_cents(scenario.settlement)
    if scenario.action == "settle" and settlement > deficiency_cents:
        return FieldIssue(
            "settlement",
            f"{scenario.settlement:.2f}",
            MSG_SETTLEMENT,
            {"deficiency": cents_str(deficiency_cents)},
            money_params=frozenset({"value", "deficiency"}),
        )
    return None


def evaluate(scenario: Scenario) -> Result:
    """Compute one scenario exactly. Raises :class:`ScenarioError` on a settlement too high."""
    amounts = amounts_in_cents(scenario)
    action_code = formulas.ACTION_CODES[scenario.action]
    settlement = to_cents(scenario.settlement)
    figures = _compute(amounts, action_code, settlement)
    issue = settlement_issue(scenario, figures["deficiency"])
    if issue is not None:
        raise ScenarioError([issue])
    items = [Item("balance", ITEM_LABELS["balance"], amounts["balance"], 1)]
    items += [Item(key, ITEM_LABELS[key], amounts[key], 1) for key in FEE_KEYS if amounts[key]]
    items.append(Item("sale_price", ITEM_LABELS["sale_price"], amounts["sale_price"], -1))
    if amounts["credits"]:
        items.append(Item("credits", ITEM_LABELS["credits"], amounts["credits"], -1))
    if figures["surplus"]:
        items.append(Item("surplus", ITEM_LABELS["surplus"], figures["surplus"], 0))
    else:
        items.append(Item("deficiency", ITEM_LABELS["deficiency"], figures["deficiency"], 0))
    return Result(
        scenario=scenario,
        total_owed=figures["total_owed"],
        applied=figures["applied"],
        deficiency=figures["deficiency"],
        surplus=figures["surplus"],
        borrower_owes=figures["borrower_owes"],
        cancelled_debt=figures["cancelled_debt"],
        items=tuple(items),
    )


def sweep(scenario: Scenario, **axes: np.ndarray) -> dict[str, np.ndarray]:
    """Vary amount keys (in cents, as broadcastable int64 arrays) around ``scenario``.

    ``axes`` may name any formula amount key, ``settlement``, or ``total_fees`` (a total
    that replaces the itemized fees, for the heatmap of sale price × fees). Returns each
    figure of :func:`evaluate` as an int64 array of the broadcast shape.
    """
    amounts: dict[str, Any] = amounts_in_cents(scenario)
    settlement: Any = to_cents(scenario.settlement)
    for key, values in axes.items():
        array = np.asarray(values, dtype=np.int64)
        if key == "settlement":
            settlement = array
        elif key == "total_fees":
            amounts.update({fee: 0 for fee in FEE_KEYS})
            amounts["interest"] = array
        elif key in amounts:
            amounts[key] = array
        else:
            raise KeyError(f"cannot sweep over {key!r}")
    figures = _compute(amounts, formulas.ACTION_CODES[scenario.action], settlement)
    shape = np.broadcast_shapes(*(np.shape(v) for v in figures.values()))
    return {
        key: np.broadcast_to(np.asarray(v, dtype=np.int64), shape) for key, v in figures.items()
    }


def evaluate_lenient(scenario: Scenario) -> tuple[Result, list[FieldIssue]]:
    """Evaluate for display: a settlement above the deficiency is reported, not fatal.

    The page must keep working while a reader types: the settlement is capped at the
    deficiency for the figures, and the issue names the field and the limit.
    """
    try:
        return evaluate(scenario), []
    except ScenarioError as exc:
        deficiency = evaluate(scenario.model_copy(update={"action": "collect"})).deficiency
        capped = scenario.model_copy(update={"settlement": from_cents(deficiency)})
        return evaluate(capped), list(exc.issues)


MSG_SETTLEMENT_LOWERED = N_(
    "{key}: lowered to {deficiency}, the deficiency after your change (a settlement cannot "
    "be more than the deficiency)."
)


def fit_settlement(scenario: Scenario) -> tuple[Scenario, FieldIssue | None]:
    """Keep a settlement within the deficiency after another input changed.

    When a reader settles and then raises the sale price (or lowers a fee), the old
    settlement can exceed the new deficiency. Capping it in the scenario itself, and
    saying so, keeps the page, its link and a reopened link telling the same story
    (a link with a settlement above its deficiency is refused when opened).
    """
    deficiency = evaluate(scenario.model_copy(update={"action": "collect"})).deficiency
    if settlement_issue(scenario, deficiency) is None:
        return scenario, None
    capped = scenario.model_copy(update={"settlement": from_cents(deficiency)})
    issue = FieldIssue(
        "settlement",
        f"{scenario.settlement:.2f}",
        MSG_SETTLEMENT_LOWERED,
        {"deficiency": cents_str(deficiency)},
        money_params=frozenset({"value", "deficiency"}),
    )
    return capped, issue
