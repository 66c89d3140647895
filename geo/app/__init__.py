"""The app's pieces that are not layout: what its tables and its correction tab show, worked
out from the analysis without Streamlit, so they can be tested as plain functions."""
