"""What every page needs to work on a phone, in every language, for everyone (issue 17).

Three pieces, all drawn by :func:`page_shell` at the start of each page:

* **The page's language.** Streamlit hard-codes ``<html lang="en">`` (streamlit#15726), so
  screen readers read Japanese and Spanish with English rules and browsers offer to
  translate. A tiny ``st.components.v2`` component (Streamlit's supported way to run front-end
  code in the page) sets ``document.documentElement.lang`` to the reader's language on every
  run, so it follows the language selector too. docs/UPSTREAM-lang.md is the report upstream.
* **The menu closes after choosing a page** when it lies over the page (viewport ≤ 768 px,
  Streamlit's ``md`` breakpoint). Streamlit closes it only for user agents it classes as
  phones, so a narrow window, a tablet or a phone in desktop mode kept it open over the new
  page. The same component does it (a click on a menu link, then a click on the menu's own
  close button when it is still open); Streamlit's state stays the source of truth.
* **Parts in another language** (:func:`language_part`) get their own ``lang`` attribute.
* **Phone layout.** Tables too wide for a phone are drawn twice, a wide table and stacked
  rows, and CSS shows one by width (``display: none`` also hides the other from screen
  readers): see :func:`table`. Metric labels wrap instead of ending in "…", and Japanese
  headings break between phrases (``word-break: auto-phrase``), not inside a word.

Nothing here executes code from the link or from the reader: the component's code is this
module's constant, and only the language code (one of ours) is passed to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import streamlit as st

from ui.text import _, lang, plain

#: Below this width Streamlit stacks columns: the phone layout applies.
PHONE_MAX_PX = 640
#: Up to this width Streamlit's sidebar lies over the page instead of beside it.
OVERLAY_MAX_PX = 768

_SHELL_JS = """
export default function ({ data }) {
  const root = document.documentElement;
  if (data && data.lang && root.getAttribute("lang") !== data.lang) {
    root.setAttribute("lang", data.lang);
  }
  if (window.__deficiencyMenuCloses) return;
  window.__deficiencyMenuCloses = true;
  // Parts in another language (language_part): their own lang attribute, as they appear.
  const markParts = () => {
    for (const el of document.querySelectorAll("[class*='st-key-lang_']")) {
      const found = [...el.classList].map((c) => /^st-key-lang_([a-z]{2})_/.exec(c)).find(Boolean);
      if (found && el.getAttribute("lang") !== found[1]) el.setAttribute("lang", found[1]);
    }
  };
  markParts();
  new MutationObserver(markParts).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || !target.closest("[data-testid='stSidebarNav'] a")) return;
    if (!window.matchMedia("(max-width: OVERLAY_PXpx)").matches) return;
    window.setTimeout(() => {
      const close = document.querySelector("[data-testid='stSidebarCollapseButton'] button");
      if (close && close.getAttribute("aria-expanded") === "true") close.click();
    }, 0);
  });
}
""".replace("OVERLAY_PX", str(OVERLAY_MAX_PX))

_CSS = """
<style>
@media (max-width: PHONE_PXpx) {
  [class*="st-key-wide_"] { display: none !important; }
}
@media (min-width: WIDER_PXpx) {
  [class*="st-key-phone_"] { display: none !important; }
}
/* A chart's box is exactly the figure's height; a pixel of rounding made it a scrolling
   region no keyboard could reach (axe scrollable-region-focusable): it never scrolls. */
.stPrintGraphic:has([data-testid="stPlotlyChart"]) { overflow: visible !important; }
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stPageLink"] *, [data-testid="stWidgetLabel"] * {
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
}
:lang(ja) :is(h1, h2, h3, h4, h5, h6) { word-break: auto-phrase; line-break: strict; }
@media (hover: none) {
  [data-testid="stElementContainer"]:has([data-testid="stDataFrame"]),
  [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]) {
    padding-top: 2.75rem;
  }
}
.st-key-page_shell, .st-key-paint_first { display: none; }
</style>
""".replace("PHONE_PX", str(PHONE_MAX_PX)).replace("WIDER_PX", str(PHONE_MAX_PX + 1))

_shell_component: Any = None


def _shell() -> Any:
    """The component, registered once per process (registering again only logs a warning,
    but it would replace the definition every run)."""
    global _shell_component
    if _shell_component is None:
        _shell_component = st.components.v2.component(
            "deficiency_page_shell", js=_SHELL_JS, isolate_styles=True
        )
    return _shell_component


def page_shell() -> None:
    """The page's language, the menu that closes itself, the phone CSS. Call once per run."""
    st.html(_CSS)
    with st.sidebar, st.container(key="page_shell"):
        _shell()(key="page_shell_component", data={"lang": lang()}, height=0)


def language_part(language: str, name: str, container: Any = st) -> Any:
    """A container for text in another language than the page's (the English letter to send
    shown on a Japanese page): WCAG 3.1.2 asks for it to be marked so a screen reader reads
    it with that language's rules. Its key carries the language (``lang_en_<name>``); the
    page shell's script gives the container that ``lang`` attribute, and the language test
    (tests/app/test_catalog_coverage.py) leaves such a part out: it is English on purpose."""
    return container.container(key=f"lang_{language}_{name}")


def label_value(label: str, value: str) -> str:
    """ "Label: value" with the language's own colon (full-width "：" in Japanese)."""
    return _("{label}: {value}").format(label=label, value=value)


def stacked_rows(frame: pd.DataFrame, container: Any = st) -> None:
    """A table as a list on a phone: one item per row, named by its first cell, with one
    "column: value" line per other cell (empty cells left out)."""
    columns = list(frame.columns)
    lines: list[str] = []
    for row in frame.itertuples(index=False):
        cells = [str(cell) if cell is not None else "" for cell in row]
        lines.append("- **" + plain(cells[0]) + "**")
        lines += [
            "    - " + plain(label_value(str(name), cell))
            for name, cell in zip(columns[1:], cells[1:], strict=True)
            if cell.strip()
        ]
    if lines:
        container.markdown("\n".join(lines))


def table(
    frame: pd.DataFrame | Any,
    *,
    key: str,
    phone: pd.DataFrame | None = None,
    phone_columns: Sequence[str] | None = None,
    container: Any = st,
    static: bool = False,
    **dataframe_args: Any,
) -> None:
    """A table that fits: the wide table from 641 px, stacked rows (or fewer columns) below.

    ``static``: a short table read whole (the Calculator's breakdown, the credit dates) is
    drawn by ``st.table``, whose cells wrap, instead of the scrolling data grid, which cut
    "Applied against the debt" and Spanish labels to "…" in their columns (and costs the
    browser more to draw); only ``hide_index`` of ``dataframe_args`` applies to it.

    ``frame`` goes to ``st.dataframe`` as is (a pandas Styler is fine) with
    ``dataframe_args``; the phone shows ``phone`` (default: the frame's data) as stacked
    rows, or, with ``phone_columns``, as a narrower ``st.dataframe`` of those columns only
    (a long table stays searchable and sortable). The wide table is drawn first, so it is
    the page's first table for tests and for anyone reading the page in order.
    """
    data = frame if isinstance(frame, pd.DataFrame) else frame.data
    with container.container(key=f"wide_{key}"):
        if static:
            st.table(frame, hide_index=dataframe_args.get("hide_index"))
        else:
            st.dataframe(frame, **dataframe_args)
    with container.container(key=f"phone_{key}"):
        if phone_columns is None:
            stacked_rows(phone if phone is not None else data)
            return
        config = dataframe_args.get("column_config") or {}
        st.dataframe(
            data[list(phone_columns)],
            hide_index=dataframe_args.get("hide_index", True),
            column_config={name: config[name] for name in phone_columns if name in config},
        )


def chart_figures(frame: pd.DataFrame, *, key: str, caption: str | None = None) -> None:
    """A chart's text equivalent under it: the figures it plots, as a table (stacked rows on
    a phone), in a group the reader opens; a screen reader reaches it like any control."""
    group = st.expander(
        _("The chart's figures as a table"), key=f"figures_{key}", on_change="rerun"
    )
    with group:
        # Drawn only while open (issue 16): a closed group of output costs its page nothing
        # (it holds no input, so nothing typed can be lost, unlike issue 13's groups).
        if group.open:
            if caption:
                st.caption(plain(caption))
            table(frame, key=f"figures_{key}", hide_index=True)
