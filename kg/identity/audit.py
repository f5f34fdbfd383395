"""What an analyst checks before trusting a graph's identity: nodes with several labels,
names split into several people (and why), and the bodies known under most names."""
from __future__ import annotations

from typing import Any

from kg.vocab import sparql_prologue

KINDS = ("Person", "Organization", "Decision", "Meeting", "Province", "Article")

MULTI_LABEL = """SELECT ?kind ?node (GROUP_CONCAT(DISTINCT STR(?label); separator=" | ") AS ?labels)
WHERE { ?node a ?kind ; rdfs:label ?label . VALUES ?kind { %s } }
GROUP BY ?kind ?node HAVING (COUNT(DISTINCT ?label) > 1) ORDER BY ?kind ?node"""

COUNTS = """SELECT ?kind (COUNT(DISTINCT ?node) AS ?n) WHERE { ?node a ?kind . VALUES ?kind { %s } } GROUP BY ?kind"""

SPLIT = """SELECT ?label ?node (COUNT(DISTINCT ?article) AS ?articles) (SAMPLE(?why) AS ?reason) (MAX(?p) AS ?score)
WHERE {
  ?node a vnkg:Person ; rdfs:label ?label .
  ?article schema:mentions ?node .
  { SELECT ?label WHERE { ?n a vnkg:Person ; rdfs:label ?label } GROUP BY ?label HAVING (COUNT(DISTINCT ?n) > 1) }
  OPTIONAL { ?node vnkg:sameAsCandidate ?main . ?c vnkg:candidate ?node, ?main ; vnkg:score ?p ; rdfs:comment ?why }
} GROUP BY ?label ?node ORDER BY ?label DESC(?articles) ?node"""

ALIASES = """SELECT ?node ?label (COUNT(DISTINCT ?alt) AS ?n) (GROUP_CONCAT(DISTINCT STR(?alt); separator=" | ") AS ?alts)
WHERE { ?node a vnkg:Organization ; rdfs:label ?label ; skos:altLabel ?alt }
GROUP BY ?node ?label ORDER BY DESC(?n) ?node LIMIT %d"""


def audit(store: Any, top: int = 20) -> dict[str, Any]:
    """The audit of a loaded graph (a ``kg.store`` store): plain values, ready for JSON."""
    kinds = " ".join(f"vnkg:{k}" for k in KINDS)

    def rows(query: str) -> list[list[str]]:
        result = store.query(sparql_prologue() + query)
        return [[str(v) if v is not None else "" for v in row] for row in result.rows]

    def short(iri: str) -> str:
        return iri.rsplit("#", 1)[-1] if "#" in iri else iri

    counts = {short(k): int(n) for k, n in rows(COUNTS % kinds)}
    multi = [{"kind": short(k), "node": node, "labels": labels.split(" | ")} for k, node, labels in rows(MULTI_LABEL % kinds)]
    split: dict[str, list[dict[str, Any]]] = {}
    for label, node, articles, reason, score in rows(SPLIT):
        split.setdefault(label, []).append({"node": node, "articles": int(articles), "reason": reason,
                                            "score": float(score) if score else None})
    aliases = [{"node": node, "label": label, "aliases": int(n), "names": alts.split(" | ")}
               for node, label, n, alts in rows(ALIASES % top)]
    return {"counts": counts, "multi_label": multi, "split_names": len(split),
            "split": dict(sorted(split.items(), key=lambda kv: -sum(x["articles"] for x in kv[1]))[:top]),
            "aliases": aliases}
