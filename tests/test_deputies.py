"""A deputy is not the office it deputises ('Phó Thống đốc' is no 'Thống đốc'), and a bare title
after a chain's comma that opens a clause is the clause's subject, not the chain's. Sentences
written for the tests."""
from __future__ import annotations

from kg.extract import extract


def posts(text: str) -> set[tuple[str, str, str | None]]:
    r = extract("t.txt", f"Tin thời sự\n\n{text}\n")
    return {(p.person, p.role, p.org.label if p.org else None) for p in r.posts}


def test_a_deputy_governor():
    found = posts("Phó Thống đốc NHNN Lê Thị Hạnh cho biết lãi suất sẽ ổn định.")
    assert ("Lê Thị Hạnh", "Phó Thống đốc", "Ngân hàng Nhà nước") in found
    assert not any(role == "Thống đốc" for _, role, _ in found), found


def test_a_deputy_the_lexicon_does_not_know_is_not_the_office_itself():
    found = posts("Phó Thư ký Hội đồng Lý luận Trung ương Trần Văn Lâm phát biểu.")
    assert not any(role == "Thư ký" for _, role, _ in found), found


def test_a_bare_title_that_opens_a_clause_after_a_chain_is_not_the_chains():
    found = posts("Với sự có mặt của ông Phạm Văn Hòa, Phó Thống đốc Ngân hàng Nhà nước, Thủ tướng giao ngân hàng nghiên cứu.")
    assert ("Phạm Văn Hòa", "Phó Thống đốc", "Ngân hàng Nhà nước") in found
    assert ("Phạm Văn Hòa", "Thủ tướng", "Chính phủ") not in found, found


def test_a_deputy_political_commissioner_of_a_military_region():
    assert ("Trần Văn Lâm", "Phó Chủ nhiệm Chính trị", "Quân khu 9") in posts(
        "Đại tá Trần Văn Lâm, Phó Chủ nhiệm Chính trị Quân khu 9, phát biểu.")


def test_a_counted_title_in_lower_case_gives_itself_to_the_list_after_it():
    found = posts("Hai phó bí thư Tỉnh ủy khác là bà Lâm Thị Hoa và ông Vũ Đình Khang.")
    assert {("Lâm Thị Hoa", "Phó Bí thư", "Tỉnh ủy"), ("Vũ Đình Khang", "Phó Bí thư", "Tỉnh ủy")} <= found, found


def test_a_counted_title_with_no_list_after_it_gives_nothing():
    assert posts("Hai phó chủ tịch UBND tỉnh mới đều là nữ, ông Lê Văn Tâm cho biết.") == set()


def test_the_standing_member_of_the_secretariat_with_the_central_committee_written():
    found = posts("Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Trung ương Đảng Lê Văn Hải dự hội nghị.")
    assert ("Lê Văn Hải", "Thường trực Ban Bí thư", "Ban Bí thư") in found
    assert not any(p[2] == "Ban Chấp hành Trung ương Đảng" for p in found), found
