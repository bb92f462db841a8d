"""A recipe: how one statistics table maps onto our observations, decided once and reused (issue 18).

A table has dimensions. A recipe says which one holds the areas (or the one area of a national total), which
the periods, which series go to which indicator (an existing one, or a new one with domain, unit and
polarity), and one value to keep for every other dimension (sex = total). `plan` checks a recipe against a
table and lists what is still undecided; `map_table` turns a complete plan into the rows of the template's
`observations` (and `indicators`) sheets, so they go through the same validation, diff and apply as a filled
template. Recipes are TOML files (`load`/`dump`, tomllib and a small writer) and rows of `recipes` by name.

Decisions made here and why:
- A row of an area outside the twin region is skipped and counted (a national file is no error); an unknown
  or ambiguous area inside it is an error with suggestions.
- A missing value (the publisher's "..", ":", "-") is no value: skipped and counted by its marker.
- A value the publisher flags confidential or of low reliability is kept with its note saying so and no
  flag of ours (our flags are provisional, estimate, break): the number was published, and a gap would hide
  it from every chart, while the note carries the caveat to the table and export views.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...i18n import t
from ..areas import MATCHED, OUTSIDE, AreaIndex, alias_key
from .model import Dimension, StatTable

if TYPE_CHECKING:
    from ...store import Store

OUR_FLAGS = ("break", "estimate", "provisional")  # in the order one is chosen when the publisher gives several
NOTED_FLAGS = {"confidential": "confidential", "low_reliability": "low reliability"}
FREQUENCY_OF_PERIOD = (
    (re.compile(r"^\d{4}$"), "annual"), (re.compile(r"^\d{4}-Q[1-4]$"), "quarterly"),
    (re.compile(r"^\d{4}-\d{2}$"), "monthly"),
)


@dataclass
class NewIndicator:
    """An indicator the recipe creates: the `indicators` sheet row it becomes."""

    code: str
    domain: str
    unit: str
    polarity: str
    name_en: str = ""
    name_fi: str = ""
    name_et: str = ""
    frequency: str = ""  # from the periods when empty
    source: str = ""  # the table's source and id when empty
    definition: str = ""


@dataclass
class Recipe:
    """How a table maps. Dimensions and values are named by code or label; empty means "not decided"."""

    name: str = ""
    table_id: str = ""  # the publisher's table id it was made for (PX MATRIX, Eurostat dataset code)
    title: str = ""
    table: int = 0  # which table of a file holding several (a JSON-stat collection, a workbook's sheets)
    area_dimension: str = ""
    area: str = ""  # the one area of a file without an area dimension (a national total)
    period_dimension: str = ""
    series_dimension: str = ""
    indicator: str = ""  # the one indicator of every value (when no series dimension is mapped)
    series: dict[str, str] = field(default_factory=dict)  # series value → indicator code
    keep: dict[str, str] = field(default_factory=dict)  # dimension → the value kept
    indicators: dict[str, NewIndicator] = field(default_factory=dict)  # new indicators by code

    # -- TOML ----------------------------------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipe:
        scalars = {k: data[k] for k in ("name", "table_id", "title", "area_dimension", "area", "period_dimension",
                                        "series_dimension", "indicator") if data.get(k) is not None}
        recipe = cls(**{k: str(v) for k, v in scalars.items()}, table=int(data.get("table", 0) or 0))
        recipe.series = {str(k): str(v) for k, v in (data.get("series") or {}).items()}
        recipe.keep = {str(k): str(v) for k, v in (data.get("keep") or {}).items()}
        known = set(NewIndicator.__dataclass_fields__) - {"code"}
        recipe.indicators = {
            str(code): NewIndicator(code=str(code), **{k: str(v) for k, v in spec.items() if k in known})
            for code, spec in (data.get("indicators") or {}).items()}
        return recipe

    @classmethod
    def loads(cls, text: str) -> Recipe:
        """A recipe from TOML text; RecipeError when it is not TOML or lacks what a new indicator needs."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RecipeError("The recipe is not valid TOML: {detail}", detail=str(exc)) from exc
        try:
            return cls.from_dict(data)
        except (TypeError, ValueError, AttributeError) as exc:
            raise RecipeError("The recipe does not have the expected fields: {detail}", detail=str(exc)) from exc

    @classmethod
    def load(cls, path: str | Path) -> Recipe:
        return cls.loads(Path(path).read_text(encoding="utf-8"))

    def dumps(self) -> str:
        """TOML text: the scalars, then [series], [keep] and one [indicators.CODE] table per new indicator."""
        lines = [f"{key} = {_toml_value(value)}" for key, value in asdict(self).items()
                 if not isinstance(value, dict) and value not in ("", None)]
        for section in ("series", "keep"):
            mapping = getattr(self, section)
            if mapping:
                lines += ["", f"[{section}]"] + [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in mapping.items()]
        for code, spec in self.indicators.items():
            lines += ["", f"[indicators.{_toml_key(code)}]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in asdict(spec).items() if k != "code" and v]
        return "\n".join(lines) + "\n"

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.dumps(), encoding="utf-8")
        return path


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_value(key)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04x}", escaped)
    return f'"{escaped}"'


class RecipeError(Exception):
    """A recipe that cannot be read or found; `message` is the English msgid, `text(lang)` the reader's."""

    def __init__(self, message: str, **params: object) -> None:
        self.message, self.params = message, params
        super().__init__(message.format(**params))

    def text(self, lang: str = "en") -> str:
        return t(self.message, lang, **self.params)


# -- saved recipes ----------------------------------------------------------------------------------------


def save_recipe(store: Store, recipe: Recipe, user: str) -> None:
    """Keep `recipe` under its name (replacing one of the same name), in its own transaction."""
    import datetime as dt

    if not recipe.name.strip():
        raise RecipeError("A recipe needs a name to be saved.")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    with store.transaction(changes_data=False) as cur:
        cur.execute("DELETE FROM recipes WHERE name = ?", [recipe.name])
        cur.execute("INSERT INTO recipes (name, table_id, title, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)",
                    [recipe.name, recipe.table_id, recipe.title, recipe.dumps(), user, now])


def saved_recipe(store: Store, name: str) -> Recipe | None:
    body = store.scalar("SELECT body FROM recipes WHERE name = ?", [name])
    return Recipe.loads(body) if body is not None else None


def saved_recipes(store: Store, table_id: str | None = None) -> list[str]:
    """Names of the saved recipes, those made for `table_id` first (newest first within each group)."""
    rows = store.query("SELECT name, table_id FROM recipes ORDER BY saved_at DESC, name")
    return [n for n, tid in rows if table_id and tid == table_id] + [n for n, tid in rows
                                                                     if not (table_id and tid == table_id)]


# -- planning -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decision:
    """Something the official still has to decide: `what` (area, period, indicator, keep, new_indicator) for
    `dimension`, explained by an English message with parameters."""

    what: str
    dimension: str
    message: str
    params: dict[str, str] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return t(self.message, lang, **self.params)

    def as_dict(self) -> dict[str, object]:
        return {"what": self.what, "dimension": self.dimension, "message": self.text("en")}


@dataclass
class Plan:
    """A recipe checked against a table: dimension indices per role, kept value per other dimension, the series
    value → indicator map, and what is still undecided."""

    table: StatTable
    recipe: Recipe
    area_dim: int | None = None
    period_dim: int | None = None
    series_dim: int | None = None
    kept: dict[int, int] = field(default_factory=dict)
    series_map: dict[int, str] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return not self.decisions

    def role_of(self, d: int) -> str:
        if d == self.area_dim:
            return "area"
        if d == self.period_dim:
            return "period"
        if d == self.series_dim:
            return "series"
        return "keep" if d in self.kept else ""

    def resolved_recipe(self) -> Recipe:
        """The recipe with every choice written out by code, as saved for next time."""
        dims = self.table.dimensions
        r = Recipe(name=self.recipe.name, table_id=self.table.table_id or self.recipe.table_id,
                   title=self.table.title or self.recipe.title, table=self.recipe.table, area=self.recipe.area,
                   indicator=self.recipe.indicator if self.series_dim is None else "",
                   indicators=dict(self.recipe.indicators))
        r.area_dimension = dims[self.area_dim].code if self.area_dim is not None else ""
        r.period_dimension = dims[self.period_dim].code if self.period_dim is not None else ""
        if self.series_dim is not None:
            dim = dims[self.series_dim]
            r.series_dimension = dim.code
            r.series = {dim.values[j][0]: code for j, code in sorted(self.series_map.items())}
        r.keep = {dims[d].code: dims[d].values[j][0] for d, j in self.kept.items() if dims[d].size > 1}
        used = set(r.series.values()) | ({r.indicator} if r.indicator else set())
        r.indicators = {code: spec for code, spec in r.indicators.items() if code in used}
        return r


def find_dimension(table: StatTable, name: str) -> int | None:
    """Index of the dimension named `name` by its code or label in any of the file's languages (any case,
    diacritics optional)."""
    key = alias_key(name)
    for d, dim in enumerate(table.dimensions):
        if any(alias_key(n) == key for n in dim.names()):
            return d
    return None


def find_value(dim: Dimension, text: str) -> int | None:
    """Index of the value written `text`: its code first, then its label in any of the file's languages (any
    case, diacritics optional)."""
    text = str(text).strip()
    for j, (code, _) in enumerate(dim.values):
        if code == text:
            return j
    key = alias_key(text)
    for j in range(dim.size):
        if any(alias_key(label) == key for label in dim.labels_of(j)):
            return j
    return None


def _sample(dim: Dimension, n: int = 3) -> str:
    return ", ".join(label if label == code else f"{code} {label}" for code, label in dim.values[:n]) + (
        ", …" if dim.size > n else "")


def plan(table: StatTable, recipe: Recipe) -> Plan:
    """Check `recipe` against `table`: unambiguous roles need no decision (the one area dimension, the one
    period dimension, a dimension with a single value); everything else undecided becomes a Decision."""
    p = Plan(table, recipe)
    dims = table.dimensions
    taken: set[int] = set()

    def chosen(name: str, role: str, what: str) -> int | None:
        if name:
            d = find_dimension(table, name)
            if d is None:
                p.decisions.append(Decision(what, name, "The file has no dimension {dimension}; its dimensions are "
                                            "{dimensions}.", {"dimension": name, "dimensions": _names(table)}))
            return d
        guesses = [d for d, dim in enumerate(dims) if dim.role_guess == role and d not in taken]
        return guesses[0] if len(guesses) == 1 else None

    if not recipe.area:
        p.area_dim = chosen(recipe.area_dimension, "area", "area")
        if p.area_dim is None and not recipe.area_dimension:
            p.decisions.append(Decision("area", "", "Which dimension holds the areas? Choose it (--area-from DIM), "
                                        "or name the one area of the whole file (--area CODE).",
                                        {"dimensions": _names(table)}))
    if p.area_dim is not None:
        taken.add(p.area_dim)
    p.period_dim = chosen(recipe.period_dimension, "period", "period")
    if p.period_dim is None and not recipe.period_dimension:
        p.decisions.append(Decision("period", "", "Which dimension holds the periods? Choose it (--period-from DIM)."))
    if p.period_dim is not None:
        taken.add(p.period_dim)
    # The series dimension: named, or the one holding the values the series map names.
    if recipe.series_dimension:
        p.series_dim = find_dimension(table, recipe.series_dimension)
        if p.series_dim is None:
            p.decisions.append(Decision("indicator", recipe.series_dimension,
                                        "The file has no dimension {dimension}; its dimensions are {dimensions}.",
                                        {"dimension": recipe.series_dimension, "dimensions": _names(table)}))
    elif recipe.series:
        holders = [d for d, dim in enumerate(dims) if d not in taken
                   and all(find_value(dim, v) is not None for v in recipe.series)]
        p.series_dim = holders[0] if holders else None
        if p.series_dim is None:
            p.decisions.append(Decision("indicator", "", "No dimension holds the series {values}.",
                                        {"values": ", ".join(recipe.series)}))
    if p.series_dim is not None:
        taken.add(p.series_dim)
        dim = dims[p.series_dim]
        for value, code in recipe.series.items():
            j = find_value(dim, value)
            if j is None:
                p.decisions.append(Decision("indicator", dim.code, "{dimension} has no value {value}; its values are "
                                            "{sample}.", {"dimension": dim.label, "value": value,
                                                          "sample": _sample(dim, 6)}))
            elif code:
                p.series_map[j] = code
        if not p.series_map and not any(d.what == "indicator" for d in p.decisions):
            p.decisions.append(Decision("indicator", dim.code, "Which indicator does each value of {dimension} go "
                                        "to ({sample})?", {"dimension": dim.label, "sample": _sample(dim)}))
    # Every other dimension keeps one value.
    keep = {}
    for name, value in recipe.keep.items():
        d = find_dimension(table, name)
        if d is None:
            p.decisions.append(Decision("keep", name, "The file has no dimension {dimension}; its dimensions are "
                                        "{dimensions}.", {"dimension": name, "dimensions": _names(table)}))
        else:
            keep[d] = value
    for d, dim in enumerate(dims):
        if d in taken:
            continue
        if d in keep:
            j = find_value(dim, keep[d])
            if j is None:
                p.decisions.append(Decision("keep", dim.code, "{dimension} has no value {value}; its values are "
                                            "{sample}.", {"dimension": dim.label, "value": keep[d],
                                                          "sample": _sample(dim, 6)}))
            else:
                p.kept[d] = j
        elif dim.size == 1:
            p.kept[d] = 0
        elif p.series_dim is None and not recipe.indicator and dim.role_guess == "series" and not recipe.series:
            p.decisions.append(Decision("indicator", dim.code, "Which indicator does each value of {dimension} go "
                                        "to ({sample})? Map them in a recipe, or keep one value "
                                        "(--keep {code}=VALUE) and give --indicator CODE.",
                                        {"dimension": dim.label, "sample": _sample(dim), "code": dim.code}))
        else:
            p.decisions.append(Decision("keep", dim.code, "Which value of {dimension} should be kept "
                                        "(--keep {code}=VALUE)? It has {count} values: {sample}.",
                                        {"dimension": dim.label, "code": dim.code, "count": str(dim.size),
                                         "sample": _sample(dim)}))
    if p.series_dim is None and not recipe.indicator and not any(d.what == "indicator" for d in p.decisions):
        p.decisions.append(Decision("indicator", "", "Which indicator do the values go to? Give --indicator CODE "
                                    "(an existing code, or a new one defined in the recipe)."))
    for code, spec in recipe.indicators.items():
        missing = [f for f in ("domain", "unit", "polarity") if not getattr(spec, f)]
        if missing:
            p.decisions.append(Decision("new_indicator", code, "The new indicator {code} needs {fields}.",
                                        {"code": code, "fields": ", ".join(missing)}))
    return p


def _names(table: StatTable) -> str:
    return ", ".join(dim.code for dim in table.dimensions)


def describe_dimensions(p: Plan) -> list[dict[str, object]]:
    """Name, label, number of values, a sample, the guessed role and the role the plan gives, per dimension."""
    out = []
    for d, dim in enumerate(p.table.dimensions):
        entry: dict[str, object] = {"name": dim.code, "label": dim.label, "count": dim.size, "sample": _sample(dim),
                                    "guessed_role": dim.role_guess, "role": p.role_of(d)}
        if d in p.kept:
            entry["kept"] = dim.values[p.kept[d]][0]
        out.append(entry)
    return out


# -- mapping ------------------------------------------------------------------------------------------------


@dataclass
class Mapped:
    """The sheets' rows a complete plan gives, what was skipped and the problems found on the way.

    `origins[i]` says where observation row i came from ("alue=KU091 · kuukausi=2024M12"), for the report."""

    observations: list[dict[str, object]] = field(default_factory=list)
    indicators: list[dict[str, object]] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    outside_areas: set[str] = field(default_factory=set)
    outside_rows: int = 0
    missing: Counter = field(default_factory=Counter)  # publisher's marker → values without a number
    unmapped_series: int = 0
    noted_flags: Counter = field(default_factory=Counter)  # confidential / low_reliability values kept
    area_problems: list[tuple[str, str, str, tuple[str, ...]]] = field(default_factory=list)  # dim, text, status, sugg.
    period_problems: list[tuple[str, str]] = field(default_factory=list)  # dim, text

    def skipped(self) -> dict[str, object]:
        return {"outside_region_areas": len(self.outside_areas), "outside_region_rows": self.outside_rows,
                "missing_values": sum(self.missing.values()), "missing_by_marker": dict(self.missing),
                "unmapped_series_rows": self.unmapped_series, "flagged_kept": dict(self.noted_flags)}


def _our_flag(flags: str) -> tuple[str | None, list[str]]:
    """Our one flag for the publisher's flags ("break,provisional") and the words the note keeps."""
    words = [w for w in flags.split(",") if w]
    ours = [f for f in OUR_FLAGS if f in words]
    noted = [NOTED_FLAGS[w] for w in words if w in NOTED_FLAGS] + ours[1:]
    return (ours[0] if ours else None), noted


def frequency_of(periods: list[str | None]) -> str:
    for pattern, frequency in FREQUENCY_OF_PERIOD:
        if periods and all(p is None or pattern.match(p) for p in periods):
            return frequency
    return "annual"


def map_table(p: Plan, areas: AreaIndex) -> Mapped:
    """The observations (and new indicators) of a complete plan, as the template's sheets would hold them."""
    table, recipe, dims = p.table, p.recipe, p.table.dimensions
    out = Mapped()
    source = ", ".join(x for x in (table.source, table.table_id) if x)
    # Per value, once: our area (or why not) and our period.
    area_of: dict[int, str | None] = {}
    if p.area_dim is not None:
        dim = dims[p.area_dim]
        for j, (code, label) in enumerate(dim.values):
            match = areas.resolve(label, code=code)
            for other in dim.labels_of(j)[2:]:  # the file's other languages ("Helsingfors" beside "Helsinki")
                if match.status in (MATCHED, OUTSIDE):
                    break
                match = areas.resolve(other) if areas.resolve(other).status == MATCHED else match
            area_of[j] = match.area
            if match.status == OUTSIDE:
                out.outside_areas.add(code)
            elif match.status != MATCHED:
                shown = label if label == code else f"{code} {label}"
                out.area_problems.append((dim.code, shown, match.status, match.suggestions))
    fixed_area = ""
    if recipe.area:  # the one area of the file, named by any of its codes or names
        match = areas.resolve(recipe.area)
        fixed_area = match.area or ""
        if match.status != MATCHED:
            out.area_problems.append(("--area", recipe.area, match.status, match.suggestions))
    period_dim = dims[p.period_dim] if p.period_dim is not None else None
    if period_dim is not None:
        out.period_problems = [(period_dim.code, code) for j, (code, _) in enumerate(period_dim.values)
                               if j >= len(period_dim.periods) or period_dim.periods[j] is None]
    varying = [d for d in (p.area_dim, p.period_dim, p.series_dim) if d is not None]
    # Only the cells holding every kept value are visited: one pass per kept dimension narrows them (a national
    # file by age groups keeps a fraction of its cells, and a test per cell and kept dimension cost more).
    cells: range | list[int] = range(len(table))
    for d, j in p.kept.items():
        if dims[d].size > 1:
            pos = table.positions[d]
            cells = [i for i in cells if pos[i] == j]
    for i in cells:
        if p.series_dim is not None:
            indicator = p.series_map.get(table.positions[p.series_dim][i])
            if indicator is None:
                out.unmapped_series += 1
                continue
        else:
            indicator = recipe.indicator
        if p.area_dim is not None:
            j = table.positions[p.area_dim][i]
            area = area_of[j]
            if area is None:
                if dims[p.area_dim].values[j][0] in out.outside_areas:
                    out.outside_rows += 1
                continue
        else:
            area = fixed_area
            if not area:
                continue
        period = None
        if period_dim is not None:
            j = table.positions[p.period_dim][i]
            period = period_dim.periods[j] if j < len(period_dim.periods) else None
        if period is None:
            continue
        value = table.values[i]
        if math.isnan(value):
            out.missing[table.status.get(i) or "(empty)"] += 1
            continue
        flag, noted = _our_flag(table.flags.get(i, ""))
        for word in noted:
            if word in NOTED_FLAGS.values():
                out.noted_flags[word] += 1
        note = f"Publisher's flag: {', '.join(noted)} (value kept)" if noted else None
        out.observations.append({"indicator": indicator, "area": area, "period": period, "value": value,
                                 "flag": flag, "note": note, "source": source or None})
        out.origins.append(" · ".join(f"{dims[d].code}={dims[d].values[table.positions[d][i]][0]}" for d in varying))
    used = {row["indicator"] for row in out.observations}
    frequency = frequency_of(period_dim.periods if period_dim is not None else [])
    for code, spec in recipe.indicators.items():
        if code in used or code == recipe.indicator or code in p.series_map.values():
            out.indicators.append({
                "code": code, "domain": spec.domain, "name_en": spec.name_en or table.title or code,
                "name_fi": spec.name_fi or None, "name_et": spec.name_et or None, "unit": spec.unit,
                "polarity": spec.polarity, "frequency": spec.frequency or frequency,
                "source": spec.source or source or table.title or "statistics file",
                "definition": spec.definition or table.title or None})
    return out


def known_indicators(store: Store) -> dict[str, str]:
    """Existing indicator codes and their English names, for choosing where a series goes."""
    return dict(store.query("SELECT code, name_en FROM indicators ORDER BY code"))


def default_series_dimension(p: Plan) -> int | None:
    """The dimension a mapping form offers for series: the plan's, else the one guessed series with several
    values that nothing else uses."""
    if p.series_dim is not None:
        return p.series_dim
    free = [d for d, dim in enumerate(p.table.dimensions) if dim.role_guess == "series" and dim.size > 1
            and d not in (p.area_dim, p.period_dim) and d not in p.kept]
    return free[0] if len(free) == 1 else None
