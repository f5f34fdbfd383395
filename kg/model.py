"""What extraction finds in one article, before identity is resolved.

Plain dataclasses: the spaCy components fill them, ``resolve`` turns them into nodes,
``rdf`` into triples. Offsets are character offsets into the article's normalised text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    sentence: str = ""


@dataclass
class PlaceRef:
    """A province or a smaller unit (district, city, commune) named in the text."""
    name: str                      # canonical name ("Ninh Bình", "Nho Quan")
    kind: str                      # province | city | district | commune
    province: str | None = None    # canonical province name, for smaller units
    span: Span | None = None


@dataclass
class OrgRef:
    """An organisation mention, already expanded and structured."""
    label: str                     # expanded name without inferred place ("Ban Dân vận Tỉnh ủy")
    surface: str                   # text as written ("Ban Dân vận Tỉnh uỷ", "UBND tỉnh")
    scope: str                     # national | province | district | commune | local | adhoc
    place: PlaceRef | None = None  # the place named inside the mention, if any
    parent: "OrgRef | None" = None
    kind: str = "org"              # org | delegation | steering | committee | body | unit
    bare: bool = False             # a short form with no scope ("Ban Thường vụ", "MTTQ")
    span: Span | None = None
    implicit_level: str | None = None  # "của tỉnh": the level the name leaves implicit


@dataclass
class TenureRef:
    """A change of office the text reports for a post (kg/nlp/tenure.py)."""
    kind: str                      # elected | appointed | approved | dismissed | resigned | retired | former
    side: str                      # begin | end: which end of the post's interval it dates
    date: date | None = None       # the day the text gives, never a guess
    span: Span | None = None       # the words that report it ("được bầu giữ chức", "nguyên")


@dataclass
class PostRef:
    person: str
    role: str
    org: OrgRef | None
    span: Span | None = None
    former: bool = False           # "nguyên Thứ trưởng", "cựu Bí thư": held before, not now
    tenure: TenureRef | None = None  # the change of office the sentence reports, if any
    rule: str = "title-chain"      # what found it (vnkg:extractedBy): title-chain | lower-case-title | appositive-title | appointment-phrase ...
    parts: tuple[str, ...] = ()    # the roles a combined title joins ("Bộ trưởng, Chủ nhiệm" of one office)


@dataclass
class PersonRef:
    name: str
    span: Span | None = None
    author: bool = False
    rule: str = "bare-capitalised-name"  # what found it: cued-name (after an honorific, title or list mark) | bare-capitalised-name


@dataclass
class DecisionRef:
    number: str                    # normalised: "290-QĐ/TW"
    doc_type: str                  # "Quyết định"
    surface: str
    date: date | None = None
    issuer: OrgRef | None = None
    title: str | None = None
    term: str | None = None        # "khóa X"
    scope: str = "national"        # national | province (numbers re-used by each province)
    span: Span | None = None


@dataclass
class MeetingRef:
    label: str
    kind: str                      # conference | congress | session | meeting | working-session | ceremony | visit ...
    date: date | None
    span: Span
    place: PlaceRef | None = None
    organizers: list[OrgRef] = field(default_factory=list)
    attendee_people: list[str] = field(default_factory=list)
    attendee_orgs: list[OrgRef] = field(default_factory=list)
    about: list[DecisionRef] = field(default_factory=list)
    status: str = "held"           # held | planned | cancelled
    mentions: list[Span] = field(default_factory=list)  # later mentions of the same event
    rule: str = "named-event"      # what found it: named-event (an event noun) | verb-report ("đã làm việc với ...")


@dataclass
class ArticleRecord:
    """Everything found in one article."""
    identifier: str                # the input's path relative to its folder, or the path as given
    text: str                      # normalised full text (offsets refer to it)
    content_hash: str
    by_content: bool = False       # a file named on its own: the article is known by its text
    title: str | None = None
    published: date | datetime | None = None
    url: str | None = None
    section: str | None = None     # the publisher's section ("Thời sự"), when the input gives it
    authors: list[PersonRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    orgs: list[OrgRef] = field(default_factory=list)
    persons: list[PersonRef] = field(default_factory=list)
    posts: list[PostRef] = field(default_factory=list)
    decisions: list[DecisionRef] = field(default_factory=list)
    meetings: list[MeetingRef] = field(default_factory=list)
    main_province: str | None = None

    @property
    def published_date(self) -> date | None:
        p = self.published
        return p.date() if isinstance(p, datetime) else p
