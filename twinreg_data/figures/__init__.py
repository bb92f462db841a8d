"""Figure builders: pure functions of DataFrames returning plotly / pydeck figures, one module per page."""
