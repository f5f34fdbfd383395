"""An ``ArticleRecord`` → triples in the article's own named graph, per CONTRACT.md.

Each article graph is self-contained: it repeats the types and labels of every node it
uses, so dropping or replacing one article's graph never leaves another's dangling.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.confidence import GAZETTEER, decision_key, literal, meeting_key, org_key, rule_of, score
from kg.model import ArticleRecord, OrgRef, Span, TenureRef
from kg.naming import iri_name, person_label
from kg.nlp.decisions import type_from_code
from kg.resolve import ArticleResolver, OrgNode, ProvinceNode, Provinces, short_hash
from kg.lexicon import data
from kg.vocab import DCTERMS, ELI, ORG, PROV, RDF, RDFS, RES, SCHEMA, SKOS, TIME, VNKG, bind_prefixes



class _Terms:
    """A namespace whose terms are looked up once. An rdflib namespace mints a new URIRef at every
    attribute access (1-3 µs; an article's graph reads ~1,000), and one object per term also makes
    the triple sink's duplicate checks identity hits."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


DCTERMS, ELI, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, VNKG, XSD = (
    _Terms(ns) for ns in (DCTERMS, ELI, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME, VNKG, XSD))
_PROVINCES = Provinces()


MAX_SENTENCE = 600
# national bodies merged or renamed in 2025 → their successor (kg/data/orgs.json "successors")
_SUCCESSORS: dict[str, str] = data("orgs.json").get("successors", {}).get("bodies", {})
ROLE_SCHEME = "role-scheme"  # <base>role-scheme: the SKOS scheme of roles (kg/roles_scheme.py, ontology/roles.ttl)


def role_key(role: str) -> str:
    """A role's IRI below the base. The role scheme mints its concepts with this too, so a post's
    ``org:role`` is the scheme's concept, whatever the build."""
    return f"role/{iri_name(role)}"


def excerpt(sentence: str, anchor: str, width: int = MAX_SENTENCE) -> str:
    """The sentence, or for a run-on 'sentence' (a page with no full stops) a window of it
    around the anchor, so that every mention does not carry the whole page."""
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(anchor), 0)
    start = max(0, min(at - (width - len(anchor)) // 2, len(sentence) - width))
    return ("…" if start else "") + sentence[start:start + width] + ("…" if start + width < len(sentence) else "")


def decision_label(d) -> str:
    """One label per document whatever word each article calls it by: its type read off its code
    ("QĐ" → "Quyết định"), else "Văn bản"; a number without a code keeps the article's word."""
    if d.scope == "article":
        return f"{d.doc_type} {d.number}"
    code = re.sub(r"^[\d.]+[a-z]?(?:/\d{4})?[-/]?", "", d.number)
    return f"{type_from_code(code) or 'Văn bản'} {d.number}"


@lru_cache(maxsize=1 << 14, typed=True)
def vi(text: str) -> Literal:
    """A Vietnamese label, made once per text: labels repeat across a build's articles, and rdflib
    checks and parses every value it is given (~3 µs a literal)."""
    return Literal(text, lang="vi")


@lru_cache(maxsize=1 << 14, typed=True)
def plain(value: str | int) -> Literal:
    """A literal without a language tag, made once per value (as ``vi``): anchors, offsets, rule names."""
    return Literal(value)


def _date(d: date | datetime) -> Literal:
    """In XSD's canonical form ('Z' for UTC, no trailing zeros in the seconds), as a store keeps it:
    a store's export and an in-memory build then write the same bytes."""
    if not isinstance(d, datetime):
        return Literal(d.isoformat(), datatype=XSD.date)
    text = d.replace(microsecond=0, tzinfo=None).isoformat()
    if d.microsecond:
        text += f".{d.microsecond:06d}".rstrip("0")
    offset = d.utcoffset()
    if offset is not None:
        text += "Z" if not offset else d.isoformat()[-6:]
    return Literal(text, datatype=XSD.dateTime, normalize=False)


class ArticleGraphBuilder:
    """Writes one article's facts into ``graph`` with IRIs under ``base``."""

    def __init__(self, record: ArticleRecord, graph: Graph, base: str = str(RES)) -> None:
        self.r = record
        self.g = graph
        self.base = base if base.endswith(("/", "#")) else base + "/"
        self.res = ArticleResolver(record, _PROVINCES)
        self.article = self.iri(self.res.article_key)
        self.mentioned: set[URIRef] = set()
        # (s, p, o) of a typing or link → (kind, evidence key, span) of its best evidence in this article
        self.claims: dict[tuple[URIRef, URIRef, URIRef], tuple[str, str, Span | None]] = {}
        # a membership or meeting node → (kind, evidence key) of its best evidence in this article
        self.node_keys: dict[URIRef, tuple[str, str]] = {}

    def iri(self, key: str) -> URIRef:
        return URIRef(self.base + key)

    # ------------------------------------------------------------------ provenance
    def mention(self, subject: URIRef, span: Span | None) -> None:
        if span is None:
            return
        m = self.mention_iri(span)
        g = self.g
        if (m, RDF.type, VNKG.Mention) not in g:
            g.add((m, RDF.type, VNKG.Mention))
            g.add((m, VNKG.inArticle, self.article))
            g.add((m, VNKG.anchorOf, plain(span.text)))
            g.add((m, VNKG.startChar, plain(span.start)))
            g.add((m, VNKG.endChar, plain(span.end)))
            if span.sentence:
                g.add((m, VNKG.sentence, plain(excerpt(span.sentence, span.text))))  # (a sentence has several)
        g.add((subject, VNKG.mention, m))

    def mention_iri(self, span: Span) -> URIRef:
        return self.iri(f"mention/{self.res.article_key.split('/', 1)[1]}/{span.start}-{span.end}")

    def claim(self, fact: tuple[URIRef, URIRef, URIRef], kind: str, key: str, span: Span | None = None) -> None:
        """Evidence for a plain triple; of several in one article, the best scored is kept."""
        held = self.claims.get(fact)
        if held is None or score(kind, key) > score(held[0], held[1]):
            self.claims[fact] = (kind, key, span)

    def scored(self, node: URIRef, kind: str, key: str) -> None:
        """Evidence for a membership or meeting, scored on its own node; the best one is kept."""
        held = self.node_keys.get(node)
        if held is None or score(kind, key) > score(*held):
            self.node_keys[node] = (kind, key)

    def _evidence(self) -> None:
        """Scores on membership and meeting nodes; one ``vnkg:Evidence`` node per claimed triple:
        the triple (RDF reification terms), its score, the rule, the article and the text it was read from."""
        g, stem = self.g, self.res.article_key.split("/", 1)[1]
        for node, (kind, key) in self.node_keys.items():
            g.add((node, VNKG.confidence, literal(score(kind, key))))
            g.add((node, VNKG.extractedBy, plain(rule_of(key))))
        for (s, p, o), (kind, key, span) in self.claims.items():
            ev = self.iri(f"evidence/{stem}/{short_hash(str(s), str(p), str(o))}")
            g.add((ev, RDF.type, VNKG.Evidence))
            g.add((ev, RDF.subject, s))
            g.add((ev, RDF.predicate, p))
            g.add((ev, RDF.object, o))
            g.add((ev, VNKG.confidence, literal(score(kind, key))))
            g.add((ev, VNKG.extractedBy, plain(rule_of(key))))
            g.add((ev, PROV.wasDerivedFrom, self.article))
            if span is not None:
                g.add((ev, VNKG.mention, self.mention_iri(span)))

    def mentions(self, node: URIRef) -> None:
        if node not in self.mentioned:
            self.mentioned.add(node)
            self.g.add((self.article, SCHEMA.mentions, node))

    # ------------------------------------------------------------------ nodes
    def province(self, p: ProvinceNode) -> URIRef:
        node = self.iri(p.key)
        g = self.g
        g.add((node, RDF.type, VNKG.Province))
        g.add((node, RDF.type, SCHEMA.AdministrativeArea))
        g.add((node, RDFS.label, vi(p.name)))
        g.add((node, SKOS.altLabel, vi(("thành phố " if p.kind == "city" else "tỉnh ") + p.name)))
        self.claim((node, RDF.type, VNKG.Province), "Province", GAZETTEER)
        if p.replaced_by:
            g.add((node, VNKG.replacedBy, self.iri(p.replaced_by)))
        self.mentions(node)
        return node

    def org(self, node: OrgNode, key: str = "parent-of-name", span: Span | None = None) -> URIRef:
        """The body's node; ``key`` is the evidence for it (by default: another body's name names it)."""
        iri = self.iri(node.key)
        g = self.g
        self.claim((iri, RDF.type, VNKG.Organization), "Organization", key, span)
        if (iri, RDF.type, VNKG.Organization) not in g:
            g.add((iri, RDF.type, VNKG.Organization))
            g.add((iri, RDF.type, ORG.Organization))
            g.add((iri, RDFS.label, vi(node.label)))
            if node.province is not None:
                p = self.province(node.province)
                g.add((iri, VNKG.province, p))
                g.add((iri, SCHEMA.location, p))
            if node.parent is not None:
                g.add((iri, ORG.subOrganizationOf, self.org(node.parent)))
            successor = _SUCCESSORS.get(node.label) if node.scope == "national" else None
            if successor is not None:  # "Bộ Kế hoạch và Đầu tư" → Bộ Tài chính since March 2025
                # the successor is described in `kg gazetteer`'s reference graph, as provinces are:
                # an article that never names it does not mention it
                g.add((iri, VNKG.replacedBy, self.iri(f"org/{iri_name(successor)}")))
        for alt in node.alt:
            if alt != node.label:
                g.add((iri, SKOS.altLabel, vi(alt)))
        self.mentions(iri)
        return iri

    def org_ref(self, ref: OrgRef) -> URIRef | None:
        node = self.res.org(ref)
        if node is None:
            return None
        iri = self.org(node, org_key(ref), ref.span)
        self.mention(iri, ref.span)
        return iri

    def person(self, name: str, span: Span | None, rule: str) -> URIRef:
        iri = self.iri(self.res.person_key(name))
        self.claim((iri, RDF.type, VNKG.Person), "Person", rule, span)
        self.g.add((iri, RDF.type, VNKG.Person))
        self.g.add((iri, RDF.type, SCHEMA.Person))
        self.g.add((iri, RDFS.label, vi(person_label(name))))
        self.mentions(iri)
        self.mention(iri, span)
        return iri

    # ------------------------------------------------------------------ the article
    def build(self) -> URIRef:
        r, g, a = self.r, self.g, self.article
        g.add((a, RDF.type, VNKG.Article))
        g.add((a, RDF.type, SCHEMA.NewsArticle))
        g.add((a, DCTERMS.identifier, Literal(r.identifier)))
        g.add((a, VNKG.contentHash, Literal(r.content_hash)))
        if r.title:
            g.add((a, RDFS.label, vi(r.title)))
            g.add((a, DCTERMS.title, vi(r.title)))
        if r.published:
            g.add((a, SCHEMA.datePublished, _date(r.published)))
        if r.url:
            g.add((a, SCHEMA.url, Literal(r.url, datatype=XSD.anyURI)))
        if r.section:
            g.add((a, SCHEMA.articleSection, vi(r.section)))
        for au in r.authors:
            p = self.person(au.name, au.span, "byline")
            g.add((a, SCHEMA.author, p))
        self._places()
        if self.res.main is not None:  # the province the article is about (identity weighs it)
            g.add((a, SCHEMA.contentLocation, self.province(self.res.main)))
        for o in r.orgs:
            self.org_ref(o)
        for p in r.persons:
            self.person(p.name, p.span, p.rule)
        self._posts()
        decisions = self._decisions()
        self._meetings(decisions)
        self._evidence()
        return a

    def _places(self) -> None:
        for place in self.r.places:
            if place.kind == "province":
                node = self.province(self.res.province(place.name))
            else:
                key, label, prov = self.res.place_key(place)
                node = self.iri(key)
                self.g.add((node, RDF.type, VNKG.District))
                self.g.add((node, RDF.type, SCHEMA.AdministrativeArea))
                self.g.add((node, RDFS.label, vi(label)))
                self.g.add((node, SKOS.altLabel, vi(place.name)))
                if prov is not None:
                    self.g.add((node, SCHEMA.containedInPlace, self.province(prov)))
                self.mentions(node)
            self.mention(node, place.span)

    def place_node(self, place) -> URIRef:
        if place.kind == "province":
            return self.iri(self.res.province(place.name).key)
        return self.iri(self.res.place_key(place)[0])

    def _posts(self) -> None:
        g = self.g
        seen: set[URIRef] = set()
        published = self.r.published_date
        for post in self.r.posts:
            org = self.org_ref(post.org) if post.org else None
            if org is None:
                continue
            person = self.iri(self.res.person_key(post.person))
            role = self.iri(role_key(post.role))
            m = self.iri(f"membership/{short_hash(str(person), post.role, str(org), *(['former'] if post.former else []))}")
            if m not in seen:
                seen.add(m)
                g.add((m, RDF.type, ORG.Membership))
                g.add((m, ORG.member, person))
                g.add((m, ORG.organization, org))
                g.add((m, ORG.role, role))
                g.add((m, PROV.wasDerivedFrom, self.article))
                if published is not None:  # every report dates the post, when nothing else does
                    g.add((m, VNKG.reportedOn, Literal(published.isoformat(), datatype=XSD.date)))
                if post.former:  # "nguyên Thứ trưởng": held before the article, not a current post
                    g.add((m, VNKG.former, Literal(True)))
                g.add((role, RDF.type, ORG.Role))
                g.add((role, RDF.type, SKOS.Concept))  # a concept of the role scheme, even if the lexicon lacks it
                g.add((role, SKOS.inScheme, self.iri(ROLE_SCHEME)))
                g.add((role, RDFS.label, vi(post.role)))
                for part in post.parts:  # a combined title is narrower than each role it joins
                    g.add((role, SKOS.broader, self.iri(role_key(part))))
            self.mention(m, post.span)
            self.scored(m, "Membership", post.rule)
            if (person, RDF.type, VNKG.Person) in g:  # a title beside the name says it is a person's
                self.claim((person, RDF.type, VNKG.Person), "Person", post.rule, post.span)
            if post.tenure is not None:
                self._tenure(m, post.tenure)

    def _tenure(self, membership: URIRef, t: TenureRef) -> None:
        """The post's interval as this article reports it (W3C Time), one per change and day: the
        change, its evidence and, on the side it dates, an instant with the day the text gives. A change with no day still has
        its instant, known only to precede the article's publication (``time:before``)."""
        g = self.g
        stem = self.res.article_key.split("/", 1)[1]
        interval = self.iri(f"tenure/{stem}/{short_hash(str(membership), t.kind, t.side, str(t.date or ''))}")
        g.add((membership, ORG.memberDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        g.add((interval, VNKG.tenureEvent, VNKG[t.kind.capitalize()]))
        g.add((interval, PROV.wasDerivedFrom, self.article))
        self.mention(interval, t.span)
        if t.date is not None:
            instant = self.instant(t.date)
        else:
            instant = URIRef(f"{interval}/{t.side}")
            g.add((instant, RDF.type, TIME.Instant))
            published = self.r.published_date
            if published is not None:
                g.add((instant, TIME.before, self.instant(published)))
        g.add((interval, TIME.hasBeginning if t.side == "begin" else TIME.hasEnd, instant))

    def instant(self, day: date) -> URIRef:
        """The day as a ``time:Instant``, one node per day across the corpus."""
        node = self.iri(f"instant/{day.isoformat()}")
        self.g.add((node, RDF.type, TIME.Instant))
        self.g.add((node, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))
        return node

    def _decisions(self) -> dict[int, URIRef]:
        g = self.g
        out: dict[int, URIRef] = {}
        for d in self.r.decisions:
            iri = self.iri(self.res.decision_key(d.number, d.scope, d.doc_type))
            out[id(d)] = iri
            g.add((iri, RDF.type, VNKG.Decision))
            g.add((iri, RDF.type, ELI.LegalResource))
            self.claim((iri, RDF.type, VNKG.Decision), "Decision", decision_key(d.scope), d.span)
            g.add((iri, ELI.id_local, Literal(d.number)))
            g.add((iri, RDFS.label, vi(decision_label(d))))
            g.add((iri, VNKG.documentType, vi(d.doc_type)))
            if d.surface and d.surface != decision_label(d):
                g.add((iri, SKOS.altLabel, vi(" ".join(d.surface.split()))))
            if d.date:
                g.add((iri, ELI.date_document, _date(d.date)))
            if d.title:
                g.add((iri, ELI.title, vi(d.title)))
            if d.term:
                g.add((iri, VNKG.term, vi(d.term)))
            if d.issuer is not None:
                issuer = self.org_ref(d.issuer)
                if issuer is not None:
                    g.add((iri, ELI.passed_by, issuer))
            self.mentions(iri)
            self.mention(iri, d.span)
        return out

    def _meetings(self, decisions: dict[int, URIRef]) -> None:
        g = self.g
        stem = self.res.article_key.split("/", 1)[1]
        titled = {p.person for p in self.r.posts}
        for n, m in enumerate(self.r.meetings):
            iri = self.iri(f"meeting/{stem}-{n + 1}")
            if m.status == "held":  # planned and called-off events are events, not meetings that took place
                g.add((iri, RDF.type, VNKG.Meeting))
                self.scored(iri, "Meeting", meeting_key(m))
            else:
                g.add((iri, VNKG.eventStatus, VNKG[m.status.capitalize()]))
            g.add((iri, RDF.type, SCHEMA.Event))
            g.add((iri, RDFS.label, vi(m.label)))
            g.add((iri, VNKG.meetingKind, Literal(m.kind)))
            g.add((iri, PROV.wasDerivedFrom, self.article))
            if m.date:
                g.add((iri, SCHEMA.startDate, _date(m.date)))
            location = self._meeting_place(m)
            if location is not None:
                g.add((iri, SCHEMA.location, location))
            for o in m.organizers:
                node = self.org_ref(o)
                if node is not None:
                    self.link((iri, SCHEMA.organizer, node), "Organizer", "organizer-clause", o.span)
            for o in m.attendee_orgs:
                node = self.org_ref(o)
                if node is not None:
                    self.link((iri, SCHEMA.attendee, node), "Attendee", "attendee-body", o.span)
            for name in m.attendee_people:
                key = "attendee-person/" + ("titled" if name in titled else "untitled")
                self.link((iri, SCHEMA.attendee, self.iri(self.res.person_key(name))), "Attendee", key)
            for d in m.about:
                self.link((iri, SCHEMA.about, decisions[id(d)]), "About", "document-in-event-sentence", d.span)
            self.mentions(iri)
            self.mention(iri, m.span)
            for span in m.mentions:
                self.mention(iri, span)


    def link(self, fact: tuple[URIRef, URIRef, URIRef], kind: str, key: str, span: Span | None = None) -> None:
        self.g.add(fact)
        self.claim(fact, kind, key, span)

    def _meeting_place(self, m) -> URIRef | None:
        """Where a meeting took place: the place the text gives; else the province of the body that
        held it (a provincial council's session is held in its province); else the article's
        province when it is the only one named."""
        if m.place is not None:
            return self.place_node(m.place)
        for o in [*m.organizers, *m.attendee_orgs]:
            node = self.res.org(o)
            if node is not None and node.province is not None:
                return self.province(node.province)
        named = {p.name if p.kind == "province" else p.province for p in self.r.places} - {None}
        if self.res.main is not None and len(named) == 1:
            return self.iri(self.res.main.key)
        return None


def article_graph(record: ArticleRecord, dataset: Dataset, base: str = str(RES)) -> URIRef:
    """Add ``record`` to ``dataset`` as a named graph (IRI = the article's IRI)."""
    builder = ArticleGraphBuilder(record, Graph(), base)
    builder.g = dataset.graph(builder.article)  # the named graph is known once the builder names the article
    return builder.build()


def new_dataset(base: str = str(RES)) -> Dataset:
    ds = Dataset(default_union=True)
    bind_prefixes(ds, base)
    return ds


def gazetteer_graph(base: str = str(RES)) -> Graph:
    """All 63 pre-2025 and 34 post-2025 provincial units with their replaced-by links, and the
    national bodies merged or renamed in 2025 with theirs: the reference graph that article
    graphs point into."""
    g = Graph()
    bind_prefixes(g, base)
    root = base if base.endswith(("/", "#")) else base + "/"
    for name in _PROVINCES.old:
        p = _PROVINCES.node(name, None)
        _describe_province(g, root, p)
    for name in _PROVINCES.new:
        p = _PROVINCES.node(name, _PROVINCES.merger)
        _describe_province(g, root, p)
        for old in _PROVINCES.new[name]["from"]:
            if _PROVINCES.key_2008(old) != p.key:
                g.add((URIRef(root + _PROVINCES.key_2008(old)), VNKG.replacedBy, URIRef(root + p.key)))
    for old, new in _SUCCESSORS.items():  # the national bodies merged or renamed in 2025
        for name in (old, new):
            node = URIRef(root + f"org/{iri_name(name)}")
            g.add((node, RDF.type, VNKG.Organization))
            g.add((node, RDF.type, ORG.Organization))
            g.add((node, RDFS.label, vi(name)))
        g.add((URIRef(root + f"org/{iri_name(old)}"), VNKG.replacedBy, URIRef(root + f"org/{iri_name(new)}")))
    return g


def _describe_province(g: Graph, root: str, p: ProvinceNode) -> None:
    node = URIRef(root + p.key)
    g.add((node, RDF.type, VNKG.Province))
    g.add((node, RDF.type, SCHEMA.AdministrativeArea))
    g.add((node, RDFS.label, vi(p.name)))
    g.add((node, SKOS.altLabel, vi(("thành phố " if p.kind == "city" else "tỉnh ") + p.name)))
