"""Entry point: page config and navigation, nothing else (it runs on every rerun).

Each page opens the scenario from the link and writes it back (:mod:`ui.frame`).
"""

from __future__ import annotations

import streamlit as st

from ui import state
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
    st.Page("pages/form1099c.py", title=_("Read a 1099-C"), icon="🗂️", url_path="form1099c"),
    st.Page("pages/learn.py", title=_("Learn"), icon="📘", url_path="learn"),
]
st.navigation(pages).run()
