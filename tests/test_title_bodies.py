"""A body a title writes word for word ('Tổng Thanh tra Chính phủ', 'Chánh Thanh tra tỉnh Nam
Định', 'Thường trực Ban Bí thư') is named even when no name holds the title; a body the role
only implies ('Thủ tướng': Chính phủ) or lends its head to ('Bộ trưởng Nội vụ') is not.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from kg.extract import extract


def run(text: str):
    return extract("t.txt", f"Tin thời sự\n\n{text}\n")


def orgs(text: str) -> set[str]:
    return {o.label for o in run(text).orgs}


@pytest.mark.parametrize("text, body", [
    ("Theo đó, Tổng Thanh tra Chính phủ giao Vụ II kiểm tra việc cấp phép.", "Thanh tra Chính phủ"),
    ("Phó Tổng Thanh tra Chính phủ đã ký văn bản gửi các bộ.", "Thanh tra Chính phủ"),
    ("Chánh Thanh tra tỉnh Quảng Trị cho biết đoàn sẽ làm rõ sai phạm.", "Thanh tra tỉnh Quảng Trị"),
    ("Thường trực Ban Bí thư đề nghị các địa phương sớm tổng kết.", "Ban Bí thư"),
    ("Tổng Kiểm toán Nhà nước yêu cầu các đoàn công khai kết quả.", "Kiểm toán Nhà nước"),
])
def test_a_holderless_title_names_the_body_it_writes(text, body):
    assert body in orgs(text)


@pytest.mark.parametrize("text, post", [
    ("Tổng Kiểm toán Nhà nước Lương Văn Hòa ký quyết định.", ("Lương Văn Hòa", "Tổng Kiểm toán", "Kiểm toán Nhà nước")),
    ("Phó Tổng Kiểm toán Nhà nước Đinh Thị Lan phát biểu.", ("Đinh Thị Lan", "Phó Tổng Kiểm toán", "Kiểm toán Nhà nước")),
])
def test_the_state_auditor_is_a_body(text, post):
    assert post in {(p.person, p.role, p.org.label if p.org else None) for p in run(text).posts}


@pytest.mark.parametrize("text, absent", [
    ("Thủ tướng yêu cầu các địa phương báo cáo trước ngày 15.", "Chính phủ"),
    ("Bộ trưởng Nội vụ cho rằng cần sắp xếp lại bộ máy.", "Bộ Nội vụ"),
])
def test_a_body_the_title_does_not_write_is_not_named(text, absent):
    assert not any(label.startswith(absent) for label in orgs(text))


def test_a_body_found_on_its_own_is_not_named_twice():
    found = [o.label for o in run("Trưởng Ban Dân vận Tỉnh ủy Quảng Trị yêu cầu các xã báo cáo.").orgs]
    assert found.count("Ban Dân vận Tỉnh ủy Quảng Trị") == 1, found


def posts(text: str) -> set[tuple[str, str, str | None]]:
    return {(p.person, p.role, p.org.label if p.org else None) for p in run(text).posts}


def test_a_bare_head_title_holds_the_board_the_sentence_named():
    found = posts("Ban Chỉ đạo được thành lập năm 2019, do Phó Thủ tướng Lê Minh Hải làm Trưởng ban, "
                  "Bộ trưởng Bộ Tài chính Ngô Văn Tâm làm Phó Trưởng ban.")
    assert ("Lê Minh Hải", "Trưởng Ban", "Ban Chỉ đạo") in found, found
    assert ("Ngô Văn Tâm", "Phó Trưởng Ban", "Ban Chỉ đạo") in found, found
    assert not any(p[0] == "Lê Minh Hải" and p[1] in ("Bộ trưởng", "Phó Trưởng Ban") for p in found), found
    assert not any(p[1] == "Trưởng Ban" and p[2] != "Ban Chỉ đạo" for p in found), found


def test_a_bare_head_title_after_a_board_no_one_heads_holds_nothing_there():
    found = posts("Ông Lý Văn Cường, Ủy viên Ban Bí thư, làm Trưởng ban.")
    assert not any(p[1] == "Trưởng Ban" for p in found), found


def test_a_bare_head_title_does_not_reach_into_the_sentence_before():
    found = posts("Ban Tuyên giáo Thành ủy đã có báo cáo. Ông Trần Văn Hòa, Trưởng ban, cho biết thêm.")
    assert not any(p[1] == "Trưởng Ban" for p in found), found
