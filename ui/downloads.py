"""Download buttons for the counselor handout (PDF) and the CSV tables.

The PDF is built only when the reader clicks (``data`` is a callable), so no rerun pays
for it; nothing is written to disk and nothing is kept after the download.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from deficiency.core.analysis import Analysis
from deficiency.counselor.letter import LetterInputs
from deficiency.outputs.exports import breakdown_csv, csv_bytes
from deficiency.outputs.handout import HandoutFontError, find_fonts, render_pdf
from ui import state
from ui.text import _, lang


def handout_buttons(found: Analysis, container: Any = st) -> None:
    """A "Download PDF" (when a font for the language exists) and a "Download CSV"."""
    reader = lang()
    link = state.share_url()
    cols = container.columns(2)
    try:
        find_fonts(reader)
    except HandoutFontError as error:
        cols[0].error(_(error.message))
    else:
        cols[0].download_button(
            _("Download PDF handout"),
            data=_pdf(found, link, reader, state.letter()),
            file_name="deficiency-handout.pdf",
            mime="application/pdf",
            on_click="ignore",
            key="download_pdf",
            wrap=True,  # in a column it would cut a long label ("…"; issue 17)
            icon="📄",
        )
    cols[1].download_button(
        _("Download CSV (breakdown)"),
        data=csv_bytes(breakdown_csv(found, reader)),
        file_name="deficiency-breakdown.csv",
        mime="text/csv",
        on_click="ignore",
        key="download_csv",
        wrap=True,  # in a column it would cut a long label ("…"; issue 17)
        icon="⬇️",
    )


def _pdf(found: Analysis, link: str, reader: str, letter: LetterInputs) -> Callable[[], bytes]:
    """The PDF builder; the letter entered on the Letter check page rides along, so the
    handout carries the check when any letter value is set (render_pdf decides)."""

    def build() -> bytes:
        return render_pdf(found, link, reader, letter=letter)

    return build
