"""The Streamlit shell: session state, the link, widgets and drawing. No business rules here.

Importing anything from ``ui`` first imports :mod:`ui.preload` (the heavy libraries, once per
process; the import lock makes every other session's thread wait until they are whole).
Why here and not only in ``app.py``: on a freshly started server Streamlit runs the files of
the ``pages/`` folder alone, without ``app.py``, until a run of ``app.py`` has called
``st.navigation`` (``PagesManager.uses_pages_directory``, Streamlit 1.67). The
``frame.begin`` rerun out of that mode catches only the run that still finds it on; first
visitors arriving together on What if or Compare started in it and build their figures
without ever passing ``app.py`` (seen with eight at once: four What if and the Compare visit).
Every page imports from ``ui`` before it draws, so this covers them all (issue 13).
"""

import ui.preload  # noqa: F401
