"""The security corpus: text crafted to run code, load something or corrupt a file in each
layer that newsmap's outputs pass through, and the instruments that tell whether it did.

Each payload is placed in an article line of its own, next to a city the gazetteer knows, so
that it reaches every output that quotes a sentence: popups, tooltips, the timeline, the
briefing, GeoJSON, KML, CSV, the command line and the app. ``{dir}`` in a payload is a
folder that a payload which ran would create something in; ``{beacon}`` is a loopback server
that a payload which ran, or markup that was loaded, would request. Payloads that cannot hold
quotes find the folder in the environment variable ``NEWSMAP_TRAP``.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Payload:
    name: str
    layer: str  # jinja, html, js, css, csv, xml or markdown
    template: str

    def fill(self, folder: Path, beacon: str) -> str:
        return self.template.replace("{dir}", folder.as_posix()).replace("{beacon}", beacon)


_G = "lipsum.__globals__"
PAYLOADS = (
    # Jinja: folium and branca compile some strings as templates
    Payload("jinja-lipsum", "jinja", "{{ " + _G + '.os.makedirs("{dir}/lipsum") }}'),
    Payload("jinja-cycler", "jinja", '{{ cycler.__init__.__globals__.os.makedirs("{dir}/cy") }}'),
    Payload("jinja-joiner", "jinja", '{{ joiner.__init__.__globals__.os.makedirs("{dir}/jo") }}'),
    Payload("jinja-namespace", "jinja", '{{ namespace.__init__.__globals__.os.mkdir("{dir}/n") }}'),
    Payload("jinja-popen", "jinja", "{{ " + _G + "['os'].popen('touch {dir}/popen').read() }}"),
    Payload("jinja-set", "jinja", "{% set x = " + _G + '.os.makedirs("{dir}/set") %}'),
    Payload(
        "jinja-builtins-open",
        "jinja",
        '{{ self.__init__.__globals__.__builtins__.open("{dir}/open", "w") }}',
    ),
    # without quotes, which HTML escaping would have turned into entities: the folder comes
    # from the environment variable NEWSMAP_TRAP, named by a dict key
    Payload(
        "jinja-no-quotes",
        "jinja",
        "{{ "
        + _G
        + ".os.makedirs("
        + _G
        + ".os.environ[dict(NEWSMAP_TRAP=1)|first] ~ "
        + _G
        + ".os.sep ~ (dict(noquotes=1)|first)) }}",
    ),
    Payload(
        "jinja-no-quotes-set",
        "jinja",
        "{% set o = " + _G + ".os %}{{ o.mkdir(o.environ[dict(NEWSMAP_TRAP=1)|first] ~ o.sep"
        " ~ (dict(set2=1)|first)) }}",
    ),
    Payload("jinja-subclasses", "jinja", "{{ ''.__class__.__mro__[1].__subclasses__() }}"),
    Payload("jinja-config", "jinja", "{{ config }} {{ self }} {{ this }} {{ kwargs }}"),
    Payload("jinja-arithmetic", "jinja", "{{ 6*9 }} and {{7*7}}"),
    Payload("jinja-loop", "jinja", "{% for i in range(3) %}loop{% endfor %}"),
    Payload("jinja-comment", "jinja", "{# an unclosed comment"),
    Payload("jinja-string", "jinja", '{{ "an unclosed string'),
    Payload("jinja-raw", "jinja", "{% raw %}{{ 7*7 }}{% endraw %}"),
    Payload("jinja-whitespace", "jinja", "{%- if true -%}yes{%- endif -%}"),
    Payload("jinja-dollar", "jinja", "${{ 7*7 }} #{7*7} %{7*7}"),
    Payload("jinja-filter", "jinja", "{{ 'x'|attr('__class__') }}"),
    # HTML and JavaScript: popups and tooltips are HTML; the page is one script
    Payload("html-script", "html", "<script>window.__pwned=1</script>"),
    Payload("html-end-script", "html", "</script><script>window.__pwned=2</script>"),
    Payload("html-img-onerror", "html", '<img src=x onerror="window.__pwned=3">'),
    Payload("html-svg-onload", "html", '<svg onload="window.__pwned=4"></svg>'),
    Payload("html-svg-script", "html", "<svg><script>window.__pwned=5</script></svg>"),
    Payload("html-javascript-url", "html", '<a href="javascript:window.__pwned=6">click</a>'),
    Payload(
        "html-iframe-srcdoc", "html", '<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>'
    ),
    Payload("html-details-ontoggle", "html", '<details open ontoggle="window.__pwned=8">'),
    Payload("html-autofocus", "html", '<input autofocus onfocus="window.__pwned=9">'),
    Payload("html-attribute-break", "html", "\"'><img src=x onerror=window.__pwned=10>"),
    Payload("html-end-title", "html", "</title><script>window.__pwned=11</script>"),
    Payload("html-end-textarea", "html", "</textarea><img src=x onerror=window.__pwned=12>"),
    Payload(
        "html-mxss",
        "html",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=13>",
    ),
    Payload("html-comment", "html", "<!-- an unclosed comment"),
    Payload("html-entities", "html", "&lt;script&gt;window.__pwned=14&lt;/script&gt; &amp;"),
    Payload("html-img-beacon", "html", '<img src="{beacon}/img">'),
    Payload("html-meta-refresh", "html", '<meta http-equiv="refresh" content="0;url={beacon}/m">'),
    Payload("html-base", "html", '<base href="{beacon}/base/">'),
    Payload("html-link", "html", '<link rel="stylesheet" href="{beacon}/link.css">'),
    Payload("js-template-literal", "js", "`${window.__pwned=15}`"),
    Payload("js-literal-break", "js", "`+(window.__pwned=16)+`"),
    Payload("js-unicode-escape", "js", "\\u0060${window.__pwned=17}\\u0060 \\x3cscript\\x3e"),
    Payload("js-string-break", "js", "\"-(window.__pwned=18)-\" '-(window.__pwned=19)-'"),
    Payload("js-json-break", "js", '"]});window.__pwned=20;//'),
    Payload("js-backslash", "js", '\\\\\\"-(window.__pwned=21)//'),
    Payload("js-line-separators", "js", "a\u2028b\u2029c"),
    Payload("js-html-comment", "js", "<!--<script>window.__pwned=22</script>-->"),
    # CSS: the page's styles
    Payload("css-end-style", "css", "</style><script>window.__pwned=23</script>"),
    Payload("css-import", "css", "<style>@import url({beacon}/import.css)</style>"),
    Payload("css-url", "css", '<p style="background:url({beacon}/bg)">x</p>'),
    # CSV: a spreadsheet runs a cell that starts like a formula
    Payload("csv-hyperlink", "csv", '=HYPERLINK("{beacon}/csv","click")'),
    Payload("csv-plus", "csv", "+SUM(1,2)"),
    Payload("csv-minus-dde", "csv", "-2+3+cmd|' /C calc'!A0"),
    Payload("csv-at", "csv", "@SUM(1+1)*cmd|' /C calc'!A0"),
    Payload("csv-fullwidth", "csv", "＝1+1"),
    # XML: KML is XML, and Google Earth shows descriptions as HTML
    Payload("xml-cdata-end", "xml", "]]><script>window.__pwned=24</script>"),
    Payload("xml-cdata", "xml", "<![CDATA[<script>window.__pwned=25</script>]]>"),
    Payload("xml-doctype", "xml", '<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'),
    Payload("xml-entity", "xml", "&xxe; &amp;amp; &#x3c;script&#x3e;"),
    Payload("xml-element-break", "xml", "</description></Placemark><Placemark><name>x</name>"),
    Payload("xml-control", "xml", "vertical\x0btab and form\x0cfeed"),
    # Markdown: Streamlit renders messages and captions as Markdown
    Payload("md-image", "markdown", "![x]({beacon}/md.png)"),
    Payload("md-javascript-link", "markdown", "[click](javascript:window.__pwned=26)"),
    Payload("md-html", "markdown", '<img src="{beacon}/md-img">'),
    Payload("md-syntax", "markdown", "**bold** _it_ :red[red] $x^2$ :material/home: `code`"),
    Payload("md-reference", "markdown", "[x][r] [r]: {beacon}/ref"),
    Payload("md-autolink", "markdown", "{beacon}/autolink <{beacon}/angle>"),
)

CITIES = (
    "Paris", "Berlin", "Madrid", "Rome", "Lisbon", "Vienna", "Prague", "Warsaw", "Budapest",
    "Athens", "Cairo", "Nairobi", "Lagos", "Accra", "Dakar", "Tokyo", "Seoul", "Beijing",
    "Bangkok", "Hanoi", "Jakarta", "Manila", "Karachi", "Tehran", "Baghdad", "Riyadh",
    "Ankara", "Kyiv", "Oslo", "Stockholm", "Helsinki", "Copenhagen", "Dublin", "Ottawa",
    "Toronto", "Chicago", "Houston", "Bogota", "Lima", "Santiago", "Sydney", "Auckland",
    "Havana", "Caracas", "Montevideo", "Quito", "Kampala", "Addis Ababa", "Khartoum",
    "Algiers", "Tunis", "Rabat", "Beirut", "Amman", "Damascus", "Kabul", "Tashkent",
    "Almaty", "Ulaanbaatar", "Taipei", "Singapore", "Kuala Lumpur", "Dhaka", "Kathmandu",
    "Lusaka", "Harare", "Maputo", "Luanda",
)  # fmt: skip


def article(folder: Path, beacon: str) -> str:
    """Every payload in a line of its own: it opens the line (a CSV cell starts with it), and
    troops arrive in a city that day (a place, an event and a timeline step quote it)."""
    if len(PAYLOADS) > len(CITIES):
        raise AssertionError("add cities: each payload needs a place of its own")
    return "\n".join(
        f"{p.fill(folder, beacon)} In {city}, troops arrived on Monday, officials said."
        for p, city in zip(PAYLOADS, CITIES, strict=False)
    )


def flat(text: str) -> str:
    """Text with every run of whitespace as one space, as a page shows it."""
    return " ".join(text.split())


class Beacon(http.server.BaseHTTPRequestHandler):
    """Records every request: a payload that ran, or markup that loaded, asks it something."""

    hits: list[str]

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    do_POST = do_GET

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def beacon_server() -> Iterator[tuple[str, list[str]]]:
    """A loopback server and the list of paths it was asked for."""
    hits: list[str] = []
    handler = type("Handler", (Beacon,), {"hits": hits})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()
