"""HTML to PDF with WeasyPrint, offline: the page's own stylesheets are handed over as text and
nothing else is fetched (no base URL, so a relative link resolves to nothing)."""

from __future__ import annotations

import logging
from functools import lru_cache

from graph.settings import ROOT

STYLES = ("app.css", "entity.css")
# WeasyPrint warns about every stylesheet link it cannot resolve (ours are given as text).
logging.getLogger("weasyprint").setLevel(logging.ERROR)


@lru_cache(maxsize=1)
def _stylesheets() -> tuple[object, ...]:
    from weasyprint import CSS

    folder = ROOT / "api" / "static"
    return tuple(CSS(string=(folder / name).read_text("utf-8")) for name in STYLES
                 if (folder / name).is_file())


def html_to_pdf(html: str) -> bytes:
    """The PDF of a rendered page, printed with its print styles (A4)."""
    # Imported here: WeasyPrint loads Pango at import, which only PDF requests need.
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=None).write_pdf(stylesheets=list(_stylesheets()))
    return pdf
