"""States page: every state's deficiency rules on one tile map and one searchable table."""

from __future__ import annotations

import streamlit as st

from deficiency.markers import N_
from deficiency.state_law import rules_table
from ui import frame, inputs, state
from ui.charts import state_tiles
from ui.labels import CONFIDENCE_LABELS
from ui.text import _
from ui.widgets import disclaimer, show_chart, show_issues

CATEGORY_LABELS = {
    "barred_after_trustee_sale": N_("No deficiency after a trustee sale"),
    "fair_value_credit": N_("Fair-value credit limits the deficiency"),
    "allowed": N_("Deficiency allowed (general rules)"),
}
PROCESS_LABELS = {
    "judicial": N_("Judicial (court)"),
    "nonjudicial": N_("Nonjudicial (trustee sale)"),
}

frame.begin()
st.title(_("State laws on deficiency balances"))
st.caption(
    _(
        "Whether a lender can pursue a deficiency after a home foreclosure depends on the "
        "state. This is a simplified overview: other protections (purchase-money loans, "
        "short sales, deadlines) are in the table and in the calculator."
    )
)
show_issues()

table = rules_table()
labels = {key: _(text) for key, text in CATEGORY_LABELS.items()}
hover = [
    f"{row.code} – {row.name}: {labels[row.category]}" for row in table.itertuples(index=False)
]
chosen = state.scenario().state
show_chart(
    state_tiles(
        list(table["code"]),
        list(table["category"]),
        labels,
        hover,
        _("Protection against a deficiency after foreclosure"),
        chosen,
    ),
    alt=_("Map of US states coloured by protection against deficiency balances"),
)
inputs.state_choice()

query = st.text_input(
    _("Search the table"), key="states_search", placeholder=_("State, code or citation")
)
shown = table.assign(
    category=table["category"].map(labels),
    usual_process=table["usual_process"].map(lambda p: _(PROCESS_LABELS.get(p, p))),
    confidence=table["confidence"].map(lambda c: _(CONFIDENCE_LABELS.get(c, c))),
)
if query:
    needle = query.strip().lower()
    mask = shown.apply(lambda row: needle in " ".join(map(str, row.values)).lower(), axis=1)
    shown = shown[mask]
st.dataframe(
    shown[
        [
            "code",
            "name",
            "category",
            "usual_process",
            "citation",
            "confidence",
            "verified",
            "source_url",
        ]
    ],
    hide_index=True,
    column_config={
        "code": st.column_config.TextColumn(_("Code"), width="small"),
        "name": st.column_config.TextColumn(_("State")),
        "category": st.column_config.TextColumn(_("Protection")),
        "usual_process": st.column_config.TextColumn(_("Usual foreclosure")),
        "citation": st.column_config.TextColumn(_("Citation")),
        "confidence": st.column_config.TextColumn(_("Confidence")),
        "verified": st.column_config.TextColumn(_("Last checked")),
        "source_url": st.column_config.LinkColumn(_("Source"), display_text=_("Open source")),
    },
)
st.caption(
    _(
        "Car loans and other personal property follow UCC Article 9 in every state: "
        "the lender must sell in a commercially reasonable way and give notice, or the "
        "deficiency may be cut or lost (UCC §§ 9-610, 9-611, 9-626)."
    )
)
disclaimer()
frame.end()
