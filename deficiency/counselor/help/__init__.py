"""Where to get help, routed by situation; relocation money; an FHA short-sale price check.

Why this module exists: the figures tell a borrower what they may owe; the next question
is who can help, and a wrong turn is costly. A deficiency lawsuit has an answer deadline
that a default judgment follows; foreclosure counseling is free from HUD-approved agencies,
so anyone charging upfront is a warning sign; a car loan's Form 1099-C is outside what the
free volunteer tax sites may prepare. :func:`help_for` picks the resources that fit an
analysis. :func:`relocation_help` says what moving money a program offers after a short
sale or deed in lieu, and :func:`short_sale_check` says plainly whether an FHA lender is
likely to reject a short-sale price.

Data, not prose: ``data/help_resources.csv`` holds one row per resource with its URL,
phone, the code of its explanatory note, and the source (a bibliography id) and confidence
of the row; ``data/programs_relocation.csv`` and ``data/programs_fha_pfs.csv`` hold the
program amounts and percentages with their sources. Every sentence is a message id
(``messages``), so the shell translates it. Files are read and validated on first use,
never at import.

The package: ``resources`` (routing by situation), ``relocation`` (moving money),
``fha_pfs`` (FHA's minimum net proceeds and the short-sale price check), ``messages``.
"""

from __future__ import annotations

from deficiency.counselor.help.fha_pfs import (
    BASIS_POINTS,
    PfsTier,
    ShortSaleCheck,
    load_pfs,
    parse_pfs,
    pfs_meets,
    pfs_minimum_net,
    pfs_tier,
    short_sale_check,
)
from deficiency.counselor.help.messages import NOTE_TEXT, PROGRAM_NAMES, RESOURCE_NAMES
from deficiency.counselor.help.relocation import (
    DEFAULT_PROGRAM,
    RelocationHelp,
    RelocationRow,
    load_relocation,
    parse_relocation,
    relocation_help,
)
from deficiency.counselor.help.resources import (
    SITUATIONS,
    HelpDataError,
    HelpItem,
    help_for,
    load_resources,
    parse_resources,
    situations_for,
)

__all__ = [
    "BASIS_POINTS",
    "DEFAULT_PROGRAM",
    "NOTE_TEXT",
    "PROGRAM_NAMES",
    "RESOURCE_NAMES",
    "SITUATIONS",
    "HelpDataError",
    "HelpItem",
    "PfsTier",
    "RelocationHelp",
    "RelocationRow",
    "ShortSaleCheck",
    "help_for",
    "load_pfs",
    "load_relocation",
    "load_resources",
    "parse_pfs",
    "parse_relocation",
    "parse_resources",
    "pfs_meets",
    "pfs_minimum_net",
    "pfs_tier",
    "relocation_help",
    "short_sale_check",
    "situations_for",
]
