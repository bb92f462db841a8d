"""URL parameters ⇄ view controls: valid links reproduce a view, anything else is ignored, nothing raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from twinreg_data.filters import PARAMS, Filters, parse_query, to_query, view_link


def test_a_full_link_round_trips():
    filters = Filters(lang="et", domains=("taxation", "education"), side="EE", year_from=2015, year_to=2024)
    parsed, ignored = parse_query(to_query(filters))
    assert ignored == []
    assert parsed == Filters(lang="et", domains=("taxation", "education"), side="EE", year_from=2015,
                             year_to=2024)


def test_defaults_stay_out_of_the_link():
    assert to_query(Filters(lang="fi")) == {"lang": ["fi"]}


def test_invalid_parameters_are_ignored_and_named():
    parsed, ignored = parse_query({"lang": ["xx"], "domain": ["taxation", "nonsense"], "side": ["mars"],
                                   "from": ["1800"], "to": ["abcd"]})
    assert parsed.lang == "en"
    assert parsed.domains == ("taxation",)
    assert parsed.side == "both"
    assert (parsed.year_from, parsed.year_to) == (Filters().year_from, dt.date.today().year)
    assert ignored == ["lang", "domain", "side", "from", "to"]


def test_reversed_years_fall_back_to_the_default_range():
    parsed, ignored = parse_query({"from": ["2024"], "to": ["2010"]})
    assert (parsed.year_from, parsed.year_to) == (Filters().year_from, Filters().year_to)
    assert ignored == ["from", "to"]


def test_browser_language_is_the_default_and_the_link_wins():
    assert parse_query({}, default_lang="fi")[0].lang == "fi"
    assert parse_query({"lang": ["et"]}, default_lang="fi")[0].lang == "et"
    assert parse_query({}, default_lang="de")[0].lang == "en"


@given(st.dictionaries(st.sampled_from([*PARAMS, "other"]), st.lists(st.text(max_size=30), max_size=4)))
def test_any_parameters_parse_without_error_and_round_trip(params):
    parsed, ignored = parse_query(params)
    assert set(ignored) <= set(PARAMS)
    again, ignored_again = parse_query(to_query(parsed))
    assert again == parsed
    assert ignored_again == []


def test_the_view_link_names_the_page_shown_not_the_path_typed():
    params = {"lang": ["fi"], "domain": ["taxation", "education"], "bn": ["BN-003"]}
    # A viewer typed /data, which is not theirs: the main page ("" path) is shown, and the link leads there.
    assert view_link("http://localhost:8501/data?lang=fi", "", "", params) == (
        "http://localhost:8501/?lang=fi&domain=taxation&domain=education&bn=BN-003")
    assert view_link("https://monitor.example.org/bottlenecks", "", "bottlenecks", {"lang": ["et"]}) == (
        "https://monitor.example.org/bottlenecks?lang=et")
    # Served under a base path (server.baseUrlPath), with or without its slashes.
    for base in ("twinreg", "/twinreg/"):
        assert view_link("https://example.org/twinreg/mobility?x=1", base, "mobility", {"lang": ["en"]}) == (
            "https://example.org/twinreg/mobility?lang=en")
    # No address known (e.g. a test run): still a usable relative link.
    assert view_link(None, "", "services", {"lang": ["en"]}) == "/services?lang=en"
