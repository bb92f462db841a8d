"""Indicators page: tabs, chart labels, units, flags, polarity and the domain overview."""

MESSAGES: dict[str, dict[str, str]] = {
    "indicators.caption": {
        "en": "Finland and Estonia side by side: how each indicator moves, where, and from which source.",
        "fi": "Suomi ja Viro rinnakkain: miten kukin indikaattori kehittyy, missä ja mistä lähteestä.",
        "et": "Soome ja Eesti kõrvuti: kuidas iga näitaja muutub, kus ja millisest allikast.",
    },
    "indicators.choose": {"en": "Indicator", "fi": "Indikaattori", "et": "Näitaja"},
    "indicators.no_data_suffix": {
        "en": "no data for these filters",
        "fi": "ei tietoja näillä suodattimilla",
        "et": "nende filtritega andmed puuduvad",
    },
    "indicators.empty_db": {
        "en": "No indicators yet. An official can import the demo workbooks with "
        "`python -m twinreg_data init --demo`, or upload a filled template with indicators and observations.",
        "fi": "Indikaattoreita ei vielä ole. Ylläpitäjä voi tuoda esimerkkiaineiston komennolla "
        "`python -m twinreg_data init --demo` tai ladata täytetyn pohjan, jossa on indikaattorit ja havainnot.",
        "et": "Näitajaid veel pole. Ametnik saab näidisandmed importida käsuga "
        "`python -m twinreg_data init --demo` või laadida üles täidetud malli näitajate ja vaatlustega.",
    },
    "indicators.empty_series": {
        "en": "This indicator has no values for the chosen side of the border and period. "
        "Widen the side or period in the sidebar, or choose another indicator.",
        "fi": "Tällä indikaattorilla ei ole arvoja valitulla rajan puolella ja ajanjaksolla. "
        "Laajenna rajan puolta tai ajanjaksoa sivupalkista tai valitse toinen indikaattori.",
        "et": "Sellel näitajal pole väärtusi valitud piiri poolel ja perioodil. "
        "Laienda külgribal piiri poolt või perioodi või vali mõni teine näitaja.",
    },
    "indicators.tab_chart": {"en": "Chart", "fi": "Kaavio", "et": "Graafik"},
    "indicators.tab_map": {"en": "Map", "fi": "Kartta", "et": "Kaart"},
    "indicators.tab_table": {"en": "Table", "fi": "Taulukko", "et": "Tabel"},
    "indicators.latest": {
        "en": "{country} · {area} ({period})",
        "fi": "{country} · {area} ({period})",
        "et": "{country} · {area} ({period})",
    },
    "indicators.latest_help": {
        "en": "Latest value against the previous period. Green: an improvement, red: a deterioration "
        "(by whether a higher value is better or worse); grey: no judgement.",
        "fi": "Viimeisin arvo verrattuna edelliseen ajanjaksoon. Vihreä: parannus, punainen: heikennys "
        "(sen mukaan, onko suurempi arvo parempi vai huonompi); harmaa: ei arviota.",
        "et": "Viimane väärtus võrreldes eelmise perioodiga. Roheline: paranemine, punane: halvenemine "
        "(selle järgi, kas suurem väärtus on parem või halvem); hall: hinnanguta.",
    },
    "indicators.vs": {"en": "vs {period}", "fi": "vs. {period}", "et": "vs {period}"},
    "indicators.range": {"en": "Estimate range", "fi": "Arvion vaihteluväli", "et": "Hinnangu vahemik"},
    "indicators.other_areas": {
        "en": "Other areas ({country})",
        "fi": "Muut alueet ({country})",
        "et": "Muud piirkonnad ({country})",
    },
    "indicators.break": {"en": "Series break", "fi": "Aikasarjan katko", "et": "Aegrea katkestus"},
    "indicators.hover_range": {
        "en": "Range {low}–{high}",
        "fi": "Vaihteluväli {low}–{high}",
        "et": "Vahemik {low}–{high}",
    },
    "indicators.definition": {"en": "Definition", "fi": "Määritelmä", "et": "Määratlus"},
    "indicators.last_updated": {"en": "Last updated", "fi": "Päivitetty viimeksi", "et": "Viimati uuendatud"},
    "indicators.break_notes": {"en": "Series breaks", "fi": "Aikasarjan katkot", "et": "Aegrea katkestused"},
    "indicators.polarity": {"en": "Direction", "fi": "Suunta", "et": "Suund"},
    "indicators.polarity.higher_better": {
        "en": "a higher value is better",
        "fi": "suurempi arvo on parempi",
        "et": "suurem väärtus on parem",
    },
    "indicators.polarity.higher_worse": {
        "en": "a higher value is worse",
        "fi": "suurempi arvo on huonompi",
        "et": "suurem väärtus on halvem",
    },
    "indicators.polarity.neutral": {
        "en": "neutral (no better or worse)",
        "fi": "neutraali (ei parempi eikä huonompi)",
        "et": "neutraalne (ei parem ega halvem)",
    },
    "indicators.map_caption": {
        "en": "Latest value per municipality (periods may differ); circle size and colour grow with the value. "
        "Hover a circle for the figure.",
        "fi": "Viimeisin arvo kunnittain (ajanjaksot voivat vaihdella); ympyrän koko ja väri kasvavat arvon "
        "mukana. Näet luvun viemällä osoittimen ympyrän päälle.",
        "et": "Viimane väärtus omavalitsuste kaupa (perioodid võivad erineda); ringi suurus ja värv kasvavad "
        "koos väärtusega. Arvu näed, kui viid kursori ringile.",
    },
    "indicators.map_empty": {
        "en": "This indicator has no values for municipalities with known coordinates in the chosen filters; "
        "see the chart or the table.",
        "fi": "Tällä indikaattorilla ei ole arvoja kunnille, joiden koordinaatit tunnetaan, valituilla "
        "suodattimilla; katso kaavio tai taulukko.",
        "et": "Sellel näitajal pole valitud filtritega väärtusi omavalitsustele, mille koordinaadid on "
        "teada; vaata graafikut või tabelit.",
    },
    "indicators.overview": {
        "en": "All indicators in the selected domains",
        "fi": "Kaikki valittujen teema-alueiden indikaattorit",
        "et": "Kõik valitud valdkondade näitajad",
    },
    "indicators.overview_caption": {
        "en": "Latest value per indicator and country against the previous period. Green: an improvement, "
        "red: a deterioration (by the indicator's direction); grey: neutral or unchanged.",
        "fi": "Viimeisin arvo indikaattoreittain ja maittain verrattuna edelliseen ajanjaksoon. Vihreä: "
        "parannus, punainen: heikennys (indikaattorin suunnan mukaan); harmaa: neutraali tai ennallaan.",
        "et": "Viimane väärtus näitaja ja riigi kaupa võrreldes eelmise perioodiga. Roheline: paranemine, "
        "punane: halvenemine (näitaja suuna järgi); hall: neutraalne või muutumatu.",
    },
    "indicators.col.area": {"en": "Area", "fi": "Alue", "et": "Piirkond"},
    "indicators.col.country": {"en": "Country", "fi": "Maa", "et": "Riik"},
    "indicators.col.period": {"en": "Period", "fi": "Ajanjakso", "et": "Periood"},
    "indicators.col.value": {"en": "Value", "fi": "Arvo", "et": "Väärtus"},
    "indicators.col.low": {"en": "Low estimate", "fi": "Arvion alaraja", "et": "Hinnangu alampiir"},
    "indicators.col.high": {"en": "High estimate", "fi": "Arvion yläraja", "et": "Hinnangu ülempiir"},
    "indicators.col.flag": {"en": "Flag", "fi": "Merkintä", "et": "Märge"},
    "indicators.col.note": {"en": "Note", "fi": "Huomautus", "et": "Märkus"},
    "indicators.col.source": {"en": "Source", "fi": "Lähde", "et": "Allikas"},
    "indicators.col.domain": {"en": "Domain", "fi": "Teema-alue", "et": "Valdkond"},
    "indicators.col.indicator": {"en": "Indicator", "fi": "Indikaattori", "et": "Näitaja"},
    "indicators.col.unit": {"en": "Unit", "fi": "Yksikkö", "et": "Ühik"},
    "indicators.col.previous_period": {"en": "Previous period", "fi": "Edellinen ajanjakso", "et": "Eelmine periood"},
    "indicators.col.change": {"en": "Change", "fi": "Muutos", "et": "Muutus"},
    "indicators.col.change_pct": {"en": "Change %", "fi": "Muutos %", "et": "Muutus %"},
    "indicators.col.assessment": {"en": "Assessment", "fi": "Arvio", "et": "Hinnang"},
    "indicators.assessment.improved": {"en": "Improved", "fi": "Parantunut", "et": "Paranenud"},
    "indicators.assessment.worsened": {"en": "Worsened", "fi": "Heikentynyt", "et": "Halvenenud"},
    "indicators.assessment.neutral": {"en": "Neutral", "fi": "Neutraali", "et": "Neutraalne"},
    "indicators.assessment.unchanged": {"en": "Unchanged", "fi": "Ennallaan", "et": "Muutumatu"},
    "indicators.assessment.no_previous": {
        "en": "No earlier period",
        "fi": "Ei aiempaa ajanjaksoa",
        "et": "Varasem periood puudub",
    },
    "indicators.flag.provisional": {"en": "Provisional", "fi": "Ennakkotieto", "et": "Esialgne"},
    "indicators.flag.estimate": {"en": "Estimate", "fi": "Arvio", "et": "Hinnang"},
    "indicators.flag.break": {"en": "Series break", "fi": "Aikasarjan katko", "et": "Aegrea katkestus"},
    "indicators.unit.persons": {"en": "persons", "fi": "henkilöä", "et": "inimest"},
    "indicators.unit.passengers": {"en": "passengers", "fi": "matkustajaa", "et": "reisijat"},
    "indicators.unit.commuters": {"en": "commuters", "fi": "pendelöijää", "et": "pendeldajat"},
    "indicators.unit.vehicles": {"en": "vehicles", "fi": "ajoneuvoa", "et": "sõidukit"},
    "indicators.unit.students": {"en": "students", "fi": "opiskelijaa", "et": "üliõpilast"},
    "indicators.unit.count": {"en": "count", "fi": "lukumäärä", "et": "arv"},
    "indicators.unit.percent": {"en": "%", "fi": "%", "et": "%"},
    "indicators.unit.EUR": {"en": "EUR", "fi": "euroa", "et": "eurot"},
    "indicators.unit.days": {"en": "days", "fi": "päivää", "et": "päeva"},
    "indicators.unit.index": {"en": "index", "fi": "indeksi", "et": "indeks"},
    "indicators.unit.services": {"en": "services", "fi": "palvelua", "et": "teenust"},
    "indicators.unit.prescriptions": {"en": "prescriptions", "fi": "reseptiä", "et": "retsepti"},
    "indicators.unit.flights": {"en": "flights", "fi": "lentoa", "et": "lendu"},
}
