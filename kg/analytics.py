"""Network analytics on the projection: who is central, which groups hang together.

Degree says who is mentioned with most others; betweenness says who bridges otherwise separate
parts of the news (a provincial leader who also sits on a central body); Louvain communities
show the clusters (one province's apparatus, one campaign). Results are plain dicts so the CLI,
the notebook and JSON output share them.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from kg.netgraph import KINDS, simple

EXACT_BETWEENNESS_LIMIT = 1500  # above this many nodes betweenness is sampled
SAMPLES = 400
RANKED_KINDS = ("Person", "Organization")


def display_names(G: nx.MultiDiGraph) -> dict[str, str]:
    """Labels made unique for tables: two "Ban Dân vận Tỉnh ủy" of different provinces (or of
    articles that never name theirs) get the province, else the article file, appended."""
    counts = Counter(d["label"] for _, d in G.nodes(data=True))
    index = G.graph.get("articles", {})
    names = {}
    for n, d in G.nodes(data=True):
        if counts[d["label"]] == 1:
            names[n] = d["label"]
            continue
        places = sorted(G.nodes[v]["label"] for _, v, e in G.out_edges(n, data=True)
                        if e["rel"] == "located_in")
        files = [f for f in (index.get(a, {}).get("file") for a in d["articles"]) if f]
        hint = places[0] if places else files[0] if files else n
        names[n] = f"{d['label']} ({hint})"
    return names


def _ranked(scores: dict[str, float], G: nx.MultiDiGraph, names: dict[str, str], kind: str,
            top: int) -> list[dict[str, Any]]:
    rows = [(n, s) for n, s in scores.items() if G.nodes[n]["kind"] == kind]
    rows.sort(key=lambda r: (-r[1], names[r[0]]))
    return [{"label": names[n], "iri": n, "score": s if isinstance(s, int) else round(s, 4)}
            for n, s in rows[:top]]


def counts(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Nodes per type, edges per relation, articles behind them."""
    kinds = Counter(d["kind"] for _, d in G.nodes(data=True))
    rels = Counter(d["rel"] for _, _, d in G.edges(data=True))
    return {
        "nodes": len(G),
        "edges": G.number_of_edges(),
        "articles": len(G.graph.get("articles", {})),
        "by_type": {k: kinds[k] for k in KINDS if kinds[k]},
        "by_relation": dict(sorted(rels.items(), key=lambda r: (-r[1], r[0]))),
    }


def centrality(G: nx.MultiDiGraph, top: int = 10, seed: int = 0) -> dict[str, Any]:
    """Top people and organisations by degree and by betweenness."""
    S = simple(G)
    degree = dict(S.degree())
    exact = len(S) <= EXACT_BETWEENNESS_LIMIT
    betweenness = nx.betweenness_centrality(
        S, k=None if exact else min(SAMPLES, len(S)), seed=None if exact else seed, normalized=True)
    names = display_names(G)
    return {
        "betweenness_exact": exact,
        "degree": {k: _ranked(degree, G, names, k, top) for k in RANKED_KINDS},
        "betweenness": {k: _ranked(betweenness, G, names, k, top) for k in RANKED_KINDS},
    }


def communities(G: nx.MultiDiGraph, top: int = 10, members: int = 6, seed: int = 0) -> dict[str, Any]:
    """Louvain communities (seeded, so the same graph gives the same answer), largest first."""
    S = simple(G)
    S.remove_nodes_from([n for n in list(S) if S.degree(n) == 0])
    if S.number_of_edges() == 0:
        return {"modularity": 0.0, "count": 0, "communities": []}
    parts = nx.community.louvain_communities(S, seed=seed)
    parts.sort(key=lambda c: (-len(c), min(G.nodes[n]["label"] for n in c)))
    degree = dict(S.degree())
    names = display_names(G)
    out = []
    for i, part in enumerate(parts[:top], 1):
        ranked = sorted(part, key=lambda n: (-degree[n], names[n]))
        kinds = Counter(G.nodes[n]["kind"] for n in part)
        out.append({"id": i, "size": len(part), "types": dict(kinds.most_common()),
                    "members": [names[n] for n in ranked[:members]]})
    return {"modularity": round(nx.community.modularity(S, parts), 4), "count": len(parts),
            "communities": out}


def community_of(G: nx.MultiDiGraph, seed: int = 0) -> dict[str, int]:
    """Node → community number (1 = largest), for colouring exports; isolated nodes get 0."""
    S = simple(G)
    S.remove_nodes_from([n for n in list(S) if S.degree(n) == 0])
    if S.number_of_edges() == 0:
        return {n: 0 for n in G}
    parts = sorted(nx.community.louvain_communities(S, seed=seed), key=len, reverse=True)
    index = {n: i for i, part in enumerate(parts, 1) for n in part}
    return {n: index.get(n, 0) for n in G}


def summary(G: nx.MultiDiGraph, top: int = 10, seed: int = 0) -> dict[str, Any]:
    """Everything ``kg stats`` prints."""
    return {"counts": counts(G), "centrality": centrality(G, top, seed),
            "communities": communities(G, top, seed=seed)}
