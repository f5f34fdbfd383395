"""A synthetic corpus graph of any size, in the shape ``kg build`` writes (N-Quads, one named
graph per article), for timing ``kg viz``/``kg stats`` on graphs bigger than the samples.

    .venv/bin/python benchmarks/synthetic.py 5000 /tmp/big.nq
    time .venv/bin/kg viz /tmp/big.nq --max-nodes 0 --out /tmp/big.html

Names are Vietnamese-looking and deterministic (seeded); a few national bodies are hubs, as in
real news, so the most-central view has something to find.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

RES = "https://w3id.org/vnkg/resource/"
V = "https://w3id.org/vnkg/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
S = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Đức", "Thành", "Minh", "Quốc", "Hữu", "Thanh", "Ngọc", "Xuân", "Công"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Long", "Mai",
         "Nam", "Nghĩa", "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Yến"]
PROVINCE = ["Vĩnh Long", "Đồng Tháp", "Cần Thơ", "An Giang", "Cà Mau", "Hà Nội", "Huế", "Nghệ An",
            "Thanh Hóa", "Quảng Ninh", "Lào Cai", "Đắk Lắk", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
            "Đồng Nai", "Tây Ninh", "Hưng Yên", "Ninh Bình", "Phú Thọ", "Bắc Ninh", "Hải Phòng",
            "Quảng Ngãi", "Quảng Trị", "Sơn La", "Lạng Sơn", "Cao Bằng", "Tuyên Quang", "Thái Nguyên",
            "Điện Biên", "Lai Châu", "Hà Tĩnh", "Đà Nẵng", "TP. Hồ Chí Minh"]
PROVINCIAL = ["Tỉnh ủy", "Ủy ban nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Ban Dân vận Tỉnh ủy",
              "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo",
              "Ban Tuyên giáo Tỉnh ủy", "Ủy ban Kiểm tra Tỉnh ủy", "Hội Nông dân tỉnh", "Tỉnh đoàn"]
NATIONAL = ["Bộ Chính trị", "Ban Bí thư", "Chính phủ", "Quốc hội", "Ban Dân vận Trung ương",
            "Ban Tổ chức Trung ương", "Bộ Nội vụ", "Ủy ban Trung ương MTTQ Việt Nam"]
ROLES = ["Bí thư", "Phó Bí thư", "Chủ tịch", "Phó Chủ tịch", "Trưởng Ban", "Phó Trưởng Ban",
         "Giám đốc", "Ủy viên Ban Thường vụ"]
DOCS = [("Quyết định", "QĐ/TW"), ("Nghị quyết", "NQ/TW"), ("Chỉ thị", "CT/TW"), ("Kết luận", "KL/TW")]


def _lit(text: str, lang: str = "vi") -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + f'"@{lang}'


def _date(day: str) -> str:
    return f'"{day}"^^<{XSD}date>'


def quads(n_nodes: int, seed: int = 1) -> list[str]:
    """N-Quads lines for a graph of about ``n_nodes`` drawable nodes."""
    rnd = random.Random(seed)
    out: list[str] = []
    provinces = PROVINCE[: max(2, min(len(PROVINCE), n_nodes // 60))]
    n_people = int(n_nodes * 0.5)
    n_meetings = int(n_nodes * 0.16)
    n_decisions = max(4, int(n_nodes * 0.06))
    people = [f"{RES}person/p{i}" for i in range(n_people)]
    names = [f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}" for _ in people]
    home = [rnd.randrange(len(provinces)) for _ in people]
    decisions = [f"{RES}decision/d{i}" for i in range(n_decisions)]
    n_local = max(1, (n_nodes - n_people - n_meetings - n_decisions - len(provinces) - len(NATIONAL))
                  // len(provinces))
    local = [[f"{RES}org/p{p}/o{j}" for j in range(n_local)] for p in range(len(provinces))]
    national = [f"{RES}org/national/n{j}" for j in range(len(NATIONAL))]

    def q(s: str, p: str, o: str, g: str) -> None:
        out.append(f"<{s}> <{p}> {o} <{g}> .")

    for m in range(n_meetings):
        art = f"{RES}article/a{m}"
        prov = rnd.randrange(len(provinces))
        day = f"20{rnd.randint(18, 25)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        q(art, RDF_TYPE, f"<{V}Article>", art)
        q(art, LABEL, _lit(f"Tin số {m} về công tác dân vận ở {provinces[prov]}"), art)
        q(art, f"{S}datePublished", _date(day), art)
        p_iri = f"{RES}province/p{prov}"
        q(p_iri, RDF_TYPE, f"<{V}Province>", art)
        q(p_iri, LABEL, _lit(provinces[prov]), art)
        meeting = f"{RES}meeting/m{m}"
        q(meeting, RDF_TYPE, f"<{V}Meeting>", art)
        q(meeting, LABEL, _lit(f"Hội nghị số {m} tại {provinces[prov]}"), art)
        q(meeting, f"{S}startDate", _date(day), art)
        q(meeting, f"{S}location", f"<{p_iri}>", art)
        q(meeting, f"{PROV}wasDerivedFrom", f"<{art}>", art)
        d = m if m < n_decisions else min(int(rnd.paretovariate(1.2)) - 1, n_decisions - 1)
        kind, suffix = DOCS[d % len(DOCS)]
        q(decisions[d], RDF_TYPE, f"<{V}Decision>", art)
        q(decisions[d], LABEL, _lit(f"{kind} {100 + d}-{suffix}"), art)
        q(decisions[d], f"{ELI}passed_by", f"<{national[d % 2]}>", art)
        q(meeting, f"{S}about", f"<{decisions[d]}>", art)
        host = rnd.choice(local[prov])
        q(meeting, f"{S}organizer", f"<{host}>", art)
        # everyone attends something; a few people attend a lot (the hubs)
        regulars = [min(int(rnd.paretovariate(1.5)) - 1, n_people - 1) for _ in range(2)]
        for who in dict.fromkeys([(3 * m) % n_people, (3 * m + 1) % n_people, (3 * m + 2) % n_people,
                                  *regulars]):
            person = people[who]
            q(person, RDF_TYPE, f"<{V}Person>", art)
            q(person, LABEL, _lit(names[who]), art)
            q(meeting, f"{S}attendee", f"<{person}>", art)
            organisation = (rnd.choice(national) if rnd.random() < 0.1
                            else local[home[who]][who % n_local])
            ms = f"{RES}membership/a{m}-{who}"
            q(ms, RDF_TYPE, f"<{ORG}Membership>", art)
            q(ms, f"{ORG}member", f"<{person}>", art)
            q(ms, f"{ORG}organization", f"<{organisation}>", art)
            role = f"{RES}role/r{who % len(ROLES)}"
            q(role, LABEL, _lit(ROLES[who % len(ROLES)]), art)
            q(ms, f"{ORG}role", f"<{role}>", art)
            q(ms, f"{PROV}wasDerivedFrom", f"<{art}>", art)
    for p, orgs in enumerate(local):
        g = f"{RES}province/p{p}"
        for j, o in enumerate(orgs):
            q(o, RDF_TYPE, f"<{V}Organization>", g)
            q(o, LABEL, _lit(f"{PROVINCIAL[j % len(PROVINCIAL)]} {provinces[p]}"
                             + (f" ({j // len(PROVINCIAL) + 1})" if j >= len(PROVINCIAL) else "")), g)
            q(o, f"{V}province", f"<{RES}province/p{p}>", g)
            if j:
                q(o, f"{ORG}subOrganizationOf", f"<{orgs[0]}>", g)
    for j, o in enumerate(national):
        q(o, RDF_TYPE, f"<{V}Organization>", o)
        q(o, LABEL, _lit(NATIONAL[j]), o)
    return out


if __name__ == "__main__":
    size, path = int(sys.argv[1]), Path(sys.argv[2])
    path.write_text("\n".join(quads(size)) + "\n", encoding="utf-8")
    print(f"wrote {path}")
