"""Areas matched by every code and name people use (issue 18).

Statistics files name areas their own way: Statistics Finland `KU091`, `091` or `91`, Statistics Estonia's
EHAK `0784` or `784`, Eurostat's NUTS and LAU codes, and names in Finnish, Swedish, Estonian or English, with or
without diacritics. `aliases_for_area` derives every such form from one row of `areas` (our code, its names and
its optional `aliases` column); `rebuild_area_aliases` stores them in `area_aliases` inside the caller's write
transaction; `AreaIndex.resolve` finds our code for a text, or says the area lies outside the twin region, is
unknown (with suggestions) or ambiguous.

Imports nothing heavy: store.py calls rebuild_area_aliases from its migration.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..store import Store

MATCHED, OUTSIDE, UNKNOWN, AMBIGUOUS = "matched", "outside_region", "unknown", "ambiguous"

# How sure an alias is; when one key leads to several areas, the surest kind wins (e.g. "245" is Kerava's
# Statistics Finland code, while it is only the short form of Jõelähtme's EHAK code 0245).
KIND_RANK = {"code": 0, "official": 0, "statfi": 0, "ehak": 0, "lau": 0, "nuts": 0, "alias": 0,
             "name_en": 1, "name_fi": 1, "name_sv": 1, "name_et": 1, "name_short": 2, "short_code": 2}

# Codes and names an area goes by that cannot be derived from our code: the whole country in Statistics
# Finland's (SSS, "KOKO MAA") and Statistics Estonia's ("Kogu Eesti") tables, Uusimaa's region code MK01 and
# NUTS 2 code FI1B (FI1B holds FI1B1 alone), Harju county's EHAK code 0037.
OFFICIAL_EXTRAS: dict[str, tuple[str, ...]] = {
    "FI": ("SSS", "FIN", "Koko maa", "Hela landet", "Whole country", "Finland total"),
    "EE": ("EST", "Kogu Eesti", "Eesti kokku", "Whole country", "Estonia total"),
    "FI1B1": ("FI1B", "MK01", "Uusimaa", "Nyland", "Uusimaa region"),
    "EE001": ("0037", "Harju", "Harjumaa", "Harju county", "Põhja-Eesti"),
}

# A small list of well-known areas outside the twin region that a national file names without a code of its
# own shape: the other Finnish regions (maakunnat) and the largest towns of both countries. An unknown name
# not on it is `unknown`, with suggestions, because it may be a typing mistake for one of ours.
OUTSIDE_NAMES = frozenset({
    "varsinais suomi", "satakunta", "kanta hame", "pirkanmaa", "paijat hame", "kymenlaakso", "etela karjala",
    "etela savo", "pohjois savo", "pohjois karjala", "keski suomi", "etela pohjanmaa", "pohjanmaa",
    "keski pohjanmaa", "pohjois pohjanmaa", "kainuu", "lappi", "ahvenanmaa", "aland", "egentliga finland",
    "birkaland", "osterbotten", "lappland", "tampere", "tammerfors", "turku", "abo", "oulu", "uleaborg",
    "jyvaskyla", "lahti", "lahtis", "kuopio", "pori", "bjorneborg", "joensuu", "lappeenranta", "villmanstrand",
    "vaasa", "vasa", "kotka", "rovaniemi", "seinajoki", "hameenlinna", "tavastehus", "mikkeli", "kajaani",
    "tartu", "parnu", "narva", "kohtla jarve", "viljandi", "rakvere", "haapsalu", "kuressaare", "voru",
    "valga", "paide", "johvi", "sillamae", "riga", "stockholm", "sankt peterburg", "st petersburg",
})
# Estonian municipality and county names end in their kind: "Tartu linn", "Saaremaa vald", "Tartu maakond".
# Every Harju municipality and the county are ours, so another name of this shape lies outside.
_ESTONIAN_UNIT = re.compile(r"^\S.* (vald|linn|maakond)$")
# Code shapes of the statistics offices (matched case-sensitively on the text as written): Statistics
# Finland's municipality (KU + 3 digits or 3 digits), region (MK + 2), sub-region (SK + 3) codes; EHAK (4
# digits, or fewer with the zeros dropped); NUTS and Eurostat's country and aggregate codes.
_OUTSIDE_CODE = re.compile(r"^(KU\d{3}|MK\d{2}|SK\d{3}|KV\d{2}|\d{1,4}|[A-Z]{2}[0-9A-Z]{0,3}|"
                           r"EU\d{2}(_\d{4})?|EA\d{0,2}|EEA\d{0,2}|EFTA)$")
_NAME_SUFFIX = re.compile(r" (vald|linn|maakond)$")


def alias_key(text: object) -> str:
    """The normalised form aliases meet in: casefold, no diacritics (NFKD without combining marks), spaces,
    hyphens, underscores and dots collapsed into one space. `Ingå`, `inga` and `INGÅ` give the same key."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[\s\-_.,]+", " ", plain).strip()


def code_forms(code: str, country: str | None, level: str | None) -> list[tuple[str, str]]:
    """(alias, kind) for every official form of our code: FI-091 → KU091, 091, 91, LAU 091; EE-0784 → 0784,
    784, EHAK and LAU 0784; NUTS codes as they are."""
    forms: list[tuple[str, str]] = [(code, "code")]
    m = re.fullmatch(r"(FI|EE)-(\d+)", code)
    if m:
        digits = m.group(2)
        if m.group(1) == "FI":
            forms += [(f"KU{digits}", "statfi"), (digits, "statfi")]
        else:
            forms += [(digits, "ehak")]
        # LAU: the national code itself (above), and GISCO's id with the country ("FI_091", "EE_0784").
        forms += [(f"{m.group(1)}_{digits}", "lau"), (f"{m.group(1)}{digits}", "lau")]
        short = digits.lstrip("0")
        if short and short != digits:
            forms.append((short, "short_code"))
    elif level in ("nuts3", "nuts2") or re.fullmatch(r"(FI|EE)[0-9A-Z]{1,3}", code):
        forms.append((code, "nuts"))
    for extra in OFFICIAL_EXTRAS.get(code, ()):
        forms.append((extra, "official"))
    return forms


def aliases_for_area(row: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(alias_key, alias, kind) of one `areas` row, each key once (the surest kind kept)."""
    code = str(row["code"])
    found: list[tuple[str, str]] = code_forms(code, row.get("country"), row.get("level"))
    for column in ("name_en", "name_fi", "name_sv", "name_et"):
        name = row.get(column)
        if name:
            found.append((str(name), column))
            short = _NAME_SUFFIX.sub("", str(name))
            if short != str(name):  # "Harku vald" is "Harku" in most tables of Statistics Estonia
                found.append((short, "name_short"))
    for extra in re.split(r";", str(row.get("aliases") or "")):
        if extra.strip():
            found.append((extra.strip(), "alias"))
    best: dict[str, tuple[str, str]] = {}
    for alias, kind in found:
        key = alias_key(alias)
        if key and (key not in best or KIND_RANK[kind] < KIND_RANK[best[key][1]]):
            best[key] = (alias, kind)
    return [(key, alias, kind) for key, (alias, kind) in best.items()]


_AREA_COLUMNS = ("code", "country", "level", "name_en", "name_fi", "name_sv", "name_et", "aliases")


def rebuild_area_aliases(cur: Any) -> int:
    """Fill `area_aliases` again from `areas`, inside the caller's write transaction; the number of aliases.

    A plain rebuild, as for the link tables: areas are a few hundred rows, and a rebuild cannot get out of
    step with them whatever an import or rollback did."""
    rows = cur.execute(f"SELECT {', '.join(_AREA_COLUMNS)} FROM areas").fetchall()
    values = [(key, row[0], alias, kind) for row in rows
              for key, alias, kind in aliases_for_area(dict(zip(_AREA_COLUMNS, row, strict=True)))]
    cur.execute("DELETE FROM area_aliases")
    if values:
        cur.executemany("INSERT INTO area_aliases (alias_key, area, alias, kind) VALUES (?, ?, ?, ?)", values)
    return len(values)


@dataclass(frozen=True)
class AreaMatch:
    """What a text names: `area` (our code) when `status` is matched, else None; `suggestions` are our codes
    with a name close to the text (for unknown) or the areas it could mean (for ambiguous)."""

    text: str
    area: str | None
    status: str  # matched | outside_region | unknown | ambiguous
    suggestions: tuple[str, ...] = ()


@dataclass
class AreaIndex:
    """Every alias key → [(area, kind)], and a label per area for suggestions."""

    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str, str]], labels: Mapping[str, str] | None = None
                  ) -> AreaIndex:
        index = cls(labels=dict(labels or {}))
        for key, area, _alias, kind in rows:
            index.aliases.setdefault(key, []).append((area, kind))
        return index

    @classmethod
    def from_store(cls, store: Store) -> AreaIndex:
        with store.cursor() as cur:
            rows = cur.execute("SELECT alias_key, area, alias, kind FROM area_aliases").fetchall()
            labels = dict(cur.execute("SELECT code, name_en FROM areas").fetchall())
        return cls.from_rows(rows, labels)

    def resolve(self, text: object, *, code: object = None) -> AreaMatch:
        """Our area for `text` (a code or a name). `code`, when the file gives one beside a label (KU091 beside
        "Helsinki"), is tried first: it is surer than a name and tells an outside area by its shape."""
        raw = "" if text is None else str(text).strip()
        for candidate in ([str(code).strip()] if code not in (None, "") else []) + [raw]:
            match = self._exact(candidate)
            if match is not None:
                return AreaMatch(raw, match.area, match.status, match.suggestions)
        for candidate in ([str(code).strip()] if code not in (None, "") else []) + [raw]:
            if self._outside(candidate):
                return AreaMatch(raw, None, OUTSIDE)
        return AreaMatch(raw, None, UNKNOWN, self.suggest(raw))

    def _exact(self, text: str) -> AreaMatch | None:
        entries = self.aliases.get(alias_key(text))
        if not entries:
            return None
        best = min(KIND_RANK.get(kind, 3) for _, kind in entries)
        areas = sorted({area for area, kind in entries if KIND_RANK.get(kind, 3) == best})
        if len(areas) == 1:
            return AreaMatch(text, areas[0], MATCHED)
        return AreaMatch(text, None, AMBIGUOUS, tuple(areas))

    @staticmethod
    def _outside(text: str) -> bool:
        if not text:
            return False
        return bool(_OUTSIDE_CODE.match(text) or alias_key(text) in OUTSIDE_NAMES
                    or _ESTONIAN_UNIT.match(text.strip().casefold()))

    def suggest(self, text: str, n: int = 3) -> tuple[str, ...]:
        """Our codes whose aliases come closest to `text` (difflib over the alias keys)."""
        close = difflib.get_close_matches(alias_key(text), list(self.aliases), n=n * 2, cutoff=0.6)
        codes: list[str] = []
        for key in close:
            for area, _ in self.aliases[key]:
                if area not in codes:
                    codes.append(area)
        return tuple(codes[:n])

    def describe(self, codes: Iterable[str]) -> str:
        """"FI-710 (Raasepori), …" for a message."""
        return ", ".join(f"{c} ({self.labels[c]})" if self.labels.get(c) else c for c in codes)
