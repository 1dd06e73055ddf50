"""Investigation results as files: CSV, JSON or XLSX.

Text that a spreadsheet would run as a formula is made inert (investigations/cells.py); numbers
and dates stay numbers and dates.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

from investigations.cells import neutralise

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def cell(value: Any) -> Any:
    """One value as a flat cell: a node as `label (id)`, a relationship as its type, a path as
    its node ids, a list `|`-separated; text neutralised."""
    if isinstance(value, dict) and "kind" in value and "id" in value:
        label, key = value.get("label"), value["id"]
        return neutralise(f"{label} ({key})" if label and label != key else key)
    if isinstance(value, dict) and "type" in value and "start" in value:
        return neutralise(f"{value['start']} {value['type']} {value['end']}")
    if isinstance(value, dict) and "nodes" in value:
        return neutralise(" - ".join(str(n.get("id")) for n in value["nodes"]))
    if isinstance(value, list):
        return neutralise("|".join(str(cell(v)) for v in value))
    if isinstance(value, dict):
        return neutralise(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, (datetime, date, int, float, bool)) or value is None:
        return value
    return neutralise(str(value))


def table(columns: list[str], rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [[cell(row.get(c)) for c in columns] for row in rows]


def render(fmt: str, columns: list[str], rows: list[dict[str, Any]]) -> bytes:
    """The rows in `fmt` (csv, json or xlsx)."""
    if fmt == "json":
        flat = [dict(zip(columns, values, strict=True)) for values in table(columns, rows)]
        return json.dumps(flat, ensure_ascii=False, default=str).encode()
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("resultaat")
        sheet.append([neutralise(c) for c in columns])
        for values in table(columns, rows):
            sheet.append([v.replace(tzinfo=None) if isinstance(v, datetime) else v
                          for v in values])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow([neutralise(c) for c in columns])
    writer.writerows(["" if v is None else v for v in values] for values in table(columns, rows))
    return text.getvalue().encode("utf-8")
