"""Downloads hold exactly the data shown, with formula triggers escaped."""

from __future__ import annotations

import datetime as dt
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


def about(**changes):
    from twinreg_data.exports import About
    from twinreg_data.filters import Filters

    values = dict(title="=Ferry passengers", sources=("Port of Helsinki, Annual report 2024, https://www.portofhelsinki.fi",
                                                      "+Statistics Finland"),
                  view=Filters(lang="fi", domains=("mobility",), side="FI", year_from=2015, year_to=2024),
                  unit="passengers", page_filters=(("Indicator", "-MOB_FERRY_PAX"),),
                  data_as_of=dt.datetime(2026, 11, 3, 9, 30), link="http://example.org/mobility?lang=fi")
    return About(**(values | changes))


def test_xlsx_carries_a_metadata_sheet_in_the_chosen_language_with_triggers_escaped():
    from twinreg_data.i18n import t

    wb = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(frame(), "view", about=about())))
    assert wb.sheetnames == ["view", "metadata"]
    rows = [tuple(r) for r in wb["metadata"].iter_rows(values_only=True)]
    fields = {label: value for label, value in rows[1:] if label}
    assert rows[0] == (t("Field", "fi"), t("Value", "fi"))
    assert fields[t("Title", "fi")] == "'=Ferry passengers"  # a trigger is escaped here too
    assert fields[t("Sources", "fi")].startswith("Port of Helsinki")
    assert (None, "'+Statistics Finland") in rows  # the second source on its own row
    assert fields[t("Side of the border", "fi")] == t("Finland", "fi")
    assert fields[t("Period", "fi")] == "2015–2024"
    assert fields["Indicator"] == "'-MOB_FERRY_PAX"
    assert "CC BY 4.0" in fields[t("Licence", "fi")]
    assert fields[t("Link to this view", "fi")] == "http://example.org/mobility?lang=fi"
    assert "2026" in fields[t("Data as of", "fi")]
    assert all(cell.data_type != "f" for row in wb["metadata"].iter_rows() for cell in row)


def test_csv_zip_holds_the_data_a_readme_and_json_metadata():
    import json
    import zipfile

    from twinreg_data.exports import to_csv_zip_bytes

    with zipfile.ZipFile(io.BytesIO(to_csv_zip_bytes(frame(), about()))) as zf:
        assert sorted(zf.namelist()) == ["README.txt", "data.csv", "metadata.json"]
        assert zf.read("data.csv") == to_csv_bytes(frame())
        readme = zf.read("README.txt").decode("utf-8-sig")
        meta = json.loads(zf.read("metadata.json"))
    assert readme.startswith("=Ferry passengers") and "CC BY 4.0" in readme and "- title" in readme
    assert meta["filters"] == {"language": "fi", "domains": ["mobility"], "side": "FI", "period_from": 2015,
                               "period_to": 2024, "Indicator": "-MOB_FERRY_PAX"}
    assert meta["data_as_of"] == "2026-11-03T09:30:00" and meta["licence"] == "CC BY 4.0"
    assert meta["sources"][1] == "+Statistics Finland" and meta["columns"] == ["title", "value"]


def test_file_names_say_what_and_which_filters():
    from twinreg_data.exports import file_stem
    from twinreg_data.filters import Filters

    assert file_stem("services", Filters(lang="et", side="EE", year_from=2010, year_to=2020)) == \
        "services_EE_2010-2020_et"
    assert file_stem("a b/c", Filters(lang="fi", domains=("mobility", "labour"), year_from=2000, year_to=2026)) == \
        "a_b_c_FI-EE_2000-2026_mobility+labour_fi"


def test_codes_get_their_own_columns_beside_the_labels():
    from twinreg_data.exports import with_codes
    from twinreg_data.i18n import t

    table = pd.DataFrame({"Alue": ["Helsinki", "Tallinna"], "Arvo": [1, 2]}, index=[7, 3])
    out = with_codes(table, {"Alue": ["FI-091", "=EE-0784"], "Puuttuu": ["x", "y"]}, "fi")
    code = t("{column} (code)", "fi", column="Alue")
    assert list(out.columns) == [code, "Alue", "Arvo"] and out[code].tolist() == ["FI-091", "=EE-0784"]
    assert list(table.columns) == ["Alue", "Arvo"]  # the table shown is left as it is
    text = to_csv_bytes(out).decode("utf-8-sig")
    assert "'=EE-0784" in text  # a code is escaped like any cell
