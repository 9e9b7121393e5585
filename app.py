"""Entry point: page config and navigation, nothing else (it runs on every rerun).

Each page opens the scenario from the link and writes it back (:mod:`ui.frame`). The heavy
libraries are imported first, once per process, so concurrent first visitors of a fresh
server never see a half-imported module (:mod:`ui.preload`).
"""

from __future__ import annotations

import streamlit as st

import ui.preload  # noqa: F401 - first: heavy libraries loaded before any page (issue 13)
from ui import frame, state
from ui.text import _

state.load_from_link()  # before any label: the link may choose the language
st.set_page_config(
    page_title=_("Deficiency balance calculator"),
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",
)
pages = [
    st.Page(
        "pages/scenario.py", title=_("Calculator"), icon="🧮", url_path="scenario", default=True
    ),
    st.Page("pages/whatif.py", title=_("What if"), icon="📈", url_path="whatif"),
    st.Page("pages/compare.py", title=_("Compare"), icon="⚖️", url_path="compare"),
    st.Page("pages/states.py", title=_("State laws"), icon="🗺️", url_path="states"),
    st.Page("pages/tax.py", title=_("Tax"), icon="🧾", url_path="tax"),
    st.Page("pages/credit.py", title=_("Credit report"), icon="📄", url_path="credit"),
    st.Page("pages/letter.py", title=_("Letter check"), icon="✉️", url_path="letter"),
    st.Page("pages/letters.py", title=_("Letters"), icon="📝", url_path="letters"),
    st.Page("pages/form1099c.py", title=_("Read a 1099-C"), icon="🗂️", url_path="form1099c"),
    st.Page("pages/learn.py", title=_("Learn"), icon="📘", url_path="learn"),
]
frame.entered_through_app()
st.navigation(pages).run()
