from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo
from geo.inputs import (
    MAX_BYTES,
    MAX_CHARS,
    check_text,
    decode_bytes,
    decode_page,
    read_article,
)


def test_empty_text_gives_an_empty_result(gazetteer: geo.Gazetteer) -> None:
    analysis = geo.analyze("", gazetteer)
    assert analysis.mentions == ()
    assert analysis.places() == ()


def test_whitespace_only_gives_an_empty_result(gazetteer: geo.Gazetteer) -> None:
    assert geo.analyze(" \n\t ", gazetteer).mentions == ()


def test_too_long_text_is_refused_with_a_reason() -> None:
    with pytest.raises(geo.InputError, match="limit"):
        check_text("a" * (MAX_CHARS + 1))


def test_bytes_are_not_text() -> None:
    with pytest.raises(geo.InputError, match="expected text"):
        check_text(b"Moscow")


def test_binary_file_is_refused(tmp_path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    with pytest.raises(geo.InputError, match="binary"):
        read_article(path)


def test_latin1_file_is_refused_with_advice(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("Kim arrived in Vladivostok at 7 pm, said the café owner.".encode("latin-1"))
    with pytest.raises(geo.InputError, match="not UTF-8"):
        read_article(path)


def test_utf8_with_bom_and_windows_line_ends_is_read(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("\ufeffKim left Pyongyang.\r\nHe reached Russia.".encode())
    assert read_article(path) == "Kim left Pyongyang.\nHe reached Russia."


def test_huge_file_is_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(geo.InputError, match="limit"):
        read_article(path)


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(geo.InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(geo.InputError, match="folder"):
        read_article(tmp_path)


def test_decode_keeps_every_character() -> None:
    text = "Kyiv — Київ, Côte d’Ivoire, 北京"
    assert decode_bytes(text.encode()) == text


# decode_page: how a fetched page's bytes become text (the fetch tests cover it end to end).


def test_a_page_latin1_label_is_read_as_windows_1252() -> None:
    assert decode_page(b"\x93Kyiv\x94", "iso-8859-1", "page") == "\u201cKyiv\u201d"


def test_a_meta_charset_counts_in_html_only() -> None:
    data = '<meta charset="koi8-r"><p>Café'.encode()
    assert decode_page(data, None, "page").endswith("Cafц╘")
    assert decode_page(data, None, "page", html=False).endswith("Café")


def test_a_meta_charset_after_the_first_4_kb_is_not_looked_for() -> None:
    data = (" " * 4096 + '<meta charset="koi8-r"><p>Київ').encode()
    assert decode_page(data, None, "page").endswith("Київ")


def test_a_byte_order_mark_overrides_the_header() -> None:
    assert decode_page("Київ".encode("utf-16"), "utf-8", "page") == "Київ"
    assert decode_page("\ufeffКиїв".encode(), "windows-1251", "page").endswith("Київ")


def test_html_is_analysed_as_text(gazetteer: geo.Gazetteer) -> None:
    text = (
        '<p onclick="alert(1)">Kim left <b>Pyongyang</b> for <script>alert("Moscow")</script></p>'
    )
    analysis = geo.analyze(text, gazetteer)
    for m in analysis.mentions:
        assert text[m.start : m.end] == m.text
    assert "Pyongyang" in {m.text for m in analysis.mentions}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode_never_crashes(gazetteer: geo.Gazetteer, text: str) -> None:
    analysis = geo.analyze(text, gazetteer)
    for m in analysis.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert 0.0 <= m.confidence <= 1.0


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Moscow",
                "Idaho",
                "Kim",
                "Jong",
                "Un",
                "U.S.",
                "the capital",
                "said",
                ",",
                ".",
                "-",
                "'s",
                "\n",
                "Russia",
                "North",
                "Korea",
                "frontier",
                "the city",
                "in",
                "President",
                "Paris",
                "Texas",
            ]
        ),
        max_size=40,
    ).map(" ".join)
)
def test_name_soup_never_crashes(gazetteer: geo.Gazetteer, text: str) -> None:
    analysis = geo.analyze(text, gazetteer)
    starts = [m.start for m in analysis.mentions]
    assert starts == sorted(starts)


# The publication date a page gives for itself: honest "unknown" when it gives none.

_PAGES = {
    "og": '<head><meta property="article:published_time" content="2023-09-12T05:30:00+09:00">'
    '<meta name="date" content="2020-01-01"></head><p>Kim left.</p>',
    "ld": '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2021-03-04T10:00Z"}]}'
    "</script><time datetime='1999-01-01'>old</time><p>Kim left.</p>",
    "meta": '<meta name="pubdate" content="2019-07-08"><p>Kim left.</p>',
    "time": '<p><time datetime="2018-05-06T07:00">May 6</time> Kim left.</p>',
    "none": "<p>Kim left Pyongyang on Tuesday.</p>",
    "broken": '<script type="application/ld+json">{"datePublished": </script>'
    '<meta itemprop="datePublished" content="2023-02-30"><p>Kim left.</p>',
}


@pytest.mark.parametrize(
    ("page", "expected"),
    [("og", "2023-09-12"), ("ld", "2021-03-04"), ("meta", "2019-07-08"), ("time", "2018-05-06"),
     ("none", None), ("broken", None)],
)  # fmt: skip
def test_a_page_gives_its_publication_date_or_none(page: str, expected: str | None) -> None:
    from geo.inputs import page_published

    day = page_published(_PAGES[page])
    assert (day.isoformat() if day else None) == expected


def test_an_uploaded_page_brings_its_date_and_a_text_file_none() -> None:
    from geo.inputs import read_upload_article

    page = read_upload_article("story.html", _PAGES["og"].encode())
    assert page.text == "Kim left." and page.published is not None
    assert page.published.isoformat() == "2023-09-12"
    text = read_upload_article("story.txt", b"Kim left on 2023-09-12.")
    assert text.published is None  # a date in the text is not the publication date


def test_a_fetched_page_brings_its_date() -> None:
    import http.server
    import threading

    from geo.fetch import fetch_page

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = _PAGES["ld"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}/story"
        page = fetch_page(url, address_policy=lambda ip: None, resolve=lambda h, p: [h])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert page.text.endswith("Kim left.") and page.published is not None
    assert page.published.isoformat() == "2021-03-04"


def test_a_relative_date_without_a_publication_date_stays_relative(
    gazetteer: geo.Gazetteer,
) -> None:
    from geo.report.views import build_report

    text = "Kim Jong Un arrived in Vladivostok on Tuesday."
    undated = build_report(geo.analyze(text, gazetteer, published=None))
    (event,) = [v for v in undated.events if v.where]
    assert event.when == "Tuesday (date unknown)" and event.day is None
    dated = build_report(geo.analyze(text, gazetteer, published=date(2023, 9, 14)))
    (event,) = [v for v in dated.events if v.where]
    assert event.when == "2023-09-12"
