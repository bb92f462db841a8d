"""Demo records as Python literals; build_demo.py writes them to workbooks in the template format."""
