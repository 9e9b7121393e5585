"""A bare Streamlit app for bench/rerun.py: the app's frame, and no computation.

Same page config and ``st.navigation`` call as ``app.py`` (:mod:`bench.one_page`), one page
(:mod:`bench.bare_page`) with the scenario page's widgets. Served by the benchmark with the
project's config.
"""

from __future__ import annotations

from bench.one_page import serve

serve("bare_page.py")
