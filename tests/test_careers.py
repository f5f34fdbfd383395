"""A career as news writes it (kg/nlp/careers.py, kg/nlp/title_terms.py): the titles a copula gives
('từng làm', 'từng giữ chức', 'hiện giữ chức'), after an aside of birth, age and home, to a person
referred back to by an honorific and a given name, over terms listed with 'các khóa' and a ';'.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from kg.extract import extract


def posts(text: str) -> set[tuple[str, str, str | None, bool]]:
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    return {(p.person, p.role, p.org.label if p.org else None, p.former) for p in r.posts}


@pytest.mark.parametrize("text, post", [
    ("Ông Lê Văn Tâm từng giữ chức Giám đốc Sở Tài chính tỉnh Nghệ An.",
     ("Lê Văn Tâm", "Giám đốc", "Sở Tài chính tỉnh Nghệ An", True)),
    ("Bà Phạm Thị Hoa từng đảm nhiệm các chức vụ Bí thư Huyện ủy Nghi Lộc, Phó Chủ tịch UBND tỉnh Nghệ An.",
     ("Phạm Thị Hoa", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An", True)),
    ("Ông Đỗ Minh Khoa hiện giữ chức Bí thư Tỉnh ủy Hà Giang.",
     ("Đỗ Minh Khoa", "Bí thư", "Tỉnh ủy Hà Giang", False)),
])
def test_words_of_holding_an_office_give_its_title(text, post):
    assert post in posts(text)


def test_a_career_joined_by_then_shares_the_body_written_last():
    found = posts("Ông Hồ Văn Lâm từng làm Phó Tổng Biên tập rồi Tổng Biên tập báo Nhân dân.")
    assert {("Hồ Văn Lâm", "Phó Tổng Biên tập", "Báo Nhân dân", True),
            ("Hồ Văn Lâm", "Tổng Biên tập", "Báo Nhân dân", True)} <= found


@pytest.mark.parametrize("text, person", [
    ("Ông Vũ Đình Hòa sinh năm 1961, quê xã Nghi Xuân (Nghi Lộc, Nghệ An), là Ủy viên Bộ Chính trị.", "Vũ Đình Hòa"),
    ("Ông Trịnh Văn Sơn, 56 tuổi, quê Thái Bình, là Ủy viên Bộ Chính trị.", "Trịnh Văn Sơn"),
    ("Ông Lạc Văn Hải (54 tuổi), quê Hải Dương, là Ủy viên Bộ Chính trị.", "Lạc Văn Hải"),
])
def test_the_copula_after_an_aside_of_birth_and_home_is_the_names(text, person):
    assert (person, "Ủy viên", "Bộ Chính trị", False) in posts(text)


def test_an_aside_that_is_no_bio_gives_no_title():
    found = posts("Ông Trịnh Văn Sơn, con trai của ông Lê Văn Mẫn, là Ủy viên Bộ Chính trị.")
    assert not any(p[0] == "Trịnh Văn Sơn" for p in found)


def test_a_given_name_after_an_honorific_refers_back_to_the_full_name():
    found = posts("Ông Đinh Công Huynh sinh năm 1953 tại Nam Định. "
                  "Ông Huynh từng làm Tổng Biên tập báo Nhân dân, Chủ tịch Hội Nhà báo Việt Nam.")
    assert {("Đinh Công Huynh", "Tổng Biên tập", "Báo Nhân dân", True),
            ("Đinh Công Huynh", "Chủ tịch", "Hội Nhà báo Việt Nam", True)} <= found


def test_a_given_name_two_full_names_share_refers_to_neither():
    found = posts("Ông Đinh Công Huynh và ông Lê Văn Huynh dự lễ. Ông Huynh từng làm Tổng Biên tập báo Nhân dân.")
    assert not any(p[1] == "Tổng Biên tập" for p in found)


def test_terms_listed_with_cac_khoa_go_on_over_a_semicolon():
    found = posts("Ông Lê Đức Mạnh dự lễ. Ông là Ủy viên Trung ương các khóa VII, VIII, IX, X, XI; "
                  "Ủy viên Bộ Chính trị các khóa VIII, IX.")
    assert {("Lê Đức Mạnh", "Ủy viên", "Ban Chấp hành Trung ương Đảng", False),
            ("Lê Đức Mạnh", "Ủy viên", "Bộ Chính trị", False)} <= found


def test_titles_after_a_semicolon_before_a_name_are_that_names():
    found = posts("Các đại biểu mặc niệm nguyên Tổng Bí thư Đỗ Mười, đại biểu Quốc hội khóa II, IV, V, VI, VII "
                  "và VIII; Ủy viên Bộ Chính trị, Chủ tịch nước Trần Đại Quang.")
    assert ("Trần Đại Quang", "Chủ tịch nước", "Nhà nước", False) in found
    assert not any(p[0] == "Đỗ Mười" and p[2] == "Bộ Chính trị" for p in found)
    assert not any(p[0] == "Trần Đại Quang" and p[1] == "Đại biểu Quốc hội" for p in found)


def test_a_former_province_is_no_persons_name():
    found = posts("Ông Nguyễn Văn Khải là Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Hà Tây.")
    assert not any(p[0] == "Hà Tây" for p in found)


def test_a_term_and_its_years_after_a_comma_close_the_title_before_its_copula():
    found = posts("Chủ tịch Hội Nông dân tỉnh Hà Nam khóa VIII, nhiệm kỳ 2019 - 2024 là ông Trần Văn Lộc.")
    assert ("Trần Văn Lộc", "Chủ tịch", "Hội Nông dân tỉnh Hà Nam", False) in found


@pytest.mark.parametrize("text, post", [
    ("Ông Lương Văn Thạch sinh năm 1960. Từ 1997 đến 2003, ông là Thứ trưởng Bộ Kế hoạch và Đầu tư.",
     ("Lương Văn Thạch", "Thứ trưởng", "Bộ Kế hoạch và Đầu tư", False)),
    ("Ông Hồ Văn Phước có bằng tiến sĩ. Là cán bộ trưởng thành từ cơ sở, ông đã đảm nhiệm các chức danh "
     "Phó Bí thư Thị ủy Cửa Lò, Chủ tịch UBND tỉnh Nghệ An.", ("Hồ Văn Phước", "Phó Bí thư", "Thị ủy Cửa Lò", True)),
    ("Ông Lê Văn Bình dự họp. Sau đó, ông giữ chức Giám đốc Sở Nội vụ tỉnh Nam Định.",
     ("Lê Văn Bình", "Giám đốc", "Sở Nội vụ tỉnh Nam Định", False)),
])
def test_a_pronoun_after_an_opening_adverbial_refers_back(text, post):
    assert post in posts(text)


def test_a_clause_pronoun_of_the_other_sex_refers_to_nobody():
    assert not any(p[1] == "Bí thư" for p in posts("Bà Nguyễn Thị Lan dự lễ. Sau đó, ông là Bí thư Tỉnh ủy Nam Định."))


def test_a_capitalised_term_is_no_name():
    found = posts("Ông Vũ Huy Hoàng là Ủy viên Trung ương Đảng Khóa X, XI; đại biểu Quốc hội Khóa XIII.")
    assert ("Vũ Huy Hoàng", "Ủy viên", "Ban Chấp hành Trung ương Đảng", False) in found
    assert not any(p[0].startswith("Khóa") for p in found)


def test_a_provinces_delegation_is_no_person():
    r = extract("t.txt", "Tin thời sự\n\nÔng Lê Quân là đại biểu Quốc hội thuộc Đoàn Hà Nội.\n")
    assert "Đoàn Hà Nội" not in {p.name for p in r.persons}


def test_a_given_name_before_an_appointment_refers_back_too():
    found = posts("Ông Đặng Quốc Khoa dự họp. Tại Đại hội Đảng khóa XII, ông Khoa trúng cử Ủy viên dự khuyết "
                  "Ban Chấp hành Trung ương.")
    assert ("Đặng Quốc Khoa", "Ủy viên dự khuyết", "Ban Chấp hành Trung ương Đảng", False) in found


def test_an_appointment_after_a_bracketed_title_is_the_names():
    found = posts("Các đại biểu bầu ông Lê Đình Sâm (Bí thư Tỉnh ủy) tiếp tục kiêm nhiệm chức Chủ tịch HĐND tỉnh Hà Tĩnh.")
    assert ("Lê Đình Sâm", "Chủ tịch", "Hội đồng nhân dân tỉnh Hà Tĩnh", False) in found


@pytest.mark.parametrize("text, post", [
    ("Bí thư phường Đống Đa Nguyễn Ngọc Vĩnh cho hay phường có chợ.", ("Nguyễn Ngọc Vĩnh", "Bí thư", "Đảng ủy phường Đống Đa", False)),
    ("Bí thư huyện Nho Quan Nguyễn Ngọc Vĩnh cho hay.", ("Nguyễn Ngọc Vĩnh", "Bí thư", "Huyện ủy Nho Quan", False)),
    ("Bí thư quận Ba Đình Hoàng Trọng Quý cho hay.", ("Hoàng Trọng Quý", "Bí thư", "Quận ủy Ba Đình", False)),
    ("Phó chủ tịch quận Hoàn Kiếm Phạm Tuấn Lâm cho biết.", ("Phạm Tuấn Lâm", "Phó Chủ tịch", "Ủy ban nhân dân quận Hoàn Kiếm", False)),
])
def test_a_title_at_a_level_and_its_place_then_the_holder(text, post):
    assert post in posts(text)


def test_a_ministers_name_after_a_lost_full_stop_is_no_ministry():
    found = posts("Kỷ luật Thứ trưởng Công thương Hồ Thị Kim Thanh Thủ tướng vừa ký quyết định.")
    assert ("Hồ Thị Kim Thanh", "Thứ trưởng", "Bộ Công Thương", False) in found


def test_a_voter_is_named_after_cu_tri_only_with_a_family_name():
    r = extract("t.txt", "Tin thời sự\n\nCử tri Đặng Vân (phường Hòa Cường Bắc) cho rằng cần làm rõ. "
                         "Cử tri Hóc Môn cũng đề nghị như vậy.\n")
    names = {p.name for p in r.persons}
    assert "Đặng Vân" in names and "Hóc Môn" not in names


def test_a_ministers_role_names_the_ministry_not_a_body_named_like_its_field():
    found = posts("Dự có Bộ trưởng Ngoại giao Phạm Bình Minh; Bộ trưởng Công an Tô Lâm; các đồng chí khác.")
    assert ("Tô Lâm", "Bộ trưởng", "Bộ Công an", False) in found


def test_a_transcribed_name_that_starts_with_a_family_name_we_share():
    r = extract("t.txt", "Tin thời sự\n\nChủ tịch Ủy ban Quốc vụ Kim Jong-un phát biểu.\n")
    assert "Kim Jong-un" in {p.name for p in r.persons}
    assert ("Kim Jong-un", "Chủ tịch", "Ủy ban Quốc vụ", False) in {
        (p.person, p.role, p.org.label if p.org else None, p.former) for p in r.posts}


def test_titles_after_a_day_of_birth_are_the_names():
    from kg.extract import extract as _extract
    r = _extract("t.txt", "Tin thời sự\n\nUBND tỉnh bổ nhiệm ông Hà Minh Khôi, sinh ngày 12/3/1976, Tỉnh ủy viên, "
                          "Bí thư Huyện ủy Tuy Phước, giữ chức Giám đốc Sở Nội vụ.\n")
    found = {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}
    assert ("Hà Minh Khôi", "Bí thư", "Huyện ủy Tuy Phước") in found, found
