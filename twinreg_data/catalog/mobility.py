"""Mobility page: flow map, ferry / air / commuter series, seasonality."""

MESSAGES: dict[str, dict[str, str]] = {
    "mobility.intro": {
        "en": "Movement across the Gulf of Finland: flows between areas on the map, ferry, air and commuter "
        "series, and the seasonal pattern of ferry traffic.",
        "fi": "Liikkuminen Suomenlahden yli: alueiden väliset virrat kartalla, laiva-, lento- ja pendelöintisarjat "
        "sekä laivaliikenteen kausivaihtelu.",
        "et": "Liikumine üle Soome lahe: piirkondadevahelised vood kaardil, laeva-, lennu- ja pendelrände aegread "
        "ning laevaliikluse hooajalisus.",
    },
    "mobility.empty": {
        "en": "No mobility data yet. An official can import the demo workbooks with "
        "`python -m twinreg_data init --demo`, or upload flows and observations in the template.",
        "fi": "Liikkuvuustietoja ei vielä ole. Ylläpitäjä voi tuoda esimerkkiaineiston komennolla "
        "`python -m twinreg_data init --demo` tai ladata virrat ja havainnot täytetyllä pohjalla.",
        "et": "Liikuvuse andmeid veel pole. Ametnik saab näidisandmed importida käsuga "
        "`python -m twinreg_data init --demo` või laadida vood ja vaatlused üles täidetud malliga.",
    },
    "mobility.domain_note": {
        "en": "This page covers the mobility domain; the domain filter applies to the other pages.",
        "fi": "Tämä sivu käsittelee liikkuvuuden teema-aluetta; teema-aluesuodatin koskee muita sivuja.",
        "et": "See leht käsitleb liikuvuse valdkonda; valdkonnafilter kehtib teistel lehtedel.",
    },
    # Page-local controls
    "mobility.unit": {"en": "Unit", "fi": "Yksikkö", "et": "Ühik"},
    "mobility.modes": {"en": "Modes", "fi": "Kulkumuodot", "et": "Transpordiliigid"},
    "mobility.modes_all": {"en": "All modes", "fi": "Kaikki kulkumuodot", "et": "Kõik transpordiliigid"},
    "mobility.year": {"en": "Year on the map", "fi": "Kartan vuosi", "et": "Kaardi aasta"},
    "mobility.point_indicator": {
        "en": "Circle size of municipalities",
        "fi": "Kuntien ympyröiden koko",
        "et": "Omavalitsuste ringide suurus",
    },
    # Flow units: a label, and a count phrase (Finnish and Estonian take the partitive after a number)
    "mobility.unit.passengers": {"en": "Passengers", "fi": "Matkustajat", "et": "Reisijad"},
    "mobility.unit.commuters": {"en": "Commuters", "fi": "Pendelöijät", "et": "Pendeldajad"},
    "mobility.unit.vehicles": {"en": "Vehicles", "fi": "Ajoneuvot", "et": "Sõidukid"},
    "mobility.count.passengers": {"en": "{n} passengers", "fi": "{n} matkustajaa", "et": "{n} reisijat"},
    "mobility.count.commuters": {"en": "{n} commuters", "fi": "{n} pendelöijää", "et": "{n} pendeldajat"},
    "mobility.count.vehicles": {"en": "{n} vehicles", "fi": "{n} ajoneuvoa", "et": "{n} sõidukit"},
    # Modes
    "mobility.mode.ferry": {"en": "Ferry", "fi": "Laiva", "et": "Laev"},
    "mobility.mode.air": {"en": "Air", "fi": "Lento", "et": "Lennuk"},
    "mobility.mode.bus": {"en": "Bus", "fi": "Bussi", "et": "Buss"},
    "mobility.mode.rail": {"en": "Rail", "fi": "Juna", "et": "Rong"},
    "mobility.mode.tunnel": {"en": "Tunnel (planned)", "fi": "Tunneli (suunniteltu)", "et": "Tunnel (kavandatud)"},
    # Map
    "mobility.map_title": {
        "en": "{unit} between areas, {year}",
        "fi": "{unit} alueiden välillä vuonna {year}",
        "et": "{unit} piirkondade vahel, {year}",
    },
    "mobility.map_help": {
        "en": "Arc width: volume per year and direction ({unit}). Arc colour: mode. Circle size: {indicator}.",
        "fi": "Kaaren leveys: määrä vuodessa kumpaankin suuntaan ({unit}). Kaaren väri: kulkumuoto. "
        "Ympyrän koko: {indicator}.",
        "et": "Kaare laius: maht aastas kummaski suunas ({unit}). Kaare värv: transpordiliik. "
        "Ringi suurus: {indicator}.",
    },
    "mobility.map_no_flows": {
        "en": "No flows for this unit, these modes and this year; the map shows municipalities only.",
        "fi": "Tällä yksiköllä, näillä kulkumuodoilla ja tänä vuonna ei ole virtoja; kartalla näkyvät vain kunnat.",
        "et": "Selle ühiku, nende transpordiliikide ja selle aasta kohta voogusid pole; kaardil on ainult "
        "omavalitsused.",
    },
    "mobility.map_alt": {
        "en": "Map of flows between Helsinki-Uusimaa and Harju County",
        "fi": "Kartta Helsinki-Uudenmaan ja Harjumaan välisistä virroista",
        "et": "Kaart Helsingi-Uusimaa ja Harju maakonna vahelistest voogudest",
    },
    "mobility.gulf": {"en": "Gulf of Finland", "fi": "Suomenlahti", "et": "Soome laht"},
    "mobility.tooltip_flow": {"en": "{mode}, {period}", "fi": "{mode}, {period}", "et": "{mode}, {period}"},
    "mobility.tooltip_area": {
        "en": "{indicator}: {value} ({period})",
        "fi": "{indicator}: {value} ({period})",
        "et": "{indicator}: {value} ({period})",
    },
    "mobility.tooltip_area_none": {
        "en": "{indicator}: no value in the selected period",
        "fi": "{indicator}: ei arvoa valitulla ajanjaksolla",
        "et": "{indicator}: valitud perioodil väärtus puudub",
    },
    "mobility.flows_table": {
        "en": "Flows on the map ({unit}, {year})",
        "fi": "Kartan virrat ({unit}, {year})",
        "et": "Kaardi vood ({unit}, {year})",
    },
    "mobility.points_table": {
        "en": "Municipalities on the map: {indicator}",
        "fi": "Kartan kunnat: {indicator}",
        "et": "Kaardi omavalitsused: {indicator}",
    },
    # Table columns
    "mobility.col.origin": {"en": "From", "fi": "Mistä", "et": "Kust"},
    "mobility.col.destination": {"en": "To", "fi": "Mihin", "et": "Kuhu"},
    "mobility.col.mode": {"en": "Mode", "fi": "Kulkumuoto", "et": "Transpordiliik"},
    "mobility.col.year": {"en": "Year", "fi": "Vuosi", "et": "Aasta"},
    "mobility.col.month": {"en": "Month", "fi": "Kuukausi", "et": "Kuu"},
    "mobility.col.volume": {"en": "Volume", "fi": "Määrä", "et": "Maht"},
    "mobility.col.unit": {"en": "Unit", "fi": "Yksikkö", "et": "Ühik"},
    "mobility.col.source": {"en": "Source", "fi": "Lähde", "et": "Allikas"},
    "mobility.col.note": {"en": "Note", "fi": "Huomautus", "et": "Märkus"},
    "mobility.col.area": {"en": "Area", "fi": "Alue", "et": "Piirkond"},
    "mobility.col.code": {"en": "Code", "fi": "Koodi", "et": "Kood"},
    "mobility.col.country": {"en": "Country", "fi": "Maa", "et": "Riik"},
    "mobility.col.value": {"en": "Value", "fi": "Arvo", "et": "Väärtus"},
    "mobility.col.period": {"en": "Period", "fi": "Ajanjakso", "et": "Periood"},
    "mobility.col.flag": {"en": "Flag", "fi": "Merkintä", "et": "Märge"},
    "mobility.col.low": {"en": "Estimate, low", "fi": "Arvio, alaraja", "et": "Hinnang, alampiir"},
    "mobility.col.high": {"en": "Estimate, high", "fi": "Arvio, yläraja", "et": "Hinnang, ülempiir"},
    "mobility.col.series": {"en": "Series", "fi": "Sarja", "et": "Aegrida"},
    # Time series
    "mobility.per_year_title": {"en": "{name} per year", "fi": "{name} vuosittain", "et": "{name} aastate kaupa"},
    "mobility.commuters_title": {
        "en": "Commuters between Estonia and Finland per year",
        "fi": "Viron ja Suomen väliset pendelöijät vuosittain",
        "et": "Eesti ja Soome vahel pendeldajad aastate kaupa",
    },
    "mobility.season_title": {
        "en": "{name}: seasonal pattern, one line per year",
        "fi": "{name}: kausivaihtelu, yksi viiva vuotta kohden",
        "et": "{name}: hooajalisus, üks joon aasta kohta",
    },
    "mobility.chart.ferry": {
        "en": "Ferry passengers per year", "fi": "Laivamatkustajat vuosittain", "et": "Laevareisijad aastate kaupa",
    },
    "mobility.chart.air": {
        "en": "Air passengers per year", "fi": "Lentomatkustajat vuosittain", "et": "Lennureisijad aastate kaupa",
    },
    "mobility.chart.commuters": {
        "en": "Commuters per year", "fi": "Pendelöijät vuosittain", "et": "Pendeldajad aastate kaupa",
    },
    "mobility.chart.season": {
        "en": "Ferry passengers by month", "fi": "Laivamatkustajat kuukausittain", "et": "Laevareisijad kuude kaupa",
    },
    "mobility.axis.year": {"en": "Year", "fi": "Vuosi", "et": "Aasta"},
    "mobility.axis.month": {"en": "Month", "fi": "Kuukausi", "et": "Kuu"},
    "mobility.axis.per_year": {"en": "{unit} per year", "fi": "{unit} vuodessa", "et": "{unit} aastas"},
    "mobility.axis.per_month": {"en": "{unit} per month", "fi": "{unit} kuukaudessa", "et": "{unit} kuus"},
    "mobility.band": {
        "en": "Estimate range (low–high)",
        "fi": "Arvion vaihteluväli (ala–ylä)",
        "et": "Hinnangu vahemik (alam–ülem)",
    },
    "mobility.flag.estimate": {"en": "Estimate", "fi": "Arvio", "et": "Hinnang"},
    "mobility.flag.provisional": {"en": "Provisional", "fi": "Ennakkotieto", "et": "Esialgne"},
    "mobility.flag.break": {"en": "Series break", "fi": "Aikasarjan katko", "et": "Aegrea katkestus"},
    "mobility.commuters_flows": {
        "en": "Sum of the municipal pairs in the flows table",
        "fi": "Virtataulukon kuntaparien summa",
        "et": "Voogude tabeli omavalitsuste paaride summa",
    },
    "mobility.sources": {"en": "Sources: {source}", "fi": "Lähteet: {source}", "et": "Allikad: {source}"},
    "mobility.flags_note": {
        "en": "Hollow markers are estimates, diamonds mark series breaks; the shaded band is the estimate range.",
        "fi": "Ontot merkit ovat arvioita, vinoneliöt merkitsevät aikasarjan katkoja; varjostettu alue on arvion "
        "vaihteluväli.",
        "et": "Õõnsad markerid on hinnangud, rombid tähistavad aegrea katkestusi; varjutatud ala on hinnangu "
        "vahemik.",
    },
}
