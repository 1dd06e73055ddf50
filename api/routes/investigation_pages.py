"""HTML pages for saved investigations: the list, a form generated from each one's declared
parameters, the result as a table and a network, and downloads (CSV/XLSX).

Runs and downloads are POSTed (with the page's CSRF token), so parameters such as a person key
never end up in a URL, a browser history or an access log.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse

from api.deps import GraphDep, ScopeDep
from api.web import PageForm, page
from investigations.runner import run

router = APIRouter(prefix="/onderzoeken", include_in_schema=False)
Name = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{2,60}$")]
INPUTS = {"integer": "number", "float": "number", "date": "date", "boolean": "checkbox"}
PAGE_LIMIT = 500  # rows a page shows; a download gets the investigation's own limit


def _given(form: dict[str, str], info: dict[str, Any]) -> dict[str, Any]:
    """The form's values for the declared parameters (empty fields leave the default)."""
    given: dict[str, Any] = {}
    for param in info["params"]:
        value = form.get(param["name"], "")
        if param["type"] == "boolean":
            given[param["name"]] = value == "on"
        elif value.strip():
            given[param["name"]] = value.strip()
    return given


@router.get("", response_class=HTMLResponse)
def listing(request: Request, graph: GraphDep, scope: ScopeDep) -> HTMLResponse:
    found = [run.describe(inv) for inv in run.listing(graph, scope)]
    return page(request, "investigations/list.html", {"investigations": found})


@router.get("/{name}", response_class=HTMLResponse)
def form(request: Request, graph: GraphDep, scope: ScopeDep, name: Name) -> HTMLResponse:
    info = run.describe(run.get(graph, scope, name))
    return page(request, "investigations/run.html",
                {"inv": info, "inputs": INPUTS, "values": {}, "result": None})


@router.post("/{name}", response_class=HTMLResponse)
def execute(request: Request, graph: GraphDep, scope: ScopeDep, name: Name,
            values: PageForm) -> HTMLResponse:
    info = run.describe(run.get(graph, scope, name))
    result = run.run(graph, scope, name, _given(values, info), min(PAGE_LIMIT, info["limit"]))
    drawn = {"nodes": [{k: n.get(k) for k in ("id", "kind", "label")}
                       for n in result["graph"]["nodes"]],
             "relationships": [{k: r.get(k) for k in ("id", "type", "start", "end")}
                               for r in result["graph"]["relationships"]]}
    return page(request, "investigations/run.html", {"inv": info, "inputs": INPUTS,
                                                     "values": values, "result": result,
                                                     "drawn": drawn})


@router.post("/{name}/download")
def download(graph: GraphDep, scope: ScopeDep, name: Name, values: PageForm) -> Response:
    """The rows as CSV or XLSX, formula-like text made inert; needs a purpose, logged."""
    fmt = values.get("format", "csv")
    info = run.describe(run.get(graph, scope, name))
    content, media = run.export(graph, scope, name, _given(values, info), fmt)
    return Response(content, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
