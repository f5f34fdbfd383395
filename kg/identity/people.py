"""The corpus-level step of person identity: after every article graph is built, read the
profiles, cluster each name's mentions, and give each cluster its IRI inside the article
graphs that name it; record every split in an identity graph a user can inspect and override.

A name with one cluster keeps its plain IRI (``person/Nguyễn_Văn_An``); when a name splits,
the largest cluster keeps it and each other one is qualified by its province, DBpedia
fashion (``person/Nguyễn_Văn_An_(Nam_Định)``), or by a number when it has none. Rewriting
is idempotent: graphs are read through ``base_iri``, so a resolved store resolves again to
the same bytes as a fresh build of the same articles.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.confidence import literal as score_literal
from kg.identity.linkage import Cluster, Stats, resolve, score
from kg.identity.profiles import RDF_TYPE, Profile, base_iri, profiles_of
from kg.naming import iri_name
from kg.resolve import Provinces, short_hash
from kg.vocab import ORG, RDF, RDFS, SCHEMA, VNKG

# the patterns a profile is read from, (predicate, object or None), each over every graph at once;
# of the type statements only the persons' (all of them would be a fifth of the store)
MEMBER = str(ORG.member)
PROFILE_PATTERNS = ((RDF_TYPE, str(VNKG.Person)), (MEMBER, None), (str(ORG.organization), None),
                    (str(VNKG.province), None), (str(SCHEMA.contentLocation), None), (str(SCHEMA.datePublished), None))
IDENTITY_GRAPH = "identity"  # under the resource base


def label_of(person_iri: str) -> str:
    """'…/person/Nguyễn_Văn_An' → 'Nguyễn Văn An'."""
    return unquote(person_iri.rsplit("/", 1)[-1]).replace("_", " ")


@dataclass
class Resolution:
    """What the step decided: per article graph, the person IRIs to rename; the identity graph."""
    renames: dict[str, dict[str, str]]           # graph → {IRI in the graph: resolved IRI}
    identity: list[tuple[URIRef, URIRef, Node]]  # the identity graph's triples
    clusters: dict[str, list[Cluster]]


def read_profiles(quads: Iterable[tuple[str, str, str, str]]) -> tuple[list[Profile], dict[str, dict[str, set[str]]]]:
    """Profiles from (s, p, o, graph) of the profile predicates, and each graph's person IRIs
    as written now, with the posts (memberships) each holds there."""
    by_graph: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append((s, p, o))
    profiles: list[Profile] = []
    present: dict[str, dict[str, set[str]]] = {}
    person_type = str(VNKG.Person)
    for g in sorted(by_graph):
        triples = by_graph[g]
        people: dict[str, set[str]] = {s: set() for s, p, o in triples if p == RDF_TYPE and o == person_type}
        for s, p, o in triples:
            if p == MEMBER and o in people:
                people[o].add(s)
        if people:
            present[g] = people
            profiles.extend(profiles_of(g, triples))
    return profiles, present


def resolve_people(profiles: list[Profile], present: dict[str, dict[str, set[str]]], base: str) -> Resolution:
    clusters, stats = resolve(profiles, label_of)
    final: dict[tuple[str, str], str] = {}
    identity: list[tuple[URIRef, URIRef, Node]] = []
    for name, found in clusters.items():
        iris = _cluster_iris(name, found)
        for c, iri in zip(found, iris):
            for m in c.members:
                final[(m.article, name)] = iri
        if len(found) > 1:
            identity.extend(_candidates(name, found, iris, stats, base))
    renames: dict[str, dict[str, str]] = {}
    for g, people in present.items():
        change = {p: final.get((g, base_iri(p)), base_iri(p)) for p in people}
        change = {old: new for old, new in change.items() if old != new}
        for old, new in list(change.items()):  # a post's node is named after its holder: rename it with them
            change.update({m: f"{m}-{short_hash(new, n=6)}" for m in people[old]})
        if change:
            renames[g] = change
    return Resolution(renames, identity, clusters)


@lru_cache(maxsize=1)
def _province_names() -> dict[str, str]:
    """'province/ninh-binh' → 'Ninh Bình' (and the merged units' keys)."""
    provinces = Provinces()
    names = {provinces.key_2008(n): n for n in provinces.old}
    names.update({provinces.key_2025(n): n for n in provinces.new})
    return names


def _qualifier(province_iri: str) -> str:
    key = "province/" + province_iri.rsplit("/province/", 1)[-1]
    return iri_name(_province_names().get(key, label_of(province_iri)))


def _cluster_iris(name: str, clusters: list[Cluster]) -> list[str]:
    iris = [name]
    used = {name}
    for n, c in enumerate(clusters[1:], start=2):
        anchor = c.anchor()
        qualifier = _qualifier(anchor) if anchor else str(n)
        iri = f"{name}_({qualifier})"
        if iri in used:
            iri = f"{name}_({qualifier}_{n})"
        used.add(iri)
        iris.append(iri)
    return iris


def _candidates(name: str, clusters: list[Cluster], iris: list[str], stats: Stats, base: str
                ) -> Iterator[tuple[URIRef, URIRef, Node]]:
    """Each split-off cluster against the largest: kept apart, with how close it came."""
    main = clusters[0]
    prior = stats.prior(label_of(name))
    for c, iri in zip(clusters[1:], iris[1:]):
        points = max(score(m, main, stats, prior) for m in c.members)
        node = URIRef(f"{base}{IDENTITY_GRAPH}/{short_hash(name, iri)}")
        yield URIRef(iri), VNKG.sameAsCandidate, URIRef(iris[0])
        yield node, RDF.type, VNKG.IdentityCandidate
        yield node, VNKG.candidate, URIRef(iri)
        yield node, VNKG.candidate, URIRef(iris[0])
        yield node, VNKG.score, score_literal(1 / (1 + math.exp(-points)))  # canonical, as a store keeps it
        where = ", ".join(unquote(a.rsplit("/article/", 1)[-1]) for a in c.articles[:3])
        yield node, RDFS.comment, Literal(f"kept apart: {len(c.members)} mention(s) in {where}"
                                          f"{' …' if len(c.articles) > 3 else ''}", lang="en")


# ---------------------------------------------------------------------- the store backend (held graphs: kg/build.py)
def resolve_store(store, base: str) -> Resolution:
    """Resolve the article graphs of an Oxigraph store in place (graphs other than articles',
    such as a build manifest, hold none of the profile predicates' person triples)."""
    import pyoxigraph as ox

    from kg.store import to_oxigraph

    def quads() -> Iterator[tuple[str, str, str, str]]:
        for pred, obj in PROFILE_PATTERNS:
            for q in store.quads_for_pattern(None, ox.NamedNode(pred), ox.NamedNode(obj) if obj else None, None):
                if isinstance(q.graph_name, ox.NamedNode) and isinstance(q.subject, ox.NamedNode):
                    yield q.subject.value, pred, getattr(q.object, "value", ""), q.graph_name.value

    profiles, present = read_profiles(quads())
    res = resolve_people(profiles, present, base)
    for g, change in res.renames.items():
        graph = ox.NamedNode(g)
        for old, new in change.items():
            old_t, new_t = ox.NamedNode(old), ox.NamedNode(new)
            for q in list(store.quads_for_pattern(old_t, None, None, graph)):
                store.remove(q)
                store.add(ox.Quad(new_t, q.predicate, new_t if q.object == old_t else q.object, graph))
            for q in list(store.quads_for_pattern(None, None, old_t, graph)):
                store.remove(q)
                store.add(ox.Quad(q.subject, q.predicate, new_t, graph))
    identity = ox.NamedNode(base + IDENTITY_GRAPH)
    store.remove_graph(identity) if identity in set(store.named_graphs()) else None
    for s, p, o in res.identity:
        store.add(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), identity))
    return res
