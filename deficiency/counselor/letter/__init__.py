"""Check a lender's deficiency letter after a repossession (UCC Article 9).

After a repossession sale the lender sends a letter claiming a deficiency. In a consumer-goods
transaction UCC § 9-616(c) requires the explanation to give, in this order: (1) the aggregate
obligation (saying whether it reflects a rebate of unearned interest), (2) the sale proceeds,
(3) the obligation after deducting the proceeds, (4) the expenses of retaking, holding,
preparing, processing and disposing, and attorney's fees, (5) the credits not reflected in
(1), including rebates of interest, and (6) the surplus or deficiency. § 9-615(a) applies the
proceeds to the same items. :func:`check_letter` redoes that arithmetic in cents from the
figures the reader copies from the letter and lists what deserves a question, each with the
amount at stake, what to ask the lender and where the rule comes from.

Why the inputs live in the URL: a reader shares the check with a legal-aid lawyer, so the
letter is encoded like the scenario (:mod:`deficiency.interface.links`): every key is prefixed
``lt_``, only non-default keys are written, values are stable codes and plain numbers, and a bad
value costs only its own key (:func:`decode_letter`). The keys are a public interface: add keys,
never rename them or change their meaning.

What is and is not verified. The UCC rules (9-615, 9-616, 9-625(c)(2), 9-626) are uniform;
each flag cites the section as the reader's state enacted it, or the uniform text where no
state text was found (:mod:`deficiency.rules.ucc`, its ``data/ucc_sections.csv`` and
``data/ucc_pinpoints.csv``). Expense ranges come from ``data/letter_ranges.csv`` (see
:mod:`.ranges`). Nothing is read at import time; the data files load on first use.
Decisions documented here because they are judgment calls:

* *Missing rebate of unearned interest.* A simple-interest loan earns interest only as days
  pass, so acceleration leaves nothing unearned; a precomputed contract adds the whole finance
  charge to the balance at the start, so when the lender accelerates it, the charge for the
  months not yet reached is unearned and must be credited (NCLC § 1.4.9). Rule: no rebate on
  the letter and no statement that the obligation already reflects one is a *warning* when the
  reader says the contract was precomputed and *info* when the reader does not know.
* *Add-on refunds.* The same rule for GAP, service contracts and credit insurance (CFPB).
* *Late fees after acceleration.* A late fee is charged on a missed installment; after the
  whole balance is demanded there are no installments left to be late, so these fees are
  flagged as often not due (NCLC § 1.4.9), without removing them from the recomputed figure.
* *Amounts at stake* are never summed: the flags overlap (a sale without notice may cut the
  whole deficiency, which already includes every overcharge).

The package: ``inputs`` (the letter's keys and its link), ``ranges`` (the expense table and
the sources), ``messages`` (every sentence), ``checks`` (one small function per thing worth a
question, their fixed text in ``checks.FLAGS``), ``result`` and :func:`check_letter`.
"""

from __future__ import annotations

from deficiency.core.engine import Item
from deficiency.core.scenario import STATE_CODES
from deficiency.counselor.letter.checks import (
    CHECKS,
    FLAGS,
    Letter,
    cents,
    flags_for,
    minimum_damages,
    net,
)
from deficiency.counselor.letter.inputs import (
    EXPENSE_ITEMS,
    LETTER_DEFAULTS,
    LETTER_KEYS,
    PREFIX,
    LetterInputs,
    decode_letter,
    encode_letter,
    is_letter_key,
    validate_letter,
)
from deficiency.counselor.letter.messages import LINE_LABELS
from deficiency.counselor.letter.ranges import (
    UCC_SOURCE_IDS,
    ExpenseRange,
    LetterDataError,
    load_ranges,
    load_sources,
    parse_ranges,
    range_for,
    sources_for,
)
from deficiency.counselor.letter.result import LetterCheck, LetterFlag


def _expense_amounts(inputs: LetterInputs) -> dict[str, int]:
    return {
        "repo_fee": cents(inputs.lt_repo_fee),
        "storage": inputs.lt_storage_days * cents(inputs.lt_storage_rate),
        "reconditioning": cents(inputs.lt_reconditioning),
        "auction_fee": cents(inputs.lt_auction_fee),
        "other_expenses": cents(inputs.lt_other_expenses),
        "attorney_fees": cents(inputs.lt_attorney_fees),
    }


def _credit_amounts(inputs: LetterInputs) -> dict[str, int]:
    return {
        "interest_rebate": cents(inputs.lt_unearned_interest_rebate),
        "addon_refunds": cents(inputs.lt_addon_refunds),
        "other_credits": cents(inputs.lt_other_credits),
    }


def _lines(
    obligation: int, proceeds: int, expenses: dict[str, int], credits: dict[str, int], net_: int
) -> tuple[Item, ...]:
    """The 9-616(c) lines, signed, for the table and the waterfall chart."""
    lines = [
        Item("obligation", LINE_LABELS["obligation"], obligation, 1),
        Item("proceeds", LINE_LABELS["proceeds"], proceeds, -1),
        Item("after_proceeds", LINE_LABELS["after_proceeds"], obligation - proceeds, 0),
    ]
    lines += [Item(k, LINE_LABELS[k], v, 1) for k, v in expenses.items() if v]
    lines += [Item(k, LINE_LABELS[k], v, -1) for k, v in credits.items() if v]
    if net_ < 0:
        lines.append(Item("surplus", LINE_LABELS["surplus"], -net_, 0))
    else:
        lines.append(Item("deficiency", LINE_LABELS["deficiency"], net_, 0))
    return tuple(lines)


def check_letter(inputs: LetterInputs, *, state: str | None = None) -> LetterCheck:
    """Redo the letter's arithmetic in the 9-616(c) order and list what to question.

    ``state`` (a USPS code, usually the scenario's ``state``) selects a state's statutory
    limits on charges where ``letter_ranges.csv`` has one; without it only the national,
    unconfirmed screens apply. Never raises for any valid :class:`LetterInputs`.
    """
    if state not in STATE_CODES:
        state = None
    obligation, proceeds = cents(inputs.lt_obligation), cents(inputs.lt_proceeds)
    expense_lines, credit_lines = _expense_amounts(inputs), _credit_amounts(inputs)
    expenses, credits = sum(expense_lines.values()), sum(credit_lines.values())
    net_ = net(obligation, proceeds, expenses, credits)
    recomputed, surplus = max(net_, 0), max(-net_, 0)
    letter = Letter(inputs, state, obligation, proceeds, expenses, credits, recomputed, surplus)
    stated = None if inputs.lt_stated_deficiency is None else cents(inputs.lt_stated_deficiency)
    return LetterCheck(
        inputs=inputs,
        state=state,
        lines=_lines(obligation, proceeds, expense_lines, credit_lines, net_),
        storage_cents=expense_lines["storage"],
        expenses_cents=expenses,
        credits_cents=credits,
        recomputed_cents=recomputed,
        surplus_cents=surplus,
        stated_cents=stated,
        difference_cents=None if stated is None else stated - recomputed,
        flags=flags_for(letter),
    )


__all__ = [
    "CHECKS",
    "EXPENSE_ITEMS",
    "FLAGS",
    "LETTER_DEFAULTS",
    "LETTER_KEYS",
    "LINE_LABELS",
    "PREFIX",
    "UCC_SOURCE_IDS",
    "ExpenseRange",
    "LetterCheck",
    "LetterDataError",
    "LetterFlag",
    "LetterInputs",
    "check_letter",
    "decode_letter",
    "encode_letter",
    "is_letter_key",
    "load_ranges",
    "load_sources",
    "minimum_damages",
    "parse_ranges",
    "range_for",
    "sources_for",
    "validate_letter",
]
