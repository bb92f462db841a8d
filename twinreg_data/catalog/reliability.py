"""Messages shown when the database cannot be used (start-up faults, failed automatic backups)."""

MESSAGES: dict[str, dict[str, str]] = {
    "reliability.unavailable": {
        "en": "The data cannot be shown right now.",
        "fi": "Tietoja ei voida näyttää juuri nyt.",
        "et": "Andmeid ei saa praegu näidata.",
    },
    "reliability.locked": {
        "en": "The database is in use by another program (for example an import running from the command line, "
              "or a second copy of the app). **Way out:** stop the other TwinReg process, then reload this page.",
        "fi": "Tietokanta on toisen ohjelman käytössä (esimerkiksi komentoriviltä ajettava tuonti tai sovelluksen "
              "toinen kopio). **Ratkaisu:** pysäytä toinen TwinReg-prosessi ja lataa tämä sivu uudelleen.",
        "et": "Andmebaas on teise programmi kasutuses (näiteks käsurealt käivitatud import või rakenduse teine "
              "koopia). **Lahendus:** peata teine TwinRegi protsess ja laadi see leht uuesti.",
    },
    "reliability.damaged": {
        "en": "The database file is damaged or is not a TwinReg database. **Way out:** the administrator restores "
              "the latest backup with `python -m twinreg_data restore data/backups/<newest folder>` (a backup is "
              "taken before every import), or moves the file away and runs `python -m twinreg_data init`; then "
              "reload this page.",
        "fi": "Tietokantatiedosto on vioittunut tai se ei ole TwinReg-tietokanta. **Ratkaisu:** ylläpitäjä "
              "palauttaa uusimman varmuuskopion komennolla `python -m twinreg_data restore "
              "data/backups/<uusin kansio>` (varmuuskopio otetaan ennen jokaista tuontia) tai siirtää tiedoston "
              "pois ja ajaa `python -m twinreg_data init`; lataa sitten tämä sivu uudelleen.",
        "et": "Andmebaasi fail on rikutud või see ei ole TwinRegi andmebaas. **Lahendus:** administraator taastab "
              "viimase varukoopia käsuga `python -m twinreg_data restore data/backups/<uusim kaust>` (varukoopia "
              "tehakse enne iga importi) või tõstab faili eemale ja käivitab `python -m twinreg_data init`; seejärel "
              "laadi see leht uuesti.",
    },
    "reliability.newer": {
        "en": "The database was written by a newer version of TwinReg Monitor. **Way out:** the administrator "
              "updates this installation (or restores a backup made by this version), then reload this page.",
        "fi": "Tietokanta on tallennettu TwinReg Monitorin uudemmalla versiolla. **Ratkaisu:** ylläpitäjä päivittää "
              "tämän asennuksen (tai palauttaa tällä versiolla tehdyn varmuuskopion); lataa sitten tämä sivu "
              "uudelleen.",
        "et": "Andmebaas on salvestatud TwinReg Monitori uuema versiooniga. **Lahendus:** administraator uuendab "
              "selle paigalduse (või taastab selle versiooniga tehtud varukoopia); seejärel laadi see leht uuesti.",
    },
    "reliability.other": {
        "en": "The database cannot be opened. **Way out:** the administrator finds the reason in the server log "
              "(it names the file and what to do), then reload this page.",
        "fi": "Tietokantaa ei voida avata. **Ratkaisu:** ylläpitäjä löytää syyn palvelimen lokista (siinä kerrotaan "
              "tiedosto ja mitä tehdä); lataa sitten tämä sivu uudelleen.",
        "et": "Andmebaasi ei saa avada. **Lahendus:** administraator leiab põhjuse serveri logist (seal on kirjas "
              "fail ja mida teha); seejärel laadi see leht uuesti.",
    },
    "reliability.backup_failed": {
        "en": "Nothing was imported: the automatic backup taken before every import could not be written. "
              "Ask the administrator to free disk space or to point TWINREG_BACKUP_DIR to a writable folder. "
              "Details:",
        "fi": "Mitään ei tuotu: ennen jokaista tuontia otettavaa automaattista varmuuskopiota ei voitu kirjoittaa. "
              "Pyydä ylläpitäjää vapauttamaan levytilaa tai ohjaamaan TWINREG_BACKUP_DIR kansioon, johon voi "
              "kirjoittaa. Tiedot:",
        "et": "Midagi ei imporditud: enne iga importi tehtavat automaatset varukoopiat ei õnnestunud kirjutada. "
              "Palu administraatoril vabastada kettaruumi või suunata TWINREG_BACKUP_DIR kausta, kuhu saab "
              "kirjutada. Üksikasjad:",
    },
}
