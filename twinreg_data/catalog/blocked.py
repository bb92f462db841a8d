"""Why an import or a rollback cannot go ahead (twinreg_data.ingest.ImportBlocked).

{id} is an import number, {later} a list of them ("#4, #5"); {reference} names a sheet column and the sheet its
codes come from, as in the spreadsheet template.
"""

MESSAGES = {
    "blocked.not_checked": {
        "en": "{name} cannot be applied: {reason}",
        "fi": "Tiedostoa {name} ei voi tuoda: {reason}",
        "et": "Faili {name} ei saa importida: {reason}",
    },
    "blocked.no_import": {
        "en": "There is no import #{id}.",
        "fi": "Tuontia #{id} ei ole.",
        "et": "Importi #{id} ei ole.",
    },
    "blocked.already_rolled_back": {
        "en": "Import #{id} ({file}) was already rolled back.",
        "fi": "Tuonti #{id} ({file}) on jo peruttu.",
        "et": "Import #{id} ({file}) on juba tagasi võetud.",
    },
    "blocked.later_imports": {
        "en": "Import #{id} cannot be rolled back: later import(s) {later} changed rows it wrote. Roll back {later} "
              "first (newest first).",
        "fi": "Tuontia #{id} ei voi perua: myöhemmät tuonnit {later} muuttivat sen kirjoittamia rivejä. Peru ensin "
              "{later} (uusin ensin).",
        "et": "Importi #{id} ei saa tagasi võtta: hilisemad impordid {later} muutsid selle kirjutatud ridu. Võta "
              "esmalt tagasi {later} (uusim enne).",
    },
    "blocked.orphans": {
        "en": "Import #{id} cannot be rolled back: {rows} row(s) imported later still refer to codes it created "
              "({reference}). Roll back or correct those imports first.",
        "fi": "Tuontia #{id} ei voi perua: {rows} myöhemmin tuotua riviä viittaa yhä sen luomiin koodeihin "
              "({reference}). Peru tai korjaa ensin nuo tuonnit.",
        "et": "Importi #{id} ei saa tagasi võtta: {rows} hiljem imporditud rida viitab endiselt selle loodud "
              "koodidele ({reference}). Võta need impordid esmalt tagasi või paranda need.",
    },
}
