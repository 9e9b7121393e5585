"""The scenario's inputs as the case note and the handout list them: one wording for both.

Why one module: each output had its own copy of this, and the copies had drifted (the
handout wrote "Ohio (OH)" where the case note wrote "Ohio", and a missing value read
"Not known / the usual case" in one and "Not known" in the other), so a counselor's two
records of one scenario disagreed.
"""

from __future__ import annotations

from decimal import Decimal

from deficiency.core.money import to_cents
from deficiency.core.scenario import DATE_KEYS, Scenario
from deficiency.rules import state_law
from deficiency.text import i18n
from deficiency.text.labels import OPTION_LABELS
from deficiency.text.markers import N_

#: Inputs always listed; the rest only when they differ from the defaults.
ALWAYS_SHOWN: tuple[str, ...] = ("loan", "path", "state", "balance", "sale_price", "action")
#: Inputs whose value is an option code, shown by its label.
CHOICE_KEYS = frozenset(
    {"loan", "path", "action", "foreclosure", "bankruptcy", "filing_status", "score"}
)
NOT_KNOWN = N_("Not known")


def input_value(scenario: Scenario, key: str, lang: str) -> str:
    """The value of input ``key`` in the reader's language and formats."""
    gettext = i18n.gettext_for(lang)
    value = getattr(scenario, key)
    if value is None:
        return gettext(NOT_KNOWN)
    if key == "state":
        rule = state_law.load_rules().get(value)
        return f"{rule.name} ({value})" if rule else str(value)
    if isinstance(value, bool):
        # The code first: a string literal inside the gettext call would be extracted by
        # Babel as a message id of its own.
        code = "__yes__" if value else "__no__"
        return gettext(OPTION_LABELS[code])
    if key in CHOICE_KEYS:
        return gettext(OPTION_LABELS.get(str(value), str(value)))
    if key in DATE_KEYS:
        return i18n.date(value, lang)
    if key == "acres":
        return i18n.number(value, lang)
    if key == "rate":  # a yearly rate in percent (6.875), not dollars
        return i18n.percent(value / 100, lang)
    if isinstance(value, Decimal):
        return i18n.money(to_cents(value), lang)
    return str(value)


__all__ = ["ALWAYS_SHOWN", "CHOICE_KEYS", "NOT_KNOWN", "input_value"]
