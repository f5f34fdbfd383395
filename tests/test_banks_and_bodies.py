"""Banks by their brand, the Council of Ministers of before 1992, bar associations, and short forms
in brackets that abbreviate the end of a name. Sentences written for the tests."""
from __future__ import annotations

import pytest

from kg.extract import extract


def run(text: str):
    return extract("t.txt", f"Tin thời sự\n\n{text}\n")


def orgs(text: str) -> list[str]:
    return [o.label for o in run(text).orgs]


def posts(text: str) -> set[tuple[str, str, str | None]]:
    return {(p.person, p.role, p.org.label if p.org else None) for p in run(text).posts}


@pytest.mark.parametrize("text, bank", [
    ("Năm 2015, Maritimebank sáp nhập một công ty tài chính.", "Maritimebank"),
    ("Cổ phiếu của NamABank tăng mạnh trong phiên sáng.", "NamABank"),
])
def test_a_bank_by_its_brand_alone(text, bank):
    assert bank in orgs(text)


def test_a_brand_written_in_other_cases_is_one_bank():
    found = set(orgs("PVcombank cho vay 200 tỷ đồng. Sau đó PVComBank thu hồi nợ."))
    assert found == {"PVcomBank"}, found


def test_the_holder_of_a_post_in_a_bank_by_its_brand():
    assert ("Trần Minh Đức", "Tổng Giám đốc", "Eximbank") in posts(
        "Ông Trần Minh Đức, Tổng Giám đốc Eximbank, cho biết lãi suất sẽ giảm.")


def test_a_brand_in_brackets_after_the_full_name_is_that_bank_again():
    found = orgs("Họ góp vốn vào Ngân hàng TMCP Phương Bắc (NorthBank). Ông Vũ Hải, Chủ tịch NorthBank, ký.")
    assert set(found) == {"Ngân hàng TMCP Phương Bắc"}, found


def test_a_full_name_the_text_writes_its_own_way_before_a_known_brand_is_that_bank():
    assert set(orgs("Ngân hàng TMCP Công thương (VietinBank) chia cổ tức. VietinBank biểu quyết.")) == {"VietinBank"}


def test_the_council_of_ministers():
    assert ("Lê Văn Hòa", "Phó Chủ tịch", "Hội đồng Bộ trưởng") in posts(
        "Năm 1988, ông Lê Văn Hòa, Phó Chủ tịch Hội đồng Bộ trưởng, thăm tỉnh.")
    assert "Hội đồng Bộ trưởng" in orgs("Ngày 12/3/1985, Hội đồng Bộ trưởng ban hành Nghị định 55/HĐBT.")


@pytest.mark.parametrize("text, body", [
    ("Luật sư Lê Minh, Đoàn Luật sư TP.HCM, cho biết.", "Đoàn Luật sư thành phố Hồ Chí Minh"),
    ("Một luật sư thuộc Đoàn Luật sư tỉnh Gia Lai phân tích vụ án.", "Đoàn Luật sư tỉnh Gia Lai"),
])
def test_a_provinces_bar_association(text, body):
    assert body in orgs(text)


def test_a_short_form_of_the_body_a_name_ends_with_is_not_the_whole_names():
    found = orgs("Thành phố hợp nhất Văn phòng Hội đồng nhân dân (HĐND) và Văn phòng Ủy ban nhân dân (UBND). "
                 "Văn phòng HĐND sẽ có trụ sở mới.")
    assert not any(o.startswith("Văn phòng Văn phòng") for o in found), found


@pytest.mark.parametrize("text, body", [
    ("Ông Lê Văn Tâm, Chủ tịch Hiệp hội Bệnh viện Quốc tế, cho biết.", "Hiệp hội Bệnh viện Quốc tế"),
    ("Hiệp hội Doanh nghiệp Cơ khí kiến nghị giảm thuế.", "Hiệp hội Doanh nghiệp Cơ khí"),
    ("Hội Doanh nghiệp trẻ tỉnh Phú Yên tổ chức diễn đàn.", "Hội Doanh nghiệp trẻ tỉnh Phú Yên"),
])
def test_an_associations_name_may_open_with_the_head_of_what_it_gathers(text, body):
    found = orgs(text)
    assert body in found, found


@pytest.mark.parametrize("text, body", [
    ("Đại biểu tiếp xúc cử tri tại Câu lạc bộ Lý Tự Trọng.", "Câu lạc bộ Lý Tự Trọng"),
    ("Các hội viên Câu lạc bộ Hàm Rồng kiến nghị.", "Câu lạc bộ Hàm Rồng"),
])
def test_a_club_named_after_a_person_or_a_place(text, body):
    assert body in orgs(text)


def test_a_walking_street_named_after_a_person_is_no_body():
    assert not any(o.startswith("Bộ") for o in orgs("Du khách dạo phố đi bộ Lê Lợi vào buổi tối."))


@pytest.mark.parametrize("text, body", [
    ("UBND tỉnh yêu cầu Cảng vụ Hàng hải Quảng Ninh khẩn trương vào cuộc.", "Cảng vụ Hàng hải tỉnh Quảng Ninh"),
    ("Lãnh đạo Cảng vụ Hàng không miền Nam cho biết.", "Cảng vụ Hàng không miền Nam"),
])
def test_port_authorities(text, body):
    assert body in orgs(text)


@pytest.mark.parametrize("text, body", [
    ("Ban Tuyên giáo Trung ương Đảng tổ chức hội nghị báo cáo viên.", "Ban Tuyên giáo Trung ương"),
    ("Ông Lê Văn Hùng, Phó Trưởng Ban Tổ chức T.Ư Đảng, phát biểu.", "Ban Tổ chức Trung ương"),
])
def test_a_central_party_board_with_the_party_written_is_that_board(text, body):
    assert body in orgs(text)


@pytest.mark.parametrize("text, body", [
    ("Ban Tuyên giáo Trung ương Đảng Cộng sản Trung Quốc cử đoàn sang thăm.", "Ban Tuyên giáo Trung ương Đảng Cộng sản Trung Quốc"),
    ("Chính phủ Hoàng gia Campuchia đánh giá cao sự hỗ trợ.", "Chính phủ Hoàng gia Campuchia"),
])
def test_a_body_of_another_country_whose_name_goes_on_to_the_country(text, body):
    found = orgs(text)
    assert body in found and "Ban Tuyên giáo Trung ương" not in found and "Chính phủ" not in found, found


@pytest.mark.parametrize("text", [
    "Phó Thủ tướng Chính phủ Vũ Đức Đam phát biểu.",
    "Ban Bí thư Trung ương đồng ý với đề xuất.",
    "QUỐC HỘI Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam.",
])
def test_a_name_or_a_word_like_a_country_does_not_make_a_body_foreign(text):
    assert not any(o.startswith(("Chính phủ ", "Ban Bí thư ", "QUỐC HỘI ")) for o in orgs(text)), orgs(text)


@pytest.mark.parametrize("text, body", [
    ("Văn bản gửi Toà án NDTC và Viện Kiểm sát NDTC để phối hợp.", "Tòa án nhân dân tối cao"),
    ("Văn bản gửi Toà án NDTC và Viện Kiểm sát NDTC để phối hợp.", "Viện Kiểm sát nhân dân tối cao"),
    ("TAND cấp cao tại TP.HCM đã mở phiên phúc thẩm.", "Tòa án nhân dân cấp cao tại Thành phố Hồ Chí Minh"),
    ("Viện Kiểm sát nhân dân cấp cao tại Đà Nẵng kháng nghị bản án.", "Viện Kiểm sát nhân dân cấp cao tại Đà Nẵng"),
])
def test_the_supreme_and_high_courts_and_procuracies(text, body):
    assert body in orgs(text)


def test_the_central_military_court_holds_its_chief_judge():
    assert ("Trần Văn Hòa", "Chánh án", "Tòa án Quân sự Trung ương") in posts(
        "Chánh án Tòa án Quân sự Trung ương Trần Văn Hòa dự phiên tòa.")
