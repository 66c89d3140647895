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
