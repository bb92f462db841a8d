"""The OpenAPI 3.1 description of the read API (served at /api/v1/openapi.json), built from the endpoints and
parameters declared in `resources` and `params`, so it cannot drift from what is served."""

from __future__ import annotations

from typing import Any

from . import API_PREFIX
from .params import PARAMS
from .resources import ENDPOINTS, Endpoint

VERSION = "1.0.0"
_PROBLEM = {"$ref": "#/components/schemas/Problem"}
_VALIDATORS = {
    "ETag": {"description": "Changes whenever the data (or, for ages and overdue actions, the day) changes.",
             "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the data last changed (the latest import or rollback).",
                      "schema": {"type": "string"}},
}


def _row_schema(endpoint: Endpoint) -> dict[str, Any]:
    return {"type": "object", "properties": {column: {} for column in endpoint.columns}}


def _json_schema(endpoint: Endpoint) -> dict[str, Any]:
    one = "{code}" in endpoint.path and not endpoint.paged
    data = _row_schema(endpoint) if one else {"type": "array", "items": _row_schema(endpoint)}
    return {"type": "object", "required": ["data", "meta"],
            "properties": {"data": data, "meta": {"$ref": "#/components/schemas/Meta"}}}


def _parameters(endpoint: Endpoint) -> list[dict[str, Any]]:
    listed = []
    if "{code}" in endpoint.path:
        listed.append({"name": "code", "in": "path", "required": True, "schema": {"type": "string"},
                       "description": "The code (as in the data, e.g. BN-003)."})
    for name in (*endpoint.params, "format"):
        param = PARAMS[name]
        schema = dict(param.schema)
        if name == "format":
            schema["enum"] = list(endpoint.formats)
        entry: dict[str, Any] = {"name": name, "in": "query", "required": False, "schema": schema,
                                 "description": f"{param.description} Expected: {param.expected}."}
        if param.many:
            entry |= {"style": "form", "explode": True}
        listed.append(entry)
    return listed


def _operation(endpoint: Endpoint) -> dict[str, Any]:
    content: dict[str, Any] = {"application/json": {"schema": _json_schema(endpoint)},
                               "text/csv": {"schema": {"type": "string"}}}
    if "jsonstat" in endpoint.formats:
        content["application/json"]["schema"] = {"oneOf": [
            _json_schema(endpoint), {"$ref": "#/components/schemas/JsonStatDataset"}]}
    problems = {"400": "A parameter that is not known here or has a value that is not allowed.",
                "429": "Too many requests from this client; Retry-After says when to try again.",
                "503": "The database is busy (an import) or cannot be read; Retry-After when busy."}
    if "{code}" in endpoint.path:
        problems["404"] = "No such code."
    responses: dict[str, Any] = {
        "200": {"description": "The data.", "headers": _VALIDATORS, "content": content},
        "304": {"description": "Not modified since the copy named by If-None-Match or If-Modified-Since.",
                "headers": _VALIDATORS},
    }
    responses |= {status: {"description": text, "content": {"application/problem+json": {"schema": _PROBLEM}}}
                  for status, text in sorted(problems.items())}
    return {"operationId": endpoint.name, "summary": endpoint.summary, "description": endpoint.description,
            "parameters": _parameters(endpoint), "responses": responses}


def description(server_url: str = "") -> dict[str, Any]:
    """The OpenAPI document; `server_url` is where the API is (its prefix included) as the client reached it."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "TwinReg Monitor read API", "version": VERSION,
            "description": "The public data of TwinReg Monitor (cross-border bottlenecks between Helsinki-Uusimaa "
                           "and Harju County): indicators and observations, bottlenecks with their status history, "
                           "services, actions and the benchmark. Anonymous and read-only; the same filters as the "
                           "pages' links; JSON or CSV (`format=csv` or `Accept: text/csv`). Every answer has an ETag "
                           "and Last-Modified: send If-None-Match or If-Modified-Since to get 304 when nothing "
                           "changed. Requests are limited per client (429 with Retry-After).",
            "license": {"name": "CC-BY-4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server_url or API_PREFIX}],
        "paths": {endpoint.path: {"get": _operation(endpoint)} for endpoint in ENDPOINTS},
        "components": {"schemas": {
            "Problem": {"type": "object", "required": ["title", "status", "detail"], "properties": {
                "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                "detail": {"type": "string"},
                "parameter": {"type": "string", "description": "The parameter that was refused."},
                "expected": {"type": "string", "description": "What the parameter takes."}}},
            "Meta": {"type": "object", "properties": {
                "filters": {"type": "object"}, "data_as_of": {"type": ["string", "null"]},
                "licence": {"type": "string"}, "count": {"type": "integer"}, "total": {"type": "integer"},
                "limit": {"type": "integer"}, "offset": {"type": "integer"}, "next": {"type": ["string", "null"]}}},
            "JsonStatDataset": {"type": "object", "description": "A JSON-stat 2.0 dataset (https://json-stat.org).",
                                "required": ["version", "class", "id", "size", "dimension", "value"]},
        }},
    }
