"""Identity: which node each mention is, across the whole corpus (CONTRACT.md, "Identity").

- National bodies, people and national documents: one node each, keyed by their name or number.
- Province-level bodies and local documents: keyed by their province (the one the mention
  names, else the article's); with no province known, by the article, so they never merge
  with another article's.
- Short forms ("MTTQ", "Ban Cán sự đảng") are first matched to a full name in the same
  article; a short form of a national body with no local match is the national body.
- Provinces: the pre-2025 unit for articles before the July-2025 merger, the merged unit after.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from kg.lexicon import data, standalone_short_forms
from kg.model import ArticleRecord, OrgRef, PlaceRef
from kg.naming import body_label, iri_name, iri_path, number_name, person_label
from kg.normalize import fold_key, slugify


# the heads by which an article names again a body it names in full, each with the head of the full
# name: a business by its own head and proper name ("Công ty Formosa Hà Tĩnh"), a school or a customs
# department by a shorter head ("Đại học Hoa Sen", "Hải quan Bình Dương"); longest first
_HEADS_IN_FULL = dict(sorted(
    [(fold_key(h) + " ", fold_key(h) + " ") for h in data("orgs.json")["short_name_heads"]]
    + [(fold_key(short) + " ", fold_key(full) + " ") for short, full in data("orgs.json")["heads_in_full"].items()],
    key=lambda pair: len(pair[0]), reverse=True))


def short_hash(*parts: str, n: int = 12) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def article_key(identifier: str, by_content: bool, content_hash: str) -> str:
    """'article/vietnews/00010.txt' for a file found in a folder; 'article/00010-3fa2c1d4e5b6'
    (its name and the start of its text's hash) for a file named on its own."""
    if by_content:
        stem = identifier.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        return f"article/{iri_name(stem)}-{content_hash[:12]}"
    return f"article/{iri_path(identifier)}"


_LEVELS = frozenset({"", "tỉnh", "thành phố", "tp", "tp.", "huyện", "quận", "thị xã", "xã", "phường"})
_LEVEL_WORDS = frozenset(w.split()[0] for w in _LEVELS if w)
_LOCAL_LEVELS = frozenset({"huyện", "quận", "xã", "phường", "trấn"})  # (of "thị trấn"; a "thị xã" ends in "xã")


@dataclass
class ProvinceNode:
    key: str          # IRI path
    name: str
    era: str          # "2008" | "2025"
    kind: str
    replaced_by: str | None = None


class Provinces:
    """The two generations of provincial units and which one an article means."""

    def __init__(self) -> None:
        d = data("provinces.json")
        self.merger = date.fromisoformat(d["merger_date"])
        new_of: dict[str, dict] = {}
        for unit in d["units_2025"]:
            for old in unit["from"]:
                new_of[old] = unit
        self.old = {u["name"]: u for u in d["units_2008"]}
        self.new = {u["name"]: u for u in d["units_2025"]}
        self.new_of = new_of
        # units whose bare name is not enough to name them ("Hồ Chí Minh" is also a person)
        self.prefixed = {u["name"] for u in (*d["units_2008"], *d["units_2025"]) if u.get("needs_prefix")}

    def _unchanged(self, name: str) -> bool:
        u = self.new.get(name)
        return bool(u) and u["from"] == [name]

    def key_2008(self, name: str) -> str:
        return f"province/{slugify(name)}"

    def key_2025(self, name: str) -> str:
        return f"province/{slugify(name)}" + ("" if self._unchanged(name) else "-2025")

    def node(self, name: str, when: date | None) -> ProvinceNode:
        after = when is not None and when >= self.merger
        if name in self.old and (not after or name not in self.new):
            new = self.new_of.get(name)
            replaced = None if self._unchanged(name) else self.key_2025(new["name"]) if new else None
            return ProvinceNode(self.key_2008(name), name, "2008", self.old[name].get("kind", "province"), replaced)
        return ProvinceNode(self.key_2025(name), name, "2025", self.new[name].get("kind", "province"))


def _with_city_word(label: str, name: str) -> str:
    """A body of a city whose bare name is also a person's ("Hồ Chí Minh") is written with the
    city word, as Vietnamese always does: "Thành ủy Hồ Chí Minh" → "Thành ủy Thành phố Hồ Chí Minh"."""
    if label.endswith(" " + name) and not fold_key(label[: -len(name)]).endswith("thành phố"):
        return f"{label[: -len(name)]}Thành phố {name}"
    return label


@lru_cache(maxsize=65536)
def _core(label: str) -> str:
    s = fold_key(label)
    s = s.removeprefix("ủy ban ") if s.startswith("ủy ban mặt trận") else s
    return s.replace(" việt nam", "")


@dataclass
class OrgNode:
    key: str
    label: str
    alt: set[str] = field(default_factory=set)
    province: ProvinceNode | None = None
    parent: "OrgNode | None" = None
    scope: str = "local"


class ArticleResolver:
    """Resolves one article's mentions to node keys (IRI paths under the resource base)."""

    def __init__(self, record: ArticleRecord, provinces: Provinces) -> None:
        self.record = record
        self.provinces = provinces
        self.when = record.published_date
        self.article_key = article_key(record.identifier, record.by_content, record.content_hash)
        self.article_scope = f"a-{short_hash(self.article_key, n=10)}"
        self.main = provinces.node(record.main_province, self.when) if record.main_province else None
        self.orgs: dict[str, OrgNode] = {}
        # the bodies named in full, in the text or completed in a title ("Bí thư Đảng ủy, Giám đốc Sở X"
        # holds "Đảng ủy Sở X", which a later "Đảng ủy" names again)
        self._full = [o for o in record.orgs if not o.bare] + [p.org for p in record.posts if p.org and not p.org.bare]

    # ---------------------------------------------------------------- places
    def province(self, name: str) -> ProvinceNode:
        return self.provinces.node(name, self.when)

    def place_key(self, place: PlaceRef) -> tuple[str, str, ProvinceNode | None]:
        """(key, label, containing province) of a place."""
        if place.kind == "province":
            p = self.province(place.name)
            return p.key, p.name, None
        prov_name = place.province or (self.main.name if self.main else None)
        prov = self.province(prov_name) if prov_name else None
        label = ({"city": "Thành phố", "district": "Huyện", "commune": "Xã"}.get(place.kind, "") + " " + place.name).strip()
        scope = prov.key.split("/", 1)[1] if prov else self.article_scope
        return f"place/{scope}/{iri_name(label)}", label, prov

    # ---------------------------------------------------------------- organisations
    def org(self, ref: OrgRef) -> OrgNode | None:
        """The node of an organisation mention, or None for a short form with nothing to attach to."""
        if ref.bare:
            target = self._coref(ref)
            if target is not None:
                node = self.org(target)
                if node is not None:
                    node.alt.add(ref.label)
                    if ref.surface:
                        node.alt.add(ref.surface)
                return node
            if ref.scope != "national" and not self._standalone(ref):
                return None  # a bare delegation ("Đoàn công tác") names no body of its own
        node = self._node(self._named_in_full(ref) or ref)
        if ref.surface and ref.surface != node.label:
            node.alt.add(ref.surface)
        if ref.label != node.label:
            node.alt.add(ref.label)
        return node

    @staticmethod
    def _standalone(ref: OrgRef) -> bool:
        """A short form the article never completes that still names one body of its own
        ('HĐND', 'Đảng ủy'): a node of this article only."""
        return ref.scope == "local" and ref.label in standalone_short_forms()

    def _coref(self, ref: OrgRef) -> OrgRef | None:
        core = _core(ref.label)
        for full in self._full:
            other = _core(full.label)
            if full is not ref and (other == core or other.startswith(core + " ")):
                return full
        return None

    def _named_in_full(self, ref: OrgRef) -> OrgRef | None:
        """'Công ty Formosa Hà Tĩnh' after 'Công ty TNHH Gang thép Hưng Nghiệp Formosa Hà Tĩnh', 'Đại học
        Hoa Sen' after 'Trường Đại học Hoa Sen', 'Hải quan Bình Dương' after 'Cục Hải quan tỉnh Bình
        Dương': a body named by a head of ``_HEADS_IN_FULL`` and the end of its name is the one body of
        the article named by the full head and ending so (a university of several schools is never
        written with 'Trường')."""
        label = fold_key(ref.label)
        if ref.kind != "open":
            return self._of_the_named_place(ref, label)
        short = next((h for h in _HEADS_IN_FULL if label.startswith(h)), None)
        if short is None:
            return self._begun_in_full(ref, label)
        full, tail = _HEADS_IN_FULL[short], " " + label[len(short):]
        found = {key: o for o in self._full if o.kind == "open"
                 and (key := fold_key(o.label)) != label and key.startswith(full) and key.endswith(tail)}
        return next(iter(found.values())) if len(found) == 1 else None

    def _of_the_named_place(self, ref: OrgRef, label: str) -> OrgRef | None:
        """'UBND xã' after 'UBND xã Văn Hán', 'HĐND huyện' after 'HĐND huyện Hòa Bình': a body of a level
        below the province, written without its place, is the one body of the article named so with
        its place. With two ('UBND huyện A', 'UBND huyện B') it stays the article's own."""
        if ref.place is not None or ref.parent is not None or label.rsplit(" ", 1)[-1] not in _LOCAL_LEVELS:
            return None
        found = {key: o for o in self._full if o.place is not None and o.kind == ref.kind
                 and (key := fold_key(o.label)).startswith(label + " ") and o.place.kind == ref.scope}
        return next(iter(found.values())) if len(found) == 1 else None

    def _begun_in_full(self, ref: OrgRef, label: str) -> OrgRef | None:
        """'Viện Nghiên cứu phát triển Kinh tế' in an article that also names 'Viện Nghiên cứu phát triển
        Kinh tế - Xã hội Hà Nội': a name the article writes in full elsewhere, cut short, is that body
        when it is the only one of the article whose name begins so."""
        if ref.place is not None or ref.implicit_level:
            return None  # "Bệnh viện Đa khoa tỉnh", "Sở Văn hóa thành phố Hà Nội": a body of its place
        found = {key: o for o in self._full if o.kind == "open" and o is not ref
                 and (key := fold_key(o.label)).startswith(label) and key[len(label):len(label) + 1] in (" ", "-")
                 and not self._only_a_place(key[len(label):], o)}
        return next(iter(found.values())) if len(found) == 1 else None

    @staticmethod
    def _only_a_place(rest: str, org: OrgRef) -> bool:
        """What a longer name adds is where the body is ("... tỉnh Đắk Nông"), not more of its name."""
        rest = rest.strip(" -")
        if org.place is None:
            return rest.split(" ", 1)[0] in _LEVEL_WORDS and len(rest.split()) <= 3
        place = fold_key(org.place.name)
        return rest.endswith(place) and rest[:len(rest) - len(place)].strip() in _LEVELS

    def _node(self, ref: OrgRef) -> OrgNode:
        province: ProvinceNode | None = None
        label = ref.label
        if ref.scope == "national":
            scope = "national"
        elif ref.scope == "adhoc":
            scope = self.article_scope
        else:
            place = self._place_of(ref)
            if place is not None and place.kind == "province":
                province = self.province(place.name)
            elif place is not None:
                _, _, province = self.place_key(place)
            else:  # no place named: a province-level body is the article's province's; a district's is unknown
                province = self.main if ref.scope == "province" else None
                level = self._level_named(label) if province else None
                city = province is not None and province.kind == "city"
                if level is not None and (level == "tỉnh") == city and not ref.implicit_level:
                    province = None  # "Tỉnh ủy" in an article about a city, "Thành ủy" (of a town) elsewhere
                elif province and ref.implicit_level:
                    label = f"{label} {'thành phố' if city else ref.implicit_level} {province.name}"
                elif province and level and ref.kind in ("committee", "unit", "body", "department", "steering", "open"):
                    label = f"{label} {province.name}"
            scope = province.key.split("/", 1)[1] if province else self.article_scope
        label = body_label(label)
        if province is not None and province.name in self.provinces.prefixed:
            label = _with_city_word(label, province.name)
        key = f"org/{scope}/{iri_name(label)}" if scope != "national" else f"org/{iri_name(label)}"
        node = self.orgs.get(key)
        if node is None:
            node = OrgNode(key, label, province=province, scope=ref.scope)
            self.orgs[key] = node
            if ref.parent is not None and not ref.parent.bare:
                node.parent = self._node(ref.parent)
        return node

    @staticmethod
    def _place_of(ref: OrgRef) -> PlaceRef | None:
        o: OrgRef | None = ref
        while o is not None:
            if o.place is not None:
                return o.place
            o = o.parent
        return None

    @staticmethod
    def _level_named(label: str) -> str | None:
        """The level a name ends with and leaves its place implicit: 'Ủy ban nhân dân tỉnh', 'Ban Dân vận
        Tỉnh ủy' ('tỉnh'); 'Hội đồng nhân dân thành phố', 'Thành ủy' ('thành phố'); else None."""
        last = fold_key(label).split(" ")
        tail = " ".join(last[-2:])
        if last[-1] == "tỉnh" or tail in {"tỉnh ủy", "tỉnh đoàn"}:
            return "tỉnh"
        if tail in {"thành phố", "thành ủy", "thành đoàn"} or last[-1] == "tp":
            return "thành phố"
        return None

    # ---------------------------------------------------------------- other keys
    def person_key(self, name: str) -> str:
        return f"person/{iri_name(person_label(name))}"

    def decision_key(self, number: str, scope: str, doc_type: str = "") -> str:
        if scope == "national":
            return f"decision/{number_name(number)}"
        if scope == "article":  # "Nghị định 73": a number without its code names a document in this article only
            return f"decision/{self.article_scope}/{iri_name(doc_type)}_{number_name(number)}"
        where = self.main.key.split("/", 1)[1] if self.main else self.article_scope
        return f"decision/{where}/{number_name(number)}"
