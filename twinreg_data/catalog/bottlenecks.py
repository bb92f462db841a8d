"""Bottlenecks page: register, filters, priority matrix and detail view."""

MESSAGES: dict[str, dict[str, str]] = {
    # -- page and empty states --------------------------------------------------------------------------
    "bottlenecks.intro": {
        "en": "Search and filter the register. Select a row or a point in the priority matrix to open a bottleneck.",
        "fi": "Hae ja suodata rekisteriä. Avaa pullonkaula valitsemalla rivi tai piste prioriteettimatriisista.",
        "et": "Otsi ja filtreeri registrit. Kitsaskoha avamiseks vali rida või punkt prioriteetide maatriksis.",
    },
    "bottlenecks.period_note": {
        "en": "Period {start}–{end}: bottlenecks identified by the end of {end} and not closed before {start}. "
        "Status is the current one; ages are counted to today.",
        "fi": "Ajanjakso {start}–{end}: pullonkaulat, jotka on tunnistettu viimeistään vuonna {end} ja joita ei ole "
        "suljettu ennen vuotta {start}. Tila on nykyinen; iät lasketaan tähän päivään.",
        "et": "Periood {start}–{end}: kitsaskohad, mis on tuvastatud hiljemalt {end}. aastal ja mida ei ole suletud "
        "enne {start}. aastat. Olek on praegune; vanus arvutatakse tänase päevani.",
    },
    "bottlenecks.empty_db": {
        "en": "The bottleneck register is empty. An official can import the demo workbooks with "
        "`python -m twinreg_data init --demo`, or upload a filled template on the Data page.",
        "fi": "Pullonkaularekisteri on tyhjä. Ylläpitäjä voi tuoda esimerkkiaineiston komennolla "
        "`python -m twinreg_data init --demo` tai ladata täytetyn pohjan Tiedot-sivulla.",
        "et": "Kitsaskohtade register on tühi. Ametnik saab näidisandmed importida käsuga "
        "`python -m twinreg_data init --demo` või laadida andmete lehel üles täidetud malli.",
    },
    "bottlenecks.empty_filtered": {
        "en": "No bottleneck matches the search and filters. Clear the search, widen the filters above, or widen "
        "the domains, side or period in the sidebar.",
        "fi": "Yksikään pullonkaula ei vastaa hakua ja suodattimia. Tyhjennä haku, laajenna yllä olevia "
        "suodattimia tai laajenna teema-alueita, rajan puolta tai ajanjaksoa sivupalkissa.",
        "et": "Otsingule ja filtritele ei vasta ükski kitsaskoht. Tühjenda otsing, laienda ülal olevaid filtreid "
        "või laienda külgribal valdkondi, piiri poolt või perioodi.",
    },
    "bottlenecks.count": {
        "en": "{shown} of {total} bottlenecks",
        "fi": "{shown}/{total} pullonkaulaa",
        "et": "{shown} kitsaskohta {total}-st",
    },
    # -- page-local filters -----------------------------------------------------------------------------
    "bottlenecks.filter.search": {"en": "Search", "fi": "Hae", "et": "Otsi"},
    "bottlenecks.filter.search_placeholder": {
        "en": "Code, title or description",
        "fi": "Koodi, otsikko tai kuvaus",
        "et": "Kood, pealkiri või kirjeldus",
    },
    "bottlenecks.filter.search_help": {
        "en": "Finds text in the code, title and description in the chosen language (English where no "
        "translation exists). Not case-sensitive.",
        "fi": "Etsii tekstiä koodista, otsikosta ja kuvauksesta valitulla kielellä (englanniksi, jos käännöstä ei "
        "ole). Isoilla ja pienillä kirjaimilla ei ole väliä.",
        "et": "Otsib teksti koodist, pealkirjast ja kirjeldusest valitud keeles (inglise keeles, kui tõlget pole). "
        "Suur- ja väiketähtedel pole vahet.",
    },
    "bottlenecks.filter.status": {"en": "Status", "fi": "Tila", "et": "Olek"},
    "bottlenecks.filter.status_all": {"en": "All statuses", "fi": "Kaikki tilat", "et": "Kõik olekud"},
    "bottlenecks.filter.severity": {
        "en": "Severity (1 minor – 5 blocking)",
        "fi": "Vakavuus (1 vähäinen – 5 estävä)",
        "et": "Raskusaste (1 väike – 5 takistav)",
    },
    "bottlenecks.filter.owner": {"en": "Owner", "fi": "Vastuutaho", "et": "Vastutaja"},
    "bottlenecks.filter.owner_placeholder": {
        "en": "Finnish or Estonian owner",
        "fi": "Suomen tai Viron vastuutaho",
        "et": "Soome või Eesti vastutaja",
    },
    "bottlenecks.filter.min_age": {
        "en": "Open for at least (years)",
        "fi": "Avoinna vähintään (vuotta)",
        "et": "Avatud vähemalt (aastat)",
    },
    "bottlenecks.filter.min_age_help": {
        "en": "Age of an open bottleneck: time since it was identified. For a closed one: how long it was open.",
        "fi": "Avoimen pullonkaulan ikä: aika tunnistamisesta. Suljetun: kuinka kauan se oli avoinna.",
        "et": "Avatud kitsaskoha vanus: aeg tuvastamisest. Suletud kitsaskohal: kui kaua see oli avatud.",
    },
    # -- tabs and table columns -------------------------------------------------------------------------
    "bottlenecks.tab.register": {"en": "Register", "fi": "Rekisteri", "et": "Register"},
    "bottlenecks.tab.matrix": {"en": "Priority matrix", "fi": "Prioriteettimatriisi", "et": "Prioriteetide maatriks"},
    "bottlenecks.register.title": {"en": "Bottleneck register", "fi": "Pullonkaularekisteri",
                                   "et": "Kitsaskohtade register"},
    "bottlenecks.register.hint": {
        "en": "Select a row to open the bottleneck below. Source: TwinReg bottleneck register.",
        "fi": "Valitse rivi avataksesi pullonkaulan alla. Lähde: TwinReg-pullonkaularekisteri.",
        "et": "Vali rida, et avada kitsaskoht allpool. Allikas: TwinRegi kitsaskohtade register.",
    },
    "bottlenecks.col.code": {"en": "Code", "fi": "Koodi", "et": "Kood"},
    "bottlenecks.col.title": {"en": "Title", "fi": "Otsikko", "et": "Pealkiri"},
    "bottlenecks.col.name": {"en": "Name", "fi": "Nimi", "et": "Nimi"},
    "bottlenecks.col.domain": {"en": "Domain", "fi": "Teema-alue", "et": "Valdkond"},
    "bottlenecks.col.status": {"en": "Status", "fi": "Tila", "et": "Olek"},
    "bottlenecks.col.severity": {"en": "Severity", "fi": "Vakavuus", "et": "Raskusaste"},
    "bottlenecks.col.side": {"en": "Side", "fi": "Puoli", "et": "Pool"},
    "bottlenecks.col.owner_fi": {"en": "Owner in Finland", "fi": "Vastuutaho Suomessa", "et": "Vastutaja Soomes"},
    "bottlenecks.col.owner_ee": {"en": "Owner in Estonia", "fi": "Vastuutaho Virossa", "et": "Vastutaja Eestis"},
    "bottlenecks.col.age_years": {"en": "Age (years)", "fi": "Ikä (vuotta)", "et": "Vanus (aastat)"},
    "bottlenecks.col.age_days": {"en": "Age (days)", "fi": "Ikä (päivää)", "et": "Vanus (päeva)"},
    "bottlenecks.col.days_since_event": {
        "en": "Days since last event",
        "fi": "Päiviä edellisestä tapahtumasta",
        "et": "Päevi viimasest sündmusest",
    },
    "bottlenecks.col.stalled": {"en": "Stalled", "fi": "Jumissa", "et": "Seisak"},
    "bottlenecks.col.stalled_help": {
        "en": "Open and no event for more than {days} days.",
        "fi": "Avoinna, eikä tapahtumia yli {days} päivään.",
        "et": "Avatud ja sündmusteta üle {days} päeva.",
    },
    "bottlenecks.col.people_low": {
        "en": "People affected, low estimate",
        "fi": "Vaikutuksen kohteena, alaraja",
        "et": "Mõjutatud inimesi, alampiir",
    },
    "bottlenecks.col.people_high": {
        "en": "People affected, high estimate",
        "fi": "Vaikutuksen kohteena, yläraja",
        "et": "Mõjutatud inimesi, ülempiir",
    },
    "bottlenecks.col.who": {"en": "Who", "fi": "Kuka", "et": "Kes"},
    "bottlenecks.col.note": {"en": "Note", "fi": "Huomautus", "et": "Märkus"},
    "bottlenecks.col.unit": {"en": "Unit", "fi": "Yksikkö", "et": "Ühik"},
    "bottlenecks.col.availability": {
        "en": "Across the border",
        "fi": "Rajan yli",
        "et": "Üle piiri",
    },
    "bottlenecks.col.channel": {"en": "Channel", "fi": "Kanava", "et": "Kanal"},
    "bottlenecks.col.due": {"en": "Due", "fi": "Määräpäivä", "et": "Tähtaeg"},
    "bottlenecks.col.lead": {"en": "Lead", "fi": "Vastuuorganisaatio", "et": "Juhtiv organisatsioon"},
    # -- priority matrix --------------------------------------------------------------------------------
    "bottlenecks.matrix.title": {
        "en": "Priority matrix: severity × people affected",
        "fi": "Prioriteettimatriisi: vakavuus × vaikutuksen kohteena olevat ihmiset",
        "et": "Prioriteetide maatriks: raskusaste × mõjutatud inimesed",
    },
    "bottlenecks.matrix.subtitle": {
        "en": "Marker size: age of the bottleneck · open circles: no people estimate",
        "fi": "Pisteen koko: pullonkaulan ikä · avoin ympyrä: ei henkilöarviota",
        "et": "Markeri suurus: kitsaskoha vanus · tühi ring: inimeste hinnang puudub",
    },
    "bottlenecks.matrix.x": {
        "en": "Severity (1 = minor, 5 = blocking)",
        "fi": "Vakavuus (1 = vähäinen, 5 = estävä)",
        "et": "Raskusaste (1 = väike, 5 = takistav)",
    },
    "bottlenecks.matrix.y": {
        "en": "People affected, high estimate (persons, log scale)",
        "fi": "Vaikutuksen kohteena, yläraja (henkilöä, log-asteikko)",
        "et": "Mõjutatud inimesi, ülempiir (inimest, log-skaala)",
    },
    "bottlenecks.matrix.unknown": {
        "en": "People affected unknown",
        "fi": "Vaikutuksen kohteena olevien määrä tuntematon",
        "et": "Mõjutatud inimeste arv teadmata",
    },
    "bottlenecks.matrix.unknown_short": {"en": "unknown", "fi": "tuntematon", "et": "teadmata"},
    "bottlenecks.matrix.hover_people": {"en": "People affected", "fi": "Vaikutuksen kohteena",
                                        "et": "Mõjutatud inimesi"},
    "bottlenecks.matrix.hint": {
        "en": "Click a point to open that bottleneck below. The same bottlenecks as in the register.",
        "fi": "Napsauta pistettä avataksesi pullonkaulan alla. Samat pullonkaulat kuin rekisterissä.",
        "et": "Klõpsa punktil, et avada kitsaskoht allpool. Samad kitsaskohad mis registris.",
    },
    # -- detail view ------------------------------------------------------------------------------------
    "bottlenecks.detail.header": {"en": "Bottleneck details", "fi": "Pullonkaulan tiedot",
                                  "et": "Kitsaskoha andmed"},
    "bottlenecks.detail.pick": {"en": "Open a bottleneck", "fi": "Avaa pullonkaula", "et": "Ava kitsaskoht"},
    "bottlenecks.detail.pick_placeholder": {"en": "Choose a code", "fi": "Valitse koodi", "et": "Vali kood"},
    "bottlenecks.detail.none": {
        "en": "Select a row in the register, a point in the priority matrix, or a code here to see a bottleneck's "
        "description, owners, status history and links.",
        "fi": "Valitse rivi rekisteristä, piste prioriteettimatriisista tai koodi tästä nähdäksesi pullonkaulan "
        "kuvauksen, vastuutahot, tilahistorian ja linkit.",
        "et": "Vali rida registrist, punkt prioriteetide maatriksist või kood siit, et näha kitsaskoha kirjeldust, "
        "vastutajaid, oleku ajalugu ja seoseid.",
    },
    "bottlenecks.detail.description": {"en": "Description", "fi": "Kuvaus", "et": "Kirjeldus"},
    "bottlenecks.detail.no_description": {
        "en": "No description recorded.",
        "fi": "Kuvausta ei ole kirjattu.",
        "et": "Kirjeldust pole sisestatud.",
    },
    "bottlenecks.detail.not_given": {"en": "not given", "fi": "ei ilmoitettu", "et": "märkimata"},
    "bottlenecks.detail.level": {"en": "Level", "fi": "Taso", "et": "Tasand"},
    "bottlenecks.detail.source": {"en": "How it was found", "fi": "Miten tunnistettiin", "et": "Kuidas tuvastati"},
    "bottlenecks.detail.solution_type": {"en": "Solution needed", "fi": "Tarvittava ratkaisu",
                                         "et": "Vajalik lahendus"},
    "bottlenecks.detail.groups": {"en": "Affected groups", "fi": "Kohderyhmät", "et": "Mõjutatud rühmad"},
    "bottlenecks.detail.people": {"en": "People affected", "fi": "Vaikutuksen kohteena", "et": "Mõjutatud inimesi"},
    "bottlenecks.detail.identified_on": {"en": "Identified on", "fi": "Tunnistettu", "et": "Tuvastatud"},
    "bottlenecks.detail.reference": {"en": "Evidence", "fi": "Näyttö", "et": "Tõendid"},
    "bottlenecks.detail.facts": {"en": "Facts", "fi": "Perustiedot", "et": "Põhiandmed"},
    "bottlenecks.detail.age": {"en": "Age", "fi": "Ikä", "et": "Vanus"},
    "bottlenecks.detail.open_for": {
        "en": "Open for",
        "fi": "Avoinna",
        "et": "Avatud",
    },
    "bottlenecks.detail.was_open_for": {
        "en": "Was open for",
        "fi": "Oli avoinna",
        "et": "Oli avatud",
    },
    "bottlenecks.detail.days": {"en": "{days} days", "fi": "{days} päivää", "et": "{days} päeva"},
    "bottlenecks.detail.since_event": {
        "en": "Since the last event",
        "fi": "Edellisestä tapahtumasta",
        "et": "Viimasest sündmusest",
    },
    "bottlenecks.detail.stalled": {
        "en": "Stalled: no event for {days} days (threshold {limit} days).",
        "fi": "Jumissa: ei tapahtumia {days} päivään (raja {limit} päivää).",
        "et": "Seisak: sündmusteta {days} päeva (piir {limit} päeva).",
    },
    "bottlenecks.detail.history": {"en": "Status history", "fi": "Tilahistoria", "et": "Oleku ajalugu"},
    "bottlenecks.detail.indicators": {"en": "Linked indicators", "fi": "Liittyvät indikaattorit",
                                      "et": "Seotud näitajad"},
    "bottlenecks.detail.services": {"en": "Linked services", "fi": "Liittyvät palvelut", "et": "Seotud teenused"},
    "bottlenecks.detail.actions": {"en": "Linked actions", "fi": "Liittyvät toimenpiteet",
                                   "et": "Seotud tegevused"},
    "bottlenecks.detail.no_indicators": {
        "en": "No indicator is linked to this bottleneck.",
        "fi": "Tähän pullonkaulaan ei ole liitetty indikaattoreita.",
        "et": "Selle kitsaskohaga pole seotud ühtegi näitajat.",
    },
    "bottlenecks.detail.no_services": {
        "en": "No service in the catalogue names this bottleneck.",
        "fi": "Yksikään palveluluettelon palvelu ei viittaa tähän pullonkaulaan.",
        "et": "Ükski teenuste kataloogi teenus ei viita sellele kitsaskohale.",
    },
    "bottlenecks.detail.no_actions": {
        "en": "No action of the action plan addresses this bottleneck yet.",
        "fi": "Yksikään toimintasuunnitelman toimenpide ei vielä koske tätä pullonkaulaa.",
        "et": "Ükski tegevuskava tegevus ei käsitle veel seda kitsaskohta.",
    },
    # -- status timeline --------------------------------------------------------------------------------
    "bottlenecks.timeline.title": {
        "en": "Status history of {code}",
        "fi": "Pullonkaulan {code} tilahistoria",
        "et": "Kitsaskoha {code} oleku ajalugu",
    },
    "bottlenecks.timeline.x": {"en": "Date", "fi": "Päivämäärä", "et": "Kuupäev"},
    "bottlenecks.timeline.y": {"en": "Status", "fi": "Tila", "et": "Olek"},
    "bottlenecks.timeline.events": {"en": "Events", "fi": "Tapahtumat", "et": "Sündmused"},
    "bottlenecks.timeline.register_entry": {
        "en": "Register entry (no events recorded yet)",
        "fi": "Rekisterimerkintä (tapahtumia ei vielä kirjattu)",
        "et": "Registrikanne (sündmusi pole veel sisestatud)",
    },
    "bottlenecks.timeline.stalled": {
        "en": "Stalled: {days} days without an event",
        "fi": "Jumissa: {days} päivää ilman tapahtumia",
        "et": "Seisak: {days} päeva ilma sündmusteta",
    },
    "bottlenecks.source": {
        "en": "Source: TwinReg bottleneck register",
        "fi": "Lähde: TwinReg-pullonkaularekisteri",
        "et": "Allikas: TwinRegi kitsaskohtade register",
    },
    "bottlenecks.source_events": {
        "en": "Source: TwinReg bottleneck register, status events",
        "fi": "Lähde: TwinReg-pullonkaularekisteri, tilatapahtumat",
        "et": "Allikas: TwinRegi kitsaskohtade register, oleku sündmused",
    },
    # -- enumerations -----------------------------------------------------------------------------------
    "bottlenecks.level.municipal": {"en": "Municipal", "fi": "Kunnallinen", "et": "Kohalik omavalitsus"},
    "bottlenecks.level.regional": {"en": "Regional", "fi": "Alueellinen", "et": "Piirkondlik"},
    "bottlenecks.level.national": {"en": "National", "fi": "Kansallinen", "et": "Riiklik"},
    "bottlenecks.level.EU": {"en": "EU", "fi": "EU", "et": "EL"},
    "bottlenecks.source.interview": {"en": "Interview", "fi": "Haastattelu", "et": "Intervjuu"},
    "bottlenecks.source.roundtable": {"en": "Roundtable", "fi": "Pyöreän pöydän keskustelu", "et": "Ümarlaud"},
    "bottlenecks.source.survey": {"en": "Survey", "fi": "Kysely", "et": "Küsitlus"},
    "bottlenecks.source.statistics": {"en": "Statistics", "fi": "Tilastot", "et": "Statistika"},
    "bottlenecks.source.report": {"en": "Report", "fi": "Raportti", "et": "Aruanne"},
    "bottlenecks.source.enquiry": {"en": "Enquiry", "fi": "Tiedustelu", "et": "Päring"},
    "bottlenecks.solution.law_change": {"en": "Change of law", "fi": "Lakimuutos", "et": "Seadusemuudatus"},
    "bottlenecks.solution.agreement": {"en": "Agreement", "fi": "Sopimus", "et": "Kokkulepe"},
    "bottlenecks.solution.procedure": {"en": "Procedure", "fi": "Menettelytapa", "et": "Menetlus"},
    "bottlenecks.solution.information": {"en": "Information", "fi": "Tiedottaminen", "et": "Teavitamine"},
    "bottlenecks.solution.digital_interoperability": {
        "en": "Digital interoperability",
        "fi": "Digitaalinen yhteentoimivuus",
        "et": "Digitaalne koostalitlusvõime",
    },
    "bottlenecks.availability.available": {"en": "Available", "fi": "Saatavilla", "et": "Kättesaadav"},
    "bottlenecks.availability.partial": {"en": "Partly", "fi": "Osittain", "et": "Osaliselt"},
    "bottlenecks.availability.unavailable": {"en": "Not available", "fi": "Ei saatavilla",
                                             "et": "Pole kättesaadav"},
    "bottlenecks.availability.planned": {"en": "Planned", "fi": "Suunnitteilla", "et": "Kavandatud"},
    "bottlenecks.channel.digital": {"en": "Digital", "fi": "Digitaalinen", "et": "Digitaalne"},
    "bottlenecks.channel.in_person": {"en": "In person", "fi": "Asiointipiste", "et": "Kohapeal"},
    "bottlenecks.channel.both": {"en": "Digital and in person", "fi": "Digitaalinen ja asiointipiste",
                                 "et": "Digitaalne ja kohapeal"},
    "bottlenecks.action_status.planned": {"en": "Planned", "fi": "Suunniteltu", "et": "Kavandatud"},
    "bottlenecks.action_status.ongoing": {"en": "Ongoing", "fi": "Käynnissä", "et": "Käimas"},
    "bottlenecks.action_status.done": {"en": "Done", "fi": "Valmis", "et": "Tehtud"},
    "bottlenecks.action_status.delayed": {"en": "Delayed", "fi": "Viivästynyt", "et": "Hilinenud"},
    "bottlenecks.action_status.cancelled": {"en": "Cancelled", "fi": "Peruttu", "et": "Tühistatud"},
    "bottlenecks.unit.persons": {"en": "persons", "fi": "henkilöä", "et": "inimest"},
    "bottlenecks.unit.passengers": {"en": "passengers", "fi": "matkustajaa", "et": "reisijat"},
    "bottlenecks.unit.commuters": {"en": "commuters", "fi": "pendelöijää", "et": "pendeldajat"},
    "bottlenecks.unit.vehicles": {"en": "vehicles", "fi": "ajoneuvoa", "et": "sõidukit"},
    "bottlenecks.unit.students": {"en": "students", "fi": "opiskelijaa", "et": "õppijat"},
    "bottlenecks.unit.count": {"en": "count", "fi": "lukumäärä", "et": "arv"},
    "bottlenecks.unit.percent": {"en": "percent", "fi": "prosenttia", "et": "protsenti"},
    "bottlenecks.unit.EUR": {"en": "euros", "fi": "euroa", "et": "eurot"},
    "bottlenecks.unit.days": {"en": "days", "fi": "päivää", "et": "päeva"},
    "bottlenecks.unit.index": {"en": "index", "fi": "indeksi", "et": "indeks"},
    "bottlenecks.unit.services": {"en": "services", "fi": "palvelua", "et": "teenust"},
    "bottlenecks.unit.prescriptions": {"en": "prescriptions", "fi": "reseptiä", "et": "retsepti"},
    "bottlenecks.unit.flights": {"en": "flights", "fi": "lentoa", "et": "lendu"},
}
