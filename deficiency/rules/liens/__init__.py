"""Second mortgages, HELOCs and co-borrowers: what a junior lien and shared liability add.

Why this module exists: the engine and :mod:`deficiency.rules.state_law` answer for the loan that
was foreclosed or short-sold. Many households also carry a second mortgage or a home-equity
line (HELOC), and many loans have more than one borrower. Both change what a household can be
made to pay, often more than the first loan does:

* **Sold-out junior lien.** A foreclosure by the first lender wipes out the second lender's
  *lien*, not its *note*. The second lender becomes an unsecured creditor and can usually sue
  on the note for the whole balance, even in a state that bars a deficiency on the first
  loan (the bar protects the loan that was foreclosed). California is the notable exception
  and is encoded rule by rule below; a state whose home-equity loans carry no personal
  liability (Texas) protects a second that did not buy the home; every other state is
  treated conservatively as collectible and marked ``unconfirmed``.
* **Short sale.** Nothing closes without the second lender's written release of its lien;
  the release is the moment to ask it to waive the rest in writing.
* **Co-borrowers.** Each co-borrower who signed the note can be made to pay the whole
  deficiency, not a share, and each may receive a Form 1099-C showing the full cancelled
  amount (the Form 1099-C "multiple debtors" rule, encoded in :func:`forms_1099c`).

Every rule is a :class:`LienRule` constant with its citation, source and confidence next to
it. The amount formulas (:func:`second_collectible`, :func:`forms_1099c`) take Python ints
or numpy int64 arrays, like :mod:`deficiency.core.formulas`, so a sweep uses the single rule.

Proposed scenario keys (defined here as :class:`LienInputs` until they join
:class:`~deficiency.core.scenario.Scenario` under the same names): ``second_balance``,
``second_lender_same``, ``second_purchase_money``, ``second_made_with_first``,
``coborrowers``. The functions take these values explicitly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Literal, TypeVar

import numpy as np
from pydantic import BaseModel, BeforeValidator, ConfigDict
from pydantic_core import PydanticCustomError

from deficiency.core.money import to_cents
from deficiency.core.scenario import Scenario
from deficiency.core.validators import MSG_INT, Amount, Flag, OptionalFlag
from deficiency.rules import state_law
from deficiency.text.markers import N_, Message

Cents = TypeVar("Cents", int, np.ndarray)
Confidence = Literal["confirmed", "unconfirmed"]
Status = Literal["none", "protected", "collectible", "not_applicable"]

MAX_COBORROWERS = 10


# -- the proposed inputs -------------------------------------------------------------------
def _coborrowers(value: Any) -> int:
    """A whole number of co-borrowers, 0 to 10 (the borrower is not counted)."""
    if isinstance(value, bool):
        raise PydanticCustomError("coborrowers", MSG_INT)
    text = str(value).strip()
    if not text.isascii() or not text.isdigit() or len(text) > 3:
        raise PydanticCustomError("coborrowers", MSG_INT)
    number = int(text)
    if not 0 <= number <= MAX_COBORROWERS:
        raise PydanticCustomError("coborrowers", MSG_INT)
    return number


class LienInputs(BaseModel):
    """The proposed scenario keys for a second lien and co-borrowers, validated like the rest.

    Same names, types and defaults the keys will have on the scenario, so a link made with
    them keeps working when they move there. ``second_made_with_first`` = the second loan
    was made together with the first (a "piggyback" at purchase); ``None`` = not known.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    second_balance: Amount = Decimal("0.00")
    second_lender_same: Flag = False
    second_purchase_money: Flag = False
    second_made_with_first: OptionalFlag = None
    coborrowers: Annotated[int, BeforeValidator(_coborrowers)] = 0

    @property
    def second_balance_cents(self) -> int:
        return to_cents(self.second_balance)


# -- the rules, each with its citation and source ------------------------------------------
@dataclass(frozen=True)
class LienRule:
    """One rule about junior liens or co-borrowers and where it comes from."""

    key: str
    citation: str
    source_url: str
    confidence: Confidence


RULES: dict[str, LienRule] = {
    rule.key: rule
    for rule in (
        # The general rule: foreclosure extinguishes the junior lien, not the note; the
        # sold-out junior may sue on the note. Stated for California in National
        # Enterprises v. Woods; elsewhere from practitioner sources (MN and WV named in the
        # research notes): no 50-state confirmation, so unconfirmed outside California.
        LienRule(
            "sold_out_general",
            "General rule: a foreclosure wipes out the junior lien but not the note "
            "(research notes, junior liens; MN, WV examples)",
            "https://pocketsense.com/happens-second-mortgage-after-foreclosure-4673343.html",
            "unconfirmed",
        ),
        LienRule(
            "ca_sold_out",
            "National Enterprises, Inc. v. Woods (2001) 94 Cal.App.4th 1217",
            "https://realtylawexperts.com/defaults-and-foreclosures/junior-liens/"
            "sold-out-junior-liens/",
            "confirmed",
        ),
        # 580b(a)(3): purchase-money loan on an owner-occupied dwelling of at most four
        # units; the California Supreme Court applies it to sold-out juniors.
        LienRule(
            "ca_580b_junior",
            "Cal. Civ. Proc. Code § 580b(a)(3); Brown v. Jensen (1953) 41 Cal.2d 193; "
            "Spangler v. Memel (1972) 7 Cal.3d 603",
            "https://realtylawexperts.com/defaults-and-foreclosures/junior-liens/"
            "sold-out-junior-liens/",
            "confirmed",
        ),
        # Simon: same creditor, two loans made days apart and recorded the same day, trustee
        # sale under the senior: 580d bars the junior. Black Sky (Cal. Supreme Court 2019)
        # allows the junior where the loans were separate (made two years apart), so Simon
        # is applied only when the loans were made together, and marked unconfirmed.
        LienRule(
            "ca_simon",
            "Cal. Civ. Proc. Code § 580d; Simon v. Superior Court (1992) 4 Cal.App.4th 63",
            "https://law.justia.com/cases/california/court-of-appeal/4th/4/63.html",
            "unconfirmed",
        ),
        LienRule(
            "ca_black_sky",
            "Black Sky Capital, LLC v. Cobb (2019) 7 Cal.5th 156",
            "https://scocal.stanford.edu/opinion/black-sky-capital-llc-v-cobb-34620",
            "confirmed",
        ),
        # 580e as amended by SB 458 (effective July 15, 2011): any lienholder that consents
        # in writing to a short sale of a dwelling of at most four units may not collect
        # the rest; not for corporations, LLCs, limited partnerships.
        LienRule(
            "ca_580e",
            "Cal. Civ. Proc. Code § 580e(a) (as amended by SB 458, 2011)",
            "https://practicallawyer.com/resources-complementary-info/law-articles/"
            "additional-short-sale-protection/",
            "confirmed",
        ),
        # Every note signer is liable for the whole debt (joint and several liability is
        # the usual term of a mortgage note): general principle, not a statute.
        LienRule(
            "joint_liability",
            "Joint and several liability of co-signers of a note (general principle)",
            "https://www.thinkadvisor.com/tax-facts/2024/03/13/8121-how-is-discharge-of-"
            "debt-income-allocated-between-taxpayers-who-are-jointly-and-severally-liable-"
            "with-respect-to-the-discharged-debt/",
            "unconfirmed",
        ),
        # Form 1099-C multiple debtors: debt of $10,000 or more incurred after 1994, jointly
        # and severally liable debtors: one form per debtor, each showing the full amount;
        # otherwise only the primary debtor. Read in a Tax Facts summary of the regulation;
        # the regulation's own text was not read: unconfirmed.
        LienRule(
            "multiple_debtors_1099c",
            "26 C.F.R. § 1.6050P-1(e)(1); Instructions for Forms 1099-A and 1099-C, "
            "Multiple debtors",
            "https://www.thinkadvisor.com/tax-facts/2024/03/13/8121-how-is-discharge-of-"
            "debt-income-allocated-between-taxpayers-who-are-jointly-and-severally-liable-"
            "with-respect-to-the-discharged-debt/",
            "unconfirmed",
        ),
        LienRule(
            "threshold_1099c",
            "26 C.F.R. § 1.6050P-1(a)(1): report a discharge of $600 or more",
            "https://taxseer.com/1099-c.php",
            "confirmed",
        ),
    )
}

#: Form 1099-C thresholds in cents (see the rules above).
FORM_1099C_THRESHOLD = 60_000
MULTIPLE_DEBTOR_THRESHOLD = 1_000_000
#: Debts incurred before this date: only the primary debtor gets a form.
MULTIPLE_DEBTOR_FROM = dt.date(1995, 1, 1)

# -- message ids (translated by the shell) --------------------------------------------------
MSG_NO_SECOND = N_("No second mortgage or home-equity line was entered.")
MSG_NOT_MORTGAGE = N_("Second liens apply to homes; this loan is not a mortgage.")
MSG_SOLD_OUT = N_(
    "The first lender's foreclosure wipes out the second loan's lien, but not the debt: "
    "the second lender can usually sue for the whole {amount} as unsecured debt ({citation})."
)
MSG_SOLD_OUT_BAR_NOT_SHARED = N_(
    "{state}'s protection for the foreclosed first loan does not cover a second loan from "
    "another lender."
)
MSG_CA_SOLD_OUT = N_(
    "In California a second lender whose lien was wiped out by the first lender's "
    "foreclosure can still sue on its note for {amount} ({citation})."
)
MSG_CA_580B = N_(
    "Protected: the second loan helped buy a California home of up to 4 units that you "
    "live in, so no deficiency can be owed or collected on it ({citation})."
)
MSG_CA_SIMON = N_(
    "Protected: the same lender made both loans together and sold the home at a trustee "
    "sale, which bars collecting the second loan too ({citation})."
)
MSG_CA_BLACK_SKY = N_(
    "The same lender holds both loans, but the second was made separately, so the trustee "
    "sale does not bar collecting it ({citation})."
)
MSG_CA_SAME_LENDER_UNKNOWN = N_(
    "The same lender holds both loans. If both were made together, a trustee sale bars "
    "collecting the second ({simon}); if the second came later, it can be collected "
    "({black_sky}). Until you know, this tool assumes it can be collected."
)
MSG_CA_SAME_LENDER_JUDICIAL = N_(
    "The same-lender protection applies only after a trustee (nonjudicial) sale; after a "
    "court foreclosure the second loan may be collected."
)
MSG_CA_580E = N_(
    "Protected: in California a lender that agrees in writing to a short sale of a home of "
    "up to 4 units cannot collect the rest, and this covers second loans too ({citation})."
)
MSG_SHORT_SALE_RELEASE = N_(
    "A short sale cannot close until the second lender releases its lien in writing. Ask "
    "it to state in the release that the rest of its loan ({amount}) is waived."
)
MSG_SHORT_SALE_COLLECTIBLE = N_(
    "Unless the second lender waives the rest in writing, it may still collect {amount} "
    "after the short sale."
)
MSG_DEED_IN_LIEU = N_(
    "A deed in lieu does not wipe out the second loan: the first lender usually requires the "
    "second lender's release, and {amount} remains owed unless that lender waives it."
)
MSG_HOME_EQUITY_SECOND = N_(
    "Protected if this second loan is a {state} home-equity loan or line of credit: such "
    "loans carry no personal liability, so the rest cannot be collected from you "
    "({citation})."
)
MSG_HOME_EQUITY_CHECK = N_(
    "A loan used to buy the home or to pay for home improvements is not a home-equity loan: "
    "check the loan papers."
)
MSG_OTHER_STATE_PURCHASE_MONEY = N_(
    "{state}'s purchase-money rule ({citation}) might also protect a purchase-money second "
    "loan; this has not been confirmed, so the second loan is shown as collectible."
)
MSG_OTHER_STATE_SHORT_SALE = N_(
    "{state}'s short-sale rule for the first loan ({citation}) might also cover the second; "
    "this has not been confirmed."
)
MSG_UNCONFIRMED = N_(
    "Not confirmed for {state}: this tool takes the cautious view that the second loan can "
    "be collected. Ask a local lawyer or legal aid office."
)
MSG_COBORROWERS_LIABLE = N_(
    "Each of the {people} people who signed the note can be made to pay the whole {amount}, "
    "not a share of it ({citation})."
)
MSG_1099C_EACH = N_(
    "The cancelled debt is {amount}, so the lender must send a Form 1099-C to each of the "
    "{people} borrowers, each showing the full {amount} ({citation})."
)
MSG_1099C_PRIMARY = N_(
    "The lender must send a Form 1099-C for {amount} only to the primary borrower; the "
    "others may not get one ({citation})."
)
MSG_1099C_NONE = N_(
    "The cancelled debt is under {threshold}, so no Form 1099-C is required; it may still "
    "count as income."
)
MSG_1099C_SHARE = N_(
    "Each form may show the full amount, but the borrowers together report it only once: "
    "each reports the share that fits the facts (who paid, who benefited). A tax "
    "professional can help split it."
)
MSG_1099C_SPOUSES = N_(
    "A married couple who lived at the same address when they borrowed may receive a single "
    "form between them."
)


# -- the amount formulas (ints or int64 arrays) --------------------------------------------
def _out(value: Any, scalar: bool) -> Any:
    return int(value) if scalar else np.asarray(value, dtype=np.int64)


def second_collectible(protected: Any, balance: Cents) -> Cents:
    """What the second lender can collect: nothing when a rule protects it, else all of it.

    ``protected`` may be a bool or a bool array; ``balance`` cents as int or int64 array.
    A sold-out second is unsecured debt: no sale proceeds reach it, so there is no credit.
    """
    scalar = np.ndim(protected) == 0 and np.ndim(balance) == 0
    return _out(np.where(protected, 0, np.maximum(balance, 0)), scalar)


def forms_1099c(
    cancelled: Cents, coborrowers: Any, incurred_after_1994: Any = True
) -> tuple[Cents, Cents]:
    """(number of Forms 1099-C the lender must file, amount shown on each form).

    The "multiple debtors" rule (:data:`RULES` ``multiple_debtors_1099c``): at least $600
    cancelled requires a form; when the cancelled debt is $10,000 or more, the debt was
    incurred after 1994 and there are co-borrowers, every borrower gets a form showing the
    *full* amount; otherwise only the primary borrower does. Ints or int64 arrays.
    """
    scalar = all(np.ndim(v) == 0 for v in (cancelled, coborrowers, incurred_after_1994))
    cancelled_arr = np.asarray(cancelled, dtype=np.int64)
    debtors = 1 + np.asarray(coborrowers, dtype=np.int64)
    each = (cancelled_arr >= MULTIPLE_DEBTOR_THRESHOLD) & np.asarray(incurred_after_1994)
    forms = np.where(cancelled_arr < FORM_1099C_THRESHOLD, 0, np.where(each, debtors, 1))
    amount = np.where(forms > 0, cancelled_arr, 0)
    return _out(forms, scalar), _out(amount, scalar)


# -- the second lien -------------------------------------------------------------------------
@dataclass(frozen=True)
class SecondLienResult:
    """What happens to a second mortgage or HELOC in this scenario; amounts in cents.

    ``sold_out`` is true when the first lender's foreclosure wiped out the second's lien.
    ``rule`` is the deciding rule in plain words; ``notes`` the steps and caveats.
    """

    status: Status
    balance_cents: int
    collectible_cents: int
    sold_out: bool
    rule: Message
    citation: str
    source_url: str
    confidence: Confidence
    notes: tuple[Message, ...] = ()

    @property
    def protected(self) -> bool:
        return self.status == "protected"

    def messages(self) -> list[Message]:
        return [self.rule, *self.notes]


def _process(scenario: Scenario, rule: state_law.StateRule) -> str:
    """The first loan's foreclosure process: the one given, else the state's usual one."""
    if scenario.foreclosure is not None and rule.nonjudicial_available:
        return scenario.foreclosure
    return rule.usual_process if rule.nonjudicial_available else "judicial"


def _result(
    status: Status,
    balance: int,
    sold_out: bool,
    rule_key: str | LienRule,
    message: Message,
    notes: list[Message],
) -> SecondLienResult:
    rule = rule_key if isinstance(rule_key, LienRule) else RULES[rule_key]
    collectible = second_collectible(status == "protected", balance)
    return SecondLienResult(
        status=status,
        balance_cents=balance,
        collectible_cents=collectible if status in ("protected", "collectible") else 0,
        sold_out=sold_out,
        rule=message,
        citation=rule.citation,
        source_url=rule.source_url,
        confidence=rule.confidence,
        notes=tuple(notes),
    )


def _california(
    scenario: Scenario,
    rule: state_law.StateRule,
    balance: int,
    same_lender: bool,
    purchase_money: bool,
    made_with_first: bool | None,
    notes: list[Message],
) -> SecondLienResult:
    money = {"amount": balance}
    path = scenario.path
    sold_out = path == "foreclosure"
    # 580b(a)(3) first: it protects a purchase-money second on any path ("in any event").
    dwelling = scenario.units <= (rule.max_units or 4)
    if purchase_money and scenario.owner_occupied and dwelling:
        cite = {"citation": RULES["ca_580b_junior"].citation}
        return _result(
            "protected", balance, sold_out, "ca_580b_junior", Message(MSG_CA_580B, cite), notes
        )
    if path == "short_sale" and dwelling:
        cite = {"citation": RULES["ca_580e"].citation}
        return _result("protected", balance, False, "ca_580e", Message(MSG_CA_580E, cite), notes)
    if path == "foreclosure":
        if same_lender:
            if _process(scenario, rule) != "nonjudicial":
                notes.append(Message(MSG_CA_SAME_LENDER_JUDICIAL))
            elif made_with_first:
                cite = {"citation": RULES["ca_simon"].citation}
                return _result(
                    "protected", balance, True, "ca_simon", Message(MSG_CA_SIMON, cite), notes
                )
            elif made_with_first is False:
                cite = {"citation": RULES["ca_black_sky"].citation}
                return _result(
                    "collectible",
                    balance,
                    True,
                    "ca_black_sky",
                    Message(MSG_CA_BLACK_SKY, cite, money=money),
                    notes,
                )
            else:
                notes.append(
                    Message(
                        MSG_CA_SAME_LENDER_UNKNOWN,
                        {
                            "simon": RULES["ca_simon"].citation,
                            "black_sky": RULES["ca_black_sky"].citation,
                        },
                    )
                )
        cite = {"citation": RULES["ca_sold_out"].citation}
        return _result(
            "collectible",
            balance,
            True,
            "ca_sold_out",
            Message(MSG_CA_SOLD_OUT, cite, money=money),
            notes,
        )
    if path == "short_sale":  # more than 4 units: 580e does not apply
        return _result(
            "collectible",
            balance,
            False,
            "ca_sold_out",
            Message(MSG_SHORT_SALE_COLLECTIBLE, money=money),
            notes,
        )
    return _result(
        "collectible",
        balance,
        False,
        "ca_sold_out",
        Message(MSG_DEED_IN_LIEU, money=money),
        notes,
    )


def assess_second_lien(
    scenario: Scenario,
    second_balance_cents: int,
    same_lender: bool,
    purchase_money: bool,
    *,
    made_with_first: bool | None = None,
) -> SecondLienResult:
    """What happens to a second mortgage or HELOC of ``second_balance_cents``.

    The scenario's path is what happens to the *first* loan: a foreclosure by the first
    lender sells the second out; a short sale needs the second's release; a deed in lieu
    leaves the second in place. ``same_lender``: one lender holds both loans;
    ``purchase_money``: the second loan helped buy the home; ``made_with_first``: the two
    loans were made together (``None`` = not known; it matters only for California's
    same-lender rule after a trustee sale).
    """
    balance = max(int(second_balance_cents), 0)
    if scenario.loan != "mortgage":
        return SecondLienResult(
            "not_applicable", balance, 0, False, Message(MSG_NOT_MORTGAGE), "", "", "confirmed"
        )
    if balance == 0:
        return SecondLienResult("none", 0, 0, False, Message(MSG_NO_SECOND), "", "", "confirmed")
    money = {"amount": balance}
    notes: list[Message] = []
    if scenario.path == "short_sale":
        notes.append(Message(MSG_SHORT_SALE_RELEASE, money=money))
    if scenario.state == "CA":
        rule = state_law.load_rules()["CA"]
        return _california(
            scenario, rule, balance, same_lender, purchase_money, made_with_first, notes
        )

    # Every other state (or none chosen): collectible, cautiously, with the state's own
    # rules for the first loan named as possible protections to check.
    if scenario.state is not None:
        rule = state_law.load_rules()[scenario.state]
        state = {"state": rule.name}
        if rule.bar_home_equity and not purchase_money and scenario.owner_occupied:
            # A second lien on a homestead that did not buy it is, in a state like Texas,
            # usually a home-equity loan or HELOC, which the state makes nonrecourse. The
            # state row's citation is confirmed; reading "not purchase money" as "home
            # equity" is an assumption (home-improvement liens are recourse): unconfirmed.
            cited = LienRule(
                "state_home_equity",
                rule.home_equity_citation or rule.citation,
                rule.source_url,
                "unconfirmed",
            )
            notes.append(Message(MSG_HOME_EQUITY_CHECK))
            return _result(
                "protected",
                balance,
                scenario.path == "foreclosure",
                cited,
                Message(MSG_HOME_EQUITY_SECOND, {**state, "citation": cited.citation}),
                notes,
            )
        if purchase_money and rule.bar_purchase_money != "none":
            notes.append(
                Message(
                    MSG_OTHER_STATE_PURCHASE_MONEY,
                    {**state, "citation": rule.purchase_money_citation or rule.citation},
                )
            )
        if scenario.path == "short_sale" and rule.short_sale_bar != "none":
            notes.append(
                Message(
                    MSG_OTHER_STATE_SHORT_SALE,
                    {**state, "citation": rule.short_sale_citation or rule.citation},
                )
            )
        first_barred = scenario.path == "foreclosure" and (
            rule.bar_nonjudicial != "none" or rule.bar_judicial != "none"
        )
        if first_barred:
            notes.append(Message(MSG_SOLD_OUT_BAR_NOT_SHARED, state))
        notes.append(Message(MSG_UNCONFIRMED, state))
    cite = {"citation": RULES["sold_out_general"].citation}
    if scenario.path == "foreclosure":
        message = Message(MSG_SOLD_OUT, cite, money=money)
    elif scenario.path == "short_sale":
        message = Message(MSG_SHORT_SALE_COLLECTIBLE, money=money)
    else:
        message = Message(MSG_DEED_IN_LIEU, money=money)
    return _result(
        "collectible",
        balance,
        scenario.path == "foreclosure",
        "sold_out_general",
        message,
        notes,
    )


# -- co-borrowers ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CoborrowerResult:
    """Shared liability and Forms 1099-C for everyone who signed the note; cents."""

    people: int
    liable_each_cents: int
    forms: int
    amount_on_each_form: int
    notes: tuple[Message, ...]
    citation: str
    source_url: str
    confidence: Confidence


def assess_coborrowers(
    scenario: Scenario, owed_cents: int, cancelled_cents: int, coborrowers: int
) -> CoborrowerResult:
    """What ``coborrowers`` (0-10, besides the borrower) means for the debt and the 1099-C.

    ``owed_cents``: what can still be collected (e.g. ``Analysis.owes``); each signer is
    liable for all of it. ``cancelled_cents``: the debt the lender cancels (box 2 of the
    Form 1099-C). A loan made before 1995 (``scenario.loan_date``) gets one form only.
    """
    if not 0 <= coborrowers <= MAX_COBORROWERS:
        raise ValueError(f"coborrowers must be 0..{MAX_COBORROWERS}")
    people = 1 + coborrowers
    after_1994 = scenario.loan_date is None or scenario.loan_date >= MULTIPLE_DEBTOR_FROM
    forms, amount = forms_1099c(cancelled_cents, coborrowers, after_1994)
    rule = RULES["multiple_debtors_1099c"]
    notes: list[Message] = []
    if coborrowers and owed_cents > 0:
        notes.append(
            Message(
                MSG_COBORROWERS_LIABLE,
                {"people": str(people), "citation": RULES["joint_liability"].citation},
                money={"amount": owed_cents},
            )
        )
    if cancelled_cents > 0:
        if forms == 0:
            notes.append(Message(MSG_1099C_NONE, money={"threshold": FORM_1099C_THRESHOLD}))
        elif coborrowers and forms > 1:
            notes.append(
                Message(
                    MSG_1099C_EACH,
                    {"people": str(people), "citation": rule.citation},
                    money={"amount": amount},
                )
            )
            notes += [Message(MSG_1099C_SHARE), Message(MSG_1099C_SPOUSES)]
        elif coborrowers:
            notes.append(
                Message(MSG_1099C_PRIMARY, {"citation": rule.citation}, money={"amount": amount})
            )
            notes.append(Message(MSG_1099C_SHARE))
    return CoborrowerResult(
        people=people,
        liable_each_cents=max(owed_cents, 0),
        forms=forms,
        amount_on_each_form=amount,
        notes=tuple(notes),
        citation=rule.citation,
        source_url=rule.source_url,
        confidence=rule.confidence,
    )


def second_lien_of(scenario: Scenario) -> SecondLienResult | None:
    """The second lien of a scenario from its own keys (None: no second mortgage entered)."""
    balance = to_cents(scenario.second_balance)
    if not balance or scenario.loan != "mortgage":
        return None
    return assess_second_lien(
        scenario,
        balance,
        scenario.second_lender_same,
        scenario.second_purchase_money,
        made_with_first=scenario.second_made_with_first,
    )
