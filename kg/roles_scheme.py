"""The roles of the graph as a SKOS concept scheme, generated from the title lexicon.

Why generated: the builder can only ever put on a post a role string that the title lexicon
(``kg/data/roles.json``, with the abbreviations of ``abbreviations.json``) makes it emit, so the
lexicon *is* the list of roles. Deriving the scheme from it (instead of keeping a second,
hand-written list) means a role added to the lexicon is a concept of the scheme at the next
``python -m kg.roles_scheme``, and a test fails until the shipped ``ontology/roles.ttl`` is
regenerated. Only the English names (``kg/data/roles_en.json``) are written by hand: they are
translations, which no rule can derive.

Why the same IRIs as the posts: a concept is ``<base>role/<iri_name(role)>`` (``kg.rdf.role_key``),
the very node ``org:role`` of every built post points to, so loading ``roles.ttl`` next to a
built graph adds labels and hierarchy to the roles without any link to follow.

What is emitted, read off ``kg/nlp/titles.py`` (``TitleGrammar.title_at``): the canonical entry
that a title's words match in the role table (``roles``, ``head_roles``, ``role_units`` keys and
``foreign_roles``, in that order, first entry of a lower-cased phrase wins); except that a
``role_units`` entry is always replaced by its ``role`` ("Tỉnh ủy viên" → "Ủy viên" of "Tỉnh ủy"),
and an ``implies`` entry usually by its ``role`` — both of which are emitted too.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.lexicon import data
from kg.nlp.lexicon_index import abbreviated_variants
from kg.rdf import ROLE_SCHEME, role_key
from kg.vocab import ORG, RDF, RDFS, RES, SKOS, bind_prefixes

SHIPPED = Path(__file__).resolve().parent.parent / "ontology" / "roles.ttl"
SCHEME_LABELS = {"vi": "Danh mục chức danh", "en": "Role titles"}
SCHEME_DEFINITION = ("The role titles the builder puts on posts (org:role of org:Membership), "
                     "generated from the title lexicon kg/data/roles.json.")
# "X Thường trực" (standing), "X chuyên trách" (full-time), "Quyền X" (acting) hold the post X:
# qualifiers that narrow a role without changing what it is. "dự khuyết" (alternate) is not one:
# an alternate member is not a member. "Phó X" (deputy) is not X either.
_NARROWING_SUFFIXES = ("Thường trực", "chuyên trách")
_NARROWING_PREFIXES = ("Quyền",)
_DASHES = str.maketrans({"–": "-", "—": "-"})


@dataclass(frozen=True)
class RoleConcept:
    """One role of the scheme: its Vietnamese title (the post's role string), English name,
    other spellings the lexicon matches to it, and the roles it is a kind of."""
    role: str
    en: str | None
    alt: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()  # the same post written otherwise ("Chủ tịch HĐQT", "UVTW"): skos:exactMatch


def _key(phrase: str) -> tuple[str, ...]:
    """A phrase as the role table keys it: lower-cased words, one kind of dash. Role titles are
    plain words, so splitting on spaces gives the pipeline tokenizer's syllables (a test checks)."""
    return tuple(w.lower().translate(_DASHES) for w in phrase.split())


def _forms() -> Iterable[tuple[str, str]]:
    """(surface form, entry) in the order ``LexiconIndex`` adds them to its role table."""
    roles = data("roles.json")
    for r in roles["roles"]:
        for v in sorted(abbreviated_variants(r), key=lambda v: (v != r, v)):
            yield v, r
    for h in roles["head_roles"]:
        yield h["role"], h["role"]
    for k in roles.get("role_units", {}):
        yield k, k
    for r in roles["foreign_roles"]:
        yield r, r


@cache
def role_table() -> dict[tuple[str, ...], str]:
    """Lower-cased phrase → the canonical entry it matches (first one added wins)."""
    table: dict[tuple[str, ...], str] = {}
    for form, entry in _forms():
        table.setdefault(_key(form), entry)
    return table


@cache
def emitted_roles() -> tuple[str, ...]:
    """Every role string a post can carry, in lexicon order."""
    roles = data("roles.json")
    units = {k.lower(): v["role"] for k, v in roles.get("role_units", {}).items()}
    out = [r for r in role_table().values() if r.lower() not in units]
    out += [v["role"] for v in roles["implies"].values()] + list(units.values())
    return tuple(dict.fromkeys(out))


def _alt_labels(concepts: set[str]) -> dict[str, list[str]]:
    """Role → the other forms the matcher reads as it: abbreviated variants ("UV" → "Ủy viên")
    and lexicon entries that lose their phrase to an earlier spelling ("ĐBQH")."""
    table = role_table()
    alt: dict[str, list[str]] = {}
    for form, _ in _forms():
        winner = table[_key(form)]
        if winner in concepts and form != winner and form not in alt.setdefault(winner, []):
            alt[winner].append(form)
    return alt


def _initials(words: list[str]) -> str:
    return "".join(w[0].upper() for w in words)


def _abbreviated_twin(role: str, roles: tuple[str, ...]) -> str | None:
    """The role this one abbreviates a run of words of: "Chủ tịch HĐQT" → "Chủ tịch Hội đồng quản
    trị" (the lexicon lists both, so the builder emits both, as two roles with two IRIs)."""
    words = role.split()
    for i, w in enumerate(words):
        if len(w) < 2 or not w.isupper():
            continue
        for c in roles:
            full = c.split()
            n = len(full) - len(words) + 1
            if (n >= 2 and full[:i] == words[:i] and full[i + n:] == words[i + 1:]
                    and _initials(full[i:i + n]) == w):
                return c
    return None


def _same_title(roles: tuple[str, ...]) -> list[list[str]]:
    """Roles the lexicon reads as one post: ``implies`` entries with the same role and body
    ("Ủy viên Trung ương", "UVTW", "UV BCH TW": "Ủy viên" of the Central Committee)."""
    implies = {k.lower(): (v["role"], v["org"]) for k, v in data("roles.json")["implies"].items()}
    groups: dict[tuple[str, str], list[str]] = {}
    for r in roles:
        if r.lower() in implies:
            groups.setdefault(implies[r.lower()], []).append(r)
    return [g for g in groups.values() if len(g) > 1]


def _broader(role: str, by_key: dict[tuple[str, ...], str]) -> list[str]:
    """The roles ``role`` is a kind of, by the lexicon's own word ("Chủ tịch Quốc hội" implies
    role "Chủ tịch" of "Quốc hội") or by a narrowing qualifier ("Phó Bí thư Thường trực")."""
    out: list[str] = []
    implied = {k.lower(): v["role"] for k, v in data("roles.json")["implies"].items()}.get(role.lower())
    if implied and implied != role:
        out.append(implied)
    for suffix in _NARROWING_SUFFIXES:
        m = re.fullmatch(rf"(.+) {suffix}", role, flags=re.IGNORECASE)
        if m and _key(m.group(1)) in by_key:
            out.append(by_key[_key(m.group(1))])
    for prefix in _NARROWING_PREFIXES:
        m = re.fullmatch(rf"{prefix} (.+)", role)
        if m and _key(m.group(1)) in by_key:
            out.append(by_key[_key(m.group(1))])
    return [b for b in dict.fromkeys(out) if b != role]


@cache
def english_names() -> dict[str, str]:
    """``kg/data/roles_en.json``: Vietnamese role → English name (written by hand)."""
    return {k: v for k, v in data("roles_en.json").items() if k != "about"}


@cache
def role_concepts() -> tuple[RoleConcept, ...]:
    """The scheme's concepts, one per emitted role, in lexicon order."""
    roles = emitted_roles()
    by_key = {_key(r): r for r in roles}
    alt = _alt_labels(set(roles))
    en = english_names()
    same = [[r, t] for r in roles if (t := _abbreviated_twin(r, roles))] + _same_title(roles)
    exact: dict[str, dict[str, None]] = {}  # an ordered set per role
    for group in same:
        for r in group:
            exact.setdefault(r, {}).update(dict.fromkeys(o for o in group if o != r))
    return tuple(RoleConcept(r, en.get(r), tuple(alt.get(r, ())), tuple(_broader(r, by_key)), tuple(exact.get(r, ())))
                 for r in roles)


def _root(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def role_iri(role: str, base: str = str(RES)) -> URIRef:
    """The IRI a built post's ``org:role`` has for ``role``."""
    return URIRef(_root(base) + role_key(role))


def scheme_iri(base: str = str(RES)) -> URIRef:
    return URIRef(_root(base) + ROLE_SCHEME)


def scheme_graph(base: str = str(RES)) -> Graph:
    """The concept scheme as a graph: each role an ``org:Role`` and ``skos:Concept`` with
    ``rdfs:label`` (as in a built graph), ``skos:prefLabel`` @vi and @en, ``skos:altLabel``,
    ``skos:broader``/``skos:narrower`` and top concepts."""
    g = Graph(bind_namespaces="core")  # only the prefixes the scheme uses in a JSON-LD context
    bind_prefixes(g, base)
    g.bind("role", _root(base) + "role/")
    scheme = scheme_iri(base)
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    for lang, text in SCHEME_LABELS.items():
        g.add((scheme, SKOS.prefLabel, Literal(text, lang=lang)))
        g.add((scheme, RDFS.label, Literal(text, lang=lang)))
    g.add((scheme, SKOS.definition, Literal(SCHEME_DEFINITION, lang="en")))
    for c in role_concepts():
        node = role_iri(c.role, base)
        g.add((node, RDF.type, ORG.Role))
        g.add((node, RDF.type, SKOS.Concept))
        g.add((node, SKOS.inScheme, scheme))
        g.add((node, RDFS.label, Literal(c.role, lang="vi")))
        g.add((node, SKOS.prefLabel, Literal(c.role, lang="vi")))
        if c.en:
            g.add((node, SKOS.prefLabel, Literal(c.en, lang="en")))
        for a in c.alt:
            g.add((node, SKOS.altLabel, Literal(a, lang="vi")))
        for b in c.broader:
            g.add((node, SKOS.broader, role_iri(b, base)))
            g.add((role_iri(b, base), SKOS.narrower, node))
        for e in c.exact:
            g.add((node, SKOS.exactMatch, role_iri(e, base)))
        if not c.broader:
            g.add((node, SKOS.topConceptOf, scheme))
            g.add((scheme, SKOS.hasTopConcept, node))
    return g


HEADER = ("# Generated by kg/roles_scheme.py from kg/data/roles.json, abbreviations.json and roles_en.json.\n"
          "# Do not edit: change the lexicon, then run `python -m kg.roles_scheme` (tests/test_roles.py checks it).\n")


def serialize_scheme(g: Graph, fmt: str) -> bytes:
    """``g`` in ``fmt`` (an rdflib format name), in a sorted order so the same scheme gives the
    same bytes in every run (rdflib's writers follow hash order); Turtle with a header."""
    import pyoxigraph as ox

    from kg.serialize import OX_FORMATS
    from kg.store import to_oxigraph

    if fmt == "json-ld":
        return g.serialize(format="json-ld", encoding="utf-8", auto_compact=True)
    fmt = {"trig": "turtle", "nquads": "nt"}.get(fmt, fmt)  # one graph: Turtle is TriG, N-Triples N-Quads
    triples = sorted((ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in g), key=str)
    bound = {p: str(ns) for p, ns in g.namespaces()}
    prefixes = {p: bound[p] for p in ("org", "rdf", "rdfs", "res", "role", "skos") if p in bound}
    out = ox.serialize(triples, format=OX_FORMATS[fmt], prefixes=prefixes if fmt != "nt" else None)
    return (HEADER.encode() + out) if fmt == "turtle" else out


def shipped_turtle() -> bytes:
    """What ``ontology/roles.ttl`` must hold."""
    return serialize_scheme(scheme_graph(), "turtle")


def write_shipped(path: Path = SHIPPED) -> None:
    path.write_bytes(shipped_turtle())


if __name__ == "__main__":
    write_shipped()
    print(f"{len(role_concepts())} roles → {SHIPPED}")
