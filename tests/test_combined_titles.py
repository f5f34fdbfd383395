"""A combined title ('Phó Chủ tịch kiêm Tổng Thư ký Hội X', 'Bộ trưởng, Chủ nhiệm Văn phòng Chính
phủ') is one post whose role is written as the text joins it (ANNOTATION.md), narrower than each
role it joins; two offices joined by a comma stay two posts. Sentences written for the tests."""
from __future__ import annotations

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import ORG, RDFS, SKOS

from kg.build import build_dataset
from kg.extract import extract


def posts(text: str) -> set[tuple[str, str, str | None]]:
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    return {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}


@pytest.mark.parametrize("text, post", [
    ("Bà Lê Thị Mai, Phó Chủ tịch kiêm Tổng Thư ký Hội Nông dân Việt Nam, dự hội nghị.",
     ("Lê Thị Mai", "Phó Chủ tịch kiêm Tổng Thư ký", "Hội Nông dân Việt Nam")),
    ("Ông Trần Văn Bình, Phó Chủ tịch - Tổng Thư ký Liên đoàn Thương mại và Công nghiệp Việt Nam, phát biểu.",
     ("Trần Văn Bình", "Phó Chủ tịch - Tổng Thư ký", "Liên đoàn Thương mại và Công nghiệp Việt Nam")),
    ("Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Hầu A Lềnh phát biểu.",
     ("Hầu A Lềnh", "Bộ trưởng, Chủ nhiệm", "Ủy ban Dân tộc")),
])
def test_a_combined_title_is_one_post(text, post):
    found = posts(text)
    assert post in found
    assert len([p for p in found if p[0] == post[0]]) == 1, found


@pytest.mark.parametrize("text, expected", [
    # two offices of one company
    ("Ông Đỗ Văn Hải, Chủ tịch Hội đồng quản trị, Tổng Giám đốc Công ty Cổ phần Sông Hồng, cho biết.",
     {("Đỗ Văn Hải", "Chủ tịch Hội đồng quản trị", "Công ty Cổ phần Sông Hồng"),
      ("Đỗ Văn Hải", "Tổng Giám đốc", "Công ty Cổ phần Sông Hồng")}),
    # each title with its own body
    ("Ông Lê Văn Cư, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao, dự.",
     {("Lê Văn Cư", "Phó Thủ tướng", "Chính phủ"), ("Lê Văn Cư", "Bộ trưởng", "Bộ Ngoại giao")}),
    # a party role beside a state one
    ("Ông Hà Văn Nam, Phó Bí thư, Chủ tịch UBND tỉnh Lào Cai, dự.",
     {("Hà Văn Nam", "Phó Bí thư", "Tỉnh ủy Lào Cai"), ("Hà Văn Nam", "Chủ tịch", "Ủy ban nhân dân tỉnh Lào Cai")}),
])
def test_titles_of_different_offices_stay_apart(text, expected):
    assert expected <= posts(text)


def test_the_palace_of_the_president_is_no_title():
    assert posts("Sáng 7/6, tại Phủ Chủ tịch, Chủ tịch nước Võ Văn Hòa chủ trì lễ đón.") == {
        ("Võ Văn Hòa", "Chủ tịch nước", "Nhà nước")}


def test_a_deputy_of_a_combined_title_is_in_its_body():
    found = posts("Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn chủ trì. Dự họp có Phó Chủ nhiệm "
                  "Nguyễn Văn Tài và Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Lê Văn Ba.")
    assert ("Nguyễn Văn Tài", "Phó Chủ nhiệm", "Văn phòng Chính phủ") in found


def test_a_combined_role_is_narrower_than_each_role_it_joins(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Tin thời sự\n\nBà Lê Thị Mai, Phó Chủ tịch kiêm Tổng Thư ký Hội Nông dân Việt Nam, dự hội nghị.\n",
                 encoding="utf-8")
    ds, _ = build_dataset([f])
    g = Graph()
    for s_, p_, o_, _c in ds.quads((None, None, None, None)):
        g.add((s_, p_, o_))
    role = next(g.objects(None, ORG.role))
    assert str(g.value(role, RDFS.label)) == "Phó Chủ tịch kiêm Tổng Thư ký"
    res = Namespace("https://w3id.org/vnkg/resource/role/")
    assert set(g.objects(role, SKOS.broader)) == {URIRef(res["Phó_Chủ_tịch"]), URIRef(res["Tổng_Thư_ký"])}
