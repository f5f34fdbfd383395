"""Find what a saved query's parameter means in the graph at hand, before it is bound.

A parameter is bound as an exact RDF term, so "ninh binh", "tỉnh Ninh Bình" or "290-QD/TW"
would match nothing and the query would print an empty table with no word of why. Here a
value is looked up among the graph's own values for that parameter (province names, people,
document numbers, file names): an exact hit is kept; else the one value equal to it once
accents, case and spacing are folded (as ``kg viz --focus`` matches names); else the user
is told that nothing matches, with the closest values.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from kg.netgraph import _PROVINCE_PREFIX, fold
from kg.queries import Param, SavedQuery
from kg.sparql import ParamError

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\\": "/"})


def missing(query: SavedQuery, given: dict[str, str]) -> None:
    """Refuse to run ``query`` unless every declared parameter is given: its header's values
    are examples, and a query run on them answers a question nobody asked."""
    absent = [p for p in query.params if p.name not in given]
    if not absent:
        return

    def line(p: Param) -> str:
        example = f", e.g. {p.name}={p.default!r}" if p.default else ""
        return f"{p.name} ({p.type}{example}){': ' + p.doc if p.doc else ''}"
    names = ", ".join(p.name for p in absent)
    takes = "; ".join(line(p) for p in query.params)
    raise ParamError(f"missing parameter(s) {names}: give each with --param NAME=VALUE. "
                     f"This query takes: {takes}")


def label_key(value: str) -> str:
    """Accent-, case- and space-blind form of a name."""
    return fold(value)


def province_key(value: str) -> str:
    """A province name without its administrative word: "tỉnh Ninh Bình" → "ninh binh"."""
    return _PROVINCE_PREFIX.sub("", fold(value))


def number_key(value: str) -> str:
    """A document number as written anywhere: "290 - QD/TW", "số 290-qđ/tw" → "290-qd/tw"."""
    text = fold(value.translate(_DASHES))
    text = re.sub(r"^(so|so hieu)\s+", "", text)
    return re.sub(r"\s+", "", text)


def file_key(value: str) -> str:
    """A file by its name alone, in any case: "A.TXT" finds "corpus/a.txt"."""
    return value.strip().replace("\\", "/").rsplit("/", 1)[-1].casefold()


@dataclass(frozen=True)
class Lookup:
    """Where a parameter's possible values live in the graph, and how to compare them."""
    what: str                      # for messages: "province", "person", ...
    values: str                    # SPARQL selecting them as ?v
    key: Callable[[str], str]


LOOKUPS: dict[str, Lookup] = {
    "province": Lookup("province", "SELECT DISTINCT ?v WHERE { ?x a vnkg:Province ; rdfs:label ?v }",
                       province_key),
    "person": Lookup("person", "SELECT DISTINCT ?v WHERE { ?x a vnkg:Person ; rdfs:label ?v }", label_key),
    "decision": Lookup("document number", "SELECT DISTINCT ?v WHERE { ?x eli:id_local ?v }", number_key),
    "article": Lookup("article file", "SELECT DISTINCT ?v WHERE { ?x a vnkg:Article ; dcterms:identifier ?v }",
                      file_key),
}
# a label parameter with another name is looked for among every name in the graph
ANY_LABEL = Lookup("name", "SELECT DISTINCT ?v WHERE { ?x rdfs:label ?v }", label_key)


def lookup_for(name: str, type_: str) -> Lookup | None:
    if name in LOOKUPS:
        return LOOKUPS[name]
    return ANY_LABEL if type_ == "label" else None


def closest(value: str, candidates: list[str], key: Callable[[str], str], n: int = 5) -> list[str]:
    """The candidates nearest to ``value`` by their folded forms (difflib), best first."""
    by_key: dict[str, list[str]] = {}
    for c in candidates:
        by_key.setdefault(key(c), []).append(c)
    near = difflib.get_close_matches(key(value), list(by_key), n=n, cutoff=0.6)
    if not near:  # a part of the name ("Bình" for "Ninh Bình")
        near = [k for k in by_key if key(value) and key(value) in k][:n]
    return [c for k in near for c in sorted(by_key[k])][:n]


def match(value: str, candidates: list[str], lookup: Lookup) -> str:
    """The graph's own spelling of ``value``; ``ParamError`` when none or several fit."""
    value = unicodedata.normalize("NFC", value)
    if value in candidates:
        return value
    wanted = lookup.key(value)
    hits = sorted({c for c in candidates if lookup.key(c) == wanted})
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise ParamError(f"{value!r} fits several {lookup.what}s: {', '.join(hits[:10])}; "
                         "write it with its accents")
    if not candidates:
        raise ParamError(f"no {lookup.what} named {value!r}: the graph has none")
    near = closest(value, candidates, lookup.key)
    if near:
        hint = f"; closest: {', '.join(near)}"
    else:
        more = f" ({len(candidates)} in all)" if len(candidates) > 10 else ""
        hint = f"; it has: {', '.join(candidates[:10])}{more}"
    raise ParamError(f"no {lookup.what} named {value!r} in the graph{hint}")


def resolve(store, query: SavedQuery, given: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """``given`` with each declared value replaced by the graph's spelling of it, and notes
    saying what was changed. ``store`` is a ``kg.store`` store."""
    out, notes = dict(given), []
    for param in query.params:
        lookup = lookup_for(param.name, param.type)
        if lookup is None or param.name not in given or param.type not in ("label", "string"):
            continue
        rows = store.query(lookup.values).rows
        candidates = sorted({str(row[0]) for row in rows if row and row[0] is not None})
        found = match(given[param.name], candidates, lookup)
        if found != given[param.name]:
            notes.append(f"{param.name}={given[param.name]!r} matched {found!r}")
        out[param.name] = found
    return out, notes
