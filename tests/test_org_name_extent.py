"""Where an open-class body's name ends (kg/nlp/name_extent.py), on sentences written for the tests:
a small number that ends a name, a second lower-case field after 'và', and a document after a joiner."""
from __future__ import annotations

import pytest

from kg.extract import extract


def orgs(text: str) -> set[str]:
    return {o.label for o in extract("t.txt", f"Tin thời sự\n\n{text}\n").orgs if not o.bare}


@pytest.mark.parametrize("text, name", [
    ("Lãnh đạo Chi cục Kiểm định Hải quan 2 cho biết kết quả kiểm tra.", "Chi cục Kiểm định Hải quan 2"),
    ("Công ty TNHH Nhiệt điện Sông Hậu 1 đã ký hợp đồng mua than.", "Công ty TNHH Nhiệt điện Sông Hậu 1"),
    ("Sư đoàn 9 đã tổ chức diễn tập.", "Sư đoàn 9"),
    ("Cán bộ Tiểu đoàn Công binh 3 có mặt tại hiện trường.", "Tiểu đoàn Công binh 3"),
    ("Công ty Cổ phần Xây dựng Hồng Hà 5 trúng thầu gói số 2.", "Công ty Cổ phần Xây dựng Hồng Hà 5"),
    ("Nhà máy Nhiệt điện Duyên Hải 3 vận hành thương mại từ tháng 6.", "Nhà máy Nhiệt điện Duyên Hải 3"),
])
def test_a_small_number_before_the_clause_goes_on_is_the_names(text, name):
    assert name in orgs(text)


def test_a_small_number_before_what_it_counts_is_not_the_names():
    found = orgs("Chi cục Kiểm định Hải quan 4 tháng qua đã kiểm tra 300 lô hàng.")
    assert not any(o.endswith(" 4") for o in found)


@pytest.mark.parametrize("text, name", [
    ("Ông Trần Văn Hùng, Vụ trưởng Vụ Chế độ kế toán và kiểm toán cho biết như vậy.",
     "Vụ Chế độ kế toán và kiểm toán"),
    ("Viện Khoa học địa chất và khoáng sản đã công bố báo cáo.", "Viện Khoa học địa chất và khoáng sản"),
    ("Phòng Quản lý xây dựng và phát triển đô thị, Sở Xây dựng đã kiểm tra.",
     "Phòng Quản lý xây dựng và phát triển đô thị"),
])
def test_a_second_lower_case_field_after_va_is_part_of_the_name(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("Cục Quản lý thị trường và người dân đã phối hợp kiểm tra.", "Cục Quản lý thị trường"),
    ("Cục Quản lý thị trường và cơ quan liên quan đã kiểm tra.", "Cục Quản lý thị trường"),
    ("Phó Vụ trưởng Vụ Kinh tế ngành và đầu tư Nguyễn Văn An phát biểu.", "Vụ Kinh tế ngành"),
])
def test_who_else_the_clause_names_after_va_is_not_part_of_the_name(text, name):
    found = orgs(text)
    assert name in found
    assert not any(o.startswith(name + " và") for o in found)


@pytest.mark.parametrize("text", [
    "Thực hiện Chỉ thị số 15 của Ban Bí thư và Chỉ thị số 08 của Ban Thường vụ Tỉnh ủy.",
    "Thực hiện Nghị quyết của Bộ Xây dựng và Quyết định số 120 của Thủ tướng.",
])
def test_a_document_after_va_is_what_the_body_issued(text):
    assert not any(" và " in o for o in orgs(text))


def test_a_dash_before_a_plan_word_without_a_number_still_joins_a_name():
    assert "Phòng Tài chính - Kế hoạch huyện" in orgs("Trưởng Phòng Tài chính - Kế hoạch huyện cho biết như vậy.")


@pytest.mark.parametrize("text, name", [
    ("Vụ Khoa học, Công nghệ và Môi trường đã chủ trì hội thảo.", "Vụ Khoa học, Công nghệ và Môi trường"),
    ("Ông Lê Văn Minh, Cục trưởng Cục Nghiên cứu Khoa học, Kinh tế và Kỹ thuật phát biểu.",
     "Cục Nghiên cứu Khoa học, Kinh tế và Kỹ thuật"),
    ("Ban Nghiên cứu, biên soạn và phổ biến tài liệu đã họp.", "Ban Nghiên cứu, biên soạn và phổ biến tài liệu"),
])
def test_a_units_name_may_list_its_fields_closed_by_va(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("Cục Viễn thông, sẽ rà soát và đánh giá lại.", "Cục Viễn thông"),
    ("Vụ Pháp chế, Thanh tra bộ và Văn phòng bộ cùng tham dự.", "Vụ Pháp chế"),
    ("Cục Hải quan tỉnh, thành phố và Cục Thuế phối hợp.", "Cục Hải quan tỉnh"),
])
def test_a_list_of_bodies_levels_or_clauses_is_not_one_name(text, name):
    found = orgs(text)
    assert not any(o.startswith(name + ",") for o in found)


def test_a_brand_name_ends_an_open_name_and_the_big_state_groups_go_by_theirs():
    found = orgs("Tập đoàn Sunhouse đầu tư dự án mới. Ngân hàng TMCP Đầu tư và Phát triển Việt Nam cho vay.")
    assert "Tập đoàn Sunhouse" in found and "BIDV" in found


@pytest.mark.parametrize("text, name", [
    ("Văn bản gửi Chánh án TAND tối cao và bộ Tư pháp đề nghị xem xét lại vụ án.", "Bộ Tư pháp"),
    ("Hội tiếp tục thực hiện chỉ thị số 32 của ban Bí thư Trung ương Đảng về công tác pháp luật.", "Ban Bí thư"),
    ("Dự luật đã được trình lên ủy ban Thường vụ Quốc hội cho ý kiến.", "Ủy ban Thường vụ Quốc hội"),
    ("Hồ sơ vụ việc đã được chuyển đến sở Xây dựng tỉnh Thanh Hóa để xử lý.", "Sở Xây dựng tỉnh Thanh Hóa"),
    ("Dự án đã có ý kiến của thường trực HĐND tỉnh Quảng Ninh.", "Thường trực Hội đồng nhân dân tỉnh Quảng Ninh"),
])
def test_a_lower_case_head_after_a_preposition_or_joiner_names_a_body(text, name):
    assert name in orgs(text)


def test_a_lower_case_head_inside_a_word_is_no_body():
    assert not any(o.startswith("Bộ") for o in orgs("Đây là vấn đề của cán bộ Hà Nội và toàn bộ Thành phố."))



def test_a_delegation_is_named_by_its_sender_as_written(tmp_path):
    """Not one 'Đoàn công tác' label for every ministry's delegation: each names whose it is."""
    from rdflib import Graph
    from rdflib.namespace import RDF, RDFS

    from kg.build import build_dataset
    f = tmp_path / "a.txt"
    f.write_text("Tin thời sự\n\nĐoàn công tác của Bộ Y tế đã làm việc với Sở Y tế tỉnh Cà Mau. "
                 "Trước đó, đoàn kiểm tra thuộc Bộ Nội vụ đã đến. Đoàn giám sát của BCĐ Trung ương cũng làm việc.\n",
                 encoding="utf-8")
    ds, _ = build_dataset([f])
    g = Graph()
    for s_, p_, o_, _c in ds.quads((None, None, None, None)):
        g.add((s_, p_, o_))
    labels = {str(g.value(s_, RDFS.label)) for s_ in g.subjects(RDF.type, None)}
    assert {"Đoàn công tác của Bộ Y tế", "Đoàn kiểm tra thuộc Bộ Nội vụ", "Đoàn giám sát của BCĐ Trung ương"} <= labels
    assert "Đoàn công tác" not in labels


@pytest.mark.parametrize("text, name", [
    ("Cục Xúc tiến thị trường trong nước cho biết sẽ mở rộng chương trình.", "Cục Xúc tiến thị trường trong nước"),
    ("Cục Quản lý lao động ngoài nước đã cảnh báo người lao động.", "Cục Quản lý lao động ngoài nước"),
    ("Vụ Hợp tác đối ngoại đã trình đề án.", "Vụ Hợp tác đối ngoại"),
    ("Trung tâm Khởi nghiệp sáng tạo cho biết có 30 dự án.", "Trung tâm Khởi nghiệp sáng tạo"),
])
def test_a_phrase_whose_syllable_alone_would_end_a_name_is_the_names(text, name):
    assert name in orgs(text)


def test_a_time_word_after_a_name_still_ends_it():
    assert "Sở Tài chính" in orgs("Sở Tài chính sáng nay đã công bố giá.")


@pytest.mark.parametrize("word", ["Hội nghị", "Trường hợp", "Báo cáo", "Khu đô thị"])
def test_a_word_that_starts_with_a_head_is_no_mention_of_a_body(word):
    """'Hội nghị' after 'Hội Nông dân tỉnh Nam Định' is a conference, not that body mentioned again."""
    text = f"Tin thời sự\n\nHội Nông dân tỉnh Nam Định, Trường THPT Lê Lợi, Báo Nam Định và Khu Di tích Phủ Dầy có mặt. {word} này được nhắc lại.\n"
    found = extract("t.txt", text).orgs
    assert not any(o.span is not None and o.span.text == word.split()[0] for o in found)


def test_a_name_does_not_run_into_a_word_that_starts_the_next_sentence():
    r = extract("t.txt", "Tin thời sự\n\nChủ tịch nước Trần Đại Quang Báo chí đã tích cực tuyên truyền.\n")
    assert "Trần Đại Quang" in {p.name for p in r.persons}


def test_ministries_listed_by_their_field_written_short():
    found = orgs("Dự án có ý kiến đồng thuận của các bộ: Văn hoá Thể thao và Du lịch, Kế hoạch Đầu tư, Tài chính, Xây dựng.")
    assert {"Bộ Văn hóa, Thể thao và Du lịch", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "Bộ Xây dựng"} <= found


@pytest.mark.parametrize("text, name", [
    ("Thanh tra Chính phủ giao Vụ II phối hợp với Ngân hàng Nhà nước.", "Vụ II"),
    ("Cục III thanh tra tại UBND tỉnh Cà Mau trong 45 ngày.", "Cục III"),
    ("Ông Lê Văn Sơn, Vụ trưởng Vụ IV, Ban Tổ chức Trung ương, cho biết.", "Vụ IV"),
])
def test_a_unit_named_by_a_roman_numeral(text, name):
    assert name in orgs(text)


def test_a_roman_numeral_after_a_party_congress_is_its_number():
    assert not any(o.startswith("Đại hội") for o in orgs("Tại Đại hội Đảng XII, ông được bầu vào Bộ Chính trị."))


@pytest.mark.parametrize("text", [
    "UBND thành phố giao Sở QH-KT chủ trì lập đồ án.",
    "Giám đốc Sở Quy hoạch Kiến trúc cho biết đồ án đã được duyệt.",
    "Sở Quy hoạch – Kiến trúc đã trình thành phố phương án mới.",
])
def test_the_city_planning_department_however_written(text):
    found = orgs(text)
    assert "Sở Quy hoạch - Kiến trúc" in found and "Quốc hội" not in found, found


def test_a_department_written_with_an_en_dash_is_the_department():
    assert "Sở Lao động - Thương binh và Xã hội" in orgs("Sở Lao động – Thương binh và Xã hội đã chi trả trợ cấp.")


@pytest.mark.parametrize("text, name", [
    ("Tổng công ty Tân Cảng Sài Gòn khai thác cảng Cát Lái.", "Tổng công ty Tân Cảng Sài Gòn"),
    ("Công ty Cổ phần Xe khách Sài Gòn tăng chuyến dịp Tết.", "Công ty Cổ phần Xe khách Sài Gòn"),
])
def test_a_business_keeps_the_citys_old_name_as_written(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("Học viện Báo chí và Tuyên truyền tổ chức lễ khai giảng.", "Học viện Báo chí và Tuyên truyền"),
    ("Hiệp hội Văn hóa ẩm thực Việt Nam tổ chức liên hoan.", "Hiệp hội Văn hóa ẩm thực Việt Nam"),
])
def test_a_word_of_a_name_whose_syllable_is_a_stop_word_alone(text, name):
    assert name in orgs(text)


def test_a_verb_on_a_document_ends_the_name():
    assert "Tổng cục Lâm nghiệp" in orgs("Tổng cục Lâm nghiệp tổng hợp báo cáo gửi Bộ.")


def test_departments_merged_into_one_are_each_named():
    found = orgs("Tỉnh sẽ hợp nhất Sở Xây dựng và Sở Giao thông vận tải thành Sở Giao thông vận tải - Xây dựng.")
    assert not any(" thành " in o for o in found), found
    assert {"Sở Xây dựng", "Sở Giao thông vận tải"} <= found, found


def test_the_imperial_citadel_is_a_word_of_a_name():
    assert "Trung tâm Hoàng thành Thăng Long" in orgs("Trung tâm Hoàng thành Thăng Long tổ chức triển lãm.")


def test_a_word_of_a_name_spelt_like_a_province_in_lower_case():
    r = extract("t.txt", "Tin thời sự\n\nBà Lê Thị Hằng, Chủ tịch Quỹ Hòa bình và Hữu nghị, cho biết.\n")
    assert "Quỹ Hòa bình và Hữu nghị" in {o.label for o in r.orgs}
    assert "Quỹ Hòa" not in {p.name for p in r.persons}


@pytest.mark.parametrize("text, name", [
    ("Cty CP Thủy sản Minh Hải trúng thầu gói số 2.", "Công ty CP Thủy sản Minh Hải"),
    ("TCty Lương thực miền Nam đã ký hợp đồng.", "Tổng công ty Lương thực miền Nam"),
])
def test_a_company_written_cty(text, name):
    found = orgs(text)
    assert name in found and "Chính phủ" not in found, found


@pytest.mark.parametrize("text, name", [
    ("Công chức Chi cục Hải quan Cửa Lò làm thủ tục cho doanh nghiệp.", "Chi cục Hải quan Cửa Lò"),
    ("Lãnh đạo Chi cục Hải quan Tân Thanh cho biết lượng xe giảm.", "Chi cục Hải quan Tân Thanh"),
])
def test_a_head_before_a_short_head_takes_it_into_its_name(text, name):
    """'Hải quan X' names 'Cục Hải quan X' on its own; after 'Chi cục' it is the branch's name."""
    got = orgs(text)
    assert name in got and name.removeprefix("Chi cục ") not in got


@pytest.mark.parametrize("text, name", [
    ("Bệnh viện Việt Nam - Cuba đã tiếp nhận 20 bệnh nhân.", "Bệnh viện Việt Nam - Cuba"),
    ("Học sinh Trường Việt Nam – Singapore được khen thưởng.", "Trường Việt Nam – Singapore"),
])
def test_a_hospital_or_school_named_after_two_countries(text, name):
    assert name in orgs(text)


def test_two_countries_after_a_party_are_no_body():
    assert not any("Việt Nam - Lào" in o for o in orgs("Quan hệ giữa hai Đảng Việt Nam - Lào ngày càng bền chặt."))


@pytest.mark.parametrize("text, name", [
    ("Đoàn kiểm tra làm việc tại Trung tâm Pháp y tỉnh Nghệ An.", "Trung tâm Pháp y tỉnh Nghệ An"),
    ("Ông được đưa vào Trung tâm Pháp y để giám định.", "Trung tâm Pháp y"),
])
def test_a_country_word_that_opens_a_compound_is_no_country(text, name):
    assert name in orgs(text)


@pytest.mark.parametrize("text, name", [
    ("Ông từ trần tại Bệnh viện Trung ương Quân đội 108.", "Bệnh viện Trung ương Quân đội 108"),
    ("Theo Nghị định số 32 năm 1973 của Hội đồng Chính phủ về tổ chức bộ máy.", "Hội đồng Chính phủ"),
])
def test_national_bodies_named_in_the_lexicon(text, name):
    assert name in orgs(text)
