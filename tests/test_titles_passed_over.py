"""Titles that are not the name's, or not the whole of it: a lower-case title of a body left unnamed
before the one that writes its body ('ông A, uỷ viên Ban cán sự Đảng, thứ trưởng Bộ Tài chính'), an
office spoken of ('bàn giao nhiệm vụ Tư lệnh ...'), and a body named after 'Thủ đô Hà Nội'.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from kg.extract import extract


def posts(text: str) -> set[tuple[str, str, str | None]]:
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    return {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}


@pytest.mark.parametrize("text, post", [
    ("Ông Lê Văn Hà, uỷ viên Ban cán sự Đảng, thứ trưởng Bộ Tài chính, bị khiển trách.",
     ("Lê Văn Hà", "Thứ trưởng", "Bộ Tài chính")),
    ("Ông Trịnh Quốc Bảo, bí thư chi bộ, vụ trưởng Vụ Pháp chế, bị cảnh cáo.",
     ("Trịnh Quốc Bảo", "Vụ trưởng", "Vụ Pháp chế")),
    ("Bà Đặng Thị Mai, ủy viên, phó giám đốc Sở Y tế tỉnh Nam Định, phát biểu.",
     ("Đặng Thị Mai", "Phó Giám đốc", "Sở Y tế tỉnh Nam Định")),
])
def test_a_lower_case_title_after_a_generic_one_is_the_names(text, post):
    assert post in posts(text)


def test_a_generic_title_alone_gives_no_body():
    assert not any(org for _, _, org in posts("Ông Lê Văn Hà, bí thư chi bộ, cho biết sẽ kiểm điểm."))


def test_an_office_handed_over_is_not_the_next_names_title():
    got = posts("Chứng kiến lễ bàn giao nhiệm vụ Tư lệnh Quân khu 9, Bí thư Tỉnh ủy Cà Mau Lê Văn Sử "
                "chúc mừng hai đồng chí.")
    assert ("Lê Văn Sử", "Bí thư", "Tỉnh ủy Cà Mau") in got
    assert not any(role == "Tư lệnh" for _, role, _ in got)


def test_a_title_after_giu_chuc_stays_the_names():
    got = posts("Sau khi bị cách chức Phó Chủ tịch UBND tỉnh Thanh Hóa, ông Ngô Văn Tuấn được bổ nhiệm làm Chánh Văn phòng.")
    assert any(p == "Ngô Văn Tuấn" and role == "Phó Chủ tịch" for p, role, _ in got)


@pytest.mark.parametrize("text", [
    "Thiếu tướng Nguyễn Doãn Anh, Tư lệnh Bộ Tư lệnh Thủ đô Hà Nội, dự lễ.",
    "Thiếu tướng Nguyễn Doãn Anh, Tư lệnh Bộ Tư lệnh Thủ đô, dự lễ.",
])
def test_the_capital_command_is_one_body_however_written(text):
    assert ("Nguyễn Doãn Anh", "Tư lệnh", "Bộ Tư lệnh Thủ đô Hà Nội") in posts(text)


@pytest.mark.parametrize("text, post", [
    ("Ông Trần Văn Nam, người vừa được bổ nhiệm làm Giám đốc Sở Y tế tỉnh Nam Định, phát biểu.",
     ("Trần Văn Nam", "Giám đốc", "Sở Y tế tỉnh Nam Định")),
    ("Hội nghị bầu Bí thư Tỉnh ủy thay ông Mai Văn Ninh, người vừa được Bộ Chính trị điều động ra giữ chức "
     "Phó Trưởng ban Tuyên giáo Trung ương.", ("Mai Văn Ninh", "Phó Trưởng Ban", "Ban Tuyên giáo Trung ương")),
])
def test_a_relative_clause_that_appoints_the_name(text, post):
    assert post in posts(text)


def test_a_relative_clause_naming_another_person_first_appoints_nobody():
    assert not posts("Ông Trần Văn Nam, người được ông Lê Văn Tám giới thiệu làm Giám đốc Sở Y tế, phát biểu.")
