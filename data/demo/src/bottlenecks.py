"""Demo bottlenecks of the Tallinn–Helsinki twin region (BOTTLENECKS) and their status histories (EVENTS).

The obstacles are realistic for people who live, work, study or run a business across the Gulf of Finland.
Public facts (people counts, the X-Road, e-prescription, e-ID and address-exchange milestones) come from the
project's reference note of public facts and cite their original publisher. Everything else (most people ranges,
identification dates, intermediate steps and the 2025–2026 events) is a demo scenario and says so.
"""

from __future__ import annotations

import datetime as dt

EST = "an estimate by the TwinReg Monitor demo team"
DEMO = "Estimate by the TwinReg Monitor demo team, not an official figure"
DEMO_REF = "Demo record modelled on typical Finnish–Estonian border obstacles; not an official register entry"
DEMO_NOTE = " (Demo scenario, not an official record.)"

BOTTLENECKS: list[dict] = []


def _bn(code: str, domain: str, side: str, level: str, severity: int, people: tuple, owners: tuple[str, str],
        source: str, identified: str, solution: str, groups: str, indicators: str | None, reference: str,
        en: tuple[str, str], fi: tuple[str, str], et: tuple[str, str]) -> None:
    low, high, people_source = people
    record = {
        "code": code, "domain": domain,
        "title_en": en[0], "title_fi": fi[0], "title_et": et[0],
        "description_en": en[1], "description_fi": fi[1], "description_et": et[1],
        "affected_groups": groups, "side": side, "level": level, "severity": severity,
        "people_low": low, "people_high": high, "people_source": people_source,
        "owner_fi": owners[0], "owner_ee": owners[1], "source": source,
        "identified_on": dt.date.fromisoformat(identified), "solution_type": solution, "reference": reference,
    }
    if indicators:
        record["indicators"] = indicators
    BOTTLENECKS.append(record)


COMMUTERS_SRC = ("“10,000 or more” regular Estonian commuters to Finland (Green European Journal, 2018); the upper "
                 "bound is an estimate by the TwinReg Monitor demo team")
POSTED_SRC = ("Estimate by the TwinReg Monitor demo team: Estonia is the top origin of about 20,000 employees "
              "posted to Finland in 2021 (Occupational Safety and Health Administration in Finland, as reported by "
              "Aalberq), but the Estonian share is not published")
SPEAKERS_SRC = ("50,202 Estonian speakers in Finland in 2023 (Statistics Finland); the share affected is an "
                "estimate by the TwinReg Monitor demo team")

# --- mobility -------------------------------------------------------------------------------------------------
_bn("BN-001", "mobility", "both", "regional", 3, (10000, 25000, COMMUTERS_SRC), ("HSL", "Tallinna Transpordiamet"),
    "roundtable", "2017-03-15", "agreement", "commuters; students; tourists", "MOB_FERRY_PAX;MOB_FERRY_PAX_M",
    "FinEst Link project on the Helsinki–Tallinn travel chain (finestlink.fi); " + DEMO_REF,
    en=("Ferry and local public transport tickets are not integrated",
        "A commuter between Tallinn and Helsinki needs a ferry ticket, an HSL ticket and a Tallinn public transport "
        "card, each bought in a different system. There is no combined season ticket and no shared journey planner "
        "for the whole door-to-door trip."),
    fi=("Lauttalippuja ja paikallisliikenteen lippuja ei ole yhdistetty",
        "Tallinnan ja Helsingin välillä pendelöivä tarvitsee lauttalipun, HSL-lipun ja Tallinnan "
        "joukkoliikennekortin, jotka kukin ostetaan eri järjestelmästä. Koko ovelta ovelle -matkalle ei ole "
        "yhteistä kausilippua eikä yhteistä reittiopasta."),
    et=("Parvlaeva- ja kohaliku ühistranspordi piletid ei ole ühendatud",
        "Tallinna ja Helsingi vahel pendeldaja vajab parvlaevapiletit, HSL-i piletit ja Tallinna ühiskaarti, mis "
        "ostetakse igaüks eri süsteemist. Kogu uksest ukseni teekonna jaoks puudub ühine perioodipilet ja ühine "
        "teekonnaplaneerija."))

_bn("BN-002", "mobility", "EE", "municipal", 2, (3000, 8000, DEMO), ("HSL (counterpart)", "Tallinna Transpordiamet"),
    "survey", "2018-04-10", "procedure", "commuters; families", None, DEMO_REF,
    en=("Free Tallinn public transport is limited to registered residents",
        "Since 2013 public transport in Tallinn has been free for people whose residence is entered in the "
        "population register in Tallinn. Commuters and families registered in Finland pay full fares even if "
        "they spend most weekdays in Tallinn."),
    fi=("Tallinnan maksuton joukkoliikenne on vain kaupunkiin kirjautuneille asukkaille",
        "Tallinnan joukkoliikenne on vuodesta 2013 ollut maksutonta henkilöille, joiden asuinpaikaksi on "
        "väestörekisteriin merkitty Tallinna. Suomeen kirjoilla olevat pendelöijät ja perheet maksavat täyden "
        "hinnan, vaikka viettäisivät suurimman osan arkipäivistä Tallinnassa."),
    et=("Tallinna tasuta ühistransport on ainult registreeritud elanikele",
        "Tallinna ühistransport on alates 2013. aastast tasuta inimestele, kelle elukohaks on rahvastikuregistris "
        "märgitud Tallinn. Soome registreeritud pendeldajad ja pered maksavad täishinda ka siis, kui veedavad "
        "suurema osa tööpäevadest Tallinnas."))

_bn("BN-003", "mobility", "both", "municipal", 2, (10000, 30000, DEMO),
    ("Helsingin kaupunki", "Tallinna Linnavalitsus"), "statistics", "2017-09-20", "procedure",
    "commuters; tourists; residents of harbour districts", "MOB_FERRY_PAX;MOB_FERRY_PAX_M;MOB_FERRY_CARS",
    "Port of Helsinki passenger statistics; " + DEMO_REF,
    en=("Congested connections between the ferry harbours and city centres",
        "Several thousand passengers leave the ferries at once in Helsinki's West Harbour and Tallinn's Old City "
        "Harbour, and local transport is not timed to the arrivals. Commuters lose time and the harbour districts "
        "suffer from traffic congestion."),
    fi=("Satamien ja keskustojen väliset yhteydet ruuhkautuvat",
        "Lautoilta poistuu kerralla useita tuhansia matkustajia Helsingin Länsisatamassa ja Tallinnan "
        "Vanhassasatamassa, eikä paikallisliikennettä ole ajoitettu saapumisten mukaan. Pendelöijät menettävät "
        "aikaa ja satama-alueet kärsivät liikenneruuhkista."),
    et=("Sadamate ja kesklinnade vahelised ühendused on ülekoormatud",
        "Helsingi Läänesadamas ja Tallinna Vanasadamas väljub parvlaevadelt korraga mitu tuhat reisijat ning "
        "kohalik ühistransport ei ole laevade saabumisega ajastatud. Pendeldajad kaotavad aega ja sadamaalad "
        "kannatavad liiklusummikute all."))

_bn("BN-004", "mobility", "both", "national", 3, (2000, 6000, DEMO),
    ("Verohallinto; Liikenne- ja viestintävirasto Traficom", "Transpordiamet"), "enquiry", "2019-11-05",
    "information", "commuters; families", None, DEMO_REF,
    en=("Using a car registered in the other country",
        "Commuters who live in Finland but keep an Estonian-registered car, or the other way round, do not know "
        "when the car must be re-registered and the Finnish car tax paid. The rules depend on residence and the "
        "length of stay, and the guidance is spread over several authorities."),
    fi=("Toisessa maassa rekisteröidyn auton käyttö",
        "Suomessa asuvat pendelöijät, joilla on Virossa rekisteröity auto, tai päinvastoin, eivät tiedä, milloin "
        "auto on rekisteröitävä uudelleen ja Suomen autovero maksettava. Säännöt riippuvat asuinpaikasta ja "
        "oleskelun pituudesta, ja ohjeet ovat hajallaan usean viranomaisen sivuilla."),
    et=("Teises riigis registreeritud auto kasutamine",
        "Soomes elavad pendeldajad, kellel on Eestis registreeritud auto, või vastupidi, ei tea, millal tuleb auto "
        "ümber registreerida ja Soome registreerimismaks (autovero) tasuda. Reeglid sõltuvad elukohast ja "
        "viibimise kestusest ning juhised on laiali mitme asutuse veebilehtedel."))

# --- taxation -------------------------------------------------------------------------------------------------
_bn("BN-005", "taxation", "both", "national", 4, (5000, 15000, DEMO), ("Verohallinto", "Maksu- ja Tolliamet"),
    "enquiry", "2020-10-12", "agreement", "commuters; remote workers; employers",
    "TAX_DOUBLE_CASES;EMP_COMMUTERS_EE_FI",
    "European Citizen Action Service (ECAS), Your Europe Advice 2023: teleworking and tax enquiries rising; "
    "" + DEMO_REF,
    en=("Taxation of remote work by cross-border commuters",
        "Since 2020 many commuters employed in Finland work part of the week from their home in Estonia. Employers "
        "and employees are unsure which country may tax the home-office days and whether social security changes, "
        "so some employers forbid remote work from Estonia."),
    fi=("Rajan yli pendelöivien etätyön verotus",
        "Vuodesta 2020 monet Suomessa työskentelevät pendelöijät ovat tehneet osan viikosta etätyötä kotoaan "
        "Virosta. Työnantajat ja työntekijät eivät tiedä, kumpi maa saa verottaa etätyöpäivät ja muuttuuko "
        "sosiaaliturva, joten osa työnantajista kieltää etätyön Virosta."),
    et=("Piiriüleste pendeldajate kaugtöö maksustamine",
        "Alates 2020. aastast teevad paljud Soomes töötavad pendeldajad osa nädalast kaugtööd oma kodus Eestis. "
        "Tööandjad ja töötajad ei tea, kumb riik võib kodukontoripäevi maksustada ja kas sotsiaalkindlustus "
        "muutub, mistõttu osa tööandjaid keelab Eestist kaugtöö tegemise."))

_bn("BN-006", "taxation", "both", "national", 4, (3000, 8000, DEMO), ("Verohallinto", "Maksu- ja Tolliamet"),
    "statistics", "2018-02-20", "digital_interoperability", "commuters; pensioners; self-employed",
    "TAX_DOUBLE_CASES", DEMO_REF,
    en=("Slow elimination of double taxation",
        "People with income in both countries often pay tax in both before the credit is granted, and the refund "
        "can take more than a year. The two tax administrations ask for paper certificates of tax paid instead of "
        "exchanging the data."),
    fi=("Kaksinkertaisen verotuksen poistaminen on hidasta",
        "Molemmista maista tuloja saavat maksavat usein veron kumpaankin maahan ennen kuin hyvitys myönnetään, ja "
        "palautus voi viedä yli vuoden. Veroviranomaiset pyytävät paperisia todistuksia maksetuista veroista sen "
        "sijaan, että vaihtaisivat tiedot keskenään."),
    et=("Topeltmaksustamise kõrvaldamine on aeglane",
        "Mõlemast riigist tulu saavad inimesed maksavad sageli maksu mõlemasse riiki enne, kui tasaarvestus "
        "tehakse, ja tagasimakse võib võtta üle aasta. Maksuametid nõuavad tasutud maksu kohta paberkinnitusi, "
        "selle asemel et andmeid omavahel vahetada."))

_bn("BN-007", "taxation", "FI", "national", 3, (5000, 12000, POSTED_SRC), ("Verohallinto", "Maksu- ja Tolliamet"),
    "interview", "2016-09-14", "procedure", "construction workers; posted workers; subcontractors",
    "TAX_FI_TAXCARD_EE;EMP_POSTED_NOTIF",
    "The Baltic Course (baltic-course.com): tax number required on Finnish construction sites; " + DEMO_REF,
    en=("Finnish tax number required on construction sites",
        "Everyone working on a shared construction site in Finland must carry a photo ID card showing a Finnish tax "
        "number, and people without a Finnish identity code must first prove their identity at a Finnish tax "
        "office. Estonian construction workers and small subcontractors lose working days before they can start."),
    fi=("Rakennustyömailla vaaditaan suomalainen veronumero",
        "Kaikilla yhteisellä rakennustyömaalla Suomessa työskentelevillä on oltava kuvallinen tunniste, jossa on "
        "suomalainen veronumero, ja ilman suomalaista henkilötunnusta olevien on ensin tunnistauduttava "
        "verotoimistossa. Virolaiset rakennustyöntekijät ja pienet aliurakoitsijat menettävät työpäiviä ennen "
        "kuin voivat aloittaa työn."),
    et=("Soome ehitusplatsidel nõutakse Soome maksunumbrit",
        "Kõigil, kes töötavad Soomes ühisel ehitusplatsil, peab olema fotoga kaart Soome maksunumbriga ning Soome "
        "isikukoodita inimesed peavad esmalt oma isiku tuvastama Soome maksuametis. Eesti ehitustöölised ja "
        "väikesed alltöövõtjad kaotavad tööpäevi enne, kui saavad tööd alustada."))

_bn("BN-008", "taxation", "FI", "national", 3, (4000, 10000, DEMO), ("Verohallinto", "Maksu- ja Tolliamet"),
    "enquiry", "2019-06-03", "information", "short-term workers; seasonal workers", "TAX_FI_TAXCARD_EE",
    "Yle, article 3-5620293 (yle.fi), and The Baltic Course on the six-month rule; " + DEMO_REF,
    en=("Unclear tax status of short-term workers (six-month rule)",
        "Pay for work in Finland is taxed as a resident's income once the stay exceeds six months, but stays are "
        "often broken by weekends and holidays in Estonia. Workers get a 35% source-tax card or a progressive tax "
        "card depending on how the stay is counted, and mistakes are corrected only in the final assessment."),
    fi=("Lyhytaikaisten työntekijöiden epäselvä verotusasema (kuuden kuukauden sääntö)",
        "Suomessa tehdyn työn palkkaa verotetaan yleisesti verovelvollisen tulona, kun oleskelu kestää yli kuusi "
        "kuukautta, mutta oleskelu katkeaa usein Virossa vietettyihin viikonloppuihin ja lomiin. Työntekijä saa "
        "35 prosentin lähdeverokortin tai progressiivisen verokortin sen mukaan, miten oleskelu lasketaan, ja "
        "virheet korjataan vasta lopullisessa verotuksessa."),
    et=("Lühiajaliste töötajate ebaselge maksustaatus (kuue kuu reegel)",
        "Soomes tehtud töö palka maksustatakse residendi tuluna, kui viibimine kestab üle kuue kuu, kuid viibimine "
        "katkeb sageli Eestis veedetud nädalavahetuste ja puhkustega. Töötaja saab 35% lähtemaksu kaardi või "
        "progressiivse maksukaardi sõltuvalt sellest, kuidas viibimist arvestatakse, ning vead parandatakse alles "
        "lõplikus maksustamises."))

# --- education ------------------------------------------------------------------------------------------------
_bn("BN-009", "education", "FI", "national", 3, (200, 600, DEMO), ("Opetushallitus", "Haridus- ja Noorteamet"),
    "statistics", "2019-08-26", "procedure", "teachers; schools; municipalities", "EDU_RECOGNITION_DAYS", DEMO_REF,
    en=("Slow recognition of teacher qualifications",
        "Estonian teachers who want to work in Finnish schools need a decision from the Finnish National Agency for "
        "Education, which has often taken four months or more. Schools in Uusimaa lack qualified teachers while "
        "applicants wait, and the Finnish and Swedish language requirements are not explained in Estonian."),
    fi=("Opettajan kelpoisuuden tunnustaminen on hidasta",
        "Suomalaisiin kouluihin hakevat virolaiset opettajat tarvitsevat Opetushallituksen päätöksen, jonka "
        "saaminen on usein kestänyt neljä kuukautta tai kauemmin. Uudenmaan kouluista puuttuu päteviä opettajia "
        "hakijoiden odottaessa, eikä suomen ja ruotsin kielitaitovaatimuksia ole selitetty viroksi."),
    et=("Õpetaja kvalifikatsiooni tunnustamine on aeglane",
        "Soome koolidesse tööle soovivad Eesti õpetajad vajavad Soome Haridusameti (Opetushallitus) otsust, mille "
        "saamine on sageli võtnud neli kuud või rohkem. Uusimaa koolides napib kvalifitseeritud õpetajaid, samal "
        "ajal kui taotlejad ootavad, ning soome ja rootsi keele oskuse nõudeid ei ole eesti keeles selgitatud."))

_bn("BN-010", "education", "FI", "national", 3, (300, 1000, DEMO), ("Valvira", "Terviseamet"),
    "interview", "2018-10-09", "procedure", "nurses; health-care employers", "EDU_RECOGNITION_DAYS", DEMO_REF,
    en=("Licensing of nurses trained in Estonia",
        "Nurses trained in Estonia are recognised automatically under the EU professional qualifications directive, "
        "but the Finnish licence needs complete documents from several Estonian bodies and employers also require "
        "proof of Finnish or Swedish. Applicants wait for months while health-care providers in Uusimaa report a "
        "shortage of nurses."),
    fi=("Virossa koulutettujen sairaanhoitajien ammattioikeudet Suomessa",
        "Virossa koulutetut sairaanhoitajat tunnustetaan automaattisesti EU:n ammattipätevyysdirektiivin "
        "perusteella, mutta Suomen ammattioikeus edellyttää täydellisiä asiakirjoja useilta virolaisilta tahoilta, "
        "ja työnantajat vaativat lisäksi suomen tai ruotsin kielen taitoa. Hakijat odottavat kuukausia, vaikka "
        "Uudenmaan sosiaali- ja terveyspalveluissa on pulaa sairaanhoitajista."),
    et=("Eestis koolitatud õdede kutseõigus Soomes",
        "Eestis koolitatud õed tunnustatakse ELi kutsekvalifikatsioonide direktiivi alusel automaatselt, kuid Soome "
        "kutseõigus eeldab täielikke dokumente mitmelt Eesti asutuselt ning tööandjad nõuavad lisaks soome või "
        "rootsi keele oskust. Taotlejad ootavad kuid, kuigi Uusimaa tervishoiuteenuste osutajad teatavad õdede "
        "puudusest."))

_bn("BN-011", "education", "EE", "municipal", 3, (300, 900, DEMO), ("Opetushallitus", "Tallinna Haridusamet"),
    "survey", "2021-04-19", "agreement", "families; pupils", None, DEMO_REF,
    en=("Few school places in Finnish for families moving to Tallinn",
        "Finnish families moving to Harju County want their children to continue school in Finnish, but the "
        "Finnish School in Tallinn has a limited number of places. Other families must choose an Estonian- or "
        "English-language school, which makes a later return to Finland harder."),
    fi=("Tallinnassa on vähän suomenkielisiä koulupaikkoja",
        "Harjumaalle muuttavat suomalaisperheet haluavat lastensa jatkavan koulua suomeksi, mutta Tallinnan "
        "Suomi-koulussa on rajallinen määrä paikkoja. Muiden perheiden on valittava viron- tai englanninkielinen "
        "koulu, mikä vaikeuttaa myöhempää paluuta Suomeen."),
    et=("Tallinnas on vähe soomekeelseid koolikohti",
        "Harjumaale kolivad Soome pered soovivad, et lapsed jätkaksid kooliteed soome keeles, kuid Tallinna Soome "
        "Koolis on piiratud arv kohti. Teised pered peavad valima eesti- või ingliskeelse kooli, mis raskendab "
        "hilisemat naasmist Soome."))

_bn("BN-012", "education", "both", "national", 2,
    (1500, 3000, "More than 700 Finnish students in Tallinn and 167 at Tallinn University's Helsinki branch "
                 "(“Helsinki–Tallinn Facts and Figures”, 2014); the graduates affected each year are " + EST),
    ("Opetushallitus", "Haridus- ja Teadusministeerium"), "report", "2020-05-11", "digital_interoperability",
    "students; graduates; employers; universities", "EDU_FI_STUDENTS_EE", DEMO_REF,
    en=("Study records cannot be verified digitally across the border",
        "Finns who graduate in Estonia and Estonians who studied in Finland must order paper or PDF transcripts, "
        "which employers and universities check by hand. The national study registers (VIRTA and EHIS) are not yet "
        "connected through a common European exchange."),
    fi=("Opintosuorituksia ei voi todentaa sähköisesti rajan yli",
        "Virossa valmistuvien suomalaisten ja Suomessa opiskelleiden virolaisten on tilattava paperiset tai "
        "PDF-muotoiset opintosuoritusotteet, jotka työnantajat ja korkeakoulut tarkistavat käsin. Kansallisia "
        "opintotietorekistereitä (VIRTA ja EHIS) ei ole vielä yhdistetty yhteisen eurooppalaisen tiedonvaihdon "
        "kautta."),
    et=("Õpingutulemusi ei saa üle piiri digitaalselt kontrollida",
        "Eestis lõpetavad soomlased ja Soomes õppinud eestlased peavad tellima paberil või PDF-vormis akadeemilise "
        "õiendi, mida tööandjad ja ülikoolid kontrollivad käsitsi. Riiklikud õpingute registrid (VIRTA ja EHIS) ei "
        "ole veel ühise Euroopa andmevahetuse kaudu ühendatud."))

# --- digital --------------------------------------------------------------------------------------------------
_bn("BN-013", "digital", "both", "EU", 4,
    (3000, 9000, "About 500 dispensations a month in 2019 (The Baltic Course, citing Kela) and about 9,000 "
                 "Finland-to-Estonia dispensations by 2020 (Journal of Medical Internet Research, 2023); the "
                 "number of people is " + EST),
    ("Kela", "Tervisekassa; Tervise ja Heaolu Infosüsteemide Keskus (TEHIK)"), "report", "2016-05-17",
    "digital_interoperability", "commuters; Finns living in Estonia; tourists", "DIG_ERX_FI_EE",
    "eHealth Digital Service Infrastructure (eHDSI/CEF); Yle; Journal of Medical Internet Research "
    "(JMIR), 2023",
    en=("Finnish e-prescriptions not valid in Estonian pharmacies",
        "Finns living or working in Estonia could not buy their medicines in Estonian pharmacies with a Finnish "
        "e-prescription and had to obtain a paper prescription. Finland and Estonia agreed to be the first EU "
        "countries to exchange e-prescriptions through the eHealth Digital Service Infrastructure (eHDSI)."),
    fi=("Suomalaiset sähköiset reseptit eivät kelvanneet virolaisissa apteekeissa",
        "Virossa asuvat tai työskentelevät suomalaiset eivät voineet ostaa lääkkeitään virolaisista apteekeista "
        "suomalaisella sähköisellä reseptillä, vaan heidän oli hankittava paperiresepti. Suomi ja Viro sopivat "
        "olevansa ensimmäiset EU-maat, jotka vaihtavat sähköisiä reseptejä EU:n sähköisten terveyspalvelujen "
        "digitaalisen infrastruktuurin (eHDSI) kautta."),
    et=("Soome e-retseptid ei kehtinud Eesti apteekides",
        "Eestis elavad või töötavad soomlased ei saanud Soome e-retsepti alusel Eesti apteekidest ravimeid osta ja "
        "pidid hankima paberretsepti. Soome ja Eesti leppisid kokku olla esimesed ELi riigid, kes vahetavad "
        "e-retsepte ELi e-tervise digitaalteenuste taristu (eHDSI) kaudu."))

_bn("BN-014", "digital", "both", "EU", 3, (2000, 8000, DEMO),
    ("Kela", "Tervisekassa; Tervise ja Heaolu Infosüsteemide Keskus (TEHIK)"), "report", "2016-05-17",
    "digital_interoperability", "commuters; Estonians living in Finland; tourists", "DIG_ERX_EE_FI",
    "Journal of Medical Internet Research (JMIR), 2023; farmaceuticos.com",
    en=("Estonian e-prescriptions not valid in Finnish pharmacies",
        "Estonians living or working in Finland could not use an Estonian e-prescription in a Finnish pharmacy and "
        "had to see a Finnish doctor again for a new prescription. The Estonian-to-Finnish direction was built "
        "after the Finnish-to-Estonian one, through the same European e-health infrastructure."),
    fi=("Virolaiset sähköiset reseptit eivät kelvanneet suomalaisissa apteekeissa",
        "Suomessa asuvat tai työskentelevät virolaiset eivät voineet käyttää virolaista sähköistä reseptiä "
        "suomalaisessa apteekissa, vaan heidän oli käytävä uudelleen suomalaisella lääkärillä uuden reseptin "
        "saamiseksi. Suunta Virosta Suomeen rakennettiin Suomesta Viroon -suunnan jälkeen saman eurooppalaisen "
        "sähköisen terveydenhuollon infrastruktuurin kautta."),
    et=("Eesti e-retseptid ei kehtinud Soome apteekides",
        "Soomes elavad või töötavad eestlased ei saanud Eesti e-retsepti Soome apteegis kasutada ja pidid uue "
        "retsepti saamiseks uuesti Soome arsti juurde minema. Suund Eestist Soome ehitati pärast suunda Soomest "
        "Eestisse sama Euroopa e-tervise taristu kaudu."))

_bn("BN-015", "digital", "FI", "EU", 4, (20000, 50000, SPEAKERS_SRC),
    ("Digi- ja väestötietovirasto (Väestörekisterikeskus until 2019)", "Riigi Infosüsteemi Amet"), "report",
    "2017-02-14", "digital_interoperability", "Estonians living in Finland; commuters", "DIG_EID_SERVICES",
    "Population Register Centre (VRK, vrk.fi): Suomi.fi e-Identification accepts eIDAS-notified foreign e-IDs from "
    "February 2019",
    en=("Estonian ID-card not accepted by Finnish public e-services",
        "Estonians living in Finland without Finnish online banking codes could not log in to Finnish public "
        "e-services such as Suomi.fi, Kela or MyTax. The eIDAS Regulation obliges public services to accept the "
        "notified e-IDs of other member states."),
    fi=("Virolaisella henkilökortilla ei voinut kirjautua Suomen julkisiin verkkopalveluihin",
        "Suomessa asuvat virolaiset, joilla ei ole suomalaisia verkkopankkitunnuksia, eivät voineet kirjautua "
        "Suomen julkisiin verkkopalveluihin, kuten Suomi.fi-palveluun, Kelaan tai OmaVeroon. eIDAS-asetus "
        "velvoittaa julkiset palvelut hyväksymään muiden jäsenvaltioiden ilmoittamat sähköiset tunnistusvälineet."),
    et=("Eesti ID-kaardiga ei saanud Soome avalikke e-teenuseid kasutada",
        "Soomes elavad eestlased, kellel pole Soome internetipanga koode, ei saanud sisse logida Soome avalikesse "
        "e-teenustesse, nagu Suomi.fi, Kela või OmaVero. eIDAS-määrus kohustab avalikke teenuseid tunnustama "
        "teiste liikmesriikide teavitatud e-identimise vahendeid."))

_bn("BN-016", "digital", "both", "EU", 5, (20000, 60000, SPEAKERS_SRC),
    ("Digi- ja väestötietovirasto; Liikenne- ja viestintävirasto Traficom", "Riigi Infosüsteemi Amet"),
    "roundtable", "2021-11-09", "digital_interoperability", "commuters; newcomers; families; entrepreneurs",
    "DIG_EID_SERVICES", "Info Norden, top ten cross-border obstacles, 2023: the “digital wall”; " + DEMO_REF,
    en=("Private e-services do not accept the other country's e-ID (the digital wall)",
        "In Finland banks, telecom operators, insurers and many online shops accept only Finnish bank codes or "
        "mobile ID, and Estonian services rarely accept Finnish ones. People who live on one side and work on the "
        "other cannot sign contracts or use everyday services online until they have a local identity code and "
        "bank account."),
    fi=("Yksityiset verkkopalvelut eivät hyväksy toisen maan sähköistä tunnistusta (digitaalinen muuri)",
        "Suomessa pankit, teleoperaattorit, vakuutusyhtiöt ja monet verkkokaupat hyväksyvät vain suomalaiset "
        "pankkitunnukset tai mobiilivarmenteen, eivätkä virolaiset palvelut yleensä hyväksy suomalaisia "
        "tunnistusvälineitä. Toisella puolella asuvat ja toisella työskentelevät eivät voi tehdä sopimuksia tai "
        "käyttää arjen palveluja verkossa ennen kuin heillä on paikallinen henkilötunnus ja pankkitili."),
    et=("Erasektori e-teenused ei aktsepteeri teise riigi e-identiteeti (digitaalne müür)",
        "Soomes aktsepteerivad pangad, sideoperaatorid, kindlustusseltsid ja paljud e-poed ainult Soome pangakoode "
        "või mobiilset sertifikaati ning Eesti teenused aktsepteerivad Soome vahendeid harva. Ühel pool elavad ja "
        "teisel pool töötavad inimesed ei saa sõlmida lepinguid ega kasutada igapäevateenuseid veebis enne, kui "
        "neil on kohalik isikukood ja pangakonto."))

# --- employment -----------------------------------------------------------------------------------------------
_bn("BN-017", "employment", "FI", "national", 3, (6000, 10000, POSTED_SRC),
    ("Työ- ja elinkeinoministeriö", "Tööinspektsioon"), "statistics", "2022-03-08", "procedure",
    "posted workers; subcontractors; construction companies", "EMP_POSTED_NOTIF",
    "Occupational Safety and Health Administration in Finland: 10,003 posting notifications in 2021, top origin "
    "Estonia; as reported by Aalberq (aalberq.com)",
    en=("Posting rules are burdensome for small Estonian companies",
        "An Estonian company that posts workers to Finland must file a posting notification, appoint a "
        "representative in Finland and keep documents available, on top of A1 certificates and tax numbers. Small "
        "subcontractors find the duties hard to follow, and many notifications are late or incomplete."),
    fi=("Lähettämistä koskevat säännöt kuormittavat pieniä virolaisyrityksiä",
        "Työntekijöitä Suomeen lähettävän virolaisen yrityksen on tehtävä ilmoitus lähettämisestä, nimettävä "
        "edustaja Suomessa ja pidettävä asiakirjat saatavilla A1-todistusten ja veronumeroiden lisäksi. Pienten "
        "aliurakoitsijoiden on vaikea noudattaa velvoitteita, ja monet ilmoitukset ovat myöhässä tai puutteellisia."),
    et=("Lähetamise reeglid koormavad väikesi Eesti ettevõtteid",
        "Soome töötajaid lähetav Eesti ettevõte peab esitama lähetamisteate, määrama esindaja Soomes ja hoidma "
        "dokumendid kättesaadavana lisaks A1-tõenditele ja maksunumbritele. Väikestel alltöövõtjatel on kohustusi "
        "raske täita ning paljud teated on hilinenud või puudulikud."))

_bn("BN-018", "employment", "both", "EU", 4, (500, 2000, DEMO),
    ("Työ- ja elinkeinoministeriö; Työllisyysrahasto", "Töötukassa"), "interview", "2019-02-12",
    "digital_interoperability", "frontier workers; families", None, DEMO_REF,
    en=("Unemployment benefits for frontier workers who lose their job",
        "A frontier worker who lives in Estonia and loses a job in Finland must claim benefits in Estonia, where "
        "the Unemployment Insurance Fund needs the Finnish periods of work on a U1 document. Obtaining the document "
        "has taken weeks, leaving people without income at the start of unemployment."),
    fi=("Rajatyöntekijöiden työttömyysturva työn päättyessä",
        "Virossa asuvan ja Suomessa työskennelleen rajatyöntekijän on haettava työttömyysetuutta Virosta, jossa "
        "Töötukassa tarvitsee Suomen työskentelykaudet U1-asiakirjalla. Asiakirjan saaminen on kestänyt viikkoja, "
        "ja ihmiset ovat jääneet työttömyyden alussa ilman tuloja."),
    et=("Piiriüleste töötajate töötushüvitised töö kaotamisel",
        "Eestis elav ja Soomes töötanud piiriülene töötaja peab taotlema hüvitist Eestis, kus Töötukassa vajab "
        "Soome tööperioode U1-dokumendil. Dokumendi saamine on võtnud nädalaid ja inimesed on töötuse alguses "
        "jäänud sissetulekuta."))

_bn("BN-019", "employment", "FI", "national", 2, (300, 800, DEMO),
    ("Turvallisuus- ja kemikaalivirasto (Tukes)", "Kutsekoda"), "interview", "2019-10-01", "information",
    "electricians; construction companies", None, DEMO_REF,
    en=("Recognition of qualifications for electrical work",
        "Estonian electricians need a Finnish electrical safety qualification certificate before they may supervise "
        "electrical work in Finland, and applicants reported unclear requirements. Analysis showed that the EU "
        "recognition procedure already applies, so the remaining problem is one of information."),
    fi=("Sähköalan pätevyyksien tunnustaminen",
        "Virolaiset sähköasentajat tarvitsevat suomalaisen sähköturvallisuuden pätevyystodistuksen ennen kuin "
        "voivat johtaa sähkötöitä Suomessa, ja hakijat kertoivat vaatimusten olevan epäselviä. Selvityksen mukaan "
        "EU:n tunnustamismenettely on jo käytössä, joten jäljelle jäävä ongelma koskee tiedottamista."),
    et=("Elektritööde kvalifikatsiooni tunnustamine",
        "Eesti elektrikud vajavad Soome elektriohutuse pädevustunnistust, enne kui nad tohivad Soomes elektritöid "
        "juhtida, ning taotlejad pidasid nõudeid ebaselgeks. Analüüs näitas, et ELi tunnustamismenetlus juba "
        "kehtib, seega on allesjäänud probleem teavitamises."))

_bn("BN-020", "employment", "both", "regional", 2, (1000, 4000, DEMO),
    ("Helsingin kaupunki (työllisyyspalvelut)", "Töötukassa"), "roundtable", "2026-09-22", "agreement",
    "job-seekers; employers; EURES advisers", None, DEMO_REF,
    en=("Uusimaa job vacancies hardly reach Estonian job-seekers",
        "Since Finnish employment services moved to the municipalities in 2025, there has been no agreed channel "
        "for sharing Uusimaa vacancies with Estonian job-seekers in Estonian. EURES advisers on both sides report "
        "that employers in care, construction and logistics do not know whom to contact."),
    fi=("Uudenmaan avoimet työpaikat tavoittavat huonosti virolaiset työnhakijat",
        "Sen jälkeen kun Suomen työllisyyspalvelut siirtyivät kunnille vuonna 2025, ei ole ollut sovittua "
        "kanavaa, jolla Uudenmaan avoimet työpaikat välitettäisiin virolaisille työnhakijoille viroksi. Kummankin "
        "maan EURES-neuvojat kertovat, etteivät hoiva-, rakennus- ja logistiikka-alan työnantajat tiedä, keneen "
        "ottaa yhteyttä."),
    et=("Uusimaa vabad töökohad jõuavad Eesti tööotsijateni halvasti",
        "Pärast Soome tööhõiveteenuste üleminekut omavalitsustele 2025. aastal puudub kokkulepitud kanal, mille "
        "kaudu Uusimaa vabu töökohti eesti keeles Eesti tööotsijatele vahendada. Mõlema riigi EURESe nõustajad "
        "märgivad, et hooldus-, ehitus- ja logistikasektori tööandjad ei tea, kelle poole pöörduda."))

# --- social security ------------------------------------------------------------------------------------------
_bn("BN-021", "social_security", "both", "EU", 4, (6000, 12000, POSTED_SRC),
    ("Eläketurvakeskus", "Sotsiaalkindlustusamet"), "statistics", "2018-05-15", "digital_interoperability",
    "posted workers; employers; labour inspectors", "SOC_A1_CERTS;EMP_POSTED_NOTIF", DEMO_REF,
    en=("Delays in A1 certificates for posted workers",
        "Workers posted between Finland and Estonia need an A1 certificate showing which country's social security "
        "applies, but it is often issued only after the work has started. Inspectors on construction sites cannot "
        "check an A1 certificate electronically, which exposes companies to penalties and leaves room for fraud."),
    fi=("A1-todistusten viivästyminen lähetetyillä työntekijöillä",
        "Suomen ja Viron välillä lähetetyt työntekijät tarvitsevat A1-todistuksen siitä, minkä maan sosiaaliturvaa "
        "heihin sovelletaan, mutta todistus myönnetään usein vasta työn alettua. Rakennustyömaiden tarkastajat "
        "eivät voi tarkistaa A1-todistusta sähköisesti, mikä altistaa yritykset seuraamuksille ja jättää tilaa "
        "väärinkäytöksille."),
    et=("A1-tõendite viivitused lähetatud töötajatele",
        "Soome ja Eesti vahel lähetatud töötajad vajavad A1-tõendit selle kohta, millise riigi sotsiaalkindlustust "
        "neile kohaldatakse, kuid see väljastatakse sageli alles pärast töö algust. Ehitusobjektide inspektorid ei "
        "saa A1-tõendit elektrooniliselt kontrollida, mis seab ettevõtted karistuste ohtu ja jätab ruumi pettusele."))

_bn("BN-022", "social_security", "both", "EU", 4, (2000, 6000, DEMO), ("Kela", "Tervisekassa"), "enquiry",
    "2017-11-07", "procedure", "frontier workers' families; children", "SOC_KELA_DECISION_DAYS", DEMO_REF,
    en=("Health-care access for families of frontier workers",
        "Family members living in Estonia of a worker insured in Finland are entitled to health care in Estonia on "
        "an S1 document, but registering it with the Estonian Health Insurance Fund needs a Kela decision that can "
        "take months. Meanwhile families pay for care themselves or postpone it."),
    fi=("Rajatyöntekijöiden perheenjäsenten terveydenhuolto",
        "Suomessa vakuutetun työntekijän Virossa asuvilla perheenjäsenillä on oikeus hoitoon Virossa "
        "S1-todistuksen perusteella, mutta sen rekisteröinti Viron sairausvakuutuskassaan (Tervisekassa) "
        "edellyttää Kelan päätöstä, joka voi kestää kuukausia. Sillä välin perheet maksavat hoidon itse tai "
        "lykkäävät sitä."),
    et=("Piiriüleste töötajate pereliikmete juurdepääs tervishoiule",
        "Soomes kindlustatud töötaja Eestis elavatel pereliikmetel on õigus saada Eestis ravi S1-vormi alusel, kuid "
        "selle registreerimine Tervisekassas eeldab Kela otsust, mis võib võtta kuid. Seni maksavad pered ravi eest "
        "ise või lükkavad selle edasi."))

_bn("BN-023", "social_security", "both", "EU", 3, (1500, 4000, DEMO), ("Kela", "Sotsiaalkindlustusamet"),
    "enquiry", "2018-03-13", "procedure", "frontier workers' families; children", "SOC_KELA_DECISION_DAYS", DEMO_REF,
    en=("Slow coordination of family benefits",
        "When one parent works in Finland and the family lives in Estonia, Kela and the Estonian Social Insurance "
        "Board must agree which country pays child benefit first and whether a differential amount is due. "
        "Families have waited up to a year for the decision and the back payment."),
    fi=("Perhe-etuuksien yhteensovittaminen on hidasta",
        "Kun toinen vanhemmista työskentelee Suomessa ja perhe asuu Virossa, Kelan ja Viron "
        "sosiaalivakuutusviraston on ratkaistava, kumpi maa maksaa lapsilisän ensisijaisesti ja maksetaanko "
        "erotus. Perheet ovat odottaneet päätöstä ja takautuvaa maksua jopa vuoden."),
    et=("Peretoetuste koordineerimine on aeglane",
        "Kui üks vanem töötab Soomes ja pere elab Eestis, peavad Kela ja Sotsiaalkindlustusamet kokku leppima, kumb "
        "riik maksab lapsetoetust esmajärjekorras ja kas tuleb maksta vahesumma. Pered on otsust ja "
        "tagasiulatuvat väljamakset oodanud kuni aasta."))

_bn("BN-024", "social_security", "both", "EU", 2, (20000, 50000, DEMO),
    ("Eläketurvakeskus", "Sotsiaalkindlustusamet"), "survey", "2020-11-24", "digital_interoperability",
    "people with careers in both countries; pensioners", None,
    "European Tracking Service on pensions (findyourpension.eu) as a possible model; " + DEMO_REF,
    en=("No combined pension estimate for careers in both countries",
        "People who have worked in both Finland and Estonia receive separate pension statements and cannot see an "
        "estimate of their total pension. Planning retirement or a move back requires contacting both pension "
        "institutions, often in a foreign language."),
    fi=("Kummassakin maassa työskennelleille ei ole yhteistä eläke-ennustetta",
        "Sekä Suomessa että Virossa työskennelleet saavat erilliset eläkeotteet eivätkä näe arviota "
        "kokonaiseläkkeestään. Eläkkeelle jäämisen tai paluumuuton suunnittelu edellyttää yhteydenottoa "
        "kumpaankin eläkelaitokseen, usein vieraalla kielellä."),
    et=("Mõlemas riigis töötanutel puudub ühine pensioniprognoos",
        "Nii Soomes kui ka Eestis töötanud inimesed saavad eraldi pensioniväljavõtted ega näe hinnangut oma "
        "kogupensionile. Pensionile jäämise või tagasikolimise planeerimiseks tuleb pöörduda mõlema "
        "pensioniasutuse poole, sageli võõrkeeles."))

# --- legal and administrative ---------------------------------------------------------------------------------
_bn("BN-025", "legal_admin", "both", "national", 3, (10000, 60000, DEMO),
    ("Digi- ja väestötietovirasto (Väestörekisterikeskus until 2019)", "Riigi Infosüsteemi Amet"), "report",
    "2016-02-16", "digital_interoperability", "companies; movers; public authorities", None,
    "Information System Authority (RIA, ria.ee), OpenGov Asia and the OECD Observatory of Public Sector Innovation "
    "on the X-Road federation",
    en=("Population and business register data not exchanged between authorities",
        "Finnish and Estonian authorities had to ask people and companies for register extracts from the other "
        "country, because the two national data exchange layers were not connected. The solution was a federation "
        "of the Estonian X-tee and the Finnish Suomi.fi Data Exchange Layer."),
    fi=("Väestö- ja yritysrekisterien tietoja ei vaihdettu viranomaisten kesken",
        "Suomen ja Viron viranomaisten oli pyydettävä ihmisiltä ja yrityksiltä toisen maan rekisteriotteita, koska "
        "maiden kansallisia tiedonvaihtokerroksia ei ollut yhdistetty. Ratkaisuna oli Viron X-teen ja Suomen "
        "Suomi.fi-palveluväylän federointi."),
    et=("Rahvastiku- ja äriregistri andmeid ei vahetatud asutuste vahel",
        "Soome ja Eesti asutused pidid küsima inimestelt ja ettevõtetelt teise riigi registriväljavõtteid, sest "
        "riikide andmevahetuskihid ei olnud ühendatud. Lahenduseks oli Eesti X-tee ja Soome Suomi.fi "
        "andmevahetuskihi (Palveluväylä) föderatsioon."))

_bn("BN-026", "legal_admin", "both", "national", 3,
    (4500, 5500, "About 5,000 Finns registered in both countries (Digital and Population Data Services "
                 "Agency DVV, press release, 27 August 2024); the range is " + EST),
    ("Digi- ja väestötietovirasto", "Siseministeerium"), "statistics", "2019-09-10", "agreement",
    "movers; families; municipalities", "LEG_DUAL_REG_PERSONS;INT_POPULATION",
    "Digital and Population Data Services Agency (DVV), press release, 27 August 2024 (dvv.fi)",
    en=("People registered as residents in both countries",
        "About 5,000 Finns are registered as residents both in Finland and in Estonia, which distorts population "
        "figures, municipal funding and electoral rolls and can lead to duplicate benefits or taxes. The population "
        "registers had no routine for telling each other when a person moves."),
    fi=("Kumpaankin maahan asukkaaksi rekisteröidyt henkilöt",
        "Noin 5 000 suomalaista on rekisteröity asukkaaksi sekä Suomessa että Virossa, mikä vääristää väestötietoja, "
        "kuntien rahoitusta ja vaaliluetteloita ja voi johtaa päällekkäisiin etuuksiin tai veroihin. "
        "Väestörekistereillä ei ollut menettelyä, jolla ne ilmoittaisivat toisilleen henkilön muutosta."),
    et=("Mõlemas riigis elanikuna registreeritud inimesed",
        "Ligikaudu 5000 soomlast on registreeritud elanikuna nii Soomes kui ka Eestis, mis moonutab "
        "rahvastikuandmeid, omavalitsuste rahastamist ja valijate nimekirju ning võib kaasa tuua topelthüvitised "
        "või -maksud. Rahvastikuregistritel puudus kord, millega teineteisele inimese elukohavahetusest teatada."))

_bn("BN-027", "legal_admin", "both", "EU", 4,
    (16000, 60000, "16,000 people with Finnish identity codes registered in Estonia (Yle, about 2012); the "
                   "upper bound is " + EST),
    ("Digi- ja väestötietovirasto", "Siseministeerium"), "report", "2021-03-16", "digital_interoperability",
    "movers; commuters; public authorities", None,
    "Info Norden, top ten cross-border obstacles, 2023 (e-ID matching across registers); " + DEMO_REF,
    en=("Matching a person's records across population registers",
        "A person has a different identity code in each country, and registers cannot reliably tell that two "
        "records belong to the same person when names are spelt differently. Errors lead to wrong tax, benefit and "
        "health data and slow down every cross-border case."),
    fi=("Henkilön tietojen yhdistäminen väestörekisterien välillä",
        "Henkilöllä on kummassakin maassa eri henkilötunnus, eivätkä rekisterit pysty luotettavasti päättelemään, "
        "että kaksi tietuetta koskee samaa henkilöä, jos nimet on kirjoitettu eri tavoin. Virheet johtavat vääriin "
        "vero-, etuus- ja terveystietoihin ja hidastavat jokaista rajat ylittävää asiaa."),
    et=("Isiku andmete sidumine rahvastikuregistrite vahel",
        "Inimesel on kummaski riigis erinev isikukood ning registrid ei suuda usaldusväärselt tuvastada, et kaks "
        "kirjet kuuluvad samale inimesele, kui nimed on eri moodi kirjutatud. Vead põhjustavad valesid maksu-, "
        "hüvitise- ja terviseandmeid ning aeglustavad iga piiriülest asja."))

_bn("BN-028", "legal_admin", "FI", "national", 3, (3000, 6000, DEMO),
    ("Maahanmuuttovirasto", "Politsei- ja Piirivalveamet"), "statistics", "2018-08-21", "procedure",
    "movers; workers; families", "LEG_RESIDENCE_REG_DAYS", DEMO_REF,
    en=("Waiting times for registering an EU citizen's right of residence",
        "Estonians who move to Finland for more than three months must register their right of residence with the "
        "Finnish Immigration Service and prove their identity at a service point. Long queues for appointments in "
        "Uusimaa delayed the registration and with it the home municipality, tax cards and bank accounts."),
    fi=("Odotusajat EU-kansalaisen oleskeluoikeuden rekisteröinnissä",
        "Yli kolmeksi kuukaudeksi Suomeen muuttavien virolaisten on rekisteröitävä oleskeluoikeutensa "
        "Maahanmuuttovirastossa ja todistettava henkilöllisyytensä palvelupisteessä. Uudenmaan palvelupisteiden "
        "pitkät jonot viivästyttivät rekisteröintiä ja sen myötä kotikuntaa, verokortteja ja pankkitilejä."),
    et=("Ootejärjekorrad ELi kodaniku elamisõiguse registreerimisel",
        "Soome üle kolmeks kuuks kolivad eestlased peavad registreerima oma elamisõiguse Soome Migratsiooniametis "
        "(Maahanmuuttovirasto) ja tõendama oma isikut teeninduspunktis. Uusimaa teeninduspunktide pikad "
        "järjekorrad lükkasid edasi registreerimise ja sellega koos Soome elukohajärgse omavalitsuse, maksukaardid "
        "ja pangakontod."))

# --- integration ----------------------------------------------------------------------------------------------
_bn("BN-029", "integration", "both", "regional", 2, (5000, 15000, DEMO),
    ("Helsingin kaupunki", "Siseministeerium (kohanemisprogramm)"), "survey", "2020-02-18", "procedure",
    "workers; families; newcomers", "INT_EE_SPEAKERS_FI;INT_EE_CITIZENS_FI", DEMO_REF,
    en=("Language courses for EU movers are hard to access",
        "Estonians who move to Uusimaa for work are rarely offered Finnish courses, because integration services "
        "are aimed mainly at unemployed job-seekers, and Finns in Harju County meet similar gaps in Estonian "
        "courses. Without the language, people stay in low-paid jobs and outside local communities."),
    fi=("EU-maista muuttavien on vaikea päästä kielikursseille",
        "Uudellemaalle töihin muuttaville virolaisille tarjotaan harvoin suomen kielen kursseja, koska "
        "kotoutumispalvelut on suunnattu lähinnä työttömille työnhakijoille, ja Harjumaalla asuvat suomalaiset "
        "kohtaavat samanlaisia aukkoja viron kielen kursseissa. Ilman kielitaitoa ihmiset jäävät matalapalkkaisiin "
        "töihin ja paikallisyhteisöjen ulkopuolelle."),
    et=("ELi riikidest kolijatel on raske keelekursustele pääseda",
        "Uusimaale tööle kolivatele eestlastele pakutakse harva soome keele kursusi, sest lõimumisteenused on "
        "suunatud peamiselt töötutele tööotsijatele, ning Harjumaal elavad soomlased kohtavad sarnaseid lünki eesti "
        "keele kursustes. Keeleoskuseta jäävad inimesed madalapalgalistele töödele ja kohalikest kogukondadest "
        "eemale."))

_bn("BN-030", "integration", "FI", "municipal", 2, (3000, 6000, SPEAKERS_SRC),
    ("Helsingin kaupunki; Espoon kaupunki; Vantaan kaupunki", "Haridus- ja Teadusministeerium"), "survey",
    "2019-04-09", "agreement", "pupils; families", "INT_EE_SPEAKERS_FI", DEMO_REF,
    en=("Too few Estonian mother-tongue lessons in Uusimaa schools",
        "Municipalities in Uusimaa arrange home-language lessons in Estonian only where enough pupils sign up, and "
        "the two weekly lessons often take place far from the pupil's own school. Many of the about 50,000 "
        "Estonian-speakers in Finland live in Uusimaa, and their children risk losing written Estonian."),
    fi=("Viron kielen oman äidinkielen opetusta on liian vähän Uudenmaan kouluissa",
        "Uudenmaan kunnat järjestävät oman äidinkielen opetusta viroksi vain, jos ilmoittautuneita on riittävästi, "
        "ja kaksi viikkotuntia pidetään usein kaukana oppilaan omasta koulusta. Moni Suomen noin 50 000 "
        "vironkielisestä asuu Uudellamaalla, ja heidän lapsillaan on vaara menettää viron kirjakielen taito."),
    et=("Uusimaa koolides on liiga vähe eesti emakeele tunde",
        "Uusimaa omavalitsused korraldavad eesti keele kui kodukeele tunde ainult siis, kui registreerunuid on "
        "piisavalt, ja kaks nädalatundi toimuvad sageli õpilase koolist kaugel. Paljud Soome ligikaudu 50 000 "
        "eesti keelt kõnelevast inimesest elavad Uusimaal ning nende lapsed võivad kaotada eesti kirjakeele oskuse."))

_bn("BN-031", "integration", "both", "national", 4, (4000, 12000, DEMO),
    ("Finanssivalvonta", "Finantsinspektsioon"), "report", "2021-06-08", "procedure",
    "newcomers; commuters; students", None,
    "Info Norden, top ten cross-border obstacles, 2023: bank accounts without a local ID code; " + DEMO_REF,
    en=("Opening a bank account or renting a home without a local identity code",
        "Banks and landlords ask for a local personal identity code and credit history before opening an account "
        "or signing a lease. Newcomers from across the gulf are caught in a loop: no account without an address, "
        "and no lease without an account."),
    fi=("Pankkitilin avaaminen tai asunnon vuokraaminen ilman paikallista henkilötunnusta",
        "Pankit ja vuokranantajat edellyttävät paikallista henkilötunnusta ja luottotietoja ennen tilin avaamista "
        "tai vuokrasopimuksen tekemistä. Suomenlahden toiselta puolelta muuttavat joutuvat kierteeseen: ilman "
        "osoitetta ei saa tiliä, eikä ilman tiliä saa vuokrasopimusta."),
    et=("Pangakonto avamine või kodu üürimine ilma kohaliku isikukoodita",
        "Pangad ja üürileandjad nõuavad enne konto avamist või üürilepingu sõlmimist kohalikku isikukoodi ja "
        "krediidiajalugu. Teiselt poolt Soome lahte kolijad satuvad nõiaringi: aadressita ei saa kontot ja kontota "
        "ei saa üürilepingut."))

_bn("BN-032", "integration", "FI", "national", 3, (5000, 15000, DEMO),
    ("Digi- ja väestötietovirasto", "Siseministeerium"), "interview", "2020-06-16", "law_change",
    "short-term workers; seasonal workers", None, DEMO_REF,
    en=("No Finnish home municipality for short-term workers",
        "Estonian workers who stay in Finland for less than a year usually do not get a Finnish home municipality, "
        "even if they work here for years in repeated periods. Without one, their access to the local health "
        "centre and other residence-based public services is limited."),
    fi=("Lyhytaikaisilla työntekijöillä ei ole kotikuntaa Suomessa",
        "Alle vuoden Suomessa oleskelevat virolaiset työntekijät eivät yleensä saa suomalaista kotikuntaa, vaikka "
        "työskentelisivät täällä vuosia toistuvina jaksoina. Ilman kotikuntaa heidän pääsynsä terveysasemalle ja "
        "muihin asuinpaikkaan perustuviin julkisiin palveluihin on rajallinen."),
    et=("Lühiajalistel töötajatel puudub Soomes elukohajärgne omavalitsus",
        "Alla aasta Soomes viibivad Eesti töötajad ei saa üldjuhul Soome elukohajärgset omavalitsust (kotikunta), "
        "isegi kui nad töötavad siin aastaid korduvate perioodidena. Selleta on nende juurdepääs tervisekeskusele "
        "ja teistele elukohapõhistele avalikele teenustele piiratud."))

# --- information ----------------------------------------------------------------------------------------------
_bn("BN-033", "information", "FI", "national", 3,
    (40000, 55000, "50,202 Estonian speakers in Finland (Statistics Finland, 2023); the range is " + EST),
    ("Digi- ja väestötietovirasto (Suomi.fi)", "Riigi Infosüsteemi Amet (eesti.ee)"), "survey", "2018-11-20",
    "information", "workers; families; newcomers", "INF_PAGES_ET;INT_EE_SPEAKERS_FI", DEMO_REF,
    en=("Little information on rights and duties in Estonian",
        "Finnish authorities publish guidance in Finnish, Swedish and English but rarely in Estonian, although "
        "Estonian is one of the largest foreign languages in Finland. Estonian workers rely on colleagues and "
        "social media, which spread outdated or wrong advice."),
    fi=("Oikeuksista ja velvollisuuksista on vähän tietoa viroksi",
        "Suomen viranomaiset julkaisevat ohjeita suomeksi, ruotsiksi ja englanniksi mutta harvoin viroksi, vaikka "
        "viro on yksi Suomen suurimmista vieraista kielistä. Virolaiset työntekijät turvautuvat työtovereihin ja "
        "sosiaaliseen mediaan, joissa leviää vanhentuneita tai vääriä neuvoja."),
    et=("Õiguste ja kohustuste kohta on eesti keeles vähe teavet",
        "Soome ametiasutused avaldavad juhiseid soome, rootsi ja inglise keeles, kuid harva eesti keeles, kuigi "
        "eesti keel on üks Soome suurimaid võõrkeeli. Eesti töötajad toetuvad kolleegidele ja sotsiaalmeediale, "
        "kus levivad aegunud või valed nõuanded."))

_bn("BN-034", "information", "both", "regional", 3, (10000, 30000, DEMO),
    ("Uudenmaan liitto", "Harjumaa Omavalitsuste Liit"), "roundtable", "2017-06-13", "information",
    "commuters; movers; employers", "INF_ENQUIRIES",
    "Benchmark: Øresunddirekt and Info Norden; " + DEMO_REF,
    en=("No single information point for cross-border movers",
        "Advice is split between tax offices, Kela, employment services, trade unions, embassies and private "
        "consultants, and none of them covers both countries. Unlike the Øresund region (Øresunddirekt) or the "
        "Nordic countries (Info Norden), the Helsinki–Tallinn region has no joint service that answers questions "
        "across authorities."),
    fi=("Rajan yli muuttaville ei ole yhtä neuvontapistettä",
        "Neuvonta on hajallaan verotoimistojen, Kelan, työllisyyspalvelujen, ammattiliittojen, suurlähetystöjen ja "
        "yksityisten konsulttien kesken, eikä mikään niistä kata kumpaakin maata. Toisin kuin Juutinrauman alueella "
        "(Øresunddirekt) tai Pohjoismaissa (Info Norden), Helsingin–Tallinnan alueella ei ole yhteistä "
        "neuvontapalvelua, joka vastaisi kysymyksiin viranomaisrajojen yli."),
    et=("Piiriülestele kolijatele puudub ühtne infopunkt",
        "Nõustamine on killustatud maksuametite, Kela, tööhõiveteenuste, ametiühingute, saatkondade ja "
        "erakonsultantide vahel ning ükski neist ei kata mõlemat riiki. Erinevalt Øresundi piirkonnast "
        "(Øresunddirekt) ja Põhjamaadest (Info Norden) puudub Helsingi–Tallinna piirkonnas ühine infoteenus, mis "
        "vastaks küsimustele üle asutuste piiride."))

_bn("BN-035", "information", "both", "national", 3,
    (10000, 21000, "“10,000 or more” regular commuters (Green European Journal, 2018) and about 21,000 in "
                   "official Finnish data (about 2013; Baltic News Network citing ERR's Pealtnägija)"),
    ("Tilastokeskus", "Statistikaamet"), "statistics", "2016-10-11", "agreement",
    "public authorities; regional councils; researchers", "EMP_COMMUTERS_EE_FI;TAX_FI_TAXCARD_EE",
    "Green European Journal, 2018; Baltic News Network citing ERR's Pealtnägija; Silm et al., European Planning "
    "Studies, 2020",
    en=("No reliable statistics on cross-border commuters",
        "Estimates of Estonians working in Finland range from 10,000 regular commuters to older claims of "
        "50,000–100,000, while official Finnish data showed about 21,000. Without a shared register-based count, "
        "authorities cannot plan services or measure whether their measures work."),
    fi=("Rajan yli pendelöinnistä ei ole luotettavaa tilastoa",
        "Arviot Suomessa työskentelevien virolaisten määrästä vaihtelevat 10 000 säännöllisestä pendelöijästä "
        "vanhempiin 50 000–100 000 henkilön arvioihin, kun taas Suomen virallisten tietojen mukaan heitä oli noin "
        "21 000. Ilman yhteistä rekisteripohjaista laskentaa viranomaiset eivät voi mitoittaa palveluja eivätkä "
        "arvioida toimenpiteiden vaikutusta."),
    et=("Piiriülese pendeldamise kohta puudub usaldusväärne statistika",
        "Hinnangud Soomes töötavate eestlaste arvule ulatuvad 10 000 regulaarsest pendeldajast varasemate "
        "väideteni 50 000–100 000 kohta, samas kui Soome ametlike andmete järgi oli neid umbes 21 000. Ühise "
        "registripõhise loenduseta ei saa asutused teenuseid planeerida ega hinnata meetmete mõju."))

_bn("BN-036", "information", "both", "regional", 2, (500, 2000, DEMO),
    ("Työ- ja elinkeinoministeriö", "Majandus- ja Kommunikatsiooniministeerium"), "enquiry", "2026-11-03",
    "information", "employers; small companies; job-seekers", None, DEMO_REF,
    en=("Employers lack guidance on hiring across the Gulf of Finland",
        "Small companies in Uusimaa and Harju County that want to hire someone living on the other side must work "
        "out payroll tax, social security, occupational health care and posting rules from separate sources. "
        "Enquiries to the pilot information desk show that many give up or hire through staffing agencies."),
    fi=("Työnantajilta puuttuu ohjeistus työntekijän palkkaamiseen Suomenlahden yli",
        "Uudenmaan ja Harjumaan pienyritysten, jotka haluavat palkata toisella puolella asuvan henkilön, on "
        "selvitettävä palkan verotus, sosiaaliturva, työterveyshuolto ja lähettämissäännöt eri lähteistä. "
        "Pilottineuvontaan tulleet kysymykset osoittavat, että moni luopuu aikeesta tai palkkaa "
        "henkilöstövuokrausyrityksen kautta."),
    et=("Tööandjatel puuduvad juhised üle Soome lahe töötajate palkamiseks",
        "Uusimaa ja Harjumaa väikeettevõtted, kes soovivad palgata teisel pool elavat inimest, peavad palga "
        "maksustamise, sotsiaalkindlustuse, töötervishoiu ja lähetamisreeglid välja selgitama eri allikatest. "
        "Piloot-infopunkti jõudnud küsimused näitavad, et paljud loobuvad või palkavad renditööjõufirma kaudu."))

# --- status histories -----------------------------------------------------------------------------------------
# (bottleneck, date, status after the event, who, what happened[, source]). Without a source the event is a demo
# scenario and its note says so; seq is 1, or 2 for a second event on the same day.
_EVENT_ROWS: list[tuple[str, ...]] = [
    ("BN-001", "2017-03-15", "identified", "FinEst Link project",
     "Raised at a FinEst Link roundtable on the Helsinki–Tallinn travel chain."),
    ("BN-001", "2018-06-12", "analysed", "FinEst Link project",
     "Travel-chain study mapped the ticket systems of HSL, Tallinn and the ferry operators."),
    ("BN-001", "2022-05-18", "prioritised", "TwinReg steering group",
     "Put on the priority list as ferry traffic recovered after COVID-19."),
    ("BN-001", "2024-03-20", "solution_proposed", "HSL; Tallinna Transpordiamet",
     "Joint commuter ticket proposed: HSL and Tallinn period tickets sold together with ferry multi-trip tickets."),
    ("BN-001", "2026-10-07", "in_progress", "HSL; Tallinna Transpordiamet",
     "Pilot agreement signed with two ferry operators; a combined mobile ticket is to be tested from spring 2027."),
    ("BN-002", "2018-04-10", "identified", "Helsinki-Tallinn Euregio",
     "Commuters registered in Finland asked in a survey for free travel in Tallinn."),
    ("BN-002", "2019-01-22", "analysed", "Tallinna Transpordiamet",
     "The city confirmed that free travel is a benefit of registered residents, financed through the city's share "
     "of personal income tax."),
    ("BN-002", "2023-03-14", "written_off", "TwinReg steering group",
     "Closed: a deliberate municipal policy rather than a removable obstacle; fares are explained in commuter "
     "guidance (BN-034)."),
    ("BN-003", "2017-09-20", "identified", "FinEst Link project",
     "Harbour traffic counts showed peaks of several thousand passengers per ferry arrival."),
    ("BN-003", "2019-05-07", "analysed", "Helsingin kaupunki; Tallinna Linnavalitsus",
     "Joint analysis of harbour traffic and connecting public transport."),
    ("BN-003", "2021-09-28", "in_progress", "Helsingin kaupunki; Tallinna Linnavalitsus",
     "Harbour traffic plans under way in Helsinki; tram link to Tallinn's Old City Harbour under construction."),
    ("BN-003", "2024-12-02", "partly_resolved", "Tallinna Linnavalitsus",
     "Tram link to the Old City Harbour in service; traffic arrangements at Helsinki's West Harbour still being "
     "implemented."),
    ("BN-004", "2019-11-05", "identified", "Helsinki-Tallinn Euregio",
     "Recurring enquiries from commuters about car registration and Finnish car tax."),
    ("BN-004", "2021-02-10", "analysed", "Verohallinto; Transpordiamet",
     "Experts listed the cases in which re-registration and car tax apply."),
    ("BN-004", "2022-06-08", "prioritised", "TwinReg steering group",
     "A joint bilingual guidance page agreed as the target; lead organisation not yet named."),
    ("BN-005", "2020-10-12", "identified", "Helsinki-Tallinn Euregio",
     "Enquiries from commuters working from home in Estonia during COVID-19."),
    ("BN-005", "2021-09-14", "analysed", "Verohallinto; Maksu- ja Tolliamet",
     "Both administrations compared their reading of the Finland–Estonia tax treaty for home-office days."),
    ("BN-005", "2023-01-24", "prioritised", "TwinReg steering group",
     "Prioritised because telework remained common after the pandemic."),
    ("BN-005", "2024-11-19", "solution_proposed", "Valtiovarainministeriö; Rahandusministeerium",
     "Proposal: joint guidance now and a telework clause in the tax treaty."),
    ("BN-005", "2026-10-14", "in_progress", "Valtiovarainministeriö; Rahandusministeerium",
     "The ministries of finance started talks on a protocol to the tax treaty."),
    ("BN-006", "2018-02-20", "identified", "Verohallinto",
     "Refund statistics showed long processing times in Finland–Estonia cases."),
    ("BN-006", "2019-03-12", "analysed", "Verohallinto; Maksu- ja Tolliamet",
     "Delays traced to paper certificates of tax paid."),
    ("BN-006", "2021-04-20", "prioritised", "TwinReg steering group",
     "Prioritised together with the taxation of remote work (BN-005)."),
    ("BN-006", "2023-06-06", "solution_proposed", "Verohallinto; Maksu- ja Tolliamet",
     "Electronic exchange of tax-paid and tax-residence data proposed."),
    ("BN-006", "2026-10-21", "resolved", "Verohallinto; Maksu- ja Tolliamet",
     "Automatic exchange in use; average refund time below three months for two quarters in a row."),
    ("BN-007", "2016-09-14", "identified", "Helsinki-Tallinn Euregio",
     "Interviews with Estonian subcontractors on construction sites in Uusimaa."),
    ("BN-007", "2017-11-21", "analysed", "Verohallinto",
     "Waiting times for identification at tax offices in Uusimaa measured."),
    ("BN-007", "2019-04-09", "solution_proposed", "Verohallinto",
     "Proposal: more appointment times and electronic applications by employers."),
    ("BN-007", "2021-06-15", "partly_resolved", "Verohallinto",
     "Employers apply for tax numbers electronically; people without a Finnish identity code still need one "
     "visit in person."),
    ("BN-008", "2019-06-03", "identified", "Helsinki-Tallinn Euregio",
     "Enquiries about tax cards after short work periods in Finland."),
    ("BN-008", "2020-09-15", "analysed", "Verohallinto", "Typical cases of interrupted stays collected."),
    ("BN-008", "2022-03-22", "prioritised", "TwinReg steering group",
     "Prioritised for guidance in Estonian; no owner resources assigned yet."),
    ("BN-009", "2019-08-26", "identified", "Opetushallitus",
     "Statistics showed long decision times for applications from Estonia."),
    ("BN-009", "2021-03-16", "analysed", "Opetushallitus; Haridus- ja Noorteamet",
     "Missing documents identified as the main cause of delay."),
    ("BN-009", "2023-09-12", "prioritised", "TwinReg steering group",
     "Prioritised because of the teacher shortage in Uusimaa."),
    ("BN-009", "2025-04-08", "solution_proposed", "Opetushallitus; Haridus- ja Noorteamet",
     "A checklist in Estonian and electronic transfer of diplomas proposed."),
    ("BN-009", "2026-09-16", "in_progress", "Opetushallitus",
     "Fast-track pilot for applications from Estonia started; decision times tracked in EDU_RECOGNITION_DAYS."),
    ("BN-010", "2018-10-09", "identified", "Uudenmaan liitto", "Interviews with health-care employers in Uusimaa."),
    ("BN-010", "2019-09-17", "analysed", "Valvira; Terviseamet",
     "Document requests between the two authorities mapped."),
    ("BN-010", "2021-11-23", "solution_proposed", "Valvira; Terviseamet",
     "Terviseamet to send certificates of conformity directly to Valvira."),
    ("BN-010", "2023-02-14", "in_progress", "Valvira; Terviseamet", "Electronic transfer of certificates started."),
    ("BN-010", "2024-11-12", "partly_resolved", "Valvira",
     "Licensing time shortened; proof of language skills remains an employer requirement."),
    ("BN-011", "2021-04-19", "identified", "Suomen suurlähetystö Tallinnassa",
     "Survey of Finnish families living in Harju County."),
    ("BN-011", "2022-10-11", "analysed", "Tallinna Haridusamet",
     "Demand for Finnish-language school places estimated by school year."),
    ("BN-011", "2024-05-21", "prioritised", "TwinReg steering group",
     "Prioritised as a condition for attracting Finnish professionals to Tallinn."),
    ("BN-011", "2026-11-04", "solution_proposed", "Tallinna Haridusamet; Opetushallitus",
     "Proposal: additional premises in Tallinn and Finnish-language teaching support from Finland."),
    ("BN-012", "2020-05-11", "identified", "Haridus- ja Teadusministeerium",
     "A report on digital study records named the missing Finland–Estonia exchange."),
    ("BN-012", "2022-02-15", "analysed", "Opetushallitus; Haridus- ja Teadusministeerium",
     "Data models of VIRTA and EHIS compared."),
    ("BN-012", "2023-10-10", "solution_proposed", "Opetushallitus; Haridus- ja Teadusministeerium",
     "Both registers to exchange records through EMREX and European Digital Credentials."),
    ("BN-012", "2025-03-11", "in_progress", "Opetushallitus; Haridus- ja Teadusministeerium",
     "Technical work started."),
    ("BN-012", "2026-09-29", "in_progress", "Tallinna Ülikool; Helsingin yliopisto",
     "Test exchange of study records between two universities completed."),
    ("BN-013", "2016-05-17", "identified", "Kela; Eesti Haigekassa",
     "Commuters complained about paper prescriptions; a cross-border e-prescription was chosen as a pilot."),
    ("BN-013", "2017-06-20", "solution_proposed", "Kela; Eesti Haigekassa",
     "Exchange to be built in the first wave of the EU eHealth Digital Service Infrastructure."),
    ("BN-013", "2018-03-13", "in_progress", "Kela; TEHIK", "National contact points implemented and tested."),
    ("BN-013", "2019-01-21", "resolved", "Kela; TEHIK",
     "First Finnish e-prescriptions dispensed in Estonian pharmacies, the first such exchange in the EU.",
     "Yle; Journal of Medical Internet Research (JMIR), 2023; eHealth Digital Service Infrastructure "
     "(eHDSI/CEF), January 2019"),
    ("BN-014", "2016-05-17", "identified", "Kela; Eesti Haigekassa",
     "The Estonian-to-Finnish direction was left for a later phase."),
    ("BN-014", "2019-01-21", "in_progress", "Kela; TEHIK",
     "Work on the reverse direction continued after the Finnish-to-Estonian launch."),
    ("BN-014", "2020-07-01", "resolved", "Kela; TEHIK",
     "Estonian e-prescriptions can be dispensed in Finnish pharmacies, about 18 months after the FI→EE launch; "
     "day and month approximate.", "Journal of Medical Internet Research (JMIR), 2023; farmaceuticos.com, 2020"),
    ("BN-015", "2017-02-14", "identified", "Väestörekisterikeskus",
     "Estonians without Finnish bank codes could not log in to Suomi.fi services."),
    ("BN-015", "2017-10-17", "solution_proposed", "Väestörekisterikeskus",
     "Suomi.fi e-Identification to be connected to the Finnish eIDAS node."),
    ("BN-015", "2018-09-29", "in_progress", "Väestörekisterikeskus; Riigi Infosüsteemi Amet",
     "Recognition of other member states' notified e-IDs became mandatory for public services.",
     "Regulation (EU) No 910/2014 (eIDAS), Article 6"),
    ("BN-015", "2019-02-15", "resolved", "Väestörekisterikeskus",
     "Suomi.fi e-Identification accepts eIDAS-notified foreign e-IDs such as the Estonian ID-card; day approximate.",
     "Population Register Centre (VRK), February 2019 (vrk.fi)"),
    ("BN-016", "2021-11-09", "identified", "Helsinki-Tallinn Euregio",
     "Roundtable participants could not sign contracts online without a local identity code."),
    ("BN-016", "2023-04-25", "analysed", "Info Norden",
     "Info Norden lists the digital wall among the top-10 Nordic border obstacles; day approximate.",
     "Info Norden top-10 2023"),
    ("BN-016", "2024-06-11", "prioritised", "TwinReg steering group",
     "Prioritised after the revised eIDAS Regulation (EU) 2024/1183 entered into force."),
    ("BN-016", "2025-05-13", "solution_proposed", "Digi- ja väestötietovirasto; Riigi Infosüsteemi Amet",
     "Proposal: test the EU Digital Identity Wallets with banks and operators on both sides."),
    ("BN-016", "2026-11-10", "in_progress", "Digi- ja väestötietovirasto; Riigi Infosüsteemi Amet",
     "Cross-border wallet test with two banks and a telecom operator started."),
    ("BN-017", "2022-03-08", "identified", "Aluehallintovirasto (työsuojelu)",
     "Notification statistics showed many late or incomplete postings from Estonian companies."),
    ("BN-017", "2023-05-16", "analysed", "Työ- ja elinkeinoministeriö; Tööinspektsioon",
     "Small subcontractors interviewed on the duties they find hardest."),
    ("BN-017", "2025-02-18", "prioritised", "TwinReg steering group",
     "Prioritised together with A1 certificates (BN-021)."),
    ("BN-017", "2026-06-09", "solution_proposed", "Työ- ja elinkeinoministeriö; Tööinspektsioon",
     "Proposal: a step-by-step posting guide in Estonian and reminders linked to the notification."),
    ("BN-018", "2019-02-12", "identified", "Töötukassa",
     "Frontier workers interviewed after waiting weeks for a U1 document."),
    ("BN-018", "2020-06-16", "analysed", "Töötukassa; Työllisyysrahasto",
     "COVID-19 lay-offs exposed delays in U1 requests to Finland."),
    ("BN-018", "2021-09-21", "in_progress", "Työllisyysrahasto; Töötukassa",
     "U1 requests moved to the EU Electronic Exchange of Social Security Information (EESSI)."),
    ("BN-018", "2025-03-18", "partly_resolved", "Töötukassa",
     "Electronic exchange works; processing times still vary between Finnish unemployment funds."),
    ("BN-019", "2019-10-01", "identified", "Helsinki-Tallinn Euregio",
     "Electricians reported unclear requirements for working in Finland."),
    ("BN-019", "2021-01-19", "analysed", "Tukes; Kutsekoda",
     "The EU recognition procedure was found to apply; no legal obstacle."),
    ("BN-019", "2022-04-26", "written_off", "TwinReg steering group",
     "Closed as an obstacle; the information need was passed to the information point work (BN-034)."),
    ("BN-020", "2026-09-22", "identified", "Uudenmaan liitto; Harjumaa Omavalitsuste Liit",
     "Raised by EURES advisers at the autumn roundtable on labour mobility."),
    ("BN-020", "2026-11-18", "analysed", "Helsingin kaupunki; Töötukassa",
     "Vacancy channels of the Uusimaa employment areas and Töötukassa mapped."),
    ("BN-020", "2026-11-18", "prioritised", "TwinReg steering group",
     "Added to the priority list at the same meeting."),
    ("BN-021", "2018-05-15", "identified", "Eläketurvakeskus",
     "Statistics showed A1 certificates issued after the posting had started."),
    ("BN-021", "2019-11-12", "analysed", "Eläketurvakeskus; Sotsiaalkindlustusamet",
     "Causes: late applications by employers and manual checks."),
    ("BN-021", "2022-09-20", "prioritised", "TwinReg steering group", "Prioritised with the posting rules (BN-017)."),
    ("BN-021", "2024-10-15", "solution_proposed", "Eläketurvakeskus; Sotsiaalkindlustusamet",
     "Proposal to join the European Social Security Pass (ESSPASS) pilot for digital checks of A1 certificates."),
    ("BN-021", "2026-10-06", "in_progress", "Eläketurvakeskus; Sotsiaalkindlustusamet",
     "Joint pilot started: A1 certificates carry a verifiable QR code."),
    ("BN-022", "2017-11-07", "identified", "Kela", "Enquiries from families whose S1 registration was pending."),
    ("BN-022", "2019-04-16", "analysed", "Kela; Eesti Haigekassa", "Processing steps and waiting times mapped."),
    ("BN-022", "2020-10-13", "prioritised", "TwinReg steering group",
     "Prioritised as a high-severity obstacle for families."),
    ("BN-022", "2022-05-10", "in_progress", "Kela; Eesti Haigekassa",
     "S1 documents exchanged electronically through EESSI."),
    ("BN-022", "2024-09-10", "partly_resolved", "Kela; Tervisekassa",
     "Decision times shortened and bilingual guidance published; cases with several insurers remain slow."),
    ("BN-023", "2018-03-13", "identified", "Kela", "Enquiries from families waiting for child benefit decisions."),
    ("BN-023", "2019-10-08", "analysed", "Kela; Sotsiaalkindlustusamet",
     "Delays traced to sequential instead of parallel processing."),
    ("BN-023", "2021-05-11", "solution_proposed", "Kela; Sotsiaalkindlustusamet",
     "Joint processing guideline and named contact persons proposed."),
    ("BN-023", "2023-04-18", "in_progress", "Kela; Sotsiaalkindlustusamet",
     "Guideline in use; decision times monitored."),
    ("BN-023", "2025-06-17", "resolved", "Kela; Sotsiaalkindlustusamet",
     "Decisions within the three-month target for a full year."),
    ("BN-024", "2020-11-24", "identified", "Helsinki-Tallinn Euregio",
     "Survey respondents with careers in both countries asked for a combined pension estimate."),
    ("BN-024", "2022-01-18", "analysed", "Eläketurvakeskus; Sotsiaalkindlustusamet",
     "The European Tracking Service on pensions considered as a model."),
    ("BN-024", "2023-06-13", "prioritised", "TwinReg steering group",
     "Prioritised; depends on both institutions joining a European tracking service."),
    ("BN-025", "2016-02-16", "identified", "Väestörekisterikeskus; Riigi Infosüsteemi Amet",
     "Authorities reported manual requests for register extracts from the other country."),
    ("BN-025", "2016-12-15", "solution_proposed", "Valtiovarainministeriö; Majandus- ja Kommunikatsiooniministeerium",
     "Agreement on an X-Road trust federation at the end of 2016; day approximate.", "Information System Authority "
                                                                                     "(RIA), X-Road federation with "
                                                                                     "Finland (ria.ee)"),
    ("BN-025", "2017-09-01", "in_progress", "Riigi Infosüsteemi Amet",
     "Data exchange between X-tee and the Suomi.fi Data Exchange Layer became possible.", "Information System "
                                                                                          "Authority (RIA), X-Road "
                                                                                          "federation with Finland "
                                                                                          "(ria.ee)"),
    ("BN-025", "2018-02-08", "resolved", "Riigi Infosüsteemi Amet; Väestörekisterikeskus",
     "Official connection announced; population and business register data are exchanged.",
     "Information System Authority (RIA), ria.ee; OpenGov Asia; OECD Observatory of Public Sector "
     "Innovation (oecd-opsi.org)"),
    ("BN-026", "2019-09-10", "identified", "Väestörekisterikeskus",
     "Register comparison showed Finns registered as residents in both countries."),
    ("BN-026", "2020-12-08", "analysed", "Digi- ja väestötietovirasto; Siseministeerium",
     "Legal basis for exchanging notifications of moves examined."),
    ("BN-026", "2022-09-21", "in_progress", "Digi- ja väestötietovirasto; Siseministeerium",
     "Address-exchange agreement signed.", "Digital and Population Data Services Agency (DVV), press release, 27 "
                                           "August 2024 (dvv.fi)"),
    ("BN-026", "2024-08-27", "in_progress", "Digi- ja väestötietovirasto",
     "About 5,000 Finns registered in both countries; reporting under the agreement to start by the end of 2025.",
     "Digital and Population Data Services Agency (DVV), press release, 27 August 2024 (dvv.fi)"),
    ("BN-026", "2026-10-20", "partly_resolved", "Digi- ja väestötietovirasto; Siseministeerium",
     "First full exchange round completed; cases without a reported move remain."),
    ("BN-027", "2021-03-16", "identified", "Digi- ja väestötietovirasto",
     "Report on mismatched personal records in cross-border cases."),
    ("BN-027", "2022-04-12", "analysed", "Digi- ja väestötietovirasto; Siseministeerium",
     "Matching rules and differences in name spelling compared."),
    ("BN-027", "2023-05-09", "prioritised", "TwinReg steering group",
     "Prioritised; depends on the address exchange (BN-026) and EU-level identity matching."),
    ("BN-028", "2018-08-21", "identified", "Maahanmuuttovirasto",
     "Queue statistics for EU registration appointments in Uusimaa."),
    ("BN-028", "2019-05-14", "analysed", "Maahanmuuttovirasto", "Demand peaks and staff capacity analysed."),
    ("BN-028", "2021-10-19", "solution_proposed", "Maahanmuuttovirasto",
     "Online application with a single identification visit proposed."),
    ("BN-028", "2022-11-08", "in_progress", "Maahanmuuttovirasto",
     "More appointment times and online applications introduced."),
    ("BN-028", "2024-05-14", "resolved", "Maahanmuuttovirasto",
     "Average registration time within the target for four quarters in a row."),
    ("BN-029", "2020-02-18", "identified", "Helsinki-Tallinn Euregio",
     "Survey: employed Estonians found no suitable Finnish courses."),
    ("BN-029", "2021-09-07", "analysed", "Helsingin kaupunki",
     "Course offer for employed EU citizens in the capital region mapped."),
    ("BN-029", "2025-01-14", "prioritised", "TwinReg steering group",
     "Prioritised as the new Finnish Act on the Promotion of Integration took effect at the start of 2025."),
    ("BN-029", "2026-09-09", "in_progress", "Helsingin kaupunki; Tallinna Linnavalitsus",
     "Work-related Finnish courses opened to employed EU citizens; Tallinn offers a matching Estonian module."),
    ("BN-030", "2019-04-09", "identified", "Helsinki-Tallinn Euregio",
     "Survey of Estonian-speaking families in Uusimaa."),
    ("BN-030", "2020-03-10", "analysed", "Helsingin kaupunki",
     "Group sizes and travel distances for Estonian lessons compared across municipalities."),
    ("BN-030", "2021-05-25", "solution_proposed", "Helsingin kaupunki; Haridus- ja Teadusministeerium",
     "Proposal: joint groups across municipal borders and distance lessons with Estonian teaching materials."),
    ("BN-031", "2021-06-08", "identified", "Helsinki-Tallinn Euregio",
     "Newcomers reported that they could not open accounts or sign leases."),
    ("BN-031", "2022-05-24", "analysed", "Finanssivalvonta; Finantsinspektsioon",
     "Banks' customer due diligence practices for non-residents reviewed."),
    ("BN-031", "2023-02-21", "prioritised", "TwinReg steering group",
     "Prioritised; consistent application of the right to a basic payment account is the first step."),
    ("BN-032", "2020-06-16", "identified", "Uudenmaan liitto",
     "Interviews with Estonian workers on repeated short contracts."),
    ("BN-032", "2021-10-12", "analysed", "Digi- ja väestötietovirasto",
     "Home-municipality rules applied to recurring work periods reviewed."),
    ("BN-032", "2022-11-15", "solution_proposed", "Uudenmaan liitto",
     "Proposal to the Ministry of Finance to review the Municipality of Residence Act for recurring workers."),
    ("BN-033", "2018-11-20", "identified", "Helsinki-Tallinn Euregio",
     "Survey: Estonian workers rely on colleagues and social media for advice."),
    ("BN-033", "2020-01-21", "analysed", "Digi- ja väestötietovirasto",
     "Key pages available in Estonian on Finnish public websites counted."),
    ("BN-033", "2022-10-18", "prioritised", "TwinReg steering group",
     "Prioritised together with the information point (BN-034)."),
    ("BN-033", "2024-04-16", "solution_proposed", "Digi- ja väestötietovirasto; Verohallinto; Kela",
     "Translation into Estonian of core pages on tax, social security and work proposed."),
    ("BN-033", "2026-05-19", "in_progress", "Digi- ja väestötietovirasto",
     "First core pages published in Estonian; coverage tracked in INF_PAGES_ET."),
    ("BN-034", "2017-06-13", "identified", "Helsinki-Tallinn Euregio",
     "Roundtable participants could not name one place to ask cross-border questions."),
    ("BN-034", "2019-02-12", "analysed", "Uudenmaan liitto; Harjumaa Omavalitsuste Liit",
     "Existing advice services on both sides mapped."),
    ("BN-034", "2022-03-15", "prioritised", "TwinReg steering group",
     "Prioritised as the basis for the other information bottlenecks."),
    ("BN-034", "2024-11-26", "solution_proposed", "Uudenmaan liitto; Harjumaa Omavalitsuste Liit",
     "A joint information point modelled on Øresunddirekt proposed."),
    ("BN-034", "2026-10-01", "in_progress", "Uudenmaan liitto; Harjumaa Omavalitsuste Liit",
     "Pilot information desk opened online and with office hours at the ferry terminals."),
    ("BN-035", "2016-10-11", "identified", "Uudenmaan liitto",
     "Regional planners found no agreed figure for cross-border commuters."),
    ("BN-035", "2020-09-15", "analysed", "Tartu Ülikool",
     "Mobile-positioning study: about 5% of visitors from Estonia to Finland are transnationals; day approximate.",
     "Silm et al., European Planning Studies 2020"),
    ("BN-035", "2023-03-21", "prioritised", "TwinReg steering group",
     "Prioritised as a condition for monitoring the other bottlenecks."),
    ("BN-035", "2025-06-10", "solution_proposed", "Tilastokeskus; Statistikaamet",
     "Register-based pilot linking the Finnish Incomes Register with the Estonian population register proposed."),
    ("BN-035", "2026-09-24", "in_progress", "Tilastokeskus; Statistikaamet",
     "Memorandum on data sharing for a pilot count signed."),
    ("BN-036", "2026-11-03", "identified", "Uudenmaan liitto; Harjumaa Omavalitsuste Liit",
     "Raised from employer enquiries to the pilot information desk (BN-034)."),
]


def _events(rows: list[tuple[str, ...]]) -> list[dict]:
    events: list[dict] = []
    per_day: dict[tuple[str, str], int] = {}
    for code, day, status, who, note, *source in rows:
        per_day[(code, day)] = per_day.get((code, day), 0) + 1
        events.append({
            "bottleneck": code, "date": dt.date.fromisoformat(day), "seq": per_day[(code, day)], "status": status,
            "note": note + (f" Source: {source[0]}." if source else DEMO_NOTE), "who": who,
        })
    return events


EVENTS: list[dict] = _events(_EVENT_ROWS)


# --- the obstacle record of Regulation (EU) 2025/925 (BRIDGEforEU) for a few bottlenecks (demo scenarios) ---------
def _texts(prefix: str, en: str, fi: str, et: str, sv: str | None = None) -> dict:
    texts = {f"{prefix}_en": en, f"{prefix}_fi": fi, f"{prefix}_et": et}
    if sv:
        texts[f"{prefix}_sv"] = sv
    return texts


BRIDGE_RECORDS: dict[str, dict] = {
    "BN-001": {
        **_texts("context",
                 "Daily and weekly commuting between Tallinn and Helsinki by ferry and local public transport.",
                 "Päivittäinen ja viikoittainen pendelöinti Tallinnan ja Helsingin välillä lautalla ja "
                 "paikallisliikenteellä.",
                 "Igapäevane ja iganädalane pendeldamine Tallinna ja Helsingi vahel parvlaeva ja kohaliku "
                 "ühistranspordiga.",
                 "Daglig och veckovis pendling mellan Tallinn och Helsingfors med färja och lokaltrafik."),
        **_texts("problem",
                 "Three tickets from three systems for one trip; no season ticket covers the whole journey.",
                 "Yhteen matkaan tarvitaan kolme lippua kolmesta järjestelmästä, eikä mikään kausilippu kata koko "
                 "matkaa.",
                 "Ühe sõidu jaoks on vaja kolme piletit kolmest süsteemist ja ükski perioodipilet ei kata kogu "
                 "teekonda.",
                 "Tre biljetter från tre system för en resa; inget periodkort täcker hela resan."),
        **_texts("rationale",
                 "Commuting is the backbone of the twin labour market; a simpler trip keeps commuters on public "
                 "transport.",
                 "Pendelöinti on kaksoisalueen työmarkkinoiden selkäranka; helpompi matka pitää pendelöijät "
                 "joukkoliikenteessä.",
                 "Pendeldamine on kaksikpiirkonna tööturu selgroog; lihtsam teekond hoiab pendeldajad "
                 "ühistranspordis."),
        **_texts("impact",
                 "Higher costs and lost time for 10,000–25,000 commuters; more car trips through both city centres.",
                 "Korkeammat kustannukset ja hukattu aika 10 000–25 000 pendelöijälle; enemmän automatkoja "
                 "molempien kaupunkien keskustoissa.",
                 "Suuremad kulud ja raisatud aeg 10 000–25 000 pendeldajale; rohkem autosõite mõlema linna "
                 "kesklinnas."),
        "areas": "FI-091;EE-0784",
        "expected_duration": "long_term",
        "filed_with": "Cross-border Coordination Point of Finland (demo)",
        "filed_reference": "DEMO-FI-2025-014",
        "route": "administrative",
        **_texts("next_step",
                 "Pilot of a combined season ticket with HSL and Tallinn's transport department",
                 "Yhdistetyn kausilipun kokeilu HSL:n ja Tallinnan liikenneviraston kanssa",
                 "Ühise perioodipileti katse HSL-i ja Tallinna Transpordiametiga",
                 "Försök med ett gemensamt periodkort med HRT och Tallinns trafikverk"),
        "next_step_on": dt.date(2027, 3, 31),
        "next_step_by": "HSL; Tallinna Transpordiamet",
    },
    "BN-005": {
        **_texts("context",
                 "Employees living in Estonia who work for Finnish employers, partly from home.",
                 "Virossa asuvat työntekijät, jotka työskentelevät suomalaiselle työnantajalle osin etänä.",
                 "Eestis elavad töötajad, kes töötavad Soome tööandja heaks osaliselt kaugtööl."),
        **_texts("problem",
                 "Remote days change which country may tax the salary; employers and employees cannot tell in "
                 "advance.",
                 "Etäpäivät muuttavat sitä, kumpi maa saa verottaa palkkaa, eikä työnantaja tai työntekijä tiedä "
                 "sitä etukäteen.",
                 "Kaugtööpäevad muudavad seda, kumb riik võib palka maksustada, ja tööandja ega töötaja ei tea seda "
                 "ette."),
        **_texts("impact",
                 "Double withholding, refunds after a year or more, and employers who avoid hiring across the "
                 "border.",
                 "Kaksinkertainen ennakonpidätys, palautukset vasta vuoden tai pidemmän ajan kuluttua ja "
                 "työnantajat, jotka välttävät rekrytointia rajan yli.",
                 "Topeltkinnipidamine, tagastused alles aasta või enama pärast ja tööandjad, kes väldivad üle piiri "
                 "värbamist."),
        "areas": "FI1B1;EE001",
        "expected_duration": "permanent",
        "route": "legislative",
        **_texts("next_step",
                 "Proposal for a remote-work clause in the tax treaty",
                 "Ehdotus etätyölausekkeeksi verosopimukseen",
                 "Ettepanek kaugtööklausli lisamiseks maksulepingusse"),
        "next_step_on": dt.date(2027, 6, 30),
        "next_step_by": "Valtiovarainministeriö; Rahandusministeerium",
    },
    "BN-006": {
        **_texts("problem",
                 "Tax paid twice waited months for the credit in the country of residence.",
                 "Kahteen kertaan maksettu vero odotti hyvitystä asuinmaassa kuukausia.",
                 "Kaks korda makstud maks ootas elukohariigis tasaarvestust kuid."),
        "areas": "FI;EE",
        "expected_duration": "temporary",
        "route": "administrative",
        "outcome": "resolved_administratively",
        **_texts("outcome_reasons",
                 "The tax administrations agreed on an electronic exchange of tax certificates.",
                 "Veroviranomaiset sopivat verotodistusten sähköisestä vaihdosta.",
                 "Maksuametid leppisid kokku maksutõendite elektroonilises vahetuses."),
        "outcome_on": dt.date(2026, 10, 21),
    },
    "BN-002": {
        "areas": "EE-0784",
        "expected_duration": "permanent",
        "route": "legislative",
        "outcome": "not_resolved",
        **_texts("outcome_reasons",
                 "Free travel is tied to the municipality's income tax; the city will not extend it to "
                 "non-residents.",
                 "Maksuton matkustus on sidottu kunnan tuloveroon, eikä kaupunki laajenna sitä muualla asuviin.",
                 "Tasuta sõit on seotud omavalitsuse tulumaksuga ja linn ei laienda seda mitteelanikele."),
        "outcome_on": dt.date(2023, 3, 14),
    },
}
for _record in BOTTLENECKS:
    _record.update(BRIDGE_RECORDS.get(_record["code"], {}))
