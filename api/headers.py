"""Security headers on every response: what the browser may load and run, no framing, no sniffing,
no referrer, and no caching of anything but the static files.

The pages load only their own scripts and stylesheets (`/static/`, Cytoscape and Leaflet
included), have no inline script or style (data for scripts sits in `<script type=
"application/json">`, which is never run), and post forms only to Speurnet. Inline styles that
Leaflet and Cytoscape set from script (element.style) are not covered by `style-src`; the one
<style> element Cytoscape adds is allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def sha256(text: str) -> str:
    """A CSP source allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# Cytoscape puts one <style> of its own in the page (BaseRenderer.init): allowed by its hash.
CYTOSCAPE_STYLE = ".__________cytoscape_container { position: relative; }"
POLICY = ("default-src 'self'; script-src 'self'; "
          f"style-src 'self' {sha256(CYTOSCAPE_STYLE)}; img-src 'self' data:; "
          "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
STATIC = "/static/"  # may be cached (they change only with a release); everything else not
# The API's browser view (FastAPI's Swagger UI) loads its files from a CDN and starts with one
# inline script, allowed by its hash.
DOCS_CDN = "https://cdn.jsdelivr.net"
_INLINE = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class SecurityHeaders:
    """ASGI middleware adding HEADERS (a route's own Content-Security-Policy stays) and
    `Cache-Control: no-store` outside STATIC."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith(STATIC)

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if not static:
                    headers["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, with_headers)


def docs_policy(html: str) -> str:
    """The policy for the Swagger UI page `html`: its CDN files and its inline scripts' hashes."""
    hashes = " ".join(sha256(script) for script in _INLINE.findall(html))
    return (f"default-src 'self'; script-src 'self' {DOCS_CDN} {hashes}; "
            f"style-src 'self' {DOCS_CDN}; img-src 'self' data: https://fastapi.tiangolo.com; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
