"""The letters' templates are translated, faithfully enough to be checked by a machine.

The templates are data files (``deficiency/counselor/letters/data/*.toml``), which the
Python extractor of ``tests/i18n/test_catalogs.py`` does not read: ``babel.cfg`` maps them to
the letters' own extractor. This checks that mapping (so ``make extract`` keeps them in the
catalogs) and that every sentence a letter can print has a Japanese and a Spanish
translation, not fuzzy, with the same placeholders: a reader must see what they sign.
"""

from __future__ import annotations

import ast
import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from deficiency.counselor.letters.extract import message_ids
from deficiency.counselor.letters.templates import COMMON, KINDS, template_text
from tests.support.paths import ROOT

PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def template_messages() -> list[str]:
    found: list[str] = []
    for name in (COMMON, *KINDS):
        found += message_ids(template_text(name), name)
    return list(dict.fromkeys(found))


MESSAGES = template_messages()


def test_babel_cfg_extracts_the_templates() -> None:
    with open(ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    extracted = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(ROOT / "deficiency"), method_map, options_map, keywords={"N_": None}
        )
        if isinstance(message, str)
    }
    assert set(MESSAGES) <= extracted
    assert "Deficiency balance" in extracted  # the Python sources still are


@pytest.mark.parametrize("lang", ["ja", "es"])
def test_every_template_sentence_is_translated_with_its_placeholders(lang: str) -> None:
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale=lang)
    missing = [m for m in MESSAGES if m not in catalog or not catalog[m].string]
    fuzzy = [m for m in MESSAGES if m in catalog and catalog[m].fuzzy]
    assert not missing, f"{lang}: untranslated letter text: {missing[:5]}"
    assert not fuzzy, f"{lang}: fuzzy letter text: {fuzzy[:5]}"
    for message in MESSAGES:
        translated = catalog[message].string
        assert set(PLACEHOLDER.findall(message)) == set(PLACEHOLDER.findall(translated)), message
        assert translated != message, f"{lang}: left in English: {message}"


def page_messages() -> set[str]:
    """Every literal passed to ``_()`` on the Letters page, inside f-strings too (Babel's
    Python extractor does not look into them, so the catalog test above would miss one)."""
    tree = ast.parse((ROOT / "pages" / "letters.py").read_text(encoding="utf-8"))
    return {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "_"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


@pytest.mark.parametrize("lang", ["ja", "es"])
def test_every_label_of_the_page_is_translated(lang: str) -> None:
    with open(ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as handle:
        catalog = read_po(handle, locale=lang)
    labels = page_messages()
    assert len(labels) > 15
    missing = sorted(m for m in labels if m not in catalog or not catalog[m].string)
    assert not missing, f"{lang}: {missing}"
