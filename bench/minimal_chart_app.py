"""The floor for a page whose figure is a chart (issue 16's What if): one small Plotly chart.

Served and driven like the app by ``bench/browser.py``: "open a shared link → the chart is
drawn" here is what Streamlit and Plotly's own JavaScript cost before any chart can show.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

st.number_input("Loan balance", key="balance", step=100.0, format="%.2f")
st.plotly_chart(go.Figure(go.Scatter(x=[0, 1, 2], y=[0, 1, 4], mode="lines")))
