"""The demo content in Finnish, Estonian and Swedish, and in English where the records name an organisation in its
own language (owners, "who"): `apply(table, records)` fills each record's translated columns
(schema.TRANSLATED_CONTENT), which build_demo.py writes into the workbooks.

Organisation names are the organisations' official names in each language (an Estonian body keeps its Estonian
name in brackets in Finnish and Swedish, a Finnish one its Finnish name in Estonian, where readers meet it in
that form). A text not found here stays empty in that language, so the pages show it in English, marked, and the
Data page lists it: Swedish is given for titles, names, organisations and groups, not for the long texts.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------------------------
# Organisations: a name as the records write it → (English, Finnish, Estonian, Swedish).
_HSL = ("Helsinki Region Transport (HSL)", "Helsingin seudun liikenne (HSL)", "Helsingi Regiooni Transport (HSL)",
        "Helsingforsregionens trafik (HRT)")
_HELSINKI = ("City of Helsinki", "Helsingin kaupunki", "Helsingi linn", "Helsingfors stad")
_VERO = ("Finnish Tax Administration", "Verohallinto", "Soome Maksuamet (Verohallinto)", "Skatteförvaltningen")
_TRAFICOM = ("Finnish Transport and Communications Agency (Traficom)", "Liikenne- ja viestintävirasto Traficom",
             "Soome Transpordi- ja Sideamet (Traficom)", "Transport- och kommunikationsverket Traficom")
_OPH = ("Finnish National Agency for Education", "Opetushallitus", "Soome Haridusamet (Opetushallitus)",
        "Utbildningsstyrelsen")
_VALVIRA = ("National Supervisory Authority for Welfare and Health (Valvira)", "Valvira",
            "Soome sotsiaal- ja tervishoiuvaldkonna järelevalveamet (Valvira)",
            "Tillstånds- och tillsynsverket för social- och hälsovården (Valvira)")
_KELA = ("Social Insurance Institution of Finland (Kela)", "Kela", "Soome sotsiaalkindlustusasutus Kela", "FPA")
_DVV = ("Digital and Population Data Services Agency (DVV)", "Digi- ja väestötietovirasto",
        "Soome Digi- ja Rahvastikuandmete Amet (DVV)", "Myndigheten för digitalisering och befolkningsdata")
_TEM = ("Ministry of Economic Affairs and Employment of Finland", "Työ- ja elinkeinoministeriö",
        "Soome Majandus- ja Tööhõiveministeerium", "Arbets- och näringsministeriet")
_TYRA = ("Employment Fund (Työllisyysrahasto)", "Työllisyysrahasto", "Soome Tööhõivefond (Työllisyysrahasto)",
         "Sysselsättningsfonden")
_TUKES = ("Finnish Safety and Chemicals Agency (Tukes)", "Turvallisuus- ja kemikaalivirasto (Tukes)",
          "Soome Ohutus- ja Kemikaaliamet (Tukes)", "Säkerhets- och kemikalieverket (Tukes)")
_ETK = ("Finnish Centre for Pensions (ETK)", "Eläketurvakeskus", "Soome Pensionikeskus (ETK)",
        "Pensionsskyddscentralen")
_MIGRI = ("Finnish Immigration Service (Migri)", "Maahanmuuttovirasto (Migri)", "Soome Migratsiooniamet (Migri)",
          "Migrationsverket (Migri)")
_FIVA = ("Financial Supervisory Authority of Finland (FIN-FSA)", "Finanssivalvonta",
         "Soome Finantsinspektsioon (Finanssivalvonta)", "Finansinspektionen")
_UUSIMAA = ("Helsinki-Uusimaa Regional Council", "Uudenmaan liitto", "Uusimaa Maakonnaliit (Uudenmaan liitto)",
            "Nylands förbund")
_TILASTO = ("Statistics Finland", "Tilastokeskus", "Soome Statistikaamet (Tilastokeskus)", "Statistikcentralen")
_TLN_TRANSPORT = ("Tallinn Transport Department", "Tallinnan liikennevirasto (Tallinna Transpordiamet)",
                  "Tallinna Transpordiamet", "Tallinns transportverk (Tallinna Transpordiamet)")
_TLN_CITY = ("Tallinn City Government", "Tallinnan kaupunginhallitus (Tallinna Linnavalitsus)",
             "Tallinna Linnavalitsus", "Tallinns stadsstyrelse (Tallinna Linnavalitsus)")
_TRANSPORDIAMET = ("Estonian Transport Administration", "Viron liikennevirasto (Transpordiamet)",
                   "Transpordiamet", "Estlands transportverk (Transpordiamet)")
_EMTA = ("Estonian Tax and Customs Board (EMTA)", "Viron vero- ja tullihallitus (Maksu- ja Tolliamet)",
         "Maksu- ja Tolliamet", "Estlands skatte- och tullstyrelse (Maksu- ja Tolliamet)")
_HARNO = ("Education and Youth Board (HARNO)", "Viron opetus- ja nuorisovirasto (Haridus- ja Noorteamet)",
          "Haridus- ja Noorteamet", "Estlands utbildnings- och ungdomsstyrelse (Haridus- ja Noorteamet)")
_TERVISEAMET = ("Health Board (Terviseamet)", "Viron terveysvirasto (Terviseamet)", "Terviseamet",
                "Estlands hälsostyrelse (Terviseamet)")
_TLN_EDU = ("Tallinn Education Department", "Tallinnan opetusvirasto (Tallinna Haridusamet)", "Tallinna Haridusamet",
            "Tallinns utbildningsverk (Tallinna Haridusamet)")
_HTM = ("Estonian Ministry of Education and Research", "Viron opetus- ja tutkimusministeriö",
        "Haridus- ja Teadusministeerium", "Estlands utbildnings- och forskningsministerium")
_TERVISEKASSA = ("Estonian Health Insurance Fund (Tervisekassa)", "Viron sairausvakuutuskassa (Tervisekassa)",
                 "Tervisekassa", "Estlands sjukförsäkringskassa (Tervisekassa)")
_TEHIK = ("Health and Welfare Information Systems Centre (TEHIK)",
          "Viron terveys- ja hyvinvointialan tietojärjestelmäkeskus (TEHIK)",
          "Tervise ja Heaolu Infosüsteemide Keskus (TEHIK)",
          "Estlands informationssystemcentral för hälsa och välfärd (TEHIK)")
_RIA = ("Information System Authority (RIA)", "Viron tietojärjestelmävirasto (RIA)", "Riigi Infosüsteemi Amet",
        "Estlands informationssystemmyndighet (RIA)")
_TI = ("Labour Inspectorate (Tööinspektsioon)", "Viron työsuojeluvirasto (Tööinspektsioon)", "Tööinspektsioon",
       "Estlands arbetsinspektion (Tööinspektsioon)")
_TOOTUKASSA = ("Estonian Unemployment Insurance Fund (Töötukassa)", "Viron työttömyysvakuutuskassa (Töötukassa)",
               "Eesti Töötukassa", "Estlands arbetslöshetsförsäkringskassa (Töötukassa)")
_KUTSEKODA = ("Estonian Qualifications Authority (Kutsekoda)", "Viron ammattipätevyyskeskus (Kutsekoda)",
              "Kutsekoda", "Estlands yrkeskvalifikationsmyndighet (Kutsekoda)")
_SKA = ("Social Insurance Board (Sotsiaalkindlustusamet)", "Viron sosiaalivakuutusvirasto (Sotsiaalkindlustusamet)",
        "Sotsiaalkindlustusamet", "Estlands socialförsäkringsverk (Sotsiaalkindlustusamet)")
_SIM = ("Estonian Ministry of the Interior", "Viron sisäministeriö", "Siseministeerium",
        "Estlands inrikesministerium")
_PPA = ("Police and Border Guard Board (PPA)", "Viron poliisi- ja rajavartiolaitos (PPA)",
        "Politsei- ja Piirivalveamet", "Estlands polis- och gränsbevakningsstyrelse (PPA)")
_FI_EE = ("Estonian Financial Supervision and Resolution Authority", "Viron finanssivalvonta (Finantsinspektsioon)",
          "Finantsinspektsioon", "Estlands finansinspektion (Finantsinspektsioon)")
_HOL = ("Harju County Municipalities' Union", "Harjumaan kuntaliitto (Harjumaa Omavalitsuste Liit)",
        "Harjumaa Omavalitsuste Liit", "Harju läns kommunförbund (Harjumaa Omavalitsuste Liit)")
_STAT_EE = ("Statistics Estonia", "Viron tilastovirasto (Statistikaamet)", "Statistikaamet",
            "Estlands statistikmyndighet (Statistikaamet)")
_MKM = ("Estonian Ministry of Economic Affairs and Communications", "Viron talous- ja viestintäministeriö",
        "Majandus- ja Kommunikatsiooniministeerium", "Estlands ministerium för näringsliv och kommunikation")
_VM = ("Ministry of Finance of Finland", "Valtiovarainministeriö", "Soome Rahandusministeerium",
       "Finansministeriet")
_RAM = ("Estonian Ministry of Finance", "Viron valtiovarainministeriö", "Rahandusministeerium",
        "Estlands finansministerium")
_STM = ("Ministry of Social Affairs and Health of Finland", "Sosiaali- ja terveysministeriö",
        "Soome Sotsiaal- ja Terviseministeerium", "Social- och hälsovårdsministeriet")
_SOM = ("Estonian Ministry of Social Affairs", "Viron sosiaaliministeriö", "Sotsiaalministeerium",
        "Estlands socialministerium")
_OKM = ("Ministry of Education and Culture of Finland", "Opetus- ja kulttuuriministeriö",
        "Soome Haridus- ja Kultuuriministeerium", "Undervisnings- och kulturministeriet")
_VRK = ("Population Register Centre (VRK)", "Väestörekisterikeskus", "Soome Rahvastikuregistri Keskus (VRK)",
        "Befolkningsregistercentralen")
_EUREGIO = ("Helsinki-Tallinn Euregio", "Helsinki–Tallinna Euregio", "Helsingi–Tallinna Euregio",
            "Helsingfors–Tallinn Euregio")
_STEERING = ("TwinReg steering group", "TwinRegin ohjausryhmä", "TwinRegi juhtrühm", "TwinRegs styrgrupp")


def _same(name: str) -> tuple[str, str, str, str]:
    """A name written alike in every language (Info Norden, EURES, InfoFinland)."""
    return (name, name, name, name)


ORGANISATIONS: dict[str, tuple[str, str, str, str]] = {
    # Finnish bodies
    "HSL": _HSL, "Helsinki Region Transport (HSL)": _HSL,
    "HSL (counterpart)": ("Helsinki Region Transport (HSL), counterpart", "Helsingin seudun liikenne (HSL), "
                          "vastinosapuoli", "Helsingi Regiooni Transport (HSL), partner",
                          "Helsingforsregionens trafik (HRT), motpart"),
    "Helsingin kaupunki": _HELSINKI, "City of Helsinki": _HELSINKI,
    "Helsingin kaupunki (työllisyyspalvelut)": ("City of Helsinki (employment services)",
                                                "Helsingin kaupunki (työllisyyspalvelut)",
                                                "Helsingi linn (tööhõiveteenused)",
                                                "Helsingfors stad (sysselsättningstjänster)"),
    "Espoon kaupunki": ("City of Espoo", "Espoon kaupunki", "Espoo linn", "Esbo stad"),
    "Vantaan kaupunki": ("City of Vantaa", "Vantaan kaupunki", "Vantaa linn", "Vanda stad"),
    "Verohallinto": _VERO, "Finnish Tax Administration (Verohallinto)": _VERO,
    "Liikenne- ja viestintävirasto Traficom": _TRAFICOM,
    "Finnish Transport and Communications Agency (Traficom)": _TRAFICOM,
    "Opetushallitus": _OPH, "Finnish National Agency for Education (Opetushallitus)": _OPH,
    "Valvira": _VALVIRA,
    "Kela": _KELA, "Social Insurance Institution of Finland (Kela)": _KELA,
    "Social Insurance Institution of Finland (Kela) – Kanta services": (
        "Social Insurance Institution of Finland (Kela) – Kanta services", "Kela – Kanta-palvelut",
        "Soome sotsiaalkindlustusasutus Kela – Kanta teenused", "FPA – Kanta-tjänsterna"),
    "Digi- ja väestötietovirasto": _DVV, "DVV": _DVV,
    "Digital and Population Data Services Agency (DVV, Digi- ja väestötietovirasto)": _DVV,
    "Digi- ja väestötietovirasto (Väestörekisterikeskus until 2019)": (
        "Digital and Population Data Services Agency (DVV; Population Register Centre until 2019)",
        "Digi- ja väestötietovirasto (vuoteen 2019 Väestörekisterikeskus)",
        "Soome Digi- ja Rahvastikuandmete Amet (DVV; kuni 2019 Rahvastikuregistri Keskus)",
        "Myndigheten för digitalisering och befolkningsdata (till 2019 Befolkningsregistercentralen)"),
    "Digi- ja väestötietovirasto (Suomi.fi)": (
        "Digital and Population Data Services Agency (DVV, Suomi.fi)", "Digi- ja väestötietovirasto (Suomi.fi)",
        "Soome Digi- ja Rahvastikuandmete Amet (DVV, Suomi.fi)",
        "Myndigheten för digitalisering och befolkningsdata (Suomi.fi)"),
    "DVV (municipality of residence)": (
        "Digital and Population Data Services Agency (DVV), municipality of residence",
        "Digi- ja väestötietovirasto (kotikunta)", "Soome Digi- ja Rahvastikuandmete Amet (DVV), elukohajärgne "
        "omavalitsus", "Myndigheten för digitalisering och befolkningsdata (hemkommun)"),
    "Väestörekisterikeskus": _VRK,
    "Työ- ja elinkeinoministeriö": _TEM, "Ministry of Economic Affairs and Employment of Finland": _TEM,
    "Työllisyysrahasto": _TYRA,
    "Turvallisuus- ja kemikaalivirasto (Tukes)": _TUKES, "Tukes": _TUKES,
    "Eläketurvakeskus": _ETK,
    "Finnish Centre for Pensions (ETK, A1 for posted workers)": (
        "Finnish Centre for Pensions (ETK, A1 for posted workers)",
        "Eläketurvakeskus (lähetettyjen työntekijöiden A1-todistukset)",
        "Soome Pensionikeskus (ETK, lähetatud töötajate A1-tõendid)",
        "Pensionsskyddscentralen (A1-intyg för utstationerade arbetstagare)"),
    "Maahanmuuttovirasto": _MIGRI, "Finnish Immigration Service (Migri)": _MIGRI,
    "Finanssivalvonta": _FIVA,
    "Uudenmaan liitto": _UUSIMAA, "Helsinki-Uusimaa Regional Council (Uudenmaan liitto)": _UUSIMAA,
    "Tilastokeskus": _TILASTO, "Statistics Finland": _TILASTO,
    "Valtiovarainministeriö": _VM, "Ministry of Finance of Finland (Valtiovarainministeriö)": _VM,
    "Ministry of Social Affairs and Health of Finland (Sosiaali- ja terveysministeriö)": _STM,
    "Ministry of Education and Culture of Finland": _OKM,
    "Aluehallintovirasto (työsuojelu)": ("Regional State Administrative Agency (occupational safety and health)",
                                         "Aluehallintovirasto (työsuojelu)",
                                         "Soome regionaalne riigihaldusamet (töökeskkonna järelevalve)",
                                         "Regionförvaltningsverket (arbetarskydd)"),
    "Finnish occupational safety and health authority (työsuojeluviranomainen)": (
        "Finnish occupational safety and health authority", "työsuojeluviranomainen",
        "Soome töökeskkonna järelevalveasutus", "arbetarskyddsmyndigheten i Finland"),
    "Suomen suurlähetystö Tallinnassa": ("Embassy of Finland in Tallinn", "Suomen suurlähetystö Tallinnassa",
                                         "Soome Suursaatkond Tallinnas", "Finlands ambassad i Tallinn"),
    "Helsingin yliopisto": ("University of Helsinki", "Helsingin yliopisto", "Helsingi Ülikool",
                            "Helsingfors universitet"),
    "City of Helsinki, Education Division (kasvatuksen ja koulutuksen toimiala)": (
        "City of Helsinki, Education Division", "Helsingin kaupunki, kasvatuksen ja koulutuksen toimiala",
        "Helsingi linn, kasvatus- ja haridusvaldkond", "Helsingfors stad, fostrans- och utbildningssektorn"),
    "City of Helsinki, Education Division": (
        "City of Helsinki, Education Division", "Helsingin kaupunki, kasvatuksen ja koulutuksen toimiala",
        "Helsingi linn, kasvatus- ja haridusvaldkond", "Helsingfors stad, fostrans- och utbildningssektorn"),
    "City of Helsinki (InfoFinland)": ("City of Helsinki (InfoFinland)", "Helsingin kaupunki (InfoFinland)",
                                       "Helsingi linn (InfoFinland)", "Helsingfors stad (InfoFinland)"),
    "City of Helsinki (InfoFinland editorial team) with ministries and municipalities": (
        "City of Helsinki (InfoFinland editorial team) with ministries and municipalities",
        "Helsingin kaupunki (InfoFinlandin toimitus) yhdessä ministeriöiden ja kuntien kanssa",
        "Helsingi linn (InfoFinlandi toimetus) koos ministeeriumide ja omavalitsustega",
        "Helsingfors stad (InfoFinlands redaktion) tillsammans med ministerier och kommuner"),
    "Finnish Patent and Registration Office (PRH)": ("Finnish Patent and Registration Office (PRH)",
                                                     "Patentti- ja rekisterihallitus (PRH)",
                                                     "Soome Patendi- ja Registriamet (PRH)",
                                                     "Patent- och registerstyrelsen (PRS)"),
    "unemployment funds (työttömyyskassat)": ("unemployment funds (työttömyyskassat)", "työttömyyskassat",
                                              "Soome töötuskassad (työttömyyskassat)", "arbetslöshetskassorna"),
    "Municipal employment services (työllisyyspalvelut)": ("Municipal employment services",
                                                           "kuntien työllisyyspalvelut",
                                                           "Soome omavalitsuste tööhõiveteenused",
                                                           "kommunernas sysselsättningstjänster"),
    "EURES Finland": ("EURES Finland", "EURES Suomi", "EURES Soome", "EURES Finland"),
    "Municipalities and employment services (kotoutumiskoulutus)": (
        "Municipalities and employment services (integration training)",
        "kunnat ja työllisyyspalvelut (kotoutumiskoulutus)",
        "Soome omavalitsused ja tööhõiveteenused (lõimumiskoolitus)",
        "kommunerna och sysselsättningstjänsterna (integrationsutbildning)"),
    "Port of Helsinki": ("Port of Helsinki", "Helsingin Satama", "Helsingi Sadam", "Helsingfors Hamn"),
    # Estonian bodies
    "Tallinna Transpordiamet": _TLN_TRANSPORT, "Tallinn Transport Department (Tallinna Transpordiamet)": _TLN_TRANSPORT,
    "Tallinna Linnavalitsus": _TLN_CITY, "Tallinn City Government": _TLN_CITY,
    "Transpordiamet": _TRANSPORDIAMET, "Estonian Transport Administration (Transpordiamet)": _TRANSPORDIAMET,
    "Maksu- ja Tolliamet": _EMTA, "Estonian Tax and Customs Board (EMTA, Maksu- ja Tolliamet)": _EMTA,
    "Estonian Tax and Customs Board (EMTA, Maksu- ja Tolliamet) – certificate of residence": (
        "Estonian Tax and Customs Board (EMTA) – certificate of residence",
        "Viron vero- ja tullihallitus (Maksu- ja Tolliamet) – asuinvaltiotodistus",
        "Maksu- ja Tolliamet – residentsustõend",
        "Estlands skatte- och tullstyrelse (Maksu- ja Tolliamet) – hemvistintyg"),
    "Haridus- ja Noorteamet": _HARNO, "Haridus- ja Noorteamet (HARNO)": _HARNO,
    "Education and Youth Board (Haridus- ja Noorteamet, HARNO)": _HARNO,
    "Terviseamet": _TERVISEAMET,
    "Tallinna Haridusamet": _TLN_EDU, "Tallinn Education Department (Tallinna Haridusamet)": _TLN_EDU,
    "Tallinn Education Department": _TLN_EDU,
    "Haridus- ja Teadusministeerium": _HTM,
    "Tervisekassa": _TERVISEKASSA, "Estonian Health Insurance Fund (Tervisekassa)": _TERVISEKASSA,
    "Eesti Haigekassa": ("Estonian Health Insurance Fund (Eesti Haigekassa)",
                         "Viron sairausvakuutuskassa (Eesti Haigekassa)", "Eesti Haigekassa",
                         "Estlands sjukförsäkringskassa (Eesti Haigekassa)"),
    "Tervise ja Heaolu Infosüsteemide Keskus (TEHIK)": _TEHIK, "TEHIK": _TEHIK,
    "Riigi Infosüsteemi Amet": _RIA, "RIA": _RIA, "Information System Authority (RIA, Riigi Infosüsteemi Amet)": _RIA,
    "Riigi Infosüsteemi Amet (eesti.ee)": ("Information System Authority (RIA, eesti.ee)",
                                           "Viron tietojärjestelmävirasto (RIA, eesti.ee)",
                                           "Riigi Infosüsteemi Amet (eesti.ee)",
                                           "Estlands informationssystemmyndighet (RIA, eesti.ee)"),
    "Information System Authority (RIA, Riigi Infosüsteemi Amet) – eIDAS node": (
        "Information System Authority (RIA) – eIDAS node", "Viron tietojärjestelmävirasto (RIA) – eIDAS-solmu",
        "Riigi Infosüsteemi Amet – eIDAS-sõlm", "Estlands informationssystemmyndighet (RIA) – eIDAS-nod"),
    "Tööinspektsioon": _TI,
    "Labour Inspectorate (Tööinspektsioon) – advice on posting": (
        "Labour Inspectorate (Tööinspektsioon) – advice on posting",
        "Viron työsuojeluvirasto (Tööinspektsioon) – lähettämistä koskeva neuvonta",
        "Tööinspektsioon – töötajate lähetamise nõustamine",
        "Estlands arbetsinspektion (Tööinspektsioon) – rådgivning om utstationering"),
    "Töötukassa": _TOOTUKASSA, "Estonian Unemployment Insurance Fund (Eesti Töötukassa)": _TOOTUKASSA,
    "EURES Estonia": ("EURES Estonia", "EURES Viro", "EURES Eesti", "EURES Estland"),
    "Kutsekoda": _KUTSEKODA,
    "Sotsiaalkindlustusamet": _SKA, "Social Insurance Board (Sotsiaalkindlustusamet)": _SKA,
    "Siseministeerium": _SIM, "Estonian Ministry of the Interior (Siseministeerium)": _SIM,
    "Siseministeerium (kohanemisprogramm)": ("Estonian Ministry of the Interior (adaptation programme)",
                                             "Viron sisäministeriö (kotoutumisohjelma)",
                                             "Siseministeerium (kohanemisprogramm)",
                                             "Estlands inrikesministerium (introduktionsprogrammet)"),
    "Ministry of the Interior (Siseministeerium) – population register": (
        "Estonian Ministry of the Interior – population register", "Viron sisäministeriö – väestörekisteri",
        "Siseministeerium – rahvastikuregister", "Estlands inrikesministerium – befolkningsregistret"),
    "Politsei- ja Piirivalveamet": _PPA, "Police and Border Guard Board (PPA)": _PPA,
    "local governments (population register)": ("local governments (population register)",
                                                "Viron kunnat (väestörekisteri)",
                                                "kohalikud omavalitsused (rahvastikuregister)",
                                                "kommunerna i Estland (befolkningsregistret)"),
    "Finantsinspektsioon": _FI_EE,
    "Harjumaa Omavalitsuste Liit": _HOL, "Harju County Municipalities' Union (Harjumaa Omavalitsuste Liit)": _HOL,
    "Statistikaamet": _STAT_EE, "Statistics Estonia": _STAT_EE,
    "Majandus- ja Kommunikatsiooniministeerium": _MKM,
    "Rahandusministeerium": _RAM, "Estonian Ministry of Finance (Rahandusministeerium)": _RAM,
    "Sotsiaalministeerium": _SOM,
    "Embassy of Estonia in Helsinki (card pick-up point)": (
        "Embassy of Estonia in Helsinki (card pick-up point)", "Viron suurlähetystö Helsingissä (kortin noutopiste)",
        "Eesti Suursaatkond Helsingis (kaardi väljastuskoht)", "Estlands ambassad i Helsingfors (utlämning av kortet)"),
    "Enterprise and Innovation Foundation (EIS)": ("Enterprise and Innovation Foundation (EIS)",
                                                   "Viron yritys- ja innovaatiosäätiö (EIS)",
                                                   "Ettevõtluse ja Innovatsiooni Sihtasutus (EIS)",
                                                   "Estlands stiftelse för företagande och innovation (EIS)"),
    "Centre of Registers and Information Systems (RIK) – e-Business Register": (
        "Centre of Registers and Information Systems (RIK) – e-Business Register",
        "Viron rekisteri- ja tietojärjestelmäkeskus (RIK) – sähköinen kaupparekisteri",
        "Registrite ja Infosüsteemide Keskus (RIK) – e-äriregister",
        "Estlands registercentral (RIK) – e-handelsregistret"),
    "Integration Foundation (Integratsiooni Sihtasutus)": (
        "Integration Foundation (Integratsiooni Sihtasutus)", "Viron kotouttamissäätiö (Integratsiooni Sihtasutus)",
        "Integratsiooni Sihtasutus", "Estlands integrationsstiftelse (Integratsiooni Sihtasutus)"),
    "Port of Tallinn (Tallinna Sadam)": ("Port of Tallinn", "Tallinnan Satama (Tallinna Sadam)", "Tallinna Sadam",
                                         "Tallinns hamn (Tallinna Sadam)"),
    "Tallinna Ülikool": ("Tallinn University", "Tallinnan yliopisto", "Tallinna Ülikool", "Tallinns universitet"),
    "Tartu Ülikool": ("University of Tartu", "Tarton yliopisto", "Tartu Ülikool", "Tartu universitet"),
    # Joint bodies and networks
    "Helsinki-Tallinn Euregio": _EUREGIO,
    "TwinReg steering group": _STEERING,
    "FinEst Link project": ("FinEst Link project", "FinEst Link -hanke", "FinEst Linki projekt",
                            "projektet FinEst Link"),
    "European Commission (Your Europe Advice, run by ECAS)": (
        "European Commission (Your Europe Advice, run by ECAS)",
        "Euroopan komissio (Your Europe Advice, ylläpitäjänä ECAS)",
        "Euroopa Komisjon (Your Europe Advice, haldaja ECAS)",
        "Europeiska kommissionen (Your Europe Advice, drivs av ECAS)"),
    "Info Norden": _same("Info Norden"),
    "InfoFinland": _same("InfoFinland"),
    "EURES": _same("EURES"),
}

# ---------------------------------------------------------------------------------------------------------------
# Affected groups: one group → (Finnish, Estonian, Swedish).
GROUPS: dict[str, tuple[str, str, str]] = {
    "commuters": ("työmatkalaiset", "pendeldajad", "pendlare"),
    "students": ("opiskelijat", "üliõpilased", "studerande"),
    "tourists": ("matkailijat", "turistid", "turister"),
    "families": ("perheet", "pered", "familjer"),
    "residents of harbour districts": ("satama-alueiden asukkaat", "sadamapiirkondade elanikud",
                                       "invånare i hamnområdena"),
    "remote workers": ("etätyöntekijät", "kaugtöötajad", "distansarbetare"),
    "employers": ("työnantajat", "tööandjad", "arbetsgivare"),
    "pensioners": ("eläkeläiset", "pensionärid", "pensionärer"),
    "self-employed": ("itsensätyöllistäjät", "füüsilisest isikust ettevõtjad", "egenföretagare"),
    "construction workers": ("rakennustyöntekijät", "ehitustöölised", "byggarbetare"),
    "posted workers": ("lähetetyt työntekijät", "lähetatud töötajad", "utstationerade arbetstagare"),
    "subcontractors": ("aliurakoitsijat", "alltöövõtjad", "underleverantörer"),
    "short-term workers": ("lyhytaikaiset työntekijät", "lühiajalised töötajad", "korttidsanställda"),
    "seasonal workers": ("kausityöntekijät", "hooajatöötajad", "säsongsarbetare"),
    "teachers": ("opettajat", "õpetajad", "lärare"),
    "schools": ("koulut", "koolid", "skolor"),
    "municipalities": ("kunnat", "omavalitsused", "kommuner"),
    "nurses": ("sairaanhoitajat", "õed", "sjukskötare"),
    "health-care employers": ("terveydenhuollon työnantajat", "tervishoiuasutused tööandjana",
                              "arbetsgivare inom hälso- och sjukvården"),
    "pupils": ("oppilaat", "õpilased", "elever"),
    "graduates": ("vastavalmistuneet", "vilistlased", "nyutexaminerade"),
    "universities": ("yliopistot", "ülikoolid", "universitet"),
    "Finns living in Estonia": ("Virossa asuvat suomalaiset", "Eestis elavad soomlased",
                                "finländare bosatta i Estland"),
    "Estonians living in Finland": ("Suomessa asuvat virolaiset", "Soomes elavad eestlased", "ester bosatta i Finland"),
    "newcomers": ("maahan muuttaneet", "uussisserändajad", "nyinflyttade"),
    "entrepreneurs": ("yrittäjät", "ettevõtjad", "företagare"),
    "frontier workers": ("rajatyöntekijät", "piiriülesed töötajad", "gränsarbetare"),
    "electricians": ("sähköasentajat", "elektrikud", "elektriker"),
    "construction companies": ("rakennusyritykset", "ehitusettevõtted", "byggföretag"),
    "job-seekers": ("työnhakijat", "tööotsijad", "arbetssökande"),
    "EURES advisers": ("EURES-neuvojat", "EURESe nõustajad", "Eures-rådgivare"),
    "labour inspectors": ("työsuojelutarkastajat", "tööinspektorid", "arbetarskyddsinspektörer"),
    "frontier workers' families": ("rajatyöntekijöiden perheet", "piiriüleste töötajate pered",
                                   "gränsarbetares familjer"),
    "children": ("lapset", "lapsed", "barn"),
    "people with careers in both countries": ("kummassakin maassa työuran tehneet", "mõlemas riigis töötanud inimesed",
                                              "personer med yrkesliv i båda länderna"),
    "companies": ("yritykset", "ettevõtted", "företag"),
    "movers": ("muuttajat", "kolijad", "flyttare"),
    "public authorities": ("viranomaiset", "ametiasutused", "myndigheter"),
    "workers": ("työntekijät", "töötajad", "arbetstagare"),
    "regional councils": ("maakuntien liitot", "maakondlikud omavalitsusliidud", "landskapsförbund"),
    "researchers": ("tutkijat", "teadlased", "forskare"),
    "small companies": ("pienyritykset", "väikeettevõtted", "småföretag"),
}

# ---------------------------------------------------------------------------------------------------------------
# Status-event notes: the note as the records write it, without the demo remark or the source (those are added in
# each language by `_event_note`) → (Finnish, Estonian).
EVENT_NOTES: dict[str, tuple[str, str]] = {
    # BN-001
    "Raised at a FinEst Link roundtable on the Helsinki–Tallinn travel chain.":
        ("Nostettiin esiin FinEst Link -hankkeen pyöreän pöydän keskustelussa Helsinki–Tallinna-matkaketjusta.",
         "Tõstatati FinEst Linki ümarlaual Helsingi–Tallinna reisiahela teemal."),
    "Travel-chain study mapped the ticket systems of HSL, Tallinn and the ferry operators.":
        ("Matkaketjuselvityksessä kartoitettiin HSL:n, Tallinnan ja lauttayhtiöiden lippujärjestelmät.",
         "Reisiahela uuringus kaardistati HSL-i, Tallinna ja laevafirmade piletisüsteemid."),
    "Put on the priority list as ferry traffic recovered after COVID-19.":
        ("Nostettiin kärkilistalle, kun laivaliikenne elpyi koronapandemian jälkeen.",
         "Võeti prioriteetide nimekirja, kui laevaliiklus COVID-19 järel taastus."),
    "Joint commuter ticket proposed: HSL and Tallinn period tickets sold together with ferry multi-trip tickets.":
        ("Ehdotettiin yhteistä työmatkalippua: HSL:n ja Tallinnan kausiliput myytäisiin yhdessä lauttojen "
         "sarjalippujen kanssa.",
         "Pakuti välja ühine pendeldaja pilet: HSL-i ja Tallinna perioodipiletid müüakse koos laeva "
         "mitmesõidupiletitega."),
    "Pilot agreement signed with two ferry operators; a combined mobile ticket is to be tested from spring 2027.":
        ("Kokeilusopimus allekirjoitettiin kahden lauttayhtiön kanssa; yhdistettyä mobiililippua on määrä testata "
         "keväästä 2027.",
         "Kahe laevafirmaga sõlmiti pilootleping; ühendatud mobiilipiletit hakatakse katsetama 2027. aasta "
         "kevadest."),
    # BN-002
    "Commuters registered in Finland asked in a survey for free travel in Tallinn.":
        ("Suomeen kirjoilla olevat työmatkalaiset toivoivat kyselyssä maksutonta joukkoliikennettä Tallinnassa.",
         "Soome registreeritud pendeldajad soovisid küsitluses Tallinnas tasuta sõitu."),
    "The city confirmed that free travel is a benefit of registered residents, financed through the city's share "
    "of personal income tax.":
        ("Kaupunki vahvisti, että maksuton joukkoliikenne on kirjoilla olevien asukkaiden etu, joka rahoitetaan "
         "kaupungin osuudella tuloverosta.",
         "Linn kinnitas, et tasuta sõit on registreeritud elanike soodustus, mida rahastatakse linnale laekuvast "
         "üksikisiku tulumaksu osast."),
    "Closed: a deliberate municipal policy rather than a removable obstacle; fares are explained in commuter "
    "guidance (BN-034).":
        ("Suljettu: kyse on kaupungin tietoisesta linjauksesta eikä poistettavissa olevasta esteestä; hinnat "
         "selitetään työmatkalaisten ohjeissa (BN-034).",
         "Suletud: tegu on linna teadliku poliitikaga, mitte kõrvaldatava takistusega; piletihindu selgitatakse "
         "pendeldajate juhendis (BN-034)."),
    # BN-003
    "Harbour traffic counts showed peaks of several thousand passengers per ferry arrival.":
        ("Satamaliikenteen laskennoissa havaittiin useiden tuhansien matkustajien huippuja laivan saapuessa.",
         "Sadamaliikluse loendused näitasid iga laeva saabumisel mitme tuhande reisija tippe."),
    "Joint analysis of harbour traffic and connecting public transport.":
        ("Satamaliikenteen ja liityntäjoukkoliikenteen yhteinen analyysi.",
         "Sadamaliikluse ja sellega ühenduva ühistranspordi ühine analüüs."),
    "Harbour traffic plans under way in Helsinki; tram link to Tallinn's Old City Harbour under construction.":
        ("Helsingissä satamaliikenteen suunnitelmat työn alla; raitiotieyhteys Tallinnan Vanhaansatamaan "
         "rakenteilla.",
         "Helsingis on sadamaliikluse kavad töös; trammiühendus Tallinna Vanasadamasse on ehitamisel."),
    "Tram link to the Old City Harbour in service; traffic arrangements at Helsinki's West Harbour still being "
    "implemented.":
        ("Raitiotieyhteys Vanhaansatamaan on käytössä; Helsingin Länsisataman liikennejärjestelyt ovat vielä "
         "kesken.",
         "Trammiühendus Vanasadamasse on kasutusel; Helsingi Läänesadama liikluskorraldus on veel pooleli."),
    # BN-004
    "Recurring enquiries from commuters about car registration and Finnish car tax.":
        ("Työmatkalaisilta toistuvia kysymyksiä auton rekisteröinnistä ja Suomen autoverosta.",
         "Pendeldajatelt korduvad küsimused auto registreerimise ja Soome automaksu kohta."),
    "Experts listed the cases in which re-registration and car tax apply.":
        ("Asiantuntijat listasivat tilanteet, joissa auto on rekisteröitävä uudelleen ja autovero maksettava.",
         "Eksperdid loetlesid juhtumid, mil auto tuleb ümber registreerida ja autot maksustatakse."),
    "A joint bilingual guidance page agreed as the target; lead organisation not yet named.":
        ("Tavoitteeksi sovittiin yhteinen kaksikielinen ohjesivu; vastuuorganisaatiota ei ole vielä nimetty.",
         "Eesmärgiks lepiti kokku ühine kakskeelne juhendileht; juhtivat asutust pole veel määratud."),
    # BN-005
    "Enquiries from commuters working from home in Estonia during COVID-19.":
        ("Kysymyksiä työmatkalaisilta, jotka tekivät koronapandemian aikana etätöitä Virosta käsin.",
         "Päringud pendeldajatelt, kes töötasid COVID-19 ajal kodust Eestis."),
    "Both administrations compared their reading of the Finland–Estonia tax treaty for home-office days.":
        ("Kumpikin hallinto vertasi, miten se tulkitsee Suomen ja Viron verosopimusta etätyöpäivien osalta.",
         "Mõlemad maksuhaldurid võrdlesid, kuidas nad tõlgendavad Soome–Eesti maksulepingut kodukontoripäevade "
         "puhul."),
    "Prioritised because telework remained common after the pandemic.":
        ("Priorisoitiin, koska etätyö pysyi yleisenä pandemian jälkeen.",
         "Seati prioriteediks, sest kaugtöö jäi ka pärast pandeemiat levinuks."),
    "Proposal: joint guidance now and a telework clause in the tax treaty.":
        ("Ehdotus: yhteinen ohjeistus heti ja etätyötä koskeva lauseke verosopimukseen.",
         "Ettepanek: ühine juhend kohe ja kaugtööd käsitlev säte maksulepingusse."),
    "The ministries of finance started talks on a protocol to the tax treaty.":
        ("Valtiovarainministeriöt aloittivat neuvottelut verosopimuksen pöytäkirjasta.",
         "Rahandusministeeriumid alustasid läbirääkimisi maksulepingu protokolli üle."),
    # BN-006
    "Refund statistics showed long processing times in Finland–Estonia cases.":
        ("Palautustilastot osoittivat Suomen ja Viron välisten tapausten käsittelyajat pitkiksi.",
         "Tagastuste statistika näitas Soome–Eesti juhtumite pikki menetlusaegu."),
    "Delays traced to paper certificates of tax paid.":
        ("Viiveet johtuivat paperisista todistuksista maksetuista veroista.",
         "Viivitused tulenesid paberil tõenditest makstud maksu kohta."),
    "Prioritised together with the taxation of remote work (BN-005).":
        ("Priorisoitiin yhdessä etätyön verotuksen kanssa (BN-005).",
         "Seati prioriteediks koos kaugtöö maksustamisega (BN-005)."),
    "Electronic exchange of tax-paid and tax-residence data proposed.":
        ("Ehdotettiin maksettuja veroja ja verotuksellista asuinvaltiota koskevien tietojen sähköistä vaihtoa.",
         "Pakuti välja makstud maksude ja maksuresidentsuse andmete elektrooniline vahetus."),
    "Automatic exchange in use; average refund time below three months for two quarters in a row.":
        ("Automaattinen tietojenvaihto on käytössä; palautusten keskimääräinen käsittelyaika alle kolme kuukautta "
         "kahtena peräkkäisenä neljänneksenä.",
         "Automaatne andmevahetus on kasutusel; keskmine tagastusaeg on olnud kaks kvartalit järjest alla kolme "
         "kuu."),
    # BN-007
    "Interviews with Estonian subcontractors on construction sites in Uusimaa.":
        ("Haastateltiin virolaisia aliurakoitsijoita Uudenmaan rakennustyömailla.",
         "Intervjuud Eesti alltöövõtjatega Uusimaa ehitusplatsidel."),
    "Waiting times for identification at tax offices in Uusimaa measured.":
        ("Mitattiin tunnistautumisen odotusaikoja Uudenmaan verotoimistoissa.",
         "Mõõdeti isikutuvastuse ooteaegu Uusimaa maksubüroodes."),
    "Proposal: more appointment times and electronic applications by employers.":
        ("Ehdotus: lisää ajanvarausaikoja ja työnantajien sähköiset hakemukset.",
         "Ettepanek: rohkem vastuvõtuaegu ja tööandjate elektroonilised taotlused."),
    "Employers apply for tax numbers electronically; people without a Finnish identity code still need one visit "
    "in person.":
        ("Työnantajat hakevat veronumeroita sähköisesti; ilman suomalaista henkilötunnusta olevien on yhä "
         "asioitava kerran paikan päällä.",
         "Tööandjad taotlevad maksunumbreid elektrooniliselt; Soome isikukoodita inimesed peavad siiski korra "
         "kohale minema."),
    # BN-008
    "Enquiries about tax cards after short work periods in Finland.":
        ("Kysymyksiä verokorteista lyhyiden Suomen-työjaksojen jälkeen.",
         "Päringud maksukaartide kohta pärast lühikesi tööperioode Soomes."),
    "Typical cases of interrupted stays collected.":
        ("Koottiin tyypillisiä tapauksia, joissa oleskelu Suomessa on katkennut.",
         "Koguti tüüpjuhtumeid, kus Soomes viibimine on katkenud."),
    "Prioritised for guidance in Estonian; no owner resources assigned yet.":
        ("Priorisoitiin vironkielistä ohjeistusta varten; vastuutaholle ei ole vielä osoitettu resursseja.",
         "Seati prioriteediks eestikeelse juhendamise jaoks; vastutajale pole veel ressursse eraldatud."),
    # BN-009
    "Statistics showed long decision times for applications from Estonia.":
        ("Tilastot osoittivat Virosta tulevien hakemusten päätösajat pitkiksi.",
         "Statistika näitas Eestist tulnud taotluste pikki otsustusaegu."),
    "Missing documents identified as the main cause of delay.":
        ("Puuttuvat asiakirjat todettiin viiveiden pääsyyksi.",
         "Viivituste peamiseks põhjuseks osutusid puuduvad dokumendid."),
    "Prioritised because of the teacher shortage in Uusimaa.":
        ("Priorisoitiin Uudenmaan opettajapulan vuoksi.",
         "Seati prioriteediks Uusimaa õpetajate puuduse tõttu."),
    "A checklist in Estonian and electronic transfer of diplomas proposed.":
        ("Ehdotettiin vironkielistä tarkistuslistaa ja tutkintotodistusten sähköistä siirtoa.",
         "Pakuti välja eestikeelne kontrollnimekiri ja diplomite elektrooniline edastamine."),
    "Fast-track pilot for applications from Estonia started; decision times tracked in EDU_RECOGNITION_DAYS.":
        ("Virosta tulevien hakemusten pikakaistakokeilu alkoi; päätösaikoja seurataan indikaattorilla "
         "EDU_RECOGNITION_DAYS.",
         "Algas Eestist tulevate taotluste kiirmenetluse pilootprojekt; otsustusaegu jälgitakse näitajaga "
         "EDU_RECOGNITION_DAYS."),
    # BN-010
    "Interviews with health-care employers in Uusimaa.":
        ("Haastateltiin Uudenmaan terveydenhuollon työnantajia.",
         "Intervjuud Uusimaa tervishoiuvaldkonna tööandjatega."),
    "Document requests between the two authorities mapped.":
        ("Kartoitettiin viranomaisten väliset asiakirjapyynnöt.",
         "Kaardistati kahe ameti vahelised dokumendipäringud."),
    "Terviseamet to send certificates of conformity directly to Valvira.":
        ("Terviseamet lähettää vaatimustenmukaisuustodistukset suoraan Valviralle.",
         "Terviseamet hakkab vastavustõendeid saatma otse Valvirale."),
    "Electronic transfer of certificates started.":
        ("Todistusten sähköinen siirto alkoi.",
         "Tõendite elektrooniline edastamine algas."),
    "Licensing time shortened; proof of language skills remains an employer requirement.":
        ("Laillistamisaika lyheni; kielitaidon osoittaminen on edelleen työnantajan vaatimus.",
         "Kutseloa menetlusaeg lühenes; keeleoskuse tõendamine jääb tööandja nõudeks."),
    # BN-011
    "Survey of Finnish families living in Harju County.":
        ("Kysely Harjumaalla asuville suomalaisperheille.",
         "Küsitlus Harjumaal elavatele Soome peredele."),
    "Demand for Finnish-language school places estimated by school year.":
        ("Suomenkielisten koulupaikkojen tarve arvioitiin lukuvuosittain.",
         "Soomekeelsete koolikohtade vajadust hinnati õppeaastate kaupa."),
    "Prioritised as a condition for attracting Finnish professionals to Tallinn.":
        ("Priorisoitiin edellytyksenä suomalaisten osaajien houkuttelemiselle Tallinnaan.",
         "Seati prioriteediks kui eeldus Soome spetsialistide Tallinnasse meelitamiseks."),
    "Proposal: additional premises in Tallinn and Finnish-language teaching support from Finland.":
        ("Ehdotus: lisätilat Tallinnaan ja suomenkielisen opetuksen tukea Suomesta.",
         "Ettepanek: lisaruumid Tallinnas ja soomekeelse õppe toetus Soomest."),
    # BN-012
    "A report on digital study records named the missing Finland–Estonia exchange.":
        ("Sähköisiä opintosuoritustietoja koskeva raportti nimesi puuttuvan Suomen ja Viron välisen "
         "tiedonvaihdon.",
         "Digitaalsete õpingutulemuste aruanne tõi välja puuduva Soome–Eesti andmevahetuse."),
    "Data models of VIRTA and EHIS compared.":
        ("VIRTA- ja EHIS-järjestelmien tietomalleja verrattiin.",
         "Võrreldi VIRTA ja EHISe andmemudeleid."),
    "Both registers to exchange records through EMREX and European Digital Credentials.":
        ("Molemmat rekisterit vaihtavat tietoja EMREXin ja eurooppalaisten digitaalisten osaamistodisteiden "
         "(European Digital Credentials) kautta.",
         "Mõlemad registrid hakkavad andmeid vahetama EMREXi ja Euroopa digitaalsete tõendite (European Digital "
         "Credentials) kaudu."),
    "Technical work started.":
        ("Tekninen työ alkoi.", "Tehniline töö algas."),
    "Test exchange of study records between two universities completed.":
        ("Opintosuoritustietojen testivaihto kahden yliopiston välillä saatiin valmiiksi.",
         "Kahe ülikooli vahel viidi lõpule õpingutulemuste testvahetus."),
    # BN-013
    "Commuters complained about paper prescriptions; a cross-border e-prescription was chosen as a pilot.":
        ("Työmatkalaiset valittivat paperiresepteistä; rajat ylittävä sähköinen resepti valittiin kokeiluksi.",
         "Pendeldajad kurtsid paberretseptide üle; piloodiks valiti piiriülene e-retsept."),
    "Exchange to be built in the first wave of the EU eHealth Digital Service Infrastructure.":
        ("Tiedonvaihto päätettiin rakentaa EU:n sähköisten terveyspalvelujen infrastruktuurin (eHDSI) "
         "ensimmäisessä vaiheessa.",
         "Andmevahetus otsustati ehitada ELi e-tervise digitaalse teenuste taristu (eHDSI) esimeses etapis."),
    "National contact points implemented and tested.":
        ("Kansalliset yhteyspisteet toteutettiin ja testattiin.",
         "Riiklikud kontaktpunktid võeti kasutusele ja testiti."),
    "First Finnish e-prescriptions dispensed in Estonian pharmacies, the first such exchange in the EU.":
        ("Ensimmäiset suomalaiset sähköiset reseptit toimitettiin virolaisissa apteekeissa, ensimmäisenä "
         "tällaisena tiedonvaihtona EU:ssa.",
         "Esimesed Soome e-retseptid väljastati Eesti apteekides – esimene selline andmevahetus ELis."),
    # BN-014
    "The Estonian-to-Finnish direction was left for a later phase.":
        ("Suunta Virosta Suomeen jätettiin myöhempään vaiheeseen.",
         "Suund Eestist Soome jäeti hilisemasse etappi."),
    "Work on the reverse direction continued after the Finnish-to-Estonian launch.":
        ("Vastakkaisen suunnan työ jatkui Suomesta Viroon -suunnan käynnistyttyä.",
         "Vastassuuna töö jätkus pärast Soomest Eestisse suuna käivitamist."),
    "Estonian e-prescriptions can be dispensed in Finnish pharmacies, about 18 months after the FI→EE launch; day "
    "and month approximate.":
        ("Virolaisia sähköisiä reseptejä voi toimittaa suomalaisissa apteekeissa noin 18 kuukautta FI→EE-suunnan "
         "käynnistymisen jälkeen; päivä ja kuukausi ovat likimääräisiä.",
         "Eesti e-retsepte saab välja osta Soome apteekides, umbes 18 kuud pärast FI→EE suuna käivitamist; päev "
         "ja kuu on ligikaudsed."),
    # BN-015
    "Estonians without Finnish bank codes could not log in to Suomi.fi services.":
        ("Virolaiset, joilla ei ollut suomalaisia pankkitunnuksia, eivät voineet kirjautua Suomi.fi-palveluihin.",
         "Soome pangakoodideta eestlased ei saanud Suomi.fi teenustesse sisse logida."),
    "Suomi.fi e-Identification to be connected to the Finnish eIDAS node.":
        ("Suomi.fi-tunnistus päätettiin liittää Suomen eIDAS-solmuun.",
         "Suomi.fi e-tuvastus otsustati ühendada Soome eIDAS-sõlmega."),
    "Recognition of other member states' notified e-IDs became mandatory for public services.":
        ("Muiden jäsenvaltioiden ilmoittamien sähköisten tunnistusvälineiden tunnustamisesta tuli pakollista "
         "julkisissa palveluissa.",
         "Teiste liikmesriikide teavitatud e-identimisvahendite tunnustamine muutus avalikele teenustele "
         "kohustuslikuks."),
    "Suomi.fi e-Identification accepts eIDAS-notified foreign e-IDs such as the Estonian ID-card; day approximate.":
        ("Suomi.fi-tunnistus hyväksyy eIDAS-ilmoitetut ulkomaiset tunnistusvälineet, kuten virolaisen "
         "henkilökortin; päivä on likimääräinen.",
         "Suomi.fi e-tuvastus aktsepteerib eIDASe alusel teavitatud välismaiseid e-identimisvahendeid, nagu Eesti "
         "ID-kaarti; päev on ligikaudne."),
    # BN-016
    "Roundtable participants could not sign contracts online without a local identity code.":
        ("Pyöreän pöydän osallistujat eivät voineet allekirjoittaa sopimuksia verkossa ilman paikallista "
         "henkilötunnusta.",
         "Ümarlaua osalejad ei saanud ilma kohaliku isikukoodita lepinguid veebis allkirjastada."),
    "Info Norden lists the digital wall among the top-10 Nordic border obstacles; day approximate.":
        ("Info Norden nimeää digitaalisen muurin Pohjoismaiden kymmenen suurimman rajaesteen joukkoon; päivä on "
         "likimääräinen.",
         "Info Norden arvab digitaalse müüri Põhjamaade kümne suurima piiritakistuse hulka; päev on ligikaudne."),
    "Prioritised after the revised eIDAS Regulation (EU) 2024/1183 entered into force.":
        ("Priorisoitiin, kun uudistettu eIDAS-asetus (EU) 2024/1183 tuli voimaan.",
         "Seati prioriteediks pärast uuendatud eIDASe määruse (EL) 2024/1183 jõustumist."),
    "Proposal: test the EU Digital Identity Wallets with banks and operators on both sides.":
        ("Ehdotus: testataan EU:n digitaalisen identiteetin lompakoita pankkien ja teleoperaattorien kanssa "
         "kummallakin puolella.",
         "Ettepanek: katsetada ELi digitaalse identiteedi rahakotte mõlema riigi pankade ja "
         "sideoperaatoritega."),
    "Cross-border wallet test with two banks and a telecom operator started.":
        ("Rajat ylittävä lompakkotesti kahden pankin ja yhden teleoperaattorin kanssa alkoi.",
         "Algas piiriülene rahakoti katse kahe panga ja ühe sideoperaatoriga."),
    # BN-017
    "Notification statistics showed many late or incomplete postings from Estonian companies.":
        ("Ilmoitustilastot osoittivat, että virolaisyritysten lähetetyistä työntekijöistä tehtiin paljon "
         "myöhästyneitä tai puutteellisia ilmoituksia.",
         "Teatiste statistika näitas, et Eesti ettevõtted esitasid palju hilinenud või puudulikke "
         "lähetamisteatisi."),
    "Small subcontractors interviewed on the duties they find hardest.":
        ("Pieniä aliurakoitsijoita haastateltiin velvoitteista, jotka he kokevat vaikeimmiksi.",
         "Väikestelt alltöövõtjatelt küsiti, millised kohustused on neile kõige raskemad."),
    "Prioritised together with A1 certificates (BN-021).":
        ("Priorisoitiin yhdessä A1-todistusten kanssa (BN-021).",
         "Seati prioriteediks koos A1-tõenditega (BN-021)."),
    "Proposal: a step-by-step posting guide in Estonian and reminders linked to the notification.":
        ("Ehdotus: vironkielinen vaiheittainen opas työntekijöiden lähettämisestä ja ilmoitukseen liitetyt "
         "muistutukset.",
         "Ettepanek: eestikeelne samm-sammuline juhend töötajate lähetamise kohta ja teatisega seotud "
         "meeldetuletused."),
    # BN-018
    "Frontier workers interviewed after waiting weeks for a U1 document.":
        ("Haastateltiin rajatyöntekijöitä, jotka olivat odottaneet U1-asiakirjaa viikkoja.",
         "Intervjueeriti piiriüleseid töötajaid, kes olid U1-dokumenti nädalaid oodanud."),
    "COVID-19 lay-offs exposed delays in U1 requests to Finland.":
        ("Koronapandemian lomautukset paljastivat viiveet Suomeen lähetetyissä U1-pyynnöissä.",
         "COVID-19 koondamised tõid esile viivitused Soome saadetud U1-päringutes."),
    "U1 requests moved to the EU Electronic Exchange of Social Security Information (EESSI).":
        ("U1-pyynnöt siirtyivät EU:n sosiaaliturvatietojen sähköiseen vaihtoon (EESSI).",
         "U1-päringud viidi üle ELi sotsiaalkindlustusteabe elektroonilisse vahetusse (EESSI)."),
    "Electronic exchange works; processing times still vary between Finnish unemployment funds.":
        ("Sähköinen tiedonvaihto toimii; käsittelyajat vaihtelevat yhä suomalaisten työttömyyskassojen välillä.",
         "Elektrooniline andmevahetus toimib; menetlusajad erinevad Soome töötuskassade vahel endiselt."),
    # BN-019
    "Electricians reported unclear requirements for working in Finland.":
        ("Sähköasentajat kertoivat Suomessa työskentelyn vaatimusten olevan epäselviä.",
         "Elektrikud teatasid, et Soomes töötamise nõuded on ebaselged."),
    "The EU recognition procedure was found to apply; no legal obstacle.":
        ("Todettiin, että EU:n tunnustamismenettely soveltuu; oikeudellista estettä ei ole.",
         "Leiti, et kohaldub ELi tunnustamismenetlus; õiguslikku takistust ei ole."),
    "Closed as an obstacle; the information need was passed to the information point work (BN-034).":
        ("Suljettu esteenä; tiedontarve siirrettiin neuvontapistetyöhön (BN-034).",
         "Takistusena suletud; teabevajadus anti üle infopunkti tööle (BN-034)."),
    # BN-020
    "Raised by EURES advisers at the autumn roundtable on labour mobility.":
        ("EURES-neuvojat nostivat asian esiin työvoiman liikkuvuutta käsitelleessä syksyn pyöreän pöydän "
         "keskustelussa.",
         "EURESe nõustajad tõstatasid teema sügisesel tööjõu liikuvuse ümarlaual."),
    "Vacancy channels of the Uusimaa employment areas and Töötukassa mapped.":
        ("Kartoitettiin Uudenmaan työllisyysalueiden ja Töötukassan avoimien työpaikkojen kanavat.",
         "Kaardistati Uusimaa tööhõivepiirkondade ja Töötukassa vabade töökohtade kanalid."),
    "Added to the priority list at the same meeting.":
        ("Lisättiin kärkilistalle samassa kokouksessa.",
         "Lisati samal koosolekul prioriteetide nimekirja."),
    # BN-021
    "Statistics showed A1 certificates issued after the posting had started.":
        ("Tilastot osoittivat, että A1-todistuksia myönnettiin vasta lähettämisen jo alettua.",
         "Statistika näitas, et A1-tõendeid väljastati alles pärast lähetuse algust."),
    "Causes: late applications by employers and manual checks.":
        ("Syyt: työnantajien myöhäiset hakemukset ja manuaaliset tarkistukset.",
         "Põhjused: tööandjate hilinenud taotlused ja käsitsi kontrollid."),
    "Prioritised with the posting rules (BN-017).":
        ("Priorisoitiin yhdessä lähettämistä koskevien sääntöjen kanssa (BN-017).",
         "Seati prioriteediks koos lähetamise reeglitega (BN-017)."),
    "Proposal to join the European Social Security Pass (ESSPASS) pilot for digital checks of A1 certificates.":
        ("Ehdotus liittyä eurooppalaisen sosiaaliturvapassin (ESSPASS) kokeiluun A1-todistusten sähköistä "
         "tarkistamista varten.",
         "Ettepanek liituda Euroopa sotsiaalkindlustuspassi (ESSPASS) pilootprojektiga A1-tõendite digitaalseks "
         "kontrolliks."),
    "Joint pilot started: A1 certificates carry a verifiable QR code.":
        ("Yhteinen kokeilu alkoi: A1-todistuksissa on tarkistettava QR-koodi.",
         "Algas ühine pilootprojekt: A1-tõenditel on kontrollitav QR-kood."),
    # BN-022
    "Enquiries from families whose S1 registration was pending.":
        ("Kysymyksiä perheiltä, joiden S1-rekisteröinti oli kesken.",
         "Päringud peredelt, kelle S1-registreerimine oli pooleli."),
    "Processing steps and waiting times mapped.":
        ("Kartoitettiin käsittelyvaiheet ja odotusajat.",
         "Kaardistati menetlusetapid ja ooteajad."),
    "Prioritised as a high-severity obstacle for families.":
        ("Priorisoitiin perheille vakavana esteenä.",
         "Seati prioriteediks kui peredele raske takistus."),
    "S1 documents exchanged electronically through EESSI.":
        ("S1-asiakirjoja vaihdetaan sähköisesti EESSI-järjestelmän kautta.",
         "S1-dokumente vahetatakse elektrooniliselt EESSI kaudu."),
    "Decision times shortened and bilingual guidance published; cases with several insurers remain slow.":
        ("Päätösajat lyhenivät ja kaksikielinen ohje julkaistiin; useamman vakuuttajan tapaukset ovat yhä "
         "hitaita.",
         "Otsustusajad lühenesid ja avaldati kakskeelne juhend; mitme kindlustajaga juhtumid on endiselt "
         "aeglased."),
    # BN-023
    "Enquiries from families waiting for child benefit decisions.":
        ("Kysymyksiä lapsilisäpäätöstä odottavilta perheiltä.",
         "Päringud peredelt, kes ootasid lapsetoetuse otsust."),
    "Delays traced to sequential instead of parallel processing.":
        ("Viiveet johtuivat peräkkäisestä käsittelystä rinnakkaisen sijaan.",
         "Viivitused tulenesid järjestikusest, mitte paralleelsest menetlusest."),
    "Joint processing guideline and named contact persons proposed.":
        ("Ehdotettiin yhteistä käsittelyohjetta ja nimettyjä yhteyshenkilöitä.",
         "Pakuti välja ühine menetlusjuhend ja nimetatud kontaktisikud."),
    "Guideline in use; decision times monitored.":
        ("Ohje on käytössä; päätösaikoja seurataan.",
         "Juhend on kasutusel; otsustusaegu jälgitakse."),
    "Decisions within the three-month target for a full year.":
        ("Päätökset ovat pysyneet kolmen kuukauden tavoitteessa koko vuoden.",
         "Otsused on terve aasta püsinud kolmekuulise eesmärgi piires."),
    # BN-024
    "Survey respondents with careers in both countries asked for a combined pension estimate.":
        ("Kyselyyn vastanneet, joilla on työuraa kummassakin maassa, toivoivat yhdistettyä eläke-ennustetta.",
         "Küsitlusele vastanud, kes on töötanud mõlemas riigis, soovisid ühendatud pensioniprognoosi."),
    "The European Tracking Service on pensions considered as a model.":
        ("Eurooppalaista eläkkeiden seurantapalvelua (European Tracking Service) harkittiin mallina.",
         "Eeskujuna kaaluti Euroopa pensioniõiguste jälgimise teenust (European Tracking Service)."),
    "Prioritised; depends on both institutions joining a European tracking service.":
        ("Priorisoitu; edellyttää, että molemmat laitokset liittyvät eurooppalaiseen seurantapalveluun.",
         "Prioriteediks seatud; eeldab, et mõlemad asutused liituvad Euroopa jälgimisteenusega."),
    # BN-025
    "Authorities reported manual requests for register extracts from the other country.":
        ("Viranomaiset kertoivat pyytävänsä toisen maan rekisteriotteita käsin.",
         "Ametiasutused teatasid, et küsivad teise riigi registriväljavõtteid käsitsi."),
    "Agreement on an X-Road trust federation at the end of 2016; day approximate.":
        ("Sopimus X-Road-luottamusfederaatiosta vuoden 2016 lopussa; päivä on likimääräinen.",
         "Kokkulepe X-tee usaldusföderatsiooni kohta 2016. aasta lõpus; päev on ligikaudne."),
    "Data exchange between X-tee and the Suomi.fi Data Exchange Layer became possible.":
        ("Tiedonvaihto X-teen ja Suomi.fi-palveluväylän välillä tuli mahdolliseksi.",
         "Andmevahetus X-tee ja Suomi.fi andmevahetuskihi vahel sai võimalikuks."),
    "Official connection announced; population and business register data are exchanged.":
        ("Virallinen yhteys julkistettiin; väestö- ja kaupparekisterin tietoja vaihdetaan.",
         "Teatati ametlikust ühendusest; vahetatakse rahvastiku- ja äriregistri andmeid."),
    # BN-026
    "Register comparison showed Finns registered as residents in both countries.":
        ("Rekisterivertailu osoitti, että osa suomalaisista on kirjoilla kummassakin maassa.",
         "Registrite võrdlus näitas, et osa soomlasi on elanikuna registreeritud mõlemas riigis."),
    "Legal basis for exchanging notifications of moves examined.":
        ("Selvitettiin muuttoilmoitusten vaihtamisen oikeusperusta.",
         "Uuriti elukohateadete vahetamise õiguslikku alust."),
    "Address-exchange agreement signed.":
        ("Osoitetietojen vaihtoa koskeva sopimus allekirjoitettiin.",
         "Allkirjastati aadressiandmete vahetamise leping."),
    "About 5,000 Finns registered in both countries; reporting under the agreement to start by the end of 2025.":
        ("Noin 5 000 suomalaista on kirjoilla kummassakin maassa; sopimuksen mukainen ilmoittaminen alkaa "
         "vuoden 2025 loppuun mennessä.",
         "Umbes 5000 soomlast on registreeritud mõlemas riigis; lepingu kohane teavitamine algab 2025. aasta "
         "lõpuks."),
    "First full exchange round completed; cases without a reported move remain.":
        ("Ensimmäinen täysi vaihtokierros saatiin päätökseen; tapaukset, joissa muuttoa ei ole ilmoitettu, "
         "jäävät yhä.",
         "Esimene täielik vahetusvoor on lõpetatud; alles jäävad juhtumid, kus elukohamuutusest pole teatatud."),
    # BN-027
    "Report on mismatched personal records in cross-border cases.":
        ("Raportti rajat ylittävien tapausten toisistaan poikkeavista henkilötiedoista.",
         "Aruanne piiriüleste juhtumite lahknevate isikuandmete kohta."),
    "Matching rules and differences in name spelling compared.":
        ("Verrattiin tietojen yhdistämissääntöjä ja nimien kirjoitusasujen eroja.",
         "Võrreldi andmete kokkuviimise reegleid ja nimede kirjapildi erinevusi."),
    "Prioritised; depends on the address exchange (BN-026) and EU-level identity matching.":
        ("Priorisoitu; riippuu osoitetietojen vaihdosta (BN-026) ja EU-tason henkilöllisyyden "
         "yhteensovittamisesta.",
         "Prioriteediks seatud; sõltub aadressiandmete vahetusest (BN-026) ja ELi tasandi isikute "
         "tuvastamisest."),
    # BN-028
    "Queue statistics for EU registration appointments in Uusimaa.":
        ("Jonotilastot EU-rekisteröinnin ajanvarauksista Uudellamaalla.",
         "Järjekorrastatistika ELi kodanike registreerimise vastuvõtuaegade kohta Uusimaal."),
    "Demand peaks and staff capacity analysed.":
        ("Analysoitiin kysynnän huiput ja henkilöstön kapasiteetti.",
         "Analüüsiti nõudluse tippe ja töötajate võimekust."),
    "Online application with a single identification visit proposed.":
        ("Ehdotettiin verkkohakemusta, jonka yhteydessä tarvitaan vain yksi tunnistuskäynti.",
         "Pakuti välja e-taotlus, mille puhul on vaja vaid üht isikutuvastuse külastust."),
    "More appointment times and online applications introduced.":
        ("Otettiin käyttöön lisää ajanvarausaikoja ja verkkohakemukset.",
         "Võeti kasutusele rohkem vastuvõtuaegu ja e-taotlused."),
    "Average registration time within the target for four quarters in a row.":
        ("Rekisteröinnin keskimääräinen kesto on pysynyt tavoitteessa neljä neljännestä peräkkäin.",
         "Registreerimise keskmine aeg on püsinud eesmärgi piires neli kvartalit järjest."),
    # BN-029
    "Survey: employed Estonians found no suitable Finnish courses.":
        ("Kysely: työssäkäyvät virolaiset eivät löytäneet itselleen sopivia suomen kielen kursseja.",
         "Küsitlus: töötavad eestlased ei leidnud endale sobivaid soome keele kursusi."),
    "Course offer for employed EU citizens in the capital region mapped.":
        ("Kartoitettiin pääkaupunkiseudun kurssitarjonta työssäkäyville EU-kansalaisille.",
         "Kaardistati pealinnapiirkonna kursusepakkumine töötavatele ELi kodanikele."),
    "Prioritised as the new Finnish Act on the Promotion of Integration took effect at the start of 2025.":
        ("Priorisoitiin, kun Suomen uusi kotoutumisen edistämisestä annettu laki tuli voimaan vuoden 2025 "
         "alussa.",
         "Seati prioriteediks, kui 2025. aasta algul jõustus Soome uus lõimumise edendamise seadus."),
    "Work-related Finnish courses opened to employed EU citizens; Tallinn offers a matching Estonian module.":
        ("Työelämän suomen kielen kurssit avattiin työssäkäyville EU-kansalaisille; Tallinna tarjoaa vastaavan "
         "viron kielen moduulin.",
         "Tööeluga seotud soome keele kursused avati töötavatele ELi kodanikele; Tallinn pakub vastavat eesti "
         "keele moodulit."),
    # BN-030
    "Survey of Estonian-speaking families in Uusimaa.":
        ("Kysely Uudellamaalla asuville vironkielisille perheille.",
         "Küsitlus Uusimaal elavatele eestikeelsetele peredele."),
    "Group sizes and travel distances for Estonian lessons compared across municipalities.":
        ("Viron kielen opetusryhmien kokoja ja koulumatkoja verrattiin kunnittain.",
         "Eesti keele tundide rühmade suurusi ja sõidukaugusi võrreldi omavalitsuste kaupa."),
    "Proposal: joint groups across municipal borders and distance lessons with Estonian teaching materials.":
        ("Ehdotus: kuntarajat ylittävät yhteiset ryhmät ja etäopetus virolaisilla oppimateriaaleilla.",
         "Ettepanek: omavalitsuste piire ületavad ühised rühmad ja kaugõpe Eesti õppematerjalidega."),
    # BN-031
    "Newcomers reported that they could not open accounts or sign leases.":
        ("Maahan muuttaneet kertoivat, etteivät he voineet avata pankkitiliä tai allekirjoittaa vuokrasopimusta.",
         "Uussisserändajad teatasid, et nad ei saanud avada pangakontot ega sõlmida üürilepingut."),
    "Banks' customer due diligence practices for non-residents reviewed.":
        ("Käytiin läpi pankkien ulkomailla asuviin asiakkaisiin soveltamat asiakkaan tuntemisen käytännöt.",
         "Vaadati üle pankade hoolsusmeetmete praktika mitteresidentidest klientide puhul."),
    "Prioritised; consistent application of the right to a basic payment account is the first step.":
        ("Priorisoitu; ensimmäinen askel on perusmaksutilioikeuden johdonmukainen soveltaminen.",
         "Prioriteediks seatud; esimene samm on õiguse põhimaksekontole järjepidev kohaldamine."),
    # BN-032
    "Interviews with Estonian workers on repeated short contracts.":
        ("Haastateltiin toistuvilla lyhyillä työsopimuksilla työskenteleviä virolaisia.",
         "Intervjuud korduvate lühiajaliste lepingutega töötavate eestlastega."),
    "Home-municipality rules applied to recurring work periods reviewed.":
        ("Käytiin läpi, miten kotikuntasääntöjä sovelletaan toistuviin työjaksoihin.",
         "Vaadati üle, kuidas kodukoha reegleid korduvatele tööperioodidele kohaldatakse."),
    "Proposal to the Ministry of Finance to review the Municipality of Residence Act for recurring workers.":
        ("Ehdotus valtiovarainministeriölle tarkistaa kotikuntalakia toistuvasti Suomessa työskentelevien osalta.",
         "Ettepanek Soome rahandusministeeriumile vaadata korduvalt Soomes töötavate inimeste puhul üle "
         "kodukohaseadus."),
    # BN-033
    "Survey: Estonian workers rely on colleagues and social media for advice.":
        ("Kysely: virolaiset työntekijät hakevat neuvoja työtovereilta ja sosiaalisesta mediasta.",
         "Küsitlus: Eesti töötajad otsivad nõu kolleegidelt ja sotsiaalmeediast."),
    "Key pages available in Estonian on Finnish public websites counted.":
        ("Laskettiin, montako keskeistä sivua suomalaisilla julkisilla verkkosivustoilla on saatavilla viroksi.",
         "Loendati, kui palju olulisi lehti on Soome avalikel veebisaitidel eesti keeles."),
    "Prioritised together with the information point (BN-034).":
        ("Priorisoitiin yhdessä neuvontapisteen kanssa (BN-034).",
         "Seati prioriteediks koos infopunktiga (BN-034)."),
    "Translation into Estonian of core pages on tax, social security and work proposed.":
        ("Ehdotettiin verotusta, sosiaaliturvaa ja työntekoa koskevien keskeisten sivujen kääntämistä viroksi.",
         "Pakuti välja maksustamise, sotsiaalkindlustuse ja töötamise põhilehtede tõlkimine eesti keelde."),
    "First core pages published in Estonian; coverage tracked in INF_PAGES_ET.":
        ("Ensimmäiset keskeiset sivut julkaistiin viroksi; kattavuutta seurataan indikaattorilla INF_PAGES_ET.",
         "Esimesed põhilehed avaldati eesti keeles; katvust jälgitakse näitajaga INF_PAGES_ET."),
    # BN-034
    "Roundtable participants could not name one place to ask cross-border questions.":
        ("Pyöreän pöydän osallistujat eivät osanneet nimetä yhtä paikkaa, josta kysyä rajat ylittävistä asioista.",
         "Ümarlaua osalejad ei osanud nimetada üht kohta, kust piiriüleste küsimustega nõu küsida."),
    "Existing advice services on both sides mapped.":
        ("Kartoitettiin olemassa olevat neuvontapalvelut kummallakin puolella.",
         "Kaardistati mõlema riigi olemasolevad nõustamisteenused."),
    "Prioritised as the basis for the other information bottlenecks.":
        ("Priorisoitiin muiden tiedonsaannin pullonkaulojen ratkaisemisen perustaksi.",
         "Seati prioriteediks kui alus teiste teabega seotud kitsaskohtade lahendamiseks."),
    "A joint information point modelled on Øresunddirekt proposed.":
        ("Ehdotettiin yhteistä neuvontapistettä Øresunddirektin mallin mukaan.",
         "Pakuti välja ühine infopunkt Øresunddirekti eeskujul."),
    "Pilot information desk opened online and with office hours at the ferry terminals.":
        ("Neuvontapisteen kokeilu avattiin verkossa ja vastaanottoaikoina satamaterminaaleissa.",
         "Infopunkti pilootprojekt avati veebis ning vastuvõtuaegadega sadamaterminalides."),
    # BN-035
    "Regional planners found no agreed figure for cross-border commuters.":
        ("Aluesuunnittelijat totesivat, ettei rajan yli pendelöivien määrästä ole yhteisesti sovittua lukua.",
         "Regionaalplaneerijad leidsid, et piiriüleste pendeldajate arvu kohta puudub kokkulepitud näitaja."),
    "Mobile-positioning study: about 5% of visitors from Estonia to Finland are transnationals; day approximate.":
        ("Mobiilipaikannustutkimus: noin 5 % Virosta Suomeen matkustavista on kahden maan välillä eläviä "
         "(transnationaaleja); päivä on likimääräinen.",
         "Mobiilpositsioneerimise uuring: umbes 5% Eestist Soome reisijatest on kahe riigi vahel elavad "
         "transnatsionaalid; päev on ligikaudne."),
    "Prioritised as a condition for monitoring the other bottlenecks.":
        ("Priorisoitiin edellytyksenä muiden pullonkaulojen seurannalle.",
         "Seati prioriteediks kui eeldus teiste kitsaskohtade jälgimiseks."),
    "Register-based pilot linking the Finnish Incomes Register with the Estonian population register proposed.":
        ("Ehdotettiin rekisteripohjaista kokeilua, jossa Suomen tulorekisteri yhdistetään Viron väestörekisteriin.",
         "Pakuti välja registripõhine pilootprojekt, mis seob Soome sissetulekute registri Eesti "
         "rahvastikuregistriga."),
    "Memorandum on data sharing for a pilot count signed.":
        ("Allekirjoitettiin tietojen jakamista koskeva muistio kokeilulaskentaa varten.",
         "Allkirjastati andmete jagamise memorandum pilootloenduse jaoks."),
    # BN-036
    "Raised from employer enquiries to the pilot information desk (BN-034).":
        ("Nousi esiin työnantajien neuvontapistekokeiluun esittämistä kysymyksistä (BN-034).",
         "Tõusis esile tööandjate päringutest infopunkti pilootprojektile (BN-034)."),
}

# The remark after every demo event note, and the word before a cited source, per language.
DEMO_REMARK = {"en": " (Demo scenario, not an official record.)",
               "fi": " (Demoskenaario, ei virallinen merkintä.)",
               "et": " (Demostsenaarium, mitte ametlik kirje.)",
               "sv": " (Demoscenario, ingen officiell uppgift.)"}
SOURCE_WORD = {"en": "Source", "fi": "Lähde", "et": "Allikas", "sv": "Källa"}

# ---------------------------------------------------------------------------------------------------------------
# Indicator definitions and series-break notes: code → (Finnish, Estonian).
DEFINITIONS: dict[str, tuple[str, str]] = {
    "MOB_FERRY_PAX": (
        "Helsingin ja Tallinnan välisillä säännöllisillä laivalinjoilla kuljetetut matkustajat, molemmat suunnat "
        "yhteensä, kalenterivuodessa.",
        "Helsingi ja Tallinna vahelistel regulaarsetel laevaliinidel veetud reisijad, mõlemad suunad kokku, "
        "kalendriaasta jooksul."),
    "MOB_FERRY_PAX_M": (
        "Helsingin ja Tallinnan välisillä säännöllisillä laivalinjoilla kuljetetut matkustajat kalenterikuukaudessa, "
        "molemmat suunnat.",
        "Helsingi ja Tallinna vahelistel regulaarsetel laevaliinidel veetud reisijad kalendrikuu jooksul, mõlemad "
        "suunad."),
    "MOB_FERRY_CARS": (
        "Helsingin ja Tallinnan välisillä lautoilla Suomenlahden yli kuljetetut henkilöautot, molemmat suunnat, "
        "vuodessa.",
        "Helsingi ja Tallinna vaheliste parvlaevadega üle Soome lahe veetud sõiduautod, mõlemad suunad, aastas."),
    "MOB_AIR_PAX": (
        "Matkustajat Helsinki-Vantaan ja Tallinnan lentoasemien välisillä suorilla reittilennoilla, molemmat "
        "suunnat.",
        "Reisijad Helsingi-Vantaa ja Tallinna lennujaama vahelistel otsestel regulaarlendudel, mõlemad suunad."),
    "TAX_DOUBLE_CASES": (
        "Vuoden aikana vireille tulleet tapaukset, joissa henkilön sama tulo verotettiin kummassakin maassa: "
        "Suomen ja Viron verosopimuksen mukaiset keskinäisen sopimusmenettelyn pyynnöt ja kaksinkertaisen "
        "verotuksen palautushakemukset.",
        "Aasta jooksul algatatud juhtumid, kus inimese sama tulu maksustati mõlemas riigis: Soome–Eesti "
        "maksulepingu kohased vastastikuse kokkuleppe menetluse taotlused ja topeltmaksu tagastamise nõuded."),
    "TAX_FI_TAXCARD_EE": (
        "Vuoden aikana annetut verokortit (myös rajoitetusti verovelvollisten lähdeverokortit) henkilöille, "
        "joiden asuinvaltio on Viro.",
        "Aasta jooksul väljastatud maksukaardid (sh mitteresidentide tulumaksukaardid) isikutele, kelle "
        "elukohariik on Eesti."),
    "EDU_FI_STUDENTS_EE": (
        "Virolaisissa korkeakouluissa tutkinto-opiskelijoina olevat Suomen kansalaiset kauden syksyllä alkavana "
        "lukuvuonna.",
        "Eesti kõrgkoolides kraadiõppes õppivad Soome kodanikud perioodi sügisel algaval õppeaastal."),
    "EDU_RECOGNITION_DAYS": (
        "Keskimääräinen kalenteripäivien määrä täydellisestä hakemuksesta ulkomaisen tutkinnon tunnustamispäätökseen.",
        "Keskmine kalendripäevade arv täielikust taotlusest välisriigi kvalifikatsiooni tunnustamise otsuseni."),
    "DIG_ERX_FI_EE": (
        "Virolaisissa apteekeissa rajat ylittävän sähköisen reseptin palvelun (eHDSI) kautta toimitetut "
        "suomalaiset sähköiset reseptit toimituskertoina laskettuna. Palvelu avattiin tammikuussa 2019.",
        "Eesti apteekides piiriülese e-retsepti teenuse (eHDSI) kaudu välja ostetud Soome e-retseptid, "
        "arvestatuna väljastuskordadena. Teenus avati 2019. aasta jaanuaris."),
    "DIG_ERX_EE_FI": (
        "Suomalaisissa apteekeissa rajat ylittävän sähköisen reseptin palvelun (eHDSI) kautta toimitetut "
        "virolaiset sähköiset reseptit toimituskertoina laskettuna. Palvelu avattiin vuonna 2020.",
        "Soome apteekides piiriülese e-retsepti teenuse (eHDSI) kaudu välja ostetud Eesti e-retseptid, "
        "arvestatuna väljastuskordadena. Teenus avati 2020. aastal."),
    "DIG_EID_SERVICES": (
        "Maan julkiset verkkopalvelut, jotka hyväksyvät toisen maan eIDAS-ilmoitetun sähköisen tunnistusvälineen "
        "(esim. virolaisen henkilökortin Suomessa), vuoden lopussa.",
        "Riigi avalikud e-teenused, mis aktsepteerivad teise riigi eIDASe alusel teavitatud e-identimisvahendit "
        "(nt Eesti ID-kaarti Soomes), aasta lõpu seisuga."),
    "EMP_POSTED_NOTIF": (
        "Lähetetyistä työntekijöistä annetun lain mukaiset ennakkoilmoitukset lähetetystä työstä Suomen "
        "työsuojeluviranomaiselle, kaikki lähettäjämaat (Viro on suurin).",
        "Lähetatud töötajate seaduse alusel Soome töökeskkonna järelevalveasutusele esitatud eelteatised "
        "lähetatud tööst, kõik lähetajariigid (Eesti on suurim)."),
    "EMP_COMMUTERS_EE_FI": (
        "Virossa asuvat henkilöt, jotka työskentelevät Suomessa ja matkustavat Suomenlahden yli vähintään kerran "
        "kuukaudessa.",
        "Eestis elavad inimesed, kes töötavad Soomes ja sõidavad üle Soome lahe vähemalt kord kuus."),
    "SOC_A1_CERTS": (
        "Vuoden aikana toiseen maahan lähetetyille tai useassa valtiossa työskenteleville annetut A1-todistukset "
        "(alue FI: annettu Suomessa Virossa tehtävää työtä varten; alue EE: annettu Virossa Suomessa tehtävää "
        "työtä varten).",
        "Aasta jooksul teise riiki lähetatud või mitmes riigis töötavatele isikutele väljastatud A1-tõendid "
        "(piirkond FI: väljastatud Soomes Eestis töötamiseks; piirkond EE: väljastatud Eestis Soomes "
        "töötamiseks)."),
    "SOC_KELA_DECISION_DAYS": (
        "Keskimääräiset päivät hakemuksesta sosiaaliturvaan kuulumista ja etuuksia koskevaan päätökseen Suomen ja "
        "Viron välillä muuttaville (alue FI: Kela; alue EE: Viron sosiaalivakuutusvirasto).",
        "Keskmine päevade arv taotlusest kindlustuskaitset ja hüvitisi käsitleva otsuseni Soome ja Eesti vahel "
        "kolijatele (piirkond FI: Kela; piirkond EE: Sotsiaalkindlustusamet)."),
    "LEG_RESIDENCE_REG_DAYS": (
        "Keskimääräiset päivät hakemuksesta EU-kansalaisen oleskeluoikeuden rekisteröintiin (alue FI: Suomeen "
        "muuttavat virolaiset; alue EE: Viroon muuttavat suomalaiset).",
        "Keskmine päevade arv taotlusest ELi kodaniku elamisõiguse registreerimiseni (piirkond FI: Soome kolivad "
        "eestlased; piirkond EE: Eestisse kolivad soomlased)."),
    "LEG_DUAL_REG_PERSONS": (
        "Henkilöt, joilla on vakinainen osoite samanaikaisesti sekä Suomen että Viron väestörekisterissä. "
        "Osoitetietojen vaihtoa koskevan sopimuksen (allekirjoitettu 21.9.2022) on määrä vähentää heidän "
        "määräänsä.",
        "Isikud, kellel on alaline aadress korraga nii Soome kui ka Eesti rahvastikuregistris. Aadressiandmete "
        "vahetamise leping (allkirjastatud 21.09.2022) peaks nende arvu vähendama."),
    "INT_EE_SPEAKERS_FI": (
        "Suomessa vakinaisesti asuvat, joiden rekisteröity äidinkieli on viro, vuoden lopussa.",
        "Soome alalised elanikud, kelle registreeritud emakeel on eesti keel, aasta lõpu seisuga."),
    "INT_EE_CITIZENS_FI": (
        "Suomessa vakinaisesti asuvat Viron kansalaiset vuoden lopussa.",
        "Soome alalised elanikud, kellel on Eesti kodakondsus, aasta lõpu seisuga."),
    "INT_POPULATION": (
        "Alueen väkiluku vuoden lopussa (Viron rekisteriluvut: seuraavan vuoden 1. tammikuuta).",
        "Piirkonna rahvaarv aasta lõpus (Eesti registriandmed: järgmise aasta 1. jaanuari seisuga)."),
    "INF_ENQUIRIES": (
        "Yhteydenotot (puhelin, sähköposti, chat, käynnit), jotka koskevat muuttoa, työtä, opiskelua tai "
        "yritystoimintaa Suomen ja Viron rajan yli, neuvontapalvelun maan mukaan.",
        "Pöördumised (telefon, e-post, vestlus, külastused) kolimise, töötamise, õppimise või ettevõtluse kohta "
        "üle Soome–Eesti piiri, nõustamisteenuse riigi järgi."),
    "INF_PAGES_ET": (
        "Julkiset verkkosivut, joilla on ohjeita viroksi, vuoden lopussa (alue FI: valtion viranomaiset; FI-091: "
        "Helsingin kaupunki).",
        "Avalikud veebilehed, kus on juhiseid eesti keeles, aasta lõpu seisuga (piirkond FI: riigiasutused; "
        "FI-091: Helsingi linn)."),
}
_FERRY_BREAK_FI = ("2005–2015 Tallinnan sataman tilastoperusteella (Tallinna–Helsinki-linja; 2010–2012 Helsingin "
                   "Sataman tiedotteiden luvuista, 2013 ja 2015 johdettu kasvuluvuista); vuodesta 2016 Helsingin "
                   "Sataman linjaliikennetilastot. Satamat laskevat hieman eri tavoin (2016: Helsinki 8,74 milj., "
                   "Tallinna 8,51 milj.).")
_FERRY_BREAK_ET = ("2005–2015 Tallinna Sadama arvestuse alusel (Tallinna–Helsingi liin; 2010–2012 Helsingi Sadama "
                   "pressiteadete arvudest, 2013 ja 2015 tuletatud kasvumääradest); alates 2016 Helsingi Sadama "
                   "liinilaevade statistika. Sadamad loendavad veidi erinevalt (2016: Helsingi 8,74 mln, Tallinn "
                   "8,51 mln).")
BREAK_NOTES: dict[str, tuple[str, str]] = {
    "MOB_FERRY_PAX": (_FERRY_BREAK_FI, _FERRY_BREAK_ET),
    "MOB_FERRY_PAX_M": ("Kuukausiluvut noudattavat vuosisarjaa: " + _FERRY_BREAK_FI,
                        "Kuuandmed järgivad aastaseeriat: " + _FERRY_BREAK_ET),
    "EDU_FI_STUDENTS_EE": ("2010 tarkoittaa lukuvuotta 2010/11; 2014 kattaa vain Tallinnassa opiskelevat "
                           "suomalaiset.",
                           "2010 tähistab õppeaastat 2010/11; 2014 hõlmab ainult Tallinnas õppivaid soomlasi."),
    "DIG_EID_SERVICES": ("Katko helmikuussa 2019: Suomi.fi-tunnistus alkoi hyväksyä eIDAS-ilmoitetut ulkomaiset "
                         "tunnistusvälineet (vrk.fi); aiempina vuosina suomalaisia palveluja ei lasketa.",
                         "Katkestus 2019. aasta veebruaris: Suomi.fi e-tuvastus hakkas aktsepteerima eIDASe alusel "
                         "teavitatud välismaiseid e-identimisvahendeid (vrk.fi); varasematel aastatel Soome "
                         "teenuseid ei loeta."),
    "INT_EE_CITIZENS_FI": ("Vuodet 2019 ja 2022 ovat Viron väestörekisterin lukuja Viron kansalaisista, joilla on "
                           "osoite Suomessa (ERR), eivät Tilastokeskuksen lukuja; perusta on eri.",
                           "2019. ja 2022. aasta andmed on Eesti rahvastikuregistri arvud Soome aadressiga Eesti "
                           "kodanike kohta (ERR), mitte Soome Statistikaameti arvud; alus on erinev."),
}

# ---------------------------------------------------------------------------------------------------------------
# Service descriptions: code → (Finnish, Estonian).
SERVICE_NOTES: dict[str, tuple[str, str]] = {
    "SV-001": (
        "Virolainen henkilökortti on hyväksytty helmikuusta 2019 (Väestörekisterikeskus, vrk.fi). Moni palvelu "
        "vaatii kirjautumisen jälkeen yhä suomalaisen henkilötunnuksen, niin sanottu digitaalinen muuri (Info "
        "Norden, kymmenen suurinta rajaestettä, 2023). Saatavuus: demoarvio, ei virallinen luokitus.",
        "Eesti ID-kaart on aktsepteeritud alates 2019. aasta veebruarist (Soome Rahvastikuregistri Keskus, "
        "vrk.fi). Paljud teenused nõuavad pärast sisselogimist endiselt Soome isikukoodi – nn digitaalne müür "
        "(Info Norden, kümme suurimat piiritakistust, 2023). Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-002": (
        "Suomalaisia sähköisiä reseptejä on toimitettu virolaisissa apteekeissa tammikuusta 2019, ensimmäisenä "
        "EU:ssa; virolaisia suomalaisissa apteekeissa vuodesta 2020 (Journal of Medical Internet Research, 2023). "
        "Jotkin lääkeryhmät on rajattu pois (kanta.fi). Indikaattorit DIG_ERX_FI_EE, DIG_ERX_EE_FI.",
        "Soome e-retsepte on Eesti apteekides välja ostetud alates 2019. aasta jaanuarist, esimesena ELis; Eesti "
        "e-retsepte Soome apteekides alates 2020. aastast (Journal of Medical Internet Research, 2023). Mõned "
        "ravimirühmad on välja jäetud (kanta.fi). Näitajad DIG_ERX_FI_EE, DIG_ERX_EE_FI."),
    "SV-003": (
        "Federaatiosta sovittiin vuoden 2016 lopussa; tiedonvaihto mahdollista 1.9.2017 alkaen; virallinen yhteys "
        "julkistettiin 8.2.2018; välittää väestö- ja kaupparekisterin tietoja (Viron tietojärjestelmävirasto, "
        "ria.ee). Harva kunnallinen palvelu käyttää sitä vielä: demoarvio.",
        "Föderatsioonis lepiti kokku 2016. aasta lõpus; andmevahetus võimalik alates 01.09.2017; ametlikust "
        "ühendusest teatati 08.02.2018; vahendab rahvastiku- ja äriregistri andmeid (Riigi Infosüsteemi Amet, "
        "ria.ee). Vähesed omavalitsuste teenused seda veel kasutavad: demohinnang."),
    "SV-004": (
        "Digitaalinen henkilöllisyys virolaisiin sähköisiin palveluihin ja yrityksen pyörittämiseen; se ei ole "
        "oleskelulupa eikä tee haltijasta verotuksellisesti Virossa asuvaa (e-resident.gov.ee). Haku verkossa, "
        "kortti noudetaan henkilökohtaisesti. Demokuvaus.",
        "Digitaalne isikutunnistus Eesti e-teenuste kasutamiseks ja ettevõtte pidamiseks; see ei ole elamisluba "
        "ega tee omanikku Eesti maksuresidendiks (e-resident.gov.ee). Taotlus veebis, kaart tuleb ise kätte "
        "saada. Demokirjeldus."),
    "SV-005": (
        "Ensimmäistä verokorttia varten on yleensä käytävä verotoimistossa todistamassa henkilöllisyys; yli kuuden "
        "kuukauden työskentely Suomessa tekee tulosta Suomessa veronalaista (The Baltic Course). Indikaattori "
        "TAX_FI_TAXCARD_EE. Demokuvaus.",
        "Esimese maksukaardi saamiseks tuleb isikusamasuse tõendamiseks tavaliselt minna maksubüroosse; üle kuue "
        "kuu Soomes töötamine muudab tulu Soomes maksustatavaks (The Baltic Course). Näitaja TAX_FI_TAXCARD_EE. "
        "Demokirjeldus."),
    "SV-006": (
        "Kaksi erillistä kansallista menettelyä; verovelvollinen kuljettaa todistuksia viranomaiselta toiselle. "
        "Indikaattori TAX_DOUBLE_CASES. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Kaks eraldi riiklikku menetlust; maksumaksja viib tõendeid ühest asutusest teise. Näitaja "
        "TAX_DOUBLE_CASES. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-007": (
        "Koulupaikat osoitetaan rekisteröidyn kotiosoitteen perusteella, joten koulunaloitus odottaa käytännössä "
        "väestörekisteröintiä uudessa maassa. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Koolikohad määratakse registreeritud kodukoha aadressi järgi, nii et kooli astumine ootab praktikas "
        "rahvastikuregistrisse kandmist uues riigis. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-008": (
        "Akateeminen tunnustaminen kahdessa ENIC-NARIC-keskuksessa; säännellyillä ammateilla (esim. "
        "terveydenhuolto) on omat laillistamismenettelynsä. Käsittelyaika: indikaattori EDU_RECOGNITION_DAYS. "
        "Demokuvaus.",
        "Akadeemiline tunnustamine kahes ENIC-NARIC keskuses; reguleeritud kutsealadel (nt tervishoid) on eraldi "
        "kutseloa menetlused. Menetlusaeg: näitaja EDU_RECOGNITION_DAYS. Demokirjeldus."),
    "SV-009": (
        "Maksuttomat henkilökohtaiset vastaukset kysyjän valitsemalla EU-kielellä. Kysymysten jakauma 2023: "
        "sosiaaliturva 28 %, oleskeluoikeus 19 %, maahantulomenettelyt 13 % (European Citizen Action Service, "
        "Your Europe Advice 2023). Indikaattori INF_ENQUIRIES.",
        "Tasuta isiklikud vastused küsija valitud ELi keeles. Pöördumiste jaotus 2023: sotsiaalkindlustus 28%, "
        "elamisõigus 19%, riiki sisenemise menetlused 13% (European Citizen Action Service, Your Europe Advice "
        "2023). Näitaja INF_ENQUIRIES."),
    "SV-010": (
        "Ei olemassa oleva palvelu: toimenpiteessä A-11 ehdotettu kokeilu Øresunddirektin (Greater Copenhagen) ja "
        "Info Nordenin mallin mukaan. Demokuvaus.",
        "Ei ole olemasolev teenus: meetmes A-11 välja pakutud pilootprojekt Øresunddirekti (Greater Copenhagen) ja "
        "Info Nordeni eeskujul. Demokirjeldus."),
    "SV-011": (
        "Sisältö InfoFinlandista (infofinland.fi). Vironkieliset sivut lasketaan indikaattorilla INF_PAGES_ET. "
        "Demokuvaus.",
        "Sisu pärineb InfoFinlandist (infofinland.fi). Eestikeelseid lehti loetakse näitajaga INF_PAGES_ET. "
        "Demokirjeldus."),
    "SV-012": (
        "Yritystietojärjestelmän tiedot kulkevat federoidun X-Roadin kautta vuodesta 2018 (Viron "
        "tietojärjestelmävirasto, ria.ee). Sivuliikkeen rekisteröinti toiseen maahan vaatii yhä yhtiön asiakirjojen "
        "toimittamista uudelleen. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Soome ettevõtlusinfo süsteemi andmed liiguvad föderatiivse X-tee kaudu alates 2018. aastast (Riigi "
        "Infosüsteemi Amet, ria.ee). Filiaali registreerimine teises riigis nõuab endiselt ettevõtte dokumentide "
        "uuesti esitamist. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-013": (
        "Haku verkossa, mutta henkilöllisyys on todistettava henkilökohtaisesti palvelupisteessä. Käsittelyaika: "
        "indikaattori LEG_RESIDENCE_REG_DAYS. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Taotlus veebis, kuid isikusamasus tuleb tõendada kohapeal teeninduspunktis. Menetlusaeg: näitaja "
        "LEG_RESIDENCE_REG_DAYS. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-014": (
        "Noin 5 000 henkilöä on kirjoilla kummassakin maassa; sopimus allekirjoitettiin 21.9.2022, ilmoittaminen "
        "alkaa vuoden 2025 loppuun mennessä (Digi- ja väestötietovirasto DVV, tiedote 27.8.2024). Tässä demossa "
        "arvioitu osittaiseksi: oletettu toimivaksi vain uusissa muutoissa. Indikaattori LEG_DUAL_REG_PERSONS.",
        "Umbes 5000 inimest on registreeritud mõlemas riigis; leping allkirjastati 21.09.2022, teavitamine algab "
        "2025. aasta lõpuks (Soome Digi- ja Rahvastikuandmete Amet DVV, pressiteade 27.08.2024). Selles demos "
        "hinnatud osaliseks: eeldatavasti toimib vaid uute elukohamuutuste puhul. Näitaja LEG_DUAL_REG_PERSONS."),
    "SV-015": (
        "Sosiaaliturva määräytyy työskentelymaan mukaan (asetus (EY) N:o 883/2004). Päätökset edellyttävät tietoja "
        "Virosta, jotka tulevat usein postitse. Indikaattorit SOC_KELA_DECISION_DAYS, SOC_A1_CERTS. Saatavuus: "
        "demoarvio, ei virallinen luokitus.",
        "Kindlustuskaitse määrab töötamise riik (määrus (EÜ) nr 883/2004). Otsuste tegemiseks on vaja Eestist "
        "andmeid, mis saabuvad sageli posti teel. Näitajad SOC_KELA_DECISION_DAYS, SOC_A1_CERTS. Kättesaadavus: "
        "demohinnang, mitte ametlik hinne."),
    "SV-016": (
        "Kattaa lääketieteellisesti välttämättömän hoidon tilapäisen oleskelun aikana; toisessa maassa asuvien ja "
        "toisessa työskentelevien on sen sijaan rekisteröidyttävä S1-todistuksella (kela.fi, tervisekassa.ee). "
        "Demokuvaus.",
        "Katab ajutise viibimise ajal meditsiiniliselt vajaliku ravi; ühes riigis elavad ja teises töötavad "
        "inimesed peavad selle asemel end registreerima S1-vormiga (kela.fi, tervisekassa.ee). Demokirjeldus."),
    "SV-017": (
        "Etuus säilyy 3 kuukautta (pidennettävissä 6 kuukauteen) työtä etsittäessä toisessa maassa; työnhakijan on "
        "ilmoittauduttava siellä 7 päivän kuluessa (asetus (EY) N:o 883/2004, 64 artikla). Saatavuus: demoarvio, "
        "ei virallinen luokitus.",
        "Hüvitis säilib teises riigis tööd otsides 3 kuud (pikendatav 6 kuuni); tööotsija peab seal "
        "registreeruma 7 päeva jooksul (määrus (EÜ) nr 883/2004, artikkel 64). Kättesaadavus: demohinnang, mitte "
        "ametlik hinne."),
    "SV-018": (
        "Suomen työjaksot lasketaan Virossa vain Suomesta saadulla U1-asiakirjalla; kummankin puolen neuvojat "
        "eivät jaa asiakastietoja. Demokuvaus. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Soomes töötatud perioode arvestatakse Eestis ainult Soomest saadud U1-dokumendi alusel; kahe riigi "
        "nõustajad kliendiandmeid ei jaga. Demokirjeldus. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-019": (
        "2021: 10 003 lähettämisilmoitusta, jotka koskivat noin 20 000 työntekijää; Viro on suurin lähtömaa "
        "(Suomen työsuojeluhallinto, Aalberqin mukaan). Indikaattori EMP_POSTED_NOTIF.",
        "2021: 10 003 lähetamisteatist umbes 20 000 töötaja kohta; Eesti on suurim päritoluriik (Soome "
        "töökeskkonna järelevalve, Aalberqi vahendusel). Näitaja EMP_POSTED_NOTIF."),
    "SV-020": (
        "Ei yhdistettyä lippua eikä yhteistä matkakorttia; Tallinnan maksuton joukkoliikenne koskee vain "
        "Tallinnaan kirjoilla olevia, joten Suomeen kirjoilla olevat työmatkalaiset maksavat (tallinn.ee). "
        "Laivaliput ovat erillisiä. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Ühist piletit ega ühist sõidukaarti ei ole; tasuta sõit Tallinnas kehtib vaid Tallinna registreeritud "
        "elanikele, nii et Soome registreeritud pendeldajad maksavad (tallinn.ee). Laevapiletid on eraldi. "
        "Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-021": (
        "EU-ajokortit ovat voimassa kummassakin maassa; uusiminen siirtyy tavanomaisen asuinmaan tehtäväksi "
        "(direktiivi 2006/126/EY). Demokuvaus.",
        "ELi juhilubad kehtivad mõlemas riigis; pikendamine toimub tavapärase elukohariigi kaudu (direktiiv "
        "2006/126/EÜ). Demokirjeldus."),
    "SV-022": (
        "Maksuttomat kurssit edellyttävät kirjoilla oloa, joten toisessa maassa asuvat työmatkalaiset eivät "
        "useimmiten ole oikeutettuja niihin. Demokuvaus. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Tasuta kursused eeldavad registreeritud elukohta, nii et teises riigis elavad pendeldajad neile enamasti "
        "ei kvalifitseeru. Demokirjeldus. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-023": (
        "Kunnalliset paikat ovat sidoksissa kotikuntaan; lahden toisella puolella kirjoilla oleva perhe ei saa "
        "paikkaa sieltä, missä vanhempi työskentelee. Demokuvaus. Saatavuus: demoarvio, ei virallinen luokitus.",
        "Omavalitsuse kohad on seotud elukohajärgse omavalitsusega; teisel pool lahte registreeritud pere ei saa "
        "kohta seal, kus vanem töötab. Demokirjeldus. Kättesaadavus: demohinnang, mitte ametlik hinne."),
    "SV-024": (
        "Asetuksen (EU) 2024/1183 (eIDAS 2) mukaan jokaisen jäsenvaltion on tarjottava lompakko; sen odotetaan "
        "helpottavan digitaalista muuria. Tämän demon aikataulu on oletus, ei virallinen aikataulu.",
        "Määruse (EL) 2024/1183 (eIDAS 2) kohaselt peab iga liikmesriik pakkuma rahakotti; see peaks leevendama "
        "digitaalset müüri. Ajastus on selles demos oletus, mitte ametlik ajakava."),
}

# ---------------------------------------------------------------------------------------------------------------
# Action notes without the closing remark about the demo plan: code → (Finnish, Estonian).
ACTION_NOTES: dict[str, tuple[str, str]] = {
    "A-01": ("Hyödyntää seurannan laiva-, väestö- ja digipalvelutietoja.",
             "Kasutab seirevahendi laevaliikluse, rahvastiku ja digiteenuste andmeid."),
    "A-02": ("Kaksi pyöreän pöydän keskustelua kuntien, ministeriöiden, kauppakamarien ja ammattiliittojen kanssa.",
             "Kaks ümarlauda omavalitsuste, ministeeriumide, kaubanduskodade ja ametiühingutega."),
    "A-03": ("Luonnos lähetettiin kumppaneille lokakuussa 2026.",
             "Mustand saadeti partneritele 2026. aasta oktoobris."),
    "A-04": ("Ajoitettu kummankin maakuntastrategian seuraavaan päivityskierrokseen.",
             "Ajastatud mõlema regionaalse strateegia järgmise uuendamisvooruga."),
    "A-05": ("Indikaattorit yhdeksällä alalla; kummankin puolen tietovastaavat päivittävät ne taulukkotiedostolla.",
             "Näitajad üheksas valdkonnas; mõlema riigi andmehaldurid uuendavad neid tabelifaili abil."),
    "A-06": ("Jatkoa toimenpiteelle A-03.", "Järgneb meetmele A-03."),
    "A-07": ("Verkkokysely viroksi, suomeksi, englanniksi ja venäjäksi.",
             "Veebiküsitlus eesti, soome, inglise ja vene keeles."),
    "A-08": ("Rekisteri asetettiin järjestykseen vakavuus × asianosaisten määrä -matriisilla.",
             "Registri järjestamiseks kasutati maatriksit raskusaste × mõjutatud inimeste arv."),
    "A-09": ("Myöhässä: odottaa ministeriöiden yhteistä työryhmää; uusi tavoite Q1 2027.",
             "Hilinenud: ootab ministeeriumide ühist töörühma; uus tähtaeg 2027. aasta I kvartal."),
    "A-10": ("Myöhässä: kaksoisrekisteröintien määrää (noin 5 000, DVV 2024) ei ole vielä mitattu uudelleen.",
             "Hilinenud: topeltregistreerimiste arvu (umbes 5000, DVV 2024) pole veel uuesti mõõdetud."),
    "A-11": ("Myöhässä: tilat on sovittu Tallinnassa, Helsingin henkilöstöpäätös odottaa. Ks. palvelu SV-010.",
             "Hilinenud: ruumid on Tallinnas kokku lepitud, Helsingi personaliotsus on ootel. Vt teenust SV-010."),
    "A-12": ("Tavoite: puolittaa käsittelyaika, jota mitataan indikaattorilla EDU_RECOGNITION_DAYS.",
             "Eesmärk: poolitada menetlusaeg, mida mõõdab näitaja EDU_RECOGNITION_DAYS."),
    "A-13": ("Alkaa varhaiskasvatus-, koulu- ja pysäköintipalveluista. Indikaattori DIG_EID_SERVICES.",
             "Algab lasteaia-, kooli- ja parkimisteenustest. Näitaja DIG_EID_SERVICES."),
    "A-14": ("Peruttu helmikuussa 2026: erilliset lippujärjestelmät ja Tallinnan asukkaiden maksuton "
             "joukkoliikenne tekivät yhteisestä lipusta suhteettoman; korvattu toimenpiteellä A-15.",
             "Tühistatud 2026. aasta veebruaris: eraldi piletisüsteemid ja Tallinna registreeritud elanike tasuta "
             "sõit muutsid ühise pileti ebaproportsionaalseks; asendatud meetmega A-15."),
    "A-15": ("Korvaa perutun lippukokeilun A-14.", "Asendab tühistatud piletipiloodi A-14."),
    "A-16": ("Tavoite: lyhyemmät päätösajat (SOC_KELA_DECISION_DAYS) sähköisen tiedonvaihdon avulla.",
             "Eesmärk: lühemad otsustusajad (SOC_KELA_DECISION_DAYS) elektroonilise andmevahetuse abil."),
    "A-17": ("Pidetty Tallinnassa 2025 ja Helsingissä 2026; kokousaineisto tehdään seurannan kokoustilassa.",
             "Toimunud Tallinnas 2025 ja Helsingis 2026; koosoleku materjalid tulevad seirevahendi "
             "koosolekurežiimist."),
    "A-18": ("Yksitoista aluetta Greater Copenhagenista Merenkurkun neuvoston EAYY:hyn (ks. vertailutaulukko).",
             "Üksteist piirkonda Greater Copenhagenist Merenkurgu Nõukogu ETKRini (vt võrdlustabelit)."),
    "A-19": ("Vaihtoehtoja punnittiin Helsinki–Tallinna Euregio -yhdistyksen, Merenkurkun neuvoston EAYY:n ja "
             "Greater Copenhagenin mallien valossa.",
             "Valikuid kaaluti Helsingi–Tallinna Euregio ühingu, Merenkurgu Nõukogu ETKRi ja Greater Copenhageni "
             "mudelite valguses."),
    "A-20": ("Pysyvät vertailurakenteet yhdistävät nämä kolme rahoituslähdettä (ks. vertailualueet).",
             "Püsivad võrdlusstruktuurid ühendavad need kolm rahastusallikat (vt võrdluspiirkondi)."),
    "A-21": ("Riippuu toimenpiteistä A-19 ja A-20.", "Sõltub meetmetest A-19 ja A-20."),
    "A-22": ("Vie avoimet pullonkaulat ja seurannan indikaattorit seuraavalle kaudelle.",
             "Viib avatud kitsaskohad ja seirevahendi näitajad järgmisse perioodi."),
}
PLAN_REMARK = {"en": "Demo action plan, not the official TwinReg plan: dates and status are illustrative.",
               "fi": "Demotoimintasuunnitelma, ei TwinRegin virallinen suunnitelma: päivämäärät ja tilat ovat "
                     "havainnollistavia.",
               "et": "Demotegevuskava, mitte TwinRegi ametlik kava: kuupäevad ja olekud on illustratiivsed."}


# ---------------------------------------------------------------------------------------------------------------
LANGS = ("en", "fi", "et", "sv")
DEMO_NOTE = DEMO_REMARK["en"]
_MISSING: set[str] = set()


def _column(english: str, lang: str) -> str:
    """The schema's rule (schema.language_column), repeated so that this module stands alone: note → note_fi."""
    return english if lang == "en" else (english[:-3] if english.endswith("_en") else english) + "_" + lang


def _listed(text: str | None, table: dict[str, tuple[str, ...]], langs: tuple[str, ...]) -> dict[str, str | None]:
    """A ';'-separated list (organisations, groups) in each of `langs`; None for a language when a part is unknown."""
    if not text:
        return {}
    parts = [p.strip() for p in text.split(";") if p.strip()]
    unknown = [p for p in parts if p not in table]
    _MISSING.update(unknown)
    return {lang: None if unknown else "; ".join(table[p][i] for p in parts) for i, lang in enumerate(langs)}


def organisations(text: str | None) -> dict[str, str | None]:
    """An organisation list in English, Finnish, Estonian and Swedish (the English keeps the text when a part is
    unknown)."""
    names = _listed(text, ORGANISATIONS, LANGS)
    if names and names["en"] is None:
        names["en"] = text
    return names


def groups(text: str | None) -> dict[str, str | None]:
    return _listed(text, GROUPS, ("fi", "et", "sv"))


def _event_note(note: str | None) -> dict[str, str | None]:
    """A status-event note in Finnish and Estonian: the note, then the demo remark or the cited source."""
    if not note:
        return {}
    if note.endswith(DEMO_NOTE):
        core, tail = note[: -len(DEMO_NOTE)], {lang: DEMO_REMARK[lang] for lang in ("fi", "et")}
    else:
        core, _, source = note.partition(" Source: ")
        tail = {lang: f" {SOURCE_WORD[lang]}: {source}" if source else "" for lang in ("fi", "et")}
    if core not in EVENT_NOTES:
        _MISSING.add(core)
        return {}
    return {lang: text + tail[lang] for lang, text in zip(("fi", "et"), EVENT_NOTES[core], strict=True)}


def _action_note(code: str, note: str | None) -> dict[str, str | None]:
    """An action's note in Finnish and Estonian, with the remark that the plan is a demo."""
    if not note:
        return {}
    core = note.removesuffix(" " + PLAN_REMARK["en"])
    return {lang: text + (" " + PLAN_REMARK[lang] if core != note else "")
            for lang, text in zip(("fi", "et"), _pair(ACTION_NOTES, code, note), strict=True) if text}


def _pair(table: dict[str, tuple[str, str]], key: str, shown: str | None) -> tuple[str | None, str | None]:
    if shown and key not in table:
        _MISSING.add(f"{key}: {shown[:60]}")
    return table.get(key, (None, None)) if shown else (None, None)


def _fill(record: dict, english: str, texts: dict[str, str | None]) -> None:
    """Write each language's text into the record; English replaces the plain column (an organisation's English
    name where the records wrote its own-language name)."""
    for lang, text in texts.items():
        if text:
            record[_column(english, lang)] = text


def apply(table: str, records: list[dict]) -> list[dict]:
    """`records` of `table` with their content in every language the demo has (a new list of new dicts)."""
    out = []
    for source in apply_swedish_titles(table, records):
        record = dict(source)
        if table == "bottlenecks":
            _fill(record, "affected_groups", groups(record.get("affected_groups")))
            for column in ("owner_fi", "owner_ee"):
                _fill(record, column, organisations(record.get(column)))
        elif table == "bottleneck_events":
            _fill(record, "note", _event_note(record.get("note")))
            _fill(record, "who", organisations(record.get("who")))
        elif table == "indicators":
            for column, texts in (("definition", DEFINITIONS), ("break_notes", BREAK_NOTES)):
                fi, et = _pair(texts, record["code"], record.get(column))
                _fill(record, column, {"fi": fi, "et": et})
        elif table == "services":
            for column in ("provider_fi", "provider_ee"):
                _fill(record, column, organisations(record.get(column)))
            fi, et = _pair(SERVICE_NOTES, record["code"], record.get("note"))
            _fill(record, "note", {"fi": fi, "et": et})
        elif table == "actions":
            for column in ("lead", "partners"):
                _fill(record, column, organisations(record.get(column)))
            _fill(record, "note", _action_note(record["code"], record.get("note")))
        out.append(record)
    return out


def missing() -> list[str]:
    """Texts met by `apply` that have no translation here (build_demo.py prints them)."""
    return sorted(_MISSING)


# ---------------------------------------------------------------------------------------------------------------
# Swedish titles and names (the records carry English, Finnish and Estonian ones): code → Swedish.
SWEDISH_TITLES: dict[str, dict[str, str]] = {
    "bottlenecks": {
        "BN-001": "Färje- och kollektivtrafikbiljetter är inte integrerade",
        "BN-002": "Gratis kollektivtrafik i Tallinn gäller bara registrerade invånare",
        "BN-003": "Överbelastade förbindelser mellan färjehamnarna och stadskärnorna",
        "BN-004": "Att använda en bil som är registrerad i det andra landet",
        "BN-005": "Beskattning av distansarbete för gränspendlare",
        "BN-006": "Långsam undanröjning av dubbelbeskattning",
        "BN-007": "Finskt skattenummer krävs på byggarbetsplatser",
        "BN-008": "Oklar skattestatus för korttidsanställda (sexmånadersregeln)",
        "BN-009": "Långsamt erkännande av lärarbehörighet",
        "BN-010": "Legitimering av sjukskötare utbildade i Estland",
        "BN-011": "Få finskspråkiga skolplatser för familjer som flyttar till Tallinn",
        "BN-012": "Studieprestationer kan inte verifieras digitalt över gränsen",
        "BN-013": "Finska e-recept gäller inte på estniska apotek",
        "BN-014": "Estniska e-recept gäller inte på finska apotek",
        "BN-015": "Det estniska id-kortet godtas inte i finska offentliga e-tjänster",
        "BN-016": "Privata e-tjänster godtar inte det andra landets e-legitimation (den digitala muren)",
        "BN-017": "Reglerna för utstationering är betungande för små estniska företag",
        "BN-018": "Arbetslöshetsförmåner för gränsarbetare som förlorar jobbet",
        "BN-019": "Erkännande av behörighet för elarbeten",
        "BN-020": "Lediga jobb i Nyland når knappt estniska arbetssökande",
        "BN-021": "Förseningar med A1-intyg för utstationerade arbetstagare",
        "BN-022": "Tillgång till hälso- och sjukvård för gränsarbetares familjer",
        "BN-023": "Långsam samordning av familjeförmåner",
        "BN-024": "Ingen sammanslagen pensionsberäkning för yrkesliv i båda länderna",
        "BN-025": "Uppgifter ur befolknings- och handelsregistret utbyts inte mellan myndigheter",
        "BN-026": "Personer som är skrivna som invånare i båda länderna",
        "BN-027": "Att matcha en persons uppgifter mellan befolkningsregistren",
        "BN-028": "Väntetider för registrering av EU-medborgares uppehållsrätt",
        "BN-029": "Språkkurser för EU-flyttare är svåra att få tillgång till",
        "BN-030": "För få lektioner i estniska som modersmål i skolorna i Nyland",
        "BN-031": "Att öppna bankkonto eller hyra bostad utan lokal personbeteckning",
        "BN-032": "Ingen finsk hemkommun för korttidsanställda",
        "BN-033": "Lite information om rättigheter och skyldigheter på estniska",
        "BN-034": "Ingen gemensam informationspunkt för den som flyttar över gränsen",
        "BN-035": "Ingen tillförlitlig statistik över gränspendlare",
        "BN-036": "Arbetsgivare saknar vägledning för rekrytering över Finska viken",
    },
    "actions": {
        "A-01": "Gemensam grundstudie av tvillingregionen: flöden, statistik och befintliga strategier",
        "A-02": "Kartläggning av aktörer och inledande rundabordssamtal i Helsingfors och Tallinn",
        "A-03": "Gemensam ram för gränsöverskridande strategisk planering (delad vision och mål till 2035)",
        "A-04": "Ett gränsöverskridande kapitel i Nylandsprogrammet och Harju läns utvecklingsstrategi",
        "A-05": "Gemensam indikatoruppsättning och instrumentpanelen TwinReg Monitor",
        "A-06": "Godkännande av ramen i Nylands landskapsfullmäktige och på HOL:s allmänna möte",
        "A-07": "Enkät till gränspendlare och arbetsgivare om de hinder de möter",
        "A-08": "Prioritering av flaskhalsarna tillsammans med de ansvariga vid gemensamma rundabordssamtal",
        "A-09": "Förslag till finansministerierna om ett enklare skattekort och förfarande mot dubbelbeskattning för "
                "pendlare",
        "A-10": "Uppföljning av adressutbytet mellan DVV och Estlands inrikesministerium för personer skrivna i båda "
                "länderna",
        "A-11": "Pilot med en informationspunkt för gränspendlare",
        "A-12": "Snabbspår för erkännande av behörighet för lärare och vårdpersonal",
        "A-13": "Utländska e-legitimationer godtas i Helsingfors och Tallinns kommunala e-tjänster",
        "A-14": "Pilot med en gemensam kollektivtrafikbiljett HRT – Tallinn",
        "A-15": "Färje- och kollektivtrafikförbindelser i båda städernas reseplanerare",
        "A-16": "Samarbetsförfarande mellan FPA och Estlands socialförsäkringsverk för förmånsbeslut",
        "A-17": "Årligt politiskt rundabordssamtal mellan borgmästare och regionala ledare om de prioriterade "
                "flaskhalsarna",
        "A-18": "Jämförelse av samarbetsmodeller i andra gränsregioner i EU",
        "A-19": "Förslag till juridisk form för ett varaktigt samarbete (förening, avtal eller EGTS)",
        "A-20": "Finansieringsmodell: medlemsavgifter, nationella basanslag och Interreg Central Baltic-projekt",
        "A-21": "Samarbetsavtal undertecknat av de två regionerna och de två huvudstäderna",
        "A-22": "Gemensam handlingsplan 2028–2030 och en stående uppföljningsrutin",
    },
    "indicators": {
        "MOB_FERRY_PAX": "Färjepassagerare Helsingfors–Tallinn",
        "MOB_FERRY_PAX_M": "Färjepassagerare Helsingfors–Tallinn per månad",
        "MOB_FERRY_CARS": "Personbilar på färjorna över Finska viken",
        "MOB_AIR_PAX": "Flygpassagerare Helsingfors–Tallinn",
        "TAX_DOUBLE_CASES": "Fall av dubbelbeskattning mellan Finland och Estland",
        "TAX_FI_TAXCARD_EE": "Finska skattekort till personer bosatta i Estland",
        "EDU_FI_STUDENTS_EE": "Finländska studerande vid estniska högskolor",
        "EDU_RECOGNITION_DAYS": "Handläggningstid för erkännande av utländska examina",
        "DIG_ERX_FI_EE": "Finska e-recept expedierade i Estland",
        "DIG_ERX_EE_FI": "Estniska e-recept expedierade i Finland",
        "DIG_EID_SERVICES": "Offentliga e-tjänster som godtar det andra landets e-legitimation",
        "EMP_POSTED_NOTIF": "Anmälningar om arbetstagare utstationerade till Finland",
        "EMP_COMMUTERS_EE_FI": "Regelbundna pendlare från Estland till Finland",
        "SOC_A1_CERTS": "A1-intyg för arbete i det andra landet",
        "SOC_KELA_DECISION_DAYS": "Handläggningstid för gränsöverskridande beslut om social trygghet",
        "LEG_RESIDENCE_REG_DAYS": "Handläggningstid för registrering av EU-medborgares uppehåll",
        "LEG_DUAL_REG_PERSONS": "Personer skrivna som invånare i både Finland och Estland",
        "INT_EE_SPEAKERS_FI": "Estnisktalande i Finland (modersmål)",
        "INT_EE_CITIZENS_FI": "Estniska medborgare bosatta i Finland",
        "INT_POPULATION": "Folkmängd",
        "INF_ENQUIRIES": "Förfrågningar till gränsöverskridande rådgivningstjänster",
        "INF_PAGES_ET": "Offentliga informationssidor på estniska på finska myndigheters webbplatser",
    },
    "services": {
        "SV-001": "Suomi.fi-identifikation med utländska e-legitimationer (eIDAS)",
        "SV-002": "Gränsöverskridande e-recept Finland ↔ Estland",
        "SV-003": "Datautbyte: Suomi.fi-informationsleden ↔ estniska X-tee (X-Road-federation)",
        "SV-004": "Estniskt e-residensskap (digital identitet för personer bosatta utomlands)",
        "SV-005": "Finskt skattekort för begränsat skattskyldiga (källskatt eller progressiv skatt)",
        "SV-006": "Intyg om skatterättslig hemvist och undanröjande av dubbelbeskattning (skatteavtalet "
                  "Finland–Estland)",
        "SV-007": "Inskrivning i grundläggande utbildning i Helsingfors och Tallinn för familjer som flyttar över "
                  "viken",
        "SV-008": "Erkännande av examina (ENIC-NARIC-centren)",
        "SV-009": "Your Europe Advice (EU:s rådgivningstjänst för medborgare och företag)",
        "SV-010": "Informationspunkt för gränspendlare Helsingfors–Tallinn",
        "SV-011": "InfoFinland – information om att bo i Finland på många språk (även på estniska)",
        "SV-012": "Utbyte av handelsregisteruppgifter (PRS ↔ Estlands e-handelsregister, via X-Road och BRIS)",
        "SV-013": "Registrering av uppehåll för EU-medborgare (Migri / PPA och kommunen)",
        "SV-014": "Adressutbyte mellan befolkningsregistren (DVV ↔ Estlands inrikesministerium)",
        "SV-015": "FPA:s sociala trygghet för personer som arbetar i Estland (tillämplig lagstiftning, A1)",
        "SV-016": "Europeiskt sjukförsäkringskort (EU-kort)",
        "SV-017": "Export av arbetslöshetsförmån (det bärbara dokumentet U2) mellan Finland och Estland",
        "SV-018": "Tjänster för arbetssökande och arbetsgivare för gränsarbetare (Töötukassa och Eures)",
        "SV-019": "Förhandsanmälan om arbetstagare utstationerade till Finland",
        "SV-020": "Kollektivtrafikbiljetter: HRT (Helsingforsregionen) och Tallinns kollektivtrafikkort",
        "SV-021": "Användning och förnyelse av körkort",
        "SV-022": "Kurser i estniska och finska för nyinflyttade",
        "SV-023": "Småbarnspedagogik för barn i pendlarfamiljer",
        "SV-024": "Europeisk digital identitetsplånbok (EUDI-plånboken) i Finland och Estland",
    },
}
_TITLE_COLUMN = {"bottlenecks": "title_sv", "actions": "title_sv", "indicators": "name_sv", "services": "name_sv"}


def apply_swedish_titles(table: str, records: list[dict]) -> list[dict]:
    """`records` with their Swedish title or name (a given one is kept)."""
    titles = SWEDISH_TITLES.get(table, {})
    column = _TITLE_COLUMN.get(table)
    return [record if column is None or record.get(column) or record["code"] not in titles
            else {**record, column: titles[record["code"]]} for record in records]
