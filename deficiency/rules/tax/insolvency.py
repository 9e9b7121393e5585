"""The Pub 4681 insolvency worksheet and the amount of insolvency, IRC § 108(d)(3)."""

from __future__ import annotations

from dataclasses import dataclass

from deficiency.text.markers import N_


@dataclass(frozen=True)
class WorksheetLine:
    """One line of the Pub 4681 insolvency worksheet: its number, a key, a msgid label."""

    line: int
    key: str
    label: str


#: Pub 4681 Insolvency Worksheet, Part I (lines 1-14, total line 15) and Part II (lines
#: 16-36, total line 37); Part III line 38 = line 15 - line 37. Lines 1-28 checked against
#: copies of the IRS worksheet; lines 29-36 wording from a transcription (see the report).
#: Values are taken immediately before the cancellation (IRC § 108(d)(3)).
INSOLVENCY_CATEGORIES: dict[str, tuple[WorksheetLine, ...]] = {
    "liabilities": (
        WorksheetLine(1, "credit_cards", N_("Credit card debt")),
        WorksheetLine(
            2, "mortgages", N_("Mortgages on real property, including home equity loans")
        ),
        WorksheetLine(3, "vehicle_loans", N_("Car and other vehicle loans")),
        WorksheetLine(4, "medical", N_("Medical bills owed")),
        WorksheetLine(5, "student_loans", N_("Student loans")),
        WorksheetLine(6, "mortgage_interest", N_("Accrued or past-due mortgage interest")),
        WorksheetLine(7, "real_estate_taxes", N_("Accrued or past-due real estate taxes")),
        WorksheetLine(8, "utilities", N_("Accrued or past-due utilities (water, gas, electric)")),
        WorksheetLine(9, "child_care", N_("Accrued or past-due child care costs")),
        WorksheetLine(
            10, "income_taxes", N_("Federal or state income taxes still due for prior years")
        ),
        WorksheetLine(11, "judgments", N_("Judgments")),
        WorksheetLine(12, "business_debts", N_("Business debts (as a sole proprietor or partner)")),
        WorksheetLine(
            13,
            "investment_debts",
            N_(
                "Margin debt and other debt to buy or secured by investments other than "
                "real property"
            ),
        ),
        WorksheetLine(14, "other_liabilities", N_("Other liabilities not included above")),
    ),
    "assets": (
        WorksheetLine(16, "cash", N_("Cash and bank account balances")),
        WorksheetLine(17, "real_property", N_("Real property, including land")),
        WorksheetLine(18, "vehicles", N_("Cars and other vehicles")),
        WorksheetLine(19, "computers", N_("Computers")),
        WorksheetLine(20, "household_goods", N_("Household goods and furnishings")),
        WorksheetLine(21, "tools", N_("Tools")),
        WorksheetLine(22, "jewelry", N_("Jewelry")),
        WorksheetLine(23, "clothing", N_("Clothing")),
        WorksheetLine(24, "books", N_("Books")),
        WorksheetLine(25, "stocks_bonds", N_("Stocks and bonds")),
        WorksheetLine(26, "collectibles", N_("Coins, stamps, paintings and other collectibles")),
        WorksheetLine(
            27, "hobby_equipment", N_("Firearms, sports, photographic and other hobby equipment")
        ),
        WorksheetLine(
            28,
            "retirement_accounts",
            N_("Interest in retirement accounts (IRA, 401(k) and others)"),
        ),
        WorksheetLine(29, "pension", N_("Interest in a pension plan")),
        WorksheetLine(30, "education_accounts", N_("Interest in education accounts")),
        WorksheetLine(31, "life_insurance", N_("Cash value of life insurance")),
        WorksheetLine(
            32, "security_deposits", N_("Security deposits with landlords, utilities and others")
        ),
        WorksheetLine(33, "partnerships", N_("Interests in partnerships")),
        WorksheetLine(34, "business_value", N_("Value of investment in a business")),
        WorksheetLine(
            35,
            "other_investments",
            N_(
                "Other investments (annuities, mutual funds, commodity accounts, options "
                "and similar)"
            ),
        ),
        WorksheetLine(36, "other_assets", N_("Other assets not included above")),
    ),
}
INSOLVENCY_TOTAL_LINES: dict[str, int] = {"liabilities": 15, "assets": 37, "insolvency": 38}
INSOLVENCY_TITLES: dict[str, str] = {
    "liabilities": N_("Total liabilities immediately before the cancellation"),
    "assets": N_("Fair market value of all assets immediately before the cancellation"),
    "insolvency": N_(
        "Amount of insolvency (liabilities minus assets; zero or less means not insolvent)"
    ),
}


def insolvency_amount(total_liabilities: int | None, total_assets: int | None) -> int:
    """IRC § 108(d)(3): liabilities − FMV of assets, immediately before the discharge.

    0 when either is unknown or when the taxpayer was not insolvent (liabilities not above
    assets): the exclusion then cannot apply.
    """
    if total_liabilities is None or total_assets is None:
        return 0
    return max(0, total_liabilities - total_assets)
