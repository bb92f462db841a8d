"""The spreadsheet contract and the database schema, declared once.

Every other part (DDL, validation, template, export, demo data) reads these
declarations, so a column is added in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import NP_, Message

DOMAINS: tuple[str, ...] = (
    "mobility",
    "taxation",
    "education",
    "digital",
    "employment",
    "social_security",
    "legal_admin",
    "integration",
    "information",
    # Background figures (population, GDP, unemployment) that pages use for scale and per-capita values; an
    # indicator may have it, a bottleneck may not (DESIGN §8).
    "context",
)
CONTEXT_DOMAIN = "context"
BOTTLENECK_DOMAINS: tuple[str, ...] = tuple(d for d in DOMAINS if d != CONTEXT_DOMAIN)

# Okabe–Ito (colour-blind safe) plus two of Paul Tol's muted tones for the ninth domain.
DOMAIN_COLOURS: dict[str, str] = {
    "mobility": "#0072B2",
    "taxation": "#E69F00",
    "education": "#009E73",
    "digital": "#56B4E9",
    "employment": "#D55E00",
    "social_security": "#CC79A7",
    "legal_admin": "#332288",
    "integration": "#999933",
    "information": "#777777",
    "context": "#BBBBBB",  # background figures: a light neutral grey that never competes with a domain colour
}

BOTTLENECK_STATUSES: tuple[str, ...] = (
    "identified",
    "analysed",
    "prioritised",
    "solution_proposed",
    "in_progress",
    "resolved",
    "partly_resolved",
    "written_off",
)
CLOSED_STATUSES: frozenset[str] = frozenset({"resolved", "partly_resolved", "written_off"})

SIDES = ("FI", "EE", "both")
COUNTRIES = ("FI", "EE")
AREA_LEVELS = ("municipality", "nuts3", "nuts2", "country")
BOTTLENECK_LEVELS = ("municipal", "regional", "national", "EU")
BOTTLENECK_SOURCES = ("interview", "roundtable", "survey", "statistics", "report", "enquiry")
SOLUTION_TYPES = ("law_change", "agreement", "procedure", "information", "digital_interoperability")
POLARITIES = ("higher_better", "higher_worse", "neutral")
FREQUENCIES = ("annual", "quarterly", "monthly", "event")
UNITS = (
    "persons",
    "passengers",
    "commuters",
    "vehicles",
    "students",
    "count",
    "percent",
    "EUR",
    "days",
    "index",
    "services",
    "prescriptions",
    "flights",
)
# Units that count people (or what people do or receive): a map compares municipalities of 680,000 and of 5,000
# inhabitants by these per 1,000 inhabitants, never as raw counts. Every other unit (days, %, EUR, an index, traffic
# through a port) is mapped as it is.
PER_1000_UNITS = ("persons", "commuters", "students", "count", "prescriptions")
# The indicator holding each area's population: the denominator of PER_1000_UNITS (never divided by itself).
POPULATION_INDICATOR = "INT_POPULATION"
OBSERVATION_FLAGS = ("provisional", "estimate", "break")
FLOW_MODES = ("ferry", "air", "bus", "rail", "tunnel")
FLOW_UNITS = ("passengers", "commuters", "vehicles")
AVAILABILITY = ("available", "partial", "unavailable", "planned")
CHANNELS = ("digital", "in_person", "both")
LANGUAGES = ("fi", "sv", "et", "en", "ru")
ACTION_LEVELS = ("administrative", "political")
ACTION_STATUSES = ("planned", "ongoing", "done", "delayed", "cancelled")
WORK_PACKAGES = ("WP1", "WP2", "WP3")
LEGAL_FORMS = ("EGTC", "association", "committee", "foundation", "twin_city_body", "agreement")
# The obstacle record of Regulation (EU) 2025/925 (BRIDGEforEU): how long the obstacle is expected to last, the
# route its solution takes, and how the assessment ended.
EXPECTED_DURATIONS = ("temporary", "long_term", "permanent")
RESOLUTION_ROUTES = ("administrative", "legislative")
OUTCOMES = ("resolved_administratively", "resolved_by_legislation", "not_resolved")
# Content languages of the bottleneck texts (a column per language; English is the fallback).
CONTENT_LANGUAGES = ("en", "fi", "et", "sv")


@dataclass(frozen=True)
class Column:
    """One column of a sheet and of its table.

    kind: text | int | float | date | period | enum | ref | refs (a ';'-separated list of refs)
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str = ""  # table whose `code` this column refers to
    min: float | None = None
    max: float | None = None
    max_length: int = 2000
    pattern: str = ""  # regular expression a text value must match fully
    help: Message | None = None  # the column's note in the template, translated when shown

    @property
    def sql_type(self) -> str:
        return {
            "int": "BIGINT",
            "float": "DOUBLE",
            "date": "DATE",
        }.get(self.kind, "VARCHAR")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    help: Message | None = None  # the sheet's note in the template, translated when shown
    # Derived columns stored in the database but never in a sheet (name, SQL type).
    derived: tuple[tuple[str, str], ...] = field(default=())

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def stored_columns(self) -> list[str]:
        """Columns in database order: sheet columns, derived columns, then provenance."""
        return self.column_names + [d[0] for d in self.derived] + ["import_id"]


CODE_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}"


def _col(name: str, kind: str = "text", **kw) -> Column:
    return Column(name=name, kind=kind, **kw)


# Content in every interface language (schema 7). The plain column (`note`, `owner_fi`) holds English, each
# `<column>_<lang>` its translation; these columns come last in their sheet, so filled templates keep their column
# letters and a workbook made before them still imports (an absent column keeps what the database holds).
TRANSLATION_LANGUAGES = ("fi", "et", "sv")


def language_column(english: str, lang: str) -> str:
    """The column holding `lang`'s text of the content whose English is in `english`: title_en → title_fi,
    note → note_fi, owner_fi → owner_fi_et. English is the column itself."""
    if lang == "en":
        return english
    return (english[:-3] if english.endswith("_en") else english) + "_" + lang


def _translations(english: str, max_length: int, helps: tuple[Message, Message, Message]) -> tuple[Column, ...]:
    """The Finnish, Estonian and Swedish columns of the English content column `english`."""
    return tuple(_col(language_column(english, lang), max_length=max_length, help=help_text)
                 for lang, help_text in zip(TRANSLATION_LANGUAGES, helps, strict=True))


AREAS = Table(
    "areas",
    (
        _col("code", required=True, pattern=CODE_PATTERN,
             help=NP_("template", "Area code: FI-091 (municipality), FI1B1 (NUTS3), FI (country)")),
        _col("country", "enum", required=True, choices=COUNTRIES,
             help=NP_("template", "Country: FI or EE")),
        _col("level", "enum", required=True, choices=AREA_LEVELS,
             help=NP_("template", "municipality, nuts3, nuts2 or country")),
        _col("parent", "ref", ref="areas", help=NP_("template", "Code of the enclosing area")),
        _col("name_en", required=True, max_length=200, help=NP_("template", "Name in English")),
        _col("name_fi", max_length=200, help=NP_("template", "Name in Finnish")),
        _col("name_sv", max_length=200, help=NP_("template", "Name in Swedish")),
        _col("name_et", max_length=200, help=NP_("template", "Name in Estonian")),
        _col("lat", "float", min=-90, max=90, help=NP_("template", "Latitude of the centre (WGS84)")),
        _col("lon", "float", min=-180, max=180, help=NP_("template", "Longitude of the centre (WGS84)")),
        _col("population", "int", min=0, help=NP_("template", "Population")),
        _col("population_year", "int", min=1900, max=2100, help=NP_("template", "Year of the population figure")),
        _col("source", max_length=500, help=NP_("template", "Source of the figures")),
        # Optional and last, so workbooks made before it still import (the importer fills area_aliases).
        _col("aliases", max_length=2000,
             help=NP_("template", "Other names and codes of the area, separated by ; (e.g. Helsingfors; KU091)")),
    ),
    key=("code",),
    help=NP_("template", "Municipalities, NUTS regions and countries."),
)

INDICATORS = Table(
    "indicators",
    (
        _col("code", required=True, pattern=r"[A-Z][A-Z0-9_]{1,39}",
             help=NP_("template", "Indicator code in capitals, e.g. MOB_FERRY_PAX")),
        _col("domain", "enum", required=True, choices=DOMAINS, help=NP_("template", "Domain")),
        _col("name_en", required=True, max_length=300, help=NP_("template", "Name in English")),
        _col("name_fi", max_length=300, help=NP_("template", "Name in Finnish")),
        _col("name_et", max_length=300, help=NP_("template", "Name in Estonian")),
        _col("unit", "enum", required=True, choices=UNITS, help=NP_("template", "Unit")),
        _col("polarity", "enum", required=True, choices=POLARITIES,
             help=NP_("template", "Is a higher value better, worse or neutral?")),
        _col("frequency", "enum", required=True, choices=FREQUENCIES, help=NP_("template", "How often it is measured")),
        _col("source", required=True, max_length=500, help=NP_("template", "Publisher and table of the data")),
        _col("definition", max_length=2000, help=NP_("template", "What exactly is counted")),
        _col("break_notes", max_length=2000, help=NP_("template", "Notes on breaks in the series")),
        # Added with Swedish (schema 4), last: filled templates keep their column letters.
        _col("name_sv", max_length=300, help=NP_("template", "Name in Swedish")),
        # Added with content in every language (schema 7), last for the same reason.
        *_translations("definition", 2000, (NP_("template", "Definition in Finnish"),
                                            NP_("template", "Definition in Estonian"),
                                            NP_("template", "Definition in Swedish"))),
        *_translations("break_notes", 2000, (NP_("template", "Notes on series breaks in Finnish"),
                                             NP_("template", "Notes on series breaks in Estonian"),
                                             NP_("template", "Notes on series breaks in Swedish"))),
    ),
    key=("code",),
    help=NP_("template", "What is measured: one row per indicator."),
)

OBSERVATIONS = Table(
    "observations",
    (
        _col("indicator", "ref", required=True, ref="indicators", help=NP_("template", "Indicator code")),
        _col("area", "ref", required=True, ref="areas", help=NP_("template", "Area code")),
        _col("period", "period", required=True, help=NP_("template", "Period: 2019, 2019-Q3 or 2019-07")),
        _col("value", "float", required=True, help=NP_("template", "Value (a number)")),
        _col("value_low", "float", help=NP_("template", "Lower bound of an estimate")),
        _col("value_high", "float", help=NP_("template", "Upper bound of an estimate")),
        _col("flag", "enum", choices=OBSERVATION_FLAGS, help=NP_("template", "provisional, estimate or break")),
        _col("note", max_length=1000, help=NP_("template", "Note")),
        _col("source", max_length=500, help=NP_("template", "Source when it differs from the indicator's")),
    ),
    key=("indicator", "area", "period"),
    derived=(("period_start", "DATE"),),
    help=NP_("template", "Values: one row per indicator, area and period (or one column per period)."),
)

def _per_language(prefix: str, max_length: int, helps: tuple) -> tuple[Column, ...]:
    """A free text shown to decision-makers: one column per content language, like title_en … title_sv."""
    return tuple(_col(f"{prefix}_{lang}", max_length=max_length, help=help_text)
                 for lang, help_text in zip(CONTENT_LANGUAGES, helps, strict=True))


# The texts of the obstacle record of Regulation (EU) 2025/925, per language (prefix → the template's notes).
BRIDGE_TEXTS: tuple[str, ...] = ("context", "problem", "rationale", "impact", "outcome_reasons", "next_step")
BRIDGE_COLUMNS: tuple[Column, ...] = (
    *_per_language("context", 4000, (
        NP_("template", "Context of the cross-border activity, in English"),
        NP_("template", "Context of the cross-border activity, in Finnish"),
        NP_("template", "Context of the cross-border activity, in Estonian"),
        NP_("template", "Context of the cross-border activity, in Swedish"))),
    *_per_language("problem", 4000, (
        NP_("template", "Problem the obstacle causes, in English"),
        NP_("template", "Problem the obstacle causes, in Finnish"),
        NP_("template", "Problem the obstacle causes, in Estonian"),
        NP_("template", "Problem the obstacle causes, in Swedish"))),
    *_per_language("rationale", 4000, (
        NP_("template", "Why it should be resolved, in English"),
        NP_("template", "Why it should be resolved, in Finnish"),
        NP_("template", "Why it should be resolved, in Estonian"),
        NP_("template", "Why it should be resolved, in Swedish"))),
    *_per_language("impact", 4000, (
        NP_("template", "Negative impact on the region, in English"),
        NP_("template", "Negative impact on the region, in Finnish"),
        NP_("template", "Negative impact on the region, in Estonian"),
        NP_("template", "Negative impact on the region, in Swedish"))),
    _col("areas", "refs", ref="areas", max_length=1000,
         help=NP_("template", "Geographic areas concerned: area codes, separated by ;")),
    _col("expected_duration", "enum", choices=EXPECTED_DURATIONS,
         help=NP_("template", "Expected duration: temporary, long_term or permanent")),
    _col("filed_with", max_length=300,
         help=NP_("template", "Also submitted to (coordination point or other body)")),
    _col("filed_reference", max_length=300, help=NP_("template", "Reference given by that body")),
    _col("route", "enum", choices=RESOLUTION_ROUTES, help=NP_("template", "Route: administrative or legislative")),
    _col("outcome", "enum", choices=OUTCOMES,
         help=NP_("template", "Outcome: resolved_administratively, resolved_by_legislation or not_resolved")),
    *_per_language("outcome_reasons", 4000, (
        NP_("template", "Reasons for the outcome, in English"),
        NP_("template", "Reasons for the outcome, in Finnish"),
        NP_("template", "Reasons for the outcome, in Estonian"),
        NP_("template", "Reasons for the outcome, in Swedish"))),
    _col("outcome_on", "date", help=NP_("template", "Date of the outcome (YYYY-MM-DD)")),
    *_per_language("next_step", 1000, (
        NP_("template", "Next step, in English"),
        NP_("template", "Next step, in Finnish"),
        NP_("template", "Next step, in Estonian"),
        NP_("template", "Next step, in Swedish"))),
    _col("next_step_on", "date", help=NP_("template", "Date of the next step (YYYY-MM-DD)")),
    _col("next_step_by", max_length=300, help=NP_("template", "Who takes the next step")),
)

BOTTLENECKS = Table(
    "bottlenecks",
    (
        _col("code", required=True, pattern=r"BN-[0-9]{3,5}", help=NP_("template", "Bottleneck code, e.g. BN-001")),
        _col("domain", "enum", required=True, choices=DOMAINS, help=NP_("template", "Domain")),
        _col("title_en", required=True, max_length=300, help=NP_("template", "Title in English")),
        _col("title_fi", max_length=300, help=NP_("template", "Title in Finnish")),
        _col("title_et", max_length=300, help=NP_("template", "Title in Estonian")),
        _col("description_en", max_length=4000, help=NP_("template", "Description in English")),
        _col("description_fi", max_length=4000, help=NP_("template", "Description in Finnish")),
        _col("description_et", max_length=4000, help=NP_("template", "Description in Estonian")),
        _col("affected_groups", max_length=500, help=NP_("template", "Who is affected, e.g. commuters; students")),
        _col("side", "enum", required=True, choices=SIDES, help=NP_("template", "Where it arises: FI, EE or both")),
        _col("level", "enum", required=True, choices=BOTTLENECK_LEVELS,
             help=NP_("template", "municipal, regional, national or EU")),
        _col("severity", "int", required=True, min=1, max=5,
             help=NP_("template", "Severity 1 (minor) to 5 (blocking)")),
        _col("people_low", "int", min=0, help=NP_("template", "People affected, low estimate")),
        _col("people_high", "int", min=0, help=NP_("template", "People affected, high estimate")),
        _col("people_source", max_length=500, help=NP_("template", "Source of the people estimate")),
        _col("owner_fi", max_length=300, help=NP_("template", "Responsible organisation in Finland")),
        _col("owner_ee", max_length=300, help=NP_("template", "Responsible organisation in Estonia")),
        _col("source", "enum", required=True, choices=BOTTLENECK_SOURCES, help=NP_("template", "How it was found")),
        _col("identified_on", "date", required=True, help=NP_("template", "Date identified (YYYY-MM-DD)")),
        _col("solution_type", "enum", choices=SOLUTION_TYPES, help=NP_("template", "Kind of solution needed")),
        _col("indicators", "refs", ref="indicators", max_length=1000,
             help=NP_("template", "Linked indicator codes, separated by ;")),
        _col("reference", max_length=1000, help=NP_("template", "Link or reference to the evidence")),
        # Added with Swedish (schema 4), last: filled templates keep their column letters.
        _col("title_sv", max_length=300, help=NP_("template", "Title in Swedish")),
        _col("description_sv", max_length=4000, help=NP_("template", "Description in Swedish")),
        # Added with content in every language (schema 7), last for the same reason.
        *_translations("affected_groups", 500, (NP_("template", "Who is affected, in Finnish"),
                                                NP_("template", "Who is affected, in Estonian"),
                                                NP_("template", "Who is affected, in Swedish"))),
        *_translations("owner_fi", 300, (NP_("template", "Responsible organisation in Finland, in Finnish"),
                                         NP_("template", "Responsible organisation in Finland, in Estonian"),
                                         NP_("template", "Responsible organisation in Finland, in Swedish"))),
        *_translations("owner_ee", 300, (NP_("template", "Responsible organisation in Estonia, in Finnish"),
                                         NP_("template", "Responsible organisation in Estonia, in Estonian"),
                                         NP_("template", "Responsible organisation in Estonia, in Swedish"))),
        # The BRIDGEforEU record (schema 9), last and optional: older workbooks and rows stay valid.
        *BRIDGE_COLUMNS,
    ),
    key=("code",),
    help=NP_("template", "Obstacles met by people who live, work, study or run a business across the border."),
)

BOTTLENECK_EVENTS = Table(
    "bottleneck_events",
    (
        _col("bottleneck", "ref", required=True, ref="bottlenecks", help=NP_("template", "Bottleneck code")),
        _col("date", "date", required=True, help=NP_("template", "Date of the event (YYYY-MM-DD)")),
        _col("seq", "int", required=True, min=1, max=999,
             help=NP_("template", "1 for the first event of the day, 2 for the next…")),
        _col("status", "enum", required=True, choices=BOTTLENECK_STATUSES,
             help=NP_("template", "Status after the event")),
        _col("note", max_length=2000, help=NP_("template", "What happened")),
        _col("who", max_length=300, help=NP_("template", "Who reported or decided")),
        # Added with content in every language (schema 7), last: filled templates keep their column letters.
        *_translations("note", 2000, (NP_("template", "What happened, in Finnish"),
                                      NP_("template", "What happened, in Estonian"),
                                      NP_("template", "What happened, in Swedish"))),
        *_translations("who", 300, (NP_("template", "Who reported or decided, in Finnish"),
                                    NP_("template", "Who reported or decided, in Estonian"),
                                    NP_("template", "Who reported or decided, in Swedish"))),
    ),
    key=("bottleneck", "date", "seq"),
    help=NP_("template", "Status history: the latest event gives the current status."),
)

FLOWS = Table(
    "flows",
    (
        _col("origin", "ref", required=True, ref="areas", help=NP_("template", "Origin area code")),
        _col("destination", "ref", required=True, ref="areas", help=NP_("template", "Destination area code")),
        _col("mode", "enum", required=True, choices=FLOW_MODES,
             help=NP_("template", "ferry, air, bus, rail or tunnel (planned)")),
        _col("period", "period", required=True, help=NP_("template", "Period: 2019, 2019-Q3 or 2019-07")),
        _col("volume", "float", required=True, min=0, help=NP_("template", "Volume (non-negative)")),
        _col("unit", "enum", required=True, choices=FLOW_UNITS,
             help=NP_("template", "passengers, commuters or vehicles")),
        _col("source", required=True, max_length=500, help=NP_("template", "Source")),
        _col("note", max_length=1000, help=NP_("template", "Note")),
    ),
    # Unit is part of the key: commuters and all passengers on the same route and period are two series.
    key=("origin", "destination", "mode", "period", "unit"),
    derived=(("period_start", "DATE"),),
    help=NP_("template", "Movements between areas by mode."),
)

SERVICES = Table(
    "services",
    (
        _col("code", required=True, pattern=r"SV-[0-9]{3,5}", help=NP_("template", "Service code, e.g. SV-001")),
        _col("domain", "enum", required=True, choices=DOMAINS, help=NP_("template", "Domain")),
        _col("name_en", required=True, max_length=300, help=NP_("template", "Name in English")),
        _col("name_fi", max_length=300, help=NP_("template", "Name in Finnish")),
        _col("name_et", max_length=300, help=NP_("template", "Name in Estonian")),
        _col("provider_fi", max_length=300, help=NP_("template", "Provider in Finland")),
        _col("provider_ee", max_length=300, help=NP_("template", "Provider in Estonia")),
        _col("availability", "enum", required=True, choices=AVAILABILITY,
             help=NP_("template", "Usable across the border: available, partial, unavailable or planned")),
        _col("channel", "enum", required=True, choices=CHANNELS, help=NP_("template", "digital, in_person or both")),
        _col("languages", "text", max_length=100, pattern=r"(fi|sv|et|en|ru)(\s*;\s*(fi|sv|et|en|ru))*",
             help=NP_("template", "Languages served, separated by ; (fi;sv;et;en;ru)")),
        _col("bottlenecks", "refs", ref="bottlenecks", max_length=500,
             help=NP_("template", "Linked bottleneck codes, separated by ;")),
        _col("url", max_length=500, pattern=r"https?://\S+", help=NP_("template", "Web address")),
        _col("note", max_length=2000, help=NP_("template", "Note")),
        # Added with Swedish (schema 4), last: filled templates keep their column letters.
        _col("name_sv", max_length=300, help=NP_("template", "Name in Swedish")),
        # Added with content in every language (schema 7), last for the same reason.
        *_translations("provider_fi", 300, (NP_("template", "Provider in Finland, in Finnish"),
                                            NP_("template", "Provider in Finland, in Estonian"),
                                            NP_("template", "Provider in Finland, in Swedish"))),
        *_translations("provider_ee", 300, (NP_("template", "Provider in Estonia, in Finnish"),
                                            NP_("template", "Provider in Estonia, in Estonian"),
                                            NP_("template", "Provider in Estonia, in Swedish"))),
        *_translations("note", 2000, (NP_("template", "Note in Finnish"), NP_("template", "Note in Estonian"),
                                      NP_("template", "Note in Swedish"))),
    ),
    key=("code",),
    help=NP_("template", "Public services and whether they work across the border."),
)

ACTIONS = Table(
    "actions",
    (
        _col("code", required=True, pattern=r"A-[0-9]{2,5}", help=NP_("template", "Action code, e.g. A-01")),
        _col("title_en", required=True, max_length=300, help=NP_("template", "Title in English")),
        _col("title_fi", max_length=300, help=NP_("template", "Title in Finnish")),
        _col("title_et", max_length=300, help=NP_("template", "Title in Estonian")),
        _col("work_package", "enum", required=True, choices=WORK_PACKAGES, help=NP_("template", "WP1, WP2 or WP3")),
        _col("bottlenecks", "refs", ref="bottlenecks", max_length=500,
             help=NP_("template", "Linked bottleneck codes, separated by ;")),
        _col("lead", required=True, max_length=300, help=NP_("template", "Lead organisation")),
        _col("partners", max_length=1000, help=NP_("template", "Partners, separated by ;")),
        _col("level", "enum", required=True, choices=ACTION_LEVELS,
             help=NP_("template", "administrative or political")),
        _col("start", "date", required=True, help=NP_("template", "Start date (YYYY-MM-DD)")),
        _col("due", "date", required=True, help=NP_("template", "Due date (YYYY-MM-DD)")),
        _col("status", "enum", required=True, choices=ACTION_STATUSES,
             help=NP_("template", "planned, ongoing, done, delayed or cancelled")),
        _col("completed_on", "date", help=NP_("template", "Date it was done (YYYY-MM-DD)")),
        _col("note", max_length=2000, help=NP_("template", "Note")),
        # Added with Swedish (schema 4), last: filled templates keep their column letters.
        _col("title_sv", max_length=300, help=NP_("template", "Title in Swedish")),
        # Added with content in every language (schema 7), last for the same reason.
        *_translations("lead", 300, (NP_("template", "Lead organisation in Finnish"),
                                     NP_("template", "Lead organisation in Estonian"),
                                     NP_("template", "Lead organisation in Swedish"))),
        *_translations("partners", 1000, (NP_("template", "Partners in Finnish"),
                                          NP_("template", "Partners in Estonian"),
                                          NP_("template", "Partners in Swedish"))),
        *_translations("note", 2000, (NP_("template", "Note in Finnish"), NP_("template", "Note in Estonian"),
                                      NP_("template", "Note in Swedish"))),
    ),
    key=("code",),
    help=NP_("template", "The WP3 action plan: who does what by when."),
)

REGIONS_BENCHMARK = Table(
    "regions_benchmark",
    (
        _col("code", required=True, pattern=CODE_PATTERN, help=NP_("template", "Short code, e.g. GREATER_CPH")),
        _col("name", required=True, max_length=300, help=NP_("template", "Name of the region or body")),
        _col("countries", required=True, max_length=100, help=NP_("template", "Countries, e.g. DK–SE")),
        _col("legal_form", "enum", required=True, choices=LEGAL_FORMS, help=NP_("template", "Legal form")),
        _col("founded", "int", min=1900, max=2100, help=NP_("template", "Year founded")),
        _col("population", "int", min=0, help=NP_("template", "Population covered")),
        _col("area_km2", "float", min=0, help=NP_("template", "Area in km²")),
        _col("funding_model", max_length=1000, help=NP_("template", "How it is funded")),
        _col("bodies", max_length=1000, help=NP_("template", "Governing bodies")),
        _col("lessons", max_length=2000, help=NP_("template", "Lessons for TwinReg")),
        _col("source", required=True, max_length=500, help=NP_("template", "Source")),
    ),
    key=("code",),
    help=NP_("template", "Other EU cross-border regions and their cooperation models."),
)

# Import order: a table may refer only to tables before it.
TABLES: tuple[Table, ...] = (
    AREAS,
    INDICATORS,
    OBSERVATIONS,
    BOTTLENECKS,
    BOTTLENECK_EVENTS,
    FLOWS,
    SERVICES,
    ACTIONS,
    REGIONS_BENCHMARK,
)
TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# Content shown to viewers and kept in every interface language: table → its English columns (each with a
# `language_column` per language). The read models pick the viewer's language with queries.common.localised; the
# Data page lists what is missing. Names of places are not here: Tallinn is Tallinn in Swedish too.
# Migration 7 added the translations of CONTENT_OF_SCHEMA_7; the obstacle record's texts came with their own
# columns in migration 9.
CONTENT_OF_SCHEMA_7: dict[str, tuple[str, ...]] = {
    "indicators": ("name_en", "definition", "break_notes"),
    "bottlenecks": ("title_en", "description_en", "affected_groups", "owner_fi", "owner_ee"),
    "bottleneck_events": ("note", "who"),
    "services": ("name_en", "provider_fi", "provider_ee", "note"),
    "actions": ("title_en", "lead", "partners", "note"),
}
TRANSLATED_CONTENT: dict[str, tuple[str, ...]] = {
    **CONTENT_OF_SCHEMA_7,
    "bottlenecks": (*CONTENT_OF_SCHEMA_7["bottlenecks"], *(f"{text}_en" for text in BRIDGE_TEXTS)),
}


@dataclass(frozen=True)
class LinkTable:
    """The links a `refs` column holds, one row per linked code: (owner code, linked code, position in the list).

    The spreadsheet keeps the `;`-separated text (it imports and exports unchanged); the import fills the link
    table from it in the same transaction, so read models join links instead of splitting text in SQL.
    """

    name: str
    table: str  # the table whose refs column this mirrors (keyed by `code`)
    column: str  # that refs column
    owner: str  # column holding the code of the row of `table`
    target: str  # column holding one linked code (a code of the column's `ref` table)

    @property
    def target_table(self) -> str:
        return TABLES_BY_NAME[self.table].column(self.column).ref


# One link table per refs column (tests check that none is missing).
LINK_TABLES: tuple[LinkTable, ...] = (
    LinkTable("bottleneck_indicators", "bottlenecks", "indicators", "bottleneck", "indicator"),
    LinkTable("service_bottlenecks", "services", "bottlenecks", "service", "bottleneck"),
    LinkTable("action_bottlenecks", "actions", "bottlenecks", "action", "bottleneck"),
    LinkTable("bottleneck_areas", "bottlenecks", "areas", "bottleneck", "area"),  # schema 9
)



@dataclass(frozen=True)
class IndexTable:
    """A table the application keeps beside the sheets' tables: no sheet, no import_id, no row images.

    `area_aliases` is derived from `areas` and rebuilt inside every import or rollback transaction that touches
    areas (like the link tables); `recipes` holds the saved mappings of statistics tables.
    """

    name: str
    columns: tuple[tuple[str, str], ...]  # (name, SQL type)
    key: tuple[str, ...]


# Every code and name an area goes by, normalised (`alias_key`: casefold, no diacritics, spaces and hyphens
# collapsed), so a statistics file's "KU091", "Helsingfors" or "HELSINKI" finds FI-091.
AREA_ALIASES = IndexTable(
    "area_aliases",
    (("alias_key", "VARCHAR"), ("area", "VARCHAR"), ("alias", "VARCHAR"), ("kind", "VARCHAR")),
    key=("alias_key", "area"),
)
# A statistics table's mapping, saved by name, so next quarter's file of the same table imports with one choice.
RECIPES = IndexTable(
    "recipes",
    (("name", "VARCHAR"), ("table_id", "VARCHAR"), ("title", "VARCHAR"), ("body", "VARCHAR"),
     ("saved_by", "VARCHAR"), ("saved_at", "TIMESTAMP")),
    key=("name",),
)
INDEX_TABLES: tuple[IndexTable, ...] = (AREA_ALIASES, RECIPES)
# A feed: a saved source (a PxWeb table with its query, a Eurostat dataset with its filters) and the saved recipe
# that maps it, with its last run. Made by migration 8 (not migration 4, which makes INDEX_TABLES).
FEEDS = IndexTable(
    "feeds",
    (("name", "VARCHAR"), ("publisher", "VARCHAR"), ("api", "VARCHAR"), ("table_ref", "VARCHAR"),
     ("query", "VARCHAR"), ("lang", "VARCHAR"), ("recipe", "VARCHAR"), ("dimensions", "VARCHAR"),
     ("created_by", "VARCHAR"), ("created_at", "TIMESTAMP"), ("last_run_at", "TIMESTAMP"),
     ("last_outcome", "VARCHAR"), ("last_message", "VARCHAR"), ("last_import_id", "BIGINT"),
     ("last_success_at", "TIMESTAMP")),
    key=("name",),
)

# Long lists for template dropdowns (written to the hidden `lists` sheet).
CHOICE_LISTS: dict[str, tuple[str, ...]] = {
    "domains": DOMAINS,
    "statuses": BOTTLENECK_STATUSES,
    "units": UNITS,
}

# Public reports of obstacles and their triage (schema 9; twinreg_data/reports/). Kept beside the sheets' tables:
# no sheet, no import. The contact, the client key and the report's own texts are personal data: `reports purge`
# erases them once the case is decided and its retention period has passed.
REPORTS = IndexTable(
    "reports",
    (("case_number", "VARCHAR"), ("token_hash", "VARCHAR"), ("submitted_at", "TIMESTAMP"), ("due_on", "DATE"),
     ("lang", "VARCHAR"), ("domain", "VARCHAR"), ("area", "VARCHAR"), ("what", "VARCHAR"), ("place", "VARCHAR"),
     ("affected", "VARCHAR"), ("contact_name", "VARCHAR"), ("contact_email", "VARCHAR"), ("client_key", "VARCHAR"),
     ("status", "VARCHAR"), ("bottleneck", "VARCHAR"), ("close_reason", "VARCHAR"), ("decided_at", "TIMESTAMP"),
     ("erased_at", "TIMESTAMP")),
    key=("case_number",),
)
# Every step of a case, as its reporter sees it on the follow page (no personal data: the editor's role, not name).
REPORT_STEPS = IndexTable(
    "report_steps",
    (("case_number", "VARCHAR"), ("seq", "INTEGER"), ("happened_at", "TIMESTAMP"), ("step", "VARCHAR"),
     ("message", "VARCHAR"), ("by_role", "VARCHAR")),
    key=("case_number", "seq"),
)
LIFECYCLE_TABLES: tuple[IndexTable, ...] = (REPORTS, REPORT_STEPS)
REPORT_STATUSES = ("new", "clarification", "accepted", "duplicate", "closed")
OPEN_REPORT_STATUSES = ("new", "clarification")
CLOSE_REASONS = ("not_cross_border", "incomplete", "out_of_scope")
