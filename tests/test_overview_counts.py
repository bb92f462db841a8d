"""The Overview's bottleneck counts: a whole-number axis and a download with codes beside labels (issue 24)."""

from __future__ import annotations

import pandas as pd

from twinreg_data.figures.overview import domain_status_bars, domain_status_table
from twinreg_data.i18n import t
from twinreg_data.labels import DOMAIN_LABELS


def counts(n: int) -> pd.DataFrame:
    return pd.DataFrame({"domain": ["mobility", "mobility", "taxation"], "status": ["identified", "resolved",
                                                                                     "in_progress"],
                         "count": [n, 1, 2]})


def test_the_count_axis_has_whole_numbers_only():
    small = domain_status_bars(counts(1), "fi", "source").layout.xaxis
    assert small.tickformat == "d" and small.dtick == 1 and small.tick0 == 0  # no 0.5 ticks for counts of 1–4
    large = domain_status_bars(counts(40), "fi", "source").layout.xaxis
    assert large.tickformat == "d" and large.dtick is None  # plotly picks whole steps (5, 10, …) itself


def test_the_download_has_codes_beside_labels_in_the_chosen_language():
    table = domain_status_table(counts(3), "et")
    domain, status = t("Domain", "et"), t("Status", "et")
    assert list(table.columns) == [t("{column} (code)", "et", column=domain), domain,
                                   t("{column} (code)", "et", column=status), status, t("Count", "et")]
    assert table.iloc[0].tolist()[:2] == ["mobility", t(DOMAIN_LABELS["mobility"], "et")]
    assert t(DOMAIN_LABELS["mobility"], "et") == "Liikuvus ja transport"
    assert table[t("Count", "et")].tolist() == [3, 1, 2]
