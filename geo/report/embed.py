"""Putting a written map page into another page: the responsive ``<iframe>`` snippet that
``newsmap map`` prints, as Datawrapper and Flourish offer theirs.

The iframe takes the whole width of the column it is pasted into and keeps a 16:10 shape
(CSS ``aspect-ratio``), so the map page inside sizes to the frame, not to a fixed pixel box.

>>> print(embed_snippet("map.html", title="Kim's train to Russia"))
<iframe src="map.html" style="width:100%;aspect-ratio:16/10;border:0" title="Kim&#39;s train to Russia" loading="lazy"></iframe>
"""  # noqa: E501

from __future__ import annotations

from urllib.parse import quote

from geo.report.safe import html

__all__ = ["DEFAULT_EMBED_TITLE", "embed_snippet"]

# What a screen reader announces for a frame without a headline (WCAG asks every frame for
# a title that says what it holds).
DEFAULT_EMBED_TITLE = "Map of the places in the article"
# A slide's 16:9 is too flat for a story map with its legend; 16:10 is Datawrapper's default
# locator-map shape and still fits beside a column of text.
_ASPECT = "16/10"


def embed_snippet(src: str, *, title: str = "") -> str:
    """The ``<iframe>`` that shows the page at ``src`` (a URL or a path relative to the page
    it is pasted into) at the full width of its container.

    ``src`` is percent-encoded where a URL may not hold a character as it is (a space in a
    file name), and both attributes are escaped, so neither can close the tag:

    >>> embed_snippet('my map".html', title="<b>")[:72]
    '<iframe src="my%20map%22.html" style="width:100%;aspect-ratio:16/10;bord'
    >>> "&lt;b&gt;" in embed_snippet("m.html", title="<b>")
    True
    """
    url = quote(src, safe="/:#?&=%~+@!,;")
    label = " ".join(title.split()) or DEFAULT_EMBED_TITLE
    return (
        f'<iframe src="{html(url)}" style="width:100%;aspect-ratio:{_ASPECT};border:0" '
        f'title="{html(label)}" loading="lazy"></iframe>'
    )
