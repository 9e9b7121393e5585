"""Entry point of the replay floor (:mod:`bench.replay_page`); same frame as ``bare_app``."""

from __future__ import annotations

import streamlit as st

st.set_page_config(
    page_title="Deficiency balance calculator",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",
)
st.navigation(
    [st.Page("replay_page.py", title="Calculator", icon="🧮", url_path="scenario", default=True)]
).run()
