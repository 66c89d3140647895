import doctest
from html.parser import HTMLParser

import pytest

import geo.report.embed
from geo.report.embed import DEFAULT_EMBED_TITLE, embed_snippet


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _parse(snippet: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(snippet)
    return parser.tags


def test_the_frame_fills_its_column_at_a_fixed_shape() -> None:
    ((tag, attrs),) = _parse(embed_snippet("map.html", title="Kim's train"))
    assert tag == "iframe"
    assert attrs["src"] == "map.html" and attrs["title"] == "Kim's train"
    assert attrs["style"] == "width:100%;aspect-ratio:16/10;border:0"
    assert embed_snippet("map.html").endswith("></iframe>")


def test_a_frame_without_a_headline_still_says_what_it_holds() -> None:
    ((_, attrs),) = _parse(embed_snippet("map.html", title="  \n "))
    assert attrs["title"] == DEFAULT_EMBED_TITLE


@pytest.mark.parametrize(
    "src", ["https://example.org/maps/kim.html?v=2#map", "maps/Kim Jong Un.html", 'm".html']
)
def test_the_source_stays_one_attribute(src: str) -> None:
    ((_, attrs),) = _parse(embed_snippet(src, title="t"))
    assert set(attrs) == {"src", "style", "title", "loading"}
    assert attrs["src"] is not None and " " not in attrs["src"] and '"' not in attrs["src"]


def test_docstring_examples() -> None:
    assert doctest.testmod(geo.report.embed).failed == 0
