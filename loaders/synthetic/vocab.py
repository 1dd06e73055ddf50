"""Static vocabularies of the synthetic town: codes, SBI branches, labels and text templates."""

from __future__ import annotations

from typing import NamedTuple

GEMEENTECODE = "0999"  # unused by CBS, so the town can never be mistaken for a real one
GEMEENTENAAM = "Zaanstede"
VILLAGES = ("Westerzaan", "Oostmeer")
POSTCODE_START = 1500

# Real municipality codes used only to build well-formed address keys outside the town.
OUTSIDE_GEMEENTEN = (
    "0363", "0599", "0518", "0344", "0392", "0453", "0479", "0394", "0361", "0375",
    "0405", "0439", "0772", "0855", "0200", "0014",
)

BUURT_STEMS = (
    "Oost", "West", "Noord", "Zuid", "Molen", "Kerk", "Haven", "Dijk", "Polder", "Park",
    "Bos", "Veld", "Hof", "Kade", "Markt", "Sluis", "Weide", "Beek", "Meer", "Linde",
    "Vaart", "Eiland", "Rozen", "Vogel", "Bloemen", "Zaan", "Oever", "Brug", "Spoor", "Tuin",
)
BUURT_SUFFIXES = ("buurt", "wijk", "kwartier", "hoek", "dorp", "veld", "zijde", "landen")
CLASSIC_STREETS = (
    "Kerkstraat", "Dorpsstraat", "Stationsweg", "Molenweg", "Schoolstraat", "Julianalaan",
    "Wilhelminastraat", "Beatrixstraat", "Oranjestraat", "Nieuwstraat", "Hoofdstraat",
    "Zuiderhoofdstraat", "Marktplein", "Industrieweg", "Havenstraat", "Dijkweg",
)


class Branch(NamedTuple):
    """One SBI activity: code, description, whether it is a risk branch, where it sits, weight."""

    code: str
    description: str
    risk: bool
    place: str  # home, shop, office, industry, horeca
    weight: int


BRANCHES: tuple[Branch, ...] = (
    Branch("4711", "Supermarkten en dergelijke winkels met een algemeen assortiment "
           "voedings- en genotmiddelen", False, "shop", 3),
    Branch("4724", "Winkels in brood en banket", False, "shop", 2),
    Branch("4771", "Winkels in kleding en mode-artikelen", False, "shop", 3),
    Branch("4791", "Detailhandel via internet", False, "home", 6),
    Branch("6201", "Ontwikkelen, produceren en uitgeven van software", False, "home", 6),
    Branch("6202", "Advisering op het gebied van informatietechnologie", False, "home", 4),
    Branch("6920", "Accountancy, financiële administratie en belastingconsulentschap",
           False, "office", 4),
    Branch("7022", "Organisatie-adviesbureaus", False, "home", 6),
    Branch("7111", "Architecten", False, "office", 2),
    Branch("7311", "Reclamebureaus", False, "office", 2),
    Branch("7420", "Fotografie", False, "home", 3),
    Branch("8559", "Overig onderwijs", False, "home", 4),
    Branch("8690", "Overige menselijke gezondheidszorg", False, "home", 3),
    Branch("4120", "Algemene burgerlijke en utiliteitsbouw", False, "home", 4),
    Branch("4321", "Elektrotechnische bouwinstallatie", False, "home", 3),
    Branch("4334", "Schilderen en glaszetten", False, "home", 4),
    Branch("4941", "Goederenvervoer over de weg", False, "industry", 2),
    Branch("4932", "Taxivervoer", False, "home", 2),
    Branch("9001", "Beoefening van podiumkunst", False, "home", 2),
    Branch("8121", "Algemene reiniging van gebouwen", False, "home", 2),
    Branch("4511", "Handel in en reparatie van personenauto's en lichte bedrijfsauto's",
           False, "industry", 2),
    Branch("1071", "Brood- en banketbakkerijen", False, "industry", 1),
    Branch("6622", "Assurantietussenpersonen", False, "office", 2),
    Branch("6910", "Rechtskundige dienstverlening", False, "office", 1),
    Branch("8891", "Kinderopvang", False, "shop", 1),
    Branch("9499", "Overige ideële organisaties", False, "office", 1),
    Branch("9312", "Sportclubs", False, "office", 1),
    Branch("6420", "Financiële holdings", False, "office", 0),
    Branch("9602", "Haar- en schoonheidsverzorging", True, "shop", 4),
    Branch("4520", "Gespecialiseerde reparatie en onderhoud van auto's; wasstraten", True,
           "industry", 2),
    Branch("8122", "Glazenwassen en overige gespecialiseerde reiniging van gebouwen", True,
           "home", 2),
    Branch("5610", "Restaurants, cafetaria's, lunchrooms en dergelijke", True, "horeca", 3),
    Branch("5630", "Cafés", True, "horeca", 1),
    Branch("4778", "Winkels in overige nieuwe artikelen", True, "shop", 1),
    Branch("6820", "Verhuur van eigen of geleasd onroerend goed", True, "office", 2),
    Branch("4719", "Winkels met een algemeen assortiment (minisupermarkten)", True, "shop", 1),
    Branch("9313", "Fitnesscentra", True, "shop", 1),
)
BRANCH_INDEX = {b.code: i for i, b in enumerate(BRANCHES)}
NETWORK_BRANCHES = ("9602", "4520", "8122", "5610")
OFFICE_BRANCHES = ("6201", "6202", "6920", "7022", "7111", "7311", "6622", "6910")
LETTERBOX_BRANCHES = ("7022", "4791", "6201", "4120", "8121", "4941", "6420", "9602", "4520")
HOME_BRANCHES = ("4334", "8121", "4932", "6201", "7022", "4791")

# Trade-name templates per SBI code; {S} surname, {F} first name, {W} a word, {T} the town.
NAME_TEMPLATES = {
    "4711": ("Supermarkt {W}", "{S} Supermarkt", "Buurtsuper {W}"),
    "4724": ("Bakkerij {S}", "Warme Bakker {F}", "Broodhuys {W}"),
    "4771": ("Boutique {F}", "Mode {W}", "{S} Mode"),
    "4791": ("{W} Webshop", "{F}s Webwinkel", "{W} Online"),
    "6201": ("{W} Software", "{S} IT", "{W} Digital"),
    "6202": ("{S} ICT Advies", "{W} IT Consultancy", "{F} ICT"),
    "6920": ("Administratiekantoor {S}", "{S} Accountants", "{W} Belastingadvies"),
    "7022": ("{S} Advies", "{W} Consultancy", "{F} Coaching"),
    "7111": ("Architectenbureau {S}", "{W} Architecten"),
    "7311": ("{W} Reclame", "Bureau {W}"),
    "7420": ("{F} Fotografie", "Fotostudio {W}"),
    "8559": ("Bijles {F}", "{W} Trainingen", "Rijschool {S}"),
    "8690": ("Praktijk {S}", "{F} Massage en Therapie"),
    "4120": ("Bouwbedrijf {S}", "{S} Bouw", "{W} Bouw"),
    "4321": ("Elektro {S}", "{S} Installatietechniek"),
    "4334": ("Schildersbedrijf {S}", "{F} Schilderwerken"),
    "4941": ("Transportbedrijf {S}", "{W} Logistiek"),
    "4932": ("Taxi {W}", "{T} Taxi", "Taxicentrale {S}"),
    "9001": ("{F} Muziek", "Theatergroep {W}"),
    "8121": ("Schoonmaakbedrijf {S}", "{W} Schoonmaak"),
    "4511": ("Autobedrijf {S}", "{W} Auto's"),
    "1071": ("Bakkerij {S}", "Banketbakkerij {W}"),
    "6622": ("Assurantiekantoor {S}", "{W} Verzekeringen"),
    "6910": ("Advocatenkantoor {S}", "{S} Juristen"),
    "8891": ("Kinderopvang {W}", "Kinderdagverblijf {W}"),
    "9499": ("Stichting {W}", "Stichting Vrienden van {T}"),
    "9312": ("Voetbalvereniging {T}", "Tennisvereniging {W}", "Zwemvereniging {W}"),
    "6420": ("{S} Holding",),
    "9602": ("Kapsalon {S}", "Hair by {F}", "Nagelstudio {F}", "Beautysalon {W}",
             "Barbershop {W}"),
    "4520": ("Garage {S}", "Autowasstraat {W}", "{W} Carwash", "Autoservice {W}"),
    "8122": ("Glazenwassersbedrijf {S}", "{W} Glasbewassing", "Glazenwasserij {F}"),
    "5610": ("Restaurant {W}", "Eetcafé {W}", "Cafetaria {W}", "Lunchroom {F}",
             "Grillroom {W}", "Snackbar {W}"),
    "5630": ("Café {W}", "Bar {W}", "Café {S}"),
    "4778": ("{W} Telecom", "Vapeshop {W}", "Belwinkel {W}"),
    "6820": ("{S} Vastgoed", "{W} Vastgoed", "{S} Onroerend Goed"),
    "4719": ("Minimarkt {W}", "Toko {W}", "Avondwinkel {W}"),
    "9313": ("Sportschool {W}", "{W} Fitness", "Gym {W}"),
}
NAME_WORDS = (
    "De Zaan", "Centrum", "Het Hoekje", "De Molen", "Zuid", "Oost", "Amigo", "Royal", "Prima",
    "Top", "Express", "Noord", "De Kade", "Het Anker", "De Sluis", "Sunshine", "Golden",
    "Fresh", "De Linde", "Happy", "Smart", "Bright", "Victory", "De Eendracht", "Zaanland",
)

CATEGORIES = (
    "woonoverlast", "overbewoning", "adresfraude", "illegale kamerverhuur", "hennep", "drugs",
    "prostitutie", "uitbuiting", "ondermijning", "overig",
)
CATEGORY_WEIGHTS = (40, 5, 8, 4, 3, 8, 2, 2, 5, 23)
SOURCES_BY_CATEGORY = {
    "woonoverlast": ("KCC", "burger", "woningcorporatie", "BOA", "politie"),
    "overbewoning": ("KCC", "burger", "woningcorporatie", "handhaving", "LAA"),
    "adresfraude": ("LAA", "belastingdienst", "KCC", "woningcorporatie"),
    "illegale kamerverhuur": ("woningcorporatie", "burger", "handhaving", "KCC"),
    "hennep": ("politie", "burger", "netbeheerder", "woningcorporatie"),
    "drugs": ("politie", "burger", "BOA"),
    "prostitutie": ("politie", "burger"),
    "uitbuiting": ("politie", "MMA", "handhaving"),
    "ondermijning": ("politie", "belastingdienst", "handhaving", "MMA"),
    "overig": ("KCC", "burger", "BOA"),
}
DESCRIPTIONS = {
    "woonoverlast": ("Geluidsoverlast tot laat in de nacht.", "Veel afval naast de container.",
                     "Ruzie en geschreeuw in de woning.", "Stankoverlast in het trappenhuis."),
    "overbewoning": ("Veel wisselende bewoners, naar schatting {n} personen.",
                     "Matrassen bij het grofvuil, steeds nieuwe gezichten.",
                     "Busjes halen 's ochtends groepen mannen op, circa {n} bewoners."),
    "adresfraude": ("Post voor veel verschillende namen op dit adres.",
                    "Ingeschreven persoon woont hier volgens buren niet.",
                    "Vermoeden dat iemand hier woont zonder inschrijving."),
    "illegale kamerverhuur": ("Woning wordt per kamer verhuurd, {n} huurders.",
                              "Advertentie voor kamers op dit adres gezien.",
                              "Sloten op de binnendeuren, steeds andere bewoners."),
    "hennep": ("Sterke hennepgeur bij de woning.", "Ramen altijd afgeplakt, warmte op het dak.",
               "Zoemend geluid en condens op de ramen."),
    "drugs": ("Veel kortstondig bezoek aan de deur.", "Vermoeden van drugshandel vanuit pand."),
    "prostitutie": ("Vermoeden van prostitutie in woning.",),
    "uitbuiting": ("Arbeidsmigranten lijken hier onder slechte omstandigheden te wonen.",),
    "ondermijning": ("Bedrijf lijkt weinig klanten te hebben maar veel contant geld.",
                     "Vaak wisselende eigenaren van dit bedrijf.",
                     "Dure auto's bij een zaak zonder omzet."),
    "overig": ("Melding over onderhoud van de woning.", "Verwaarloosde tuin.",
               "Vraag over vergunning."),
}
# Free text is untrusted input: a few signals carry markup, quotes and separators on purpose.
UNTRUSTED_TEXTS = (
    'Melder zegt: "ze zijn er weer"; <b>dringend</b> <script>alert(1)</script>',
    "Buurman: 'kijk maar op marktplaats' -- }) MATCH (n) DETACH DELETE n //",
    "Twee meldingen;\nzelfde adres, zelfde busje",
)
RELIABILITY = ("hoog", "midden", "laag", "")

CASE_TYPES_ADDRESS = ("controle woonfraude", "controle overbewoning", "handhaving kamerverhuur")
RESULTS = ("overtreding", "geen overtreding", "onbekend")
