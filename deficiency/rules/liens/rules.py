"""The rules about junior liens and co-borrowers, as data (``data/lien_rules.csv``).

One row per rule: its key, the state it belongs to (empty: general), its citation, its
source (a bibliography id) and confidence. The Form 1099-C thresholds and the multiple-
debtors date are the tax section's dated rules (``tax_rules.csv``), read from there.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from deficiency.core.scenario import STATE_CODES
from deficiency.rules.tables import (
    Confidence,
    ConfidenceCell,
    DataFileError,
    Required,
    Row,
    Source,
    SourceId,
    load_bibliography,
    one_of,
    packaged_text,
    parse_rows,
)
from deficiency.rules.tax.tables import load_tables as tax_tables

RULES_FILE = "lien_rules.csv"


class LienDataError(DataFileError):
    """``lien_rules.csv`` breaks its schema: the message names the file, line and column."""


@dataclass(frozen=True)
class LienRule:
    """One rule about junior liens or co-borrowers and where it comes from."""

    key: str
    citation: str
    source_url: str
    confidence: Confidence


class LienRow(Row):
    key: Required
    state: Annotated[str, one_of(STATE_CODES, blank=True)]
    citation: Required
    source: SourceId
    confidence: ConfidenceCell


def parse_rules(
    text: str, name: str = RULES_FILE, sources: Mapping[str, Source] | None = None
) -> dict[str, LienRule]:
    """Validate the lien rules: unique keys, a citation and a known source each."""
    known = load_bibliography().sources if sources is None else sources
    rules: dict[str, LienRule] = {}
    for line, row in parse_rows(text, name, LienRow, LienDataError, context={"sources": known}):
        if row.key in rules:
            raise LienDataError(f"{name} line {line}: key: duplicate {row.key!r}")
        confidence: Confidence = "confirmed" if row.confidence == "confirmed" else "unconfirmed"
        rules[row.key] = LienRule(row.key, row.citation, known[row.source].url, confidence)
    return rules


@functools.lru_cache(maxsize=1)
def load_rules() -> dict[str, LienRule]:
    """The packaged lien rules, validated once on first use (never at import)."""
    return parse_rules(packaged_text(__package__ or __name__, RULES_FILE))


def form_1099c_threshold() -> int:
    """The smallest cancelled debt a lender must report, in cents (tax_rules.csv)."""
    return tax_tables().cents("form_1099c_threshold")


def multiple_debtors_threshold() -> int:
    """From this cancelled debt (cents), every co-debtor gets a form (tax_rules.csv)."""
    return tax_tables().cents("multiple_debtors_threshold")


def multiple_debtors_from() -> dt.date:
    """Debts incurred from this day on are under the multiple-debtors rule (tax_rules.csv)."""
    rule = tax_tables().rule("multiple_debtors_threshold")
    if rule is None or rule.valid_from is None:
        raise LienDataError("tax_rules.csv: multiple_debtors_threshold needs valid_from")
    return rule.valid_from
