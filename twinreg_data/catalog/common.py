"""Shared strings: app chrome, domains, statuses, overview."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.title": {"en": "TwinReg Monitor", "fi": "TwinReg Monitor", "et": "TwinReg Monitor"},
    "app.tagline": {
        "en": "Cross-border bottlenecks between Helsinki-Uusimaa and Harju County",
        "fi": "Rajat ylittävät pullonkaulat Helsinki-Uudenmaan ja Harjumaan välillä",
        "et": "Piiriülesed kitsaskohad Helsingi-Uusimaa ja Harju maakonna vahel",
    },
    "control.language": {"en": "Language", "fi": "Kieli", "et": "Keel"},
    "page.overview": {"en": "Overview", "fi": "Yleiskuva", "et": "Ülevaade"},
    "overview.open": {"en": "Open bottlenecks", "fi": "Avoimet pullonkaulat", "et": "Avatud kitsaskohad"},
    "overview.resolved_12m": {
        "en": "Resolved in the last 12 months",
        "fi": "Ratkaistu viimeisten 12 kuukauden aikana",
        "et": "Lahendatud viimase 12 kuu jooksul",
    },
    "overview.stalled": {
        "en": "Stalled (no event for {days} days)",
        "fi": "Jumissa (ei tapahtumia {days} päivään)",
        "et": "Seisak (sündmusteta {days} päeva)",
    },
    "overview.ferry": {
        "en": "Ferry passengers Helsinki–Tallinn ({period})",
        "fi": "Lauttamatkustajat Helsinki–Tallinna ({period})",
        "et": "Parvlaevareisijad Helsingi–Tallinn ({period})",
    },
    "overview.ferry_missing": {
        "en": "Ferry passengers Helsinki–Tallinn",
        "fi": "Lauttamatkustajat Helsinki–Tallinna",
        "et": "Parvlaevareisijad Helsingi–Tallinn",
    },
    "overview.by_domain_status": {
        "en": "Bottlenecks by domain and status",
        "fi": "Pullonkaulat teema-alueittain ja tiloittain",
        "et": "Kitsaskohad valdkonna ja oleku järgi",
    },
    "overview.empty": {
        "en": "No data yet. An official can import the demo workbooks with "
        "`python -m twinreg_data init --demo`, or upload a filled template.",
        "fi": "Ei vielä tietoja. Ylläpitäjä voi tuoda esimerkkiaineiston komennolla "
        "`python -m twinreg_data init --demo` tai ladata täytetyn pohjan.",
        "et": "Andmeid veel pole. Ametnik saab näidisandmed importida käsuga "
        "`python -m twinreg_data init --demo` või laadida üles täidetud malli.",
    },
    "overview.source": {
        "en": "Source: TwinReg bottleneck register, current status of each bottleneck",
        "fi": "Lähde: TwinReg-pullonkaularekisteri, kunkin pullonkaulan nykyinen tila",
        "et": "Allikas: TwinRegi kitsaskohtade register, iga kitsaskoha praegune olek",
    },
    "overview.movers": {
        "en": "Indicators that moved most (latest period vs the one before)",
        "fi": "Eniten muuttuneet indikaattorit (viimeisin ajanjakso edelliseen verrattuna)",
        "et": "Enim muutunud näitajad (viimane periood eelmisega võrreldes)",
    },
    "overview.movers_axis": {"en": "Change, %", "fi": "Muutos, %", "et": "Muutus, %"},
    "overview.movers_source": {
        "en": "Green: better, red: worse, by each indicator's direction. Sources: see the Indicators page.",
        "fi": "Vihreä: parempi, punainen: huonompi indikaattorin suunnan mukaan. Lähteet: Indikaattorit-sivu.",
        "et": "Roheline: parem, punane: halvem näitaja suuna järgi. Allikad: vt näitajate lehte.",
    },
    "overview.map": {"en": "The twin region", "fi": "Kaksoisalue", "et": "Kaksikpiirkond"},
    "overview.map_caption": {
        "en": "Arcs: flows between areas in {year} ({unit}); circles: {indicator}.",
        "fi": "Kaaret: alueiden väliset virrat {year} ({unit}); ympyrät: {indicator}.",
        "et": "Kaared: piirkondadevahelised vood {year} ({unit}); ringid: {indicator}.",
    },
    "overview.no_movers": {
        "en": "No indicator has two periods to compare in the current selection.",
        "fi": "Millään indikaattorilla ei ole kahta vertailukelpoista ajanjaksoa nykyisessä valinnassa.",
        "et": "Praeguses valikus pole ühelgi näitajal kahte võrreldavat perioodi.",
    },
    "common.count": {"en": "Count", "fi": "Lukumäärä", "et": "Arv"},
    "common.domain": {"en": "Domain", "fi": "Teema-alue", "et": "Valdkond"},
    "common.status": {"en": "Status", "fi": "Tila", "et": "Olek"},
    "common.download_csv": {"en": "Download CSV", "fi": "Lataa CSV", "et": "Laadi alla CSV"},
    "common.download_xlsx": {"en": "Download Excel", "fi": "Lataa Excel", "et": "Laadi alla Excel"},
    "common.empty_filtered": {
        "en": "Nothing matches the current filters. Widen the domains, side or period in the sidebar.",
        "fi": "Mikään ei vastaa valittuja suodattimia. Laajenna teema-alueita, rajan puolta tai ajanjaksoa "
        "sivupalkista.",
        "et": "Valitud filtritele ei vasta midagi. Laienda külgribal valdkondi, piiri poolt või perioodi.",
    },
    "common.source": {"en": "Source: {source}", "fi": "Lähde: {source}", "et": "Allikas: {source}"},
    "common.no_data": {"en": "No data", "fi": "Ei tietoja", "et": "Andmed puuduvad"},
    "domain.mobility": {"en": "Mobility & transport", "fi": "Liikkuvuus ja liikenne", "et": "Liikuvus ja transport"},
    "domain.taxation": {"en": "Taxation", "fi": "Verotus", "et": "Maksundus"},
    "domain.education": {"en": "Education", "fi": "Koulutus", "et": "Haridus"},
    "domain.digital": {"en": "Digital services", "fi": "Digitaaliset palvelut", "et": "Digiteenused"},
    "domain.employment": {"en": "Employment", "fi": "Työllisyys", "et": "Tööhõive"},
    "domain.social_security": {
        "en": "Social security & health",
        "fi": "Sosiaaliturva ja terveys",
        "et": "Sotsiaalkindlustus ja tervis",
    },
    "domain.legal_admin": {
        "en": "Bureaucracy & legal frameworks",
        "fi": "Hallinto ja lainsäädäntö",
        "et": "Bürokraatia ja õigusraamistik",
    },
    "domain.integration": {
        "en": "Social & community integration",
        "fi": "Sosiaalinen ja yhteisöllinen kotoutuminen",
        "et": "Sotsiaalne ja kogukondlik lõimumine",
    },
    "domain.information": {"en": "Information access", "fi": "Tiedonsaanti", "et": "Teabele juurdepääs"},
    "status.identified": {"en": "Identified", "fi": "Tunnistettu", "et": "Tuvastatud"},
    "status.analysed": {"en": "Analysed", "fi": "Analysoitu", "et": "Analüüsitud"},
    "status.prioritised": {"en": "Prioritised", "fi": "Priorisoitu", "et": "Prioriseeritud"},
    "status.solution_proposed": {"en": "Solution proposed", "fi": "Ratkaisu ehdotettu", "et": "Lahendus pakutud"},
    "status.in_progress": {"en": "In progress", "fi": "Työn alla", "et": "Töös"},
    "status.resolved": {"en": "Resolved", "fi": "Ratkaistu", "et": "Lahendatud"},
    "status.partly_resolved": {"en": "Partly resolved", "fi": "Osittain ratkaistu", "et": "Osaliselt lahendatud"},
    "status.written_off": {"en": "Written off", "fi": "Poistettu", "et": "Maha kantud"},
}
