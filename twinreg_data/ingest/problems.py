"""Problems found in an upload: where (sheet, cell, column), the value found, what was expected (an English
message and its parameters, worded in the reader's language when shown), and their grouping for long lists.

Validation (`validation`), the statistics mapping and the marked-up workbook (`annotate`) report through these.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..i18n import Message, format_number, t
from ..labels import RULE_LABELS

MAX_PROBLEMS_LISTED = 5_000


def rule_name(rule: str, lang: str) -> str:
    """The name of a problem's rule in `lang`."""
    return t(RULE_LABELS[rule], lang)


@dataclass(frozen=True)
class Expected:
    """What a faulty cell should hold: a catalog key and its parameters.

    Parameter values (JSON-friendly, so the report's JSON output can carry them):
    str — shown as it is (codes, column names, cells, row numbers);
    int, float — a number in the reader's format (grouping, decimal comma);
    {"key": English message, "context": its context if any} — that message in the reader's language
    (`message_param`: labels of units, help texts of the schema).
    """

    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return expected_text(self.key, self.params, lang)


def _number_text(value: float, lang: str) -> str:
    """A number with up to 6 significant digits (never in exponent form), trailing zeros dropped."""
    if not math.isfinite(value):
        return str(value)
    if value == 0:
        return format_number(0, lang)
    digits = min(max(0, 5 - math.floor(math.log10(abs(value)))), 12)
    rounded = round(value, digits)
    while digits and round(rounded, digits - 1) == rounded:
        digits -= 1
    return format_number(rounded, lang, digits)


def _param_text(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_number(value, lang)
    if isinstance(value, float):
        return _number_text(value, lang)
    if isinstance(value, Mapping):
        context = value.get("context")
        return t(Message(str(context), str(value["key"])) if context else str(value["key"]), lang)
    return str(value)


def expected_text(key: str, params: Mapping[str, object], lang: str) -> str:
    """The expected-text of `key` in `lang`, its parameters formatted for that language."""
    template = t(key, lang)  # formatted here, so a parameter may be called "key" or "lang"
    return template.format(**{name: _param_text(v, lang) for name, v in params.items()}) if params else template


def message_param(message: str | Message) -> dict[str, str]:
    """A message as an Expected parameter (JSON-friendly), translated when the text is shown."""
    if isinstance(message, Message):
        return {"key": message.text, "context": message.context}
    return {"key": message}


@dataclass
class Problem:
    sheet: str
    cell: str
    column: str
    value: str
    expected: str  # in English (CLI, JSON); expected_key and expected_params give it in any language
    severity: str  # "error" blocks the import, "warning" does not
    rule: str  # stable key, e.g. "unknown_code"
    expected_key: str = ""  # the English message of what was expected, e.g. "a code that exists in {table}"
    expected_params: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, sheet: str, cell: str, column: str, value: str, expected: Expected, severity: str,
           rule: str) -> Problem:
        """A problem whose English `expected` comes from the same template as every other language."""
        return cls(sheet, cell, column, value, expected.text("en"), severity, rule, expected.key,
                   dict(expected.params))

    def expected_in(self, lang: str) -> str:
        """What was expected, in `lang` (the English text when the problem has no catalog key)."""
        if not self.expected_key:
            return self.expected
        return expected_text(self.expected_key, self.expected_params, lang)

    def as_dict(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "cell": self.cell,
            "column": self.column,
            "value": self.value,
            "expected": self.expected,
            "severity": self.severity,
            "rule": self.rule,
            "expected_key": self.expected_key,
            "expected_params": dict(self.expected_params),
        }


@dataclass
class ProblemList:
    """Problems in order found; listing is capped, counting is not. `hidden_rows_skipped` counts per table the
    rows hidden in Excel that were left out, so the report and the diff can say so."""

    items: list[Problem] = field(default_factory=list)
    errors: int = 0
    warnings: int = 0
    hidden_rows_skipped: dict[str, int] = field(default_factory=dict)
    _seen: set = field(default_factory=set, repr=False)

    def add(self, problem: Problem) -> None:
        # The wide layout repeats a row's code cells for every period: report each cell once. The column is
        # part of the key because one cell may stand for several columns (a missing column names the header row).
        key = (problem.cell, problem.rule, problem.column)
        if key in self._seen:
            return
        self._seen.add(key)
        if problem.severity == "error":
            self.errors += 1
        else:
            self.warnings += 1
        if len(self.items) < MAX_PROBLEMS_LISTED:
            self.items.append(problem)

    @property
    def total(self) -> int:
        return self.errors + self.warnings


GROUP_CELLS_SHOWN = 5


@dataclass
class ProblemGroup:
    """Problems of one rule, one value and one column (a code misspelt in 3,000 rows): one line, not 3,000.

    `first` stands for the group (severity, what was expected); `cells` are the first GROUP_CELLS_SHOWN cells."""

    first: Problem
    count: int = 0
    cells: list[str] = field(default_factory=list)

    def cells_text(self) -> str:
        """The first cells, and an ellipsis when there are more."""
        return ", ".join(self.cells) + (", …" if self.count > len(self.cells) else "")

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.first.rule, "severity": self.first.severity, "column": self.first.column,
                "value": self.first.value, "expected": self.first.expected, "count": self.count,
                "cells": list(self.cells)}


def group_problems(problems: Iterable[Problem]) -> list[ProblemGroup]:
    """One group per (rule, value, column): errors first, the largest groups (one mistake copied down a column)
    first among them, otherwise in the order found."""
    groups: dict[tuple[str, str, str], ProblemGroup] = {}
    for problem in problems:
        group = groups.setdefault((problem.rule, problem.value, problem.column), ProblemGroup(problem))
        group.count += 1
        if len(group.cells) < GROUP_CELLS_SHOWN:
            group.cells.append(problem.cell)
    return sorted(groups.values(), key=lambda g: (g.first.severity != "error", -g.count))
