"""Read models: the parametrised DuckDB queries the pages and the Meeting briefing read the data through, returning
DataFrames and small dataclasses, no Streamlit here. One module per page (overview, bottlenecks, indicators,
mobility, services, cooperation), plus the briefing's: changes ("what changed since" the last meeting) and meeting
(the briefing's own tallies and `meeting_data`, everything its slides are built from); shared helpers live in
queries.common.
"""
