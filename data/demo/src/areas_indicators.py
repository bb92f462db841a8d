"""Demo records for areas, indicators, observations and flows (TwinReg Monitor).

Sourced figures come from the project's public-facts note (sections B1–B4) and the reference list of
municipalities. Sources are written as citations (publisher, title or table, year, link where there is one;
"as reported by" names a secondary source). Every figure that is estimated, interpolated or invented for the
demo is flagged "estimate", and its source or note says who estimated it and how.
"""

from __future__ import annotations

DEMO = "estimate by the TwinReg Monitor demo team, not an official figure"
EST = "Estimate by the TwinReg Monitor demo team"
ERR = "ERR News (news.err.ee)"
ILLUSTRATIVE = EST + ": an illustrative series for the demonstration, as the note explains"

# --------------------------------------------------------------------------------------------------
# AREAS — every row of the reference areas.csv (countries first so parents precede children).
# code, country, level, parent, name_en, name_fi, name_sv, name_et, lat, lon, population,
# population_year, source
# --------------------------------------------------------------------------------------------------
_SF = ("Statistics Finland, population by municipality, 31 Dec 2020; as published in Yle's open geodata "
       "(github.com/Yleisradio/geodata)")
_GUESS_EE = EST + " (rounded; to be replaced by Statistics Estonia table RV0240)"
_AREA_ROWS: tuple[tuple, ...] = (
    ("FI", "FI", "country", "", "Finland", "Suomi", "Finland", "Soome", None, None, None, None,
     "ISO 3166-1, country codes (International Organization for Standardization)"),
    ("EE", "EE", "country", "", "Estonia", "Viro", "Estland", "Eesti", None, None, None, None,
     "ISO 3166-1, country codes (International Organization for Standardization)"),
    ("FI1B1", "FI", "nuts3", "FI", "Helsinki-Uusimaa", "Helsinki-Uusimaa", "Helsingfors-Nyland",
     "Helsingi-Uusimaa", 60.25, 24.90, 1702678, 2020, _SF),
    ("EE001", "EE", "nuts3", "EE", "Harju County (Põhja-Eesti)", "Harjumaa", "Harrien", "Harju maakond",
     59.35, 24.85, 638076, 2023, "Statistics Estonia, population of Harju County, 2023; as cited in Wikipedia, "
                                 "“Harju County”"),
    ("FI-018", "FI", "municipality", "FI1B1", "Askola", "Askola", "Askola", "", 60.5262, 25.5918, 4878, 2020, _SF),
    ("FI-049", "FI", "municipality", "FI1B1", "Espoo", "Espoo", "Esbo", "", 60.2068, 24.6558, 292796, 2020, _SF),
    ("FI-078", "FI", "municipality", "FI1B1", "Hanko", "Hanko", "Hangö", "", 59.8233, 22.9682, 8042, 2020, _SF),
    ("FI-091", "FI", "municipality", "FI1B1", "Helsinki", "Helsinki", "Helsingfors", "Helsingi",
     60.1712, 24.9326, 656920, 2020, _SF),
    ("FI-092", "FI", "municipality", "FI1B1", "Vantaa", "Vantaa", "Vanda", "", 60.2893, 25.0297, 237231, 2020, _SF),
    ("FI-106", "FI", "municipality", "FI1B1", "Hyvinkää", "Hyvinkää", "Hyvinge", "", 60.6293, 24.8574, 46576, 2020,
     _SF),
    ("FI-149", "FI", "municipality", "FI1B1", "Inkoo", "Inkoo", "Ingå", "", 60.0460, 24.0054, 5321, 2020, _SF),
    ("FI-186", "FI", "municipality", "FI1B1", "Järvenpää", "Järvenpää", "Träskända", "", 60.4713, 25.0900, 44455,
     2020, _SF),
    ("FI-224", "FI", "municipality", "FI1B1", "Karkkila", "Karkkila", "Högfors", "", 60.5343, 24.2261, 8696, 2020,
     _SF),
    ("FI-235", "FI", "municipality", "FI1B1", "Kauniainen", "Kauniainen", "Grankulla", "", 60.2116, 24.7290, 10178,
     2020, _SF),
    ("FI-245", "FI", "municipality", "FI1B1", "Kerava", "Kerava", "Kervo", "", 60.4017, 25.1284, 37105, 2020, _SF),
    ("FI-257", "FI", "municipality", "FI1B1", "Kirkkonummi", "Kirkkonummi", "Kyrkslätt", "", 60.1232, 24.4417,
     40082, 2020, _SF),
    ("FI-407", "FI", "municipality", "FI1B1", "Lapinjärvi", "Lapinjärvi", "Lappträsk", "", 60.6246, 26.2193, 2621,
     2020, _SF),
    ("FI-434", "FI", "municipality", "FI1B1", "Loviisa", "Loviisa", "Lovisa", "", 60.4568, 26.2237, 14745, 2020,
     _SF),
    ("FI-444", "FI", "municipality", "FI1B1", "Lohja", "Lohja", "Lojo", "", 60.2511, 24.0698, 45886, 2020, _SF),
    ("FI-504", "FI", "municipality", "FI1B1", "Myrskylä", "Myrskylä", "Mörskom", "", 60.6700, 25.8545, 1871, 2020,
     _SF),
    ("FI-505", "FI", "municipality", "FI1B1", "Mäntsälä", "Mäntsälä", "Mäntsälä", "", 60.6215, 25.3052, 20783, 2020,
     _SF),
    ("FI-543", "FI", "municipality", "FI1B1", "Nurmijärvi", "Nurmijärvi", "Nurmijärvi", "", 60.4631, 24.8060, 43663,
     2020, _SF),
    ("FI-611", "FI", "municipality", "FI1B1", "Pornainen", "Pornainen", "Borgnäs", "", 60.4766, 25.3742, 5070, 2020,
     _SF),
    ("FI-616", "FI", "municipality", "FI1B1", "Pukkila", "Pukkila", "Pukkila", "", 60.6406, 25.5918, 1833, 2020,
     _SF),
    ("FI-638", "FI", "municipality", "FI1B1", "Porvoo", "Porvoo", "Borgå", "", 60.3963, 25.6701, 50619, 2020, _SF),
    ("FI-710", "FI", "municipality", "FI1B1", "Raasepori", "Raasepori", "Raseborg", "", 59.9745, 23.4359, 27528,
     2020, _SF),
    ("FI-753", "FI", "municipality", "FI1B1", "Sipoo", "Sipoo", "Sibbo", "", 60.3767, 25.2602, 21687, 2020, _SF),
    ("FI-755", "FI", "municipality", "FI1B1", "Siuntio", "Siuntio", "Sjundeå", "", 60.1389, 24.2269, 6149, 2020,
     _SF),
    ("FI-858", "FI", "municipality", "FI1B1", "Tuusula", "Tuusula", "Tusby", "", 60.4033, 25.0260, 38783, 2020, _SF),
    ("FI-927", "FI", "municipality", "FI1B1", "Vihti", "Vihti", "Vichtis", "", 60.4182, 24.3405, 29160, 2020, _SF),
    ("EE-0784", "EE", "municipality", "EE001", "Tallinn", "Tallinna", "Tallinn", "Tallinn", 59.4370, 24.7535,
     461602, 2025, "Estonian population register, 1 January 2025; as reported by " + ERR),
    ("EE-0141", "EE", "municipality", "EE001", "Anija vald", "Anija vald", "", "Anija vald", 59.3361, 25.3211,
     6500, None, _GUESS_EE),
    ("EE-0198", "EE", "municipality", "EE001", "Harku vald", "Harku vald", "", "Harku vald", 59.4261, 24.5533,
     15248, 2020, "Estonian population register, about 2020; as reported by " + ERR),
    ("EE-0245", "EE", "municipality", "EE001", "Jõelähtme vald", "Jõelähtme vald", "", "Jõelähtme vald",
     59.4400, 25.1354, 7000, None, _GUESS_EE),
    ("EE-0296", "EE", "municipality", "EE001", "Keila linn", "Keila linn", "", "Keila linn", 59.3036, 24.4131,
     9411, None, "GeoNames geographical database, population entry, year not stated (www.geonames.org)"),
    ("EE-0304", "EE", "municipality", "EE001", "Kiili vald", "Kiili vald", "", "Kiili vald", 59.3078, 24.8378,
     6791, 2025, "Estonian population register, 1 January 2025; as reported by " + ERR),
    ("EE-0338", "EE", "municipality", "EE001", "Kose vald", "Kose vald", "", "Kose vald", 59.19, 25.17, 7500, None,
     _GUESS_EE[:-1] + "; the centre coordinates are estimated too)"),
    ("EE-0353", "EE", "municipality", "EE001", "Kuusalu vald", "Kuusalu vald", "", "Kuusalu vald", 59.4439, 25.4414,
     6800, None, _GUESS_EE),
    ("EE-0424", "EE", "municipality", "EE001", "Loksa linn", "Loksa linn", "", "Loksa linn", 59.5784, 25.7167,
     2500, None, _GUESS_EE),
    ("EE-0431", "EE", "municipality", "EE001", "Lääne-Harju vald", "Lääne-Harju vald", "", "Lääne-Harju vald",
     59.3567, 24.0531, 13000, None, _GUESS_EE),
    ("EE-0446", "EE", "municipality", "EE001", "Maardu linn", "Maardu linn", "", "Maardu linn", 59.4639, 24.9735,
     16630, None, "GeoNames geographical database, population entry, year not stated (www.geonames.org)"),
    ("EE-0651", "EE", "municipality", "EE001", "Raasiku vald", "Raasiku vald", "", "Raasiku vald", 59.3669, 25.0762,
     5000, None, _GUESS_EE),
    ("EE-0653", "EE", "municipality", "EE001", "Rae vald", "Rae vald", "", "Rae vald", 59.3542, 24.8942, 20135,
     2020, "Estonian population register, about 2020; as reported by " + ERR),
    ("EE-0718", "EE", "municipality", "EE001", "Saku vald", "Saku vald", "", "Saku vald", 59.3035, 24.6638, 11000,
     None, _GUESS_EE),
    ("EE-0726", "EE", "municipality", "EE001", "Saue vald", "Saue vald", "", "Saue vald", 59.3226, 24.5497, 22997,
     2020, "Estonian population register, about 2020; as reported by " + ERR),
    ("EE-0890", "EE", "municipality", "EE001", "Viimsi vald", "Viimsi vald", "", "Viimsi vald", 59.5136, 24.8223,
     20728, 2020, "Estonian population register, about 2020; as reported by " + ERR),
)
_AREA_COLUMNS = ("code", "country", "level", "parent", "name_en", "name_fi", "name_sv", "name_et", "lat", "lon",
                 "population", "population_year", "source")

AREAS: list[dict] = [
    {k: v for k, v in zip(_AREA_COLUMNS, row, strict=True) if v not in (None, "")} for row in _AREA_ROWS
]

# --------------------------------------------------------------------------------------------------
# INDICATORS — code, domain, name_en, name_fi, name_et, unit, polarity, frequency, source, definition
# --------------------------------------------------------------------------------------------------
_FERRY_BREAK = ("2005–2015 on the Port of Tallinn basis (Tallinn–Helsinki line; 2010–2012 from Port of Helsinki "
                "press figures, 2013 and 2015 derived from growth rates); from 2016 Port of Helsinki liner "
                "statistics. The ports count slightly differently (2016: Helsinki 8.74 M, Tallinn 8.51 M).")
_IND_ROWS: tuple[tuple, ...] = (
    ("MOB_FERRY_PAX", "mobility", "Helsinki–Tallinn ferry passengers",
     "Helsingin ja Tallinnan välisen laivaliikenteen matkustajat", "Helsingi–Tallinna laevaliini reisijad",
     "passengers", "higher_better", "annual",
     "Port of Helsinki, liner traffic statistics (annual reports); Port of Tallinn for 2005–2015",
     "Passengers carried on scheduled ferry lines between Helsinki and Tallinn, both directions combined, "
     "per calendar year."),
    ("MOB_FERRY_PAX_M", "mobility", "Helsinki–Tallinn ferry passengers per month",
     "Helsingin ja Tallinnan välisen laivaliikenteen matkustajat kuukausittain",
     "Helsingi–Tallinna laevaliini reisijad kuude kaupa", "passengers", "higher_better", "monthly",
     "Port of Helsinki, monthly liner traffic statistics",
     "Passengers carried on scheduled Helsinki–Tallinn ferry lines in the calendar month, both directions."),
    ("MOB_FERRY_CARS", "mobility", "Passenger cars carried on Gulf of Finland ferries",
     "Suomenlahden laivaliikenteessä kuljetetut henkilöautot", "Soome lahe laevaliinidel veetud sõiduautod",
     "vehicles", "neutral", "annual", "Port of Helsinki / Port of Tallinn vehicle statistics; FinEst Link (2014)",
     "Passenger cars carried across the Gulf of Finland on Helsinki–Tallinn ferries, both directions, per year."),
    ("MOB_AIR_PAX", "mobility", "Helsinki–Tallinn air passengers",
     "Helsingin ja Tallinnan välisen lentoliikenteen matkustajat", "Helsingi–Tallinna lennuliini reisijad",
     "passengers", "neutral", "annual", "Finavia / Tallinn Airport route statistics (no public annual figure found)",
     "Passengers on direct scheduled flights between Helsinki-Vantaa and Tallinn airports, both directions."),
    ("TAX_DOUBLE_CASES", "taxation", "Double taxation cases between Finland and Estonia",
     "Suomen ja Viron väliset kaksinkertaisen verotuksen tapaukset",
     "Soome ja Eesti vahelised topeltmaksustamise juhtumid", "count", "higher_worse", "annual",
     "Finnish Tax Administration (Vero); Estonian Tax and Customs Board (EMTA)",
     "Cases opened in the year in which the same income of a person was taxed in both countries: mutual "
     "agreement procedure requests under the Finland–Estonia tax treaty and refund claims for double tax."),
    ("TAX_FI_TAXCARD_EE", "taxation", "Finnish tax cards issued to residents of Estonia",
     "Virossa asuville annetut suomalaiset verokortit", "Eestis elavatele isikutele väljastatud Soome maksukaardid",
     "count", "neutral", "annual", "Finnish Tax Administration (Vero)",
     "Tax cards (including tax-at-source cards for non-residents) issued during the year to persons whose "
     "country of residence is Estonia."),
    ("EDU_FI_STUDENTS_EE", "education", "Finnish students in Estonian higher education",
     "Suomalaiset opiskelijat Viron korkeakouluissa", "Soome üliõpilased Eesti kõrgkoolides",
     "students", "higher_better", "annual", "Statistics Estonia; Estonian Education Information System (EHIS)",
     "Finnish citizens enrolled in degree studies at Estonian higher-education institutions in the academic "
     "year starting in autumn of the period."),
    ("EDU_RECOGNITION_DAYS", "education", "Processing time for recognition of foreign qualifications",
     "Ulkomaisten tutkintojen tunnustamisen käsittelyaika", "Välisriigi kvalifikatsioonide tunnustamise menetlusaeg",
     "days", "higher_worse", "annual",
     "Finnish National Agency for Education (OPH); Estonian ENIC/NARIC Centre (HARNO)",
     "Average calendar days from a complete application to a recognition decision on a foreign qualification."),
    ("DIG_ERX_FI_EE", "digital", "Finnish ePrescriptions dispensed in Estonia",
     "Virossa toimitetut suomalaiset sähköiset reseptit", "Eestis väljastatud Soome e-retseptid",
     "prescriptions", "higher_better", "annual", "Kela (Kanta services); Estonian Health and Welfare Information "
     "Systems Centre (TEHIK)",
     "Finnish electronic prescriptions dispensed in Estonian pharmacies through the cross-border ePrescription "
     "service (eHDSI), counted as dispensations. The service opened in January 2019."),
    ("DIG_ERX_EE_FI", "digital", "Estonian ePrescriptions dispensed in Finland",
     "Suomessa toimitetut virolaiset sähköiset reseptit", "Soomes väljastatud Eesti e-retseptid",
     "prescriptions", "higher_better", "annual", "Kela (Kanta services); TEHIK",
     "Estonian electronic prescriptions dispensed in Finnish pharmacies through the cross-border ePrescription "
     "service (eHDSI), counted as dispensations. The service opened in 2020."),
    ("DIG_EID_SERVICES", "digital", "Public e-services accepting the other country's e-ID",
     "Toisen maan sähköistä tunnistusvälinettä hyväksyvät julkiset verkkopalvelut",
     "Teise riigi e-identimisvahendit aktsepteerivad avalikud e-teenused", "services", "higher_better", "annual",
     "Digital and Population Data Services Agency (DVV, Suomi.fi e-Identification); Information System "
     "Authority (RIA)",
     "Public online services in the country that accept the other country's eIDAS-notified electronic "
     "identity (e.g. the Estonian ID card in Finland) at the end of the year."),
    ("EMP_POSTED_NOTIF", "employment", "Notifications of workers posted to Finland",
     "Suomeen lähetettyjä työntekijöitä koskevat ilmoitukset", "Soome lähetatud töötajate kohta esitatud teatised",
     "count", "neutral", "annual", "Occupational Safety and Health Administration in Finland (Työsuojeluhallinto)",
     "Advance notifications of posted work filed with the Finnish OSH authority under the Posted Workers Act, "
     "all sending countries (Estonia is the largest)."),
    ("EMP_COMMUTERS_EE_FI", "employment", "Regular commuters from Estonia to Finland",
     "Virosta Suomeen säännöllisesti pendelöivät työntekijät", "Eestist Soome regulaarselt pendeldavad töötajad",
     "commuters", "neutral", "annual", "Statistics Finland / Statistics Estonia register data; surveys",
     "Persons living in Estonia who work in Finland and travel across the Gulf at least once a month."),
    ("SOC_A1_CERTS", "social_security", "A1 certificates for work in the other country",
     "Toisessa maassa työskentelyä varten annetut A1-todistukset",
     "Teises riigis töötamiseks väljastatud A1-tõendid", "count", "neutral", "annual",
     "Finnish Centre for Pensions (ETK); Estonian Social Insurance Board (Sotsiaalkindlustusamet)",
     "Portable documents A1 issued in the year for posted or multi-state workers going to the other country "
     "(area FI: issued in Finland for work in Estonia; area EE: issued in Estonia for work in Finland)."),
    ("SOC_KELA_DECISION_DAYS", "social_security", "Processing time of cross-border social security decisions",
     "Rajat ylittävien sosiaaliturvapäätösten käsittelyaika", "Piiriüleste sotsiaalkindlustusotsuste menetlusaeg",
     "days", "higher_worse", "quarterly", "Kela; Estonian Social Insurance Board (Sotsiaalkindlustusamet)",
     "Average days from application to decision on coverage and benefits for persons moving between Finland "
     "and Estonia (area FI: Kela; area EE: Social Insurance Board)."),
    ("LEG_RESIDENCE_REG_DAYS", "legal_admin", "Processing time for registering an EU citizen's residence",
     "EU-kansalaisen oleskeluoikeuden rekisteröinnin käsittelyaika",
     "ELi kodaniku elamisõiguse registreerimise menetlusaeg", "days", "higher_worse", "quarterly",
     "Finnish Immigration Service (Migri); Estonian Police and Border Guard Board (PPA)",
     "Average days from application to registration of an EU citizen's right of residence "
     "(area FI: Estonians moving to Finland; area EE: Finns moving to Estonia)."),
    ("LEG_DUAL_REG_PERSONS", "legal_admin", "Persons registered as residents in both Finland and Estonia",
     "Sekä Suomessa että Virossa asukkaaksi rekisteröidyt henkilöt",
     "Nii Soomes kui ka Eestis elanikuna registreeritud isikud", "persons", "higher_worse", "annual",
     "Digital and Population Data Services Agency (DVV); Estonian population register",
     "Persons with a permanent address in both the Finnish and the Estonian population register at the same "
     "time. An address-exchange agreement (signed 21 Sep 2022) is to reduce the number."),
    ("INT_EE_SPEAKERS_FI", "integration", "Estonian speakers in Finland (mother tongue)",
     "Vironkieliset Suomessa (äidinkieli)", "Eesti emakeelega inimesed Soomes", "persons", "neutral", "annual",
     "Statistics Finland, population structure (language)",
     "Permanent residents of Finland whose registered mother tongue is Estonian, at the end of the year."),
    ("INT_EE_CITIZENS_FI", "integration", "Estonian citizens living in Finland",
     "Suomessa asuvat Viron kansalaiset", "Soomes elavad Eesti kodanikud", "persons", "neutral", "annual",
     "Statistics Finland, population structure (citizenship)",
     "Permanent residents of Finland holding Estonian citizenship, at the end of the year."),
    ("INT_POPULATION", "integration", "Population", "Väkiluku", "Rahvaarv", "persons", "neutral", "annual",
     "Statistics Finland; Statistics Estonia; Estonian population register",
     "Resident population of the area at the end of the year (Estonian register figures: 1 January of the "
     "following year)."),
    ("INF_ENQUIRIES", "information", "Enquiries to cross-border advice services",
     "Rajaneuvontapalveluihin tulleet yhteydenotot", "Piiriüleste nõustamisteenuste poole pöördumised",
     "count", "neutral", "quarterly",
     "Advice-service enquiry logs (International House Helsinki; Work in Estonia / Tallinn customer service)",
     "Enquiries (phone, e-mail, chat, visits) about moving, working, studying or running a business across "
     "the Finland–Estonia border, by the country of the advice service."),
    ("INF_PAGES_ET", "information", "Public information pages in Estonian on Finnish authority websites",
     "Suomalaisten viranomaisten verkkosivustojen vironkieliset tietosivut",
     "Soome ametiasutuste veebilehtede eestikeelsed teabelehed", "count", "higher_better", "annual",
     "Web content inventory of Finnish public authorities (Suomi.fi, InfoFinland, City of Helsinki)",
     "Public web pages with guidance available in Estonian at the end of the year (area FI: national "
     "authorities; FI-091: City of Helsinki)."),
)
_IND_COLUMNS = ("code", "domain", "name_en", "name_fi", "name_et", "unit", "polarity", "frequency", "source",
                "definition")
_BREAK_NOTES = {
    "MOB_FERRY_PAX": _FERRY_BREAK,
    "MOB_FERRY_PAX_M": "Monthly figures follow the annual series: " + _FERRY_BREAK,
    "DIG_EID_SERVICES": "Break in February 2019: Suomi.fi e-Identification began to accept eIDAS-notified foreign "
                        "eIDs (vrk.fi); earlier years count no Finnish services.",
    "INT_EE_CITIZENS_FI": "2019 and 2022 are Estonian population-register counts of Estonian citizens with a "
                          "Finnish address (ERR), not Statistics Finland figures; the basis differs.",
    "EDU_FI_STUDENTS_EE": "2010 refers to the academic year 2010/11; 2014 counts Finnish students in Tallinn only.",
}
INDICATORS: list[dict] = []
for _row in _IND_ROWS:
    _ind = dict(zip(_IND_COLUMNS, _row, strict=True))
    if _ind["code"] in _BREAK_NOTES:
        _ind["break_notes"] = _BREAK_NOTES[_ind["code"]]
    INDICATORS.append(_ind)
_FREQ = {i["code"]: i["frequency"] for i in INDICATORS}

# --------------------------------------------------------------------------------------------------
# OBSERVATIONS
# --------------------------------------------------------------------------------------------------
OBSERVATIONS: list[dict] = []


def _obs(indicator: str, area: str, period: object, value: float, flag: str | None = None, note: str = "",
         source: str = "", band: float | None = None) -> None:
    """Append one observation; `band` adds value_low/value_high at ±band (a share of the value)."""
    rec: dict = {"indicator": indicator, "area": area, "period": str(period), "value": value}
    if band:
        digits = 0 if abs(value) >= 100 else 1
        rec["value_low"] = round(value * (1 - band), digits) if digits else int(round(value * (1 - band)))
        rec["value_high"] = round(value * (1 + band), digits) if digits else int(round(value * (1 + band)))
    if flag:
        rec["flag"] = flag
    if note:
        rec["note"] = note
    if source:
        rec["source"] = source
    OBSERVATIONS.append(rec)


def _estimates(indicator: str, area: str, series: dict, note: str, band: float = 0.15, source: str = "") -> None:
    """A series of demo estimates: every value flagged "estimate" with a band and an explicit note."""
    for period, value in series.items():
        _obs(indicator, area, period, value, "estimate", note, source or ILLUSTRATIVE, band)


# Helsinki–Tallinn route total (public facts B1): year -> (passengers, flag, note, source)
_TALLINN = ("Port of Tallinn, passenger statistics of the Tallinn–Helsinki line; as reported by Sjöfartstidningen "
            "(sjofartstidningen.se)")
_PH_AR = "Port of Helsinki, Annual Report {year} (www.portofhelsinki.fi)"
_FERRY: dict[int, tuple[int, str | None, str, str]] = {
    2005: (5_983_000, None, "Tallinn–Helsinki line, Port of Tallinn count", _TALLINN),
    2006: (5_660_000, None, "−4.1% on 2005; Port of Tallinn count", _TALLINN),
    2010: (6_960_000, "estimate", "estimated as 71% of the 9.8 M Port of Helsinki liner passengers; an uncertain "
                                  "derivation",
           EST + ": 71% of the Port of Helsinki's 9.8 M liner passengers reported by Invest in Finland "
           "(investinfinland.fi)"),
    2011: (7_300_000, None, "", "Ships Monthly, report on Helsinki–Tallinn passenger numbers (shipsmonthly.com)"),
    2012: (7_500_000, None, "may be a year-end estimate by the port",
           "Port of Helsinki, press release, December 2012 (mynewsdesk.com)"),
    2013: (7_600_000, "estimate", "estimated back from 2014 (about 8 M, up 5.1%); an uncertain derivation",
           EST + ": back-calculated from the 2014 figure and its growth of 5.1% reported by " + ERR),
    2014: (8_000_000, None, "\"close to eight million\", Port of Tallinn basis",
           "Port of Tallinn, passengers in 2014; as reported by ERR News (https://news.err.ee/114739)"),
    2015: (8_400_000, "estimate", "estimated back from 2016 (8.74 M, up 4.0%); an uncertain derivation",
           EST + ": back-calculated from the 2016 figure and its reported growth of 4.0%"),
    2016: (8_740_000, "break", "first year on the Port of Helsinki liner-statistics basis (Port of Tallinn: 8.51 M)",
           "Port of Helsinki, liner traffic statistics 2016; as reported by VesselFinder (vesselfinder.com)"),
    2017: (9_012_000, None, "", _PH_AR.format(year=2019)),
    2018: (8_846_000, None, "", _PH_AR.format(year=2019)),
    2019: (8_925_000, None, "", _PH_AR.format(year=2019)),
    2020: (4_097_000, None, "COVID-19 travel restrictions", _PH_AR.format(year=2021)),
    2021: (3_150_000, None, "−23% on 2020; COVID-19 restrictions", _PH_AR.format(year=2021)),
    2022: (6_000_000, "estimate", "January–July 2022: 3.5 M; Port of Tallinn total 7.0 M; " + DEMO,
           EST + " from the Port of Helsinki's January–July 2022 figure (August 2022) and the Port of Tallinn's "
           "2022 total"),
    2023: (6_900_000, "estimate", "Port of Helsinki passengers in total +12%; " + DEMO,
           EST + " from the Port of Helsinki's growth in passengers in 2023 (www.portofhelsinki.fi)"),
    2024: (7_200_000, "estimate", "Port of Helsinki 9.4 M ferry passengers in total; " + DEMO,
           EST + " from the Port of Helsinki's 2024 ferry passenger total; as reported by Ferry Shipping News, "
           "28 January 2025"),
}
# 2007–2009: linear interpolation between 2006 and 2010 (no published figure at hand).
for _y in (2007, 2008, 2009):
    _v = _FERRY[2006][0] + (_FERRY[2010][0] - _FERRY[2006][0]) * (_y - 2006) / 4
    _FERRY[_y] = (int(round(_v, -3)), "estimate", "linear interpolation between 2006 and 2010; " + DEMO,
                  EST + ": linear interpolation between the 2006 and 2010 figures")
_FERRY = dict(sorted(_FERRY.items()))
for _y, (_v, _flag, _note, _src) in _FERRY.items():
    _obs("MOB_FERRY_PAX", "FI-091", _y, _v, _flag, _note, _src, 0.08 if _y >= 2022 else None)

# Monthly profile (share of the year), anchored on Feb 2015 = 518,150 (6.2% of 8.4 M), Mar 2016 = 651,195
# (7.5% of 8.74 M) and July 2015 ≈ 1.1 M (13%) (public facts B1): summer peak in July, low in February.
_SEASON = (6.3, 6.0, 7.4, 7.6, 8.4, 9.9, 13.0, 11.0, 8.3, 8.1, 6.8, 7.2)
for _y in (2019, 2022, 2023, 2024):
    _total = _FERRY[_y][0]
    _months = [int(round(_total * s / sum(_SEASON), -2)) for s in _SEASON]
    _months[-1] += _total - sum(_months)  # months add up exactly to the annual total
    for _m, _v in enumerate(_months, 1):
        _obs("MOB_FERRY_PAX_M", "FI-091", f"{_y}-{_m:02d}", _v, "estimate",
             "monthly split of the annual total by a seasonal profile anchored on Feb 2015, Mar 2016 and "
             f"Jul 2015 monthly figures; {DEMO}",
             EST + ": the annual Helsinki–Tallinn total split by a seasonal profile from Port of Helsinki monthly "
                   "figures")

# Cars: 1.2 M crossed the Gulf of Finland in 2014 (finestlink.fi, public facts B1); other years are estimates.
_obs("MOB_FERRY_CARS", "FI-091", 2014, 1_200_000, None, "all cars crossing the Gulf of Finland",
     "FinEst Link project, traffic across the Gulf of Finland in 2014 (www.finestlink.fi)")
_estimates("MOB_FERRY_CARS", "FI-091",
           {2012: 1_120_000, 2013: 1_160_000, 2015: 1_230_000, 2016: 1_260_000, 2017: 1_290_000,
            2018: 1_300_000, 2019: 1_310_000, 2020: 820_000, 2021: 760_000, 2022: 1_050_000,
            2023: 1_150_000, 2024: 1_190_000},
           f"{DEMO}: scaled from the 2014 figure (finestlink.fi) along the passenger trend")

# Air: no annual figure found; an estimate under 0.3 M a year; route collapsed 2020–2021 (public facts B1).
_estimates("MOB_AIR_PAX", "FI-092",
           {2016: 160_000, 2017: 170_000, 2018: 180_000, 2019: 185_000, 2020: 35_000, 2021: 25_000,
            2022: 90_000, 2023: 110_000, 2024: 120_000},
           f"{DEMO}: no published annual figure, under 0.3 M a year; Finnair suspended the route in March 2020 and "
           "resumed once weekly on 16 Apr 2020", band=0.4,
           source=EST + ": no published annual figure for the route; sized below 5% of the sea traffic")

# --- integration ----------------------------------------------------------------------------------
_SF_LANG = "Statistics Finland, population by language (mother tongue); as reported by Postimees, Finland Times and ERR"
for _y, _v in {2012: 38_364, 2017: 49_590, 2020: 49_551, 2023: 50_202, 2024: 49_564}.items():
    _obs("INT_EE_SPEAKERS_FI", "FI", _y, _v, source=_SF_LANG)
for _area, _v in {"FI-091": 12_970, "FI-092": 8_781, "FI-049": 6_566, "FI-245": 1_163, "FI-257": 1_086}.items():
    _obs("INT_EE_SPEAKERS_FI", _area, 2017, _v, None,
         "reported as 'Estonians' by municipality; taken here as Estonian mother tongue (>35,000 live in Uusimaa)",
         "Statistics Finland, Estonians by municipality, 2017; as cited in Wikipedia, “Estonians in Finland”")

_obs("INT_EE_CITIZENS_FI", "FI", 2017, 51_539,
     source="Statistics Finland, population by citizenship, 2017; as cited in Wikipedia, “Estonians in Finland”")
_obs("INT_EE_CITIZENS_FI", "FI", 2019, 52_358, "break",
     "Estonian population register: Estonian citizens with a Finnish address on 1 Sep 2019 (different basis)",
     "Estonian population register; as reported by ERR News, 8 October 2019")
_obs("INT_EE_CITIZENS_FI", "FI", 2022, 54_084, None,
     "Estonian population register, early 2022 (41,820 of them eligible voters)", "Estonian population register; as "
                                                                                  "reported by ERR News, 1 February "
                                                                                  "2022")
_estimates("INT_EE_CITIZENS_FI", "FI", {2020: 52_900, 2021: 53_500, 2023: 54_300, 2024: 54_100},
           f"{DEMO}: interpolated on the register basis between the 2019 and 2022 figures", band=0.05)

# Population of all 42 municipalities from areas.csv (period = year of the figure, 2020 when unknown).
for _a in AREAS:
    if _a["level"] != "municipality":
        continue
    _src = _a["source"]
    if _src.startswith(_GUESS_EE):
        _obs("INT_POPULATION", _a["code"], _a.get("population_year", 2020), _a["population"], "estimate",
             f"{DEMO}, to be replaced by Statistics Estonia table RV0240; year of the figure assumed to be 2020",
             _src, 0.1)
    elif "population_year" not in _a:
        _obs("INT_POPULATION", _a["code"], 2020, _a["population"], "estimate",
             "year of the figure unknown (an older GeoNames value): the TwinReg Monitor demo team shows it as "
             "2020", _src, 0.1)
    else:
        _obs("INT_POPULATION", _a["code"], _a["population_year"], _a["population"], source=_src)
# Further sourced population points (public facts B4).
for _area, _y, _v, _src in (
    ("FI1B1", 2019, 1_689_725, "Statistics Finland, population of Uusimaa, 31 Dec 2019; as published in Yle's open "
                               "geodata (github.com/Yleisradio/geodata)"),
    ("FI1B1", 2020, 1_702_678, _SF),
    ("EE001", 2018, 610_468, "Statistics Estonia, population of Harju County, 2018; as cited in Wikipedia, “Harju "
                             "County”"),
    ("EE001", 2023, 638_076, "Statistics Estonia, population of Harju County, 2023; as cited in Wikipedia, “Harju "
                             "County”"),
    ("EE-0784", 2020, 443_920, "Estonian population register, 2020; as reported by " + ERR),
    ("EE-0304", 2020, 5_703, "Estonian population register, 2020; as reported by " + ERR),
    ("FI-091", 2023, 674_500, "Statista, population of Helsinki, 2023 (www.statista.com)"),
    ("FI-091", 2024, 684_018, "Statista, population of Helsinki, 2024 (www.statista.com)"),
    ("FI-049", 2023, 314_000, "Statista, population of Espoo, 2023, rounded (www.statista.com)"),
    ("FI-049", 2024, 320_900, "Statista, population of Espoo, 2024, rounded (www.statista.com)"),
):
    _obs("INT_POPULATION", _area, _y, _v, source=_src)

# --- digital ------------------------------------------------------------------------------------------
_obs("DIG_ERX_FI_EE", "EE", 2019, 6_200, "estimate",
     "Kela: 3,664 Finnish ePrescriptions used in Estonia by end of July 2019 (~500 a month); the full-year "
     f"figure is an {DEMO}",
     EST + " from Kela's count to July 2019; as reported by The Baltic Course (baltic-course.com)", 0.15)
_estimates("DIG_ERX_FI_EE", "EE", {2020: 3_600, 2021: 4_100, 2022: 6_500, 2023: 7_900, 2024: 8_800},
           f"{DEMO}; about 9,000 FI→EE dispensations in total by mid-2020 (JMIR 2023)")
_estimates("DIG_ERX_EE_FI", "FI", {2020: 1_200, 2021: 2_100, 2022: 3_400, 2023: 4_300, 2024: 5_000},
           f"{DEMO}; EE→FI service live since 2020 (JMIR 2023)", band=0.25)
_VRK = "Population Register Centre (VRK), Suomi.fi e-Identification accepts foreign eIDs, February 2019 (vrk.fi)"
_obs("DIG_EID_SERVICES", "FI", 2017, 0, None, "foreign eIDs not yet accepted by Suomi.fi e-Identification",
     _VRK)
_obs("DIG_EID_SERVICES", "FI", 2018, 0, None, "foreign eIDs not yet accepted by Suomi.fi e-Identification",
     _VRK)
_obs("DIG_EID_SERVICES", "FI", 2019, 40, "break",
     f"Suomi.fi e-Identification accepts eIDAS-notified foreign eIDs from Feb 2019 (vrk.fi); count is an {DEMO}",
     EST + "; the start date from the Population Register Centre (VRK, vrk.fi)")
_estimates("DIG_EID_SERVICES", "FI", {2020: 75, 2021: 110, 2022: 140, 2023: 160, 2024: 175}, DEMO, band=0.2)
_estimates("DIG_EID_SERVICES", "EE", {2019: 5, 2020: 10, 2021: 20, 2022: 35, 2023: 60, 2024: 80},
           f"{DEMO}; the e-ID 'digital wall' is still reported in 2023 (Info Norden)", band=0.3)

# --- employment -------------------------------------------------------------------------------------
_obs("EMP_POSTED_NOTIF", "FI", 2021, 10_003, None,
     "10,003 notifications from 57 countries (~20,000 employees); Estonia the largest sending country",
     "Occupational Safety and Health Administration in Finland, posted workers in 2021; as reported by Aalberq "
     "(aalberq.com)")
_estimates("EMP_POSTED_NOTIF", "FI",
           {2018: 7_400, 2019: 8_600, 2020: 8_900, 2022: 10_600, 2023: 11_200, 2024: 10_900},
           f"{DEMO}; anchored on the 2021 figure (10,003)")
_obs("EMP_COMMUTERS_EE_FI", "EE", 2018, 10_000, "estimate",
     "a rough figure by the journal: \"10,000 or more\" regular Estonian commuters to Finland",
     "Green European Journal, article on Estonian commuters to Finland, 2018 (www.greeneuropeanjournal.eu)", 0.3)
_estimates("EMP_COMMUTERS_EE_FI", "EE", {2016: 11_000, 2020: 8_000, 2022: 8_800, 2023: 9_200, 2024: 9_400},
           f"{DEMO}; anchored on \"10,000 or more\" (Green European Journal, 2018)", band=0.3)

# --- legal, education, taxation, social security, information (annual demo estimates) ---------------
_obs("LEG_DUAL_REG_PERSONS", "FI", 2024, 5_000, None,
     "about 5,000 Finns registered in both Finland and Estonia; reporting under the address-exchange "
     "agreement (signed 21 Sep 2022) to start by end-2025",
     "Digital and Population Data Services Agency (DVV), press release, 27 August 2024 (dvv.fi)")
_estimates("LEG_DUAL_REG_PERSONS", "FI", {2021: 5_300, 2022: 5_250, 2023: 5_100, 2025: 4_600},
           f"{DEMO}; anchored on the DVV figure of about 5,000 (2024)", band=0.15)

_obs("EDU_FI_STUDENTS_EE", "EE", 2010, 570, None, "academic year 2010/11: 570 of 1,282 foreign students",
     "Statistics Estonia, foreign students 2010/11; as reported by The Baltic Times")
_obs("EDU_FI_STUDENTS_EE", "EE", 2014, 700, "estimate",
     "a rough figure by the publication: 'more than 700' Finnish students in Tallinn alone; the national total may "
     "be higher",
     "“Helsinki–Tallinn Facts and Figures”, 2014")
OBSERVATIONS[-1].update(value_low=700, value_high=900)
_estimates("EDU_FI_STUDENTS_EE", "EE", {2016: 800, 2018: 850, 2020: 780, 2022: 820, 2024: 880},
           f"{DEMO}; extrapolated from the 2010 and 2014 figures", band=0.2)

_estimates("EDU_RECOGNITION_DAYS", "FI", {2019: 72, 2020: 85, 2021: 96, 2022: 88, 2023: 79, 2024: 70},
           f"{DEMO}; statutory maximum four months", band=0.1)
_estimates("EDU_RECOGNITION_DAYS", "EE", {2019: 28, 2020: 31, 2021: 30, 2022: 27, 2023: 25, 2024: 24},
           DEMO, band=0.1)

_estimates("TAX_DOUBLE_CASES", "FI", {2019: 180, 2020: 210, 2021: 260, 2022: 240, 2023: 220, 2024: 205},
           f"{DEMO}; peak 2021 from cross-border teleworking during COVID-19", band=0.25)
_estimates("TAX_DOUBLE_CASES", "EE", {2019: 120, 2020: 140, 2021: 175, 2022: 160, 2023: 150, 2024: 140},
           f"{DEMO}; peak 2021 from cross-border teleworking during COVID-19", band=0.25)
_estimates("TAX_FI_TAXCARD_EE", "FI",
           {2019: 17_800, 2020: 15_900, 2021: 15_200, 2022: 16_400, 2023: 16_900, 2024: 16_600},
           f"{DEMO}; no headcount of Estonians taxed in Finland was found", band=0.2)

_estimates("SOC_A1_CERTS", "EE",
           {2018: 11_500, 2019: 12_400, 2020: 10_100, 2021: 10_800, 2022: 11_300, 2023: 11_000, 2024: 10_600},
           f"{DEMO}; issued in Estonia for work in Finland", band=0.2)
_estimates("SOC_A1_CERTS", "FI",
           {2018: 900, 2019: 950, 2020: 700, 2021: 760, 2022: 880, 2023: 920, 2024: 940},
           f"{DEMO}; issued in Finland for work in Estonia", band=0.2)

_estimates("INF_PAGES_ET", "FI", {2020: 120, 2021: 150, 2022: 190, 2023: 240, 2024: 280, 2025: 310},
           f"{DEMO}; page inventory not yet carried out", band=0.15)
_estimates("INF_PAGES_ET", "FI-091", {2020: 35, 2021: 40, 2022: 55, 2023: 70, 2024: 80, 2025: 90},
           f"{DEMO}; page inventory not yet carried out", band=0.15)


# --- quarterly series 2022-Q1 … 2026-Q3 --------------------------------------------------------------
def _quarterly(indicator: str, area: str, levels: dict[int, float], season: tuple[float, float, float, float],
               note: str, source: str = "") -> None:
    """Level interpolated between yearly anchors, times a seasonal factor per quarter; all demo estimates."""
    for year in range(2022, 2027):
        for q in range(1, 5):
            if (year, q) > (2026, 3):
                return
            level = levels[year] + (levels[year + 1] - levels[year]) * (q - 1) / 4
            value = int(round(level * (1 + season[q - 1])))
            _obs(indicator, area, f"{year}-Q{q}", value, "estimate", note, source or ILLUSTRATIVE, 0.1)


_quarterly("SOC_KELA_DECISION_DAYS", "FI", {2022: 58, 2023: 72, 2024: 66, 2025: 55, 2026: 47, 2027: 44},
           (0.06, -0.02, 0.08, -0.04), f"{DEMO}; Kela cross-border decisions (A1, benefits under Regulation 883/2004)")
_quarterly("SOC_KELA_DECISION_DAYS", "EE", {2022: 34, 2023: 38, 2024: 33, 2025: 30, 2026: 28, 2027: 27},
           (0.05, -0.03, 0.06, -0.03), f"{DEMO}; Estonian Social Insurance Board")
_quarterly("LEG_RESIDENCE_REG_DAYS", "FI", {2022: 45, 2023: 62, 2024: 48, 2025: 35, 2026: 28, 2027: 26},
           (-0.03, 0.04, 0.1, -0.05), f"{DEMO}; Migri registration of an EU citizen's right of residence")
_quarterly("LEG_RESIDENCE_REG_DAYS", "EE", {2022: 21, 2023: 19, 2024: 17, 2025: 15, 2026: 14, 2027: 14},
           (0.0, 0.05, 0.1, -0.05), f"{DEMO}; registration of residence and EU citizen's right of residence (PPA)")
_quarterly("INF_ENQUIRIES", "FI", {2022: 950, 2023: 1150, 2024: 1300, 2025: 1420, 2026: 1500, 2027: 1550},
           (0.05, -0.05, 0.1, -0.1),
           f"{DEMO}; topic mix weighted like Your Europe Advice 2023 (social security 28%, residence 19%)")
_quarterly("INF_ENQUIRIES", "EE", {2022: 520, 2023: 600, 2024: 680, 2025: 730, 2026: 760, 2027: 780},
           (0.05, -0.05, 0.1, -0.1), DEMO)

# --------------------------------------------------------------------------------------------------
# FLOWS
# --------------------------------------------------------------------------------------------------
FLOWS: list[dict] = []


def _flow(origin: str, destination: str, mode: str, period: object, volume: float, unit: str, source: str,
          note: str = "") -> None:
    rec = {"origin": origin, "destination": destination, "mode": mode, "period": str(period),
           "volume": volume, "unit": unit, "source": source}
    if note:
        rec["note"] = note
    FLOWS.append(rec)


# Ferry passengers: route total (MOB_FERRY_PAX) split half and half by direction.
for _y, (_v, _flag, _note, _src) in _FERRY.items():
    _extra = "; the route total is an estimate too" if _flag == "estimate" else ""
    for _o, _d in (("FI-091", "EE-0784"), ("EE-0784", "FI-091")):
        _flow(_o, _d, "ferry", _y, _v // 2, "passengers", _src,
              f"each direction is half of the route total ({DEMO})" + _extra)

# Air passengers Helsinki-Vantaa ↔ Tallinn: an estimate, half of the MOB_AIR_PAX estimate each way.
_AIR = {2019: 185_000, 2020: 35_000, 2021: 25_000, 2022: 90_000, 2023: 110_000, 2024: 120_000}
for _y, _v in _AIR.items():
    for _o, _d in (("FI-092", "EE-0784"), ("EE-0784", "FI-092")):
        _flow(_o, _d, "air", _y, _v // 2, "passengers", EST + ": no published annual figure for the route",
              f"{DEMO}; under 0.3 M a year in total, split 50/50 by direction")

# Regular commuters from four Harju municipalities to three Uusimaa cities (travelling by ferry).
# A flow is keyed by origin, destination, mode, period and unit, so commuters sit beside passengers.
_ORIGIN_SHARE = {"EE-0784": 0.62, "EE-0653": 0.13, "EE-0890": 0.11, "EE-0446": 0.14}
_DEST_SHARE = {"FI-091": 0.55, "FI-092": 0.27, "FI-049": 0.18}
for _y, _total in ((2018, 6_000), (2023, 5_500)):
    for _o, _so in _ORIGIN_SHARE.items():
        for _d, _sd in _DEST_SHARE.items():
            _flow(_o, _d, "ferry", _y, int(round(_total * _so * _sd, -1)), "commuters",
                  EST + " from Green European Journal, 2018 (\"10,000 or more\" regular Estonian commuters to Finland)",
                  f"{DEMO}: these 12 municipal pairs are assumed to cover about 60% of all regular "
                  "Estonia→Finland commuters; the split by municipality is invented")

# Vehicles: 1.2 M cars crossed the Gulf of Finland in 2014 (both directions, all Helsinki–Tallinn lines).
for _o, _d in (("FI-091", "EE-0784"), ("EE-0784", "FI-091")):
    _flow(_o, _d, "ferry", 2014, 600_000, "vehicles", "FinEst Link project, traffic across the Gulf of Finland in "
                                                      "2014 (www.finestlink.fi)",
          f"each direction is half of the 1.2 M cars ({DEMO})")

# Planned tunnel: study projection, not an observation.
_flow("FI-091", "EE-0784", "tunnel", 2050, 11_500_000, "passengers",
      "FinEst Link, feasibility study of a Helsinki–Tallinn rail tunnel: 23 M passengers a year by 2050; as "
      "reported by The Baltic Times, 28 December 2017",
      "Study projection, not an observation: assumed half of the projected 23 M cross-Gulf passengers would use the "
      f"rail tunnel; both directions combined; {DEMO}")
