"""JSON-stat 2.0 datasets and collections (what the PxWeb APIs of Statistics Finland and Statistics Estonia
and Eurostat's API return), and JSON-stat 1.x bundles.

`id` / `size` give the dimensions in value order (row-major, the last varies fastest); `value` is a list or,
for a sparse cube, an object keyed by the flat index; `status` likewise (or one string for every value).
`role.time` / `role.geo` / `role.metric` say which dimension is which; a status code's meaning comes from
`extension.status.label` (Eurostat) or `extension.missingValueDescriptions` (PxWeb) when present.
"""

from __future__ import annotations

import array
import json
import math
from typing import Any

from .detect import decode_text
from .model import (
    StatFileError,
    StatTable,
    apply_period_flags,
    dense_positions,
    flags_for_status,
    make_dimension,
)

MAX_CELLS = 20_000_000
_ROLE_HINTS = {"time": "period", "geo": "area", "metric": "series"}


def read_jsonstat(data: bytes) -> list[StatTable]:
    """Every dataset of a JSON-stat document (one for a dataset, several for a collection or a 1.x bundle)."""
    try:
        doc = json.loads(decode_text(data))
    except json.JSONDecodeError as exc:
        raise StatFileError("The JSON-stat file is not valid JSON (line {line}, column {column}).",
                            line=exc.lineno, column=exc.colno) from exc
    except RecursionError as exc:
        raise StatFileError("The JSON-stat file is nested too deeply to be read.") from exc
    if not isinstance(doc, dict):
        raise StatFileError("The JSON-stat file does not hold a dataset.")
    kind = doc.get("class")
    if kind == "dataset":
        return [_dataset(doc)]
    if kind in ("collection", "bundle"):
        items = doc.get("link", {}).get("item", []) if kind == "collection" else list(doc.get("dataset", []))
        tables = [_dataset(item) for item in items if isinstance(item, dict) and item.get("class") == "dataset"
                  and "value" in item]
        if not tables:
            raise StatFileError("The JSON-stat collection holds no embedded datasets (only links to them).")
        return tables
    bundle = [v for v in doc.values() if isinstance(v, dict) and "dimension" in v and "value" in v]
    if bundle:  # JSON-stat 1.x: {"name": dataset, ...}, each dataset's id/size inside "dimension"
        return [_dataset({**v, "id": v["dimension"].get("id"), "size": v["dimension"].get("size"),
                          "role": v["dimension"].get("role", {})}) for v in bundle]
    raise StatFileError("The JSON-stat file does not hold a dataset.")


def _dataset(doc: dict[str, Any]) -> StatTable:
    ids, sizes, dims_doc = doc.get("id"), doc.get("size"), doc.get("dimension")
    if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dims_doc, dict):
        raise StatFileError("The JSON-stat dataset lacks its id, size or dimension part.")
    if len(ids) != len(sizes) or not all(isinstance(s, int) and s >= 0 for s in sizes):
        raise StatFileError("The JSON-stat dataset names {ids} dimensions but gives {sizes} sizes.",
                            ids=len(ids), sizes=len(sizes))
    total = math.prod(sizes)
    if total > MAX_CELLS:
        raise StatFileError("The JSON-stat dataset has {cells} cells; at most {limit} can be read.", cells=total,
                            limit=MAX_CELLS)
    hints = {dim_id: _ROLE_HINTS[role] for role, members in (doc.get("role") or {}).items()
             if role in _ROLE_HINTS for dim_id in members or []}
    dimensions = []
    for dim_id, size in zip(ids, sizes, strict=True):
        spec = dims_doc.get(dim_id)
        if not isinstance(spec, dict):
            raise StatFileError("The JSON-stat dimension {dimension} is not described.", dimension=dim_id)
        category = spec.get("category") or {}
        codes = _category_codes(category)
        if len(codes) != size:
            raise StatFileError("The JSON-stat dimension {dimension} has {found} categories but its size is "
                                "{size}.", dimension=dim_id, found=len(codes), size=size)
        labels = category.get("label") or {}
        dim = make_dimension(dim_id, spec.get("label") or dim_id, [(c, str(labels.get(c, c))) for c in codes],
                             hints.get(dim_id))
        dim.notes = _notes(spec.get("note"))
        for code, notes in (category.get("note") or {}).items():
            dim.notes += [f"{code}: {n}" for n in _notes(notes)]
        dimensions.append(dim)

    values = array.array("d", bytes(8 * total))
    raw = doc.get("value")
    if isinstance(raw, list):
        if len(raw) != total:
            raise StatFileError("The JSON-stat dataset has {found} values where its sizes need {expected}.",
                                found=len(raw), expected=total)
        for i, v in enumerate(raw):
            values[i] = _number(v)
        positions = dense_positions(sizes)
        index_of = None
    elif isinstance(raw, dict):
        # A sparse cube: a cell with a status but no value (Eurostat's ":") is still an observation, with no value.
        raw_status = doc.get("status")
        status_keys = raw_status.keys() if isinstance(raw_status, dict) else ()
        keys = sorted({int(k) for k in raw if str(k).isdigit()} | {int(k) for k in status_keys if str(k).isdigit()})
        if len(keys) < len(raw) or (keys and keys[-1] >= total):
            raise StatFileError("The JSON-stat dataset has a value outside its {expected} cells.", expected=total)
        raw = [raw.get(str(k)) for k in keys]  # in observation order from here on
        values = array.array("d", (_number(v) for v in raw))
        positions = _sparse_positions(keys, sizes)
        index_of = {k: i for i, k in enumerate(keys)}
    else:
        raise StatFileError("The JSON-stat dataset has no values.")

    descriptions = _status_descriptions(doc)
    status: dict[int, str] = {}
    raw_status = doc.get("status")
    if isinstance(raw_status, str):
        status = dict.fromkeys(range(len(values)), raw_status)
    elif isinstance(raw_status, list):
        status = {i: s for i, s in enumerate(raw_status) if s}
    elif isinstance(raw_status, dict):
        status = {int(k): s for k, s in raw_status.items() if str(k).isdigit() and s}
    if index_of is not None:
        status = {index_of[k]: s for k, s in status.items() if k in index_of}
    # Some publishers write a marker in place of the value ("..", ":"): it is the status of a missing value.
    for i, v in enumerate(raw):
        if isinstance(v, str) and math.isnan(values[i]) and v.strip():
            status.setdefault(i, v.strip())
    status = {i: str(s) for i, s in status.items() if i < len(values)}
    flags = {i: f for i, s in status.items() if (f := flags_for_status(s, descriptions.get(s)))}
    table = StatTable(
        format="jsonstat",
        title=str(doc.get("label") or ""),
        dimensions=dimensions,
        positions=positions,
        values=values,
        status=status,
        flags=flags,
        source=str(doc.get("source") or ""),
        notes=_notes(doc.get("note")),
    )
    label = table.title
    if " -- " in label:
        table.table_id = label.split(" -- ", 1)[0].strip()
    apply_period_flags(table)
    return table


def _category_codes(category: dict[str, Any]) -> list[str]:
    index = category.get("index")
    if isinstance(index, list):
        return [str(c) for c in index]
    if isinstance(index, dict):
        ordered = sorted(index.items(), key=lambda item: item[1])
        return [str(c) for c, _ in ordered]
    labels = category.get("label")
    if isinstance(labels, dict) and len(labels) == 1:  # a single category may omit its index
        return [str(next(iter(labels)))]
    return []


def _sparse_positions(keys: list[int], sizes: list[int]) -> list[array.array]:
    positions = [array.array("i") for _ in sizes]
    strides = [math.prod(sizes[d + 1:]) for d in range(len(sizes))]
    for k in keys:
        for d, stride in enumerate(strides):
            positions[d].append(k // stride % sizes[d])
    return positions


def _number(v: object) -> float:
    if isinstance(v, bool) or v is None:
        return math.nan
    if isinstance(v, int | float):
        return float(v)
    try:
        return float(str(v))
    except ValueError:
        return math.nan


def _notes(raw: object) -> list[str]:
    if isinstance(raw, list):
        return [str(n) for n in raw]
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, dict):
        return [f"{k}: {n}" for k, v in raw.items() for n in _notes(v)]
    return []


def _status_descriptions(doc: dict[str, Any]) -> dict[str, str]:
    """Status code → its description, from Eurostat's and PxWeb's JSON-stat extensions."""
    extension = doc.get("extension") or {}
    if not isinstance(extension, dict):
        return {}
    found: dict[str, str] = {}
    status = extension.get("status")
    if isinstance(status, dict) and isinstance(status.get("label"), dict):
        found.update({str(k): str(v) for k, v in status["label"].items()})
    missing = extension.get("missingValueDescriptions")
    if isinstance(missing, dict):
        found.update({str(k): str(v) for k, v in missing.items()})
    return found
