"""Why an uploaded file is refused before any cell is read (twinreg_data.ingest: filecheck, the parser process).

{name} is the file name as uploaded; numbers arrive written in the reader's language; {detail} is the
spreadsheet reader's own message, shown as it is.
"""

MESSAGES = {
    "refusal.empty": {
        "en": "{name} is empty.",
        "fi": "{name} on tyhjä.",
        "et": "{name} on tühi.",
    },
    "refusal.too_large": {
        "en": "{name} is {size_mb} MB; the limit is {limit_mb} MB. Split it into smaller files.",
        "fi": "{name} on {size_mb} Mt; raja on {limit_mb} Mt. Jaa se pienempiin tiedostoihin.",
        "et": "{name} on {size_mb} MB; piirang on {limit_mb} MB. Jaga see väiksemateks failideks.",
    },
    "refusal.encrypted_workbook": {
        "en": "{name} is password-protected. Remove the password in Excel (File → Info → Protect workbook) and "
              "upload again.",
        "fi": "{name} on suojattu salasanalla. Poista salasana Excelissä (Tiedosto → Tiedot → Suojaa työkirja) ja "
              "lataa tiedosto uudelleen.",
        "et": "{name} on parooliga kaitstud. Eemalda parool Excelis (Fail → Teave → Kaitse töövihikut) ja laadi "
              "fail uuesti üles.",
    },
    "refusal.encrypted": {
        "en": "{name} is encrypted. Remove the password and upload again.",
        "fi": "{name} on salattu. Poista salasana ja lataa tiedosto uudelleen.",
        "et": "{name} on krüpteeritud. Eemalda parool ja laadi fail uuesti üles.",
    },
    "refusal.old_xls": {
        "en": "{name} is an old Excel 97–2003 file (.xls). Save it as Excel workbook (.xlsx) and upload again.",
        "fi": "{name} on vanha Excel 97–2003 -tiedosto (.xls). Tallenna se Excel-työkirjana (.xlsx) ja lataa "
              "uudelleen.",
        "et": "{name} on vana Excel 97–2003 fail (.xls). Salvesta see Exceli töövihikuna (.xlsx) ja laadi uuesti "
              "üles.",
    },
    "refusal.pdf": {
        "en": "{name} is a PDF document, not a spreadsheet.",
        "fi": "{name} on PDF-asiakirja, ei taulukko.",
        "et": "{name} on PDF-dokument, mitte tabel.",
    },
    "refusal.damaged_zip": {
        "en": "{name} is damaged: it starts like an Excel file but cannot be opened.",
        "fi": "{name} on vioittunut: se alkaa kuin Excel-tiedosto, mutta sitä ei voi avata.",
        "et": "{name} on rikutud: see algab nagu Exceli fail, kuid seda ei saa avada.",
    },
    "refusal.unusual_zip": {
        "en": "{name} is a damaged or unusual zip archive, not an Excel workbook.",
        "fi": "{name} on vioittunut tai epätavallinen zip-arkisto, ei Excel-työkirja.",
        "et": "{name} on rikutud või ebatavaline zip-arhiiv, mitte Exceli töövihik.",
    },
    "refusal.binary": {
        "en": "{name} is a binary file, not an Excel workbook or a CSV text file.",
        "fi": "{name} on binääritiedosto, ei Excel-työkirja eikä CSV-tekstitiedosto.",
        "et": "{name} on binaarfail, mitte Exceli töövihik ega CSV-tekstifail.",
    },
    "refusal.html": {
        "en": "{name} is a web page (HTML/XML) saved with a spreadsheet name. Open it in Excel and save it as Excel "
              "workbook (.xlsx).",
        "fi": "{name} on verkkosivu (HTML/XML), joka on tallennettu taulukon nimellä. Avaa se Excelissä ja "
              "tallenna Excel-työkirjana (.xlsx).",
        "et": "{name} on veebileht (HTML/XML), mis on salvestatud tabeli nimega. Ava see Excelis ja salvesta "
              "Exceli töövihikuna (.xlsx).",
    },
    "refusal.text_as_xlsx": {
        "en": "{name} is named like an Excel file but is plain text (perhaps a CSV renamed to .xlsx). Upload it with "
              "a .csv name, or save it as .xlsx in Excel.",
        "fi": "{name} on nimetty kuin Excel-tiedosto, mutta se on pelkkää tekstiä (ehkä .xlsx-nimellä tallennettu "
              "CSV). Lataa se .csv-nimellä tai tallenna se Excelissä .xlsx-muotoon.",
        "et": "{name} on nimetatud nagu Exceli fail, kuid on lihttekst (võib-olla .xlsx-nimega CSV). Laadi see "
              "üles .csv-nimega või salvesta Excelis .xlsx-vormingus.",
    },
    "refusal.zip_entries": {
        "en": "{name} has {parts} parts; an Excel workbook has far fewer (limit {limit}).",
        "fi": "Tiedostossa {name} on {parts} osaa; Excel-työkirjassa niitä on paljon vähemmän (raja {limit}).",
        "et": "Failis {name} on {parts} osa; Exceli töövihikus on neid palju vähem (piirang {limit}).",
    },
    "refusal.opendocument": {
        "en": "{name} is an OpenDocument file (LibreOffice/ODS). Save it as Excel workbook (.xlsx) and upload again.",
        "fi": "{name} on OpenDocument-tiedosto (LibreOffice/ODS). Tallenna se Excel-työkirjana (.xlsx) ja lataa "
              "uudelleen.",
        "et": "{name} on OpenDocumenti fail (LibreOffice/ODS). Salvesta see Exceli töövihikuna (.xlsx) ja laadi "
              "uuesti üles.",
    },
    "refusal.xlsb": {
        "en": "{name} is a binary Excel workbook (.xlsb). Save it as .xlsx and upload again.",
        "fi": "{name} on binäärimuotoinen Excel-työkirja (.xlsb). Tallenna se .xlsx-muotoon ja lataa uudelleen.",
        "et": "{name} on binaarne Exceli töövihik (.xlsb). Salvesta see .xlsx-vormingus ja laadi uuesti üles.",
    },
    "refusal.not_xlsx": {
        "en": "{name} is a zip archive but not an Excel workbook (.xlsx).",
        "fi": "{name} on zip-arkisto mutta ei Excel-työkirja (.xlsx).",
        "et": "{name} on zip-arhiiv, kuid mitte Exceli töövihik (.xlsx).",
    },
    "refusal.activex": {
        "en": "{name} contains macros or ActiveX controls. Macros are never run here: save the workbook as a plain "
              ".xlsx (without macros) and upload again.",
        "fi": "{name} sisältää makroja tai ActiveX-ohjausobjekteja. Makroja ei koskaan suoriteta täällä: tallenna "
              "työkirja tavallisena .xlsx-tiedostona (ilman makroja) ja lataa uudelleen.",
        "et": "{name} sisaldab makrosid või ActiveX-juhtelemente. Makrosid siin kunagi ei käivitata: salvesta "
              "töövihik tavalise .xlsx-failina (ilma makrodeta) ja laadi uuesti üles.",
    },
    "refusal.macros": {
        "en": "{name} is a macro-enabled workbook. Macros are never run here: save it as a plain .xlsx and upload "
              "again.",
        "fi": "{name} on makroja sisältävä työkirja. Makroja ei koskaan suoriteta täällä: tallenna se tavallisena "
              ".xlsx-tiedostona ja lataa uudelleen.",
        "et": "{name} on makrodega töövihik. Makrosid siin kunagi ei käivitata: salvesta see tavalise .xlsx-failina "
              "ja laadi uuesti üles.",
    },
    "refusal.zip_bomb": {
        "en": "{name} looks like a zip bomb: the part {part} would expand {ratio}× (limit {limit}×).",
        "fi": "{name} näyttää zip-pommilta: osa {part} laajenisi {ratio}-kertaiseksi (raja {limit}-kertainen).",
        "et": "{name} näib olevat zip-pomm: osa {part} paisuks {ratio} korda (piirang {limit} korda).",
    },
    "refusal.too_large_unpacked": {
        "en": "{name} would unpack to {size_mb} MB (limit {limit_mb} MB). Split it into smaller workbooks.",
        "fi": "{name} purkautuisi {size_mb} megatavuun (raja {limit_mb} Mt). Jaa se pienempiin työkirjoihin.",
        "et": "{name} pakiks lahti {size_mb} MB suuruseks (piirang {limit_mb} MB). Jaga see väiksemateks "
              "töövihikuteks.",
    },
    "refusal.xml_entities": {
        "en": "{name} contains XML entity declarations ({part}), which real Excel files never have. The file is "
              "refused.",
        "fi": "{name} sisältää XML-entiteettimäärittelyjä ({part}), joita aidoissa Excel-tiedostoissa ei koskaan "
              "ole. Tiedosto hylätään.",
        "et": "{name} sisaldab XML-olemideklaratsioone ({part}), mida päris Exceli failides kunagi pole. Fail "
              "lükatakse tagasi.",
    },
    "refusal.timeout": {
        "en": "{name} took longer than {seconds} s to read and was abandoned. Split it into smaller files.",
        "fi": "Tiedoston {name} lukeminen kesti yli {seconds} s, joten se keskeytettiin. Jaa se pienempiin "
              "tiedostoihin.",
        "et": "Faili {name} lugemine kestis üle {seconds} s ja katkestati. Jaga see väiksemateks failideks.",
    },
    "refusal.parser_crashed": {
        "en": "{name} could not be read: the spreadsheet reader stopped on it (exit code {code}). The file is "
              "damaged or hostile; open it in Excel, save it as a new .xlsx and try again.",
        "fi": "Tiedostoa {name} ei voitu lukea: taulukon lukija pysähtyi siihen (paluukoodi {code}). Tiedosto on "
              "vioittunut tai vahingollinen; avaa se Excelissä, tallenna uutena .xlsx-tiedostona ja yritä uudelleen.",
        "et": "Faili {name} ei saanud lugeda: tabelilugeja peatus sellel (väljumiskood {code}). Fail on rikutud või "
              "pahatahtlik; ava see Excelis, salvesta uue .xlsx-failina ja proovi uuesti.",
    },
    # From the parser process, which reads the file in isolation.
    "refusal.workbook_encrypted": {
        "en": "{name}: the workbook is password-protected.",
        "fi": "{name}: työkirja on suojattu salasanalla.",
        "et": "{name}: töövihik on parooliga kaitstud.",
    },
    "refusal.workbook_unreadable": {
        "en": "{name}: the workbook cannot be read: {detail}",
        "fi": "{name}: työkirjaa ei voi lukea: {detail}",
        "et": "{name}: töövihikut ei saa lugeda: {detail}",
    },
    "refusal.sheet_unreadable": {
        "en": "{name}: the sheet “{sheet}” cannot be read: {detail}",
        "fi": "{name}: välilehteä ”{sheet}” ei voi lukea: {detail}",
        "et": "{name}: lehte „{sheet}” ei saa lugeda: {detail}",
    },
    "refusal.too_many_sheets": {
        "en": "{name}: the workbook has {sheets} sheets (limit {limit}).",
        "fi": "{name}: työkirjassa on {sheets} välilehteä (raja {limit}).",
        "et": "{name}: töövihikus on {sheets} lehte (piirang {limit}).",
    },
    "refusal.not_in_encoding": {
        "en": "{name}: the file is not valid {encoding}: {detail}.",
        "fi": "{name}: tiedosto ei ole kelvollista merkistöä {encoding}: {detail}.",
        "et": "{name}: fail ei ole kehtivas kodeeringus {encoding}: {detail}.",
    },
    "refusal.not_utf8": {
        "en": "{name}: the file is not UTF-8 (byte {byte} on line {line}). Save it as 'CSV UTF-8' in Excel, or name "
              "its encoding (for example windows-1252).",
        "fi": "{name}: tiedosto ei ole UTF-8-muodossa (tavu {byte} rivillä {line}). Tallenna se Excelissä muodossa "
              "'CSV UTF-8' tai valitse sen merkistö (esimerkiksi windows-1252).",
        "et": "{name}: fail ei ole UTF-8-kodeeringus (bait {byte} real {line}). Salvesta see Excelis vormingus "
              "'CSV UTF-8' või vali selle kodeering (näiteks windows-1252).",
    },
    "refusal.csv_nul": {
        "en": "{name}: the file contains NUL characters: it is not a text CSV file.",
        "fi": "{name}: tiedostossa on NUL-merkkejä, joten se ei ole CSV-tekstitiedosto.",
        "et": "{name}: failis on NUL-märke, seega pole see CSV-tekstifail.",
    },
    "refusal.csv_too_many_rows": {
        "en": "{name}: the file has more than {max_rows} rows.",
        "fi": "{name}: tiedostossa on yli {max_rows} riviä.",
        "et": "{name}: failis on üle {max_rows} rea.",
    },
    "refusal.csv_too_many_columns": {
        "en": "{name}: line {line} has {columns} columns (limit {limit}).",
        "fi": "{name}: rivillä {line} on {columns} saraketta (raja {limit}).",
        "et": "{name}: real {line} on {columns} veergu (piirang {limit}).",
    },
    "refusal.csv_syntax": {
        "en": "{name}: the CSV text cannot be read: {detail}.",
        "fi": "{name}: CSV-tekstiä ei voi lukea: {detail}.",
        "et": "{name}: CSV-teksti ei saa lugeda: {detail}.",
    },
    "refusal.out_of_memory": {
        "en": "{name}: the file needs more memory to read than allowed.",
        "fi": "{name}: tiedoston lukeminen vaatisi enemmän muistia kuin on sallittu.",
        "et": "{name}: faili lugemine vajaks rohkem mälu, kui on lubatud.",
    },
}
