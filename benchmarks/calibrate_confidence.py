"""Fit ``kg/data/confidence.json``: each rule's precision on the real dev gold.

Every fact the builder emits on the gold's articles (typings, posts, meetings, attendance,
organizer and about links) is judged right or wrong with the shared scorer's own matching
(``../shared/tools/kgscore.py``, loaded as ``scripts/score.py`` loads it); facts the gold leaves
optional are not judged. A rule's score is its precision shrunk towards its kind's
(``(right + K·p_kind) / (judged + K)``), and a rule judged fewer than ``MIN_JUDGED`` times is
capped below 0.9, so a high score always rests on enough evidence. Rules are fitted again on the
graphs the new table scores until the table stops changing (which of a fact's evidences wins
depends on the scores). Writes the table, and the precision-against-threshold curve as a
markdown table (``benchmarks/CONFIDENCE.md``).

    python benchmarks/calibrate_confidence.py [--gold devset_real/gold.json] [--corpus ../shared/corpus/dev]
    python benchmarks/calibrate_confidence.py --evaluate --gold devset_real/heldout_b.json   # the table on other articles
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from score import load_scorer  # noqa: E402  (scripts/score.py: the shared scorer, loaded once)

from kg import confidence  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.rdf import ArticleGraphBuilder  # noqa: E402
from kg.reader import read_input  # noqa: E402
from kg.vocab import ELI, ORG, RDF, VNKG  # noqa: E402

K = 4.0           # prior strength: judged facts a rule needs before its own precision outweighs its kind's
MIN_JUDGED = 20   # fewer judged facts than this: never scored 0.9 or more
CAP = 0.89
THRESHOLDS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95]
TABLE = ROOT / "kg" / "data" / confidence.TABLE
REPORT = ROOT / "benchmarks" / "CONFIDENCE.md"
ks = load_scorer()

Judged = tuple[str, str, float, bool]  # kind, evidence key, score, right


def build(path: Path) -> tuple[Graph, ArticleGraphBuilder]:
    """The article's graph and the builder that made it (it knows each fact's evidence key)."""
    item = read_input(path)
    record = extract(path.name, item.text, given=item.given) if item.given else extract(path.name, item.text)
    builder = ArticleGraphBuilder(record, Graph())
    builder.build()
    return builder.g, builder


def _prefix_verdicts(pred: dict, gold: list[set[str]], optional: set[str], norm_fn) -> dict:
    """node → True/False/None (optional) exactly as ``kgscore.match_items`` counts it: it walks the
    nodes in order, so the verdict of node k is how the tallies move when node k is added."""
    out, items, last = {}, list(pred.items()), (0, 0)
    for k in range(len(items)):
        tp, fp, _, _ = ks.match_items(dict(items[: k + 1]), gold, optional, norm_fn)
        out[items[k][0]] = True if tp > last[0] else False if fp > last[1] else None
        last = (tp, fp)
    return out


def judge(g: Graph, b: ArticleGraphBuilder, gold: dict) -> list[Judged]:
    norm, places = ks.norm, gold.get("provinces", [])
    onorm = lambda s, _p=places + gold.get("optional_places", []): ks.place_variants(s, _p)  # noqa: E731
    verdict: dict = {}  # a typing's subject, a membership or meeting node, or a link triple → right?
    # entity typings, kind by kind, as score_document matches them
    org_alias, go = {}, []
    for o in gold.get("organizations", []):
        acc = set().union(onorm(o["name"]), *(onorm(a) for a in o.get("aliases", [])))
        org_alias[norm(o["name"])] = acc
        go.append(acc)
    specs = {
        "Person": (ks.entities(g, "Person"), [{norm(p["name"])} for p in gold.get("persons", [])],
                   {norm(n) for n in gold.get("optional_persons", [])}, norm),
        "Organization": (ks.entities(g, "Organization"), go,
                         set().union(*(onorm(n) for n in gold.get("optional_organizations", []))), onorm),
        "Province": (ks.entities(g, "Province"), [{norm(p)} for p in places],
                     {norm(p) for p in gold.get("optional_places", [])}, norm),
        "Decision": ({n: d["ids"] or {""} for n, d in ks.decisions(g).items()},
                     [{ks.norm_decision(d["id"])} for d in gold.get("decisions", [])],
                     {ks.norm_decision(d) for d in gold.get("optional_decisions", [])}, lambda s: s),
    }
    for kind, args in specs.items():
        for node, ok in _prefix_verdicts(*args).items():
            verdict[(kind, node)] = ok
    # meetings: the scorer's greedy assignment of gold meetings to nodes
    ms = ks.meetings(g)
    used: dict = {}
    for gm in gold.get("meetings", []):
        want_place = norm(gm["province"]) if gm.get("province") else None
        want_people = {norm(p) for p in gm.get("attendees", [])}
        best, best_overlap = None, -1
        for node, m in ms.items():
            if node in used or (gm.get("date") and gm["date"] not in m["dates"]):
                continue
            if want_place and want_place not in {norm(p) for p in m["places"]}:
                continue
            overlap = len(want_people & {norm(p) for p in m["people"]})
            if overlap > best_overlap:
                best, best_overlap = node, overlap
        if best is not None:
            used[best] = gm
    optional_m = [norm(o) for o in gold.get("optional_meetings", [])]
    for node, m in ms.items():
        optional = node not in used and any(o in norm(lab) for lab in m["labels"] for o in optional_m)
        verdict[("Meeting", node)] = None if optional else node in used
    # attendance, organizer and about links: right when the gold meeting they hang on lists them
    for (s, p, o), (kind, _, _) in b.claims.items():
        if p == RDF.type:
            continue
        if verdict.get(("Meeting", s)) is None:
            verdict[(kind, (s, p, o))] = None
            continue
        gm = used.get(s)
        names = {norm(x) for x in ks.labels(g, o)}
        if gm is None:
            ok = False
        elif kind == "About":
            ok = bool({ks.norm_decision(str(i)) for i in g.objects(o, ELI.id_local)} & {ks.norm_decision(d) for d in gm.get("about", [])})
        elif (o, RDF.type, VNKG.Person) in g:
            ok = bool(names & {norm(x) for x in gm.get("attendees", [])})
        else:  # a body: the gold names the bodies that hold an event, not every one that attends
            accepted = set().union(*(org_alias.get(norm(x), onorm(x)) for x in gm.get("organizers", [])))
            ok = True if set().union(*(onorm(x) for x in ks.labels(g, o))) & accepted else (False if kind == "Organizer" else None)
        verdict[(kind, (s, p, o))] = ok
    # posts: person + role + body, as score_document matches them
    gposts = []
    for p in gold.get("persons", []):
        for post in p.get("posts", []):
            oacc = org_alias.get(norm(post["org"]), onorm(post["org"]))
            racc = set()
            for role in [post["role"], *post.get("role_aliases", [])]:
                racc |= {norm(role)} | {norm(role + " " + a) for a in oacc} | {norm(role + " " + post["org"])}
            gposts.append((norm(p["name"]), racc, oacc, post.get("optional", False)))
    hit: set[int] = set()
    for m in g.subjects(RDF.type, ORG.Membership):
        pn = {norm(x) for x in ks.labels(g, g.value(m, ORG.member))}
        on = set().union(*(onorm(x) for x in ks.labels(g, g.value(m, ORG.organization))))
        role = g.value(m, ORG.role)
        rn = {norm(x) for x in ks.labels(g, role)} if role is not None else set()
        found = next((i for i, (gpn, racc, oacc, _) in enumerate(gposts)
                      if gpn in pn and rn & racc and on & oacc and i not in hit), None)
        if found is None:
            verdict[("Membership", m)] = None if any(gpn in pn and opt for gpn, _, _, opt in gposts) else False
        else:
            hit.add(found)
            verdict[("Membership", m)] = None if gposts[found][3] else True
    # each judged fact with its evidence key and score
    out: list[Judged] = []
    for (s, p, o), (kind, key, _) in b.claims.items():
        ok = verdict.get((kind, s)) if p == RDF.type else verdict.get((kind, (s, p, o)))
        if ok is not None:
            out.append((kind, key, confidence.score(kind, key), ok))
    for node, (kind, key) in b.node_keys.items():
        ok = verdict.get((kind, node))
        if ok is not None:
            out.append((kind, key, confidence.score(kind, key), ok))
    return out


def fit(facts: list[Judged]) -> dict:
    by_kind: dict[str, list[Judged]] = defaultdict(list)
    for f in facts:
        by_kind[f[0]].append(f)
    kinds = {}
    for kind, rows in sorted(by_kind.items()):
        p_kind = sum(r[3] for r in rows) / len(rows)
        rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for _, key, _, ok in rows:
            for k in {key, confidence.rule_of(key)}:  # the key, and its rule for keys never seen
                rules[k][0] += ok
                rules[k][1] += 1
        table = {}
        for key, (right, n) in sorted(rules.items()):
            c = (right + K * p_kind) / (n + K)
            if n < MIN_JUDGED:
                c = min(c, CAP)
            table[key] = {"confidence": round(c, 3), "right": right, "judged": n}
        kinds[kind] = {"default": round(min(p_kind, CAP), 3), "judged": len(rows), "rules": table}
    return kinds


def curve(facts: list[Judged]) -> list[tuple[float, int, float]]:
    out = []
    for t in THRESHOLDS:
        kept = [f for f in facts if f[2] >= t]
        out.append((t, len(kept), sum(f[3] for f in kept) / len(kept) if kept else 1.0))
    return out


def held_out(facts_by_doc: dict[str, list[Judged]], folds: int = 2) -> list[Judged]:
    """Each article's facts scored by a table fitted on the other folds' articles only: what the
    scores are worth on articles they were not fitted on."""
    names = sorted(facts_by_doc)
    out: list[Judged] = []
    for f in range(folds):
        test = set(names[f::folds])
        kinds = fit([x for n in names if n not in test for x in facts_by_doc[n]])
        for n in sorted(test):
            for kind, key, score, ok in facts_by_doc[n]:
                entry = kinds.get(kind)
                if score < 1.0 and entry is not None:  # gazetteer facts stay certain
                    hit = entry["rules"].get(key) or entry["rules"].get(confidence.rule_of(key))
                    score = hit["confidence"] if hit else entry["default"]
                out.append((kind, key, score, ok))
    return out


def report(kinds: dict, facts: list[Judged], n_docs: int) -> str:
    lines = ["# Confidence calibration on the real dev gold",
             "",
             f"Written by `benchmarks/calibrate_confidence.py` from {n_docs} articles of `devset_real/gold.json`: "
             f"{len(facts)} facts judged with the shared scorer's matching (optional ones left out).",
             "",
             "## Precision against threshold",
             "",
             "| confidence ≥ | facts kept | precision |",
             "| ---: | ---: | ---: |"]
    lines += [f"| {t:.2f} | {n} | {p:.3f} |" for t, n, p in curve(facts)]
    lines += ["", "## Table (kind, evidence: right / judged → confidence)", "",
              "| kind | evidence | right | judged | confidence |", "| --- | --- | ---: | ---: | ---: |"]
    for kind, entry in kinds.items():
        for key, r in entry["rules"].items():
            lines.append(f"| {kind} | {key} | {r['right']} | {r['judged']} | {r['confidence']:.3f} |")
        lines.append(f"| {kind} | (any other) | | {entry['judged']} | {entry['default']:.3f} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "devset_real" / "gold.json")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev")
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--held-out", type=int, metavar="FOLDS", default=0,
                    help="only report the curve of scores fitted on the other folds' articles (no table written)")
    ap.add_argument("--evaluate", action="store_true",
                    help="only report the curve of the table as it is on --gold's articles (no fit, nothing written)")
    a = ap.parse_args()
    docs = json.loads(a.gold.read_text(encoding="utf-8"))["documents"]
    if a.evaluate:  # e.g. on a held-out gold the table was not fitted on
        for t, n, p in curve([f for name, dgold in docs.items() for f in judge(*build(a.corpus / name), dgold)]):
            print(f">= {t:.2f}: {n:5d} facts, precision {p:.3f}")
        return 0
    if a.held_out:
        by_doc = {name: judge(*build(a.corpus / name), dgold) for name, dgold in docs.items()}
        for t, n, p in curve(held_out(by_doc, a.held_out)):
            print(f"held out, >= {t:.2f}: {n:5d} facts, precision {p:.3f}")
        return 0
    kinds: dict = {}
    for _ in range(a.rounds):  # the last round's graphs are built with the table it keeps
        facts = [f for name, dgold in docs.items() for f in judge(*build(a.corpus / name), dgold)]
        new = fit(facts)
        if new == kinds:
            break
        kinds = new
        TABLE.write_text(json.dumps({"about": "written by benchmarks/calibrate_confidence.py; do not edit",
                                     "prior_strength": K, "min_judged": MIN_JUDGED, "kinds": kinds},
                                    ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        confidence.table.cache_clear()
    else:
        facts = [f for name, dgold in docs.items() for f in judge(*build(a.corpus / name), dgold)]
    REPORT.write_text(report(kinds, facts, len(docs)), encoding="utf-8")
    for t, n, p in curve(facts):
        print(f"≥ {t:.2f}: {n:5d} facts, precision {p:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
