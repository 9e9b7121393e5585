"""Marker for translatable text produced by the core.

The core never translates (it has no idea which language a page shows); it returns English
message ids wrapped in ``N_`` so that ``pybabel extract`` finds them, and the shell
translates them with the reader's catalog. ``N_`` returns its argument unchanged.
"""

from __future__ import annotations

from deficiency.core.money import plain_dollars


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, don't translate"
    """Mark ``message`` for extraction into the catalogs without translating it."""
    return message


class Message:
    """A translatable message id plus its named placeholders, rendered late by the shell.

    The core returns these instead of finished sentences so word order stays right in
    every language: the translator moves ``{amount}`` wherever the sentence needs it.
    Placeholder values are plain strings the core has already formatted where needed
    (codes, citations); amounts in cents go in ``money`` and dates in ``dates`` so the
    shell formats them for the reader's locale. A placeholder may also be another
    ``Message`` (a phrase such as "your short sale"): it is rendered with the same
    translator and formatters, so a sentence can name the reader's own facts without the
    core ever holding translated text.
    """

    __slots__ = ("dates", "money", "msgid", "params")

    def __init__(self, msgid: str, params=None, money=None, dates=None):
        self.msgid = msgid
        self.params = dict(params or {})
        self.money = dict(money or {})  # name -> integer cents
        self.dates = dict(dates or {})  # name -> datetime.date

    @classmethod
    def with_money(cls, msgid: str, **cents: int) -> Message:
        """A message whose placeholders are all amounts in cents (``{deficiency}``)."""
        return cls(msgid, money={key: int(value) for key, value in cents.items()})

    def text(self, gettext=None, money_fmt=None, date_fmt=None) -> str:
        """Render: translate the id, then fill placeholders (money/dates via formatters)."""
        template = gettext(self.msgid) if gettext else self.msgid
        values = {
            name: value.text(gettext, money_fmt, date_fmt) if isinstance(value, Message) else value
            for name, value in self.params.items()
        }
        for name, cents in self.money.items():
            values[name] = money_fmt(cents) if money_fmt else plain_dollars(cents)
        for name, day in self.dates.items():
            values[name] = date_fmt(day) if date_fmt else day.isoformat()
        return template.format(**values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.msgid, self.params, self.money, self.dates) == (
            other.msgid,
            other.params,
            other.money,
            other.dates,
        )

    def __repr__(self) -> str:
        return (
            f"Message({self.msgid!r}, {self.params!r}, money={self.money!r}, dates={self.dates!r})"
        )
