"""Project the RDF graph onto a networkx ``MultiDiGraph`` that people can look at.

The RDF keeps facts as nodes (``org:Membership``, ``vnkg:Mention``) so they can carry
provenance; a network picture wants them as edges. Here a membership becomes one edge
Person —"Chủ tịch"→ Organization, meetings and decisions stay nodes, mentions become the
evidence (article, sentence) attached to nodes and edges, and articles are nodes only on
request. Everything downstream (viz, stats, export) works on this projection.

Node attributes: ``kind``, ``label``, ``iri``, ``alt`` (other names), ``dates``,
``articles`` (article IRIs), ``evidence`` ([article IRI, sentence] pairs), ``details``
([name, value] pairs for tooltips). Edge attributes: ``rel``, ``label``, ``articles``,
``evidence``. ``G.graph["articles"]`` maps article IRI → title, date, file.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from kg.netview import add_context, balanced_core
from kg.vocab import DCTERMS, ELI, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, VNKG

KIND_OF_CLASS: dict[URIRef, str] = {
    VNKG.Person: "Person",
    VNKG.Organization: "Organization",
    VNKG.Meeting: "Meeting",
    VNKG.Decision: "Decision",
    VNKG.Province: "Province",
    VNKG.District: "District",
    VNKG.Article: "Article",
}
# The standard superclasses, for graphs that only assert those.
FALLBACK_CLASS: dict[URIRef, str] = {
    SCHEMA.Person: "Person",
    ORG.Organization: "Organization",
    SCHEMA.Event: "Meeting",
    ELI.LegalResource: "Decision",
    SCHEMA.AdministrativeArea: "Province",
    SCHEMA.NewsArticle: "Article",
}
KINDS: tuple[str, ...] = ("Person", "Organization", "Meeting", "Decision", "Province", "District",
                          "Article")
DEFAULT_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "Article")

# Edge relations: RDF property (on the subject's side) → (rel key, label, reversed?)
# "reversed" draws object → subject, so that every arrow reads as an English sentence.
RELATIONS: dict[URIRef, tuple[str, str, bool]] = {
    SCHEMA.attendee: ("attended", "attended", True),
    SCHEMA.organizer: ("organised", "organised", True),
    SCHEMA.about: ("about", "about", False),
    SCHEMA.location: ("located_in", "located in", False),
    ELI.passed_by: ("issued_by", "issued by", False),
    ORG.subOrganizationOf: ("part_of", "part of", False),
    VNKG.province: ("located_in", "located in", False),
    SCHEMA.containedInPlace: ("part_of", "part of", False),
    VNKG.replacedBy: ("replaced_by", "replaced by", False),
    SCHEMA.author: ("wrote", "wrote", True),
    SCHEMA.mentions: ("mentions", "mentions", False),
}
MAX_EVIDENCE = 3


def _text(value: Node | None) -> str:
    return unicodedata.normalize("NFC", str(value)) if value is not None else ""


def _date(value: Node | None) -> str:
    """ISO date (no time) of an xsd:date/dateTime literal, '' when absent or unparsable."""
    text = _text(value)
    return text[:10] if re.match(r"\d{4}-\d{2}-\d{2}", text) else ""


def _label(g: Graph, node: Node) -> str:
    """The ``@vi`` rdfs:label when there is one, else any label, else the IRI's last segment."""
    labels = list(g.objects(node, RDFS.label))
    for lang in ("vi", None):
        for lit in labels:
            if isinstance(lit, Literal) and (lang is None or lit.language == lang):
                return _text(lit)
    return _text(node).rstrip("/").rsplit("/", 1)[-1]


def _kinds(g: Graph) -> dict[Node, str]:
    kinds: dict[Node, str] = {}
    for cls, kind in FALLBACK_CLASS.items():
        for s in g.subjects(RDF.type, cls):
            kinds[s] = kind
    for cls, kind in KIND_OF_CLASS.items():  # the vnkg class wins
        for s in g.subjects(RDF.type, cls):
            kinds[s] = kind
    return kinds


class _Builder:
    """Collects per-subject provenance once, then emits nodes and edges."""

    def __init__(self, g: Graph) -> None:
        self.g = g
        self.kinds = _kinds(g)
        self.article_iris = {s for s, k in self.kinds.items() if k == "Article"}
        self.articles: dict[Node, set[str]] = defaultdict(set)
        self.evidence: dict[Node, list[tuple[str, str]]] = defaultdict(list)
        self._collect_provenance()
        self.G = nx.MultiDiGraph()

    def _collect_provenance(self) -> None:
        g, arts = self.g, self.article_iris
        # Named graphs: a subject described inside an article's graph comes from that article.
        if hasattr(g, "quads"):
            for s, _p, _o, ctx in g.quads((None, RDF.type, None, None)):
                ident = getattr(ctx, "identifier", ctx)
                if ident in arts:
                    self.articles[s].add(str(ident))
        for a, e in g.subject_objects(SCHEMA.mentions):
            self.articles[e].add(str(a))
        for f, a in g.subject_objects(PROV.wasDerivedFrom):
            if a in arts:
                self.articles[f].add(str(a))
        for s, m in g.subject_objects(VNKG.mention):
            art = g.value(m, VNKG.inArticle)
            if art is not None:
                self.articles[s].add(str(art))
            sentence = _text(g.value(m, VNKG.sentence))
            if sentence:
                pair = (_text(art) if art is not None else "", sentence)
                if pair not in self.evidence[s]:
                    self.evidence[s].append(pair)

    def _prov(self, *subjects: Node) -> tuple[set[str], list[tuple[str, str]]]:
        arts: set[str] = set()
        ev: list[tuple[str, str]] = []
        for s in subjects:
            arts |= self.articles.get(s, set())
            ev += [e for e in self.evidence.get(s, []) if e not in ev]
        return arts, ev

    def nodes(self) -> None:
        g = self.g
        for s, kind in self.kinds.items():
            alt = sorted({_text(a) for a in g.objects(s, SKOS.altLabel)})
            details: list[list[str]] = []
            dates: list[str] = []
            label = _label(g, s)
            if kind == "Meeting":
                dates = sorted({d for d in map(_date, g.objects(s, SCHEMA.startDate)) if d})
            elif kind == "Decision":
                number = _text(g.value(s, ELI.id_local))
                if number:
                    details.append(["Number", number])
                    if not list(g.objects(s, RDFS.label)):
                        label = number
                title = _text(g.value(s, ELI.title))
                if title:
                    details.append(["Title", title])
                dates = sorted({d for d in map(_date, g.objects(s, ELI.date_document)) if d})
            elif kind == "Article":
                dates = sorted({d for d in map(_date, g.objects(s, SCHEMA.datePublished)) if d})
                details.append(["File", _text(g.value(s, DCTERMS.identifier))])
                url = g.value(s, SCHEMA.url)
                if url is not None:
                    details.append(["URL", _text(url)])
            arts = set(self.articles.get(s, set()))
            if kind == "Article":
                arts.add(str(s))
            self.G.add_node(str(s), kind=kind, label=label, iri=str(s), alt=alt, dates=dates,
                            articles=sorted(arts), evidence=[list(e) for e in self.evidence.get(s, [])][:MAX_EVIDENCE],
                            details=details)

    def _edge(self, u: Node, v: Node, rel: str, label: str, arts: Iterable[str],
              ev: Iterable[tuple[str, str]]) -> None:
        """Add or merge one edge; the same fact reported twice is one edge with both sources."""
        su, sv = str(u), str(v)
        if su == sv or su not in self.G or sv not in self.G:
            return
        key = f"{rel}:{label}"
        if self.G.has_edge(su, sv, key):
            data = self.G.edges[su, sv, key]
            data["articles"] = sorted(set(data["articles"]) | set(arts))
            data["evidence"] += [list(e) for e in ev if list(e) not in data["evidence"]]
            data["evidence"] = data["evidence"][:MAX_EVIDENCE]
        else:
            self.G.add_edge(su, sv, key=key, rel=rel, label=label, articles=sorted(set(arts)),
                            evidence=[list(e) for e in ev][:MAX_EVIDENCE])

    def edges(self) -> None:
        g = self.g
        for prop, (rel, label, flip) in RELATIONS.items():
            for s, o in g.subject_objects(prop):
                if s not in self.kinds or o not in self.kinds:
                    continue
                if prop == SCHEMA.mentions:
                    arts, ev = {str(s)}, []
                elif self.kinds[s] in ("Meeting", "Decision"):
                    arts, ev = self._prov(s)  # the fact belongs to the event/document
                else:
                    arts, ev = self._prov(s) if self.kinds[s] != "Article" else ({str(s)}, [])
                    if prop in (ORG.subOrganizationOf, VNKG.province, SCHEMA.containedInPlace,
                                VNKG.replacedBy):
                        arts, ev = set(), []  # structural: true whatever article said it
                self._edge(o if flip else s, s if flip else o, rel, label, arts, ev)
        for m in set(g.subjects(RDF.type, ORG.Membership)):
            person, organisation = g.value(m, ORG.member), g.value(m, ORG.organization)
            if person is None or organisation is None:
                continue
            role = g.value(m, ORG.role)
            role_label = (_text(role) if isinstance(role, Literal)
                          else _label(self.g, role) if role is not None else "holds post")
            arts, ev = self._prov(m)
            if not ev:  # fall back on the person's own sentences from the same articles
                ev = [e for e in self.evidence.get(person, []) if e[0] in arts or not arts]
            self._edge(person, organisation, "post", role_label, arts, ev)

    def article_index(self) -> dict[str, dict[str, str]]:
        g = self.g
        return {
            str(a): {
                "title": _label(g, a),
                "date": _date(g.value(a, SCHEMA.datePublished)),
                "file": _text(g.value(a, DCTERMS.identifier)),
            }
            for a in self.article_iris
        }


def project(g: Graph) -> nx.MultiDiGraph:
    """The whole graph as a network: every typed entity a node, facts as labelled edges."""
    b = _Builder(g)
    b.nodes()
    b.edges()
    b.G.graph["articles"] = b.article_index()
    add_context(b.G)
    return b.G


def fold(text: str) -> str:
    """Casefolded, accent-free form for matching user input ("vinh long" finds "Vĩnh Long")."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


@dataclass
class Selection:
    """What part of the network to keep; every field left empty means "no restriction"."""

    kinds: tuple[str, ...] = DEFAULT_KINDS
    province: str | None = None
    since: date | None = None
    until: date | None = None
    focus: str | None = None
    hops: int = 2


class SelectionError(ValueError):
    """The user's selection names something the graph does not have."""


def find_nodes(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Nodes matching ``query``: an IRI, a ``res:`` name, an exact label, or a unique substring."""
    if query in G:
        return [query]
    if query.startswith("res:"):
        iri = "https://w3id.org/vnkg/resource/" + query[4:]
        if iri in G:
            return [iri]
    q = fold(query)
    exact = [n for n, d in G.nodes(data=True)
             if q == fold(d["label"]) or q in map(fold, d.get("alt", []))]
    if exact:
        return exact
    partial = [n for n, d in G.nodes(data=True) if q in fold(d["label"])]
    if len(partial) > 1:
        names = ", ".join(sorted(G.nodes[n]["label"] for n in partial)[:10])
        raise SelectionError(f"{query!r} is ambiguous: {names}")
    if not partial:
        raise SelectionError(f"no node named {query!r}")
    return partial


def _province_articles(G: nx.MultiDiGraph, name: str) -> set[str]:
    """Articles about a province: they mention it, a place in it, or a body located in it."""
    want = _PROVINCE_PREFIX.sub("", fold(name))
    provinces = {n for n, d in G.nodes(data=True) if d["kind"] == "Province" and (
        n == name or want in {_PROVINCE_PREFIX.sub("", fold(x)) for x in [d["label"], *d["alt"]]})}
    if not provinces:
        known = ", ".join(sorted(d["label"] for _, d in G.nodes(data=True) if d["kind"] == "Province"))
        raise SelectionError(f"no province named {name!r} (known: {known or 'none'})")
    inside = set(provinces)
    for u, v, d in G.edges(data=True):
        if v in provinces and d["rel"] in ("located_in", "part_of"):
            inside.add(u)
    arts: set[str] = set()
    for n in inside:
        arts |= set(G.nodes[n]["articles"])
    return arts


def _in_range(day: str, since: date | None, until: date | None) -> bool:
    if not day:
        return False
    d = date.fromisoformat(day)
    return (since is None or d >= since) and (until is None or d <= until)


def _kept(node: dict, allowed: set[str], sel: Selection) -> bool:
    """A meeting is kept by its own date when a date range is asked; anything else by its articles."""
    if node["kind"] == "Meeting" and node["dates"] and (sel.since or sel.until):
        return _in_range(node["dates"][0], sel.since, sel.until) and (
            not sel.province or bool(allowed & set(node["articles"])))
    return bool(allowed & set(node["articles"]))


def select(G: nx.MultiDiGraph, sel: Selection) -> nx.MultiDiGraph:
    """The part of ``G`` a selection asks for, as a new graph (the input is left alone)."""
    unknown = set(sel.kinds) - set(KINDS)
    if unknown:
        raise SelectionError(f"unknown type(s) {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    H = G.copy()
    allowed: set[str] | None = None
    if sel.province:
        allowed = _province_articles(G, sel.province)
    if sel.since or sel.until:
        index = G.graph.get("articles", {})
        dated = {a for a, meta in index.items() if _in_range(meta["date"], sel.since, sel.until)}
        allowed = dated if allowed is None else allowed & dated
    if allowed is not None:
        H.remove_edges_from([(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                             if d["articles"] and not allowed & set(d["articles"])])
        H.remove_nodes_from([n for n, d in G.nodes(data=True)
                             if d["articles"] and not _kept(d, allowed, sel)])
        H.remove_nodes_from([n for n, d in list(H.nodes(data=True))
                             if not d["articles"] and H.degree(n) == 0])
    H.remove_nodes_from([n for n, d in list(H.nodes(data=True)) if d["kind"] not in sel.kinds])
    if sel.focus:
        seeds = [n for n in find_nodes(G, sel.focus) if n in H]
        if not seeds:
            raise SelectionError(f"{sel.focus!r} is not in the selected part of the graph")
        undirected = H.to_undirected(as_view=True)
        keep: set[str] = set()
        for seed in seeds:
            keep |= set(nx.single_source_shortest_path_length(undirected, seed, cutoff=sel.hops))
        H = H.subgraph(keep).copy()
        H.graph["focus"] = seeds
    return H


def simple(G: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple view for centrality: parallel facts count once."""
    S = nx.Graph()
    S.add_nodes_from(G.nodes(data=True))
    S.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return S


def most_central(G: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """A readable core of a big graph: ``limit`` nodes, focus nodes always kept.

    Not just the top of the degree ranking (on news graphs that is provinces and national
    bodies, no people): each kind gets its share, people come with the bodies they hold
    posts in, and the rest is picked by links to what is already kept (``kg.netview``).
    """
    if len(G) <= limit:
        return G
    H = G.subgraph(balanced_core(G, limit, dict(simple(G).degree()))).copy()
    H.graph["truncated_from"] = len(G)
    return H
