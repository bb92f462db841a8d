"""The one rule for "did it change?": which period a figure is compared with, and what the change means.

Every place that calls a change improved or worsened uses this module: the Overview's movers, the Indicators
page's cards, table and colours, the Meeting page, the slides and their speaker notes, and the ferry card.

- **Like with like.** A quarterly or monthly figure is compared with the same quarter or month one year earlier
  (2025-Q3 vs 2024-Q3: seasons repeat every year); an annual (or event) figure with the previous value of its
  series. No figure of that period → not comparable.
- **A series break** (flag `break`) after the comparison period, up to and including the latest one → not
  comparable: the two figures count different things.
- **Larger than the stated uncertainty.** A change is clear only when each figure lies outside the other's estimate
  range (`value_low`…`value_high`; a figure without a range has none): 49 [44.1–53.9] against 55 [49.5–60.5] is a
  clear fall, 29 [26.1–31.9] against 31 [27.9–34.1] is not. Equal figures or a change within the ranges → no
  clear change.
- **Polarity.** A clear change is improved or worsened by whether a higher value is better or worse; a neutral
  indicator's clear change is reported without a judgement (neutral).

`comparison_sql` picks the latest and the comparison observation in SQL; `assess` adds the change and the
verdict to its rows (pure pandas). Both are used by the read models of queries.indicators, queries.changes and
queries.overview.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

IMPROVED, WORSENED, NEUTRAL = "improved", "worsened", "neutral"
NO_CLEAR_CHANGE, NOT_COMPARABLE = "no_clear_change", "not_comparable"
VERDICTS = (IMPROVED, WORSENED, NEUTRAL, NO_CLEAR_CHANGE, NOT_COMPARABLE)
# Frequencies compared with the same period one year earlier; every other one with the previous value.
YEAR_ON_YEAR = ("quarterly", "monthly")
ESTIMATE = "estimate"

# The columns comparison_sql adds to each target.
COMPARED_COLUMNS = ("period", "period_start", "value", "value_low", "value_high", "flag", "frequency", "polarity",
                    "previous_period", "previous_value", "previous_low", "previous_high", "previous_flag",
                    "broken")


def comparison_sql(targets: str, lower_bound: bool = True) -> str:
    """SQL selecting each row of the CTE `targets` (indicator, area, latest_start, any other columns as `tg.*`)
    with its observation at `latest_start`, the observation it is compared with and whether a series break lies
    between them. With `lower_bound` the comparison must start on or after one parameter (the period range's
    start: a figure outside the chosen period is not compared with); without, no parameter.

    The comparison period: `latest_start` minus one year for quarterly and monthly indicators, else the latest
    period of the series before it.
    """
    bound = " AND q.period_start >= ?" if lower_bound else ""
    return (
        f"SELECT tg.*, o.period, o.period_start, o.value, o.value_low, o.value_high, o.flag, i.frequency, i.polarity,"
        " p.period AS previous_period, p.value AS previous_value, p.value_low AS previous_low,"
        " p.value_high AS previous_high, p.flag AS previous_flag,"
        " coalesce(o.flag = 'break' AND p.period IS NOT NULL, FALSE) OR EXISTS (SELECT 1 FROM observations b"
        "  WHERE b.indicator = tg.indicator AND b.area = tg.area AND b.flag = 'break'"
        "  AND b.period_start > p.period_start AND b.period_start < o.period_start) AS broken"
        f" FROM {targets} tg"
        " JOIN indicators i ON i.code = tg.indicator"
        " JOIN observations o ON o.indicator = tg.indicator AND o.area = tg.area AND o.period_start = tg.latest_start"
        " LEFT JOIN observations p ON p.indicator = tg.indicator AND p.area = tg.area AND p.period_start = ("
        f"  CASE WHEN i.frequency IN ({', '.join(repr(f) for f in YEAR_ON_YEAR)})"
        "   THEN (o.period_start - INTERVAL 1 YEAR)::DATE"
        "   ELSE (SELECT max(q.period_start) FROM observations q WHERE q.indicator = tg.indicator"
        f"         AND q.area = tg.area AND q.period_start < o.period_start{bound}) END)"
        " QUALIFY row_number() OVER (PARTITION BY tg.indicator, tg.area ORDER BY o.period DESC, p.period DESC) = 1"
    )


def _bounds(values: np.ndarray, lows: np.ndarray, highs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A figure's estimate range; the figure itself where the data states none."""
    low = np.where(np.isnan(lows), values, np.fmin(lows, values))
    high = np.where(np.isnan(highs), values, np.fmax(highs, values))
    return low, high


def _floats(frame: pd.DataFrame, column: str) -> np.ndarray:
    return pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)


def assess(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` (columns of comparison_sql: value, value_low, value_high, flag, previous_*, polarity, broken) with
    change, change_pct, assessment (one of VERDICTS) and estimate (either figure is flagged an estimate or
    carries a range) added."""
    frame = frame.copy()
    value, previous = _floats(frame, "value"), _floats(frame, "previous_value")
    low, high = _bounds(value, _floats(frame, "value_low"), _floats(frame, "value_high"))
    prev_low, prev_high = _bounds(previous, _floats(frame, "previous_low"), _floats(frame, "previous_high"))
    change = value - previous
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(previous != 0, change / np.abs(previous), np.nan)
    up = (value > prev_high) & (previous < low)
    down = (value < prev_low) & (previous > high)
    polarity = frame["polarity"].to_numpy(dtype=object)
    broken = frame["broken"].fillna(False).to_numpy(dtype=bool) if "broken" in frame else np.zeros(len(frame), bool)
    verdict = np.select(
        [np.isnan(previous) | np.isnan(value) | broken, ~(up | down),
         (polarity != "higher_better") & (polarity != "higher_worse"), up == (polarity == "higher_better")],
        [NOT_COMPARABLE, NO_CLEAR_CHANGE, NEUTRAL, IMPROVED], WORSENED).astype(object)
    flags = frame["flag"].to_numpy(dtype=object)
    previous_flags = frame["previous_flag"].to_numpy(dtype=object)
    ranged = ~np.isnan(_floats(frame, "value_low")) | ~np.isnan(_floats(frame, "value_high"))
    frame["change"] = change
    frame["change_pct"] = pct
    frame["assessment"] = verdict
    frame["estimate"] = (flags == ESTIMATE) | ranged
    previous_ranged = ~np.isnan(_floats(frame, "previous_low")) | ~np.isnan(_floats(frame, "previous_high"))
    frame["previous_estimate"] = (previous_flags == ESTIMATE) | previous_ranged
    return frame


def compare_series(series: pd.DataFrame, frequency: str, polarity: str) -> pd.Series | None:
    """The rule applied to one series in memory (columns period, period_start, value, and optionally value_low,
    value_high, flag): its latest figure against the comparison figure, as one row of `assess`; None when empty.
    The same rule as comparison_sql, for a series already read (a test, a figure)."""
    if series.empty:
        return None
    rows = series.sort_values(["period_start", "period"]).reset_index(drop=True)
    for column in ("value_low", "value_high", "flag"):
        if column not in rows:
            rows[column] = None
    latest = rows.iloc[-1]
    starts = pd.to_datetime(rows["period_start"])
    if frequency in YEAR_ON_YEAR:
        candidates = rows[starts == pd.to_datetime(latest["period_start"]) - pd.DateOffset(years=1)]
    else:
        candidates = rows.iloc[:-1]
    previous = candidates.iloc[-1] if not candidates.empty else None
    broken = False
    if previous is not None:
        between = (starts > pd.to_datetime(previous["period_start"])) & (starts <= pd.to_datetime(
            latest["period_start"]))
        broken = bool((rows.loc[between, "flag"] == "break").any())
    row = {"period": latest["period"], "period_start": latest["period_start"], "value": latest["value"],
           "value_low": latest["value_low"], "value_high": latest["value_high"], "flag": latest["flag"],
           "frequency": frequency, "polarity": polarity,
           "previous_period": None if previous is None else previous["period"],
           "previous_value": np.nan if previous is None else previous["value"],
           "previous_low": np.nan if previous is None else previous["value_low"],
           "previous_high": np.nan if previous is None else previous["value_high"],
           "previous_flag": None if previous is None else previous["flag"], "broken": broken}
    return assess(pd.DataFrame([row])).iloc[0]
