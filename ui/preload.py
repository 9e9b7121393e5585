"""The heavy libraries, imported and warmed once per process before any page draws.

Why: Streamlit runs each session's script in its own thread, so on a freshly started
server the first visitors' runs import pandas, Plotly, pyarrow… side by side. Python's
import lock makes a second ``import pandas`` wait for the first, but Plotly does not import
pandas or numpy to check a value's type: it looks them up in ``sys.modules``
(``_plotly_utils.optional_imports.get_module(name, should_load=False)``, used by
``basevalidators.is_homogeneous_array`` and ``plotly.io._json``). A What if visitor building a
figure while another session's thread was still importing pandas got the half-built module:
``AttributeError: partially initialized module 'pandas' has no attribute 'Series'`` and
"This app has encountered an error", on every restart and rolling deploy (issue 13).

The ``ui`` package imports this module before anything else (so does ``app.py``): every page
imports from ``ui`` before it draws, whether it runs through ``app.py`` or alone (see
``ui/__init__.py``). The first session's thread runs it; any other session's thread reaching
the same ``import`` waits on the module's import lock until it has finished, so no page code
runs beside a half-imported library. Besides the imports, :func:`warm_up` does once what the
libraries otherwise do lazily on first use (pyarrow's pandas conversion and IPC writer as
``st.dataframe`` uses them, Plotly's JSON encoder as ``st.plotly_chart`` uses it, pandas'
Styler and its Jinja templates, Babel's locale data for every language), so those deferred
imports cannot race either. Cost: about 0.5–1 s, paid once by the first visitor of a process
(who paid it anyway, page by page), nothing for later runs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import babel
import babel.dates
import babel.numbers
import fpdf
import fpdf.enums  # the handout uses these later
import fpdf.fonts
import numpy as np
import pandas as pd
import pandas.io.formats.style  # the Styler of the Compare page
import plotly.graph_objects as go
import plotly.io
import pyarrow as pa
import pyarrow.ipc
import segno

from deficiency.text import i18n


def warm_up() -> None:
    """Exercise once the lazily imported paths the pages use (figures, tables, numbers)."""
    frame = pd.DataFrame({"a": np.arange(3, dtype=np.int64), "b": ["x", "y", "z"]})
    table = pa.Table.from_pandas(frame, preserve_index=False)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    frame.style.format(precision=2).to_html()  # Styler: Jinja2 and its templates

    figure = go.Figure(
        [
            go.Scatter(x=frame["a"], y=frame["a"], customdata=np.array([[1], [2], [3]])),
            go.Bar(x=list(frame["b"]), y=[1, 2, 3]),
            go.Waterfall(x=["a", "b"], y=[1, -1], measure=["absolute", "relative"]),
            go.Heatmap(z=[[1, 2], [3, 4]]),
        ]
    )
    plotly.io.to_json(figure, validate=False)

    for code in i18n.LANGUAGES:
        locale = babel.Locale.parse(code)
        babel.numbers.format_currency(Decimal("1234.56"), "USD", locale=locale)
        babel.numbers.format_decimal(Decimal("1234.5"), locale=locale)
        babel.dates.format_date(dt.date(2025, 9, 15), format="long", locale=locale)

    fpdf.FPDF()
    segno.make("https://example.invalid/", micro=False)


# At import time on purpose: the module's import lock is what makes other sessions wait.
warm_up()
