"""Demo records: cross-border public services, the TwinReg action plan and the benchmark regions.

Services: real providers and milestones (public facts B2, B3, B5); availability ratings are a demo assessment.
Actions: an illustrative action plan for the three TwinReg work packages; dates and statuses are invented
for the demo and are not the official plan. Benchmark regions: public facts section C, written as citations.
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
        "note": "Estonian ID-card accepted since Feb 2019 (Population Register Centre, vrk.fi). Many services still "
                "require a Finnish personal identity code after login, the 'digital wall' (Info Norden, top ten "
                "cross-border obstacles, 2023). " + ASSESSED,
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
                "Estonian ePrescriptions in Finnish pharmacies since 2020 (Journal of Medical Internet Research, "
                "2023). "
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
                "8 Feb 2018; carries population and business register data (Information System Authority, ria.ee). "
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
                "for more than 6 months makes income taxable in Finland (The Baltic Course). "
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
                "residence rights 19%, entry procedures 13% (European Citizen Action Service, Your Europe Advice "
                "2023). Indicator INF_ENQUIRIES.",
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
                "(Greater Copenhagen) and Info Norden. Demo description.",
    },
    {
        "code": "SV-011", "domain": "information",
        "name_en": "InfoFinland – multilingual information on living in Finland (also in Estonian)",
        "name_fi": "InfoFinland – monikielistä tietoa Suomessa asumisesta (myös viroksi)",
        "name_et": "InfoFinland – mitmekeelne teave Soomes elamise kohta (ka eesti keeles)",
        "provider_fi": "City of Helsinki (InfoFinland editorial team) with ministries and municipalities",
        "availability": "available", "channel": "digital", "languages": "fi;sv;et;en;ru",
        "bottlenecks": "BN-035;BN-036", "url": "https://www.infofinland.fi/",
        "note": "Content from InfoFinland (infofinland.fi). Pages in Estonian are counted by indicator INF_PAGES_ET. "
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
        "note": "Business Information System data travels over the federated X-Road since 2018 "
                "(Information System Authority, ria.ee). Registering a branch in the other country still means "
                "re-submitting company "
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
                "to start by end-2025 (Digital and Population Data Services Agency DVV, press release, 27 August "
                "2024). Rated partial in this "
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
                "country of origin (Occupational Safety and Health Administration in Finland, as reported by Aalberq). "
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
    {
        "code": "A-12", "work_package": "WP2",
        "title_en": "Fast-track recognition of qualifications for teachers and health-care staff",
        "title_fi": "Nopeutettu tutkintojen tunnustaminen opettajille ja terveydenhuollon henkilöstölle",
        "title_et": "Kvalifikatsioonide kiirendatud tunnustamine õpetajatele ja tervishoiutöötajatele",
        "lead": "Finnish National Agency for Education (Opetushallitus)",
        "partners": "Haridus- ja Noorteamet (HARNO); Ministry of Education and Culture of Finland; "
                    "Haridus- ja Teadusministeerium",
        "level": "administrative", "start": D(2026, 1, 15), "due": D(2027, 3, 31), "status": "ongoing",
        "bottlenecks": "BN-010;BN-011",
        "note": "Target: halve the processing time measured by EDU_RECOGNITION_DAYS. " + PLAN,
    },
    {
        "code": "A-13", "work_package": "WP2",
        "title_en": "Foreign eIDs accepted in the municipal e-services of Helsinki and Tallinn",
        "title_fi": "Ulkomaiset sähköiset tunnistusvälineet käyttöön Helsingin ja Tallinnan kaupunkien "
                    "sähköisissä palveluissa",
        "title_et": "Välisriigi e-identimisvahendite kasutuselevõtt Helsingi ja Tallinna linna e-teenustes",
        "lead": HELSINKI, "partners": f"{TALLINN}; DVV; RIA",
        "level": "administrative", "start": D(2025, 9, 1), "due": D(2027, 12, 31), "status": "ongoing",
        "bottlenecks": "BN-013;BN-014",
        "note": "Starts with day-care, school and parking services. Indicator DIG_EID_SERVICES. " + PLAN,
    },
    {
        "code": "A-14", "work_package": "WP2",
        "title_en": "Joint public transport ticket pilot HSL – Tallinn",
        "title_fi": "HSL:n ja Tallinnan yhteisen joukkoliikennelipun kokeilu",
        "title_et": "HSL-i ja Tallinna ühise ühistranspordipileti pilootprojekt",
        "lead": TALLINN, "partners": f"Helsinki Region Transport (HSL); {HELSINKI}",
        "level": "administrative", "start": D(2025, 5, 5), "due": D(2026, 6, 30), "status": "cancelled",
        "bottlenecks": "BN-001;BN-002",
        "note": "Cancelled in February 2026: separate fare systems and Tallinn's free travel for registered "
                "residents made a joint ticket disproportionate; replaced by A-15. " + PLAN,
    },
    {
        "code": "A-15", "work_package": "WP2",
        "title_en": "Ferry and public transport connections shown in both cities' journey planners",
        "title_fi": "Lauttayhteydet ja joukkoliikenne molempien kaupunkien reittioppaisiin",
        "title_et": "Parvlaeva- ja ühistranspordiühendused mõlema linna teekonnaplaneerijates",
        "lead": "Helsinki Region Transport (HSL)",
        "partners": "Tallinna Transpordiamet; Port of Helsinki; Port of Tallinn (Tallinna Sadam)",
        "level": "administrative", "start": D(2026, 3, 2), "due": D(2027, 6, 30), "status": "ongoing",
        "bottlenecks": "BN-001;BN-002",
        "note": "Replaces the cancelled ticket pilot A-14. " + PLAN,
    },
    {
        "code": "A-16", "work_package": "WP2",
        "title_en": "Liaison procedure between Kela and the Social Insurance Board for benefit decisions",
        "title_fi": "Kelan ja Viron sosiaalivakuutuslaitoksen (Sotsiaalkindlustusamet) yhteistyömenettely "
                    "etuuspäätöksiä varten",
        "title_et": "Kela ja Sotsiaalkindlustusameti koostöökord hüvitiste otsuste tegemiseks",
        "lead": "Ministry of Social Affairs and Health of Finland (Sosiaali- ja terveysministeriö)",
        "partners": "Kela; Sotsiaalkindlustusamet; Sotsiaalministeerium",
        "level": "administrative", "start": D(2027, 1, 4), "due": D(2027, 12, 31), "status": "planned",
        "bottlenecks": "BN-021;BN-022",
        "note": "Aim: shorter decision times (SOC_KELA_DECISION_DAYS) through electronic exchange. " + PLAN,
    },
    {
        "code": "A-17", "work_package": "WP2",
        "title_en": "Annual political roundtable of mayors and regional leaders on the priority bottlenecks",
        "title_fi": "Pormestarien ja maakuntajohdon vuotuinen poliittinen pyöreän pöydän keskustelu "
                    "keskeisistä pullonkauloista",
        "title_et": "Linnapeade ja maakonnajuhtide iga-aastane poliitiline ümarlaud peamiste kitsaskohtade "
                    "teemal",
        "lead": TALLINN, "partners": f"{HELSINKI}; {UUSIMAA}; {HARJU}",
        "level": "political", "start": D(2025, 5, 1), "due": D(2028, 6, 30), "status": "ongoing",
        "bottlenecks": "BN-005;BN-021;BN-026",
        "note": "Held in Tallinn 2025 and Helsinki 2026; the briefing pack comes from the monitor's meeting "
                "mode. " + PLAN,
    },
    # WP3 – lasting cooperation model and action plan
    {
        "code": "A-18", "work_package": "WP3",
        "title_en": "Benchmark of cooperation models in other EU cross-border regions",
        "title_fi": "Muiden EU:n raja-alueiden yhteistyömallien vertailu",
        "title_et": "Teiste ELi piiriüleste piirkondade koostöömudelite võrdlusanalüüs",
        "lead": HARJU, "partners": UUSIMAA,
        "level": "administrative", "start": D(2025, 9, 1), "due": D(2026, 4, 30),
        "status": "done", "completed_on": D(2026, 4, 24),
        "note": "Eleven regions, from Greater Copenhagen to the Kvarken Council EGTC (see the benchmark table). "
                + PLAN,
    },
    {
        "code": "A-19", "work_package": "WP3",
        "title_en": "Proposal for the legal form of lasting cooperation (association, agreement or EGTC)",
        "title_fi": "Ehdotus pysyvän yhteistyön oikeudellisesta muodosta (yhdistys, sopimus tai eurooppalainen "
                    "alueellisen yhteistyön yhtymä EAYY)",
        "title_et": "Ettepanek püsiva koostöö õigusliku vormi kohta (ühing, leping või Euroopa territoriaalse "
                    "koostöö rühmitus ETKR)",
        "lead": UUSIMAA,
        "partners": f"{HARJU}; {HELSINKI}; {TALLINN}; Ministry of Economic Affairs and Employment of Finland; "
                    f"{MIN_FIN_EE}",
        "level": "political", "start": D(2026, 5, 4), "due": D(2026, 12, 31), "status": "ongoing",
        "note": "Options weighed against the Helsinki–Tallinn Euregio association, Kvarken Council EGTC and "
                "Greater Copenhagen models. " + PLAN,
    },
    {
        "code": "A-20", "work_package": "WP3",
        "title_en": "Funding model: member fees, national base grants and Interreg Central Baltic projects",
        "title_fi": "Rahoitusmalli: jäsenmaksut, kansallinen perusrahoitus ja Interreg Central Baltic -hankkeet",
        "title_et": "Rahastamismudel: liikmemaksud, riiklik baasrahastus ja Interreg Kesk-Läänemere "
                    "programmi projektid",
        "lead": HARJU, "partners": f"{UUSIMAA}; {MIN_FIN_FI}; {MIN_FIN_EE}",
        "level": "administrative", "start": D(2026, 5, 4), "due": D(2027, 3, 31), "status": "ongoing",
        "note": "Durable benchmark structures combine the three sources (see the benchmark regions). " + PLAN,
    },
    {
        "code": "A-21", "work_package": "WP3",
        "title_en": "Cooperation agreement signed by the two regions and the two capitals",
        "title_fi": "Kahden alueen ja kahden pääkaupungin yhteistyösopimuksen allekirjoittaminen",
        "title_et": "Kahe piirkonna ja kahe pealinna koostöölepingu allkirjastamine",
        "lead": TALLINN, "partners": f"{HELSINKI}; {UUSIMAA}; {HARJU}",
        "level": "political", "start": D(2027, 4, 1), "due": D(2027, 9, 30), "status": "planned",
        "note": "Depends on A-19 and A-20. " + PLAN,
    },
    {
        "code": "A-22", "work_package": "WP3",
        "title_en": "Joint action plan 2028–2030 and a standing monitoring routine",
        "title_fi": "Yhteinen toimintasuunnitelma 2028–2030 ja pysyvä seurantakäytäntö",
        "title_et": "Ühine tegevuskava 2028–2030 ja püsiv seirekord",
        "lead": UUSIMAA, "partners": f"{HARJU}; {HELSINKI}; {TALLINN}",
        "level": "administrative", "start": D(2027, 6, 1), "due": D(2028, 3, 31), "status": "planned",
        "bottlenecks": "BN-033",
        "note": "Carries open bottlenecks and the monitor's indicator set into the next period. " + PLAN,
    },
]

REGIONS_BENCHMARK: list[dict] = [
    {
        "code": "HT_EUREGIO", "name": "Helsinki–Tallinn Euregio", "countries": "FI–EE",
        "legal_form": "association", "founded": 1999, "population": 2_000_000,
        "funding_model": "Project funding (Interreg Southern Finland–Estonia, later Central Baltic); "
                         "no stable base funding.",
        "bodies": "Non-profit association (MTÜ, since 2003): general meeting, board, chair rotating every "
                  "3 years, secretariat.",
        "lessons": "TwinReg's own predecessor: a network (agreement of 22 Jun 1999) that became an association "
                   "in 2003, lived on projects and, per the OECD, gained little recognition. A lasting model "
                   "needs base funding and a political mandate from both capitals, not project money alone.",
        "source": "City of Tallinn (tallinn.ee), Helsinki–Tallinn Euregio; Union of the Baltic Cities (UBC), "
                  "2004; OECD. The population of about 2 M is a 2004 figure.",
    },
    {
        "code": "GREATER_CPH", "name": "Greater Copenhagen (formerly the Øresund Committee)", "countries": "DK–SE",
        "legal_form": "committee", "founded": 1993, "population": 4_500_000,
        "funding_model": "Membership fees of 85 municipalities and 4 regions; hosted Øresunddirekt and "
                         "Interreg IVA.",
        "bodies": "Political board; administrative steering group; coordination group; small joint secretariat.",
        "lessons": "Municipalities and regions of both countries as paying members, a small joint secretariat, "
                   "and a citizens' information service (Øresunddirekt) as the visible result: a model for the "
                   "Helsinki–Tallinn information point (A-11, SV-010).",
        "source": "Greater Copenhagen (greatercph.se); Wikipedia, “Greater Copenhagen”. Renamed in 2016; the "
                  "population of about 4.5 M is approximate.",
    },
    {
        "code": "KVARKEN_EGTC", "name": "Kvarken Council EGTC", "countries": "FI–SE",
        "legal_form": "EGTC", "founded": 1972,
        "funding_model": "Nordic Council of Ministers grant + main members' fees; about €15 M of EU funds "
                         "generated since 2011.",
        "bodies": "Main members, municipal members and organisation members; seat in Vaasa.",
        "lessons": "Council 1972, association 2008, EGTC on 31 Dec 2020: the first fully Nordic EGTC, with its "
                   "seat in Finland, shows that Finnish authorities can approve an EGTC and that a base grant "
                   "plus member fees keeps a secretariat that wins EU projects (relevant for A-19, A-20).",
        "source": "Ministry of Economic Affairs and Employment of Finland (tem.fi); Kvarken Council "
                  "(kvarken.org). The sources give no population.",
    },
    {
        "code": "TORNIO_HAPARANDA", "name": "Provincia Bothniensis (Tornio–Haparanda)", "countries": "FI–SE",
        "legal_form": "twin_city_body", "founded": 1987, "population": 31_000,
        "funding_model": "Joint services paid by the two cities (travel centre, language school, tourist "
                         "office since 1998); Interreg IVA North projects.",
        "bodies": "Twin-city body without legal status; board of 5 elected officials per city, meeting every "
                  "two months.",
        "lessons": "A body without legal personality can still run shared services when both councils commit "
                   "staff and premises; frequent meetings of elected officials keep it political. Helsinki and "
                   "Tallinn could start city-level services this way.",
        "source": "European Commission, Border Focal Point, good practice (futurium.ec.europa.eu); BRE "
                  "3/2023.",
    },
    {
        "code": "EUROMETROPOLIS", "name": "Eurometropolis Lille–Kortrijk–Tournai", "countries": "FR–BE",
        "legal_form": "EGTC", "founded": 2008, "population": 2_100_000, "area_km2": 3589.0,
        "funding_model": "Member contributions + grants (e.g. Belgian federal operating grant €90,387 in 2018) "
                         "+ Interreg.",
        "bodies": "14 founding institutions at four levels of government; Agency in Kortrijk (~12 staff); "
                  "civil-society Forum of 80; double parity and bilingualism.",
        "lessons": "Europe's first EGTC (28 Jan 2008, after COPIT 1991) puts every level of government in one "
                   "body with parity between countries and languages, plus a civil-society forum: a way to give "
                   "the Finnish and Estonian sides equal weight and both languages.",
        "source": "European Committee of the Regions, EGTC portal; Eurometropolis Lille–Kortrijk–Tournai "
                  "(eurometropolis.eu); Belgian Federal Public Service Foreign Affairs (fdfa.be).",
    },
    {
        "code": "GREATER_REGION", "name": "Greater Region (Grande Région)", "countries": "LU–DE–FR–BE",
        "legal_form": "EGTC", "founded": 1995, "population": 11_700_000, "area_km2": 65401.0,
        "funding_model": "Partners' contributions + Interreg Greater Region.",
        "bodies": "Summit of Executives (rotating 24-month presidency); EGTC Summit Secretariat (2014, "
                  "Esch-sur-Alzette); Interregional Parliamentary Council (1986); Economic and Social "
                  "Committee (1997); IBA·OIE labour-market observatory.",
        "lessons": "A political summit with a rotating presidency, a small EGTC secretariat for continuity and an "
                   "observatory producing common statistics (about 250–275k cross-border workers). The TwinReg "
                   "Monitor can take the observatory role; the EGTC covers the secretariat only.",
        "source": "Greater Region (granderegion.net); Government of Luxembourg (gouvernement.lu). Cooperation"
                  " since the 1980 agreement, Summit since 1995; the population is the midpoint of 11.6–11.8 "
                  "M.",
    },
    {
        "code": "EMR", "name": "Euregio Meuse-Rhine", "countries": "BE–NL–DE",
        "legal_form": "EGTC", "founded": 1976, "population": 3_850_000, "area_km2": 11000.0,
        "funding_model": "Interreg: about 400 projects and more than €180 M of EU co-financing in 25 years.",
        "bodies": "Board and Bureau; seat in Eupen.",
        "lessons": "Built in steps: working group 1976, foundation under Dutch law 1991, EGTC April 2019. A "
                   "lasting body can start light and upgrade its legal form once the partners trust it; "
                   "43,000 cross-border commuters give it a clear public.",
        "source": "Euregio Meuse-Rhine (euregio-mr.info). The population is the midpoint of 3.7–4 M; area "
                  "about 11,000 km².",
    },
    {
        "code": "STRASBOURG_ORTENAU", "name": "Eurodistrict Strasbourg–Ortenau", "countries": "FR–DE",
        "legal_form": "EGTC", "founded": 2005, "population": 915_000, "area_km2": 2368.0,
        "funding_model": "Interreg Upper Rhine projects (€109.7 M for the whole Upper Rhine programme "
                         "2014–2020).",
        "bodies": "EGTC since February 2010; council of 50 members (25 French, 25 German).",
        "lessons": "Equal delegations in one joint council show that parity works at metropolitan scale; the "
                   "EGTC form lets the district employ staff and run projects in its own name.",
        "source": "Scherer, presentation on the Eurodistrict Strasbourg–Ortenau.",
    },
    {
        "code": "TEB", "name": "Trinational Eurodistrict Basel", "countries": "CH–FR–DE",
        "legal_form": "association", "founded": 2007, "population": 875_000, "area_km2": 2000.0,
        "funding_model": "Member fees + projects; small-grant fund for people-to-people projects "
                         "(Begegnungsfonds).",
        "bodies": "Association under French law: members' assembly, board of 24 (8 per country), district "
                  "council; 250 communes.",
        "lessons": "An association works even with a non-EU partner, and a small-grant fund for encounters "
                   "builds everyday cooperation; more than 60,000 border workers daily.",
        "source": "Wikipedia, “Trinationaler Eurodistrict Basel”; Mission Opérationnelle Transfrontalière "
                  "(espaces-transfrontaliers.org). The population is the midpoint of about 830–920k; area "
                  "about 2,000 km².",
    },
    {
        "code": "NORDIC_CBC", "name": "Nordic cross-border committees (e.g. North Calotte, Svinesund, MidtSkandia, "
                                     "Bothnian Arc)",
        "countries": "Nordic countries", "legal_form": "committee", "founded": 1967,
        "funding_model": "Annual lump sum from the Nordic Council of Ministers (10 committees funded in 2015) "
                         "+ Interreg.",
        "bodies": "Committees or associations of regional and local authorities.",
        "lessons": "A predictable annual base grant from an intergovernmental body keeps small secretariats "
                   "alive between project periods. Finland–Estonia has no such instrument: a case for a "
                   "national base grant in the funding model (A-20).",
        "source": "Nordregio, Nordic cross-border committees. Sizes vary: North Calotte 920k (1994), Bothnian"
                  " Arc about 710k.",
    },
    {
        "code": "MOT", "name": "Mission Opérationnelle Transfrontalière (MOT)", "countries": "FR (+ neighbours)",
        "legal_form": "association", "founded": 1997,
        "funding_model": "French state, Caisse des Dépôts, member fees.",
        "bodies": "Association under the French law of 1901 with national support; members from all French "
                  "borders.",
        "lessons": "A national support centre that collects border obstacles and legal know-how for every "
                   "border. Finland and Estonia could each name a ministry contact point for border obstacles "
                   "that the twin region reports to.",
        "source": "Mission Opérationnelle Transfrontalière (espaces-transfrontaliers.org).",
    },
]
