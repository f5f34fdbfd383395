"""What one article says about each person it names, read off the article's own graph: the
evidence the corpus-level resolver weighs (posts, their bodies and provinces, the province
the article is about, the people named beside them)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from kg.vocab import ORG, SCHEMA, VNKG

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PERSON, _ARTICLE = str(VNKG.Person), str(VNKG.Article)
_MEMBER, _ORGANIZATION = str(ORG.member), str(ORG.organization)
_PROVINCE, _WHERE = str(VNKG.province), str(SCHEMA.contentLocation)
_DATE = str(SCHEMA.datePublished)
# a resolved person IRI is its name's IRI with a qualifier: ".../person/Nguyễn_Văn_An_(Nam_Định)"
# (names are written with "(" percent-encoded, so a raw bracket is always a qualifier)
_QUALIFIER = re.compile(r"_\([^/]*\)$")


def base_iri(person: str) -> str:
    """The IRI of the name alone, whatever qualifier a resolution gave it."""
    return _QUALIFIER.sub("", person)


@dataclass(frozen=True)
class Profile:
    """One person named in one article, as that article describes them."""
    article: str                    # the article's IRI (= its graph's name)
    person: str                     # the name's IRI, unqualified
    provinces: frozenset[str]       # provinces of the bodies they hold posts in
    bodies: frozenset[str]          # bodies they hold posts in (not those known to this article only)
    national: frozenset[str]        # of those, bodies with no province: national ones
    where: str | None               # the province the article is about
    beside: frozenset[str]          # the other people the article names
    date: str = ""

    @property
    def anchored(self) -> bool:
        return bool(self.provinces or self.bodies)


def profiles_of(article: str, triples: Iterable[tuple[str, str, str]]) -> list[Profile]:
    """The profiles of every person in one article graph, from its (s, p, o) as strings."""
    persons: set[str] = set()
    member: dict[str, str] = {}
    body: dict[str, str] = {}
    province: dict[str, str] = {}
    where: str | None = None
    date = ""
    for s, p, o in triples:
        if p == RDF_TYPE:
            if o == _PERSON:
                persons.add(s)
        elif p == _MEMBER:
            member[s] = o
        elif p == _ORGANIZATION:
            body[s] = o
        elif p == _PROVINCE:
            province[s] = o
        elif p == _WHERE and s == article:
            where = o
        elif p == _DATE and s == article:
            date = o
    posts: dict[str, list[str]] = {}
    for m, person in member.items():
        if m in body:
            posts.setdefault(person, []).append(body[m])
    names = {base_iri(p) for p in persons}
    out = []
    for person in sorted(persons):
        held = posts.get(person, [])
        shared = [b for b in held if "/org/a-" not in b]  # a body keyed by this article is nowhere else
        out.append(Profile(
            article=article, person=base_iri(person),
            provinces=frozenset(province[b] for b in held if b in province),
            bodies=frozenset(shared),
            national=frozenset(b for b in shared if b not in province),
            where=where, beside=frozenset(names - {base_iri(person)}), date=date))
    return out
