"""What an API request asks for: the view filters of the pages' links plus an endpoint's own parameters.

Unlike a page, which drops an invalid link parameter with a notice, the API refuses it: a 400 problem that names
the parameter and says what was expected, so a script never silently gets other data than it asked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..filters import MIN_YEAR, SIDES, Filters, parse_query
from ..i18n import LANGUAGES
from ..queries.services import CHANNEL_CHOICES
from ..schema import AVAILABILITY, BOTTLENECK_STATUSES, DOMAINS

FORMATS = ("json", "csv", "jsonstat")
DEFAULT_LIMIT = 10_000
MAX_LIMIT = 100_000


class Problem(Exception):
    """An answer other than the data (RFC 9457 problem details): status, title, detail, and for a bad parameter
    its name and what it expects."""

    def __init__(self, status: int, title: str, detail: str, parameter: str | None = None,
                 expected: str | None = None, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.parameter, self.expected = parameter, expected
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"type": "about:blank", "title": self.title, "status": self.status,
                                "detail": self.detail}
        if self.parameter is not None:
            body["parameter"] = self.parameter
        if self.expected is not None:
            body["expected"] = self.expected
        return body


def bad_parameter(name: str, value: str, expected: str) -> Problem:
    return Problem(400, "Bad parameter", f"The parameter '{name}' has the value '{value[:100]}', which is not "
                                         f"allowed: expected {expected}.", name, expected)


def not_found(what: str, code: str) -> Problem:
    return Problem(404, "Not found", f"There is no {what} with the code '{code[:100]}'.")


@dataclass(frozen=True)
class Param:
    """A query parameter: its JSON schema (for OpenAPI), what it expects in words, and a description."""

    name: str
    schema: dict[str, Any]
    expected: str
    description: str
    many: bool = False  # repeated or comma-separated


def _one_of(values: Sequence[str]) -> str:
    return "one of " + ", ".join(values)


PARAMS: dict[str, Param] = {p.name: p for p in (
    Param("lang", {"type": "string", "enum": list(LANGUAGES), "default": "en"}, _one_of(LANGUAGES),
          "Language of names and titles (a missing translation falls back to English, marked)."),
    Param("domain", {"type": "array", "items": {"type": "string", "enum": list(DOMAINS)}},
          "domain codes (" + ", ".join(DOMAINS) + "), repeated or comma-separated",
          "Domains (none: every domain).", many=True),
    Param("side", {"type": "string", "enum": list(SIDES), "default": "both"}, _one_of(SIDES),
          "Side of the border: FI, EE or both. A bottleneck of both sides matches either."),
    Param("from", {"type": "integer", "minimum": MIN_YEAR}, f"a year from {MIN_YEAR} to the current year, "
                                                             "not after 'to'", "First year of the period."),
    Param("to", {"type": "integer", "minimum": MIN_YEAR}, f"a year from {MIN_YEAR} to the current year, "
                                                           "not before 'from'", "Last year of the period."),
    Param("indicator", {"type": "array", "items": {"type": "string"}},
          "indicator codes, repeated or comma-separated", "Only these indicators.", many=True),
    Param("status", {"type": "array", "items": {"type": "string", "enum": list(BOTTLENECK_STATUSES)}},
          "statuses (" + ", ".join(BOTTLENECK_STATUSES) + "), repeated or comma-separated",
          "Only bottlenecks whose current status is one of these.", many=True),
    Param("q", {"type": "string", "maxLength": 100}, "a text of at most 100 characters",
          "Text to look for (code, title, description or name, provider)."),
    Param("availability", {"type": "array", "items": {"type": "string", "enum": list(AVAILABILITY)}},
          "availability codes (" + ", ".join(AVAILABILITY) + "), repeated or comma-separated",
          "Only services with one of these availabilities across the border.", many=True),
    Param("channel", {"type": "string", "enum": list(CHANNEL_CHOICES)}, _one_of(CHANNEL_CHOICES),
          "Only services offered through this channel (a service offered both ways matches either)."),
    Param("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
          f"a whole number from 1 to {MAX_LIMIT}", "Rows per page."),
    Param("offset", {"type": "integer", "minimum": 0, "default": 0}, "a whole number from 0",
          "Rows to skip (the `next` link gives the following page)."),
    Param("format", {"type": "string", "enum": list(FORMATS)}, _one_of(FORMATS),
          "Answer format; without it the Accept header decides (text/csv: CSV), else JSON. jsonstat only for "
          "observations of one indicator."),
)}
FILTER_PARAMS = ("lang", "domain", "side", "from", "to")


@dataclass(frozen=True)
class Query:
    """A parsed request: the view filters, the endpoint's own values, the path's code and the format."""

    filters: Filters
    values: dict[str, Any] = field(default_factory=dict)
    code: str = ""
    format: str = "json"


def _listed(values: list[str]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def answer_format(params: Mapping[str, list[str]], accept: str, formats: Sequence[str]) -> str:
    """`?format=` if given, else CSV when the Accept header prefers text/csv, else JSON; one of `formats`."""
    given = params.get("format", [])
    if given:
        wanted = given[-1].strip().lower()
        if wanted not in formats:
            raise bad_parameter("format", given[-1], _one_of(formats))
        return wanted
    types = [part.split(";")[0].strip().lower() for part in accept.split(",")]
    return "csv" if "text/csv" in types and "csv" in formats and "application/json" not in types[:1] else "json"


def parse(params: Mapping[str, list[str]], allowed: Sequence[str], formats: Sequence[str], accept: str = "",
          code: str = "") -> Query:
    """The request's query parameters (each a list, in order) as a Query; Problem(400) for an unknown parameter
    or a value that is not allowed."""
    known = set(allowed) | {"format"}
    for name in params:
        if name not in known:
            raise Problem(400, "Unknown parameter", f"The parameter '{name[:50]}' is not known here; this endpoint "
                          f"takes: {', '.join(sorted(known))}.", name[:50], ", ".join(sorted(known)))
    fmt = answer_format(params, accept, formats)
    view_params = {name: params[name] for name in FILTER_PARAMS if name in params and name in allowed}
    filters, ignored = parse_query(view_params)
    for name in FILTER_PARAMS:  # in the order of the link, the first bad one named
        if name in ignored:
            raise bad_parameter(name, ",".join(view_params[name]), PARAMS[name].expected)
    values: dict[str, Any] = {}
    for name in allowed:
        if name in FILTER_PARAMS or name not in params:
            continue
        values[name] = _value(PARAMS[name], params[name])
    return Query(filters=filters, values=values, code=code, format=fmt)


def _value(param: Param, given: list[str]) -> Any:
    schema = param.schema
    if param.many:
        items = _listed(given)
        choices = schema["items"].get("enum")
        for item in items:
            if choices is not None and item not in choices:
                raise bad_parameter(param.name, item, param.expected)
            if len(item) > 50:
                raise bad_parameter(param.name, item, param.expected)
        return tuple(dict.fromkeys(items))
    text = given[-1].strip()
    if schema["type"] == "integer":
        if not text.isdigit() or not schema.get("minimum", 0) <= int(text) <= schema.get("maximum", 10**12):
            raise bad_parameter(param.name, text, param.expected)
        return int(text)
    if "enum" in schema and text not in schema["enum"]:
        raise bad_parameter(param.name, text, param.expected)
    if len(text) > schema.get("maxLength", 100):
        raise bad_parameter(param.name, text, param.expected)
    return text

