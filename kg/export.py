"""Write the network projection for desktop tools: GraphML and GEXF (Gephi), Cytoscape.js JSON.

Those formats only hold scalar attributes, so lists (other names, articles, sentences) are
joined with " | ". Node colours and sizes follow the HTML page so Gephi opens with the same
look; the Louvain community number rides along for partition colouring.
"""
from __future__ import annotations

import io
import json
import math
from typing import Any

import networkx as nx

from kg.analytics import community_of
from kg.netgraph import simple
from kg.viz import NODE_STYLE

FORMATS = ("graphml", "gexf", "json")
SEP = " | "


def _flat(value: Any) -> str | int | float | bool:
    if isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple)):
        return SEP.join(" — ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
    return str(value)


def _attrs(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    """Scalar attributes; evidence keeps only its sentences (the articles are listed already)."""
    out = {k: _flat(v) for k, v in data.items() if k != "evidence"}
    out["sentences"] = SEP.join(sentence for _article, sentence in data.get("evidence", []))
    return out


def flat_graph(G: nx.MultiDiGraph, *, gephi_style: bool = False) -> nx.MultiDiGraph:
    """A copy with every attribute scalar, plus degree and community (and GEXF viz when asked);
    edges keyed ``e0``, ``e1``... in the projection's order."""
    F = nx.MultiDiGraph()
    degree = dict(simple(G).degree())
    community = community_of(G)
    for n, d in G.nodes(data=True):
        attrs = _attrs(d)
        attrs.update(degree=degree[n], community=community[n])
        if gephi_style:
            colour = NODE_STYLE[d["kind"]][0]
            r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
            attrs["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                            "size": round(6 + 4 * math.sqrt(degree[n]), 2)}
        F.add_node(n, **attrs)
    # GraphML writes a multigraph's edge keys as edge ids: the projection's keys ("post:Chủ
    # tịch") repeat across node pairs and hold spaces, so each edge gets its own "e<n>"
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        F.add_edge(u, v, key=f"e{i}", **_attrs(d))
    return F


def cytoscape(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Cytoscape.js ``elements`` JSON (also opened by Cytoscape desktop's JSON import)."""
    F = flat_graph(G)
    nodes = [{"data": {"id": n, **d}} for n, d in F.nodes(data=True)]
    edges = [{"data": {"id": f"e{i}", "source": u, "target": v, **d}}
             for i, (u, v, d) in enumerate(F.edges(data=True))]
    return {"format_version": "1.0", "generated_by": "vnkg", "data": {"name": "vnkg"},
            "elements": {"nodes": nodes, "edges": edges}}


def dumps(G: nx.MultiDiGraph, fmt: str) -> str:
    """The graph serialised in ``fmt`` (one of ``FORMATS``)."""
    if fmt == "json":
        return json.dumps(cytoscape(G), ensure_ascii=False, indent=1) + "\n"
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat_graph(G), buf, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat_graph(G, gephi_style=True), buf, encoding="utf-8")
    else:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    return buf.getvalue().decode("utf-8")
