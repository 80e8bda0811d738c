"""One self-contained HTML page of an interactive map: Leaflet, jQuery and the basemap inlined.

The page opens with no internet: every script, stylesheet and image the folium map names is
found in the installed packages (xstatic-leaflet, xstatic-jquery, folium's templates) and
inlined as text or a data URI. The map itself is built by :mod:`geodata.render.leaflet`.
"""

from __future__ import annotations

import base64
import functools
import html
import importlib
import re
import warnings
from pathlib import Path
from typing import Any

__all__ = ["CONTENT_SECURITY_POLICY", "standalone_html"]

# The page needs its own inline scripts and styles and data: images, and nothing from anywhere:
# a name in the data that smuggles in a script or an image URL can neither run nor call home.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data: blob:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

_ASSET_TAG = re.compile(
    r"<script\b[^>]*\bsrc=[\"'](?P<script>[^\"']+)[\"'][^>]*>\s*</script>"
    r"|<link\b[^>]*\bhref=[\"'](?P<css>[^\"']+)[\"'][^>]*/?>",
    re.IGNORECASE,
)
_CSS_URL = re.compile(r"url\(\s*([\"']?)([^)\"']+)\1\s*\)")
_VERSION = re.compile(r"[-@]\d+(?:\.\d+)+")  # jquery-3.7.1.min.js -> jquery.min.js
_MIME = {
    ".png": "image/png",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".jpg": "image/jpeg",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
}
_ICON_FIX = (
    "L.Icon.Default.imagePath = '';"  # default marker images come inline, not from a folder
    "L.Icon.Default.mergeOptions({{iconUrl: '{icon}', iconRetinaUrl: '{icon2x}', shadowUrl: '{shadow}'}});"
)


@functools.cache
def _asset_index() -> dict[str, Path]:
    """File name -> path for every asset the installed packages ship (xstatic and folium templates)."""
    import folium

    folders = [Path(folium.__file__).parent / "templates"]
    for package in ("leaflet", "jquery", "leaflet_markercluster"):
        try:
            module = importlib.import_module(f"xstatic.pkg.{package}")
        except ImportError:
            continue
        folders.append(Path(module.BASE_DIR))
    index: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                index.setdefault(path.name, path)
    return index


def _local_asset(url: str) -> Path | None:
    name = url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[-1]
    index = _asset_index()
    for candidate in (name, _VERSION.sub("", name)):
        if candidate in index:
            return index[candidate]
    path = Path(url)
    return path if not url.startswith(("http:", "https:", "//")) and path.is_file() else None


def _data_uri(path: Path) -> str:
    mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _inline_css(path: Path) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("data:", "#")):
            return match.group(0)
        local = (path.parent / target.split("?")[0].split("#")[0]).resolve()
        return f'url("{_data_uri(local)}")' if local.is_file() else "none"

    return _CSS_URL.sub(replace, path.read_text(encoding="utf-8"))


def standalone_html(folium_map: Any, title: str = "launchmap", records: str | None = None) -> str:
    """One self-contained HTML file of ``folium_map``: every script and stylesheet inlined.

    Assets are found by file name in the installed packages, whatever URL the map
    points at (a CDN, or the app's ``/app/static/...`` path), then by the URL as a local
    file path. An asset found nowhere is left out with a warning, so no outside URL
    remains; pass a map whose ``default_js``/``default_css`` name installed assets.
    """
    page = folium_map.get_root().render()
    missing: list[str] = []

    def inline(match: re.Match[str]) -> str:
        url = match.group("script") or match.group("css")
        if match.group("css") and "stylesheet" not in match.group(0).lower():
            return match.group(0)  # a <link> that loads nothing (icon, canonical)
        path = _local_asset(url)
        if path is None:
            missing.append(url)
            return ""
        if match.group("css"):
            return f"<style>/* {path.name} */\n{_inline_css(path)}\n</style>"
        code = path.read_text(encoding="utf-8").replace("</script", "<\\/script")
        if path.name in ("leaflet.js", "leaflet-src.js"):
            images = _asset_index()
            code += "\n" + _ICON_FIX.format(
                icon=_data_uri(images["marker-icon.png"]),
                icon2x=_data_uri(images["marker-icon-2x.png"]),
                shadow=_data_uri(images["marker-shadow.png"]),
            )
        return f"<script>/* {path.name} */\n{code}\n</script>"

    # One pass over the page as folium wrote it, so text inside inlined code is never rewritten.
    page = _ASSET_TAG.sub(inline, page)
    if missing:
        warnings.warn(
            f"standalone HTML: left out assets not installed locally: {', '.join(missing)}", stacklevel=2
        )
    head = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'
    if "<title>" not in page:
        head += f"\n<title>{html.escape(title)}</title>"
    page = page.replace("<head>", f"<head>\n{head}", 1)
    if records:  # how current the history behind the map is, on the page itself
        caption = (
            '<div id="launchmap-records" style="position:fixed;left:8px;bottom:8px;z-index:1000;'
            'background:rgba(255,255,255,.85);color:#222;font:12px sans-serif;padding:2px 6px;border-radius:3px">'
            f"{html.escape(records)}</div>"
        )
        page = page.replace("</body>", f"{caption}\n</body>", 1)
    return page
