"""Demo records: cross-border public services, the TwinReg action plan and the benchmark regions.

Services: real providers and milestones (facts.md B2, B3, B5); availability ratings are a demo assessment.
Actions: an illustrative action plan for the three TwinReg work packages; dates and statuses are invented
for the demo and are not the official plan. Benchmark regions: facts.md section C, with its confidence.
"""

from __future__ import annotations

import datetime as dt

D = dt.date

UUSIMAA = "Helsinki-Uusimaa Regional Council (Uudenmaan liitto)"
HARJU = "Harju County Municipalities' Union (Harjumaa Omavalitsuste Liit)"
HELSINKI = "City of Helsinki"
TALLINN = "Tallinn City Government"
DVV = "Digital and Population Data Services Agency (DVV, Digi- ja väestötietovirasto)"
RIA = "Information System Authority (RIA, Riigi Infosüsteemi Amet)"
KELA = "Social Insurance Institution of Finland (Kela)"
TERVISEKASSA = "Estonian Health Insurance Fund (Tervisekassa)"
TOOTUKASSA = "Estonian Unemployment Insurance Fund (Eesti Töötukassa)"
VERO = "Finnish Tax Administration (Verohallinto)"
EMTA = "Estonian Tax and Customs Board (EMTA, Maksu- ja Tolliamet)"
ASSESSED = "Availability: demo assessment, not an official rating."

SERVICES: list[dict] = [
    {
        "code": "SV-001", "domain": "digital",
        "name_en": "Suomi.fi e-Identification with foreign eIDs (eIDAS)",
        "name_fi": "Suomi.fi-tunnistus ulkomaisella sähköisellä tunnistusvälineellä (eIDAS)",
        "name_et": "Suomi.fi e-tuvastamine välisriigi e-identimisvahendiga (eIDAS)",
        "provider_fi": DVV, "provider_ee": RIA + " – eIDAS node",
        "availability": "partial", "channel": "digital", "languages": "fi;sv;en",
        "bottlenecks": "BN-013;BN-014", "url": "https://dvv.fi/en",
        "note": "Estonian ID-card accepted since Feb 2019 (vrk.fi; facts.md B3, High). Many services still "
                "require a Finnish personal identity code after login, the 'digital wall' (Info Norden top-10 "
                "2023, High). " + ASSESSED,
    },
    {
        "code": "SV-002", "domain": "digital",
        "name_en": "Cross-border ePrescription Finland ↔ Estonia",
        "name_fi": "Rajat ylittävä sähköinen resepti Suomi ↔ Viro",
        "name_et": "Piiriülene digiretsept Soome ↔ Eesti",
        "provider_fi": KELA + " – Kanta services", "provider_ee": TERVISEKASSA + "; TEHIK",
        "availability": "available", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-015", "url": "https://www.kanta.fi/en",
        "note": "Finnish ePrescriptions dispensed in Estonian pharmacies since Jan 2019, the first in the EU; "
                "Estonian ePrescriptions in Finnish pharmacies since 2020 (JMIR 2023; facts.md B3, High). "
                "Some medicine groups are excluded (kanta.fi). Indicators DIG_ERX_FI_EE, DIG_ERX_EE_FI.",
    },
    {
        "code": "SV-003", "domain": "digital",
        "name_en": "Data exchange: Suomi.fi Data Exchange Layer ↔ Estonian X-tee (X-Road federation)",
        "name_fi": "Tiedonvaihto: Suomi.fi-palveluväylä ↔ Viron X-tee (X-Road-federaatio)",
        "name_et": "Andmevahetus: Soome Suomi.fi andmevahetuskiht ↔ X-tee (X-tee föderatsioon)",
        "provider_fi": DVV, "provider_ee": RIA,
        "availability": "available", "channel": "digital", "languages": "fi;et;en",
        "bottlenecks": "BN-016", "url": "https://www.ria.ee/en",
        "note": "Federation agreed end-2016; exchange possible from 1 Sep 2017; official connection announced "
                "8 Feb 2018; carries population and business register data (ria.ee; facts.md B3, High). "
                "Few municipal services use it yet: demo assessment.",
    },
    {
        "code": "SV-004", "domain": "digital",
        "name_en": "Estonian e-Residency (digital identity for non-residents)",
        "name_fi": "Viron e-residenssi (digitaalinen henkilöllisyys Viron ulkopuolella asuville)",
        "name_et": "Eesti e-residentsus (digitaalne isikusamasus mitteresidentidele)",
        "provider_fi": "Embassy of Estonia in Helsinki (card pick-up point)",
        "provider_ee": "Enterprise and Innovation Foundation (EIS); Police and Border Guard Board (PPA)",
        "availability": "available", "channel": "both", "languages": "en",
        "bottlenecks": "BN-014", "url": "https://www.e-resident.gov.ee/",
        "note": "Digital ID for Estonian e-services and running a company; it is not a residence permit and "
                "does not make the holder tax-resident (e-resident.gov.ee). Application online, card collected "
                "in person. Demo description.",
    },
    {
        "code": "SV-005", "domain": "taxation",
        "name_en": "Finnish tax card for non-residents (tax at source or progressive tax)",
        "name_fi": "Lähdeverokortti tai verokortti rajoitetusti verovelvolliselle",
        "name_et": "Soome lähtemaksukaart või maksukaart piiratud maksukohustusega isikule",
        "provider_fi": VERO, "provider_ee": EMTA + " – certificate of residence",
        "availability": "available", "channel": "both", "languages": "fi;sv;en",
        "bottlenecks": "BN-005;BN-006", "url": "https://www.vero.fi/en/",
        "note": "The first tax card usually needs a visit to a tax office to prove identity; work in Finland "
                "for more than 6 months makes income taxable in Finland (facts.md B2, Med). "
                "Indicator TAX_FI_TAXCARD_EE. Demo description.",
    },
    {
        "code": "SV-006", "domain": "taxation",
        "name_en": "Tax residence certificate and relief from double taxation (Finland–Estonia tax treaty)",
        "name_fi": "Verotuksellinen asuinpaikkatodistus ja kaksinkertaisen verotuksen poistaminen "
                   "(Suomen ja Viron verosopimus)",
        "name_et": "Residentsustõend ja topeltmaksustamise vältimine (Soome–Eesti maksuleping)",
        "provider_fi": VERO, "provider_ee": EMTA,
        "availability": "partial", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-006;BN-007;BN-008", "url": "https://www.emta.ee/en",
        "note": "Two separate national procedures; the taxpayer carries certificates from one authority to the "
                "other. Indicator TAX_DOUBLE_CASES. " + ASSESSED,
    },
    {
        "code": "SV-007", "domain": "education",
        "name_en": "Enrolment in basic education in Helsinki and Tallinn for families moving across the gulf",
        "name_fi": "Perusopetukseen ilmoittautuminen Helsingissä ja Tallinnassa lahden yli muuttaville perheille",
        "name_et": "Põhikooli vastuvõtt Helsingis ja Tallinnas üle lahe kolivatele peredele",
        "provider_fi": "City of Helsinki, Education Division (kasvatuksen ja koulutuksen toimiala)",
        "provider_ee": "Tallinn Education Department (Tallinna Haridusamet)",
        "availability": "partial", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-009;BN-025", "url": "https://www.hel.fi/en",
        "note": "School places are assigned by the registered home address, so enrolment in practice waits for "
                "population registration in the new country. " + ASSESSED,
    },
    {
        "code": "SV-008", "domain": "education",
        "name_en": "Recognition of qualifications (ENIC-NARIC centres)",
        "name_fi": "Tutkintojen tunnustaminen (ENIC-NARIC-keskukset)",
        "name_et": "Kvalifikatsioonide tunnustamine (ENIC-NARIC keskused)",
        "provider_fi": "Finnish National Agency for Education (Opetushallitus)",
        "provider_ee": "Education and Youth Board (Haridus- ja Noorteamet, HARNO)",
        "availability": "available", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-010;BN-011", "url": "https://www.oph.fi/en",
        "note": "Academic recognition by the two ENIC-NARIC centres; regulated professions (e.g. health care) "
                "have separate licensing procedures. Processing time: indicator EDU_RECOGNITION_DAYS. "
                "Demo description.",
    },
    {
        "code": "SV-009", "domain": "information",
        "name_en": "Your Europe Advice (EU advice service for citizens and businesses)",
        "name_fi": "Your Europe Advice – EU:n neuvontapalvelu kansalaisille ja yrityksille",
        "name_et": "Your Europe Advice – ELi nõustamisteenus kodanikele ja ettevõtetele",
        "provider_fi": "European Commission (Your Europe Advice, run by ECAS)",
        "provider_ee": "European Commission (Your Europe Advice, run by ECAS)",
        "availability": "available", "channel": "digital", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-033;BN-034", "url": "https://europa.eu/youreurope/",
        "note": "Free personal replies in the enquirer's EU language. 2023 enquiry mix: social security 28%, "
                "residence rights 19%, entry procedures 13% (ECAS; facts.md B5, High). Indicator INF_ENQUIRIES.",
    },
    {
        "code": "SV-010", "domain": "information",
        "name_en": "Information point for cross-border commuters Helsinki–Tallinn",
        "name_fi": "Rajan yli pendelöivien neuvontapiste Helsinki–Tallinna",
        "name_et": "Piiriüleste pendeldajate infopunkt Helsingi–Tallinn",
        "provider_fi": UUSIMAA + "; City of Helsinki (InfoFinland)", "provider_ee": HARJU + "; " + TALLINN,
        "availability": "planned", "channel": "both", "languages": "fi;et;en;ru",
        "bottlenecks": "BN-033;BN-034;BN-035", "url": "https://www.uudenmaanliitto.fi/",
        "note": "Not an existing service: a pilot proposed in action A-11, modelled on Øresunddirekt "
                "(Greater Copenhagen) and Info Norden (facts.md C). Demo description.",
    },
    {
        "code": "SV-011", "domain": "information",
        "name_en": "InfoFinland – multilingual information on living in Finland (also in Estonian)",
        "name_fi": "InfoFinland – monikielistä tietoa Suomessa asumisesta (myös viroksi)",
        "name_et": "InfoFinland – mitmekeelne teave Soomes elamise kohta (ka eesti keeles)",
        "provider_fi": "City of Helsinki (InfoFinland editorial team) with ministries and municipalities",
        "availability": "available", "channel": "digital", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-035;BN-036", "url": "https://www.infofinland.fi/",
        "note": "Source: infofinland.fi. Pages in Estonian are counted by indicator INF_PAGES_ET. "
                "Demo description.",
    },
    {
        "code": "SV-012", "domain": "legal_admin",
        "name_en": "Business register data exchange (PRH ↔ Estonian e-Business Register, via X-Road and BRIS)",
        "name_fi": "Kaupparekisteritietojen vaihto (PRH ↔ Viron kaupparekisteri, X-Road ja BRIS)",
        "name_et": "Äriregistri andmevahetus (PRH ↔ e-äriregister, X-tee ja BRIS kaudu)",
        "provider_fi": "Finnish Patent and Registration Office (PRH)",
        "provider_ee": "Centre of Registers and Information Systems (RIK) – e-Business Register",
        "availability": "partial", "channel": "digital", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-027", "url": "https://www.prh.fi/en/",
        "note": "Business Information System data travels over the federated X-Road since 2018 (facts.md B3, "
                "High). Registering a branch in the other country still means re-submitting company "
                "documents. " + ASSESSED,
    },
    {
        "code": "SV-013", "domain": "legal_admin",
        "name_en": "Registration of residence for EU citizens (Migri / PPA and local government)",
        "name_fi": "EU-kansalaisen oleskeluoikeuden ja asuinpaikan rekisteröinti (Migri / PPA ja kunta)",
        "name_et": "ELi kodaniku elamisõiguse ja elukoha registreerimine (Migri / PPA ja kohalik omavalitsus)",
        "provider_fi": "Finnish Immigration Service (Migri); DVV (municipality of residence)",
        "provider_ee": "Police and Border Guard Board (PPA); local governments (population register)",
        "availability": "partial", "channel": "both", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-025;BN-026", "url": "https://migri.fi/en",
        "note": "Online application, but identity must be proven in person at a service point. Processing "
                "time: indicator LEG_RESIDENCE_REG_DAYS. " + ASSESSED,
    },
    {
        "code": "SV-014", "domain": "legal_admin",
        "name_en": "Population register address exchange (DVV ↔ Estonian Ministry of the Interior)",
        "name_fi": "Väestörekisterien osoitetietojen vaihto (DVV ↔ Viron sisäministeriö)",
        "name_et": "Rahvastikuregistrite aadressiandmete vahetus (DVV ↔ Siseministeerium)",
        "provider_fi": DVV, "provider_ee": "Ministry of the Interior (Siseministeerium) – population register",
        "availability": "partial", "channel": "digital", "languages": "fi;et",
        "bottlenecks": "BN-026", "url": "https://www.siseministeerium.ee/en",
        "note": "About 5,000 people are registered in both countries; agreement signed 21 Sep 2022, reporting "
                "to start by end-2025 (DVV press release 27.8.2024; facts.md B2, High). Rated partial in this "
                "demo: assumed running for new moves only. Indicator LEG_DUAL_REG_PERSONS.",
    },
    {
        "code": "SV-015", "domain": "social_security",
        "name_en": "Kela social security for people working in Estonia (applicable legislation, A1)",
        "name_fi": "Kelan sosiaaliturva Virossa työskenteleville (sovellettava lainsäädäntö, A1)",
        "name_et": "Kela sotsiaalkindlustus Eestis töötavatele inimestele (kohaldatav õigus, A1)",
        "provider_fi": KELA + "; Finnish Centre for Pensions (ETK, A1 for posted workers)",
        "provider_ee": "Social Insurance Board (Sotsiaalkindlustusamet)",
        "availability": "partial", "channel": "both", "languages": "fi;sv;en",
        "bottlenecks": "BN-021;BN-022;BN-023", "url": "https://www.kela.fi/",
        "note": "Coverage follows the country of work (Regulation (EC) 883/2004). Decisions need information "
                "from Estonia that often arrives by post. Indicators SOC_KELA_DECISION_DAYS, SOC_A1_CERTS. "
                + ASSESSED,
    },
    {
        "code": "SV-016", "domain": "social_security",
        "name_en": "European Health Insurance Card (EHIC)",
        "name_fi": "Eurooppalainen sairaanhoitokortti (EHIC)",
        "name_et": "Euroopa ravikindlustuskaart (EHIC)",
        "provider_fi": KELA, "provider_ee": TERVISEKASSA,
        "availability": "available", "channel": "both", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-021", "url": "https://www.tervisekassa.ee/en",
        "note": "Covers medically necessary care during a temporary stay; people who live in one country and "
                "work in the other need registration with a portable document S1 instead (kela.fi, "
                "tervisekassa.ee). Demo description.",
    },
    {
        "code": "SV-017", "domain": "employment",
        "name_en": "Export of unemployment benefit (portable document U2) between Finland and Estonia",
        "name_fi": "Työttömyysetuuden vienti (U2-todistus) Suomen ja Viron välillä",
        "name_et": "Töötushüvitise eksport (vorm U2) Soome ja Eesti vahel",
        "provider_fi": KELA + "; unemployment funds (työttömyyskassat)", "provider_ee": TOOTUKASSA,
        "availability": "partial", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-019;BN-020", "url": "https://www.tootukassa.ee/en",
        "note": "Benefit kept for 3 months (extendable to 6) while seeking work in the other country; the "
                "jobseeker must register there within 7 days (Regulation (EC) 883/2004, art. 64). "
                + ASSESSED,
    },
    {
        "code": "SV-018", "domain": "employment",
        "name_en": "Jobseeker and employer services for cross-border workers (Töötukassa and EURES)",
        "name_fi": "Työnhakija- ja työnantajapalvelut rajan yli työskenteleville (Töötukassa ja EURES)",
        "name_et": "Tööotsija- ja tööandjateenused piiriülestele töötajatele (Töötukassa ja EURES)",
        "provider_fi": "Municipal employment services (työllisyyspalvelut); EURES Finland",
        "provider_ee": TOOTUKASSA + "; EURES Estonia",
        "availability": "partial", "channel": "both", "languages": "et;en;ru",
        "bottlenecks": "BN-018;BN-020", "url": "https://eures.europa.eu/",
        "note": "Work periods in Finland count in Estonia only with a U1 document from Finland; advisers on the "
                "two sides do not share case data. Demo description. " + ASSESSED,
    },
    {
        "code": "SV-019", "domain": "employment",
        "name_en": "Advance notification of posted workers to Finland",
        "name_fi": "Lähetettyjä työntekijöitä koskeva ennakkoilmoitus (Suomi)",
        "name_et": "Eelteatis töötajate Soome lähetamise kohta",
        "provider_fi": "Finnish occupational safety and health authority (työsuojeluviranomainen)",
        "provider_ee": "Labour Inspectorate (Tööinspektsioon) – advice on posting",
        "availability": "available", "channel": "digital", "languages": "fi;sv;en",
        "bottlenecks": "BN-017", "url": "https://www.tyosuojelu.fi/",
        "note": "2021: 10,003 posting notifications covering about 20,000 employees; Estonia is the largest "
                "country of origin (Finnish OSH authority via aalberq.com; facts.md B2, Med). "
                "Indicator EMP_POSTED_NOTIF.",
    },
    {
        "code": "SV-020", "domain": "mobility",
        "name_en": "Public transport tickets: HSL (Helsinki region) and Tallinn public transport card",
        "name_fi": "Joukkoliikenteen liput: HSL (Helsingin seutu) ja Tallinnan joukkoliikennekortti",
        "name_et": "Ühistranspordi piletid: HSL (Helsingi piirkond) ja Tallinna ühiskaart",
        "provider_fi": "Helsinki Region Transport (HSL)", "provider_ee": "Tallinn Transport Department "
                                                                          "(Tallinna Transpordiamet)",
        "availability": "unavailable", "channel": "both", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-001;BN-002", "url": "https://www.hsl.fi/en",
        "note": "No combined ticket or shared travel card; free travel in Tallinn is only for residents "
                "registered in Tallinn, so commuters registered in Finland pay (tallinn.ee). Ferry tickets are "
                "separate. " + ASSESSED,
    },
    {
        "code": "SV-021", "domain": "mobility",
        "name_en": "Use and renewal of driving licences",
        "name_fi": "Ajokortin käyttö ja uusiminen",
        "name_et": "Juhiloa kasutamine ja uuendamine",
        "provider_fi": "Finnish Transport and Communications Agency (Traficom)",
        "provider_ee": "Estonian Transport Administration (Transpordiamet)",
        "availability": "available", "channel": "both", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-003", "url": "https://www.traficom.fi/en/",
        "note": "EU driving licences are valid in both countries; renewal moves to the country of normal "
                "residence (Directive 2006/126/EC). Demo description.",
    },
    {
        "code": "SV-022", "domain": "integration",
        "name_en": "Estonian and Finnish language courses for newcomers",
        "name_fi": "Viron ja suomen kielen kurssit maahan muuttaneille",
        "name_et": "Eesti ja soome keele kursused uussisserändajatele",
        "provider_fi": "Municipalities and employment services (kotoutumiskoulutus)",
        "provider_ee": "Integration Foundation (Integratsiooni Sihtasutus)",
        "availability": "partial", "channel": "both", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-029;BN-030", "url": "https://www.integratsioon.ee/en",
        "note": "Free courses depend on registered residence, so commuters who live in the other country are "
                "mostly not eligible. Demo description. " + ASSESSED,
    },
    {
        "code": "SV-023", "domain": "education",
        "name_en": "Early childhood education for children of commuting families",
        "name_fi": "Varhaiskasvatus pendelöivien perheiden lapsille",
        "name_et": "Alusharidus (lasteaed) pendeldavate perede lastele",
        "provider_fi": "City of Helsinki, Education Division", "provider_ee": "Tallinn Education Department",
        "availability": "unavailable", "channel": "in_person", "languages": "fi;sv;et",
        "bottlenecks": "BN-009;BN-026", "url": "https://www.tallinn.ee/en",
        "note": "Municipal places are tied to the municipality of residence; a family registered on the other "
                "side of the gulf cannot get a place where a parent works. Demo description. " + ASSESSED,
    },
    {
        "code": "SV-024", "domain": "digital",
        "name_en": "European Digital Identity Wallet (EUDI Wallet) in Finland and Estonia",
        "name_fi": "Eurooppalainen digitaalisen identiteetin lompakko (EUDI-lompakko) Suomessa ja Virossa",
        "name_et": "Euroopa digitaalse identiteedi kukkur (EUDI Wallet) Soomes ja Eestis",
        "provider_fi": DVV, "provider_ee": RIA,
        "availability": "planned", "channel": "digital", "languages": "fi;sv;et;en",
        "bottlenecks": "BN-013;BN-014", "url": "https://dvv.fi/en",
        "note": "Under Regulation (EU) 2024/1183 (eIDAS 2) each member state must offer a wallet; expected to "
                "ease the 'digital wall'. Timing in this demo is an assumption, not an official schedule.",
    },
]

PLAN = "Demo action plan, not the official TwinReg plan: dates and status are illustrative."
MIN_FIN_FI = "Ministry of Finance of Finland (Valtiovarainministeriö)"
MIN_FIN_EE = "Estonian Ministry of Finance (Rahandusministeerium)"

ACTIONS: list[dict] = [
    # WP1 – joint cross-border strategic planning framework
    {
        "code": "A-01", "work_package": "WP1",
        "title_en": "Joint baseline study of the twin region: flows, statistics and existing strategies",
        "title_fi": "Kaksoisalueen yhteinen lähtötilanneselvitys: liikkuminen, tilastot ja nykyiset strategiat",
        "title_et": "Kaksikregiooni ühine lähteolukorra uuring: liikumine, statistika ja olemasolevad strateegiad",
        "lead": UUSIMAA, "partners": f"{HARJU}; {HELSINKI}; {TALLINN}; Statistics Finland; Statistics Estonia",
        "level": "administrative", "start": D(2024, 9, 2), "due": D(2025, 3, 31),
        "status": "done", "completed_on": D(2025, 3, 20),
        "note": "Uses the ferry, population and digital-service facts of the monitor. " + PLAN,
    },
    {
        "code": "A-02", "work_package": "WP1",
        "title_en": "Stakeholder mapping and kick-off roundtables in Helsinki and Tallinn",
        "title_fi": "Sidosryhmäkartoitus ja aloittavat pyöreän pöydän keskustelut Helsingissä ja Tallinnassa",
        "title_et": "Huvirühmade kaardistamine ja avaümarlauad Helsingis ja Tallinnas",
        "lead": HARJU, "partners": f"{UUSIMAA}; {HELSINKI}; {TALLINN}",
        "level": "administrative", "start": D(2024, 9, 16), "due": D(2024, 12, 13),
        "status": "done", "completed_on": D(2024, 12, 10),
        "note": "Two roundtables with municipalities, ministries, chambers of commerce and trade unions. " + PLAN,
    },
    {
        "code": "A-03", "work_package": "WP1",
        "title_en": "Joint cross-border strategic planning framework (shared vision and objectives to 2035)",
        "title_fi": "Yhteinen rajat ylittävä strategisen suunnittelun viitekehys "
                    "(yhteinen visio ja tavoitteet vuoteen 2035)",
        "title_et": "Ühine piiriülene strateegilise planeerimise raamistik (ühine visioon ja eesmärgid aastani 2035)",
        "lead": UUSIMAA, "partners": f"{HARJU}; {HELSINKI}; {TALLINN}",
        "level": "administrative", "start": D(2025, 4, 1), "due": D(2026, 12, 31), "status": "ongoing",
        "note": "Draft circulated to partners in October 2026. " + PLAN,
    },
    {
        "code": "A-04", "work_package": "WP1",
        "title_en": "Cross-border chapter in the Uusimaa Programme and the Harju County development strategy",
        "title_fi": "Rajat ylittävä osio Uusimaa-ohjelmaan ja Harjun maakunnan kehittämisstrategiaan",
        "title_et": "Piiriülene osa Uusimaa programmis ja Harju maakonna arengustrateegias",
        "lead": UUSIMAA, "partners": HARJU,
        "level": "political", "start": D(2025, 9, 1), "due": D(2027, 6, 30), "status": "ongoing",
        "note": "Timed with the next update rounds of both regional strategies. " + PLAN,
    },
    {
        "code": "A-05", "work_package": "WP1",
        "title_en": "Shared indicator set and the TwinReg Monitor dashboard",
        "title_fi": "Yhteinen indikaattorikokonaisuus ja TwinReg Monitor -seurantanäkymä",
        "title_et": "Ühine näitajate kogum ja TwinReg Monitori töölaud",
        "lead": UUSIMAA, "partners": f"{HARJU}; Statistics Finland; Statistics Estonia",
        "level": "administrative", "start": D(2025, 1, 15), "due": D(2026, 5, 31),
        "status": "done", "completed_on": D(2026, 5, 28),
        "bottlenecks": "BN-033",
        "note": "Indicators in nine domains; data stewards on both sides update them by spreadsheet. " + PLAN,
    },
    {
        "code": "A-06", "work_package": "WP1",
        "title_en": "Endorsement of the framework by the Uusimaa Regional Assembly and the HOL general meeting",
        "title_fi": "Viitekehyksen hyväksyminen Uudenmaan maakuntavaltuustossa ja Harjun maakunnan kuntaliiton "
                    "(Harjumaa Omavalitsuste Liit) yleiskokouksessa",
        "title_et": "Raamistiku heakskiitmine Uusimaa maakonnavolikogus ja Harjumaa Omavalitsuste Liidu "
                    "üldkoosolekul",
        "lead": UUSIMAA, "partners": HARJU,
        "level": "political", "start": D(2027, 1, 15), "due": D(2027, 4, 30), "status": "planned",
        "note": "Follows A-03. " + PLAN,
    },
    # WP2 – bottleneck identification and removal
    {
        "code": "A-07", "work_package": "WP2",
        "title_en": "Survey of cross-border commuters and employers on the obstacles they meet",
        "title_fi": "Kysely rajan yli pendelöiville ja työnantajille heidän kohtaamistaan esteistä",
        "title_et": "Küsitlus piiriülestele pendeldajatele ja tööandjatele nende kohatud takistuste kohta",
        "lead": HARJU, "partners": f"{UUSIMAA}; {HELSINKI}; {TALLINN}",
        "level": "administrative", "start": D(2025, 2, 3), "due": D(2025, 6, 30),
        "status": "done", "completed_on": D(2025, 6, 13),
        "bottlenecks": "BN-005;BN-017;BN-018;BN-033",
        "note": "Online survey in Estonian, Finnish, English and Russian. " + PLAN,
    },
    {
        "code": "A-08", "work_package": "WP2",
        "title_en": "Prioritisation of the bottlenecks with their owners in joint roundtables",
        "title_fi": "Pullonkaulojen priorisointi yhdessä vastuutahojen kanssa yhteisissä pyöreän pöydän "
                    "keskusteluissa",
        "title_et": "Kitsaskohtade prioriseerimine koos vastutajatega ühistel ümarlaudadel",
        "lead": UUSIMAA, "partners": f"{HARJU}; {MIN_FIN_FI}; {MIN_FIN_EE}; Kela; Sotsiaalkindlustusamet",
        "level": "administrative", "start": D(2025, 8, 18), "due": D(2025, 10, 31),
        "status": "done", "completed_on": D(2025, 10, 24),
        "bottlenecks": "BN-005;BN-013;BN-021;BN-026;BN-033",
        "note": "Severity × people affected matrix used to rank the register. " + PLAN,
    },
    {
        "code": "A-09", "work_package": "WP2",
        "title_en": "Proposal to the ministries of finance for a simpler tax card and double-taxation procedure "
                    "for commuters",
        "title_fi": "Ehdotus valtiovarainministeriöille pendelöijien verokortti- ja kaksinkertaisen verotuksen "
                    "menettelyn yksinkertaistamiseksi",
        "title_et": "Ettepanek rahandusministeeriumidele pendeldajate maksukaardi ja topeltmaksustamise "
                    "menetluse lihtsustamiseks",
        "lead": UUSIMAA, "partners": f"{MIN_FIN_FI}; {MIN_FIN_EE}; Verohallinto; Maksu- ja Tolliamet",
        "level": "political", "start": D(2025, 11, 3), "due": D(2026, 6, 30), "status": "delayed",
        "bottlenecks": "BN-005;BN-006;BN-007",
        "note": "Overdue: waiting for the ministries' joint working group; new target Q1 2027. " + PLAN,
    },
    {
        "code": "A-10", "work_package": "WP2",
        "title_en": "Follow-up of the DVV – Ministry of the Interior address exchange for people registered "
                    "in both countries",
        "title_fi": "DVV:n ja Viron sisäministeriön osoitetietojen vaihdon seuranta molempiin maihin "
                    "rekisteröityjen osalta",
        "title_et": "DVV ja Siseministeeriumi aadressiandmete vahetuse seire mõlemas riigis registreeritud "
                    "isikute puhul",
        "lead": "Estonian Ministry of the Interior (Siseministeerium)", "partners": f"DVV; {HELSINKI}; {TALLINN}",
        "level": "administrative", "start": D(2025, 3, 3), "due": D(2026, 9, 30), "status": "ongoing",
        "bottlenecks": "BN-025;BN-026",
        "note": "Overdue: the count of double registrations (about 5,000, DVV 2024) has not yet been "
                "re-measured. " + PLAN,
    },
    {
        "code": "A-11", "work_package": "WP2",
        "title_en": "Pilot information point for cross-border commuters",
        "title_fi": "Rajan yli pendelöivien neuvontapisteen pilotti",
        "title_et": "Piiriüleste pendeldajate infopunkti pilootprojekt",
        "lead": HELSINKI, "partners": f"{TALLINN}; {UUSIMAA}; {HARJU}; InfoFinland; EURES",
        "level": "administrative", "start": D(2025, 11, 3), "due": D(2026, 10, 31), "status": "delayed",
        "bottlenecks": "BN-033;BN-034;BN-035",
        "note": "Overdue: premises agreed in Tallinn, the Helsinki staffing decision is pending. See service "
                "SV-010. " + PLAN,
    },
