"""The Streamlit shell: session state, the link, widgets and drawing. No business rules here."""
