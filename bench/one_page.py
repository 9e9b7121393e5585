"""The app's frame around one bench page: the same page config and ``st.navigation`` call as
``app.py``, so a bench page is served the way the Calculator is (``bare_app``,
``replay_app``)."""

from __future__ import annotations

import streamlit as st


def serve(page_file: str) -> None:
    """Run ``page_file`` (beside this module) as the app's only page, at the Calculator's path."""
    st.set_page_config(
        page_title="Deficiency balance calculator",
        page_icon="⚖️",
        layout="wide",
        initial_sidebar_state="auto",
    )
    st.navigation(
        [st.Page(page_file, title="Calculator", icon="🧮", url_path="scenario", default=True)]
    ).run()
