"""Entry point: page config, language, the scenario from the link, and navigation.

Kept cheap (it runs on every rerun): it opens the scenario from the URL once per link,
draws the language selector, routes to the page, then mirrors the scenario into the URL.
"""

from __future__ import annotations

import streamlit as st

from deficiency import i18n
from ui import state
from ui.text import LANG_KEY, _

st.set_page_config(
    page_title="Deficiency balance calculator",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",
)

state.load_from_link()


def _set_language() -> None:
    st.session_state[LANG_KEY] = st.session_state["lang_select"]


with st.sidebar:
    st.selectbox(
        "Language · 言語 · Idioma",
        options=list(i18n.LANGUAGES),
        format_func=i18n.LANGUAGES.__getitem__,
        key="lang_select",
        on_change=_set_language,
    )

pages = [
    st.Page("pages/scenario.py", title=_("Scenario"), icon="🧮", url_path="scenario", default=True),
]
page = st.navigation(pages)
page.run()
state.write_link()
