"""Services page: the cross-border public services catalogue."""

MESSAGES: dict[str, dict[str, str]] = {
    "services.title": {
        "en": "Cross-border public services",
        "fi": "Rajat ylittävät julkiset palvelut",
        "et": "Piiriülesed avalikud teenused",
    },
    "services.intro": {
        "en": "Which public services people can use across the Gulf of Finland, through which channel and in which "
        "languages, who provides them on each side, and which bottlenecks they are linked to.",
        "fi": "Mitä julkisia palveluja Suomenlahden yli voi käyttää, missä kanavassa ja millä kielillä, kuka ne "
        "tarjoaa kummallakin puolella ja mihin pullonkauloihin ne liittyvät.",
        "et": "Milliseid avalikke teenuseid saab kasutada üle Soome lahe, millise kanali kaudu ja millistes "
        "keeltes, kes neid kummalgi pool pakub ja milliste kitsaskohtadega need on seotud.",
    },
    "services.scope": {
        "en": "The domains chosen in the sidebar narrow the catalogue. Side of the border and period do not: every "
        "service is assessed across the border as it stands today.",
        "fi": "Sivupalkissa valitut teema-alueet rajaavat luetteloa. Rajan puoli ja ajanjakso eivät rajaa: jokainen "
        "palvelu on arvioitu rajan yli sellaisena kuin se on nyt.",
        "et": "Külgribal valitud valdkonnad kitsendavad kataloogi. Piiri pool ja periood seda ei tee: iga teenust "
        "on hinnatud üle piiri selle praeguses seisus.",
    },
    "services.filter.availability": {
        "en": "Availability across the border",
        "fi": "Käytettävyys rajan yli",
        "et": "Kättesaadavus üle piiri",
    },
    "services.filter.availability_all": {
        "en": "Any availability",
        "fi": "Mikä tahansa käytettävyys",
        "et": "Mis tahes kättesaadavus",
    },
    "services.filter.channel": {"en": "Channel", "fi": "Asiointikanava", "et": "Kanal"},
    "services.filter.channel_all": {"en": "Any channel", "fi": "Mikä tahansa kanava", "et": "Mis tahes kanal"},
    "services.filter.channel_help": {
        "en": "Services offered both digitally and in person match either channel.",
        "fi": "Sekä verkossa että paikan päällä tarjotut palvelut sisältyvät kumpaankin kanavaan.",
        "et": "Nii digitaalselt kui ka kohapeal pakutavad teenused sobivad mõlema kanaliga.",
    },
    "services.filter.search": {"en": "Search", "fi": "Haku", "et": "Otsing"},
    "services.filter.search_placeholder": {
        "en": "Service, provider or code, e.g. Kela",
        "fi": "Palvelu, palveluntarjoaja tai koodi, esim. Kela",
        "et": "Teenus, teenusepakkuja või kood, nt Kela",
    },
    "services.shown": {
        "en": "{count} services shown",
        "fi": "{count} palvelua näytetään",
        "et": "Näidatakse {count} teenust",
    },
    "services.empty_db": {
        "en": "The services catalogue is empty. An official can import the `services` sheet of the template on the "
        "Data page, or load the demo data with `python -m twinreg_data init --demo`.",
        "fi": "Palveluluettelo on tyhjä. Ylläpitäjä voi tuoda pohjan `services`-välilehden Tiedot-sivulla tai "
        "ladata esimerkkiaineiston komennolla `python -m twinreg_data init --demo`.",
        "et": "Teenuste kataloog on tühi. Ametnik saab importida malli lehe `services` andmete lehel või laadida "
        "näidisandmed käsuga `python -m twinreg_data init --demo`.",
    },
    "services.empty_filtered": {
        "en": "No service matches these choices. Clear the search, pick more availability levels or another "
        "channel, or widen the domains in the sidebar.",
        "fi": "Mikään palvelu ei vastaa valintoja. Tyhjennä haku, valitse useampi käytettävyystaso tai toinen "
        "kanava, tai laajenna teema-alueita sivupalkissa.",
        "et": "Ükski teenus ei vasta valikutele. Tühjenda otsing, vali rohkem kättesaadavuse tasemeid või muu "
        "kanal või laienda külgribal valdkondi.",
    },
    "services.chart.title": {
        "en": "Services by domain and availability across the border",
        "fi": "Palvelut teema-alueittain ja käytettävyys rajan yli",
        "et": "Teenused valdkonniti ja kättesaadavus üle piiri",
    },
    "services.chart.axis": {
        "en": "Number of services",
        "fi": "Palvelujen lukumäärä",
        "et": "Teenuste arv",
    },
    "services.source": {
        "en": "Source: TwinReg cross-border services catalogue (availability as assessed by the partners)",
        "fi": "Lähde: TwinRegin rajat ylittävien palvelujen luettelo (käytettävyys kumppanien arvioimana)",
        "et": "Allikas: TwinRegi piiriüleste teenuste kataloog (kättesaadavus partnerite hinnangul)",
    },
    "services.table.title": {"en": "Catalogue", "fi": "Luettelo", "et": "Kataloog"},
    "services.col.code": {"en": "Code", "fi": "Koodi", "et": "Kood"},
    "services.col.name": {"en": "Service", "fi": "Palvelu", "et": "Teenus"},
    "services.col.domain": {"en": "Domain", "fi": "Teema-alue", "et": "Valdkond"},
    "services.col.availability": {
        "en": "Availability across the border",
        "fi": "Käytettävyys rajan yli",
        "et": "Kättesaadavus üle piiri",
    },
    "services.col.channel": {"en": "Channel", "fi": "Kanava", "et": "Kanal"},
    "services.col.languages": {"en": "Languages", "fi": "Kielet", "et": "Keeled"},
    "services.col.provider_fi": {
        "en": "Provider in Finland",
        "fi": "Palveluntarjoaja Suomessa",
        "et": "Teenusepakkuja Soomes",
    },
    "services.col.provider_ee": {
        "en": "Provider in Estonia",
        "fi": "Palveluntarjoaja Virossa",
        "et": "Teenusepakkuja Eestis",
    },
    "services.col.bottlenecks": {
        "en": "Linked bottlenecks (current status)",
        "fi": "Liittyvät pullonkaulat (nykyinen tila)",
        "et": "Seotud kitsaskohad (praegune olek)",
    },
    "services.col.url": {"en": "Web address", "fi": "Verkko-osoite", "et": "Veebiaadress"},
    "services.col.services": {"en": "Services", "fi": "Palveluja", "et": "Teenuseid"},
    "services.availability.available": {"en": "Available", "fi": "Käytettävissä", "et": "Kättesaadav"},
    "services.availability.partial": {
        "en": "Partly available",
        "fi": "Osittain käytettävissä",
        "et": "Osaliselt kättesaadav",
    },
    "services.availability.unavailable": {"en": "Not available", "fi": "Ei käytettävissä", "et": "Pole kättesaadav"},
    "services.availability.planned": {"en": "Planned", "fi": "Suunnitteilla", "et": "Kavandatud"},
    "services.channel.digital": {"en": "Digital", "fi": "Verkossa", "et": "Digitaalne"},
    "services.channel.in_person": {"en": "In person", "fi": "Paikan päällä", "et": "Kohapeal"},
    "services.channel.both": {
        "en": "Digital and in person",
        "fi": "Verkossa ja paikan päällä",
        "et": "Digitaalne ja kohapeal",
    },
    "services.download_chart": {
        "en": "Data of the chart",
        "fi": "Kaavion tiedot",
        "et": "Diagrammi andmed",
    },
}
