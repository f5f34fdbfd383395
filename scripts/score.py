"""The shared scorer (``../shared/tools/kgscore.py``) run in one process: the same scoring
functions on graphs built in-process by ``kg.build.build_dataset``, so a gold set of 80 articles
scores in seconds instead of minutes of ``kg build`` start-ups. For development; the figures
to report come from kgscore.py itself.

    python scripts/score.py --gold devset_real/gold.json --corpus ../shared/corpus/dev [-v] [--only PATTERN]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

import rdflib

from kg.build import build_dataset

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "tools" / "kgscore.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("kgscore", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def graph_of(paths: list[Path]) -> rdflib.Graph:
    ds, _ = build_dataset(paths)
    g = rdflib.Graph()
    for s, p, o, _c in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--only", default="", help="score only documents whose name contains this")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    ks = load_scorer()
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    kinds = ["Person", "Organization", "Province", "Decision", "Meeting", "Post", "Attendee", "Organizer", "About"]
    tallies = {k: ks.Tally() for k in kinds}
    report = {}
    names = [n for n in gold["documents"] if a.only in n]
    for name in names:
        notes = ks.score_document(graph_of([a.corpus / name]), gold["documents"][name], tallies)
        report[name] = notes
        if a.verbose:
            for n in notes:
                print(f"  {name} {n}")
    c_ok, c_total, c_notes = ks.corpus_checks(graph_of([a.corpus / n for n in names]), gold)
    if a.verbose:
        for n in c_notes:
            print("  corpus " + n)
    print(f"{'kind':<13}{'P':>6}{'R':>6}{'F1':>6}   tp  fp  fn")
    for k in kinds:
        p, r, f = tallies[k].prf()
        t = tallies[k]
        print(f"{k:<13}{p:6.2f}{r:6.2f}{f:6.2f} {t.tp:4d}{t.fp:4d}{t.fn:4d}")
    ent, rel = ks.Tally(), ks.Tally()
    for k in ("Person", "Organization", "Province", "Decision", "Meeting"):
        ent.add(tallies[k].tp, tallies[k].fp, tallies[k].fn)
    for k in ("Post", "Attendee", "Organizer", "About"):
        rel.add(tallies[k].tp, tallies[k].fp, tallies[k].fn)
    print(f"summary: entity F1 {ent.prf()[2]:.3f}, relation F1 {rel.prf()[2]:.3f}, corpus checks {c_ok}/{c_total}")
    if a.json:
        a.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
