"""The namespaces of the graph's public contract (``../shared/CONTRACT.md``).

``VNKG`` is a closed ``DefinedNamespace`` so a typo in a term fails at import time
instead of silently minting a new IRI.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD, DefinedNamespace, ORG

__all__ = ["VNKG", "RES", "SCHEMA", "ORG", "ELI", "PROV", "DCTERMS", "RDF", "RDFS", "SKOS",
           "XSD", "OWL", "TIME", "PREFIXES", "bind_prefixes", "sparql_prologue"]


class VNKG(DefinedNamespace):
    """The project's ontology (``ontology/vnkg.ttl``)."""

    _NS = Namespace("https://w3id.org/vnkg/ontology#")
    _fail = True

    # classes of the contract
    Article: URIRef
    Person: URIRef
    Organization: URIRef
    Meeting: URIRef
    Decision: URIRef
    Province: URIRef
    # extensions
    District: URIRef      # huyện / thị xã / thành phố thuộc tỉnh
    Mention: URIRef       # one span of text that an entity or fact came from
    # properties
    province: URIRef      # an organisation's or place's province
    replacedBy: URIRef    # a pre-2025 province → the merged unit that replaced it
    documentType: URIRef  # "Quyết định", "Nghị quyết", ...
    term: URIRef          # "khóa X" of the issuing body
    mention: URIRef       # entity/fact → Mention
    sentence: URIRef      # Mention → the sentence text
    startChar: URIRef
    endChar: URIRef
    anchorOf: URIRef      # Mention → the exact surface text
    inArticle: URIRef     # Mention → Article
    scope: URIRef         # "national", "province", "article": how identity was decided
    contentHash: URIRef   # Article → sha256 of its normalised text
    meetingKind: URIRef   # conference | congress | session | meeting | working-session | ceremony | visit | inspection ...
    eventStatus: URIRef   # an event not (yet) held → Planned | Cancelled
    former: URIRef        # Membership → true: a post the text says was held before ("nguyên", "cựu")
    Planned: URIRef       # announced, not yet held ("sẽ tổ chức", "dự kiến")
    Cancelled: URIRef     # called off or postponed ("hoãn", "tạm dừng")
    # tenure of posts (kg/nlp/tenure.py)
    reportedOn: URIRef    # Membership → the publication date of an article that reports the post
    tenureEvent: URIRef   # time:Interval → the change of office the text reports (a TenureEvent)
    TenureEvent: URIRef   # the kinds of change: Elected, Appointed, Approved | Dismissed, Resigned, Retired, Former
    Elected: URIRef
    Appointed: URIRef
    Approved: URIRef
    Dismissed: URIRef
    Resigned: URIRef
    Retired: URIRef
    Former: URIRef
    # confidence per fact (kg/confidence.py)
    Evidence: URIRef      # one article's evidence for one plain triple (a typing, an attendance link)
    confidence: URIRef    # Membership, Meeting or Evidence → calibrated precision of its rule (xsd:decimal)
    extractedBy: URIRef   # Membership, Meeting or Evidence → the rule that produced the fact
    # identity at corpus scale (kg/identity)
    IdentityCandidate: URIRef  # a decision to keep two same-name nodes apart, with its score
    sameAsCandidate: URIRef    # Person → Person: the same name, kept apart; maybe the same one
    candidate: URIRef          # IdentityCandidate → each of the two nodes
    score: URIRef              # IdentityCandidate → how likely they are one (0..1)


RES = Namespace("https://w3id.org/vnkg/resource/")
SCHEMA = Namespace("https://schema.org/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

PREFIXES: dict[str, Namespace | str] = {
    "vnkg": str(VNKG._NS),
    "res": str(RES),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "eli": str(ELI),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "time": str(TIME),
}


def bind_prefixes(graph, base: str | None = None) -> None:
    """Bind the contract's prefixes (``res`` to ``base`` when given) on an rdflib graph."""
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri if prefix != "res" or base is None else base, override=True)


def sparql_prologue() -> str:
    """The PREFIX lines every saved query may rely on."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
