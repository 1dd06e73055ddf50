"""Small value validators: each takes the raw text of one cell and returns a clean value.

Every parser raises `ValueError` with a reason in plain words, which ends up in the reject file.
Parsers are only called on non-empty cells: an empty cell means "unknown" and is handled by the
validation engine, never turned into zero here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import Any

from pyproj import Transformer

Parser = Callable[[str], Any]

BAG_USES = frozenset(
    {
        "woonfunctie",
        "bijeenkomstfunctie",
        "celfunctie",
        "gezondheidszorgfunctie",
        "industriefunctie",
        "kantoorfunctie",
        "logiesfunctie",
        "onderwijsfunctie",
        "sportfunctie",
        "winkelfunctie",
        "overige gebruiksfunctie",
    }
)

# The extent of RD New on land and the Dutch coastal waters; outside it a coordinate is a typo or
# in another reference system (e.g. WGS84 degrees pasted into x/y).
RD_X_RANGE = (0.0, 300_000.0)
RD_Y_RANGE = (289_000.0, 629_000.0)

_POSTCODE = re.compile(r"([1-9][0-9]{3})\s?([A-Z]{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_INT = re.compile(r"[+-]?\d+")
_WHOLE_FLOAT = re.compile(r"[+-]?\d+[.,]0+")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_ADDITION = re.compile(r"[A-Z0-9]{1,4}")
_YEAR = re.compile(r"[12]\d{3}")
_SBI = re.compile(r"\d{2,5}")
_CBS = {"BU": re.compile(r"BU\d{8}"), "WK": re.compile(r"WK\d{6}"), "GM": re.compile(r"GM\d{4}")}
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def _clean(raw: str) -> str:
    """Strip the cell and collapse inner whitespace, the way every parser sees its input."""
    return " ".join(raw.split())


def text(raw: str) -> str:
    """Free text such as a name: stripped, inner whitespace collapsed."""
    value = _clean(raw)
    if not value:
        raise ValueError("empty text")
    return value


def lower_text(raw: str) -> str:
    """Free text compared case-insensitively, such as a permit kind."""
    return text(raw).lower()


def verbatim(raw: str) -> str:
    """Untrusted free text kept exactly as given (a caller's description of a signal)."""
    return raw


def postcode(raw: str) -> str:
    """A Dutch postcode, `1234 ab` -> `1234AB`."""
    match = _POSTCODE.fullmatch(_clean(raw).upper())
    if not match:
        raise ValueError("not a Dutch postcode like 1234AB (four digits, not starting with 0, "
                         "then two letters)")
    return match.group(1) + match.group(2)


def house_number(raw: str) -> int:
    """A BAG house number: a positive whole number of at most 5 digits."""
    value = _clean(raw)
    if not value.isdigit() or len(value) > 5 or int(value) == 0:
        raise ValueError("house number must be a whole number from 1 to 99999")
    return int(value)


def house_letter(raw: str) -> str:
    """A BAG huisletter: exactly one letter, returned in upper case."""
    value = _clean(raw)
    if len(value) != 1 or not ("A" <= value.upper() <= "Z"):
        raise ValueError("huisletter must be exactly one letter")
    return value.upper()


def house_number_addition(raw: str) -> str:
    """A BAG huisnummertoevoeging: at most four letters or digits, upper case."""
    value = _clean(raw).upper()
    if not _ADDITION.fullmatch(value):
        raise ValueError("huisnummertoevoeging must be 1 to 4 letters or digits")
    return value


def _digits(raw: str, length: int, what: str) -> str:
    value = _clean(raw)
    if len(value) != length or not value.isascii() or not value.isdigit():
        raise ValueError(f"{what} must be exactly {length} digits")
    return value


def bsn(raw: str) -> str:
    """A burgerservicenummer: 9 digits passing the elfproef."""
    value = _digits(raw, 9, "BSN")
    if value == "000000000":
        raise ValueError("BSN 000000000 is not a real number")
    # elfproef: weights 9..2 for the first eight digits, -1 for the last.
    total = sum(int(d) * w for d, w in zip(value, range(9, 1, -1))) - int(value[8])
    if total % 11:
        raise ValueError("BSN fails the elfproef (check digit does not match)")
    return value


def kvk_number(raw: str) -> str:
    """A KvK number: 8 digits."""
    return _digits(raw, 8, "KvK number")


def establishment_number(raw: str) -> str:
    """A KvK vestigingsnummer: 12 digits."""
    return _digits(raw, 12, "vestigingsnummer")


def _bag_id(raw: str, object_type: str, what: str) -> str:
    value = _digits(raw, 16, what)
    if value[4:6] != object_type:
        raise ValueError(
            f"{what} must have object type {object_type} at positions 5-6, got {value[4:6]}"
        )
    return value


def nummeraanduiding_id(raw: str) -> str:
    """A BAG address key: 16 digits, gemeentecode + `20` + serial."""
    return _bag_id(raw, "20", "nummeraanduiding_id")


def verblijfsobject_id(raw: str) -> str:
    """A BAG dwelling key: 16 digits with object type `01`."""
    return _bag_id(raw, "01", "verblijfsobject_id")


def pand_id(raw: str) -> str:
    """A BAG building key: 16 digits with object type `10`."""
    return _bag_id(raw, "10", "pand_id")


def iso_date(raw: str) -> dt.date:
    """An ISO date `YYYY-MM-DD`, checked against the calendar."""
    value = _clean(raw)
    match = _ISO_DATE.fullmatch(value)
    if not match:
        raise ValueError(f"date {value!r} is not in the ISO form YYYY-MM-DD")
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"date {value!r} has month {month}, which does not exist")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(
            f"date {value!r}: {_MONTHS[month - 1]} {year} has no day {day}"
        ) from None


def year(raw: str) -> int:
    """A calendar year of four digits (1000-2999)."""
    value = _clean(raw)
    if not _YEAR.fullmatch(value):
        raise ValueError("year must be four digits, e.g. 1998")
    return int(value)


def integer(raw: str) -> int:
    """A whole number; `12.0` as written by some exports is accepted, `12.5` is not."""
    value = _clean(raw)
    if _INT.fullmatch(value):
        return int(value)
    if _WHOLE_FLOAT.fullmatch(value):
        return int(value.replace(",", ".").split(".")[0])
    raise ValueError("must be a whole number")


def non_negative_integer(raw: str) -> int:
    """A whole number of zero or more, such as a floor area or a WOZ value."""
    value = integer(raw)
    if value < 0:
        raise ValueError("must not be negative")
    return value


def number(raw: str) -> float:
    """A decimal number, with a Dutch decimal comma (`1234,5`) or point; `1.234,5` also works."""
    value = _clean(raw).replace(" ", "")
    if "," in value and "." in value:
        # Whichever comes last is the decimal mark; the other groups thousands.
        thousands = "." if value.rfind(",") > value.rfind(".") else ","
        value = value.replace(thousands, "").replace(",", ".")
    elif value.count(",") == 1:
        value = value.replace(",", ".")
    if not _NUMBER.fullmatch(value):
        raise ValueError("must be a number (decimal comma or point)")
    result = float(value)
    if not math.isfinite(result):
        raise ValueError("must be a finite number")
    return result


def enum(*options: str) -> Parser:
    """Build a parser accepting one of `options` in any case; it returns the declared spelling."""
    canonical = {option.lower(): option for option in options}
    listed = ", ".join(options)

    def parse(raw: str) -> str:
        value = _clean(raw).lower()
        if value not in canonical:
            raise ValueError(f"{_clean(raw)!r} is not one of: {listed}")
        return canonical[value]

    parse.__doc__ = f"One of: {listed}."
    return parse


def sbi_code(raw: str) -> str:
    """An SBI code of 2 to 5 digits, kept as text (leading zeros matter); `96.02` -> `9602`."""
    value = _clean(raw).replace(".", "")
    if not _SBI.fullmatch(value):
        raise ValueError("SBI code must be 2 to 5 digits")
    return value


def _cbs_code(raw: str, prefix: str, digits: int, what: str) -> str:
    value = _clean(raw).upper()
    if not _CBS[prefix].fullmatch(value):
        raise ValueError(f"{what} must be {prefix} followed by {digits} digits")
    return value


def buurtcode(raw: str) -> str:
    """A CBS neighbourhood code, `BU` + 8 digits."""
    return _cbs_code(raw, "BU", 8, "buurtcode")


def wijkcode(raw: str) -> str:
    """A CBS district code, `WK` + 6 digits."""
    return _cbs_code(raw, "WK", 6, "wijkcode")


def gemeentecode(raw: str) -> str:
    """A CBS municipality code, `GM` + 4 digits."""
    return _cbs_code(raw, "GM", 4, "gemeentecode")


def uses(raw: str) -> list[str]:
    """BAG gebruiksdoelen, `|`-separated, as a sorted list without duplicates."""
    found = set()
    for part in raw.split("|"):
        use = _clean(part).lower()
        if use not in BAG_USES:
            raise ValueError(f"{_clean(part)!r} is not a BAG gebruiksdoel")
        found.add(use)
    return sorted(found)


def share(raw: str) -> str:
    """An ownership share such as `1/2`, kept as text as given; a bare `1` becomes `1/1`."""
    value = _clean(raw).replace(" ", "")
    match = re.fullmatch(r"(\d+)/(\d+)", value)
    if match:
        numerator, denominator = int(match.group(1)), int(match.group(2))
    elif value.isdigit():
        numerator, denominator = int(value), 1
    else:
        raise ValueError("share must be a fraction like 1/2")
    if denominator == 0 or not 0 < numerator <= denominator:
        raise ValueError("share must be a fraction greater than 0 and at most 1")
    return value if "/" in value else f"{numerator}/{denominator}"


def share_fraction(value: str) -> float:
    """The share `1/2` as the number 0.5."""
    return float(Fraction(share(value)))


def period(raw: str) -> str:
    """A reporting period: ISO week `2026-W14`, month `2026-03` or year `2026`."""
    value = _clean(raw).upper()
    if match := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        try:
            dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
        except ValueError:
            raise ValueError(f"{value} is not an ISO week of that year") from None
        return value
    if match := re.fullmatch(r"(\d{4})-(\d{2})", value):
        if not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"{value} has no month {match.group(2)}")
        return value
    if re.fullmatch(r"\d{4}", value):
        return value
    raise ValueError("period must be a week 2026-W14, a month 2026-03 or a year 2026")


def _in_range(value: float, bounds: tuple[float, float], what: str) -> float:
    if not bounds[0] <= value <= bounds[1]:
        raise ValueError(
            f"{what} {value:g} is outside the RD New area ({bounds[0]:g} to {bounds[1]:g} metres)"
        )
    return value


def rd_x(raw: str) -> float:
    """An RD New x coordinate in metres, checked for plausibility."""
    return _in_range(number(raw), RD_X_RANGE, "x")


def rd_y(raw: str) -> float:
    """An RD New y coordinate in metres, checked for plausibility."""
    return _in_range(number(raw), RD_Y_RANGE, "y")


@lru_cache(maxsize=1)
def _rd_transformer() -> Transformer:
    # Building a Transformer costs milliseconds; a load converts up to millions of points.
    return Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    """Convert RD New metres to WGS84 `(lat, lon)` degrees, after the plausibility check."""
    _in_range(x, RD_X_RANGE, "x")
    _in_range(y, RD_Y_RANGE, "y")
    lon, lat = _rd_transformer().transform(x, y)
    return round(lat, 7), round(lon, 7)
