"""What the importer expected in a faulty cell (validation report, annotated workbook).

Keys are ``expected.<rule>.<variant>``: the second part is the problem's rule (see ``rule.*`` in data.py), so
every rule has its templates. The English text is also the report's ``expected`` field (CLI, JSON output).
Placeholders are filled by ``validation.expected_text``: numbers in the reader's format, help texts and
units in the reader's language, codes and column names as they are written in the workbook.
"""

_EXPECTED = {
    "required.value": ("a value", "arvo", "väärtus"),
    "required.help": ("a value ({help})", "arvo ({help})", "väärtus ({help})"),
    "not_a_number.number": ("a number (decimal point or comma)", "luku (desimaalierottimena piste tai pilkku)",
                            "arv (kümnenderaldajaks punkt või koma)"),
    "not_a_number.whole": ("a whole number", "kokonaisluku", "täisarv"),
    "not_whole.whole": ("a whole number", "kokonaisluku", "täisarv"),
    "out_of_range.whole_max": ("a whole number of at most {max}", "kokonaisluku, joka on enintään {max}",
                               "täisarv, mis ei ole suurem kui {max}"),
    "out_of_range.at_least": ("a value at least {low}", "arvo, joka on vähintään {low}",
                              "väärtus, mis on vähemalt {low}"),
    "out_of_range.at_most": ("a value at most {high}", "arvo, joka on enintään {high}",
                             "väärtus, mis ei ole suurem kui {high}"),
    "out_of_range.between": ("a value between {low} and {high}", "arvo, joka on vähintään {low} ja enintään {high}",
                             "väärtus vahemikus {low} kuni {high}"),
    "bad_date.date": ("a date such as 2024-03-31 (between {min} and {max})",
                      "päivämäärä, esim. 2024-03-31 tai 31.3.2024 (aikaväliltä {min} – {max})",
                      "kuupäev, nt 2024-03-31 või 31.3.2024 (vahemikus {min} kuni {max})"),
    "bad_date.serial_60": ("a real date: Excel serial 60 is the non-existent 29 February 1900",
                           "todellinen päivämäärä: Excelin päivänumero 60 on olematon 29.2.1900",
                           "tegelik kuupäev: Exceli kuupäevanumber 60 on olematu 29.02.1900"),
    "bad_date.calendar": ("a date that exists in the calendar", "kalenterista löytyvä päivämäärä",
                          "kalendris olemas olev kuupäev"),
    "bad_text.control": ("text without control characters or hidden direction marks",
                         "teksti ilman ohjausmerkkejä tai näkymättömiä kirjoitussuunnan merkkejä",
                         "tekst ilma juhtmärkide ja nähtamatute kirjasuuna märkideta"),
    "bad_text.length": ("at most {max} characters (found {found})", "enintään {max} merkkiä (nyt {found})",
                        "kuni {max} tähemärki (praegu {found})"),
    "bad_text.help": ("{help}", "{help}", "{help}"),
    "bad_text.pattern": ("text matching {pattern}", "teksti, joka vastaa mallia {pattern}",
                         "tekst, mis vastab mustrile {pattern}"),
    "bad_choice.one_of": ("one of: {choices}", "jokin näistä: {choices}", "üks järgmistest: {choices}"),
    "bad_period.period": ("a period such as 2019, 2019-Q3 or 2019-07 (years 1900–2100)",
                          "ajanjakso, esim. 2019, 2019-Q3 tai 2019-07 (vuodet 1900–2100)",
                          "periood, nt 2019, 2019-Q3 või 2019-07 (aastad 1900–2100)"),
    "period_frequency.annual": ("an annual period such as {example} (indicator {indicator})",
                                "vuosi, esim. {example} (indikaattori {indicator})",
                                "aasta, nt {example} (näitaja {indicator})"),
    "period_frequency.quarterly": ("a quarterly period such as {example} (indicator {indicator})",
                                   "vuosineljännes, esim. {example} (indikaattori {indicator})",
                                   "kvartal, nt {example} (näitaja {indicator})"),
    "period_frequency.monthly": ("a monthly period such as {example} (indicator {indicator})",
                                 "kuukausi, esim. {example} (indikaattori {indicator})",
                                 "kuu, nt {example} (näitaja {indicator})"),
    "period_frequency.other": ("a {frequency} period such as {example} (indicator {indicator})",
                               "ajanjakso, jonka tiheys on {frequency}, esim. {example} (indikaattori {indicator})",
                               "periood sagedusega {frequency}, nt {example} (näitaja {indicator})"),
    "unknown_code.code": (
        "a code that exists in {table} (in the database or in this workbook); unknown: {unknown}",
        "koodi, joka löytyy taulusta {table} (tietokannasta tai tästä työkirjasta); tuntematon: {unknown}",
        "kood, mis on olemas tabelis {table} (andmebaasis või selles töövihikus); tundmatu: {unknown}",
    ),
    "unknown_code.hint": (
        "a code that exists in {table} (in the database or in this workbook); unknown: {unknown} "
        "(did you mean {suggestion}?)",
        "koodi, joka löytyy taulusta {table} (tietokannasta tai tästä työkirjasta); tuntematon: {unknown} "
        "(tarkoititko {suggestion}?)",
        "kood, mis on olemas tabelis {table} (andmebaasis või selles töövihikus); tundmatu: {unknown} "
        "(kas mõtlesid {suggestion}?)",
    ),
    "duplicate.row": ("each {key_columns} once in the file; row {row} has the same key",
                      "kukin avain ({key_columns}) vain kerran tiedostossa; rivillä {row} on sama avain",
                      "iga võti ({key_columns}) failis vaid üks kord; real {row} on sama võti"),
    "duplicate.cell": ("each {key_columns} once in the file; {cell} has the same key",
                       "kukin avain ({key_columns}) vain kerran tiedostossa; solussa {cell} on sama avain",
                       "iga võti ({key_columns}) failis vaid üks kord; lahtris {cell} on sama võti"),
    "duplicate.period_column": (
        "each period column once (two header cells name the same period)",
        "kukin ajanjaksosarake vain kerran (kaksi otsikkosolua nimeää saman ajanjakson)",
        "iga perioodi veerg vaid üks kord (kaks päiselahtrit nimetavad sama perioodi)",
    ),
    "negative_count.count": ("a count of {unit} that is not negative", "lukumäärä ({unit}), joka ei ole negatiivinen",
                             "arv ({unit}), mis ei ole negatiivne"),
    "band_order.low": ("a lower bound not above the value", "alaraja, joka ei ole arvoa suurempi",
                       "alampiir, mis ei ole väärtusest suurem"),
    "band_order.high": ("an upper bound not below the value", "yläraja, joka ei ole arvoa pienempi",
                        "ülempiir, mis ei ole väärtusest väiksem"),
    "order.date": ("{high} not before {low}", "{high}-päivä, joka ei ole ennen {low}-päivää",
                   "{high} kuupäev, mis ei ole varasem kui {low}"),
    "order.number": ("{high} not below {low}", "{high}-arvo, joka ei ole pienempi kuin {low}",
                     "{high} väärtus, mis ei ole väiksem kui {low}"),
    "same_area.destination": ("a destination different from the origin", "kohdealue, joka on eri kuin lähtöalue",
                              "sihtpiirkond, mis erineb lähtepiirkonnast"),
    "self_parent.parent": ("a parent area other than the area itself", "ylempi alue, joka on eri kuin alue itse",
                           "ülempiirkond, mis ei ole piirkond ise"),
    "outlier.history": (
        "a value near this indicator's history ({low} … {high}); check the unit and decimal separator",
        "arvo lähellä indikaattorin aiempia arvoja ({low} … {high}); tarkista yksikkö ja desimaalierotin",
        "väärtus selle näitaja varasemate väärtuste lähedal ({low} … {high}); kontrolli ühikut ja kümnenderaldajat",
    ),
    "unknown_column.columns": ("one of the columns of {table}: {columns} (this column is ignored)",
                               "jokin taulun {table} sarakkeista: {columns} (tämä sarake ohitetaan)",
                               "üks tabeli {table} veergudest: {columns} (seda veergu eiratakse)"),
    "missing_column.column": ("a column named '{name}' in the header row (row {row})",
                              "sarake nimeltä '{name}' otsikkorivillä (rivi {row})",
                              "veerg nimega '{name}' päisereal (rida {row})"),
    "duplicate_column.once": ("each column name once", "kukin sarakkeen nimi vain kerran",
                              "iga veeru nimi vaid üks kord"),
    "mixed_layout.layout": (
        "either period and value columns (long layout) or one column per period (wide layout), not both",
        "joko sarakkeet period ja value (pitkä muoto) tai yksi sarake kutakin ajanjaksoa kohden (leveä muoto), "
        "ei molempia",
        "kas veerud period ja value (pikk kuju) või üks veerg iga perioodi kohta (lai kuju), mitte mõlemat",
    ),
    "formula_without_value.value": (
        "a value: this cell holds a formula that was never calculated. Open the file in Excel and save it so the "
        "result is stored (formulas are never evaluated here)",
        "arvo: solussa on kaava, jota ei ole koskaan laskettu. Avaa tiedosto Excelissä ja tallenna se, jotta "
        "tulos tallentuu (kaavoja ei lasketa täällä)",
        "väärtus: selles lahtris on valem, mida pole kunagi arvutatud. Ava fail Excelis ja salvesta see, et "
        "tulemus salvestuks (valemeid siin ei arvutata)",
    ),
    "unknown_sheet.sheets": ("a sheet named after a table: {tables}",
                             "välilehti, joka on nimetty jonkin taulun mukaan: {tables}",
                             "leht, mis on nimetatud mõne tabeli järgi: {tables}"),
    "hidden_sheet.visible": (
        "a visible sheet (this hidden sheet is imported too; unhide it so reviewers see it)",
        "näkyvä välilehti (myös tämä piilotettu välilehti tuodaan; tuo se näkyviin, jotta tarkastajat näkevät sen)",
        "nähtav leht (ka see peidetud leht imporditakse; too see nähtavale, et ülevaatajad seda näeksid)",
    ),
    "empty_sheet.header": ("a header row with the column names", "otsikkorivi, jossa on sarakkeiden nimet",
                           "päiserida veergude nimedega"),
    "unnamed_column.name": (
        "a column name in the header row (this column has values but no name; it is ignored)",
        "sarakkeen nimi otsikkorivillä (tässä sarakkeessa on arvoja mutta ei nimeä; se ohitetaan)",
        "veeru nimi päisereal (selles veerus on väärtusi, kuid pole nime; seda eiratakse)",
    ),
    "unknown_table.csv": (
        "a CSV holding one table: name the file after the table (e.g. observations.csv) or use that table's "
        "column names",
        "CSV-tiedosto, jossa on yksi taulu: nimeä tiedosto taulun mukaan (esim. observations.csv) tai käytä "
        "taulun sarakenimiä",
        "CSV-fail ühe tabeliga: nimeta fail tabeli järgi (nt observations.csv) või kasuta selle tabeli "
        "veergude nimesid",
    ),
    "no_data.rows": (
        "data rows in at least one sheet named after a table ({tables}); this file has none",
        "tietorivejä vähintään yhdellä välilehdellä, joka on nimetty taulun mukaan ({tables}); tässä tiedostossa "
        "niitä ei ole",
        "andmeridu vähemalt ühel lehel, mis on nimetatud tabeli järgi ({tables}); selles failis neid pole",
    ),
}

# Units whose values are counts (validation.COUNT_UNITS), as the negative-count template names them.
_COUNT_UNITS = {
    "persons": ("persons", "henkilöt", "inimesed"),
    "passengers": ("passengers", "matkustajat", "reisijad"),
    "commuters": ("commuters", "pendelöijät", "pendeldajad"),
    "vehicles": ("vehicles", "ajoneuvot", "sõidukid"),
    "students": ("students", "opiskelijat", "üliõpilased"),
    "count": ("items", "kpl", "tk"),
    "services": ("services", "palvelut", "teenused"),
    "prescriptions": ("prescriptions", "reseptit", "retseptid"),
    "flights": ("flights", "lennot", "lennud"),
}

MESSAGES: dict[str, dict[str, str]] = {
    **{f"expected.{k}": {"en": en, "fi": fi, "et": et} for k, (en, fi, et) in _EXPECTED.items()},
    **{f"validation.unit.{k}": {"en": en, "fi": fi, "et": et} for k, (en, fi, et) in _COUNT_UNITS.items()},
    # One comment line per problem in the annotated workbook; severity in capitals, problem = rule name.
    "validation.note": {"en": "{severity} ({problem}). Expected: {expected}",
                        "fi": "{severity} ({problem}). Odotettu: {expected}",
                        "et": "{severity} ({problem}). Oodatud: {expected}"},
}
