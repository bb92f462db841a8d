"""The API twin of a page's "Link to this view": the read API URL that gives the data the view shows.

Pure (no Starlette, no Streamlit): the page's link parameters in, the API's URL out. The view's filters are
checked as the page checks them (an invalid value is left out, as the page ignores it), so the twin asks for
exactly the view on screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from ..filters import parse_query, to_query, view_link
from ..queries.bottlenecks import is_code
from ..queries.services import valid_availability, valid_channel
from . import API_PREFIX


def _view(params: Mapping[str, list[str]], keep: tuple[str, ...]) -> dict[str, list[str]]:
    filters, _ignored = parse_query(params)
    return {name: values for name, values in to_query(filters).items() if name in keep}


def _first(params: Mapping[str, list[str]], name: str) -> str:
    values = params.get(name) or []
    return values[-1] if values else ""


def api_path(page_path: str, params: Mapping[str, list[str]]) -> tuple[str, dict[str, list[str]]] | None:
    """The API path (under /api/v1) and parameters of the page `page_path` ("" or "home": the overview) with its
    link parameters; None for a page without data of its own (Data, Sign in)."""
    page = page_path.strip("/") or "home"
    view = ("lang", "domain", "side", "from", "to")
    if page in ("home", "overview", "meeting"):  # the register the overview counts and the meeting reviews
        return "/bottlenecks", _view(params, view)
    if page == "bottlenecks":
        code = _first(params, "bn")
        if is_code(code):
            return f"/bottlenecks/{quote(code, safe='')}", _view(params, ("lang",))
        return "/bottlenecks", _view(params, view)
    if page == "indicators":
        code = _first(params, "ind")
        if code and len(code) <= 50:
            return f"/indicators/{quote(code, safe='')}/observations", _view(params, ("lang", "side", "from", "to"))
        return "/indicators", _view(params, view)
    if page == "mobility":
        return "/observations", _view(params, ("lang", "side", "from", "to")) | {"domain": ["mobility"]}
    if page == "services":
        query = _view(params, ("lang", "domain"))
        if availability := valid_availability(params.get("sv_avail") or []):
            query["availability"] = list(availability)
        if channel := valid_channel(_first(params, "sv_channel")):
            query["channel"] = [channel]
        if search := _first(params, "sv_q").strip()[:100]:
            query["q"] = [search]
        return "/services", query
    if page == "cooperation":
        return "/actions", _view(params, ("lang", "domain", "from", "to"))
    return None


def api_link(current_url: str | None, base_path: str, page_path: str, params: Mapping[str, list[str]]) -> str | None:
    """The full API URL twin of the view link (same server, same base path), or None for a page without one."""
    found = api_path(page_path, params)
    if found is None:
        return None
    path, query = found
    return view_link(current_url, base_path, API_PREFIX + path, query)
