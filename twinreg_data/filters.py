"""The global view controls (language, domains, side, period range) and their URL form.

A view is shared as a link: `?lang=fi&domain=taxation&domain=education&side=EE&from=2015&to=2024`.
Codes, never translated labels, go into the URL, so a link opens the same view in any language.
Invalid parameters are dropped with a notice; parsing never raises.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode, urlsplit, urlunsplit

from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .schema import DOMAINS

SIDES = ("both", "FI", "EE")
MIN_YEAR = 2000
PARAMS = ("lang", "domain", "side", "from", "to")


def max_year() -> int:
    return dt.date.today().year


@dataclass(frozen=True)
class Filters:
    lang: str = DEFAULT_LANGUAGE
    domains: tuple[str, ...] = ()  # empty: every domain
    side: str = "both"
    year_from: int = MIN_YEAR
    year_to: int = field(default_factory=max_year)

    # The wider filters a page asks a read model for, so that its cached result serves every narrower view (see
    # st_cache): the page then narrows the result with a plain function of twinreg_data.queries.
    def period_only(self) -> Filters:
        """The language and the period, for both sides and every domain."""
        return Filters(lang=self.lang, year_from=self.year_from, year_to=self.year_to)

    def domains_only(self) -> Filters:
        """The language and the domains (the service catalogue: every service is assessed as it stands today,
        across the border, so neither the side nor the period narrows it)."""
        return Filters(lang=self.lang, domains=self.domains)

    def language_only(self) -> Filters:
        """The language alone (an indicator's definition)."""
        return Filters(lang=self.lang)

    @property
    def domain_list(self) -> list[str]:
        """The selected domains, or all of them."""
        return list(self.domains) if self.domains else list(DOMAINS)

    @property
    def countries(self) -> list[str]:
        return ["FI", "EE"] if self.side == "both" else [self.side]

    @property
    def date_from(self) -> dt.date:
        return dt.date(self.year_from, 1, 1)

    @property
    def date_to(self) -> dt.date:
        return dt.date(self.year_to, 12, 31)


def _values(params: Mapping[str, object], key: str) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def parse_query(params: Mapping[str, object], default_lang: str = DEFAULT_LANGUAGE) -> tuple[Filters, list[str]]:
    """Filters from URL parameters, plus the names of the parameters that were ignored as invalid."""
    ignored: list[str] = []
    filters = Filters(lang=default_lang if default_lang in LANGUAGES else DEFAULT_LANGUAGE)
    langs = _values(params, "lang")
    if langs:
        if langs[-1] in LANGUAGES:
            filters = replace(filters, lang=langs[-1])
        else:
            ignored.append("lang")
    domains = []
    for value in _values(params, "domain"):
        for code in value.split(","):
            code = code.strip()
            if code in DOMAINS and code not in domains:
                domains.append(code)
            elif code and code not in DOMAINS and "domain" not in ignored:
                ignored.append("domain")
    filters = replace(filters, domains=tuple(d for d in DOMAINS if d in domains))
    sides = _values(params, "side")
    if sides:
        side = sides[-1]
        match = {s.lower(): s for s in SIDES}.get(side.lower())
        if match:
            filters = replace(filters, side=match)
        else:
            ignored.append("side")
    years = {}
    for key in ("from", "to"):
        values = _values(params, key)
        if not values:
            continue
        text = values[-1].strip()
        if text.isdigit() and len(text) == 4 and MIN_YEAR <= int(text) <= max_year():
            years[key] = int(text)
        else:
            ignored.append(key)
    year_from = years.get("from", filters.year_from)
    year_to = years.get("to", filters.year_to)
    if year_from > year_to:
        ignored.extend(k for k in ("from", "to") if k in years)
        year_from, year_to = filters.year_from, filters.year_to
    return replace(filters, year_from=year_from, year_to=year_to), ignored


def to_query(filters: Filters) -> dict[str, list[str]]:
    """URL parameters for a view (each a list, as repeated parameters); defaults are left out."""
    default = Filters()
    query: dict[str, list[str]] = {"lang": [filters.lang]}
    if filters.domains:
        query["domain"] = list(filters.domains)
    if filters.side != default.side:
        query["side"] = [filters.side]
    if filters.year_from != default.year_from:
        query["from"] = [str(filters.year_from)]
    if filters.year_to != default.year_to:
        query["to"] = [str(filters.year_to)]
    return query


def view_link(current_url: str | None, base_path: str, page_path: str, params: Mapping[str, list[str]]) -> str:
    """The link that opens the view on screen: the app's address, the page shown and the parameters.

    The page comes from what is shown, not from the address typed: an unknown or forbidden page path (a viewer
    opening /data) shows the main page, and the link must lead there. `base_path` is the server's
    `server.baseUrlPath`; `page_path` is "" for the main page.
    """
    parts = urlsplit(current_url or "")
    path = "/".join(part for part in (base_path.strip("/"), page_path.strip("/")) if part)
    return urlunsplit((parts.scheme, parts.netloc, "/" + path, urlencode(params, doseq=True), ""))
