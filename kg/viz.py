"""Render the network projection as one self-contained interactive HTML page (pyvis/vis-network).

The page must work offline and must never run article text. So: vis-network's JS/CSS are
inlined from the pyvis package, the template is ours (pyvis' own pulls Bootstrap from a CDN),
and every piece of data reaches the page only as JSON inside a script block, with ``<``, ``>``,
``&`` and line separators escaped so no string can close the block. Tooltips and panels are
built in the browser with ``textContent``, never ``innerHTML``.
"""
from __future__ import annotations

import json
import math
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.netgraph import KINDS, simple
from kg.netview import qualifiers

# kind → (fill colour, vis shape, legend glyph). Colour-blind-safe Tableau 10 hues.
NODE_STYLE: dict[str, tuple[str, str, str]] = {
    "Person": ("#4e79a7", "dot", "●"),
    "Organization": ("#f28e2b", "square", "■"),
    "Meeting": ("#59a14f", "triangle", "▲"),
    "Decision": ("#e15759", "diamond", "◆"),
    "Province": ("#b07aa1", "hexagon", "⬢"),
    "District": ("#d4a6c8", "hexagon", "⬢"),
    "Article": ("#9c755f", "triangleDown", "▼"),
}
EDGE_COLOR: dict[str, str] = {
    "post": "#4e79a7",
    "attended": "#59a14f",
    "organised": "#f28e2b",
    "about": "#e15759",
    "issued_by": "#e15759",
    "located_in": "#b07aa1",
    "part_of": "#9c755f",
    "replaced_by": "#9c755f",
    "wrote": "#bab0ac",
    "mentions": "#d0d0d0",
}
FONT_FACE = "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Roboto, Arial, sans-serif"
LABEL_MAX = 42
BIG = 400  # above this many nodes the page switches to its fast settings
# The page draws labels itself, at a fixed size on screen whatever the zoom (vis-network's own
# labels shrink with the view: 3-7 px once a few hundred nodes are fitted in). Labels go by
# rank and one is left out when it would overlap a label already drawn; zooming in makes room
# for more. Sizes are CSS pixels.
LABELS: dict[str, Any] = {
    "face": FONT_FACE,
    "node": {"size": 13, "hubSize": 15, "hubs": 10, "subSize": 11, "color": "#1d2733",
             "subColor": "#5a6270"},
    "edge": {"size": 11, "color": "#3d4550"},
    "halo": "#ffffff",
    "pad": 2,
    "maxNodeLabels": 400,
    "maxTries": 1500,  # on-screen nodes tried per frame, in rank order (5,000-node pages)
    # relations whose label is drawn at the default zoom; the others once zoomed in (scale ≥ 1)
    # or when they touch the hovered or selected node
    "edgeRels": ["post"],
}


def _darker(hex_colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _short(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def safe_json(value: Any) -> Markup:
    """JSON that can sit inside ``<script>``: no ``</script>``, ``<!--`` or U+2028 can break out."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return Markup(text)


def physics_options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options that settle in seconds: few iterations on big graphs, then physics off."""
    big = n_nodes > BIG
    iterations = 400 if not big else 150 if n_nodes < 2000 else 80
    return {
        "autoResize": True,
        "layout": {"improvedLayout": not big, "randomSeed": 7},
        # forceAtlas2 spreads small graphs evenly (readable labels); Barnes-Hut is the cheap
        # O(n log n) solver for big ones, which also start from community-seeded positions.
        "physics": {
            "enabled": True,
            "solver": "barnesHut" if big else "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -90, "centralGravity": 0.015,
                                 "springLength": 100, "springConstant": 0.08, "avoidOverlap": 1},
            "barnesHut": {"gravitationalConstant": -3500, "centralGravity": 0.35,
                          "springLength": 90, "springConstant": 0.04, "damping": 0.35,
                          "avoidOverlap": 0},
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 10,
                              "fit": True},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": n_edges > 3000,
        },
        "nodes": {"borderWidth": 1.5},  # no vis labels: the page draws its own (LABELS)
        "edges": {
            "width": 1.2,
            "selectionWidth": 2,
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        },
    }


def _articles_rows(G: nx.MultiDiGraph, articles: list[str], evidence: list[list[str]],
                   limit: int = 3) -> list[list[str]]:
    """One row per source article, except those already quoted with their sentence."""
    index = G.graph.get("articles", {})
    quoted = {article for article, _ in evidence}
    articles = [a for a in articles if a not in quoted]
    rows = []
    for iri in articles[:limit]:
        meta = index.get(iri, {})
        rows.append(["Article", " · ".join(x for x in (meta.get("title", iri), meta.get("date", "")) if x)])
    if len(articles) > limit:
        rows.append(["", f"… and {len(articles) - limit} more"])
    return rows


def _sources(G: nx.MultiDiGraph, evidence: list[list[str]]) -> list[list[str]]:
    """[article title · date, sentence] pairs for the tooltip's quoted source sentences."""
    index = G.graph.get("articles", {})
    out = []
    for article, sentence in evidence:
        meta = index.get(article, {})
        head = " · ".join(x for x in (meta.get("title", ""), meta.get("date", "")) if x)
        out.append([head, sentence])
    return out


def _named(G: nx.MultiDiGraph, n: str, subs: dict[str, str]) -> str:
    """A node's name, with what tells it apart from same-named ones in parentheses."""
    name = G.nodes[n]["label"]
    return f"{name} ({subs[n]})" if subs.get(n) else name


def _node_tip(G: nx.MultiDiGraph, n: str, d: dict[str, Any], subs: dict[str, str]) -> dict[str, Any]:
    rows: list[list[str]] = []
    if d.get("alt"):
        rows.append(["Also", "; ".join(d["alt"])])
    rows += [list(r) for r in d.get("details", [])]
    if d.get("dates"):
        rows.append(["Date", ", ".join(d["dates"])])
    posts = [f'{e["label"]} — {_named(G, v, subs)}' for _, v, e in G.out_edges(n, data=True)
             if e["rel"] == "post"]
    if posts:
        rows.append(["Posts", "; ".join(posts[:8]) + (" …" if len(posts) > 8 else "")])
    members = [f'{_named(G, u, subs)} ({e["label"]})' for u, _, e in G.in_edges(n, data=True)
               if e["rel"] == "post"]
    if members:
        rows.append(["People", "; ".join(members[:8]) + (" …" if len(members) > 8 else "")])
    rows += _articles_rows(G, d.get("articles", []), d.get("evidence", []))
    return {"kind": d["kind"], "label": d["label"], "sub": subs.get(n, ""), "rows": rows,
            "sources": _sources(G, d.get("evidence", [])), "iri": d.get("iri", n)}


def _edge_tip(G: nx.MultiDiGraph, u: str, v: str, d: dict[str, Any], subs: dict[str, str]) -> dict[str, Any]:
    kind = "Post" if d["rel"] == "post" else d["label"].capitalize()
    return {"kind": kind, "label": f'{_named(G, u, subs)} — {d["label"]} → {_named(G, v, subs)}',
            "rows": _articles_rows(G, d.get("articles", []), d.get("evidence", [])),
            "sources": _sources(G, d.get("evidence", [])), "iri": ""}


GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def seed_positions(G: nx.MultiDiGraph, spacing: float = 22.0) -> dict[str, tuple[float, float]]:
    """Starting coordinates for big graphs: one sunflower disc per Louvain community, hubs in
    the middle, discs laid out on a larger sunflower. The browser then only refines this
    for a few iterations instead of untangling thousands of random points.
    """
    S = simple(G)
    parts = sorted(nx.community.louvain_communities(S, seed=7), key=len, reverse=True)
    degree = dict(S.degree())
    pos: dict[str, tuple[float, float]] = {}
    placed_area = 0.0
    for k, part in enumerate(parts):
        radius = spacing * math.sqrt(len(part)) * 1.15
        # centre distance grows with the area already used, like seeds in a sunflower head
        dist = 1.1 * spacing * math.sqrt(placed_area / (spacing * spacing)) + (radius if k else 0)
        cx, cy = dist * math.cos(k * GOLDEN_ANGLE), dist * math.sin(k * GOLDEN_ANGLE)
        placed_area += math.pi * radius * radius / 2.2
        for i, n in enumerate(sorted(part, key=lambda n: -degree[n])):
            r = spacing * math.sqrt(i)
            pos[n] = (round(cx + r * math.cos(i * GOLDEN_ANGLE), 1), round(cy + r * math.sin(i * GOLDEN_ANGLE), 1))
    return pos


def label_ranks(G: nx.MultiDiGraph, degree: dict[str, int]) -> dict[str, int]:
    """Order in which node labels claim room (0 first): focus nodes, then by degree, people
    counting half again (they are what an analyst looks for), ties by name."""
    focus = set(G.graph.get("focus", []))

    def weight(n: str) -> float:
        return degree.get(n, 0) * (1.5 if G.nodes[n]["kind"] == "Person" else 1.0)

    ranked = sorted(G.nodes, key=lambda n: (n not in focus, -weight(n), G.nodes[n]["label"], n))
    return {n: i for i, n in enumerate(ranked)}


def network(G: nx.MultiDiGraph) -> Network:
    """A pyvis network: nodes coloured/shaped by type and sized by degree, edges labelled.

    ``label`` is what the page draws (name, and after " · " what tells same-named nodes
    apart); ``name``/``sub`` are its two lines, ``rank`` its claim to room on screen.
    """
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    degree = dict(simple(G).degree())
    big = len(G) > BIG
    ids = {n: i for i, n in enumerate(G.nodes)}
    positions = seed_positions(G) if big else {}
    subs = qualifiers(G)
    ranks = label_ranks(G, degree)
    for n, d in G.nodes(data=True):
        colour, shape, _ = NODE_STYLE[d["kind"]]
        base, step = (6, 2.5) if big else (12, 4.0)
        name, sub = _short(d["label"]), subs.get(n, "")
        net.add_node(
            ids[n], label=f"{name} · {sub}" if sub else name, name=name, sub=sub, rank=ranks[n],
            shape=shape,
            color={"background": colour, "border": _darker(colour),
                   "highlight": {"background": colour, "border": "#111111"},
                   "hover": {"background": colour, "border": "#111111"}},
            size=round(min(base + step * math.sqrt(degree.get(n, 0)), 48), 1),
            kind=d["kind"], tip=_node_tip(G, n, d, subs),
            **dict(zip(("x", "y"), positions[n])) if n in positions else {},
        )
    for u, v, d in G.edges(data=True):
        colour = EDGE_COLOR.get(d["rel"], "#999999")
        net.add_edge(ids[u], ids[v], label=_short(d["label"], 28), rel=d["rel"],
                     color={"color": colour, "highlight": _darker(colour, 0.8),
                            "opacity": 0.3 if big else 0.75},
                     width=(2.0 if d["rel"] == "post" else 1.2) * (0.6 if big else 1),
                     dashes=d["rel"] in ("part_of", "located_in", "mentions"),
                     tip=_edge_tip(G, u, v, d, subs))
    net.options = physics_options(len(G), G.number_of_edges())
    return net


def _template_env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(resources.files("kg") / "templates")),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )


def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network 9.1.2 JS and CSS, as shipped inside pyvis (nothing fetched at run time)."""
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return Markup(js), Markup(css)


def render(G: nx.MultiDiGraph, *, title: str = "Knowledge graph", note: str = "") -> str:
    """The whole page as a string."""
    net = network(G)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    counts = Counter(d["kind"] for _, d in G.nodes(data=True))
    legend = [{"kind": k, "color": NODE_STYLE[k][0], "glyph": NODE_STYLE[k][2], "count": counts[k]}
              for k in KINDS if counts[k]]
    js, css = _vis_assets()
    # the few biggest hubs get a bold, larger label: about one node in 25, 3 to 10 of them
    labels = {**LABELS, "node": {**LABELS["node"], "hubs": max(3, min(10, len(G) // 25))}}
    data = {"nodes": nodes, "edges": edges, "options": net.options, "legend": legend,
            "labels": labels, "big": len(G) > BIG}
    return _template_env().get_template("viz.html").render(
        title=title, note=note, n_nodes=len(G), n_edges=G.number_of_edges(),
        data=safe_json(data), vis_js=js, vis_css=css,
    )


def write(G: nx.MultiDiGraph, path: str | Path, *, title: str = "Knowledge graph", note: str = "") -> Path:
    """Write the page to ``path`` (UTF-8) and return it."""
    out = Path(path)
    out.write_text(render(G, title=title, note=note), encoding="utf-8")
    return out
