"""The one boundary between text from outside and every renderer.

Article text, file names, URLs, corrections and gazetteer names are data. Before such a
string reaches a layer that could read it as code, it passes through one of these functions,
each of which makes it inert for every layer the output goes through:

=====================  ========================================================================
:func:`html`           HTML text or attribute; also inert as Jinja source (branca compiles the
                       text of plain elements as templates) and inside a JavaScript template
                       literal
:func:`script_json`    a value inside ``<script>``: valid JSON and JavaScript, with no ``<``,
                       ``>``, ``&``, quote, backtick, ``$`` or brace inside strings, so neither
                       the HTML parser, a template literal nor a Jinja pass sees anything
:func:`identifier`     a JavaScript variable name (folium's), checked, never escaped
:func:`colour`         a CSS colour, checked
:func:`csv_cell`       a spreadsheet cell that cannot start a formula
:func:`figure_text`    text of a matplotlib figure (drawn with ``parse_math=False``, so
                       ``$...$`` is no formula), without the characters SVG cannot hold
:func:`xml_text`       XML 1.0 text without the characters XML forbids (ElementTree escapes
                       the rest: ``&``, ``<``, ``>``, so ``]]>`` and entities stay text)
:func:`markdown`       Markdown (Streamlit's messages) that shows the literal text
:func:`markdown_prose` our own words as Markdown, in the page's normal type
:func:`terminal`       a line for a terminal, without control characters or escape sequences
=====================  ========================================================================

Renderers build markup from constants and these functions only; the security corpus in
``tests/security/`` runs every output with hostile text to hold them to it.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = [
    "colour",
    "csv_cell",
    "html",
    "identifier",
    "markdown",
    "markdown_prose",
    "script_json",
    "terminal",
    "xml_text",
]

# Characters escaped as HTML character references. Beyond HTML's five: a backtick and "$"
# (folium wraps popup HTML in JavaScript template literals), a backslash (escapes in those
# literals), and braces, so that no "{{", "{%" or "{#" reaches a Jinja lexer.
_HTML = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "'": "&#39;",
        "`": "&#96;",
        "$": "&#36;",
        "\\": "&#92;",
        "{": "&#123;",
        "}": "&#125;",
    }
)


def html(text: object) -> str:
    """``text`` as HTML text, safe in element content and in quoted attributes.

    >>> html("<b onclick='x()'>{{ 6*9 }}</b>")
    '&lt;b onclick=&#39;x()&#39;&gt;&#123;&#123; 6*9 &#125;&#125;&lt;/b&gt;'
    >>> html("`${a}`")
    '&#96;&#36;&#123;a&#125;&#96;'
    """
    return str(text).translate(_HTML)


# Inside a JSON string: anything the HTML tokenizer, a template literal or Jinja reacts to,
# and the two line separators JavaScript before ES2019 did not allow in string literals.
_JSON_STRING = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&'`${}%#\u2028\u2029"})


def _json_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).translate(_JSON_STRING)


def script_json(value: Any) -> str:
    """``value`` (str, int, float, bool, None, and lists, tuples and str-keyed dicts of them) as
    JSON text that is also a JavaScript expression, safe inside a ``<script>`` element.

    Outside strings, JSON's own syntax never puts two braces together (an object opens with
    ``{"`` or ``{}``), so the result holds no Jinja delimiter at all.

    >>> print(script_json({"label": "</script>{{x}}", "n": [1, 2.5, None, True]}))
    {"label":"\\u003c/script\\u003e\\u007b\\u007bx\\u007d\\u007d","n":[1,2.5,null,true]}
    """
    if isinstance(value, str):
        return _json_string(value)
    if value is None or isinstance(value, bool | int):
        return json.dumps(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return "null"  # JSON has no NaN or infinity
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(script_json(v) for v in value) + "]"
    if isinstance(value, dict):
        items = []
        for key, v in value.items():
            if not isinstance(key, str):
                raise TypeError(f"script_json: keys must be str, not {type(key).__name__}")
            items.append(f"{_json_string(key)}:{script_json(v)}")
        return "{" + ",".join(items) + "}"
    raise TypeError(f"script_json cannot encode {type(value).__name__}")


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,200}")


def identifier(name: str) -> str:
    """``name`` if it is a plain JavaScript identifier (as folium names its variables).

    >>> identifier("circle_marker_3f2a")
    'circle_marker_3f2a'
    >>> identifier("x;alert(1)")
    Traceback (most recent call last):
    ...
    ValueError: not a JavaScript identifier: 'x;alert(1)'
    """
    if not _IDENTIFIER.fullmatch(name):
        raise ValueError(f"not a JavaScript identifier: {name!r}")
    return name


_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def colour(value: str) -> str:
    """``value`` if it is a hex CSS colour.

    >>> colour("#c0392b")
    '#c0392b'
    """
    if not _COLOUR.fullmatch(value):
        raise ValueError(f"not a hex colour: {value!r}")
    return value


# Spreadsheets run a cell as a formula when it starts with one of these (OWASP's list; a
# leading tab or line break is trimmed before the formula is read). Full-width forms are read
# as their ASCII twins by some spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: a string that could start a formula gets a
    leading apostrophe; numbers and other values are left as they are.

    >>> csv_cell("=HYPERLINK(1)"), csv_cell(-3), csv_cell("Paris")
    ("'=HYPERLINK(1)", -3, 'Paris')
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


# XML 1.0 forbids these even as character references; lone surrogates cannot be encoded.
_NOT_XML_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NOT_XML_OTHER = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, for ElementTree to escape: a
    control character becomes a space (it mostly stood between words), anything else
    U+FFFD.

    >>> xml_text("vertical\\x0btab]]>")
    'vertical tab]]>'
    """
    return _NOT_XML_OTHER.sub("\ufffd", _NOT_XML_CONTROL.sub(" ", text))


def markdown(text: object) -> str:
    """``text`` as Markdown that shows exactly that text (Streamlit renders the messages it is
    given as Markdown): an inline code span, inside which Markdown parses nothing, not even
    the bare web addresses that GitHub-flavoured Markdown links anywhere else, which no
    backslash escape prevents. Runs of whitespace become one space.

    >>> print(markdown("![x](http://t.example/p.png) `a`"))
    `` ![x](http://t.example/p.png) `a` ``
    """
    flat = " ".join(str(text).split())  # a blank line would end the span
    fence = "`" * (max((len(run) for run in re.findall("`+", flat)), default=0) + 1)
    pad = " " if "`" in flat else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


# CommonMark lets a backslash escape any ASCII punctuation character; escaping them all leaves
# no emphasis, link, image, HTML, code, heading, list, table, maths ($), emoji or colour
# (":red[...]") syntax. Bare web addresses are still linked: for our own words only.
_MARKDOWN = str.maketrans({c: "\\" + c for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})


def markdown_prose(text: object) -> str:
    """Our own words (counts, data credits) as Markdown shown as written, in the page's
    normal type. Not for untrusted text, which may hold a web address: use :func:`markdown`.

    >>> print(markdown_prose("*5* places (CC BY 4.0)"))
    \\*5\\* places \\(CC BY 4\\.0\\)
    """
    return " ".join(str(text).split()).translate(_MARKDOWN)


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def terminal(text: str) -> str:
    """``text`` for a terminal: control characters (escape sequences start with one) and
    bidirectional overrides dropped, tabs and line breaks kept.

    >>> terminal("Kim\\x1b]0;pwned\\x07 left")
    'Kim]0;pwned left'
    """
    return _CONTROL.sub("", text)


def figure_text(text: object) -> str:
    r"""Text for a matplotlib ``Text`` made with ``parse_math=False``: there ``$``, ``\`` and
    braces are plain characters, so what remains is what an SVG or PDF cannot hold.

    >>> figure_text("$\\frac{1}{2}$ \x00{{ 7*7 }}")
    '$\\frac{1}{2}$  {{ 7*7 }}'
    """
    return xml_text(str(text))
