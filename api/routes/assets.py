"""Static files: the app's own (`api/static/`) and the few front-end files it uses from npm.

Cytoscape (with its fCoSE layout) and Leaflet are installed from the npm registry
(`package-lock.json`, `npm ci` in the set-up) and served from `node_modules/` by an explicit
list, so no page loads anything from a CDN and nothing else under `node_modules/` is reachable.
Everything here needs a login, except the stylesheet the login page itself uses.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request, Response
from fastapi.staticfiles import StaticFiles

from graph.settings import ROOT
from investigations.errors import NotFound

log = logging.getLogger(__name__)
OWN = ROOT / "api" / "static"
PACKAGES = ROOT / "node_modules"
# URL under /static/vendor/ -> file under node_modules/. Leaflet's CSS names its images relative
# to itself (images/marker-icon.png), so they sit beside it here too.
VENDOR = {
    "cytoscape.min.js": "cytoscape/dist/cytoscape.min.js",
    # The fCoSE force layout (separates clusters) and the two libraries it is built on.
    "layout-base.js": "layout-base/layout-base.js",
    "cose-base.js": "cose-base/cose-base.js",
    "cytoscape-fcose.js": "cytoscape-fcose/cytoscape-fcose.js",
    "leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet.css": "leaflet/dist/leaflet.css",
    **{f"images/{name}": f"leaflet/dist/images/{name}" for name in (
        "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png", "layers.png",
        "layers-2x.png")},
}

public = APIRouter(include_in_schema=False)
router = APIRouter(include_in_schema=False)
# check_dir=False: the app starts without the folders; their URLs then answer 404.
own_files = StaticFiles(directory=OWN, check_dir=False)
vendor_files = StaticFiles(directory=PACKAGES, check_dir=False)


@public.get("/static/app.css")
async def public_file(request: Request) -> Response:
    return await own_files.get_response("app.css", request.scope)


@router.get("/static/vendor/{name:path}")
async def vendor(request: Request, name: str) -> Response:
    """One listed file of an npm package; 404 (and a log line) when the set-up did not run."""
    if name not in VENDOR:
        raise NotFound(f"/static/vendor/{name}: not a served front-end file")
    if not (PACKAGES / VENDOR[name]).is_file():
        log.warning("front-end file node_modules/%s is missing: run `make setup` (npm ci) to "
                    "install the npm packages; /static/vendor/%s answers 404 until then",
                    VENDOR[name], name)
        raise NotFound(f"/static/vendor/{name}: the front-end packages are not installed")
    return await vendor_files.get_response(VENDOR[name], request.scope)


@router.get("/static/{name:path}")
async def own(request: Request, name: str) -> Response:
    """A file of api/static/ (StaticFiles refuses paths leaving the folder)."""
    return await own_files.get_response(name, request.scope)
