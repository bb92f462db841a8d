"""What every reader shares: the failure it raises and the compact form its rows travel in to the parent.

Runs in the sandboxed child, so it imports nothing heavy (no pandas).
"""

from __future__ import annotations

import array


class ParseFailure(Exception):
    """The file cannot be parsed: `reason` as in filecheck.RefusedFile, the text is the catalog entry
    `refusal.<text_key>` with `params` (this process stays free of the catalog; the importer words it)."""

    def __init__(self, reason: str, text_key: str, **params: object) -> None:
        super().__init__(f"{reason}: {text_key} {params}")
        self.reason = reason
        self.text_key = text_key
        self.params = params



def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def split_header(rows: list[list]) -> tuple[int, list, list[list]]:
    """(index of the header row, header cells, body rows): the header is the first row with content."""
    for i, row in enumerate(rows):
        if not all(blank(v) for v in row):
            return i, list(row), rows[i + 1:]
    return len(rows), [], []


def encode_columns(rows: list[list]) -> list[tuple]:
    """Rows → compact columns, so the pickle to the parent stays small and fast.

    A column of only floats travels as raw doubles; anything else as its distinct
    values plus one 32-bit index per row (codes, periods and units repeat a lot).
    """
    if not rows:
        return []
    width = max(len(r) for r in rows)
    if any(len(r) != width for r in rows):
        rows = [list(r) + [""] * (width - len(r)) for r in rows]
    columns = []
    for values in zip(*rows, strict=True):
        if set(map(type, values)) == {float}:
            columns.append(("f8", array.array("d", values).tobytes()))
            continue
        # Keyed by value: calamine yields floats, never ints, so 1 == 1.0 cannot merge distinct cells
        # (only a boolean TRUE next to 1.0 could, and it then reads as 1). map() keeps the loop in C.
        index = {v: i for i, v in enumerate(dict.fromkeys(values))}
        codes = array.array("i", map(index.__getitem__, values))
        columns.append(("dict", list(index), codes.tobytes()))
    return columns
