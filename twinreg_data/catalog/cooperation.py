"""Cooperation page: the action plan timeline and the benchmark of other cross-border regions."""

MESSAGES: dict[str, dict[str, str]] = {
    "coop.title": {
        "en": "Cooperation: action plan and models",
        "fi": "Yhteistyö: toimintasuunnitelma ja mallit",
        "et": "Koostöö: tegevuskava ja mudelid",
    },
    "coop.intro": {
        "en": "Who does what by when in the TwinReg action plan, and how other European cross-border regions "
        "organise lasting cooperation.",
        "fi": "Kuka tekee mitä ja mihin mennessä TwinRegin toimintasuunnitelmassa, ja miten muut eurooppalaiset "
        "raja-alueet järjestävät pysyvän yhteistyön.",
        "et": "Kes teeb mida ja mis ajaks TwinRegi tegevuskavas ning kuidas teised Euroopa piiriülesed "
        "piirkonnad korraldavad püsivat koostööd.",
    },
    "coop.plan.header": {"en": "Action plan", "fi": "Toimintasuunnitelma", "et": "Tegevuskava"},
    "coop.scope.period": {
        "en": "Actions running at some time in {start}–{end}.",
        "fi": "Toimenpiteet, jotka ovat käynnissä jossain vaiheessa vuosina {start}–{end}.",
        "et": "Tegevused, mis on käimas mingil ajal aastatel {start}–{end}.",
    },
    "coop.scope.period_open": {
        "en": "Actions running at some time from {start} on, planned ones included.",
        "fi": "Toimenpiteet, jotka ovat käynnissä jossain vaiheessa vuodesta {start} alkaen, suunnitellut mukaan "
        "lukien.",
        "et": "Tegevused, mis on käimas mingil ajal alates aastast {start}, kaasa arvatud kavandatud.",
    },
    "coop.scope.domains": {
        "en": "Only actions linked to bottlenecks in the chosen domains: {domains}.",
        "fi": "Vain toimenpiteet, jotka liittyvät valittujen teema-alueiden pullonkauloihin: {domains}.",
        "et": "Ainult tegevused, mis on seotud valitud valdkondade kitsaskohtadega: {domains}.",
    },
    "coop.scope.all_domains": {
        "en": "All actions, with or without linked bottlenecks (choose domains in the sidebar to see only the "
        "actions linked to their bottlenecks).",
        "fi": "Kaikki toimenpiteet, myös ne, joihin ei liity pullonkauloja (valitse teema-alueita sivupalkista "
        "nähdäksesi vain niiden pullonkauloihin liittyvät toimenpiteet).",
        "et": "Kõik tegevused, ka need, millega kitsaskohti pole seotud (vali külgribal valdkonnad, et näha ainult "
        "nende kitsaskohtadega seotud tegevusi).",
    },
    "coop.scope.side": {
        "en": "Actions are joint, so the side of the border does not narrow them.",
        "fi": "Toimenpiteet ovat yhteisiä, joten rajan puoli ei rajaa niitä.",
        "et": "Tegevused on ühised, seega piiri pool neid ei kitsenda.",
    },
    "coop.metric.total": {"en": "Actions shown", "fi": "Näytetyt toimenpiteet", "et": "Näidatud tegevused"},
    "coop.metric.done": {"en": "Done", "fi": "Valmiit", "et": "Tehtud"},
    "coop.metric.ongoing": {"en": "Ongoing", "fi": "Käynnissä", "et": "Käimas"},
    "coop.metric.overdue": {"en": "Overdue", "fi": "Myöhässä", "et": "Tähtaeg ületatud"},
    "coop.metric.overdue_help": {
        "en": "Due date before today ({today}) and neither done nor cancelled.",
        "fi": "Määräpäivä ennen tätä päivää ({today}), eikä toimenpide ole valmis tai peruttu.",
        "et": "Tähtaeg enne tänast ({today}) ning tegevus pole tehtud ega tühistatud.",
    },
    "coop.empty_plan_db": {
        "en": "No action plan yet. An official can import the `actions` sheet of the template on the Data page, "
        "or load the demo data with `python -m twinreg_data init --demo`.",
        "fi": "Toimintasuunnitelmaa ei vielä ole. Ylläpitäjä voi tuoda pohjan `actions`-välilehden Tiedot-sivulla "
        "tai ladata esimerkkiaineiston komennolla `python -m twinreg_data init --demo`.",
        "et": "Tegevuskava veel pole. Ametnik saab importida malli lehe `actions` andmete lehel või laadida "
        "näidisandmed käsuga `python -m twinreg_data init --demo`.",
    },
    "coop.empty_plan_filtered": {
        "en": "No action matches the chosen period and domains. Widen the period or the domains in the sidebar.",
        "fi": "Mikään toimenpide ei vastaa valittua ajanjaksoa ja teema-alueita. Laajenna ajanjaksoa tai "
        "teema-alueita sivupalkissa.",
        "et": "Ükski tegevus ei vasta valitud perioodile ja valdkondadele. Laienda külgribal perioodi või "
        "valdkondi.",
    },
    "coop.timeline.title": {
        "en": "Action plan: who does what by when",
        "fi": "Toimintasuunnitelma: kuka tekee mitä ja mihin mennessä",
        "et": "Tegevuskava: kes teeb mida ja mis ajaks",
    },
    "coop.timeline.axis": {
        "en": "Date (bar from start to due date)",
        "fi": "Päivämäärä (palkki alkupäivästä määräpäivään)",
        "et": "Kuupäev (tulp alguskuupäevast tähtajani)",
    },
    "coop.timeline.today": {"en": "Today", "fi": "Tänään", "et": "Täna"},
    "coop.timeline.source": {
        "en": "Source: TwinReg action plan (work packages WP1–WP3); bar label: lead organisation",
        "fi": "Lähde: TwinRegin toimintasuunnitelma (työpaketit WP1–WP3); palkin teksti: vastuuorganisaatio",
        "et": "Allikas: TwinRegi tegevuskava (tööpaketid WP1–WP3); tulba silt: juhtiv organisatsioon",
    },
    "coop.timeline.overdue_marker": {
        "en": "Overdue (due date passed)",
        "fi": "Myöhässä (määräpäivä ohi)",
        "et": "Tähtaeg ületatud",
    },
    "coop.hover.lead": {"en": "Lead", "fi": "Vastuutaho", "et": "Juht"},
    "coop.hover.period": {"en": "Start → due", "fi": "Alku → määräpäivä", "et": "Algus → tähtaeg"},
    "coop.table.header": {"en": "Actions", "fi": "Toimenpiteet", "et": "Tegevused"},
    "coop.col.code": {"en": "Code", "fi": "Koodi", "et": "Kood"},
    "coop.col.work_package": {"en": "Work package", "fi": "Työpaketti", "et": "Tööpakett"},
    "coop.col.title": {"en": "Action", "fi": "Toimenpide", "et": "Tegevus"},
    "coop.col.lead": {"en": "Lead organisation", "fi": "Vastuuorganisaatio", "et": "Juhtiv organisatsioon"},
    "coop.col.partners": {"en": "Partners", "fi": "Kumppanit", "et": "Partnerid"},
    "coop.col.level": {"en": "Level", "fi": "Taso", "et": "Tasand"},
    "coop.col.start": {"en": "Start", "fi": "Alkaa", "et": "Algus"},
    "coop.col.due": {"en": "Due", "fi": "Määräpäivä", "et": "Tähtaeg"},
    "coop.col.status": {"en": "Status", "fi": "Tila", "et": "Olek"},
    "coop.col.overdue": {"en": "Overdue", "fi": "Myöhässä", "et": "Tähtaeg ületatud"},
    "coop.col.completed_on": {"en": "Completed on", "fi": "Valmistunut", "et": "Valmis"},
    "coop.col.bottlenecks": {
        "en": "Linked bottlenecks",
        "fi": "Liittyvät pullonkaulat",
        "et": "Seotud kitsaskohad",
    },
    "coop.yes": {"en": "Yes", "fi": "Kyllä", "et": "Jah"},
    "coop.status.planned": {"en": "Planned", "fi": "Suunniteltu", "et": "Kavandatud"},
    "coop.status.ongoing": {"en": "Ongoing", "fi": "Käynnissä", "et": "Käimas"},
    "coop.status.done": {"en": "Done", "fi": "Valmis", "et": "Tehtud"},
    "coop.status.delayed": {"en": "Delayed", "fi": "Viivästynyt", "et": "Hilinenud"},
    "coop.status.cancelled": {"en": "Cancelled", "fi": "Peruttu", "et": "Tühistatud"},
    "coop.level.administrative": {"en": "Administrative", "fi": "Hallinnollinen", "et": "Halduslik"},
    "coop.level.political": {"en": "Political", "fi": "Poliittinen", "et": "Poliitiline"},
    "coop.bench.header": {
        "en": "Cooperation models of other EU cross-border regions",
        "fi": "Muiden EU:n raja-alueiden yhteistyömallit",
        "et": "Teiste ELi piiriüleste piirkondade koostöömudelid",
    },
    "coop.bench.scope": {
        "en": "Reference material: the sidebar filters do not apply to the benchmark.",
        "fi": "Taustatietoa: sivupalkin suodattimet eivät koske vertailua.",
        "et": "Taustteave: külgriba filtrid võrdlusele ei kehti.",
    },
    "coop.bench.empty": {
        "en": "No benchmark regions yet. An official can import the `regions_benchmark` sheet of the template.",
        "fi": "Vertailualueita ei vielä ole. Ylläpitäjä voi tuoda pohjan `regions_benchmark`-välilehden.",
        "et": "Võrdluspiirkondi veel pole. Ametnik saab importida malli lehe `regions_benchmark`.",
    },
    "coop.patterns.header": {"en": "Patterns", "fi": "Havaintoja", "et": "Mustrid"},
    "coop.patterns.forms": {
        "en": "{regions} regions compared. By legal form: {forms}. The most common form is {top} "
        "({top_count} of {regions}).",
        "fi": "Vertailussa on {regions} aluetta. Oikeudellisen muodon mukaan: {forms}. Yleisin muoto on {top} "
        "({top_count}/{regions}).",
        "et": "Võrreldakse {regions} piirkonda. Õigusliku vormi järgi: {forms}. Kõige levinum vorm on {top} "
        "({top_count}/{regions}).",
    },
    "coop.patterns.founded": {
        "en": "Founded between {first} and {last} (median {median}).",
        "fi": "Perustettu vuosina {first}–{last} (mediaani {median}).",
        "et": "Asutatud aastatel {first}–{last} (mediaan {median}).",
    },
    "coop.patterns.own": {
        "en": "The twin region's own body, {name} (legal form: {form}, founded {founded}), shares its legal form "
        "with {same} of the other regions.",
        "fi": "Kaksoisalueen oma elin, {name} (oikeudellinen muoto: {form}, perustettu {founded}), jakaa "
        "oikeudellisen muotonsa {same} muun alueen kanssa.",
        "et": "Kaksikregiooni enda organ {name} (õiguslik vorm: {form}, asutatud {founded}) jagab oma õiguslikku "
        "vormi {same} teise piirkonnaga.",
    },
    "coop.bench.chart_title": {
        "en": "Founding year and population covered, by legal form",
        "fi": "Perustamisvuosi ja väestö oikeudellisen muodon mukaan",
        "et": "Asutamisaasta ja hõlmatud rahvastik õigusliku vormi järgi",
    },
    "coop.bench.x": {"en": "Year founded", "fi": "Perustamisvuosi", "et": "Asutamisaasta"},
    "coop.bench.y": {
        "en": "Population covered (persons, log scale)",
        "fi": "Väestö (henkeä, logaritminen asteikko)",
        "et": "Rahvastik (inimest, logaritmiline skaala)",
    },
    "coop.bench.own": {"en": "TwinReg", "fi": "TwinReg", "et": "TwinReg"},
    "coop.bench.source": {
        "en": "Source: TwinReg benchmark of cross-border regions (sources per region in the table)",
        "fi": "Lähde: TwinRegin raja-alueiden vertailu (lähteet alueittain taulukossa)",
        "et": "Allikas: TwinRegi piiriüleste piirkondade võrdlus (allikad piirkonniti tabelis)",
    },
    "coop.bench.missing": {
        "en": "Not in the chart (no population figure): {names}.",
        "fi": "Ei kaaviossa (väkiluku puuttuu): {names}.",
        "et": "Diagrammil puudub (rahvaarv teadmata): {names}.",
    },
    "coop.bench.col.name": {"en": "Region or body", "fi": "Alue tai elin", "et": "Piirkond või organ"},
    "coop.bench.col.countries": {"en": "Countries", "fi": "Maat", "et": "Riigid"},
    "coop.bench.col.legal_form": {"en": "Legal form", "fi": "Oikeudellinen muoto", "et": "Õiguslik vorm"},
    "coop.bench.col.founded": {"en": "Founded", "fi": "Perustettu", "et": "Asutatud"},
    "coop.bench.col.population": {"en": "Population", "fi": "Väestö", "et": "Rahvastik"},
    "coop.bench.col.area_km2": {"en": "Area (km²)", "fi": "Pinta-ala (km²)", "et": "Pindala (km²)"},
    "coop.bench.col.funding_model": {"en": "Funding model", "fi": "Rahoitusmalli", "et": "Rahastamismudel"},
    "coop.bench.col.bodies": {"en": "Bodies", "fi": "Toimielimet", "et": "Organid"},
    "coop.bench.col.lessons": {
        "en": "Lessons for TwinReg",
        "fi": "Opit TwinRegille",
        "et": "Õppetunnid TwinRegile",
    },
    "coop.bench.col.source": {"en": "Source", "fi": "Lähde", "et": "Allikas"},
    "coop.bench.texts_language": {
        "en": "Funding, bodies and lessons are recorded in English.",
        "fi": "Rahoitus, toimielimet ja opit on kirjattu englanniksi.",
        "et": "Rahastus, organid ja õppetunnid on kirja pandud inglise keeles.",
    },
    "coop.legal_form.EGTC": {"en": "EGTC", "fi": "EAYY", "et": "ETKR"},
    "coop.legal_form.association": {"en": "Association", "fi": "Yhdistys", "et": "Ühing"},
    "coop.legal_form.committee": {"en": "Committee", "fi": "Komitea", "et": "Komitee"},
    "coop.legal_form.foundation": {"en": "Foundation", "fi": "Säätiö", "et": "Sihtasutus"},
    "coop.legal_form.twin_city_body": {
        "en": "Twin-city body",
        "fi": "Kaksoiskaupunkielin",
        "et": "Kaksiklinna organ",
    },
    "coop.legal_form.agreement": {"en": "Agreement", "fi": "Sopimus", "et": "Leping"},
    "coop.legal_form_note": {
        "en": "EGTC: European grouping of territorial cooperation (Regulation (EC) No 1082/2006).",
        "fi": "EAYY: eurooppalainen alueellisen yhteistyön yhtymä (asetus (EY) N:o 1082/2006).",
        "et": "ETKR: Euroopa territoriaalse koostöö rühmitus (määrus (EÜ) nr 1082/2006).",
    },
}
