"""A party unit written bare in a chain of titles ('Bí thư Đảng ủy, Giám đốc Sở X') is the unit of
the body the chain names next (issue "Real news, read as it is written"); sentences written for
the tests, none copied from an article."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, SKOS, Graph, Namespace

from kg.build import build_dataset
from kg.extract import extract


def posts(text: str) -> set[tuple[str, str, str | None]]:
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    return {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}


@pytest.mark.parametrize("text, post", [
    ("Đại tá Lê Văn Hòa, Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Công an tỉnh Bắc Ninh, phát biểu.",
     ("Lê Văn Hòa", "Ủy viên", "Ban Thường vụ Đảng ủy Công an tỉnh Bắc Ninh")),
    ("Đại tá Lê Văn Hòa, Ủy viên Ban Thường vụ Đảng ủy, Phó Giám đốc Công an tỉnh Bắc Ninh, phát biểu.",
     ("Lê Văn Hòa", "Phó Giám đốc", "Công an tỉnh Bắc Ninh")),
    ("Ông Trần Quốc Huy, Phó Bí thư Đảng ủy, Chủ tịch UBND xã Thanh Xuân, báo cáo.",
     ("Trần Quốc Huy", "Phó Bí thư", "Đảng ủy xã Thanh Xuân")),
    ("Bà Ngô Thị Lan, Bí thư Đảng đoàn, Chủ tịch Hội Nông dân Việt Nam, dự lễ.",
     ("Ngô Thị Lan", "Bí thư", "Đảng đoàn Hội Nông dân Việt Nam")),
    ("Ông Phan Văn Sáu, Bí thư Ban Cán sự đảng, Bộ trưởng Bộ Tư pháp, chủ trì.",
     ("Phan Văn Sáu", "Bí thư", "Ban Cán sự đảng Bộ Tư pháp")),
    # two party units in a row are both the first real body's
    ("Ông Đỗ Minh Quân, Phó Bí thư Đảng đoàn, Bí thư Đảng ủy, Phó Chủ tịch Hội Cựu chiến binh Việt Nam, phát biểu.",
     ("Đỗ Minh Quân", "Bí thư", "Đảng ủy Hội Cựu chiến binh Việt Nam")),
    ("Ông Đỗ Minh Quân, Phó Bí thư Đảng đoàn, Bí thư Đảng ủy, Phó Chủ tịch Hội Cựu chiến binh Việt Nam, phát biểu.",
     ("Đỗ Minh Quân", "Phó Bí thư", "Đảng đoàn Hội Cựu chiến binh Việt Nam")),
])
def test_a_bare_party_unit_belongs_to_the_body_the_chain_names_next(text, post):
    assert post in posts(text)


@pytest.mark.parametrize("text, post", [
    # a board of the party holds no party unit of its own
    ("Ông Vũ Đức Thành, Bí thư Đảng ủy, Trưởng Ban Tuyên giáo Trung ương, phát biểu.",
     ("Vũ Đức Thành", "Bí thư", "Đảng ủy")),
    # a province's party committee is its Tỉnh ủy, never "Đảng ủy UBND tỉnh"
    ("Ông Vũ Đức Thành, Bí thư Đảng ủy, Chủ tịch UBND tỉnh Nam Định, phát biểu.",
     ("Vũ Đức Thành", "Bí thư", "Đảng ủy")),
])
def test_a_bare_party_unit_stays_bare_before_a_party_board_or_a_provinces_committee(text, post):
    assert post in posts(text)


def _org_labels(tmp_path, text: str) -> dict[str, set[str]]:
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    ds, _ = build_dataset([f])
    g = Graph()
    for s_, p_, o_, _c in ds.quads((None, None, None, None)):
        g.add((s_, p_, o_))
    vnkg = Namespace("https://w3id.org/vnkg/ontology#")
    return {str(g.value(x, RDFS.label)): {str(a) for a in g.objects(x, SKOS.altLabel)}
            for x in g.subjects(RDF.type, vnkg.Organization)}


def test_a_later_bare_party_unit_is_the_one_a_title_completed(tmp_path):
    labels = _org_labels(tmp_path, "Tin thời sự\n\nÔng Phan Văn Sáu, Bí thư Đảng đoàn, Chủ tịch Hội Nông dân Việt Nam, "
                                   "chủ trì. Đảng đoàn đã họp ba lần trong năm.\n")
    assert "Đảng đoàn Hội Nông dân Việt Nam" in labels
    assert "Đảng đoàn" not in labels
    assert "Đảng đoàn" in labels["Đảng đoàn Hội Nông dân Việt Nam"]


def test_a_unit_of_a_department_is_named_with_its_province_like_the_department(tmp_path):
    labels = _org_labels(tmp_path, "Tin Thanh Hóa\n\nTỉnh Thanh Hóa vừa tổng kết năm. Đảng ủy Sở Xây dựng tổ chức đại hội; "
                                   "ông Lê Văn Tùng, Bí thư Đảng ủy, Giám đốc Sở Xây dựng, phát biểu.\n")
    units = [k for k in labels if k.startswith("Đảng ủy Sở Xây dựng")]
    assert units == ["Đảng ủy Sở Xây dựng tỉnh Thanh Hóa"], labels


@pytest.mark.parametrize("text, body", [
    ("Sở Nội vụ hợp nhất với Ban Tổ chức tỉnh uỷ thành một cơ quan.", "Ban Tổ chức Tỉnh ủy"),
    ("Ban Tuyên giáo thành ủy Vinh tổ chức hội nghị báo cáo viên.", "Ban Tuyên giáo Thành ủy Vinh"),
    ("Ông Lê Văn Cường, Ủy viên Ban Thường vụ huyện ủy Như Xuân, phát biểu.", "Ban Thường vụ Huyện ủy Như Xuân"),
])
def test_a_unit_of_a_committee_written_in_lower_case(text, body):
    """'tỉnh uỷ' after a unit is the committee, not the level 'tỉnh' with a stray word."""
    labels = {o.label for o in extract("t.txt", f"Tin thời sự\n\n{text}\n").orgs}
    assert body in labels and not any(label.endswith((" tỉnh", " huyện")) for label in labels)
