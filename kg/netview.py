"""What a network view shows: context that tells same-named nodes apart, and a balanced core.

``add_context`` runs on the whole projection (before any selection drops the neighbours it
reads): it records each node's province, parent body, place or issuer as tooltip rows.
``qualifiers`` then picks, for the nodes actually shown, the most telling of those facts
that tells two "Tỉnh ủy" apart — their province, else place, parent, issuer, date or the
article they came from.
``balanced_core`` is the ``--max-nodes`` view: a mix of kinds (people with the bodies they
hold posts in, meetings, decisions, provinces) rather than the top of one degree ranking,
which on news graphs is all provinces and national bodies.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

# tooltip row names written by add_context, read back by qualifiers
PROVINCE, PART_OF, WHERE, ISSUED_BY = "Province", "Part of", "Where", "Issued by"

# share of a truncated view per kind (renormalised over the kinds the graph has)
SHARES: dict[str, float] = {"Person": 0.30, "Organization": 0.24, "Meeting": 0.20, "Decision": 0.10,
                            "Province": 0.10, "District": 0.06, "Article": 0.10}
BODIES_PER_PERSON = 1  # post bodies pulled in with each person before other organisations


def _fold(text: str) -> str:
    from kg.netgraph import fold

    return fold(text)


def _targets(G: nx.MultiDiGraph, n: str, rels: tuple[str, ...], kinds: tuple[str, ...]) -> list[str]:
    out = [v for _, v, d in G.out_edges(n, data=True)
           if d["rel"] in rels and G.nodes[v]["kind"] in kinds]
    return list(dict.fromkeys(out))


def _province_of(G: nx.MultiDiGraph, n: str) -> list[str]:
    """Province labels of a node: directly located in one, or in a district of one."""
    names: list[str] = []
    for v in _targets(G, n, ("located_in", "part_of"), ("Province", "District")):
        if G.nodes[v]["kind"] == "Province":
            names.append(G.nodes[v]["label"])
        else:
            names += [G.nodes[p]["label"] for p in _targets(G, v, ("part_of",), ("Province",))]
    return list(dict.fromkeys(names))


def add_context(G: nx.MultiDiGraph) -> None:
    """Add Province / Part of / Where / Issued by rows to each node's ``details`` (in place)."""
    for n, d in G.nodes(data=True):
        rows: list[list[str]] = []
        kind = d["kind"]
        if kind in ("Organization", "District"):
            provinces = _province_of(G, n)
            if provinces:
                rows.append([PROVINCE, ", ".join(provinces)])
        if kind == "Organization":
            parents = _targets(G, n, ("part_of",), ("Organization",))
            if parents:
                rows.append([PART_OF, "; ".join(G.nodes[p]["label"] for p in parents[:2])])
        elif kind == "Meeting":
            places = []
            for v in _targets(G, n, ("located_in",), ("Province", "District")):
                inside = _province_of(G, v) if G.nodes[v]["kind"] == "District" else []
                places.append(", ".join([G.nodes[v]["label"], *inside]))
            if places:
                rows.append([WHERE, "; ".join(places)])
        elif kind == "Decision":
            issuers = _targets(G, n, ("issued_by",), ("Organization",))
            if issuers:
                rows.append([ISSUED_BY, "; ".join(G.nodes[v]["label"] for v in issuers[:2])])
        have = {r[0] for r in d["details"]}
        d["details"] = d["details"] + [r for r in rows if r[0] not in have]


def _short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at a word boundary when there is one."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + "…"


def _facts(G: nx.MultiDiGraph, n: str) -> list[str]:
    """What can tell this node apart, most telling first ('' when unknown): province, place,
    parent, issuer, date, then its one source article's title, date and file."""
    d = G.nodes[n]
    rows = dict(d.get("details", []))
    era = ""
    if d["kind"] == "Province":  # a pre-2025 province and the merged unit may share a name
        era = ("from 7/2025" if d.get("iri", n).endswith("-2025")
               else "until 6/2025" if any(e["rel"] == "replaced_by" for _, _, e in G.out_edges(n, data=True))
               else "")
    facts = [rows.get(PROVINCE, ""), rows.get(WHERE, ""), rows.get(PART_OF, ""),
             rows.get(ISSUED_BY, ""), era, d["dates"][0] if d.get("dates") else ""]
    arts = d.get("articles", [])
    meta = G.graph.get("articles", {}).get(arts[0], {}) if len(arts) == 1 else {}
    title = meta.get("title", "")
    facts = [_short(f, 30) for f in facts]
    facts += [f"“{_short(title, 28)}”" if title else "", meta.get("date", ""),
              _short(meta.get("file", "").rsplit("/", 1)[-1], 30)]
    return facts


def _tell_apart(facts: dict[str, list[str]]) -> dict[str, str]:
    """Each member's most telling fact if those all differ; else one kind of fact that differs
    for every member; else facts added, most telling first, until they differ."""
    members = list(facts)
    first = {n: next((f for f in facts[n] if f), "") for n in members}
    if all(first.values()) and len(set(first.values())) == len(members):
        return first
    width = len(next(iter(facts.values())))
    for i in range(width):
        values = [facts[n][i] for n in members]
        if all(values) and len(set(values)) == len(values):
            return {n: facts[n][i] for n in members}
    chosen = {n: [f for f in facts[n] if f][:1] for n in members}
    for _ in range(2):
        seen: dict[str, list[str]] = defaultdict(list)
        for n in members:
            seen[" · ".join(chosen[n])].append(n)
        clashes = [n for same in seen.values() if len(same) > 1 for n in same]
        for n in clashes:
            extra = [f for f in facts[n] if f and f not in chosen[n]]
            chosen[n] += extra[:1]
    return {n: " · ".join(chosen[n]) for n in members if chosen[n]}


def qualifiers(G: nx.MultiDiGraph) -> dict[str, str]:
    """Node → short text to show under its name, for the nodes of this view that need one.

    Nodes sharing a label get what tells them apart; an organisation with a province gets
    the province unless its name already says it ("Ban Thường vụ Tỉnh ủy" → Vĩnh Long).
    """
    out: dict[str, str] = {}
    groups: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        groups[_fold(d["label"])].append(n)
        province = dict(d.get("details", [])).get(PROVINCE, "")
        if d["kind"] == "Organization" and province and _fold(province) not in _fold(d["label"]):
            out[n] = _short(province, 30)
    for members in groups.values():
        if len(members) > 1:
            out.update(_tell_apart({n: _facts(G, n) for n in members}))
    return out


def _quotas(counts: dict[str, int], limit: int) -> dict[str, int]:
    """Seats per kind: SHARES of ``limit`` (largest remainder), capped by what exists."""
    quotas = {k: 0 for k in counts}
    free, open_kinds = limit, {k for k, c in counts.items() if c}
    while free > 0 and open_kinds:
        total = sum(SHARES.get(k, 0.05) for k in open_kinds)
        exact = {k: free * SHARES.get(k, 0.05) / total for k in open_kinds}
        give = {k: int(v) for k, v in exact.items()}
        for k in sorted(open_kinds, key=lambda k: -(exact[k] - give[k]))[: free - sum(give.values())]:
            give[k] += 1
        for k in open_kinds:
            give[k] = min(give[k], counts[k] - quotas[k])
            quotas[k] += give[k]
        free -= sum(give.values())
        open_kinds = {k for k in open_kinds if quotas[k] < counts[k]}
    return quotas


def balanced_core(G: nx.MultiDiGraph, limit: int, degree: dict[str, int]) -> list[str]:
    """``limit`` nodes: focus nodes, then each kind's share, best linked to what is kept first.

    People go in by degree, each with the body of their main post; then organisations,
    meetings, decisions and places by how many kept nodes they touch (so a meeting the kept
    people attended beats a bigger one they did not), ties by degree.
    """
    kept: dict[str, None] = dict.fromkeys(n for n in G.graph.get("focus", []) if n in G)
    by_kind: dict[str, list[str]] = defaultdict(list)
    for n, d in G.nodes(data=True):
        by_kind[d["kind"]].append(n)
    quotas = _quotas({k: len(v) for k, v in by_kind.items()}, limit)
    for n in kept:
        quotas[G.nodes[n]["kind"]] -= 1
    undirected = G.to_undirected(as_view=True)

    def rank(n: str) -> tuple[int, int, str, str]:
        links = sum(1 for m in undirected.adj[n] if m in kept)
        return (-links, -degree.get(n, 0), G.nodes[n]["label"], n)

    def take(n: str) -> None:
        if n not in kept and len(kept) < limit and quotas[G.nodes[n]["kind"]] > 0:
            kept[n] = None
            quotas[G.nodes[n]["kind"]] -= 1

    for person in sorted(by_kind.get("Person", []), key=lambda n: (-degree.get(n, 0), n)):
        if quotas.get("Person", 0) <= 0:
            break
        take(person)
        if person in kept:
            bodies = {v for _, v, e in G.out_edges(person, data=True) if e["rel"] == "post"}
            for body in sorted(bodies, key=lambda n: (-degree.get(n, 0), n))[:BODIES_PER_PERSON]:
                take(body)
    for kind in ("Organization", "Meeting", "Decision", "Province", "District", "Article"):
        for n in sorted((n for n in by_kind.get(kind, []) if n not in kept), key=rank):
            if quotas[kind] <= 0:
                break
            take(n)
    if len(kept) < limit:  # seats a kind could not use
        rest = sorted((n for n in G if n not in kept), key=rank)
        kept.update(dict.fromkeys(rest[: limit - len(kept)]))
    return list(kept)
