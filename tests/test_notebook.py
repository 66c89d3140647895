import doctest
from html.parser import HTMLParser

import geo
import geo.report.notebook
from geo.models import Verdict
from geo.report.notebook import analysis_html


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.captions: list[str] = []
        self.cells: list[str] = []
        self._in: str = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.captions.append(data)
        elif self._in == "td":
            self.cells.append(data)


def _page(analysis: geo.Analysis) -> _Page:
    page = _Page()
    page.feed(analysis._repr_html_())
    return page


def test_jupyter_shows_an_analysis_as_its_summary(sample: geo.Analysis) -> None:
    assert sample._repr_html_() == analysis_html(sample)
    assert sample._repr_html_().startswith('<div class="newsmap-summary">')


def test_the_summary_lists_places_events_and_claims_with_verdicts(sample: geo.Analysis) -> None:
    page = _page(sample)
    assert [c.split(" (")[0] for c in page.captions] == ["Places", "Events with a place", "Claims"]
    assert "Pyongyang" in page.cells  # a place row
    # an event's places with their roles, written as the timeline writes them
    assert any(cell.startswith("Vladivostok (") for cell in page.cells)
    verdicts = {v.value for v in Verdict}
    assert sample.claims and any(cell in verdicts for cell in page.cells)
    assert any(c.text in page.cells for c in sample.claims)


def test_the_summary_is_compact(sample: geo.Analysis) -> None:
    page = _page(sample)
    assert len(sample.places()) > 8
    assert f"Places (first 8 of {len(sample.places())})" in page.captions
    assert len(sample._repr_html_()) < 20_000


def test_an_article_without_places_shows_only_its_counts(gazetteer: geo.Gazetteer) -> None:
    page = _page(geo.analyze("Nothing happened today.", gazetteer))
    assert page.captions == [] and page.cells == []


def test_one_of_each_is_counted_in_the_singular(gazetteer: geo.Gazetteer) -> None:
    summary = analysis_html(geo.analyze("Heavy rain fell in Lyon on Monday.", gazetteer))
    assert "1 mention of 1 place," in summary


def test_docstring_examples() -> None:
    assert doctest.testmod(geo.report.notebook).failed == 0
