"""States page: every state's deficiency rules on one tile map and one searchable table."""

from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd
import streamlit as st

from deficiency.rules.state_law import COVERAGE_LABELS, case_caption, rules_table
from deficiency.text.markers import N_
from ui import a11y, frame, inputs, state
from ui.charts import state_tiles
from ui.labels import CONFIDENCE_LABELS
from ui.text import _, date, plain, render
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

sc = state.scenario()
# Each state's rules applied to the reader's own facts (the calculator's decide()), so a
# headline protection that does not reach them says so instead of only colouring the map.
table = rules_table(sc)
labels = {key: _(text) for key, text in CATEGORY_LABELS.items()}
covers = {key: _(text) for key, text in COVERAGE_LABELS.items()}
why = [" ".join(render(m) for m in reasons) for reasons in table["covers_why"]]
hover = [
    "<br>".join(
        [
            a11y.label_value(f"{row.code} – {row.name}", labels[row.category]),
            _("Covers your situation: {answer}").format(answer=covers[row.covers]),
            *textwrap.wrap(render(row.covers_why[0]), 70),
        ]
    )
    for row in table.itertuples(index=False)
]
chosen = sc.state
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

st.caption(plain(render(case_caption(sc))))
query = st.text_input(
    _("Search the table"), key="states_search", placeholder=_("State, code or citation")
)
shown = table.assign(
    category=table["category"].map(labels),
    covers=table["covers"].map(covers),
    covers_why=why,
    usual_process=table["usual_process"].map(lambda p: _(PROCESS_LABELS.get(p, p))),
    confidence=table["confidence"].map(lambda c: _(CONFIDENCE_LABELS.get(c, c))),
    verified=table["verified"].map(lambda d: date(dt.date.fromisoformat(d)) if d else "—"),
)
if query:
    needle = query.strip().lower()
    mask = shown.apply(lambda row: needle in " ".join(map(str, row.values)).lower(), axis=1)
    shown = shown[mask]
# Ten columns cannot fit a phone: there each state is a short list (the wide table first).
phone = pd.DataFrame(
    {
        _("State"): [
            f"{code} – {name}" for code, name in zip(shown["code"], shown["name"], strict=True)
        ],
        _("Protection"): shown["category"],
        _("Covers your situation"): shown["covers"],
        _("Why"): shown["covers_why"],
        _("Citation"): shown["citation"],
    }
)
a11y.table(
    shown[
        [
            "code",
            "name",
            "category",
            "covers",
            "covers_why",
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
        "covers": st.column_config.TextColumn(_("Covers your situation")),
        "covers_why": st.column_config.TextColumn(_("Why"), width="large"),
        "usual_process": st.column_config.TextColumn(_("Usual foreclosure")),
        "citation": st.column_config.TextColumn(_("Citation")),
        "confidence": st.column_config.TextColumn(_("Confidence")),
        "verified": st.column_config.TextColumn(_("Last checked")),
        "source_url": st.column_config.LinkColumn(_("Source"), display_text=_("Open source")),
    },
    key="states",
    phone=phone,
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
