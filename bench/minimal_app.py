"""The bare page issue 16 measures against: two number inputs and a metric, nothing else.

Served and driven exactly like the app by ``bench/browser.py`` (same config, same link,
same Chromium): the floor Streamlit itself sets for "open a shared link → figure" and
"change an input → new figure". The link's ``balance`` and ``sale_price`` prefill the
inputs, as the app's link does.
"""

from __future__ import annotations

import streamlit as st

for key in ("balance", "sale_price"):
    if key not in st.session_state:
        st.session_state[key] = float(st.query_params.get(key, 0))
st.number_input("Loan balance", key="balance", step=100.0, format="%.2f")
st.number_input("Sale price", key="sale_price", step=100.0, format="%.2f")
owed = max(st.session_state["balance"] - st.session_state["sale_price"], 0.0)
st.metric("Deficiency balance", f"${owed:,.2f}")
