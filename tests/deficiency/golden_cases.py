"""The golden outputs: what the core produces today for fixed cases, recorded to compare.

Why: the core is restructured (modules moved, long functions split, tables merged) while
its behaviour must not change. :func:`outputs` runs every public output on one case (the
JSON report of ``python -m deficiency evaluate``, the link, the CSV exports, the case note,
the handout's text, the letter check, the 1099-C reading, the what-if figures and every
section's rendered sentences); ``golden/*.json`` holds what it gave when recorded, and
``test_golden.py`` asks for the same again.

The cases are the product's worked examples, a few hand-picked cases from the IRS, UCC and
state-law tests, and scenarios generated from a fixed seed (:func:`generated_cases`), all
evaluated on a fixed ``today``.

Regenerate (only after checking that every difference is an intended change of law or
text, never a refactoring's side effect)::

    .venv/bin/python -m tests.deficiency.golden_cases write
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import random
import sys
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import numpy as np

TODAY = dt.date(2026, 7, 1)
SEED = 20260701
GENERATED = 200
#: Every how many generated cases the handout PDF is rendered (it is the slow output).
HANDOUT_EVERY = 8
BASE_URL = "https://deficiency.example.org/"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
FILES = {"worked": "worked.json", "generated": "generated.json"}


# -- the cases ----------------------------------------------------------------------------------
def _worked() -> list[dict[str, Any]]:
    """The product's worked examples and hand-picked cases from the law's own examples."""
    from deficiency.interface.examples import EXAMPLES

    cases = [
        {"id": f"example_{name}", "scenario": data, "langs": ["en", "ja", "es"], "handout": True}
        for name, (_label, data) in EXAMPLES.items()
    ]
    picked: list[tuple[str, dict[str, Any], dict[str, Any] | None, list[dict[str, Any]] | None]] = [
        # Pub 4681 ch. 2 Example 1: recourse car repossession.
        (
            "pub4681_car_recourse",
            {
                "loan": "auto",
                "path": "repossession",
                "balance": "10000",
                "sale_price": "9000",
                "fmv": "9000",
                "basis": "15000",
                "action": "forgive",
                "main_home": "no",
                "sale_date": "2025-03-01",
            },
            None,
            None,
        ),
        # Pub 544 nonrecourse Example 2: a home, a gain on a nonrecourse debt.
        (
            "pub544_home_nonrecourse_gain",
            {
                "loan": "mortgage",
                "path": "foreclosure",
                "balance": "180000",
                "sale_price": "170000",
                "fmv": "170000",
                "basis": "175000",
                "recourse": "no",
                "sale_date": "2025-05-01",
            },
            None,
            None,
        ),
        # Pub 525 Example 24: the QPRI ordering rule.
        (
            "pub525_qpri_ordering",
            {
                "loan": "mortgage",
                "path": "short_sale",
                "balance": "900000",
                "sale_price": "600000",
                "action": "forgive",
                "filing_status": "married_joint",
                "taxable_income": "150000",
                "discharge_date": "2025-06-30",
            },
            None,
            None,
        ),
        # Insolvency worksheet.
        (
            "insolvency_partial",
            {
                "loan": "auto",
                "path": "voluntary_surrender",
                "balance": "20000",
                "sale_price": "15000",
                "action": "forgive",
                "total_liabilities": "50000",
                "total_assets": "48000",
                "taxable_income": "40000",
                "sale_date": "2025-02-01",
            },
            None,
            None,
        ),
        # California trustee sale, a purchase-money second, co-borrowers.
        (
            "ca_trustee_sale_second",
            {
                "loan": "mortgage",
                "path": "foreclosure",
                "state": "CA",
                "foreclosure": "nonjudicial",
                "balance": "520000",
                "sale_price": "430000",
                "legal_fees": "4200",
                "second_balance": "60000",
                "second_purchase_money": "yes",
                "coborrowers": "1",
                "sale_date": "2025-09-15",
                "dofd": "2024-11-01",
                "investor": "fannie_mae",
            },
            None,
            None,
        ),
        # Texas judicial foreclosure: a fair-value credit and a deadline.
        (
            "tx_fair_value",
            {
                "loan": "mortgage",
                "path": "foreclosure",
                "state": "TX",
                "balance": "250000",
                "sale_price": "150000",
                "fmv": "210000",
                "sale_date": "2026-03-01",
                "dofd": "2025-06-01",
                "charge_off_date": "2026-05-01",
            },
            None,
            None,
        ),
        # Chapter 7 bankruptcy.
        (
            "bankruptcy_ch7",
            {
                "loan": "mortgage",
                "path": "deed_in_lieu",
                "state": "FL",
                "balance": "300000",
                "sale_price": "240000",
                "action": "forgive",
                "bankruptcy": "chapter7",
                "bankruptcy_date": "2025-01-10",
                "discharge_date": "2025-05-10",
                "dofd": "2024-08-01",
            },
            None,
            None,
        ),
        # Ohio repossession with the lender's letter (UCC 9-615, 9-616, 9-625, 9-626).
        (
            "oh_repossession_letter",
            {
                "loan": "auto",
                "path": "repossession",
                "state": "OH",
                "balance": "18000",
                "sale_price": "9000",
                "legal_fees": "750",
                "notice_given": "no",
                "sale_date": "2026-02-01",
                "dofd": "2025-10-01",
            },
            {
                "lt_obligation": "18000",
                "lt_proceeds": "9000",
                "lt_repo_fee": "1800",
                "lt_storage_days": "40",
                "lt_storage_rate": "90",
                "lt_reconditioning": "600",
                "lt_auction_fee": "450",
                "lt_attorney_fees": "1200",
                "lt_late_fees_after_acceleration": "150",
                "lt_stated_deficiency": "15800",
                "lt_buyer_related": "yes",
                "lt_fmv": "12500",
                "lt_notice_given": "no",
                "lt_finance_charge": "4200",
                "lt_principal": "16000",
            },
            None,
        ),
        # Wisconsin: a state's statutory limit on a repossession charge.
        (
            "wi_repossession_cap",
            {"loan": "auto", "path": "repossession", "state": "WI", "balance": "9000"},
            {
                "lt_obligation": "9000",
                "lt_proceeds": "4000",
                "lt_repo_fee": "600",
                "lt_storage_days": "10",
                "lt_storage_rate": "30",
                "lt_precomputed": "yes",
                "lt_addons": "yes",
            },
            None,
        ),
        # Forms 1099-C: a duplicate, a code G, box 7 below the price.
        (
            "forms_1099c",
            {
                "loan": "mortgage",
                "path": "short_sale",
                "state": "NV",
                "balance": "320000",
                "sale_price": "250000",
                "action": "forgive",
                "sale_date": "2025-08-01",
            },
            None,
            [
                {
                    "fc_date": "2025-08-01",
                    "fc_amount": "70000",
                    "fc_interest": "2500",
                    "fc_liable": "yes",
                    "fc_code": "G",
                    "fc_fmv": "240000",
                    "fc_description": "First mortgage, 12 Elm St",
                },
                {"fc_date": "2025-08-01", "fc_amount": "70000", "fc_code": "F"},
                {"fc_date": "2026-01-05", "fc_amount": "1200", "fc_liable": "no"},
            ],
        ),
    ]
    for name, scenario, letter, forms in picked:
        case: dict[str, Any] = {"id": name, "scenario": scenario, "langs": ["en"], "handout": True}
        if letter is not None:
            case["letter"] = letter
        if forms is not None:
            case["forms"] = forms
        cases.append(case)
    return cases


def _money(rng: random.Random, low: int, high: int) -> str:
    """A dollar amount with cents, as text (``"1234.56"``)."""
    return f"{rng.randint(low * 100, high * 100) / 100:.2f}"


def _day(rng: random.Random, first: dt.date, last: dt.date) -> str:
    return (first + dt.timedelta(days=rng.randint(0, (last - first).days))).isoformat()


def _maybe(rng: random.Random, chance: float) -> bool:
    return rng.random() < chance


def _scenario(rng: random.Random) -> dict[str, str]:
    """One random but valid scenario (every key of the schema has a chance)."""
    from deficiency import evaluate, validate
    from deficiency.core.scenario import (
        BANKRUPTCY_KINDS,
        FILING_STATUSES,
        INVESTORS,
        LOAN_TYPES,
        PATHS_BY_LOAN,
        SCORE_BANDS,
        STATE_CODES,
    )

    loan = rng.choice(LOAN_TYPES)
    data: dict[str, str] = {"loan": loan, "path": rng.choice(PATHS_BY_LOAN[loan])}
    top = 900_000 if loan == "mortgage" else 60_000
    balance = rng.randint(1_000, top)
    data["balance"] = _money(rng, 1_000, balance)
    data["sale_price"] = _money(rng, 0, int(balance * 1.15))
    for key in ("interest", "late_fees", "legal_fees", "sale_costs", "holding_costs"):
        if _maybe(rng, 0.35):
            data[key] = _money(rng, 0, 8_000)
    if _maybe(rng, 0.15):
        data["other_fees"] = _money(rng, 0, 3_000)
    if _maybe(rng, 0.2):
        data["credits"] = _money(rng, 0, 5_000)
    if _maybe(rng, 0.85):
        data["state"] = rng.choice(STATE_CODES)
    if _maybe(rng, 0.35):
        data["foreclosure"] = rng.choice(("judicial", "nonjudicial"))
    for key, chance in (
        ("purchase_money", 0.25),
        ("owner_occupied", 0.2),
        ("home_equity", 0.15),
        ("lender_bought", 0.2),
        ("notice_given", 0.15),
        ("commercially_reasonable", 0.15),
        ("main_home", 0.2),
        ("extenuating", 0.2),
        ("second_lender_same", 0.2),
        ("second_purchase_money", 0.2),
    ):
        if _maybe(rng, chance):
            data[key] = rng.choice(("yes", "no"))
    if _maybe(rng, 0.15):
        data["units"] = str(rng.choice((1, 2, 4, 5, 12)))
    if _maybe(rng, 0.15):
        data["acres"] = rng.choice(("0.10", "2.5", "10", "45.75"))
    if _maybe(rng, 0.35):
        data["fmv"] = _money(rng, 0, int(balance * 1.2))
    dates = {
        "sale_date": (dt.date(2019, 1, 1), dt.date(2027, 6, 30), 0.6),
        "loan_date": (dt.date(1990, 1, 1), dt.date(2024, 12, 31), 0.3),
        "dofd": (dt.date(2017, 1, 1), dt.date(2026, 6, 1), 0.5),
        "discharge_date": (dt.date(2019, 1, 1), dt.date(2027, 1, 1), 0.25),
        "charge_off_date": (dt.date(2019, 1, 1), dt.date(2027, 1, 1), 0.2),
        "settlement_date": (dt.date(2019, 1, 1), dt.date(2027, 1, 1), 0.15),
        "dispute_date": (dt.date(2025, 1, 1), dt.date(2026, 9, 1), 0.15),
    }
    for key, (first, last, chance) in dates.items():
        if _maybe(rng, chance):
            data[key] = _day(rng, first, last)
    if _maybe(rng, 0.25):
        data["recourse"] = rng.choice(("yes", "no", "auto"))
    if _maybe(rng, 0.4):
        data["basis"] = _money(rng, 0, int(balance * 1.3))
    if _maybe(rng, 0.25):
        data["bankruptcy"] = rng.choice(BANKRUPTCY_KINDS)
        if data["bankruptcy"] != "none" and _maybe(rng, 0.7):
            data["bankruptcy_date"] = _day(rng, dt.date(2018, 1, 1), dt.date(2026, 6, 1))
    if _maybe(rng, 0.3):
        data["total_liabilities"] = _money(rng, 0, 400_000)
        data["total_assets"] = _money(rng, 0, 400_000)
    data["filing_status"] = rng.choice(FILING_STATUSES)
    if _maybe(rng, 0.7):
        data["taxable_income"] = _money(rng, 0, 700_000)
    if _maybe(rng, 0.4):
        data["score"] = rng.choice(SCORE_BANDS)
    if _maybe(rng, 0.25):
        data["current_before_sale"] = rng.choice(("yes", "no"))
    if loan == "mortgage" and _maybe(rng, 0.35):
        data["second_balance"] = _money(rng, 0, 150_000)
        if _maybe(rng, 0.5):
            data["second_made_with_first"] = rng.choice(("yes", "no"))
    if _maybe(rng, 0.3):
        data["coborrowers"] = str(rng.randint(0, 4))
    if _maybe(rng, 0.3):
        data["rate"] = rng.choice(("3.5", "6.875", "12", "24.99"))
    if _maybe(rng, 0.35):
        data["investor"] = rng.choice(INVESTORS)
    if _maybe(rng, 0.25):
        data["as_is_value"] = _money(rng, 1_000, int(balance * 1.2))
    if _maybe(rng, 0.25):
        data["days_marketed"] = str(rng.randint(0, 200))
    action = rng.choice(("collect", "collect", "forgive", "settle"))
    data["action"] = action
    if action == "settle":
        deficiency = evaluate(validate({**data, "action": "collect"})).deficiency
        data["settlement"] = f"{rng.randint(0, deficiency) / 100:.2f}"
    return data


def _letter(rng: random.Random) -> dict[str, str]:
    letter = {"lt_obligation": _money(rng, 2_000, 40_000)}
    letter["lt_proceeds"] = _money(rng, 0, int(float(letter["lt_obligation"])))
    for key, top in (
        ("lt_repo_fee", 2_500),
        ("lt_reconditioning", 3_000),
        ("lt_auction_fee", 2_000),
        ("lt_other_expenses", 1_000),
        ("lt_attorney_fees", 3_000),
        ("lt_unearned_interest_rebate", 1_500),
        ("lt_addon_refunds", 1_200),
        ("lt_other_credits", 800),
    ):
        if _maybe(rng, 0.45):
            letter[key] = _money(rng, 0, top)
    if _maybe(rng, 0.5):
        letter["lt_storage_days"] = str(rng.randint(0, 120))
        letter["lt_storage_rate"] = _money(rng, 0, 120)
    if _maybe(rng, 0.3):
        letter["lt_late_fees_after_acceleration"] = _money(rng, 0, 300)
    if _maybe(rng, 0.6):
        letter["lt_stated_deficiency"] = _money(rng, 0, 30_000)
    for key in ("lt_rebate_included", "lt_buyer_related", "lt_notice_given"):
        if _maybe(rng, 0.3):
            letter[key] = rng.choice(("yes", "no"))
    for key in ("lt_precomputed", "lt_addons"):
        if _maybe(rng, 0.4):
            letter[key] = rng.choice(("yes", "no", ""))
    if _maybe(rng, 0.2):
        letter["lt_commercially_reasonable"] = "no"
    if _maybe(rng, 0.4):
        letter["lt_fmv"] = _money(rng, 0, 30_000)
    if _maybe(rng, 0.5):
        letter["lt_finance_charge"] = _money(rng, 0, 9_000)
        letter["lt_principal"] = _money(rng, 1_000, 40_000)
    return letter


def _forms(rng: random.Random) -> list[dict[str, str]]:
    from deficiency.counselor.form1099c import CODES

    forms = []
    amount = _money(rng, 100, 90_000)
    date = _day(rng, dt.date(2023, 1, 1), dt.date(2026, 6, 1))
    for _ in range(rng.randint(1, 3)):
        form: dict[str, str] = {}
        if _maybe(rng, 0.8):
            form["fc_date"] = (
                date if _maybe(rng, 0.6) else _day(rng, dt.date(2023, 1, 1), dt.date(2026, 6, 1))
            )
        if _maybe(rng, 0.9):
            form["fc_amount"] = amount if _maybe(rng, 0.5) else _money(rng, 100, 90_000)
            if _maybe(rng, 0.3):
                form["fc_interest"] = _money(rng, 0, int(float(form["fc_amount"]) // 4))
        if _maybe(rng, 0.5):
            form["fc_liable"] = rng.choice(("yes", "no"))
        if _maybe(rng, 0.7):
            form["fc_code"] = rng.choice(CODES)
        if _maybe(rng, 0.5):
            form["fc_fmv"] = _money(rng, 0, 400_000)
        if _maybe(rng, 0.3):
            form["fc_description"] = rng.choice(("Auto loan", "Mortgage 1st lien", "HELOC"))
        forms.append(form)
    return forms


def generated_cases() -> list[dict[str, Any]]:
    """``GENERATED`` scenarios from the fixed seed, some with a letter or 1099-C forms."""
    rng = random.Random(SEED)
    cases = []
    for number in range(GENERATED):
        scenario = _scenario(rng)
        case: dict[str, Any] = {
            "id": f"generated_{number:03d}",
            "scenario": scenario,
            "langs": ["en"],
            "handout": number % HANDOUT_EVERY == 0,
        }
        if scenario["loan"] != "mortgage" and _maybe(rng, 0.6):
            case["letter"] = _letter(rng)
        if _maybe(rng, 0.3):
            case["forms"] = _forms(rng)
        cases.append(case)
    return cases


def all_cases() -> dict[str, list[dict[str, Any]]]:
    return {"worked": _worked(), "generated": generated_cases()}


# -- plain data from results -------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A result as JSON-ready data: sentences rendered in English, exact amounts, ISO dates.

    Dataclasses become dicts of their fields, a ``Message`` its rendered text, a source its
    address (the report and the handout carry the titles), numpy arrays lists; nothing is
    rounded and nothing is left out.
    """
    from deficiency.rules.tables import Source
    from deficiency.text.markers import Message

    if isinstance(value, Message):
        return value.text()
    if isinstance(value, Source):
        return value.url  # titles: in the report and the handout, once per source
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value).__name__ == "Scenario":
            return value.model_dump(mode="json")
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return {name: plain(getattr(value, name)) for name in value._fields}
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def pdf_text(data: bytes) -> list[str]:
    """The text of each page of a PDF (pypdf), for comparing what a handout says."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# -- every output of one case ------------------------------------------------------------------
def outputs(case: Mapping[str, Any]) -> dict[str, Any]:
    """Every public output of the core for one case, as JSON-ready data."""
    from deficiency import validate
    from deficiency.core.analysis import analyze, credit_rules_as_of
    from deficiency.core.delay import countdown_notes, countdowns, delay_schedule, per_month_message
    from deficiency.core.whatif import compare_paths, comparison_records, figures, price_range
    from deficiency.counselor.form1099c import decode_forms, read_forms
    from deficiency.counselor.guidance import next_steps
    from deficiency.counselor.help import help_for, relocation_help, short_sale_check
    from deficiency.counselor.letter import check_letter, decode_letter
    from deficiency.interface.links import decode_all, encode, encode_all
    from deficiency.interface.report import full_report
    from deficiency.outputs.casenote import case_note
    from deficiency.outputs.exports import breakdown_csv, comparison_csv
    from deficiency.outputs.handout import render_pdf, sources
    from deficiency.rules.liens import assess_coborrowers, second_lien_of
    from deficiency.rules.state_law import case_caption, coverage, rules_as_of

    scenario = validate(case["scenario"])
    letter, letter_issues = decode_letter(case.get("letter", {}))
    forms_params: dict[str, str] = {}
    for prefix, form in zip(("fc_", "fc2_", "fc3_"), case.get("forms", []), strict=False):
        forms_params.update({prefix + key[3:]: value for key, value in form.items()})
    forms, form_issues = decode_forms(forms_params)
    found = analyze(scenario, TODAY)
    params = encode_all(scenario, letter, forms)
    link = BASE_URL + "?" + urlencode(params)
    reopened = decode_all(params)
    out: dict[str, Any] = {
        "report": full_report(scenario, TODAY),
        "link": encode(scenario),
        "link_all": params,
        "reopened_same": reopened[0] == scenario and reopened[1] == letter,
        "input_issues": [issue.text() for issue in (*letter_issues, *form_issues)],
        "analysis": {
            "issues": [issue.text() for issue in found.issues],
            "owes": found.owes,
            "cancelled": found.cancelled,
            "lender_action_note": plain(found.lender_action_note),
            "credit_rules_as_of": credit_rules_as_of(found).isoformat(),
            "rules_as_of": rules_as_of(scenario).isoformat(),
            "state": plain(found.state),
            "tax": plain(found.tax),
            "credit": plain(found.credit),
            "credit_timeline": plain(found.credit.timeline()),
            "next_steps": plain(
                next_steps(
                    scenario,
                    found.result.deficiency,
                    found.result.surplus,
                    found.state.collectible_cents,
                )
            ),
        },
        "sections": {
            "second_lien": plain(second_lien_of(scenario)),
            "coborrowers": plain(
                assess_coborrowers(scenario, found.owes, found.cancelled, scenario.coborrowers)
            ),
            "help": plain(help_for(found, TODAY)),
            "relocation": plain(relocation_help(scenario)),
            "countdowns": plain(countdowns(found, TODAY, scenario.dispute_date)),
            "countdown_notes": plain(countdown_notes(found, TODAY, scenario.dispute_date)),
            "delay": plain(delay_schedule(scenario, 6, 6875, 4500, 2500)),
            "delay_per_month": plain(per_month_message(scenario, 6875, 4500, 2500)),
            "caption": plain(case_caption(scenario)),
            "coverage": plain(coverage(scenario, scenario.state or "CA", found.result)),
        },
        "csv": {lang: breakdown_csv(found, lang) for lang in case["langs"]},
        "case_note": {lang: case_note(found, link, lang, TODAY) for lang in case["langs"]},
    }
    if scenario.loan == "mortgage" and scenario.path == "short_sale":
        value = scenario.as_is_value or scenario.sale_price or Decimal("1")
        check = short_sale_check(
            scenario, max(int(value * 100), 1), 3, days_marketed=scenario.days_marketed
        )
        out["sections"]["short_sale_check"] = plain(check)
    rows = compare_paths(scenario, 30, TODAY)
    out["compare_csv"] = comparison_csv(comparison_records(rows, scenario))
    prices = price_range(scenario, 9)
    out["whatif"] = plain(figures(scenario, TODAY, sale_price=prices))
    if case.get("letter"):
        out["letter"] = check_letter(letter, state=scenario.state).as_json()
        out["letter_flags"] = plain(check_letter(letter, state=scenario.state).flags)
    if forms:
        out["forms"] = read_forms(forms, found).as_json()
        out["forms_alone"] = read_forms(forms).as_json()
    if case.get("handout"):
        out["handout_sources"] = sources(found)
        for lang in case["langs"]:
            try:
                text: Any = pdf_text(render_pdf(found, link, lang, TODAY, letter=letter))
            except ValueError as error:  # recorded as it is (e.g. a 3-decimal rate)
                text = {"error": f"{type(error).__name__}: {error}"}
            out.setdefault("handout", {})[lang] = text
    return json.loads(json.dumps(out, ensure_ascii=False, default=str))


def record(group: str) -> dict[str, Any]:
    return {case["id"]: {"case": case, "outputs": outputs(case)} for case in all_cases()[group]}


def load(group: str) -> dict[str, Any]:
    with open(GOLDEN_DIR / FILES[group], encoding="utf-8") as handle:
        return json.load(handle)


def write() -> None:
    GOLDEN_DIR.mkdir(exist_ok=True)
    for group, name in FILES.items():
        data = record(group)
        lines = [
            f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, sort_keys=True)}"
            for key, value in sorted(data.items())
        ]
        with open(GOLDEN_DIR / name, "w", encoding="utf-8") as handle:
            handle.write("{\n" + ",\n".join(lines) + "\n}\n")  # one case a line
        print(f"{name}: {len(data)} cases")


if __name__ == "__main__":
    if sys.argv[1:] != ["write"]:
        raise SystemExit(__doc__)
    write()
