"""Global controls, navigation and page titles."""

MESSAGES: dict[str, dict[str, str]] = {
    "control.domains": {"en": "Domains", "fi": "Teema-alueet", "et": "Valdkonnad"},
    "control.domains_all": {"en": "All domains", "fi": "Kaikki teema-alueet", "et": "Kõik valdkonnad"},
    "control.side": {"en": "Side of the border", "fi": "Rajan puoli", "et": "Piiri pool"},
    "control.years": {"en": "Period", "fi": "Ajanjakso", "et": "Periood"},
    "control.link": {"en": "Link to this view", "fi": "Linkki tähän näkymään", "et": "Link sellele vaatele"},
    "control.link_help": {
        "en": "Copy this link to share exactly what you see (language, domains, side, period).",
        "fi": "Kopioi linkki jakaaksesi täsmälleen tämän näkymän (kieli, teema-alueet, puoli, ajanjakso).",
        "et": "Kopeeri see link, et jagada täpselt seda vaadet (keel, valdkonnad, pool, periood).",
    },
    "control.ignored": {
        "en": "Ignored invalid link parameter(s): {params}",
        "fi": "Linkin virheelliset parametrit ohitettiin: {params}",
        "et": "Lingi vigased parameetrid jäeti vahele: {params}",
    },
    "side.both": {"en": "Both", "fi": "Molemmat", "et": "Mõlemad"},
    "side.FI": {"en": "Finland", "fi": "Suomi", "et": "Soome"},
    "side.EE": {"en": "Estonia", "fi": "Viro", "et": "Eesti"},
    "page.bottlenecks": {"en": "Bottlenecks", "fi": "Pullonkaulat", "et": "Kitsaskohad"},
    "page.indicators": {"en": "Indicators", "fi": "Indikaattorit", "et": "Näitajad"},
    "page.mobility": {"en": "Mobility", "fi": "Liikkuvuus", "et": "Liikuvus"},
    "page.services": {"en": "Services", "fi": "Palvelut", "et": "Teenused"},
    "page.cooperation": {"en": "Cooperation", "fi": "Yhteistyö", "et": "Koostöö"},
}
