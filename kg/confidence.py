"""How far each fact can be trusted: the rule that produced it (``vnkg:extractedBy``) and that
rule's precision on the real dev gold (``vnkg:confidence``), read from ``kg/data/confidence.json``
(written by ``benchmarks/calibrate_confidence.py``, never by hand).

A typing or a link is a plain triple, so its score sits on a ``vnkg:Evidence`` node of the article
(``rdf:subject``/``rdf:predicate``/``rdf:object`` name the triple); posts and meetings carry theirs
on their own node. ``drop_below`` leaves out what scores under a threshold.
"""
from __future__ import annotations

from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.lexicon import data
from kg.model import MeetingRef, OrgRef
from kg.serialize import HeldGraphs
from kg.store import to_oxigraph, to_rdflib
from kg.vocab import ORG, RDF, VNKG

TABLE = "confidence.json"
GAZETTEER = "gazetteer"  # a province of the gazetteer: certain
UNCALIBRATED = 0.5       # a kind the table has never seen (only before the first calibration)

# OrgRef.kind → the rule of kg/nlp/orgs.py or titles.py that built the name
ORG_RULES = {"national": "lexicon-org", "open": "open-org-head", "committee": "committee-name",
             "unit": "unit-of-body", "body": "body-of-level", "department": "body-of-level",
             "steering": "steering-committee", "delegation": "delegation", "org": "committee-name"}


@cache
def table() -> dict:
    """The fitted table: kind → {"default": precision of the kind, "rules": {key: {"confidence", ...}}}."""
    try:
        return data(TABLE)["kinds"]
    except FileNotFoundError:
        return {}


def score(kind: str, key: str) -> float:
    """The calibrated confidence of a fact of ``kind`` found by evidence ``key`` (a rule, or
    ``rule/feature``); an unseen key gets its rule's score, else the kind's precision."""
    if key == GAZETTEER:
        return 1.0
    kinds = table().get(kind)
    if kinds is None:
        return UNCALIBRATED
    rules = kinds["rules"]
    hit = rules.get(key) or rules.get(key.split("/", 1)[0])
    return hit["confidence"] if hit else kinds["default"]


@lru_cache(maxsize=4096)
def literal(value: float) -> Literal:
    """Three decimals in canonical form ("0.99", "1"), as the Oxigraph store would write them, so a
    store's export is the same bytes as a build's."""
    return Literal(f"{value:.3f}".rstrip("0").rstrip("."), datatype=XSD.decimal)


def rule_of(key: str) -> str:
    """The stable rule name of an evidence key (``named-event/dated`` → ``named-event``)."""
    return key.split("/", 1)[0]


def org_key(ref: OrgRef) -> str:
    return "short-form" if ref.bare else ORG_RULES.get(ref.kind, ref.kind)


def meeting_key(m: MeetingRef) -> str:
    return f"{m.rule}/{'dated' if m.date else 'undated'}"


def decision_key(scope: str) -> str:
    """A number with its code ('290-QĐ/TW') names one document; a bare number only the article's."""
    return "uncoded-number" if scope == "article" else "coded-number"


# ---------------------------------------------------------------------- leaving weak facts out
def _best(g: Graph, node: URIRef) -> float:
    """The highest score a node carries (a post several articles report has one per article)."""
    return max((float(v) for v in g.objects(node, VNKG.confidence)), default=0.0)


def weak_facts(g: Graph, threshold: float) -> tuple[set[URIRef], set[tuple]]:
    """(nodes to leave out, link triples to leave out): memberships and meetings whose best score
    is under the threshold, entities whose typing's best evidence is, every post of a left-out
    person or body; links whose best evidence is under it."""
    best: dict[tuple, float] = {}
    for ev in g.subjects(RDF.type, VNKG.Evidence):
        fact = (g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object))
        best[fact] = max(best.get(fact, 0.0), _best(g, ev))
    weak = {s for (s, p, _), c in best.items() if p == RDF.type and c < threshold}
    links = {f for f, c in best.items() if f[1] != RDF.type and c < threshold}
    for cls in (ORG.Membership, VNKG.Meeting):
        weak |= {n for n in g.subjects(RDF.type, cls) if _best(g, n) < threshold}
    weak |= {m for m in g.subjects(RDF.type, ORG.Membership)
             if {g.value(m, ORG.member), g.value(m, ORG.organization)} & weak}
    return weak, links


def _drop(g: Graph, weak: set[URIRef], links: set[tuple]) -> None:
    for fact in links:
        g.remove(fact)
    for ev in list(g.subjects(RDF.type, VNKG.Evidence)):
        fact = (g.value(ev, RDF.subject), g.value(ev, RDF.predicate), g.value(ev, RDF.object))
        if fact in links or fact[0] in weak or fact[2] in weak:
            weak.add(ev)
    for node in weak:
        g.remove((node, None, None))
        g.remove((None, None, node))
    used = set(g.objects(None, VNKG.mention))
    for m in set(g.subjects(RDF.type, VNKG.Mention)) - used:  # the text of a left-out fact only
        g.remove((m, None, None))


def _drop_below(g: Graph, threshold: float) -> None:
    weak, links = weak_facts(g, threshold)
    if weak or links:
        _drop(g, weak, links)


def drop_below(graphs: Dataset | Graph, threshold: float) -> int:
    """Leave out every fact scored under ``threshold``, each article graph of a dataset on its own;
    the number of statements removed. A build's dataset still held as pyoxigraph triples stays held
    (one small rdflib graph per article at a time), so it is written as fast as without the option."""
    store = getattr(graphs, "store", None)
    if isinstance(store, HeldGraphs) and store.pending is not None:
        removed = 0
        for name, triples in store.pending.items():
            g = Graph()
            for t in triples:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            _drop_below(g, threshold)
            removed += len(triples) - len(g)
            store.pending[name] = [ox.Triple(*map(to_oxigraph, t)) for t in g]
        return removed
    before = len(graphs)
    for g in graphs.graphs() if isinstance(graphs, Dataset) else [graphs]:
        _drop_below(g, threshold)
    return before - len(graphs)
