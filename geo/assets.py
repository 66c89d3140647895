"""The scripts and styles an exported map needs, read from PyPI packages and inlined, so the
page loads nothing from the network: Leaflet 1.9.3 (``xstatic-leaflet``) and jQuery 3.7.1
(``xstatic-jquery``, which folium's popups use), and for the atlas Leaflet.markercluster
1.4.1 (``xstatic-leaflet-markercluster``). Leaflet's CSS refers to a few images; they
are inlined as data URIs.

The app's server serves them instead from its ``static/`` folder (:func:`publish`), with the
map's large constant layers written beside them under names that carry their content's hash
(:func:`publish_text`), so that a browser fetches each once and caches it."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
from functools import cache
from pathlib import Path

from geo.atomic import temporary_beside
from geo.extras import Extra, requires

__all__ = [
    "inline_head",
    "jquery_js",
    "leaflet_css",
    "leaflet_js",
    "markercluster_head",
    "publish",
    "publish_text",
]


def _xstatic_dir(package: str) -> Path:
    with requires(Extra.MAP, "the offline map page"):
        if package == "leaflet":
            import xstatic.pkg.leaflet as module
        elif package == "markercluster":
            import xstatic.pkg.leaflet_markercluster as module
        else:
            import xstatic.pkg.jquery as module
    return Path(module.BASE_DIR)


@cache
def leaflet_js() -> str:
    return (_xstatic_dir("leaflet") / "leaflet.js").read_text(encoding="utf-8")


@cache
def jquery_js() -> str:
    return (_xstatic_dir("jquery") / "jquery.min.js").read_text(encoding="utf-8")


@cache
def leaflet_css() -> str:
    """Leaflet's stylesheet with its images as data URIs."""
    root = _xstatic_dir("leaflet")
    css = (root / "leaflet.css").read_text(encoding="utf-8")

    def inline(match: re.Match[str]) -> str:
        path = root / match.group(1)
        if not path.is_file():
            return "url(data:,)"
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        kind = "svg+xml" if path.suffix == ".svg" else path.suffix.lstrip(".")
        return f"url(data:image/{kind};base64,{data})"

    return re.sub(r"url\((images/[^)]+)\)", inline, css)


def _script(code: str) -> str:
    # a "</script" inside the code would end the element early
    return "<script>" + code.replace("</script", "<\\/script") + "</script>"


def inline_head() -> str:
    """The ``<head>`` content that replaces folium's links to CDNs."""
    return f"<style>{leaflet_css()}</style>{_script(leaflet_js())}{_script(jquery_js())}"


@cache
def markercluster_head() -> str:
    """Leaflet.markercluster 1.4.1 (``xstatic-leaflet-markercluster``), its script and its two
    stylesheets (no images), for the pages that cluster markers (``newsmap atlas``)."""
    root = _xstatic_dir("markercluster")
    css = "".join(
        (root / name).read_text(encoding="utf-8")
        for name in ("MarkerCluster.css", "MarkerCluster.Default.css")
    )
    js = (root / "leaflet.markercluster.js").read_text(encoding="utf-8")
    # the minified script ends with a comment naming its source map, which no one can fetch
    js = re.sub(r"//# sourceMappingURL=\S*\s*$", "", js)
    return f"<style>{css}</style>{_script(js)}"


def publish(folder: Path) -> None:
    """Copy Leaflet (with its images) and jQuery from their packages into ``folder``, for a
    local server to serve (the app's ``static/`` folder). Files already there are kept when
    their size matches."""
    folder.mkdir(parents=True, exist_ok=True)
    leaflet = _xstatic_dir("leaflet")
    wanted = [
        (leaflet / "leaflet.js", folder / "leaflet.js"),
        (leaflet / "leaflet.css", folder / "leaflet.css"),
        (_xstatic_dir("jquery") / "jquery.min.js", folder / "jquery.min.js"),
    ]
    wanted += [(image, folder / "images" / image.name) for image in (leaflet / "images").iterdir()]
    for source, target in wanted:
        if not target.is_file() or target.stat().st_size != source.stat().st_size:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def publish_text(folder: Path, stem: str, text: str, suffix: str = ".json") -> str:
    """Write ``text`` into ``folder`` as ``stem-<hash>suffix``, named by a hash of its
    content, and return that file name: a new content gets a new name, so a browser may keep
    the old file as long as it likes. An existing file of that name is kept; a new one appears
    whole (written beside it, then renamed).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     name = publish_text(Path(folder), "countries", "{}")
    ...     (Path(folder) / name).read_text(encoding="utf-8"), name == publish_text(
    ...         Path(folder), "countries", "{}")
    ('{}', True)
    """
    data = text.encode("utf-8")
    name = f"{stem}-{hashlib.sha256(data).hexdigest()[:_HASH_LENGTH]}{suffix}"
    target = folder / name
    if not target.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        temporary = temporary_beside(target, f".{stem}-")
        temporary.write_bytes(data)
        temporary.chmod(0o644)  # mkstemp's file is the owner's alone; a server reads this
        os.replace(temporary, target)
    return name


_HASH_LENGTH = 16  # 64 bits of SHA-256: no two versions of one layer will share a name
