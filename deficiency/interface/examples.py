"""The product's worked examples, as scenarios anyone can open with one click.

Short sale: $250,000 owed, the house sells for $200,000, deficiency $50,000 (the servicer
may write it off). Car: $10,000 owed, the repossessed car sells for $8,500, deficiency
$1,500; with $500 of fees in a deficiency judgment, $2,000.
"""

from __future__ import annotations

from deficiency.core.scenario import Scenario, validate
from deficiency.text.markers import N_

EXAMPLES: dict[str, tuple[str, dict[str, str]]] = {
    "short_sale": (
        N_("Short sale: $250,000 owed, house sold for $200,000"),
        {"loan": "mortgage", "path": "short_sale", "balance": "250000", "sale_price": "200000"},
    ),
    "car": (
        N_("Car repossession: $10,000 owed, sold for $8,500, $500 of fees"),
        {
            "loan": "auto",
            "path": "repossession",
            "balance": "10000",
            "sale_price": "8500",
            "legal_fees": "500",
        },
    ),
}


def example(name: str) -> Scenario:
    """The validated scenario of a named example."""
    return validate(EXAMPLES[name][1])
