"""A format-neutral statistical table: dimensions, and observations as parallel arrays (no pandas).

Every reader in this package returns a `StatTable`. An observation `i` has one position per dimension
(`positions[d][i]` indexes `dimensions[d].values`), a value (`values[i]`, NaN when the publisher gave none),
the publisher's own status or missing marker (`status.get(i)`, e.g. "p", "..", ":") and our flags
(`flags.get(i)`, comma-separated words of FLAGS). Arrays, not one object per value: a 100,000-value table
is a few megabytes, and the child sends it to the parent as plain lists (`to_dict`).

The publishers' flags and markers are mapped to our vocabulary here, in one place (`flags_for_status`).
"""

from __future__ import annotations

import array
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .periods import parse_stat_period

FLAGS = ("break", "provisional", "estimate", "confidential", "low_reliability")
ROLES = ("area", "period", "series", "other")
MISSING_MARKERS = frozenset({".", "..", "...", "....", ".....", "......", ":", "-", "–", "x", "X"})

# Eurostat's observation flags (bulk TSV suffixes, SDMX-CSV OBS_FLAG, JSON-stat status). Flags without an
# equivalent of ours (d definition differs, f forecast, n not significant, r revised, z not applicable) stay
# in `status` only.
_EUROSTAT_FLAGS = {"b": "break", "p": "provisional", "e": "estimate", "s": "estimate", "c": "confidential",
                   "u": "low_reliability"}
# Words in a status description (JSON-stat `extension`, PX footnotes) that name one of our flags.
_DESCRIPTION_FLAGS = (
    (re.compile(r"break|katko|katkestus|tidsseriebrott", re.I), "break"),
    (re.compile(r"provisional|preliminary|ennakko|esialgne|preliminär", re.I), "provisional"),
    (re.compile(r"estimat|arvio|hinnang|skattning", re.I), "estimate"),
    (re.compile(r"secre|confidential|salass|konfidentsiaal|sekretess", re.I), "confidential"),
    (re.compile(r"uncertain|reliab|epävarm|ebausaldusväär|osäker", re.I), "low_reliability"),
)


def flags_for_status(status: str | None, description: str | None = None) -> str:
    """Our flags ("break,provisional", or "") for a publisher's status code and/or its description.

    A short code of letters is read as Eurostat's (`bep` → break, estimate, provisional); a description
    (JSON-stat's status labels, PX notes) by the words it uses.
    """
    found: list[str] = []
    code = (status or "").strip()
    if code and re.fullmatch(r"[a-z]{1,6}", code):
        found += [_EUROSTAT_FLAGS[c] for c in code if c in _EUROSTAT_FLAGS]
    if description:
        found += [flag for pattern, flag in _DESCRIPTION_FLAGS if pattern.search(description)]
    return ",".join(f for f in FLAGS if f in found)


def merge_flags(*flag_texts: str) -> str:
    words = {w for text in flag_texts if text for w in text.split(",")}
    return ",".join(f for f in FLAGS if f in words)


@dataclass
class Dimension:
    """One dimension: its code and label, its values as (code, label) pairs and a guess at its role."""

    code: str
    label: str
    values: list[tuple[str, str]]
    role_guess: str = "other"
    # For a period dimension: our period text ("2024", "2024-Q1", "2024-12") per value, None where unknown.
    periods: list[str | None] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Other languages of a multilingual file (PX): language → [the dimension's name, then a label per value].
    other_labels: dict[str, list[str]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(self.values)

    def names(self) -> list[str]:
        """The dimension's code, label and its names in the file's other languages."""
        return [self.code, self.label] + [labels[0] for labels in self.other_labels.values()]

    def labels_of(self, j: int) -> list[str]:
        """Value j's code, label and its labels in the file's other languages."""
        return [*self.values[j]] + [labels[j + 1] for labels in self.other_labels.values()]


def _array(typecode: str, raw: bytes) -> array.array:
    out = array.array(typecode)
    out.frombytes(raw)
    return out


@dataclass
class StatTable:
    format: str
    title: str
    dimensions: list[Dimension]
    positions: list[array.array]
    values: array.array
    status: dict[int, str] = field(default_factory=dict)
    flags: dict[int, str] = field(default_factory=dict)
    source: str = ""
    language: str = ""
    notes: list[str] = field(default_factory=list)
    table_id: str = ""  # the publisher's id of the table (PX TABLEID/MATRIX, Eurostat dataset code)

    def __len__(self) -> int:
        return len(self.values)

    def dimension(self, code: str) -> Dimension:
        for dim in self.dimensions:
            if dim.code == code:
                return dim
        raise KeyError(code)

    def by_role(self, role: str) -> list[Dimension]:
        return [d for d in self.dimensions if d.role_guess == role]

    def find(self, **codes: str) -> int | None:
        """Index of the observation at these value codes (one per dimension code); None when absent.

        A linear scan, for tests and small look-ups; mapping a whole table goes through the arrays.
        """
        wanted = []
        for d, dim in enumerate(self.dimensions):
            if dim.code in codes:
                index = [c for c, _ in dim.values].index(codes[dim.code])
                wanted.append((self.positions[d], index))
        for i in range(len(self.values)):
            if all(pos[i] == index for pos, index in wanted):
                return i
        return None

    def value_at(self, **codes: str) -> float | None:
        i = self.find(**codes)
        if i is None or math.isnan(self.values[i]):
            return None
        return self.values[i]

    def to_dict(self) -> dict[str, Any]:
        """Plain lists, dicts, strings and bytes for the pickle the sandboxed child sends; `from_dict` reverses it.

        The positions and values go as the arrays' raw bytes (NaN stays NaN): pickling a million Python
        numbers and rebuilding the arrays from them took longer than parsing the file."""
        return {
            "format": self.format,
            "title": self.title,
            "table_id": self.table_id,
            "source": self.source,
            "language": self.language,
            "notes": list(self.notes),
            "dimensions": [{"code": d.code, "label": d.label, "values": [list(v) for v in d.values],
                            "role_guess": d.role_guess, "periods": list(d.periods), "notes": list(d.notes),
                            "other_labels": {k: list(v) for k, v in d.other_labels.items()}}
                           for d in self.dimensions],
            "positions": [pos.tobytes() for pos in self.positions],
            "values": self.values.tobytes(),
            "status": sorted(self.status.items()),
            "flags": sorted(self.flags.items()),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StatTable:
        dims = [Dimension(d["code"], d["label"], [tuple(v) for v in d["values"]], d["role_guess"],
                          list(d.get("periods", [])), list(d.get("notes", [])),
                          {k: list(v) for k, v in d.get("other_labels", {}).items()}) for d in data["dimensions"]]
        return cls(
            format=data["format"], title=data["title"], dimensions=dims,
            positions=[_array("i", p) for p in data["positions"]],
            values=_array("d", data["values"]),
            status={int(i): s for i, s in data["status"]}, flags={int(i): f for i, f in data["flags"]},
            source=data.get("source", ""), language=data.get("language", ""), notes=list(data.get("notes", [])),
            table_id=data.get("table_id", ""),
        )


# -- guessing a dimension's role ---------------------------------------------------------------------------

_PERIOD_NAMES = re.compile(
    r"^(vuosi|vuodet|year|years|aasta|aastad|år|time|time_period|tid|period|periood|ajanjakso|kuukausi|month|"
    r"kuu|månad|quarter|vuosineljännes|neljännes|kvartal|kvartaal|date|päivä|datum)$", re.I)
_AREA_NAMES = re.compile(
    r"^(alue|alueet|område|region|regions?|geo|kunta|kunnat|kommun|maakunta|landskap|maakond|omavalitsus|"
    r"haldusüksus|piirkond|asustusüksus|country|countries|land|riik|municipality|county|area|nuts|"
    r"geopolitical entity.*|geo \(labels\)|geo \(codes\))$", re.I)
_SERIES_NAMES = re.compile(
    r"^(tiedot|information|uppgifter|näitaja|näitajad|indicator|indikaattori|contents|measure|"
    r"na_item|indic_.*|unit|yksikkö|ühik|enhet|muuttuja|variable)$", re.I)
_AREA_CODE = re.compile(r"^(KU\d{3}|MK\d{2}|SK\d{3}|SSS|\d{3}|\d{4}|EE\d{0,3}|FI[0-9A-Z]{0,3}|[A-Z]{2}\d{0,3}|"
                        r"EU\d{2}(_\d{4})?|EA\d{0,2})$")


def guess_role(code: str, label: str, value_codes: list[str], hint: str | None = None) -> str:
    """'area', 'period', 'series' or 'other': the publisher's own hint first (JSON-stat `role`, PX
    TIMEVAL / VARIABLE-TYPE), then the dimension's name in Finnish, Swedish, Estonian or English, then the
    shape of its values (periods that parse, area codes such as KU091, FI1B1, EE001)."""
    if hint in ROLES:
        return hint
    for name in (code, label):
        name = (name or "").strip()
        if _PERIOD_NAMES.match(name):
            return "period"
        if _AREA_NAMES.match(name):
            return "area"
        if _SERIES_NAMES.match(name):
            return "series"
    sample = [v for v in value_codes[:200] if v]
    # Periods parse (years only from 1000 on, so four-digit EHAK codes such as 0784 are not taken for years).
    if sample and sum(parse_stat_period(v)[0] is not None for v in sample) >= 0.8 * len(sample):
        return "period"
    if sample and sum(bool(_AREA_CODE.match(v)) for v in sample) >= 0.8 * len(sample) and len(sample) > 1:
        return "area"
    return "other"


def make_dimension(code: str, label: str, values: list[tuple[str, str]], hint: str | None = None) -> Dimension:
    """A Dimension with its role guessed and, for a period dimension, every value read as a period."""
    role = guess_role(code, label, [c for c, _ in values], hint)
    if role == "period":
        # A code with the provisional mark ("2023*", where the file has no separate codes) would change at
        # the next release; the mark stays in the label and becomes a flag.
        values = [(c.rstrip("* ") if c.rstrip().endswith("*") else c, lab) for c, lab in values]
    dim = Dimension(code, label or code, values, role)
    if role == "period":
        dim.periods = [parse_stat_period(c)[0] or parse_stat_period(lab)[0] for c, lab in values]
    return dim


def period_flags(dim: Dimension) -> dict[int, str]:
    """Value index → "provisional" for period values marked like `2023*` (the mark is a flag, not noise)."""
    return {j: "provisional" for j, (c, lab) in enumerate(dim.values)
            if parse_stat_period(lab)[1] or parse_stat_period(c)[1]}


def dense_positions(sizes: list[int]) -> list[array.array]:
    """Positions of every cell of a full cube in row-major order (the last dimension varies fastest)."""
    total = math.prod(sizes)
    positions = []
    inner = 1
    for size in reversed(sizes):
        block = array.array("i", [v for v in range(size) for _ in range(inner)])
        repeat = total // (size * inner) if size * inner else 0
        positions.append(block * repeat)
        inner *= size
    positions.reverse()
    return positions


def apply_period_flags(table: StatTable) -> None:
    """Flag every observation whose period value carries a provisional mark."""
    for d, dim in enumerate(table.dimensions):
        if dim.role_guess != "period":
            continue
        marked = period_flags(dim)
        if not marked:
            continue
        pos = table.positions[d]
        for i in range(len(table.values)):
            if pos[i] in marked:
                table.flags[i] = merge_flags(table.flags.get(i, ""), "provisional")


class StatFileError(Exception):
    """A statistics file that cannot be read. `message` is plain English with {placeholders} (the msgid);
    `text(lang)` is the reader's language."""

    def __init__(self, message: str, **params: object) -> None:
        self.message = message
        self.params = params
        super().__init__(message.format(**params) if params else message)

    def text(self, lang: str = "en") -> str:
        from ...i18n import t  # the parent words it; the sandboxed child never imports the catalogue

        text = t(self.message, lang, **self.params)
        # Until the gettext switch, t() hands an unknown msgid back unfilled.
        return self.message.format(**self.params) if text == self.message and self.params else text


_THOUSANDS_COMMAS = re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")


def parse_number(text: str, decimal_comma: bool = False) -> float | None:
    """A number as statistics offices write it ("1 234,5", "1234.5", "-0.3"); None when it is not one."""
    s = text.strip().replace("\u00a0", "").replace("\u202f", "")
    if decimal_comma:
        s = s.replace(" ", "").replace(".", "").replace(",", ".") if "," in s else s.replace(" ", "")
    else:
        s = s.replace(" ", "")
        if _THOUSANDS_COMMAS.fullmatch(s):  # "5,533,793" as some workbooks store numbers as text
            s = s.replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
