"""Read models: parametrised DuckDB queries returning DataFrames and small dataclasses. No Streamlit here.

One module per page; shared helpers live in queries.common.
"""
