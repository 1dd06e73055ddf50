"""A tiny hand-made municipality covering every source file, for precise loader tests.

Written by code (not committed as files) so a test can change one cell and write a "newer export".
Two buildings, four addresses, three BRP persons, two companies, and one of everything else.
"""

from __future__ import annotations

import csv
from pathlib import Path

BAG = [
    ["nummeraanduiding_id", "verblijfsobject_id", "pand_id", "openbare_ruimte", "huisnummer",
     "huisletter", "huisnummertoevoeging", "postcode", "woonplaats", "gebruiksdoel", "oppervlakte",
     "status", "bouwjaar", "x", "y", "buurtcode", "buurtnaam", "wijkcode", "gemeentecode"],
    ["0479200000000001", "0479010000000001", "0479100000000001", "Kerkstraat", "12", "", "2",
     "1501 ab", "Zaandam", "woonfunctie", "45", "Verblijfsobject in gebruik", "1930", "115000",
     "495000", "BU04790101", "Centrum", "WK047901", "GM0479"],
    ["0479200000000002", "0479010000000002", "0479100000000001", "Kerkstraat", "14", "A", "",
     "1501AB", "Zaandam", "woonfunctie|winkelfunctie", "80", "Verblijfsobject in gebruik", "1930",
     "115010", "495010", "BU04790101", "Centrum", "WK047901", "GM0479"],
    ["0479200000000003", "0479010000000003", "0479100000000002", "Dorpsweg", "3", "", "",
     "1502CD", "Zaandam", "kantoorfunctie", "300", "Verblijfsobject in gebruik", "1995",
     "115500", "495500", "BU04790102", "Oost", "WK047901", "GM0479"],
    ["0479200000000004", "0479010000000004", "0479100000000002", "Dorpsweg", "5", "", "",
     "1502CD", "Zaandam", "woonfunctie", "120", "Verblijfsobject in gebruik", "1995",
     "115510", "495510", "BU04790102", "Oost", "WK047901", "GM0479"],
]
BRP = [
    ["bsn", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum", "geslacht",
     "nummeraanduiding_id", "datum_aanvang", "datum_einde", "soort_adres"],
    ["123456782", "Jan", "van der", "Berg", "1981-03-04", "M", "0479200000000001", "2020-01-01", "", "W"],
    ["123456782", "Jan", "van der", "Berg", "1981-03-04", "M", "0363200000000009", "2010-01-01",
     "2019-12-31", "W"],
    ["111222333", "Piet", "", "Jansen", "1990-01-01", "M", "0479200000000001", "2021-01-01", "", "W"],
    ["999999990", "Fatma", "", "Yilmaz", "1975-06-30", "V", "0479200000000004", "2015-05-05", "", "W"],
]
KVK = [
    ["kvk_nummer", "vestigingsnummer", "handelsnaam", "rechtsvorm", "sbi_code", "sbi_omschrijving",
     "datum_oprichting", "datum_opheffing", "straat", "huisnummer", "huisletter",
     "huisnummertoevoeging", "postcode", "plaats", "nummeraanduiding_id"],
    ["12345678", "000012345678", "Kapsalon Jan", "Eenmanszaak", "9602",
     "Haar- en schoonheidsverzorging", "2024-01-01", "", "Kerkstraat", "14", "a", "", "1501 AB",
     "Zaandam", ""],
    ["87654321", "000087654321", "Beheer BV", "BV", "6820", "Verhuur van onroerend goed",
     "2018-02-01", "", "Dorpsweg", "3", "", "", "1502CD", "Zaandam", "0479200000000003"],
    ["11112222", "000011112222", "Wasstraat Oost", "VOF", "4520", "Autoreparatie", "2025-01-01",
     "", "Nergensweg", "99", "", "", "9999ZZ", "Elders", ""],
]
OFFICERS = [
    ["kvk_nummer", "functie", "voornamen", "voorvoegsel", "geslachtsnaam", "geboortedatum",
     "functionaris_kvk_nummer", "datum_aanvang", "datum_einde"],
    ["12345678", "eigenaar", "J.", "van der", "Berg", "1981-03-04", "", "2024-01-01", ""],
    ["87654321", "bestuurder", "J.", "van der", "Berg", "1981-03-04", "", "2018-02-01", ""],
    ["11112222", "vennoot", "", "", "", "", "87654321", "2025-01-01", ""],
]
PERMITS = [
    ["vergunning_id", "soort", "status", "datum_besluit", "geldig_van", "geldig_tot",
     "nummeraanduiding_id", "houder_kvk_nummer", "houder_bsn", "bibob"],
    ["V-1", "exploitatievergunning", "aangevraagd", "2024-01-10", "", "", "0479200000000002",
     "12345678", "", "aangevraagd"],
    ["V-2", "omzettingsvergunning", "verleend", "2016-01-10", "2016-02-01", "", "0479200000000004",
     "", "999999990", "geen"],
]
SIGNALS = [
    ["melding_id", "bron", "categorie", "datum", "omschrijving", "nummeraanduiding_id", "adres",
     "betrokkene_naam", "betrokkene_geboortedatum", "betrokkene_kvk_nummer", "betrouwbaarheid"],
    ["M1", "KCC", "overbewoning", "2025-05-01", "<script>alert(1)</script> veel fietsen", "",
     "Kerkstraat 12-2, 1501 AB Zaandam", "Jan vd Berg", "", "", "hoog"],
    ["M2", "politie", "hennep", "2025-06-01", "", "0479200000000004", "", "", "", "", "midden"],
    ["M3", "burger", "woonoverlast", "2025-07-01", "", "", "Onbekendelaan 1, 9999 AA Nergens", "",
     "", "12345678", "laag"],
]
CASES = [
    ["zaak_id", "zaaktype", "status", "datum_start", "datum_einde", "resultaat",
     "nummeraanduiding_id", "bsn", "kvk_nummer"],
    ["Z1", "controle overbewoning", "gesloten", "2025-05-10", "2025-06-10", "overtreding",
     "0479200000000001", "123456782", ""],
]
USE = [
    ["nummeraanduiding_id", "jaar", "elektriciteit_kwh", "gas_m3", "water_m3"],
    ["0479200000000001", "2024", "2500", "900", "60"],
    ["0479200000000004", "2024", "41000", "", "70"],
]
BRK = [
    ["verblijfsobject_id", "eigenaar_bsn", "eigenaar_kvk_nummer", "aandeel", "datum_aanvang",
     "datum_einde", "woz_waarde"],
    ["0479010000000001", "", "87654321", "1/1", "2019-01-01", "", "245000"],
    ["0479010000000004", "999999990", "", "1/2", "2015-05-01", "", "390000"],
]
FIGURES = [
    ["buurtcode", "periode", "bron", "categorie", "waarde"],
    ["BU04790101", "2026-W14", "politie", "vermogensdelicten", "3"],
    ["BU04790102", "2026", "CBS", "inwoners", "1200"],
]
FILES: dict[str, list[list[str]]] = {
    "bag_verblijfsobjecten": BAG, "brp_inschrijvingen": BRP, "kvk_vestigingen": KVK,
    "kvk_functionarissen": OFFICERS, "vergunningen": PERMITS, "meldingen": SIGNALS,
    "zaken": CASES, "verbruik": USE, "brk_eigendom": BRK, "buurt_cijfers": FIGURES,
}

# What the loaded graph must hold: every row accounted for by hand.
NODES = {
    "Address": 5,  # 4 in BAG + 1 outside (the earlier BRP address in 0363)
    "Building": 2, "Neighbourhood": 2,
    "Person": 5,  # 3 BRP + 1 KvK officer record (two rows, one person) + 1 named in a signal
    "Company": 3, "Permit": 2, "Signal": 3, "Case": 1, "UtilityUse": 2, "NeighbourhoodFigure": 2,
}
RELATIONSHIPS = {
    "IN_BUILDING": 4, "IN_NEIGHBOURHOOD": 4, "REGISTERED_AT": 4,
    "ESTABLISHED_AT": 2,  # Wasstraat Oost's address is not in the BAG: reported, not linked
    "OFFICER_OF": 3, "FOR_ADDRESS": 4,  # 2 permits + 2 utility uses
    "HELD_BY": 2, "ABOUT": 4,  # M1 address + person, M2 address, M3 company (its address unmatched)
    "CONCERNS": 2, "OWNS": 2, "FOR_NEIGHBOURHOOD": 2,
}


def write_csv(path: Path, rows: list[list[str]], sep: str = ";", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=sep).writerows(rows)
    return path


def write_town(folder: Path, files: dict[str, list[list[str]]] | None = None) -> Path:
    """Write the town (or the given variant of it) as `;`-separated UTF-8 CSV files."""
    folder.mkdir(parents=True, exist_ok=True)
    for stem, rows in (files or FILES).items():
        write_csv(folder / f"{stem}.csv", rows)
    return folder
