"""The indicators (red flags) Speurnet runs, declared as data. Thresholds live in `thresholds.py`.

`weight` is the prior weight of the flag in a score (`investigations/scoring`): strong, specific
evidence of a violation weighs 1.5-2, supporting evidence 0.8-1.2, weak context 0.3-0.5. Case
outcomes recalibrate these; the priors only decide while there are few outcomes.
"""

from __future__ import annotations

from investigations.indicators import thresholds as t
from investigations.indicators.model import Indicator

RESIDENTS = ("Person.birthDate", "Person.surname", "REGISTERED_AT.kind", "REGISTERED_AT.start",
             "REGISTERED_AT.end")
ROOM_PERMIT = ("Permit.kind", "Permit.status", "Permit.decisionDate")
OFFICERS = ("OFFICER_OF.role", "OFFICER_OF.end", "Person.canonicalKey", "Company.founded",
            "Company.dissolved")

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        name="overbewoning",
        title="Veel bewoners per m²",
        description="Meer ingeschreven bewoners dan de woonoppervlakte volgens de BAG "
                    "redelijkerwijs toelaat.",
        subjects=("Address",),
        reason="{persons} personen ingeschreven op {area} m² ({perPerson} m² per persoon, "
               "norm {norm} m²)",
        weight=1.2,
        uses=("Address.floorArea", "Address.uses", *RESIDENTS),
        evidence=("persons", "adults", "area", "perPerson", "norm", "residents"),
        thresholds={"m2PerPerson": t.M2_PER_PERSON, "fullAt": t.M2_FULL,
                    "minPersons": t.MIN_PERSONS},
        explained_by="Een groot gezin in een ruime woning haalt de norm wel.",
    ),
    Indicator(
        name="veel_volwassenen",
        title="Veel volwassenen met verschillende achternamen",
        description="Meer volwassen bewoners uit verschillende huishoudens dan een woning zonder "
                    "kamerverhuurvergunning mag hebben.",
        subjects=("Address",),
        reason="{adults} volwassenen met {familyNames} verschillende achternamen ingeschreven, "
               "zonder vergunning voor kamerverhuur",
        weight=1.5,
        uses=("Address.uses", *RESIDENTS, *ROOM_PERMIT),
        evidence=("adults", "familyNames", "area", "residents"),
        thresholds={"minAdults": t.MIN_ADULTS, "minNames": t.MIN_FAMILY_NAMES,
                    "permitKinds": t.ROOM_PERMITS},
        explained_by="Een verleende omzettings- of verhuurvergunning (studentenhuis), "
                     "logiesfunctie, of een gezin (één of twee achternamen).",
    ),
    Indicator(
        name="kort_verblijf",
        title="Korte inschrijvingen",
        description="Meerdere personen die zich korter dan een half jaar op het adres "
                    "inschreven.",
        subjects=("Address",),
        reason="{shortStays} inschrijvingen korter dan {maxDays} dagen in de laatste twee jaar",
        weight=1.0,
        uses=("Address.uses", *RESIDENTS),
        evidence=("shortStays", "maxDays", "stays"),
        thresholds={"maxStayDays": t.MAX_STAY_DAYS, "minShortStays": t.MIN_SHORT_STAYS,
                    "windowDays": t.RECENT_DAYS},
        explained_by="Logiesfunctie (hotel, pension): kort verblijf is daar het doel.",
    ),
    Indicator(
        name="verloop",
        title="Verloop van bewoners",
        description="Volwassenen uit verschillende huishoudens die in korte tijd vertrokken.",
        subjects=("Address",),
        reason="{left} volwassenen met {familyNames} verschillende achternamen vertrokken in de "
               "laatste twee jaar",
        weight=0.8,
        uses=("Address.uses", *RESIDENTS, *ROOM_PERMIT),
        evidence=("left", "familyNames", "persons"),
        thresholds={"minNames": t.MIN_LEFT_NAMES, "windowDays": t.RECENT_DAYS,
                    "permitKinds": t.ROOM_PERMITS},
        explained_by="Verleende kamerverhuurvergunning (studenten wisselen), logiesfunctie.",
    ),
    Indicator(
        name="bedrijven_op_woonadres",
        title="Meerdere bedrijven op een woning",
        description="Een woning (alleen woonfunctie) als vestigingsadres van meerdere bedrijven: "
                    "het patroon van een postbusadres.",
        subjects=("Address",),
        reason="{companies} bedrijven gevestigd op deze woning in de laatste {years} jaar "
               "({active} nog actief)",
        weight=1.5,
        uses=("Address.uses", "ESTABLISHED_AT", "Company.founded", "Company.dissolved"),
        evidence=("companies", "active", "years", "kvks"),
        thresholds={"minCompanies": t.MIN_COMPANIES_DWELLING, "years": t.COMPANY_YEARS},
        explained_by="Eén of twee eigen bedrijven aan huis.",
    ),
    Indicator(
        name="veel_bedrijven_op_adres",
        title="Veel bedrijven op één adres",
        description="Een pand zonder kantoorfunctie waarop veel bedrijven gevestigd zijn.",
        subjects=("Address",),
        reason="{companies} bedrijven gevestigd op dit adres (gebruik: {uses})",
        weight=0.8,
        uses=("Address.uses", "ESTABLISHED_AT", "Company.founded", "Company.dissolved"),
        evidence=("companies", "active", "uses", "kvks"),
        thresholds={"minCompanies": t.MIN_COMPANIES_ADDRESS, "years": t.COMPANY_YEARS},
        explained_by="Een bedrijfsverzamelgebouw met kantoorfunctie.",
    ),
    Indicator(
        name="kortlevende_bedrijven_op_adres",
        title="Kortlevende bedrijven op één adres",
        description="Meerdere bedrijven op het adres die binnen anderhalf jaar na oprichting "
                    "weer werden opgeheven, en die een flink deel van de bedrijven daar zijn.",
        subjects=("Address",),
        reason="{shortLived} van de {companies} bedrijven op dit adres bestonden korter dan "
               "{maxDays} dagen",
        weight=1.2,
        uses=("ESTABLISHED_AT", "Company.founded", "Company.dissolved"),
        evidence=("shortLived", "companies", "maxDays", "kvks"),
        thresholds={"maxLifeDays": t.MAX_LIFE_DAYS, "minShortLived": t.MIN_SHORT_LIVED,
                    "minShare": t.MIN_SHORT_LIVED_SHARE, "years": t.COMPANY_YEARS},
        explained_by="Een bedrijfsverzamelgebouw waar een enkel bedrijf snel weer verdwijnt.",
    ),
    Indicator(
        name="seriele_bestuurder",
        title="Bestuurder van veel kortlevende bedrijven",
        description="Een persoon of bedrijf dat functionaris was van meerdere bedrijven die "
                    "binnen anderhalf jaar werden opgeheven.",
        subjects=("Person", "Company"),
        reason="functionaris van {shortLived} bedrijven die korter dan {maxDays} dagen bestonden",
        weight=1.5,
        uses=OFFICERS,
        evidence=("shortLived", "maxDays", "kvks"),
        thresholds={"maxLifeDays": t.MAX_LIFE_DAYS, "minShortLived": t.MIN_SHORT_LIVED,
                    "years": t.COMPANY_YEARS},
    ),
    Indicator(
        name="bedrijf_seriele_bestuurder",
        title="Bedrijf van een seriële bestuurder",
        description="Een bedrijf met een functionaris van meerdere kortlevende bedrijven, en "
                    "de adressen waar zulke bedrijven gevestigd zijn.",
        subjects=("Company", "Address"),
        reason="{companies} bedrijf(en) met een functionaris van meerdere kortlevende bedrijven "
               "({officers})",
        weight=1.2,
        uses=(*OFFICERS, "ESTABLISHED_AT"),
        evidence=("companies", "officers", "kvks"),
        thresholds={"maxLifeDays": t.MAX_LIFE_DAYS, "minShortLived": t.MIN_SHORT_LIVED,
                    "years": t.COMPANY_YEARS},
    ),
    Indicator(
        name="risicobranche",
        title="Risicobranche",
        description="Een actief bedrijf in een branche die RIEC's als kwetsbaar voor "
                    "witwassen of uitbuiting aanmerken; jong bedrijf weegt zwaarder.",
        subjects=("Company",),
        reason="SBI {sbi} ({branch}), opgericht {founded}",
        weight=0.3,
        uses=("Company.sbiCode", "Company.sbiDescription", "Company.founded",
              "Company.dissolved"),
        evidence=("sbi", "branch", "founded"),
        thresholds={"riskCodes": t.RISK_BRANCHES, "youngYears": t.RISK_YOUNG_YEARS},
        explained_by="Een zaak die al jaren bestaat telt maar licht.",
    ),
    Indicator(
        name="vergunning_ontbreekt",
        title="Activiteit zonder vergunning",
        description="Een actief horecabedrijf of glazenwassersbedrijf zonder verleende of "
                    "aangevraagde vergunning voor die activiteit.",
        subjects=("Company", "Address"),
        reason="{activity} zonder {permits} ({kvks})",
        weight=1.0,
        uses=("Company.sbiCode", "Company.founded", "Company.dissolved", *ROOM_PERMIT,
              "HELD_BY", "FOR_ADDRESS"),
        evidence=("activity", "permits", "kvks"),
        thresholds={"required": t.REQUIRED_PERMITS, "graceDays": t.PERMIT_GRACE_DAYS},
    ),
    Indicator(
        name="bibob_negatief",
        title="Negatief Bibob-advies",
        description="Een vergunning waarbij het Bibob-onderzoek gevaar van misbruik vond; "
                    "vlagt de houder en het adres.",
        subjects=("Address", "Company", "Person"),
        reason="Bibob-advies '{advice}' bij {permitKind} ({permitId}, {status})",
        weight=1.5,
        uses=("Permit.bibob", "Permit.kind", "Permit.status", "Permit.decisionDate", "HELD_BY"),
        evidence=("advice", "permitKind", "permitId", "status", "decided"),
        thresholds={"advice": t.BIBOB_ADVICE, "years": t.COMPANY_YEARS},
    ),
    Indicator(
        name="energie_afwijkend",
        title="Afwijkend stroomverbruik",
        description="Stroomverbruik ver boven dat van woningen met evenveel bewoners.",
        subjects=("Address",),
        reason="{kwh} kWh in {year}, {ratio} keer het gewone verbruik bij {residents} "
               "bewoner(s) ({median} kWh)",
        weight=2.0,
        uses=("UtilityUse.electricityKwh", "UtilityUse.year", "Address.uses",
              "REGISTERED_AT.kind", "REGISTERED_AT.start", "REGISTERED_AT.end"),
        evidence=("kwh", "year", "ratio", "median", "residents", "history"),
        thresholds={"ratio": t.KWH_RATIO, "minKwh": t.KWH_MIN, "fullRatio": t.KWH_FULL_RATIO},
    ),
    Indicator(
        name="leeg_met_activiteit",
        title="Leeg ingeschreven, toch in gebruik",
        description="Een woning waar niemand staat ingeschreven, met verbruik als van een "
                    "bewoonde woning, gevestigde bedrijven of recente meldingen.",
        subjects=("Address",),
        reason="niemand ingeschreven, maar {activity}",
        weight=1.0,
        uses=("Address.uses", "REGISTERED_AT.kind", "REGISTERED_AT.start", "REGISTERED_AT.end",
              "UtilityUse.electricityKwh", "UtilityUse.waterM3", "ESTABLISHED_AT",
              "Company.dissolved", "Signal.date"),
        evidence=("activity", "kwh", "waterM3", "companies", "signals"),
        thresholds={"minKwh": t.ACTIVE_KWH, "minWater": t.ACTIVE_WATER},
    ),
    Indicator(
        name="meldingen_cluster",
        title="Meldingen kort na elkaar",
        description="Meerdere meldingen over hetzelfde adres binnen een half jaar.",
        subjects=("Address",),
        reason="{cluster} meldingen binnen {days} dagen ({categories}; bronnen: {channels})",
        weight=0.8,
        uses=("Signal.date", "Signal.category", "Signal.channel"),
        evidence=("cluster", "days", "categories", "channels", "signals"),
        thresholds={"spanDays": t.CLUSTER_DAYS, "minCluster": t.MIN_CLUSTER,
                    "windowDays": t.RECENT_DAYS, "ignore": t.IGNORED_CATEGORIES},
    ),
    Indicator(
        name="risicomelding",
        title="Melding over bewoning of gebruik",
        description="Een melding in een categorie die over de bewoning of het gebruik gaat "
                    "(overbewoning, adresfraude, kamerverhuur, hennep, uitbuiting, ...).",
        subjects=("Address",),
        reason="{count} melding(en): {categories}",
        weight=0.5,
        uses=("Signal.date", "Signal.category", "Signal.reliability"),
        evidence=("count", "categories", "signals"),
        thresholds={"categories": t.RISK_CATEGORIES, "windowDays": t.RECENT_DAYS,
                    "unreliable": t.LOW_RELIABILITY},
    ),
    Indicator(
        name="melding_niet_ingeschrevene",
        title="Melding noemt iemand die er niet staat ingeschreven",
        description="Een melding over een woning noemt een persoon uit de BRP die op dat adres "
                    "niet staat ingeschreven (adreskwaliteit).",
        subjects=("Address", "Person"),
        reason="melding(en) {signals} noemen {persons}, niet ingeschreven op {addresses}",
        weight=1.2,
        uses=("Signal.date", "ABOUT", "Person.canonicalKey", "REGISTERED_AT.start",
              "REGISTERED_AT.end", "Address.uses"),
        evidence=("signals", "persons", "addresses"),
        thresholds={"windowDays": t.RECENT_DAYS, "graceDays": t.REGISTRATION_GRACE_DAYS},
    ),
    Indicator(
        name="eenmanszaak_zonder_inschrijving",
        title="Eenmanszaak op een woning waar de eigenaar niet woont",
        description="Een actieve eenmanszaak gevestigd op een woning waar de eigenaar volgens "
                    "de BRP niet woont.",
        subjects=("Address", "Person"),
        reason="eenmanszaak {kvks} op {addresses}; eigenaar {persons} staat daar niet "
               "ingeschreven",
        weight=1.0,
        uses=("Company.legalForm", "Company.dissolved", "OFFICER_OF.role", "OFFICER_OF.end",
              "Person.canonicalKey", "REGISTERED_AT.kind", "REGISTERED_AT.start",
              "REGISTERED_AT.end", "Address.uses"),
        evidence=("kvks", "persons", "addresses"),
    ),
    Indicator(
        name="eigenaar_woningen_met_meldingen",
        title="Eigenaar van meerdere woningen met meldingen",
        description="Een eigenaar (BRK) van meerdere woningen, waarvan een flink deel "
                    "risicomeldingen heeft.",
        subjects=("Person", "Company"),
        reason="eigenaar van {dwellings} woningen, waarvan {withSignals} met risicomeldingen",
        weight=1.0,
        uses=("OWNS.start", "OWNS.end", "Person.canonicalKey", "Address.uses", "Signal.date",
              "Signal.category"),
        evidence=("dwellings", "withSignals", "addresses"),
        thresholds={"minDwellings": t.MIN_DWELLINGS, "minWithSignals": t.MIN_DWELLINGS_SIGNALS,
                    "minShare": t.MIN_SHARE_SIGNALS, "categories": t.RISK_CATEGORIES,
                    "windowDays": t.RECENT_DAYS},
        explained_by="Woningcorporaties: veel woningen, naar verhouding weinig meldingen.",
    ),
)

BY_NAME: dict[str, Indicator] = {i.name: i for i in INDICATORS}
