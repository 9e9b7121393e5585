"""A bare Streamlit app for bench/rerun.py: the app's frame, and no computation.

Same page config and ``st.navigation`` call as ``app.py``, one page (:mod:`bench.bare_page`)
with the scenario page's widgets. Served by the benchmark with the project's config.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(
    page_title="Deficiency balance calculator",
    page_icon="⚖️",
    layout="wide",
    initial_sidebar_state="auto",
)
st.navigation(
    [st.Page("bare_page.py", title="Calculator", icon="🧮", url_path="scenario", default=True)]
).run()
