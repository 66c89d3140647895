"""Score the claim finder and checker on a claims file (dev.jsonl or heldout.jsonl).

    python tests/claims/score.py tests/claims/dev.jsonl [-v]

A found claim matches a gold claim of the same sentence when its two ends resolve to the
places the gold names (the subject and the reference, either way round for "apart").
Prints detection precision and recall, and the share of matched figures and directions whose
verdict agrees with the gold judgement.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import geo
from geo.models import Analysis, Claim
from geo.text import name_key


def _name(analysis: Analysis, index: int | None) -> str:
    if index is None:
        return ""
    m = analysis.mentions[index]
    return m.place.name if m.place else m.text


def _names(analysis: Analysis, index: int | None) -> set[str]:
    """The place's name and the mention's text (and its antecedent's), as name keys."""
    if index is None:
        return set()
    m = analysis.mentions[index]
    names = {name_key(m.text)} | ({name_key(m.place.name)} if m.place else set())
    if m.antecedent is not None:
        names.add(name_key(analysis.mentions[m.antecedent].text))
    return names


def _same(found: set[str], gold: str) -> bool:
    key = name_key(gold)
    return any(f and (f in key or key in f) for f in found)


def _matches(analysis: Analysis, claim: Claim, gold: dict) -> bool:  # type: ignore[type-arg]
    subject, reference = _names(analysis, claim.subject), _names(analysis, claim.reference)
    # an end the claim alone names ("the capital" of the country) has a place, no mention
    subject |= {name_key(claim.subject_place.name)} if claim.subject_place else set()
    reference |= {name_key(claim.reference_place.name)} if claim.reference_place else set()
    straight = _same(subject, gold["subject"]) and _same(reference, gold["reference"])
    crossed = _same(subject, gold["reference"]) and _same(reference, gold["subject"])
    return straight or crossed


def score(path: Path, gazetteer: geo.Gazetteer, verbose: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    agree = total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        analysis = geo.analyze(item["text"], gazetteer)
        # this set labels claims between two named places: one with an end the text does
        # not name ("east of Kharkiv" said of a front line) is not scored here
        found = [c for c in analysis.claims if "does not name" not in c.reason]
        unmatched = list(item["claims"])
        for claim in found:
            gold = next((g for g in unmatched if _matches(analysis, claim, g)), None)
            if gold is None:
                fp += 1
                if verbose:
                    print(f"FP {item['id']}: {claim.text!r} {_name(analysis, claim.subject)} -> "
                          f"{_name(analysis, claim.reference)}")  # fmt: skip
                continue
            tp += 1
            unmatched.remove(gold)
            verdicts = [d.verdict.value for d in claim.distances]
            for got in verdicts:
                want = gold["expect_distance"]
                total += 1
                agree += want == got
                if verbose and want != got:
                    print(f"VERDICT {item['id']}: distance {got} != {want}: {claim.reason}")
            if gold["expect_direction"]:
                total += 1
                got = claim.direction.verdict.value if claim.direction else "none"
                agree += gold["expect_direction"] == got
                if verbose and gold["expect_direction"] != got:
                    print(f"VERDICT {item['id']}: direction {got} != {gold['expect_direction']}")
        fn += len(unmatched)
        if verbose:
            for g in unmatched:
                print(f"FN {item['id']}: {g['subject']} -> {g['reference']}: {item['text']}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "fp": fp, "fn": fn,
            "verdict_agreement": agree / total if total else 1.0, "verdicts": total}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    result = score(args.path, geo.load_gazetteer(), args.verbose)
    print(f"{args.path.name}: precision {result['precision']:.2f}, recall {result['recall']:.2f} "
          f"(TP {result['tp']}, FP {result['fp']}, FN {result['fn']}); verdicts agree "
          f"{result['verdict_agreement']:.2f} of {result['verdicts']}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
