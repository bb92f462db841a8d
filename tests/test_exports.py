"""Downloads hold exactly the data shown, with formula triggers escaped."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from twinreg_data.exports import to_csv_bytes, to_xlsx_bytes


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "title": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "\nx", "plain äöõüšž"],
        "value": [1.5, -2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
    })


def test_csv_escapes_formula_triggers_but_not_numbers():
    text = to_csv_bytes(frame()).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert back["title"].tolist()[:4] == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)"]
    assert all(v.startswith("'") for v in back["title"].tolist()[4:7])
    assert back["title"].tolist()[7] == "plain äöõüšž"
    assert back["value"].tolist() == [1.5, -2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]


def test_xlsx_has_no_formulas_and_the_same_rows():
    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame(), "view")))
    ws = wb["view"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 8
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    assert rows[0][0] == "'=HYPERLINK(\"http://x\")"
    assert rows[1][1] == -2.0
