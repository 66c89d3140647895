from hypothesis import given
from hypothesis import strategies as st

from geo.text import name_key, sentence_spans, unmarked_key


def test_name_key_folds_case_accents_and_quotes() -> None:
    assert name_key("Côte d’Ivoire") == name_key("COTE D'IVOIRE") == "cote d'ivoire"
    assert unmarked_key(name_key("Dara’a")) == name_key("Daraa")
    assert unmarked_key(name_key("Côte d’Ivoire")) is None
    assert name_key("Deir ez-Zor") == name_key("Deir ez Zor") == "deir ez zor"
    assert name_key("Kyiv  Oblast") == "kyiv oblast"


def test_sentences_do_not_break_after_abbreviations() -> None:
    text = "Former New York Gov. Mario Cuomo died. The U.S. Senate mourned him."
    spans = [text[s.start : s.end] for s in sentence_spans(text)]
    assert spans == ["Former New York Gov. Mario Cuomo died.", "The U.S. Senate mourned him."]


@given(st.text())
def test_sentences_cover_text_in_order(text: str) -> None:
    spans = sentence_spans(text)
    ends = [0]
    for span in spans:
        assert span.start >= ends[-1] and span.end > span.start
        ends.append(span.end)
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())
