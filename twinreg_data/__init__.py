"""TwinReg Monitor's core: store, importer, queries, exports. Importable without Streamlit."""

__version__ = "0.1.0"
