"""The next step, written: letters to the lender, the collector and the credit bureaus.

Once a borrower knows what they owe and what the law allows, the next step is a letter, and
that is where people without a lawyer give up. This package drafts, from the reader's own
figures, the letters a counselor would help a client send:

1. ``explanation``: a request for the explanation of the deficiency after a repossession or
   other Article 9 sale (UCC § 9-616, with § 9-625(e)), asking about every point the Letter
   check found;
2. ``validation``: a debt validation request to a debt collector (FDCPA § 809(b),
   Regulation F §§ 1006.34 and 1006.38);
3. ``settlement``: a settlement offer (the amount, the rest forgiven in writing, how the
   account will be reported, whether a Form 1099-C will be issued), with the tax the app
   computed in the notes the reader keeps, not in the letter;
4. ``defense``: a notice that state law bars or limits the deficiency, or that the lender's
   time to seek it has passed, with the rule and the citation the app found;
5. ``dispute_bureau`` and ``dispute_furnisher``: credit report disputes (FCRA § 611 to a
   bureau, § 623 to the lender or collector that reports the account).

How it fits together. :func:`facts_for` gathers what a letter may say (:mod:`.facts`: the
analysis, the Letter check, the settlement offer's own analysis, the day); a letter is
offered only when its condition holds (:mod:`.conditions`: one small function per condition,
returning the sentence that says why); its figures are read from the analysis and the app's
deadlines, never recomputed (:mod:`.fields`); its words are the project's own, in data files
(``data/*.toml``, :mod:`.templates`), each citing the bibliography
(``rules/data/sources.csv``) like every rule; :mod:`.draft` puts template and fields together
as :class:`~deficiency.text.markers.Message` objects, and :mod:`.render` lays them out: the
English letter a reader signs, the notes and the translation in the reader's language.

Privacy: names, addresses and account numbers (:class:`Parties`) are typed on the page for
the download only; they enter a letter in :mod:`.render` and nowhere else, never a draft, a
link or anything kept. Not legal advice: every letter's notes carry the app's notice and
where to get free help.
"""

from __future__ import annotations

from deficiency.counselor.letters.conditions import CONDITIONS, reasons_for
from deficiency.counselor.letters.draft import (
    Draft,
    Line,
    check_templates,
    draft_for,
    drafts,
    not_offered,
)
from deficiency.counselor.letters.facts import DEFAULT_OFFER_PERCENT, Facts, facts_for
from deficiency.counselor.letters.fields import FACTS, LISTS, Fields, fields_for
from deficiency.counselor.letters.render import (
    LETTER_LANGUAGE,
    Parties,
    TextLine,
    Voice,
    as_text,
    kept_lines,
    letter_lines,
    notes_lines,
    render_text,
    translation_lines,
)
from deficiency.counselor.letters.templates import (
    KINDS,
    LetterTemplateError,
    Template,
    load_common,
    load_templates,
)

__all__ = [
    "CONDITIONS",
    "DEFAULT_OFFER_PERCENT",
    "FACTS",
    "KINDS",
    "LETTER_LANGUAGE",
    "LISTS",
    "Draft",
    "Facts",
    "Fields",
    "LetterTemplateError",
    "Line",
    "Parties",
    "Template",
    "TextLine",
    "Voice",
    "as_text",
    "check_templates",
    "draft_for",
    "drafts",
    "facts_for",
    "fields_for",
    "kept_lines",
    "letter_lines",
    "load_common",
    "load_templates",
    "not_offered",
    "notes_lines",
    "reasons_for",
    "render_text",
    "translation_lines",
]
