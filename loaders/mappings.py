"""One declared mapping per source file: which columns, how to parse them, what they become.

These are data, run by the one engine in `loaders.validate`. Property names are the graph
model's; contract column names are the registries' own (see DATA_CONTRACT.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loaders import normalise as n
from loaders.address import address_lookup_key

Props = dict[str, Any]
# A failed row check names the contract column to blame and why.
Failure = tuple[str, str]

@dataclass(frozen=True)
class Column:
    """One contract column: its name in the file, its graph property and its parser."""

    name: str
    prop: str
    parse: Callable[[str], Any]
    required: bool = True


@dataclass(frozen=True)
class RowCheck:
    """A rule over a whole parsed row, e.g. an end date not before the start."""

    name: str
    test: Callable[[Props], list[Failure]]


@dataclass(frozen=True)
class Derived:
    """Properties computed from parsed ones (lat/lon from x/y); `blame` names the columns used."""

    name: str
    blame: str
    compute: Callable[[Props], Props]


@dataclass(frozen=True)
class SourceMapping:
    """How one source file (by stem, e.g. `meldingen`) becomes rows of graph properties."""

    source: str
    title: str
    columns: tuple[Column, ...]
    # Contract columns whose normalised values identify a row; empty: the record number.
    row_key: tuple[str, ...]
    checks: tuple[RowCheck, ...] = ()
    derived: tuple[Derived, ...] = ()

    @property
    def stem(self) -> str:
        """The file name without extension, e.g. `meldingen`."""
        return self.source

    @property
    def column_names(self) -> list[str]:
        """All contract column names, in declared order."""
        return [column.name for column in self.columns]

    def column(self, name: str) -> Column:
        """The declared column called `name`."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def opt(name: str, prop: str, parse: Callable[[str], Any]) -> Column:
    """An optional column: it may be absent from the file and its cells may be empty."""
    return Column(name, prop, parse, required=False)


# --- row checks --------------------------------------------------------------------------------


def not_before(start: Column, end: Column) -> RowCheck:
    """The end of a period may not lie before its start (both present)."""

    def test(props: Props) -> list[Failure]:
        first, last = props.get(start.prop), props.get(end.prop)
        if first is not None and last is not None and last < first:
            return [(end.name, f"{end.name} {last} is before {start.name} {first}")]
        return []

    return RowCheck(f"{end.name} >= {start.name}", test)


def _officer_identified(props: Props) -> list[Failure]:
    # A company officer is a company (its KvK number) or a natural person we can tell apart from
    # namesakes, which needs at least the surname and the date of birth.
    if props.get("officerKvkNumber"):
        return []
    return [
        (column, f"{column} is required when functionaris_kvk_nummer is empty")
        for column, prop in (("geslachtsnaam", "surname"), ("geboortedatum", "birthDate"))
        if props.get(prop) is None
    ]


def _one_owner(props: Props) -> list[Failure]:
    bsn, kvk = props.get("ownerBsn"), props.get("ownerKvkNumber")
    if bsn and kvk:
        reason = "both eigenaar_bsn and eigenaar_kvk_nummer are set: give exactly one owner"
        return [("eigenaar_kvk_nummer", reason)]
    if not bsn and not kvk:
        return [("eigenaar_bsn", "no owner: set eigenaar_bsn or eigenaar_kvk_nummer")]
    return []


# --- derived properties ------------------------------------------------------------------------


def _lat_lon(props: Props) -> Props:
    lat, lon = n.rd_to_wgs84(props["x"], props["y"])
    return {"lat": lat, "lon": lon}


def _address_key(props: Props) -> Props:
    key = address_lookup_key(
        props["postcode"],
        props["houseNumber"],
        props.get("houseLetter"),
        props.get("houseNumberAddition"),
    )
    return {"addressKey": key}


def _share_fraction(props: Props) -> Props:
    value = props.get("share")
    return {"shareFraction": None if value is None else n.share_fraction(value)}


LAT_LON = Derived("lat/lon from RD x/y", "x", _lat_lon)
ADDRESS_KEY = Derived("exact address key", "postcode", _address_key)
SHARE_FRACTION = Derived("share as a number", "aandeel", _share_fraction)

# --- the mappings ------------------------------------------------------------------------------

GESLACHT = n.enum("M", "V", "O")
SOORT_ADRES = n.enum("W", "B")
FUNCTIE = n.enum(
    "bestuurder", "eigenaar", "vennoot", "gevolmachtigde", "aandeelhouder", "commissaris"
)
VERGUNNING_STATUS = n.enum("aangevraagd", "verleend", "geweigerd", "ingetrokken")
BIBOB = n.enum("geen", "aangevraagd", "geen ernstig gevaar", "mate van gevaar", "ernstig gevaar")
CATEGORIE = n.enum(
    "woonoverlast", "overbewoning", "adresfraude", "illegale kamerverhuur", "hennep", "drugs",
    "prostitutie", "uitbuiting", "ondermijning", "overig",
)
BETROUWBAARHEID = n.enum("hoog", "midden", "laag")
ZAAK_STATUS = n.enum("open", "gesloten")
RESULTAAT = n.enum("overtreding", "geen overtreding", "onbekend")

BRP_START = Column("datum_aanvang", "start", n.iso_date)
BRP_END = opt("datum_einde", "end", n.iso_date)
KVK_FOUNDED = Column("datum_oprichting", "founded", n.iso_date)
KVK_DISSOLVED = opt("datum_opheffing", "dissolved", n.iso_date)
ROLE_START = Column("datum_aanvang", "start", n.iso_date)
ROLE_END = opt("datum_einde", "end", n.iso_date)
PERMIT_FROM = opt("geldig_van", "validFrom", n.iso_date)
PERMIT_TO = opt("geldig_tot", "validTo", n.iso_date)
CASE_START = Column("datum_start", "start", n.iso_date)
CASE_END = opt("datum_einde", "end", n.iso_date)
OWNED_FROM = Column("datum_aanvang", "start", n.iso_date)
OWNED_TO = opt("datum_einde", "end", n.iso_date)

BAG = SourceMapping(
    "bag_verblijfsobjecten",
    "BAG addresses and dwellings",
    (
        Column("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        Column("verblijfsobject_id", "verblijfsobjectId", n.verblijfsobject_id),
        Column("pand_id", "pandId", n.pand_id),
        Column("openbare_ruimte", "street", n.text),
        Column("huisnummer", "houseNumber", n.house_number),
        opt("huisletter", "houseLetter", n.house_letter),
        opt("huisnummertoevoeging", "houseNumberAddition", n.house_number_addition),
        Column("postcode", "postcode", n.postcode),
        Column("woonplaats", "city", n.text),
        Column("gebruiksdoel", "uses", n.uses),
        Column("oppervlakte", "floorArea", n.non_negative_integer),
        Column("status", "status", n.text),
        Column("bouwjaar", "buildYear", n.year),
        Column("x", "x", n.rd_x),
        Column("y", "y", n.rd_y),
        Column("buurtcode", "buurtcode", n.buurtcode),
        Column("buurtnaam", "buurtName", n.text),
        Column("wijkcode", "wijkcode", n.wijkcode),
        Column("gemeentecode", "gemeentecode", n.gemeentecode),
    ),
    row_key=("nummeraanduiding_id",),
    derived=(LAT_LON, ADDRESS_KEY),
)

BRP = SourceMapping(
    "brp_inschrijvingen",
    "BRP registrations: who is registered where, when",
    (
        Column("bsn", "bsn", n.bsn),
        Column("voornamen", "firstNames", n.text),
        opt("voorvoegsel", "prefix", n.text),
        Column("geslachtsnaam", "surname", n.text),
        Column("geboortedatum", "birthDate", n.iso_date),
        Column("geslacht", "gender", GESLACHT),
        Column("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        BRP_START,
        BRP_END,
        Column("soort_adres", "kind", SOORT_ADRES),
    ),
    row_key=("bsn", "nummeraanduiding_id", "datum_aanvang"),
    checks=(not_before(BRP_START, BRP_END),),
)

KVK_VESTIGINGEN = SourceMapping(
    "kvk_vestigingen",
    "KvK companies and establishments",
    (
        Column("kvk_nummer", "kvkNumber", n.kvk_number),
        opt("vestigingsnummer", "establishmentNumber", n.establishment_number),
        Column("handelsnaam", "name", n.text),
        Column("rechtsvorm", "legalForm", n.text),
        Column("sbi_code", "sbiCode", n.sbi_code),
        Column("sbi_omschrijving", "sbiDescription", n.text),
        KVK_FOUNDED,
        KVK_DISSOLVED,
        Column("straat", "street", n.text),
        Column("huisnummer", "houseNumber", n.house_number),
        opt("huisletter", "houseLetter", n.house_letter),
        opt("huisnummertoevoeging", "houseNumberAddition", n.house_number_addition),
        Column("postcode", "postcode", n.postcode),
        Column("plaats", "city", n.text),
        opt("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
    ),
    row_key=("kvk_nummer", "vestigingsnummer"),
    checks=(not_before(KVK_FOUNDED, KVK_DISSOLVED),),
    derived=(ADDRESS_KEY,),
)

KVK_FUNCTIONARISSEN = SourceMapping(
    "kvk_functionarissen",
    "KvK officers and owners",
    (
        Column("kvk_nummer", "kvkNumber", n.kvk_number),
        Column("functie", "role", FUNCTIE),
        opt("voornamen", "firstNames", n.text),
        opt("voorvoegsel", "prefix", n.text),
        opt("geslachtsnaam", "surname", n.text),
        opt("geboortedatum", "birthDate", n.iso_date),
        opt("functionaris_kvk_nummer", "officerKvkNumber", n.kvk_number),
        ROLE_START,
        ROLE_END,
    ),
    row_key=(),  # no natural key: an officer may hold the same role twice
    checks=(RowCheck("officer identified", _officer_identified), not_before(ROLE_START, ROLE_END)),
)

VERGUNNINGEN = SourceMapping(
    "vergunningen",
    "Permits",
    (
        Column("vergunning_id", "permitId", n.text),
        Column("soort", "kind", n.lower_text),
        Column("status", "status", VERGUNNING_STATUS),
        Column("datum_besluit", "decisionDate", n.iso_date),
        PERMIT_FROM,
        PERMIT_TO,
        Column("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        opt("houder_kvk_nummer", "holderKvkNumber", n.kvk_number),
        opt("houder_bsn", "holderBsn", n.bsn),
        opt("bibob", "bibob", BIBOB),
    ),
    row_key=("vergunning_id",),
    checks=(not_before(PERMIT_FROM, PERMIT_TO),),
)

MELDINGEN = SourceMapping(
    "meldingen",
    "Signals",
    (
        Column("melding_id", "signalId", n.text),
        Column("bron", "channel", n.text),
        Column("categorie", "category", CATEGORIE),
        Column("datum", "date", n.iso_date),
        opt("omschrijving", "description", n.verbatim),
        opt("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        opt("adres", "addressText", n.text),
        opt("betrokkene_naam", "personName", n.text),
        opt("betrokkene_geboortedatum", "personBirthDate", n.iso_date),
        opt("betrokkene_kvk_nummer", "kvkNumber", n.kvk_number),
        opt("betrouwbaarheid", "reliability", BETROUWBAARHEID),
    ),
    row_key=("melding_id",),
)

ZAKEN = SourceMapping(
    "zaken",
    "Cases from the zaaksysteem",
    (
        Column("zaak_id", "caseId", n.text),
        Column("zaaktype", "caseType", n.text),
        Column("status", "status", ZAAK_STATUS),
        CASE_START,
        CASE_END,
        opt("resultaat", "result", RESULTAAT),
        opt("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        opt("bsn", "bsn", n.bsn),
        opt("kvk_nummer", "kvkNumber", n.kvk_number),
    ),
    row_key=("zaak_id",),
    checks=(not_before(CASE_START, CASE_END),),
)

VERBRUIK = SourceMapping(
    "verbruik",
    "Utility use per address per year",
    (
        Column("nummeraanduiding_id", "nummeraanduidingId", n.nummeraanduiding_id),
        Column("jaar", "year", n.year),
        # Net electricity use can be negative with solar panels, so no sign check here.
        opt("elektriciteit_kwh", "electricityKwh", n.number),
        opt("gas_m3", "gasM3", n.number),
        opt("water_m3", "waterM3", n.number),
    ),
    row_key=("nummeraanduiding_id", "jaar"),
)

BRK = SourceMapping(
    "brk_eigendom",
    "Kadaster ownership and WOZ value",
    (
        Column("verblijfsobject_id", "verblijfsobjectId", n.verblijfsobject_id),
        opt("eigenaar_bsn", "ownerBsn", n.bsn),
        opt("eigenaar_kvk_nummer", "ownerKvkNumber", n.kvk_number),
        opt("aandeel", "share", n.share),
        OWNED_FROM,
        OWNED_TO,
        opt("woz_waarde", "wozValue", n.non_negative_integer),
    ),
    # Only one of the two owner columns is filled, so the pair identifies the owner.
    row_key=("verblijfsobject_id", "eigenaar_bsn", "eigenaar_kvk_nummer", "datum_aanvang"),
    checks=(RowCheck("exactly one owner", _one_owner), not_before(OWNED_FROM, OWNED_TO)),
    derived=(SHARE_FRACTION,),
)

BUURT_CIJFERS = SourceMapping(
    "buurt_cijfers",
    "Figures per neighbourhood",
    (
        Column("buurtcode", "buurtcode", n.buurtcode),
        Column("periode", "period", n.period),
        Column("bron", "channel", n.text),
        Column("categorie", "category", n.text),
        Column("waarde", "value", n.number),
    ),
    row_key=("buurtcode", "periode", "bron", "categorie"),
)

LOAD_ORDER = (
    "bag_verblijfsobjecten",
    "brp_inschrijvingen",
    "kvk_vestigingen",
    "kvk_functionarissen",
    "brk_eigendom",
    "vergunningen",
    "meldingen",
    "zaken",
    "verbruik",
    "buurt_cijfers",
)

MAPPINGS: dict[str, SourceMapping] = {
    mapping.source: mapping
    for mapping in (
        BAG, BRP, KVK_VESTIGINGEN, KVK_FUNCTIONARISSEN, BRK,
        VERGUNNINGEN, MELDINGEN, ZAKEN, VERBRUIK, BUURT_CIJFERS,
    )
}
