"""Recall and precision of tenure intervals on the hand-read real sentences
(``devset_real/tenure_gold.json``).

Each gold sentence's article is extracted whole (names, dates and bodies as a build sees them);
the posts read in that sentence that carry a change of office are the predicted intervals. A
prediction is right when person, role, body and side (begin / end) agree with a gold interval
(names and bodies compared accent- and case-blind, a short name or body matching the longer one,
a role as the title lexicon names it: "Phó Ban" for "Phó Trưởng ban");
its kind and date are scored on the matched ones.

    python benchmarks/tenure_gold_eval.py [-v]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.extract import extract
from kg.netgraph import fold
from kg.nlp.tenure_phrases import lexicon
from kg.normalize import normalize_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def _near(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    return a == b or a.endswith(b) or b.endswith(a) or (len(min(a, b, key=len)) > 6 and (a in b or b in a))


def _org_near(gold: str, pred: str) -> bool:
    g, p = set(fold(gold).split()), set(fold(pred).split())
    return _near(gold, pred) or len(g & p) >= 0.6 * min(len(g), len(p))


# the title lexicon's names for what the gold wrote otherwise: its convention, not a tenure error
_ROLE_ALIASES = {"pho ban": "pho truong ban"}


def _role_near(gold: str, pred: str, pred_org: str) -> bool:
    """Same role, or the lexicon's split of it ("Phó Tổng Thanh tra" of "Chính phủ")."""
    g, p = fold(gold), fold(pred)
    return g == _ROLE_ALIASES.get(p, p) or f"{p} {fold(pred_org)}".startswith(g)


def _same(g: dict, p: dict) -> bool:
    return _near(g["person"], p["person"]) and _role_near(g["role"], p["role"], p["org"]) \
        and _org_near(g["org"], p["org"]) and g["side"] == p["side"]


def predictions(path: str, sentence: str) -> list[dict]:
    text = (CORPUS / path).read_text(encoding="utf-8")
    record = extract(path, text)
    sentence = normalize_text(sentence)  # as the article's text: NFC, new-style tone marks
    out = []
    for post in record.posts:
        if post.tenure is None or post.span is None or post.span.text not in sentence \
                or sentence not in post.span.sentence and post.span.sentence not in sentence:
            continue
        out.append(dict(person=post.person, role=post.role, org=post.org.label if post.org else "",
                        kind=post.tenure.kind, side=post.tenure.side,
                        date=post.tenure.date.isoformat() if post.tenure.date else None))
    return out


def main(verbose: bool = False) -> dict:
    gold = json.loads((ROOT / "devset_real" / "tenure_gold.json").read_text(encoding="utf-8"))["sentences"]
    sides = {kind: spec["side"] for kind, spec in lexicon_kinds().items()}
    n_gold = n_pred = hit_gold = hit_pred = kind_ok = date_ok = 0
    for entry in gold:
        wanted = [dict(g, side=sides[g["kind"]]) for g in entry["intervals"]]
        got = predictions(entry["path"], entry["sentence"])
        n_gold += len(wanted)
        n_pred += len(got)
        for g in wanted:
            match = next((p for p in got if _same(g, p)), None)
            if match is not None:
                hit_gold += 1
                kind_ok += match["kind"] == g["kind"]
                date_ok += match["date"] == g["date"]
            elif verbose:
                print("MISS ", entry["path"], g["person"], "|", g["role"], "|", g["org"], "|", g["kind"], g["date"])
        for p in got:
            if any(_same(g, p) for g in wanted):
                hit_pred += 1
            elif verbose:
                print("WRONG", entry["path"], p["person"], "|", p["role"], "|", p["org"], "|", p["kind"], p["date"])
    figures = dict(sentences=len(gold), gold=n_gold, predicted=n_pred,
                   recall=round(hit_gold / n_gold, 3), precision=round(hit_pred / n_pred, 3) if n_pred else None,
                   kind_agrees=f"{kind_ok}/{hit_gold}", date_agrees=f"{date_ok}/{hit_gold}")
    print(json.dumps(figures, ensure_ascii=False))
    return figures


def lexicon_kinds() -> dict:
    """The change kinds and their sides, with 'former' (no phrase: 'nguyên', 'cựu') an end."""
    lexicon()  # the data file parses
    from kg.lexicon import data
    return {**data("tenure.json")["kinds"], "former": {"side": "end"}}


if __name__ == "__main__":
    main("-v" in sys.argv[1:])
