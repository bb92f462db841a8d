"""The spreadsheet contract and the database schema, declared once.

Every other part (DDL, validation, template, export, demo data) reads these
declarations, so a column is added in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    help_en: str = ""
    help_fi: str = ""
    help_et: str = ""

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
    help_en: str = ""
    help_fi: str = ""
    help_et: str = ""
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


def _col(name: str, kind: str = "text", en: str = "", fi: str = "", et: str = "", **kw) -> Column:
    return Column(name=name, kind=kind, help_en=en, help_fi=fi, help_et=et, **kw)


AREAS = Table(
    "areas",
    (
        _col("code", required=True, pattern=CODE_PATTERN,
             en="Area code: FI-091 (municipality), FI1B1 (NUTS3), FI (country)",
             fi="Aluekoodi: FI-091 (kunta), FI1B1 (NUTS3), FI (maa)",
             et="Piirkonna kood: EE-0784 (omavalitsus), EE001 (NUTS3), EE (riik)"),
        _col("country", "enum", required=True, choices=COUNTRIES,
             en="Country: FI or EE", fi="Maa: FI tai EE", et="Riik: FI või EE"),
        _col("level", "enum", required=True, choices=AREA_LEVELS,
             en="municipality, nuts3, nuts2 or country", fi="municipality, nuts3, nuts2 tai country",
             et="municipality, nuts3, nuts2 või country"),
        _col("parent", "ref", ref="areas", en="Code of the enclosing area", fi="Ylemmän alueen koodi",
             et="Ülemise piirkonna kood"),
        _col("name_en", required=True, max_length=200, en="Name in English", fi="Nimi englanniksi",
             et="Nimi inglise keeles"),
        _col("name_fi", max_length=200, en="Name in Finnish", fi="Nimi suomeksi", et="Nimi soome keeles"),
        _col("name_sv", max_length=200, en="Name in Swedish", fi="Nimi ruotsiksi", et="Nimi rootsi keeles"),
        _col("name_et", max_length=200, en="Name in Estonian", fi="Nimi viroksi", et="Nimi eesti keeles"),
        _col("lat", "float", min=-90, max=90, en="Latitude of the centre (WGS84)",
             fi="Keskuksen leveysaste (WGS84)", et="Keskuse laiuskraad (WGS84)"),
        _col("lon", "float", min=-180, max=180, en="Longitude of the centre (WGS84)",
             fi="Keskuksen pituusaste (WGS84)", et="Keskuse pikkuskraad (WGS84)"),
        _col("population", "int", min=0, en="Population", fi="Väkiluku", et="Rahvaarv"),
        _col("population_year", "int", min=1900, max=2100, en="Year of the population figure",
             fi="Väkiluvun vuosi", et="Rahvaarvu aasta"),
        _col("source", max_length=500, en="Source of the figures", fi="Lukujen lähde", et="Andmete allikas"),
        # Optional and last, so workbooks made before it still import (the importer fills area_aliases).
        _col("aliases", max_length=2000,
             en="Other names and codes of the area, separated by ; (e.g. Helsingfors; KU091)",
             fi="Alueen muut nimet ja koodit ;-merkillä eroteltuina (esim. Helsingfors; KU091)",
             et="Piirkonna muud nimed ja koodid, eraldatud ;-ga (nt Helsingfors; KU091)"),
    ),
    key=("code",),
    help_en="Municipalities, NUTS regions and countries.",
    help_fi="Kunnat, NUTS-alueet ja maat.",
    help_et="Omavalitsused, NUTS-piirkonnad ja riigid.",
)

INDICATORS = Table(
    "indicators",
    (
        _col("code", required=True, pattern=r"[A-Z][A-Z0-9_]{1,39}",
             en="Indicator code in capitals, e.g. MOB_FERRY_PAX", fi="Indikaattorin koodi isoin kirjaimin",
             et="Näitaja kood suurtähtedega"),
        _col("domain", "enum", required=True, choices=DOMAINS, en="Domain", fi="Teema-alue", et="Valdkond"),
        _col("name_en", required=True, max_length=300, en="Name in English", fi="Nimi englanniksi",
             et="Nimi inglise keeles"),
        _col("name_fi", max_length=300, en="Name in Finnish", fi="Nimi suomeksi", et="Nimi soome keeles"),
        _col("name_et", max_length=300, en="Name in Estonian", fi="Nimi viroksi", et="Nimi eesti keeles"),
        _col("unit", "enum", required=True, choices=UNITS, en="Unit", fi="Yksikkö", et="Ühik"),
        _col("polarity", "enum", required=True, choices=POLARITIES,
             en="Is a higher value better, worse or neutral?", fi="Onko suurempi arvo parempi, huonompi vai neutraali?",
             et="Kas suurem väärtus on parem, halvem või neutraalne?"),
        _col("frequency", "enum", required=True, choices=FREQUENCIES, en="How often it is measured",
             fi="Kuinka usein mitataan", et="Kui tihti mõõdetakse"),
        _col("source", required=True, max_length=500, en="Publisher and table of the data",
             fi="Tietojen julkaisija ja taulukko", et="Andmete avaldaja ja tabel"),
        _col("definition", max_length=2000, en="What exactly is counted", fi="Mitä tarkalleen lasketaan",
             et="Mida täpselt loendatakse"),
        _col("break_notes", max_length=2000, en="Notes on breaks in the series", fi="Huomiot aikasarjan katkoista",
             et="Märkused aegrea katkestuste kohta"),
    ),
    key=("code",),
    help_en="What is measured: one row per indicator.",
    help_fi="Mitä mitataan: yksi rivi indikaattoria kohden.",
    help_et="Mida mõõdetakse: üks rida näitaja kohta.",
)

OBSERVATIONS = Table(
    "observations",
    (
        _col("indicator", "ref", required=True, ref="indicators", en="Indicator code", fi="Indikaattorin koodi",
             et="Näitaja kood"),
        _col("area", "ref", required=True, ref="areas", en="Area code", fi="Aluekoodi", et="Piirkonna kood"),
        _col("period", "period", required=True, en="Period: 2019, 2019-Q3 or 2019-07",
             fi="Ajanjakso: 2019, 2019-Q3 tai 2019-07", et="Periood: 2019, 2019-Q3 või 2019-07"),
        _col("value", "float", required=True, en="Value (a number)", fi="Arvo (luku)", et="Väärtus (arv)"),
        _col("value_low", "float", en="Lower bound of an estimate", fi="Arvion alaraja", et="Hinnangu alampiir"),
        _col("value_high", "float", en="Upper bound of an estimate", fi="Arvion yläraja", et="Hinnangu ülempiir"),
        _col("flag", "enum", choices=OBSERVATION_FLAGS, en="provisional, estimate or break",
             fi="provisional (ennakko), estimate (arvio) tai break (katko)",
             et="provisional (esialgne), estimate (hinnang) või break (katkestus)"),
        _col("note", max_length=1000, en="Note", fi="Huomautus", et="Märkus"),
        _col("source", max_length=500, en="Source when it differs from the indicator's",
             fi="Lähde, jos eri kuin indikaattorilla", et="Allikas, kui see erineb näitaja omast"),
    ),
    key=("indicator", "area", "period"),
    derived=(("period_start", "DATE"),),
    help_en="Values: one row per indicator, area and period (or one column per period).",
    help_fi="Arvot: rivi per indikaattori, alue ja ajanjakso (tai sarake per ajanjakso).",
    help_et="Väärtused: rida näitaja, piirkonna ja perioodi kohta (või veerg perioodi kohta).",
)

BOTTLENECKS = Table(
    "bottlenecks",
    (
        _col("code", required=True, pattern=r"BN-[0-9]{3,5}", en="Bottleneck code, e.g. BN-001",
             fi="Pullonkaulan koodi, esim. BN-001", et="Kitsaskoha kood, nt BN-001"),
        _col("domain", "enum", required=True, choices=DOMAINS, en="Domain", fi="Teema-alue", et="Valdkond"),
        _col("title_en", required=True, max_length=300, en="Title in English", fi="Otsikko englanniksi",
             et="Pealkiri inglise keeles"),
        _col("title_fi", max_length=300, en="Title in Finnish", fi="Otsikko suomeksi", et="Pealkiri soome keeles"),
        _col("title_et", max_length=300, en="Title in Estonian", fi="Otsikko viroksi", et="Pealkiri eesti keeles"),
        _col("description_en", max_length=4000, en="Description in English", fi="Kuvaus englanniksi",
             et="Kirjeldus inglise keeles"),
        _col("description_fi", max_length=4000, en="Description in Finnish", fi="Kuvaus suomeksi",
             et="Kirjeldus soome keeles"),
        _col("description_et", max_length=4000, en="Description in Estonian", fi="Kuvaus viroksi",
             et="Kirjeldus eesti keeles"),
        _col("affected_groups", max_length=500, en="Who is affected, e.g. commuters; students",
             fi="Keihin vaikuttaa, esim. pendelöijät; opiskelijat", et="Keda mõjutab, nt pendeldajad; õpilased"),
        _col("side", "enum", required=True, choices=SIDES, en="Where it arises: FI, EE or both",
             fi="Missä syntyy: FI, EE tai both", et="Kus tekib: FI, EE või both"),
        _col("level", "enum", required=True, choices=BOTTLENECK_LEVELS,
             en="municipal, regional, national or EU", fi="municipal, regional, national tai EU",
             et="municipal, regional, national või EU"),
        _col("severity", "int", required=True, min=1, max=5, en="Severity 1 (minor) to 5 (blocking)",
             fi="Vakavuus 1 (vähäinen) – 5 (estävä)", et="Raskusaste 1 (väike) kuni 5 (takistav)"),
        _col("people_low", "int", min=0, en="People affected, low estimate", fi="Vaikutuksen kohteena, alaraja",
             et="Mõjutatud inimesi, alampiir"),
        _col("people_high", "int", min=0, en="People affected, high estimate", fi="Vaikutuksen kohteena, yläraja",
             et="Mõjutatud inimesi, ülempiir"),
        _col("people_source", max_length=500, en="Source of the people estimate", fi="Henkilöarvion lähde",
             et="Inimeste hinnangu allikas"),
        _col("owner_fi", max_length=300, en="Responsible organisation in Finland", fi="Vastuutaho Suomessa",
             et="Vastutav asutus Soomes"),
        _col("owner_ee", max_length=300, en="Responsible organisation in Estonia", fi="Vastuutaho Virossa",
             et="Vastutav asutus Eestis"),
        _col("source", "enum", required=True, choices=BOTTLENECK_SOURCES, en="How it was found",
             fi="Miten tunnistettiin", et="Kuidas tuvastati"),
        _col("identified_on", "date", required=True, en="Date identified (YYYY-MM-DD)",
             fi="Tunnistamispäivä (VVVV-KK-PP)", et="Tuvastamise kuupäev (AAAA-KK-PP)"),
        _col("solution_type", "enum", choices=SOLUTION_TYPES, en="Kind of solution needed",
             fi="Tarvittavan ratkaisun tyyppi", et="Vajaliku lahenduse liik"),
        _col("indicators", "refs", ref="indicators", max_length=1000, en="Linked indicator codes, separated by ;",
             fi="Liittyvät indikaattorit ;-merkillä eroteltuina", et="Seotud näitajad, eraldatud ;-ga"),
        _col("reference", max_length=1000, en="Link or reference to the evidence", fi="Linkki tai viite näyttöön",
             et="Link või viide tõendile"),
    ),
    key=("code",),
    help_en="Obstacles met by people who live, work, study or run a business across the border.",
    help_fi="Esteet, joita rajan yli asuvat, työskentelevät, opiskelevat tai yrittävät kohtaavat.",
    help_et="Takistused, mida kohtavad üle piiri elavad, töötavad, õpivad või ettevõtlusega tegelevad inimesed.",
)

BOTTLENECK_EVENTS = Table(
    "bottleneck_events",
    (
        _col("bottleneck", "ref", required=True, ref="bottlenecks", en="Bottleneck code",
             fi="Pullonkaulan koodi", et="Kitsaskoha kood"),
        _col("date", "date", required=True, en="Date of the event (YYYY-MM-DD)", fi="Tapahtuman päivä (VVVV-KK-PP)",
             et="Sündmuse kuupäev (AAAA-KK-PP)"),
        _col("seq", "int", required=True, min=1, max=999, en="1 for the first event of the day, 2 for the next…",
             fi="1 päivän ensimmäiselle tapahtumalle, 2 seuraavalle…",
             et="1 päeva esimesele sündmusele, 2 järgmisele…"),
        _col("status", "enum", required=True, choices=BOTTLENECK_STATUSES, en="Status after the event",
             fi="Tila tapahtuman jälkeen", et="Olek pärast sündmust"),
        _col("note", max_length=2000, en="What happened", fi="Mitä tapahtui", et="Mis juhtus"),
        _col("who", max_length=300, en="Who reported or decided", fi="Kuka raportoi tai päätti",
             et="Kes teatas või otsustas"),
    ),
    key=("bottleneck", "date", "seq"),
    help_en="Status history: the latest event gives the current status.",
    help_fi="Tilahistoria: viimeisin tapahtuma kertoo nykyisen tilan.",
    help_et="Oleku ajalugu: viimane sündmus annab praeguse oleku.",
)

FLOWS = Table(
    "flows",
    (
        _col("origin", "ref", required=True, ref="areas", en="Origin area code", fi="Lähtöalueen koodi",
             et="Lähtepiirkonna kood"),
        _col("destination", "ref", required=True, ref="areas", en="Destination area code",
             fi="Kohdealueen koodi", et="Sihtpiirkonna kood"),
        _col("mode", "enum", required=True, choices=FLOW_MODES, en="ferry, air, bus, rail or tunnel (planned)",
             fi="ferry, air, bus, rail tai tunnel (suunniteltu)", et="ferry, air, bus, rail või tunnel (kavandatud)"),
        _col("period", "period", required=True, en="Period: 2019, 2019-Q3 or 2019-07",
             fi="Ajanjakso: 2019, 2019-Q3 tai 2019-07", et="Periood: 2019, 2019-Q3 või 2019-07"),
        _col("volume", "float", required=True, min=0, en="Volume (non-negative)", fi="Määrä (ei negatiivinen)",
             et="Maht (mittenegatiivne)"),
        _col("unit", "enum", required=True, choices=FLOW_UNITS, en="passengers, commuters or vehicles",
             fi="passengers, commuters tai vehicles", et="passengers, commuters või vehicles"),
        _col("source", required=True, max_length=500, en="Source", fi="Lähde", et="Allikas"),
        _col("note", max_length=1000, en="Note", fi="Huomautus", et="Märkus"),
    ),
    # Unit is part of the key: commuters and all passengers on the same route and period are two series.
    key=("origin", "destination", "mode", "period", "unit"),
    derived=(("period_start", "DATE"),),
    help_en="Movements between areas by mode.",
    help_fi="Liikkuminen alueiden välillä kulkumuodoittain.",
    help_et="Liikumine piirkondade vahel liikide kaupa.",
)

SERVICES = Table(
    "services",
    (
        _col("code", required=True, pattern=r"SV-[0-9]{3,5}", en="Service code, e.g. SV-001",
             fi="Palvelun koodi, esim. SV-001", et="Teenuse kood, nt SV-001"),
        _col("domain", "enum", required=True, choices=DOMAINS, en="Domain", fi="Teema-alue", et="Valdkond"),
        _col("name_en", required=True, max_length=300, en="Name in English", fi="Nimi englanniksi",
             et="Nimi inglise keeles"),
        _col("name_fi", max_length=300, en="Name in Finnish", fi="Nimi suomeksi", et="Nimi soome keeles"),
        _col("name_et", max_length=300, en="Name in Estonian", fi="Nimi viroksi", et="Nimi eesti keeles"),
        _col("provider_fi", max_length=300, en="Provider in Finland", fi="Palveluntarjoaja Suomessa",
             et="Teenusepakkuja Soomes"),
        _col("provider_ee", max_length=300, en="Provider in Estonia", fi="Palveluntarjoaja Virossa",
             et="Teenusepakkuja Eestis"),
        _col("availability", "enum", required=True, choices=AVAILABILITY,
             en="Usable across the border: available, partial, unavailable or planned",
             fi="Käytettävissä rajan yli: available, partial, unavailable tai planned",
             et="Kasutatav üle piiri: available, partial, unavailable või planned"),
        _col("channel", "enum", required=True, choices=CHANNELS, en="digital, in_person or both",
             fi="digital, in_person tai both", et="digital, in_person või both"),
        _col("languages", "text", max_length=100, pattern=r"(fi|sv|et|en|ru)(\s*;\s*(fi|sv|et|en|ru))*",
             en="Languages served, separated by ; (fi;sv;et;en;ru)", fi="Palvelukielet ;-merkillä (fi;sv;et;en;ru)",
             et="Teeninduskeeled ;-ga eraldatult (fi;sv;et;en;ru)"),
        _col("bottlenecks", "refs", ref="bottlenecks", max_length=500, en="Linked bottleneck codes, separated by ;",
             fi="Liittyvät pullonkaulat ;-merkillä", et="Seotud kitsaskohad ;-ga eraldatult"),
        _col("url", max_length=500, pattern=r"https?://\S+", en="Web address", fi="Verkko-osoite", et="Veebiaadress"),
        _col("note", max_length=2000, en="Note", fi="Huomautus", et="Märkus"),
    ),
    key=("code",),
    help_en="Public services and whether they work across the border.",
    help_fi="Julkiset palvelut ja niiden toimivuus rajan yli.",
    help_et="Avalikud teenused ja nende toimimine üle piiri.",
)

ACTIONS = Table(
    "actions",
    (
        _col("code", required=True, pattern=r"A-[0-9]{2,5}", en="Action code, e.g. A-01", fi="Toimenpiteen koodi",
             et="Tegevuse kood"),
        _col("title_en", required=True, max_length=300, en="Title in English", fi="Otsikko englanniksi",
             et="Pealkiri inglise keeles"),
        _col("title_fi", max_length=300, en="Title in Finnish", fi="Otsikko suomeksi", et="Pealkiri soome keeles"),
        _col("title_et", max_length=300, en="Title in Estonian", fi="Otsikko viroksi", et="Pealkiri eesti keeles"),
        _col("work_package", "enum", required=True, choices=WORK_PACKAGES, en="WP1, WP2 or WP3",
             fi="WP1, WP2 tai WP3", et="WP1, WP2 või WP3"),
        _col("bottlenecks", "refs", ref="bottlenecks", max_length=500, en="Linked bottleneck codes, separated by ;",
             fi="Liittyvät pullonkaulat ;-merkillä", et="Seotud kitsaskohad ;-ga eraldatult"),
        _col("lead", required=True, max_length=300, en="Lead organisation", fi="Vastuuorganisaatio",
             et="Juhtiv organisatsioon"),
        _col("partners", max_length=1000, en="Partners, separated by ;", fi="Kumppanit ;-merkillä",
             et="Partnerid ;-ga eraldatult"),
        _col("level", "enum", required=True, choices=ACTION_LEVELS, en="administrative or political",
             fi="administrative tai political", et="administrative või political"),
        _col("start", "date", required=True, en="Start date (YYYY-MM-DD)", fi="Alkupäivä (VVVV-KK-PP)",
             et="Alguskuupäev (AAAA-KK-PP)"),
        _col("due", "date", required=True, en="Due date (YYYY-MM-DD)", fi="Määräpäivä (VVVV-KK-PP)",
             et="Tähtaeg (AAAA-KK-PP)"),
        _col("status", "enum", required=True, choices=ACTION_STATUSES,
             en="planned, ongoing, done, delayed or cancelled", fi="planned, ongoing, done, delayed tai cancelled",
             et="planned, ongoing, done, delayed või cancelled"),
        _col("completed_on", "date", en="Date it was done (YYYY-MM-DD)", fi="Valmistumispäivä (VVVV-KK-PP)",
             et="Valmimise kuupäev (AAAA-KK-PP)"),
        _col("note", max_length=2000, en="Note", fi="Huomautus", et="Märkus"),
    ),
    key=("code",),
    help_en="The WP3 action plan: who does what by when.",
    help_fi="WP3-toimintasuunnitelma: kuka tekee mitä ja milloin.",
    help_et="WP3 tegevuskava: kes teeb mida ja millal.",
)

REGIONS_BENCHMARK = Table(
    "regions_benchmark",
    (
        _col("code", required=True, pattern=CODE_PATTERN, en="Short code, e.g. GREATER_CPH",
             fi="Lyhyt koodi", et="Lühikood"),
        _col("name", required=True, max_length=300, en="Name of the region or body", fi="Alueen tai elimen nimi",
             et="Piirkonna või organi nimi"),
        _col("countries", required=True, max_length=100, en="Countries, e.g. DK–SE", fi="Maat, esim. DK–SE",
             et="Riigid, nt DK–SE"),
        _col("legal_form", "enum", required=True, choices=LEGAL_FORMS, en="Legal form", fi="Oikeudellinen muoto",
             et="Õiguslik vorm"),
        _col("founded", "int", min=1900, max=2100, en="Year founded", fi="Perustamisvuosi", et="Asutamisaasta"),
        _col("population", "int", min=0, en="Population covered", fi="Väestö", et="Rahvastik"),
        _col("area_km2", "float", min=0, en="Area in km²", fi="Pinta-ala km²", et="Pindala km²"),
        _col("funding_model", max_length=1000, en="How it is funded", fi="Rahoitusmalli", et="Rahastamismudel"),
        _col("bodies", max_length=1000, en="Governing bodies", fi="Toimielimet", et="Juhtorganid"),
        _col("lessons", max_length=2000, en="Lessons for TwinReg", fi="Opit TwinRegille", et="Õppetunnid TwinRegile"),
        _col("source", required=True, max_length=500, en="Source", fi="Lähde", et="Allikas"),
    ),
    key=("code",),
    help_en="Other EU cross-border regions and their cooperation models.",
    help_fi="Muut EU:n raja-alueet ja niiden yhteistyömallit.",
    help_et="Teised ELi piiriülesed piirkonnad ja nende koostöömudelid.",
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

# Long lists for template dropdowns (written to the hidden `lists` sheet).
CHOICE_LISTS: dict[str, tuple[str, ...]] = {
    "domains": DOMAINS,
    "statuses": BOTTLENECK_STATUSES,
    "units": UNITS,
}
