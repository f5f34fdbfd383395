"""Realistic synthetic graphs in the shape ``kg build`` writes, for the SPARQL benchmarks.

Streams N-Quads (one named graph per article, places and roles in the default graph) so
a 5M-triple graph never sits in memory. The shape follows ``shared/CONTRACT.md``: 63
provinces with their party, state and front bodies; officials with Vietnamese names who
hold one or two posts and are sometimes promoted; articles that mention 10-30 entities,
report memberships, describe meetings about decisions shared across the corpus, and keep
provenance Mention nodes. Popularity is Zipf-like, so a few officials and decisions recur
in many articles, as in real news.

    python benchmarks/synth_graph.py --triples 1000000 -o /tmp/kg-bench/g1m.nq

Next to the output it writes ``<output>.params.json``: parameter values for the saved
queries that hit busy parts of the graph (a province, its most reported official, a
popular decision, an article).
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

VNKG = "https://w3id.org/vnkg/ontology#"
RES = "https://w3id.org/vnkg/resource/"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
XSD = "http://www.w3.org/2001/XMLSchema#"

PROVINCES = [
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang", "Bà Rịa - Vũng Tàu",
    "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ",
    "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng",
    "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Mai", "Hà", "Lương", "Tô",
            "Chu", "Cao", "Lâm", "Thái", "Tạ", "Quách", "Triệu"]
MIDDLE = ["Văn", "Thị", "Minh", "Quốc", "Đức", "Hữu", "Thanh", "Ngọc", "Xuân", "Hồng", "Quang",
          "Công", "Thành", "Trọng", "Anh", "Kim", "Thu", "Bá", "Đình", "Tiến", "Mạnh", "Vĩnh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Hưng", "Khánh", "Lan", "Linh", "Long",
         "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Tân", "Thắng", "Thảo",
         "Thủy", "Trung", "Tuấn", "Vinh", "Việt", "Yến", "Hạnh", "Hiếu", "Hoa", "Huệ", "Kiên",
         "Lộc", "Nghĩa", "Nhung", "Phương", "Tài", "Thịnh", "Toàn", "Trâm", "Tú", "Vân", "Đạt"]
DISTRICTS = ["huyện Kim Sơn", "huyện Yên Khánh", "thị xã Phú Mỹ", "huyện Gia Viễn", "thành phố Tam Kỳ",
             "huyện Lạc Sơn", "huyện Đông Anh", "thị xã Sơn Tây"]

# slug, name template, parent slug, roles (head first)
BODIES = [
    ("tinh-uy", "Tỉnh ủy {p}", None,
     ["Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy viên"]),
    ("ban-thuong-vu", "Ban Thường vụ Tỉnh ủy {p}", "tinh-uy", ["Ủy viên Ban Thường vụ Tỉnh ủy"]),
    ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy {p}", "tinh-uy", ["Trưởng ban", "Phó Trưởng ban"]),
    ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy {p}", "tinh-uy", ["Trưởng ban", "Phó Trưởng ban"]),
    ("ban-dan-van", "Ban Dân vận Tỉnh ủy {p}", "tinh-uy", ["Trưởng ban", "Phó Trưởng ban"]),
    ("ban-noi-chinh", "Ban Nội chính Tỉnh ủy {p}", "tinh-uy", ["Trưởng ban", "Phó Trưởng ban"]),
    ("uy-ban-kiem-tra", "Ủy ban Kiểm tra Tỉnh ủy {p}", "tinh-uy", ["Chủ nhiệm", "Phó Chủ nhiệm"]),
    ("hdnd", "Hội đồng nhân dân tỉnh {p}", None, ["Chủ tịch", "Phó Chủ tịch"]),
    ("ubnd", "Ủy ban nhân dân tỉnh {p}", None, ["Chủ tịch", "Phó Chủ tịch"]),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh {p}", None, ["Chủ tịch", "Phó Chủ tịch"]),
    ("doan-dbqh", "Đoàn đại biểu Quốc hội tỉnh {p}", None, ["Trưởng đoàn", "Phó Trưởng đoàn"]),
    ("so-noi-vu", "Sở Nội vụ tỉnh {p}", "ubnd", ["Giám đốc", "Phó Giám đốc"]),
    ("so-tai-chinh", "Sở Tài chính tỉnh {p}", "ubnd", ["Giám đốc", "Phó Giám đốc"]),
    ("so-giao-duc", "Sở Giáo dục và Đào tạo tỉnh {p}", "ubnd", ["Giám đốc", "Phó Giám đốc"]),
    ("so-y-te", "Sở Y tế tỉnh {p}", "ubnd", ["Giám đốc", "Phó Giám đốc"]),
]
# posts often held together with a first one: (body, role) -> (body, role)
CONCURRENT = {
    ("tinh-uy", "Bí thư Tỉnh ủy"): ("hdnd", "Chủ tịch"),
    ("tinh-uy", "Phó Bí thư Tỉnh ủy"): ("ubnd", "Chủ tịch"),
    ("ban-dan-van", "Trưởng ban"): ("mttq", "Chủ tịch"),
    ("ban-to-chuc", "Trưởng ban"): ("ban-thuong-vu", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    ("hdnd", "Phó Chủ tịch"): ("doan-dbqh", "Phó Trưởng đoàn"),
}
NATIONAL = [
    ("bo-chinh-tri", "Bộ Chính trị", "Ủy viên Bộ Chính trị"),
    ("ban-bi-thu", "Ban Bí thư", "Bí thư Trung ương Đảng"),
    ("ban-chap-hanh-trung-uong", "Ban Chấp hành Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
    ("quoc-hoi", "Quốc hội", "Đại biểu Quốc hội"),
    ("chinh-phu", "Chính phủ", "Thành viên Chính phủ"),
    ("ban-to-chuc-trung-uong", "Ban Tổ chức Trung ương", "Phó Trưởng ban"),
    ("ban-dan-van-trung-uong", "Ban Dân vận Trung ương", "Phó Trưởng ban"),
    ("ban-tuyen-giao-trung-uong", "Ban Tuyên giáo Trung ương", "Phó Trưởng ban"),
    ("uy-ban-kiem-tra-trung-uong", "Ủy ban Kiểm tra Trung ương", "Ủy viên"),
    ("bo-noi-vu", "Bộ Nội vụ", "Thứ trưởng"),
]
DOC_KINDS = [("QĐ/TW", "Quy định", "ban-chap-hanh-trung-uong"), ("NQ/TW", "Nghị quyết", "bo-chinh-tri"),
             ("CT/TW", "Chỉ thị", "ban-bi-thu"), ("KL/TW", "Kết luận", "bo-chinh-tri"),
             ("QĐ-TTg", "Quyết định", "chinh-phu"), ("NĐ-CP", "Nghị định", "chinh-phu"),
             ("NQ-CP", "Nghị quyết", "chinh-phu")]
TOPICS = ["công tác dân vận", "sắp xếp tổ chức bộ máy", "phòng, chống tham nhũng, tiêu cực",
          "chuyển đổi số", "xây dựng nông thôn mới", "công tác cán bộ", "phát triển kinh tế - xã hội",
          "cải cách hành chính", "bảo vệ nền tảng tư tưởng của Đảng", "công tác kiểm tra, giám sát",
          "đại hội Đảng bộ các cấp", "giảm nghèo bền vững", "phòng, chống thiên tai"]
MEETINGS = ["Hội nghị Ban Chấp hành Đảng bộ tỉnh", "Hội nghị quán triệt", "Kỳ họp HĐND tỉnh",
            "Phiên họp UBND tỉnh", "Hội nghị tổng kết", "Buổi làm việc với Đoàn công tác",
            "Hội nghị sơ kết", "Lễ công bố quyết định"]
START, END = date(2019, 1, 1), date(2025, 6, 30)


def slug(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in text).split())


def lit(text: str, lang: str | None = "vi") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class Zipf:
    """Pick from a list with weight 1/rank^s: a few items are very popular."""

    def __init__(self, n: int, s: float = 1.0) -> None:
        self.cum = list(itertools.accumulate(1.0 / (i + 1) ** s for i in range(n)))

    def pick(self, rng: random.Random) -> int:
        return bisect.bisect_left(self.cum, rng.random() * self.cum[-1])


@dataclass
class Post:
    org: str            # IRI
    role: str           # IRI
    promoted_to: str | None = None   # role IRI after ``switch``
    switch: date | None = None


@dataclass
class Official:
    iri: str
    name: str
    posts: list[Post] = field(default_factory=list)


class Writer:
    """Counts triples as it writes N-Quads lines."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.count = 0

    def quad(self, s: str, p: str, o: str, g: str | None) -> None:
        graph = f" <{g}>" if g else ""
        self.out.write(f"<{s}> <{p}> {o}{graph} .\n")
        self.count += 1


class World:
    """Provinces, bodies, officials and decisions: the stable part the articles talk about."""

    def __init__(self, rng: random.Random, n_articles: int) -> None:
        self.rng = rng
        self.roles: dict[str, str] = {}            # IRI -> label
        self.orgs: dict[str, list[str]] = {}       # IRI -> extra object triples (p, o)
        self.org_label: dict[str, str] = {}
        self.provinces = [(f"{RES}province/{slug(p)}", p) for p in PROVINCES]
        self.districts: dict[str, list[tuple[str, str]]] = {}
        self.officials: dict[str, list[Official]] = {}
        self.org_of: dict[tuple[str, str], str] = {}
        for slug_, name, role in NATIONAL:
            iri = f"{RES}org/{slug_}"
            self.org_label[iri] = name
            self.orgs[iri] = []
            self._role(role)
        per_province = 20 + n_articles // 400
        used_names: set[str] = set()
        for prov_iri, prov in self.provinces:
            ps = slug(prov)
            self.districts[prov_iri] = [(f"{RES}district/{ps}/{slug(d)}", d)
                                        for d in rng.sample(DISTRICTS, 3)]
            for body, template, parent, roles in BODIES:
                iri = f"{RES}org/{ps}/{body}"
                self.org_label[iri] = template.format(p=prov)
                extra = [(f"{VNKG}province", f"<{prov_iri}>"), (f"{SCHEMA}location", f"<{prov_iri}>")]
                if parent:
                    extra.append((f"{ORG}subOrganizationOf", f"<{RES}org/{ps}/{parent}>"))
                self.orgs[iri] = extra
                self.org_of[(prov_iri, body)] = iri
                for role in roles:
                    self._role(role)
            filled: dict[str, int] = {}
            self.officials[prov_iri] = [self._official(prov_iri, ps, i, used_names, filled)
                                        for i in range(per_province)]
        n_decisions = 150 + n_articles // 40
        self.decisions = []
        for i in range(n_decisions):
            suffix, kind, body = DOC_KINDS[i % len(DOC_KINDS)]
            number = "290" if i == 0 else str(rng.randint(1, 400))
            id_local = f"{number}-{suffix}" if i == 0 else f"{number}-{suffix}/{2015 + i % 11}"
            topic = rng.choice(TOPICS)
            self.decisions.append({
                "iri": f"{RES}decision/{slug(id_local)}-{i}", "id": id_local, "kind": kind,
                "title": f"{kind} về {topic}", "by": f"{RES}org/{body}",
                "date": START + timedelta(days=rng.randrange((END - START).days))})
        self.decision_zipf = Zipf(n_decisions, 1.0)
        self.official_zipf = Zipf(per_province, 1.0)
        self.journalists = [(f"{RES}person/pv-{i}", self._name(set())) for i in range(300)]

    def _role(self, label: str) -> str:
        iri = f"{RES}role/{slug(label)}"
        self.roles[iri] = label
        return iri

    def _name(self, used: set[str]) -> str:
        while True:
            name = f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            if name not in used or len(used) > 20000:
                used.add(name)
                return name

    def _official(self, prov_iri: str, ps: str, rank: int, used: set[str],
                  filled: dict[str, int]) -> Official:
        """Rank 0 is the provincial party secretary, then heads, then deputies of each body."""
        name = self._name(used)
        person = Official(f"{RES}person/{slug(name)}-{ps}-{rank}", name)
        body, _, _, roles = BODIES[[0, 0, 8, 7][rank] if rank < 4 else rank % len(BODIES)]
        role = roles[min(filled.get(body, 0), len(roles) - 1)]
        filled[body] = filled.get(body, 0) + 1
        post = Post(self.org_of[(prov_iri, body)], f"{RES}role/{slug(role)}")
        if role != roles[0] and self.rng.random() < 0.3:
            post.promoted_to = f"{RES}role/{slug(roles[0])}"
            post.switch = START + timedelta(days=self.rng.randrange((END - START).days))
        person.posts.append(post)
        second = CONCURRENT.get((body, role))
        if second and self.rng.random() < 0.7:
            person.posts.append(Post(self.org_of[(prov_iri, second[0])], self._role(second[1])))
        if rank < 6 and self.rng.random() < 0.5:
            slug_, _, nat_role = NATIONAL[2]
            person.posts.append(Post(f"{RES}org/{slug_}", f"{RES}role/{slug(nat_role)}"))
        return person


def write_graph(out: TextIO, n_triples: int, seed: int = 1) -> dict[str, str]:
    """Write about ``n_triples`` triples; return parameters for the saved queries."""
    rng = random.Random(seed)
    n_articles = max(30, n_triples // 70)
    world = World(rng, n_articles)
    w = Writer(out)
    # default graph: places and roles, shared by every article
    for iri, name in world.provinces:
        for cls in (f"{VNKG}Province", f"{SCHEMA}AdministrativeArea"):
            w.quad(iri, RDF_TYPE, f"<{cls}>", None)
        w.quad(iri, RDFS_LABEL, lit(name), None)
        for d_iri, d_name in world.districts[iri]:
            w.quad(d_iri, RDF_TYPE, f"<{VNKG}District>", None)
            w.quad(d_iri, RDF_TYPE, f"<{SCHEMA}AdministrativeArea>", None)
            w.quad(d_iri, RDFS_LABEL, lit(d_name), None)
            w.quad(d_iri, f"{SCHEMA}containedInPlace", f"<{iri}>", None)
    for iri, label in world.roles.items():
        w.quad(iri, RDF_TYPE, f"<{ORG}Role>", None)
        w.quad(iri, RDFS_LABEL, lit(label), None)

    province_zipf = Zipf(len(world.provinces), 0.6)
    span = (END - START).days
    busiest: dict[str, int] = {}
    sample_article = ""
    target = "Ninh Bình"
    for n in range(n_articles):
        if w.count >= n_triples:
            break
        prov_iri, prov = world.provinces[province_zipf.pick(rng)]
        day = START + timedelta(days=rng.randrange(span))
        a = f"{RES}article/a{n:07d}"
        ident = f"{slug(prov)}-{day.isoformat()}-{n}.txt"
        topic = rng.choice(TOPICS)
        g = a
        w.quad(a, RDF_TYPE, f"<{VNKG}Article>", g)
        w.quad(a, RDF_TYPE, f"<{SCHEMA}NewsArticle>", g)
        w.quad(a, RDFS_LABEL, lit(f"{prov}: {rng.choice(MEETINGS)} về {topic}"), g)
        w.quad(a, f"{DCT}identifier", lit(ident, None), g)
        published = (typed(day.isoformat(), "date") if n % 3 else
                     typed(f"{day.isoformat()}T{rng.randrange(6, 22):02d}:{rng.randrange(60):02d}:00",
                           "dateTime"))
        w.quad(a, f"{SCHEMA}datePublished", published, g)
        w.quad(a, f"{SCHEMA}url", f"<https://baotinh.example/{slug(prov)}/{n}>", g)
        journalist, j_name = rng.choice(world.journalists)
        w.quad(a, f"{SCHEMA}author", f"<{journalist}>", g)
        w.quad(journalist, RDF_TYPE, f"<{VNKG}Person>", g)
        w.quad(journalist, RDFS_LABEL, lit(j_name), g)
        if n == n_articles // 2:
            sample_article = ident

        staff = world.officials[prov_iri]
        picked = {world.official_zipf.pick(rng) for _ in range(rng.randint(2, 4))}
        people = [staff[i] for i in sorted(picked)]
        mentioned: set[str] = {prov_iri}
        orgs: set[str] = set()
        for person in people:
            mentioned.add(person.iri)
            w.quad(person.iri, RDF_TYPE, f"<{VNKG}Person>", g)
            w.quad(person.iri, RDF_TYPE, f"<{SCHEMA}Person>", g)
            w.quad(person.iri, RDFS_LABEL, lit(person.name), g)
            if prov == target:
                busiest[person.name] = busiest.get(person.name, 0) + 1
            for k, post in enumerate(person.posts):
                if k and rng.random() < 0.5:
                    continue
                role = post.promoted_to if post.switch and day >= post.switch else post.role
                m = f"{RES}membership/{n}-{slug(person.iri[-12:])}-{k}"
                w.quad(m, RDF_TYPE, f"<{ORG}Membership>", g)
                w.quad(m, f"{ORG}member", f"<{person.iri}>", g)
                w.quad(m, f"{ORG}organization", f"<{post.org}>", g)
                w.quad(m, f"{ORG}role", f"<{role}>", g)
                w.quad(m, f"{PROV}wasDerivedFrom", f"<{a}>", g)
                orgs.add(post.org)
        meeting_org = world.org_of[(prov_iri, rng.choice(BODIES)[0])]
        orgs.add(meeting_org)
        decision = world.decisions[world.decision_zipf.pick(rng)] if rng.random() < 0.6 else None
        if rng.random() < 0.7:
            mt = f"{RES}meeting/{n}"
            mentioned.add(mt)
            w.quad(mt, RDF_TYPE, f"<{VNKG}Meeting>", g)
            w.quad(mt, RDF_TYPE, f"<{SCHEMA}Event>", g)
            w.quad(mt, RDFS_LABEL, lit(f"{rng.choice(MEETINGS)} về {topic}"), g)
            w.quad(mt, f"{SCHEMA}startDate", typed((day - timedelta(days=rng.randint(0, 2))).isoformat(), "date"), g)
            place = rng.choice(world.districts[prov_iri])[0] if rng.random() < 0.3 else prov_iri
            w.quad(mt, f"{SCHEMA}location", f"<{place}>", g)
            w.quad(mt, f"{SCHEMA}organizer", f"<{meeting_org}>", g)
            for person in people:
                w.quad(mt, f"{SCHEMA}attendee", f"<{person.iri}>", g)
            w.quad(mt, f"{SCHEMA}attendee", f"<{meeting_org}>", g)
            if decision:
                w.quad(mt, f"{SCHEMA}about", f"<{decision['iri']}>", g)
            w.quad(mt, f"{PROV}wasDerivedFrom", f"<{a}>", g)
        if decision:
            d = decision["iri"]
            mentioned.add(d)
            w.quad(d, RDF_TYPE, f"<{VNKG}Decision>", g)
            w.quad(d, RDF_TYPE, f"<{ELI}LegalResource>", g)
            w.quad(d, f"{ELI}id_local", lit(decision["id"], None), g)
            w.quad(d, f"{ELI}date_document", typed(decision["date"].isoformat(), "date"), g)
            w.quad(d, f"{ELI}passed_by", f"<{decision['by']}>", g)
            w.quad(d, f"{ELI}title", lit(decision["title"]), g)
            w.quad(d, f"{VNKG}documentType", lit(decision["kind"]), g)
        for org_iri in orgs:
            mentioned.add(org_iri)
            w.quad(org_iri, RDF_TYPE, f"<{VNKG}Organization>", g)
            w.quad(org_iri, RDF_TYPE, f"<{ORG}Organization>", g)
            w.quad(org_iri, RDFS_LABEL, lit(world.org_label[org_iri]), g)
            for p, o in world.orgs[org_iri]:
                w.quad(org_iri, p, o, g)
        for e in sorted(mentioned):
            w.quad(a, f"{SCHEMA}mentions", f"<{e}>", g)
        for k, person in enumerate(people[:1]):
            mention = f"{RES}mention/{n}-{k}"
            start = rng.randrange(40, 3000)
            w.quad(person.iri, f"{VNKG}mention", f"<{mention}>", g)
            w.quad(mention, RDF_TYPE, f"<{VNKG}Mention>", g)
            w.quad(mention, f"{VNKG}inArticle", f"<{a}>", g)
            w.quad(mention, f"{VNKG}anchorOf", lit(person.name, None), g)
            w.quad(mention, f"{VNKG}startChar", typed(start, "integer"), g)
            w.quad(mention, f"{VNKG}endChar", typed(start + len(person.name), "integer"), g)
            w.quad(mention, f"{VNKG}sentence",
                   lit(f"Đồng chí {person.name} phát biểu tại hội nghị về {topic}.", None), g)
    person = max(busiest, key=busiest.get) if busiest else world.officials[world.provinces[0][0]][0].name
    return {"province": target, "person": person, "date": "2024-12-31",
            "decision": world.decisions[0]["id"], "article": sample_article, "triples": str(w.count)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about this many triples")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True, help="an .nq file")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8", buffering=1 << 20) as out:
        params = write_graph(out, args.triples, args.seed)
    Path(f"{args.output}.params.json").write_text(json.dumps(params, ensure_ascii=False, indent=2),
                                                  encoding="utf-8")
    print(json.dumps(params, ensure_ascii=False))


if __name__ == "__main__":
    main()
