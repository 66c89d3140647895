from hypothesis import given
from hypothesis import strategies as st

from geo.tokens import runs, tokenize


def test_possessives_and_dotted_abbreviations() -> None:
    assert [t.text for t in tokenize("Moscow's war, U.S.-led")] == [
        "Moscow", "'s", "war", ",", "U.S.", "-", "led",
    ]  # fmt: skip


def test_runs_join_connectors_but_not_lines() -> None:
    text = "the Isle of Man and Rio de Janeiro\nLONDON Bridge"
    tokens = tokenize(text)
    found = [text[tokens[a].start : tokens[b].end] for a, b in runs(text, tokens)]
    assert found == ["Isle of Man and Rio de Janeiro", "LONDON Bridge"]
    text = "Kim left.\nPyongyang said"
    tokens = tokenize(text)
    assert [text[tokens[a].start : tokens[b].end] for a, b in runs(text, tokens)] == [
        "Kim",
        "Pyongyang",
    ]


@given(st.text())
def test_tokens_are_exact_slices(text: str) -> None:
    previous_end = 0
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text
        assert t.start >= previous_end
        previous_end = t.end
