"""Foreign personal names (kg/nlp/foreign_names.py): read where the sentence expects a person,
never where it names a place, a company or a country. Sentences written for the tests."""
from __future__ import annotations

import pytest

from kg.extract import extract


def read(text: str):
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    people = {p.name for p in r.persons if not p.author}
    posts = {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}
    return people, posts


@pytest.mark.parametrize("sentence, name", [
    # a title earlier in the clause, a body and a country between
    ("Chiều nay, Thủ tướng tiếp Thủ tướng Cộng hòa Belarus Andrei Kobyakov tại Hà Nội.", "Andrei Kobyakov"),
    ("Đoàn đã gặp Chủ tịch Hội đồng châu Âu Donald Tusk.", "Donald Tusk"),
    ("Phó Thủ tướng làm việc với Bộ trưởng Kinh tế bang Rheinland-Pfalz Volker Wissing.", "Volker Wissing"),
    ("Ông tiếp Chánh án Tòa liên bang Raus bin Sharif.", "Raus bin Sharif"),
    ("Bộ trưởng hội kiến Tổng Chưởng lý Mohamed Apandi bin Ali.", "Mohamed Apandi bin Ali"),
    ("Ông gặp Tổng thống Sri Lanka Maithripala Sirisena.", "Maithripala Sirisena"),
    ("Hội nghị có Chủ tịch Ủy ban châu Âu Jean-Claude Juncker.", "Jean-Claude Juncker"),
    # a comma or a dash and a title after it
    ("Đoàn gặp Maurice Thorez - Bí thư Đảng Cộng sản Pháp.", "Maurice Thorez"),
    ("Theo TS. Victoria Kwakwa, Phó Chủ tịch Ngân hàng Thế giới, cải cách cần nhanh hơn.", "Victoria Kwakwa"),
    # an honorific of another country
    ("Chủ tịch nước tiếp Ngài Jean Smith tại Phủ Chủ tịch.", "Jean Smith"),
    ("Bộ trưởng tiếp Thủ tướng Campuchia Samdech Techo Hun Sen.", "Hun Sen"),
    # three words, most of them not spelt as ours
    ("Đoàn gặp Bộ trưởng Quốc phòng No Kwang Chol.", "No Kwang Chol"),
])
def test_a_foreign_name_where_a_person_is_expected(sentence, name):
    assert name in read(sentence)[0]


def test_a_list_of_foreign_officials_gives_each_their_titles():
    people, posts = read("Cùng đi có các đồng chí Somdy Douangdy, Phó Thủ tướng; Souphanh Keomixay, Bộ trưởng Bộ "
                         "Kế hoạch và Đầu tư; Khemmani Pholsena, Thứ trưởng Bộ Công Thương.")
    assert {"Somdy Douangdy", "Souphanh Keomixay", "Khemmani Pholsena"} <= people
    assert ("Souphanh Keomixay", "Bộ trưởng", "Bộ Kế hoạch và Đầu tư") in posts
    assert ("Khemmani Pholsena", "Thứ trưởng", "Bộ Công Thương") in posts


@pytest.mark.parametrize("sentence", [
    "Phó Thủ tướng dự lễ khai mạc tại New York.",                       # a city after 'tại'
    "Chủ tịch hiệp hội môi giới Beverly Hills Greater Los Angeles cho biết.",  # inside a longer run
    "Giám đốc Sở kiểm tra hai công ty thép Dana Ý, Dana Úc, Giám đốc Sở cho biết.",  # a country inside
    "Chủ tịch tập đoàn National Energy Investment Corp phát biểu.",      # a company's words
    "Đoàn tham gia Hội chợ Fine Food Australia tại Sydney.",            # an event, no title before
    "Bí thư Tỉnh ủy tiếp Bí thư Tỉnh ủy Bắc Hwanghae.",                 # two words, the first ours
    "Chủ tịch nước Cộng hòa Cuba Miguel Díaz - Canel Bermúdez gửi điện mừng.",  # no 'Canel Bermúdez'
])
def test_no_foreign_person_where_the_run_is_a_place_a_thing_or_half_a_name(sentence):
    people = read(sentence)[0]
    assert not {"New York", "Hills Greater Los Angeles", "Dana Úc", "National Energy Investment Corp",
                "Fine Food Australia", "Bắc Hwanghae", "Canel Bermúdez", "Los Angeles"} & people


def test_a_region_word_is_not_a_family_name_before_a_foreign_name():
    assert "Âu Donald Tusk" not in read("Ông gặp Chủ tịch Hội đồng châu Âu Donald Tusk.")[0]


def test_a_word_of_a_body_before_a_name_of_ours_is_not_a_foreign_name():
    people = read("Giám đốc chương trình giảng dạy kinh tế Fulbright Huỳnh Thế Du gợi ý nhiều giải pháp.")[0]
    assert "Huỳnh Thế Du" in people and "Fulbright Huỳnh Thế Du" not in people


def test_an_abbreviated_degree_with_its_full_stop_cues_a_short_name():
    assert "Lê Hùng" in read("Theo ThS. Lê Hùng, kinh tế tăng trưởng khá.")[0]


def test_a_brand_before_a_name_of_ours_is_not_part_of_it_but_a_saints_name_is():
    assert read("Kỷ luật nguyên Chủ tịch HĐTV Vinaphone Trần Văn Lợi vì sai phạm.")[0] >= {"Trần Văn Lợi"}
    assert "Vinaphone Trần Văn Lợi" not in read("Kỷ luật nguyên Chủ tịch HĐTV Vinaphone Trần Văn Lợi vì sai phạm.")[0]
    assert "Phêrô Nguyễn Văn Khảm" in read("Thánh lễ do ông Phêrô Nguyễn Văn Khảm chủ sự.")[0]


def test_a_foreign_officials_body_written_between_title_and_name_is_the_posts():
    posts = read("Phó Thủ tướng tiếp Chánh án Tòa liên bang Raus bin Sharif tại Hà Nội.")[1]
    assert ("Raus bin Sharif", "Chánh án", "Tòa liên bang") in posts
    posts = read("Ông làm việc với Bộ trưởng Kinh tế bang Rheinland-Pfalz Volker Wissing.")[1]
    assert not {p for p in posts if p[0] == "Volker Wissing"}  # no body's head after the role: no post


@pytest.mark.parametrize("form", ["", "Cộng hòa ", "nước Cộng hòa ", "Vương quốc "])
def test_an_office_of_a_country_named_with_its_state_form(form):
    posts = read(f"Chủ tịch nước tiếp Thủ tướng {form}Belarus Andrei Kobyakov tại Hà Nội.")[1]
    assert ("Andrei Kobyakov", "Thủ tướng", "Chính phủ Belarus") in posts


def test_chinese_officials_with_sino_vietnamese_family_names_are_people():
    from kg.extract import extract
    r = extract("t.txt", "Tin thời sự\n\nTrước đó, Lệnh Kế Sách và Cốc Xuân Lâm đã bị điều tra; Uông Văn Bá phát biểu.\n")
    assert {"Lệnh Kế Sách", "Cốc Xuân Lâm", "Uông Văn Bá"} <= {p.name for p in r.persons}
