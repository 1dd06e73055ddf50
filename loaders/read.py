"""Stream the records of one source file (CSV or first sheet of an .xlsx), never the whole file."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from graph.settings import get_settings

# One record as the engine sees it: (record number, column -> raw text, structural problem).
Record = tuple[int, dict[str, str], str | None]

CHUNK_SIZE = 1 << 20
MAX_HEADER_CHARS = 1 << 16
SEPARATORS = (";", ",")
SUFFIXES = (".csv", ".xlsx")


class SourceError(Exception):
    """A problem with a whole file (or folder entry) that stops it from loading."""

    def __init__(self, file: str | Path, reason: str) -> None:
        self.file = file.name if isinstance(file, Path) else file
        self.reason = reason
        super().__init__(f"{self.file}: {reason}")


@dataclass
class SourceFile:
    """An opened source file: its normalised header and how to stream its records again."""

    path: Path
    header: list[str]
    encoding: str
    separator: str
    kind: str = "csv"

    @property
    def name(self) -> str:
        """The file name as given, e.g. `meldingen.csv`."""
        return self.path.name

    def __iter__(self) -> Iterator[Record]:
        if self.kind == "xlsx":
            return _xlsx_records(self)
        return _csv_records(self)


def open_source(path: Path) -> SourceFile:
    """Open a `.csv` or `.xlsx` source file and read its header; SourceError when unusable."""
    path = Path(path)
    if not path.is_file():
        raise SourceError(path, "file not found")
    limit = get_settings().max_source_mb
    if path.stat().st_size > limit * (1 << 20):
        raise SourceError(path, f"{path.stat().st_size / (1 << 20):,.1f} MiB is above the limit of "
                                f"{limit:g} MiB (SPEURNET_MAX_SOURCE_MB): nothing of it was loaded")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _open_xlsx(path)
    if suffix == ".csv":
        return _open_csv(path)
    raise SourceError(path, f"unsupported file type {suffix!r}: use .csv or .xlsx")


def find_source_files(folder: Path) -> dict[str, Path]:
    """Map each `.csv`/`.xlsx` stem (lower-cased) in a folder to its file.

    Raises SourceError naming both files when one source arrives as both CSV and xlsx.
    """
    found: dict[str, Path] = {}
    for path in sorted(Path(folder).iterdir()):
        # Skip Excel lock files (`~$x.xlsx`) and hidden files: they are never sources.
        if not path.is_file() or path.name.startswith(("~$", ".")):
            continue
        if path.suffix.lower() not in SUFFIXES:
            continue
        stem = path.stem.lower()
        if stem in found:
            raise SourceError(
                path, f"both {found[stem].name} and {path.name} given for one source: keep one"
            )
        found[stem] = path
    return found


def normalise_header(names: list[str]) -> list[str]:
    """Strip and lower-case column names; name blank ones by position; reject duplicates."""
    header = []
    for position, raw in enumerate(names, start=1):
        name = raw.strip().lstrip("\ufeff").strip().lower()
        header.append(name or f"column_{position}")
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise ValueError(f"column {name!r} appears twice in the header")
        seen.add(name)
    return header


# --- CSV ---------------------------------------------------------------------------------------


def detect_encoding(path: Path) -> str:
    """Return `utf-8-sig`, `utf-8` or `cp1252`, checking the whole file in binary chunks."""
    decoders = {
        "utf-8": codecs.getincrementaldecoder("utf-8")(),
        "cp1252": codecs.getincrementaldecoder("cp1252")(),
    }
    with path.open("rb") as handle:
        bom = handle.read(3)
        chunk = b"" if bom == codecs.BOM_UTF8 else bom
        while decoders:
            final = not chunk
            for name, decoder in list(decoders.items()):
                try:
                    decoder.decode(chunk, final=final)
                except UnicodeDecodeError:
                    del decoders[name]
            if final:
                break
            chunk = handle.read(CHUNK_SIZE)
    if "utf-8" in decoders:
        return "utf-8-sig" if bom == codecs.BOM_UTF8 else "utf-8"
    if "cp1252" in decoders and bom != codecs.BOM_UTF8:
        return "cp1252"
    raise SourceError(path, "text is neither UTF-8 nor Windows-1252: save the file as UTF-8")


def detect_separator(line: str, file: str | Path = "") -> str:
    """Pick `;` or `,` by counting each outside quotes in the header line."""
    counts = dict.fromkeys(SEPARATORS, 0)
    tabs = 0
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
        elif not quoted and char == "\t":
            tabs += 1
    if counts[";"] == counts[","] == 0:
        if tabs:
            raise SourceError(file, "tab-separated file: use ';' or ','")
        return ","  # a single-column file: the separator does not matter
    # Dutch Excel writes ';', so a tie goes to ';'.
    return ";" if counts[";"] >= counts[","] else ","


def _header_line(path: Path, encoding: str) -> str:
    """Return the first non-blank line, joined with following lines while a quote is open."""
    with path.open(encoding=encoding, newline="") as handle:
        text = ""
        for line in handle:
            if not text and not line.strip():
                continue
            text += line
            if text.count('"') % 2 == 0:
                return text
            if len(text) > MAX_HEADER_CHARS:
                # An unclosed quote would otherwise swallow the whole file as "the header".
                raise SourceError(path, "the header row has an unclosed quote")
        return text


def _open_csv(path: Path) -> SourceFile:
    encoding = detect_encoding(path)
    line = _header_line(path, encoding)
    if not line.strip():
        raise SourceError(path, "file is empty: expected a header row")
    separator = detect_separator(line, path)
    names = next(csv.reader([line], delimiter=separator), [])
    try:
        header = normalise_header(names)
    except ValueError as exc:
        raise SourceError(path, str(exc)) from None
    return SourceFile(path, header, encoding, separator, "csv")


def _is_blank(fields: list[str]) -> bool:
    """A completely empty line: csv gives `[]`, or one field of whitespace."""
    return not fields or (len(fields) == 1 and not fields[0].strip())


def _shape(header: list[str], fields: list[str]) -> tuple[dict[str, str], str | None]:
    """Pair fields with the header and describe a mismatch in the field count."""
    values = dict(zip(header, fields))
    if len(fields) < len(header):
        return values, f"record has {len(fields)} fields, the header has {len(header)} (truncated?)"
    # Trailing empty fields (`1;2;;`) are what spreadsheets leave behind, not shifted data.
    if len(fields) > len(header) and any(extra.strip() for extra in fields[len(header):]):
        return values, f"record has {len(fields)} fields, the header has only {len(header)}"
    return values, None


def _csv_records(source: SourceFile) -> Iterator[Record]:
    with source.path.open(encoding=source.encoding, newline="") as handle:
        # strict mode turns stray quotes and an unclosed quote at the end into errors we report.
        reader = csv.reader(handle, delimiter=source.separator, strict=True)
        header_seen = False
        number = 0
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if not header_seen:
                    raise SourceError(source.path, f"unreadable header: {exc}") from None
                number += 1
                yield number, {}, f"malformed record: {exc}"
                continue
            if _is_blank(fields):
                continue
            if not header_seen:
                header_seen = True
                continue
            number += 1
            values, problem = _shape(source.header, fields)
            yield number, values, problem


# --- xlsx --------------------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """Render one spreadsheet cell as the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        # Excel stores dates as datetimes at midnight; keep a time only when there is one.
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _xlsx_rows(path: Path) -> Generator[list[str], None, None]:
    """Yield the non-empty rows of the first sheet as text, trailing empty cells removed."""
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        # A damaged or mislabelled file surfaces as any of these, depending on where it breaks.
        raise SourceError(path, f"cannot read as .xlsx: {exc}") from None
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            cells = [cell_text(value) for value in row]
            while cells and not cells[-1].strip():
                cells.pop()
            if cells:
                yield cells
    finally:
        book.close()


def _open_xlsx(path: Path) -> SourceFile:
    rows = _xlsx_rows(path)
    try:
        names = next(rows, None)
    finally:
        rows.close()
    if names is None:
        raise SourceError(path, "first sheet is empty: expected a header row")
    try:
        header = normalise_header(names)
    except ValueError as exc:
        raise SourceError(path, str(exc)) from None
    return SourceFile(path, header, "xlsx", "", "xlsx")


def _xlsx_records(source: SourceFile) -> Iterator[Record]:
    rows = _xlsx_rows(source.path)
    try:
        next(rows, None)  # the header
        for number, cells in enumerate(rows, start=1):
            # A spreadsheet row shorter than the header just has empty trailing cells.
            cells += [""] * (len(source.header) - len(cells))
            values, problem = _shape(source.header, cells)
            yield number, values, problem
    finally:
        rows.close()
