"""Every indicator threshold in one place, each with the reason for its value.

Indicators (`catalogue.py`) pick these up by name; the scoring weights are separate (they are
calibrated on case outcomes, thresholds are not). Change a value here, not in a query.
"""

from __future__ import annotations

from investigations.indicators.model import Threshold

# --- windows ---------------------------------------------------------------------------------
RECENT_DAYS = Threshold(730, "Meldingen en verhuizingen van de laatste twee jaar: oudere feiten "
                             "zeggen weinig over de huidige bewoning, en twee jaar dekt een "
                             "huurcontract met wisselende huurders.")
COMPANY_YEARS = Threshold(5, "Bedrijven die in de laatste vijf jaar actief waren: de termijn "
                             "waarover Bibob- en RIEC-onderzoek gewoonlijk terugkijkt.")

# --- occupancy ------------------------------------------------------------------------------
M2_PER_PERSON = Threshold(12, "Minder dan 12 m² gebruiksoppervlak per ingeschreven bewoner is "
                              "de gangbare norm voor overbewoning in huisvestingsverordeningen.")
M2_FULL = Threshold(4, "Bij 4 m² per persoon of minder is er geen twijfel meer: volle sterkte.")
MIN_PERSONS = Threshold(3, "Een of twee personen in een kleine studio is gewoon; pas vanaf drie "
                           "ingeschrevenen zegt de oppervlakte iets.")
MIN_ADULTS = Threshold(4, "Vier of meer volwassenen: meer dan een stel met inwonende "
                          "volwassen kinderen of een gewoon tweepersoons-woningdelen.")
MIN_FAMILY_NAMES = Threshold(3, "Drie of meer achternamen onder de volwassenen: minstens drie "
                                "huishoudens, waarvoor gemeenten een omzettingsvergunning "
                                "(kamerverhuur) vragen.")
ROOM_PERMITS = Threshold(("omzettingsvergunning", "verhuurvergunning", "kamerverhuurvergunning"),
                         "Een verleende vergunning voor kamerverhuur verklaart veel "
                         "volwassenen en wisselende bewoners (bijv. een studentenhuis). Een "
                         "omzettingsvergunning hoort bij het pand en vervalt niet met een "
                         "einddatum, dus een verleende telt ook na geldig_tot.")
MAX_STAY_DAYS = Threshold(183, "Een inschrijving die binnen een half jaar eindigt is een kort "
                               "verblijf: korter dan welk gewoon huurcontract ook.")
MIN_SHORT_STAYS = Threshold(2, "Eén kort verblijf kan toeval zijn (een logé, een scheiding); "
                               "twee of meer op één adres binnen twee jaar is een patroon.")
MIN_LEFT_NAMES = Threshold(3, "Een gezin dat verhuist vertrekt met één of twee achternamen; drie "
                              "of meer verschillende vertrokken volwassenen is verloop.")

# --- companies ------------------------------------------------------------------------------
MIN_COMPANIES_DWELLING = Threshold(3, "Eén of twee bedrijven aan huis (zzp'er, een stel) is "
                                      "gewoon; drie of meer op een woning duidt op een "
                                      "postbusadres.")
MIN_COMPANIES_ADDRESS = Threshold(5, "Vijf of meer bedrijven op één pand zonder kantoorfunctie. "
                                     "Een bedrijfsverzamelgebouw (kantoorfunctie) is daarvoor "
                                     "bedoeld en telt niet mee.")
MAX_LIFE_DAYS = Threshold(548, "Een bedrijf dat binnen anderhalf jaar na oprichting is "
                               "opgeheven noemen we kortlevend: korter dan één volledig "
                               "boekjaar plus de aangiftetermijn.")
MIN_SHORT_LIVED = Threshold(2, "Twee of meer kortlevende bedrijven (op één adres, of met één "
                               "bestuurder): het patroon van katvangers en doorstartconstructies.")
MIN_SHORT_LIVED_SHARE = Threshold(0.3, "Een paar snel opgeheven bedrijven horen bij elk "
                                        "bedrijfsverzamelgebouw; pas als minstens drie op de "
                                        "tien bedrijven op het adres kortlevend zijn, is het een "
                                        "patroon.")
RISK_BRANCHES = Threshold(
    ("9602", "4520", "8122", "5610", "5630", "4719", "4778", "6820", "9313"),
    "SBI-codes die RIEC's en Bibob-bureaus als risicobranche noemen: kapsalons en nagelstudio's, "
    "autowasstraten en garages, glazenwassers, horeca, minisupermarkten, belwinkels, "
    "vastgoedverhuur en sportscholen (kasgeld-intensief of vergunningplichtig).")
RISK_YOUNG_YEARS = Threshold(3, "Een risicobranche-bedrijf jonger dan drie jaar weegt vol; een "
                                "zaak die al jaren bestaat is zelden een witwasfront.")
REQUIRED_PERMITS = Threshold(
    {"5610": ["exploitatievergunning"], "5630": ["exploitatievergunning"],
     "8122": ["glazenwassersvergunning"]},
    "Horeca heeft een exploitatievergunning nodig (APV), glazenwassers een "
    "glazenwassersvergunning; kamerverhuur zonder vergunning vangt 'veel_volwassenen'.")
PERMIT_GRACE_DAYS = Threshold(90, "Een nieuw bedrijf krijgt drie maanden om de vergunning aan "
                                  "te vragen voor het ontbreken ervan telt.")
BIBOB_ADVICE = Threshold({"ernstig gevaar": 1.0, "mate van gevaar": 0.7},
                         "Een Bibob-advies 'ernstig gevaar' weegt vol; 'mate van gevaar' "
                         "(weigeren of voorschriften) iets minder.")

# --- utilities and vacancy ------------------------------------------------------------------
KWH_RATIO = Threshold(3.0, "Drie keer het mediane stroomverbruik van woningen met evenveel "
                           "bewoners: ruim boven de spreiding van gewone huishoudens, waarvan "
                           "zelden één op twintig boven het dubbele uitkomt.")
KWH_MIN = Threshold(6000, "Onder 6.000 kWh per jaar kan elk huishouden uitkomen (elektrisch "
                          "koken, warmtepomp, laadpaal); daaronder nooit een vlag.")
KWH_FULL_RATIO = Threshold(12.0, "Twaalf keer het gewone verbruik (tientallen duizenden kWh) "
                                 "is het verbruik van kweeklampen: volle sterkte.")
ACTIVE_KWH = Threshold(1500, "Een leegstaande woning verbruikt enkele honderden kWh "
                             "(sluipverbruik); vanaf 1.500 kWh woont of werkt er iemand.")
ACTIVE_WATER = Threshold(25, "Ruim de helft van het waterverbruik van één bewoner (zo'n 45 m³ "
                             "per jaar): in een lege woning gebruikt niemand dat.")

# --- signals --------------------------------------------------------------------------------
RISK_CATEGORIES = Threshold(
    ("overbewoning", "adresfraude", "illegale kamerverhuur", "hennep", "drugs", "prostitutie",
     "uitbuiting", "ondermijning"),
    "Categorieën die over de bewoning of het gebruik van het adres gaan; woonoverlast en "
    "overig zeggen daar weinig over.")
IGNORED_CATEGORIES = Threshold(("overig",), "Meldingen 'overig' (onderhoud, vragen) tellen niet "
                                            "mee in een cluster.")
CLUSTER_DAYS = Threshold(180, "Meldingen binnen een half jaar van elkaar horen bij dezelfde "
                              "situatie; verder uit elkaar kunnen het losse voorvallen zijn.")
MIN_CLUSTER = Threshold(2, "Twee meldingen over hetzelfde adres binnen een half jaar zijn bij "
                           "een gewoon adres zeldzaam; één melding kan iedereen overkomen.")
LOW_RELIABILITY = Threshold(("laag",), "Meldingen met betrouwbaarheid 'laag' tellen niet als "
                                       "risicomelding.")
REGISTRATION_GRACE_DAYS = Threshold(90, "Wie er vanaf drie maanden vóór de melding tot nu stond "
                                        "ingeschreven, telt als bewoner: net vertrokken of net "
                                        "ingeschreven is geen adresfraude.")

# --- owners ---------------------------------------------------------------------------------
MIN_DWELLINGS = Threshold(3, "Drie of meer woningen: een verhuurder, geen eigenaar-bewoner "
                             "met één extra woning.")
MIN_DWELLINGS_SIGNALS = Threshold(2, "Twee of meer van die woningen met een risicomelding: "
                                     "geen toeval bij één huurder.")
MIN_SHARE_SIGNALS = Threshold(0.2, "Minstens een vijfde van de woningen met meldingen: een "
                                   "woningcorporatie met duizenden woningen heeft altijd wel "
                                   "meldingen, maar naar verhouding weinig.")
