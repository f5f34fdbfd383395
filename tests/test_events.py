"""Events as news reports them (issue "Meetings and events"), on sentences written for the tests."""
from __future__ import annotations

from datetime import date

import pytest

from kg.extract import extract


def meetings(text: str, stamp: str = "10:00 15/04/2024"):
    return extract("t.txt", f"Tin thời sự\n\n{stamp}\n\n{text}\n").meetings


def held(text: str, stamp: str = "10:00 15/04/2024"):
    return [m for m in meetings(text, stamp) if m.status == "held"]


@pytest.mark.parametrize("text, kind", [
    ("Sáng 12/4, UBND tỉnh Lạng Sơn tổ chức hội thảo về thương mại biên giới.", "conference"),
    ("Tại tọa đàm, ông Lý Văn Sơn phát biểu.", "conference"),
    ("Đại hội Đảng bộ huyện Cao Lộc lần thứ XXI đã bầu Ban Chấp hành mới.", "congress"),
    ("Chiều 12/4, HĐND tỉnh Hòa Bình khai mạc kỳ họp thứ 18.", "session"),
    ("Bộ Ngoại giao tổ chức họp báo thường kỳ chiều 12/4.", "press-conference"),
    ("Chiều 12/4, Ban Thường vụ Tỉnh ủy có buổi làm việc với Đảng ủy Khối doanh nghiệp tỉnh.", "working-session"),
    ("Sáng 12/4, tỉnh tổ chức lễ khánh thành cầu Bến Thủy 3.", "ceremony"),
    ("Thủ tướng Đặng Minh Khôi đã hội đàm với Thủ tướng Lào.", "meeting"),
    ("Ngày 12/4, Đoàn kiểm tra của Ban Bí thư đã làm việc tại Tỉnh ủy Bắc Kạn.", "inspection"),
    ("Ban Bí thư họp dưới sự chủ trì của Thường trực Ban Bí thư.", "session"),
])
def test_each_kind_of_event_is_found(text, kind):
    (m,) = held(text)
    assert m.kind == kind


def test_mentions_of_one_event_make_one_node():
    found = held("Sáng 12/4, Tỉnh ủy Gia Lai tổ chức Hội nghị sơ kết công tác dân vận. Phát biểu tại hội nghị, ông Rơ Mah Tuấn "
                 "đánh giá cao kết quả. Hội nghị đã thông qua báo cáo. Kết luận hội nghị, bà Đinh Thị Hoa yêu cầu các sở tiếp tục.")
    assert len(found) == 1
    assert {"Rơ Mah Tuấn", "Đinh Thị Hoa"} <= set(found[0].attendee_people)


def test_two_events_of_one_kind_on_two_dates_are_two_nodes():
    found = held("Sáng 10/4, HĐND tỉnh khai mạc kỳ họp thứ 7. Trước đó, ngày 2/4, HĐND tỉnh đã tổ chức kỳ họp thứ 6 bất thường.")
    assert [(m.kind, m.date) for m in found] == [("session", date(2024, 4, 10)), ("session", date(2024, 4, 2))]


def test_two_ceremonies_of_one_day_are_two_nodes():
    found = held("Sáng 12/4, lãnh đạo tỉnh dự lễ khởi công cầu Hòa Bình. Chiều cùng ngày, lãnh đạo tỉnh dự lễ khánh thành "
                 "trường học xã Tân Hòa.")
    assert len(found) == 2 and all(m.date == date(2024, 4, 12) for m in found)


def test_an_opening_ceremony_is_the_congress_it_opens():
    found = held("Sáng 12/4, Đại hội Thể dục thể thao tỉnh lần thứ IX khai mạc. Tại lễ khai mạc, ông Đào Văn An phát biểu.")
    assert len(found) == 1 and found[0].kind == "congress" and "Đào Văn An" in found[0].attendee_people


@pytest.mark.parametrize("lead, expected", [
    ("Sáng nay, Sở Y tế tổ chức hội nghị tổng kết.", date(2024, 4, 15)),
    ("Chiều qua, Sở Y tế tổ chức hội nghị tổng kết.", date(2024, 4, 14)),
    ("Ngày 7/4, Sở Y tế tổ chức hội nghị tổng kết.", date(2024, 4, 7)),
    ("Hội nghị tổng kết diễn ra hôm 11/4 tại Hà Nội.", date(2024, 4, 11)),
])
def test_relative_dates_resolve_against_the_article(lead, expected):
    (m,) = held(lead)
    assert m.date == expected


def test_no_year_no_date_but_still_a_meeting():
    (m,) = held("Chiều 3/10, tại hội nghị lần thứ 5, Tỉnh ủy Sóc Trăng đã bầu ông Mai Văn Thiện giữ chức Bí thư Tỉnh ủy.",
                stamp="")
    assert m.date is None and m.kind == "conference" and "Mai Văn Thiện" in m.attendee_people


def test_planned_and_called_off_events_are_not_held():
    found = meetings("Dự kiến ngày 20/5, Quốc hội sẽ khai mạc kỳ họp thứ 9. Hội thảo về du lịch đã bị hoãn vì mưa bão.")
    assert {m.status for m in found} == {"planned", "cancelled"}
    assert not [m for m in found if m.status == "held"]


def test_organisers_place_and_documents():
    (m,) = held("Sáng 12/4, tại thành phố Pleiku, Ban Dân vận Tỉnh ủy Gia Lai phối hợp tổ chức Hội nghị sơ kết 5 năm "
                "thực hiện Nghị quyết số 25-NQ/TW.")
    assert [o.label for o in m.organizers] == ["Ban Dân vận Tỉnh ủy Gia Lai"]
    assert m.place.name == "Pleiku" and [d.number for d in m.about] == ["25-NQ/TW"]


def test_the_event_label_is_its_own_name():
    (m,) = held("Sáng 12/4, Sở Nội vụ tổ chức Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024.")
    assert m.label == "Hội nghị tổng kết công tác năm 2023"


def test_passing_mentions_are_not_meetings():
    assert not held("Việc chuẩn bị Đại hội XIV của Đảng được quan tâm. Tinh thần Nghị quyết Hội nghị Trung ương 8 được quán triệt.")


def test_a_later_mention_reported_as_held_dates_the_event():
    """A headline names the meeting; a later sentence whose date is not at its start says it was held then."""
    text = ("Kết luận của Thủ tướng tại cuộc họp về sân bay Long Thành.\n\n"
            "Ảnh: Minh Khang Theo Văn phòng Chính phủ: ngày 3.4.2024, Thủ tướng đã chủ trì cuộc họp về sân bay.")
    (m,) = held(text)
    assert m.date == date(2024, 4, 3)


def test_a_documents_own_date_is_not_the_date_of_the_meeting_it_reports():
    (m,) = held("Theo Thông báo số 19, ngày 2/4/2024, của Văn phòng Chính phủ, cuộc họp sơ kết đã diễn ra tại Hà Nội.")
    assert m.date is None


def test_an_event_that_is_near_is_not_held():
    assert held("Gần đến ngày diễn ra phiên chất vấn, các đại biểu đã chuẩn bị nội dung.") == []


def test_people_who_speak_after_the_lead_took_part():
    text = ("Sáng 12/4, HĐND tỉnh Hòa Bình khai mạc kỳ họp thứ 18. "
            "Đại biểu Bùi Văn Khánh nói nhà ở là nhu cầu có thật của người dân. "
            "Bà Quách Thị Hoa cho rằng cần xem lại chỉ tiêu.")
    (m,) = held(text)
    assert {"Bùi Văn Khánh", "Quách Thị Hoa"} <= set(m.attendee_people)


def test_the_body_an_event_belongs_to_holds_it():
    (m,) = held("Sáng 4/4, Hội nghị tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 của Cục Thuế tỉnh Thanh Hóa "
                "đã diễn ra. Tại Hội nghị, đại diện của Sở Y tế tỉnh Thanh Hóa phát biểu.")
    assert [o.label for o in m.organizers] == ["Cục Thuế tỉnh Thanh Hóa"]
    assert "Sở Y tế tỉnh Thanh Hóa" in [o.label for o in m.attendee_orgs]


def test_a_launch_held_by_bodies_and_a_supervision_session_are_events():
    (m,) = held("Sáng 14/4, Bộ Y tế và UBND tỉnh Nam Định đã tổ chức phát động Tháng hành động vì an toàn thực phẩm. "
                "Phát biểu tại lễ, Thứ trưởng Bộ Y tế Lê Văn Hòa nhấn mạnh yêu cầu.")
    assert m.kind == "ceremony" and m.date == date(2024, 4, 14) and "Lê Văn Hòa" in m.attendee_people
    assert held("Các địa phương cần phát động phong trào thi đua.") == []
    (s,) = held("Chiều 12/4, tại buổi giám sát ở Trường THPT Trần Phú, bà Ngô Thị Lan cho biết đoàn chưa phát hiện sai phạm.")
    assert s.kind == "inspection" and s.attendee_people == ["Ngô Thị Lan"]


@pytest.mark.parametrize("text, label", [
    ("Điều này do Đại hội Đảng lần thứ XIII đề ra.", "Đại hội Đảng lần thứ XIII"),
    ("Chủ nhật 24/1, Đại hội Đảng XIII làm việc tại đoàn cả ngày.", "Đại hội Đảng XIII"),
    ("Tại phiên bế mạc Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng, ông A nói.", "Phiên bế mạc Hội nghị lần thứ hai Ban Chấp hành Trung ương Đảng"),
    ("Thủ tướng chủ trì cuộc họp phòng, chống thiên tai sáng 3/4.", "Cuộc họp phòng, chống thiên tai"),
    # "hồi" (back in ...) is when, not part of the name; a capitalised stop word after a name is the name's
    ("Tại Đại hội Đảng XIII hồi đầu năm, ông A được bầu.", "Đại hội Đảng XIII"),
    ("Lễ tưởng niệm danh y Tuệ Tĩnh Hải Thượng Lãn Ông diễn ra sáng nay.", "Lễ tưởng niệm danh y Tuệ Tĩnh Hải Thượng Lãn Ông"),
    ("Buổi tiếp xúc cử tri quận Hai Bà Trưng diễn ra sáng nay.", "Buổi tiếp xúc cử tri quận Hai Bà Trưng"),
    ("Kỳ họp thứ 9 Quốc hội khóa XV Sau đó các đại biểu về địa phương.", "Kỳ họp thứ 9 Quốc hội khóa XV"),
])
def test_an_events_name_ends_before_what_happens_at_it(text, label):
    from kg.nlp.event_mentions import mentions_in
    assert mentions_in(text)[0].label == label


def test_a_week_of_events_and_plural_mentions_are_no_one_event():
    from kg.nlp.event_mentions import mentions_in
    assert mentions_in("Tuần lễ cấp cao APEC 2024 diễn ra tại Lima.") == []
    assert mentions_in("Các chuyến thăm và tiếp xúc cấp cao được tiến hành thường xuyên.") == []


def test_an_event_someone_says_should_be_held_is_not_held():
    assert held("Theo ông Nhưỡng, tỉnh nên tổ chức một cuộc họp báo chính thức về việc này.") == []
    assert held("Sáng 12/4, Đại hội đại biểu Đảng bộ TP Cần Thơ khai mạc.") != []


def undated(text: str):
    """Events of an article with no date line: the crawled form of most real articles."""
    return [m for m in extract("t.txt", f"Tin thời sự\n\n{text}\n").meetings if m.status == "held"]


def test_an_undated_article_dates_an_event_by_the_year_another_event_is_given_with():
    found = undated("Ông Hà Quang Minh trả lời cử tri tại buổi tiếp xúc cử tri huyện Tân Kỳ ngày 20.3.2023. "
                    "Trước đó, chiều 19.3, ông Hà Quang Minh đã có buổi làm việc với Thường trực Huyện ủy Tân Kỳ.")
    assert [(m.kind, m.date) for m in found] == [("meeting", date(2023, 3, 20)), ("working-session", date(2023, 3, 19))]
    assert found[1].label == "Buổi làm việc với Thường trực Huyện ủy Tân Kỳ"


def test_an_undated_article_does_not_date_an_event_far_from_the_one_given_a_year():
    found = undated("Tại buổi họp mặt ngày 2/1/2022, ông Lò Văn Khánh phát biểu. "
                    "Sáng 28/8, Sở Nội vụ tổ chức hội nghị tập huấn công tác thi đua.")
    assert [m.date for m in found] == [date(2022, 1, 2), None]


def test_an_event_given_only_a_day_and_month_is_still_held():
    (m,) = undated("Quang cảnh buổi họp báo. Những số liệu mới đã làm nóng buổi họp báo thông tin kết quả phòng chống "
                   "buôn lậu, gian lận thương mại do Văn phòng Ban Chỉ đạo 389 tỉnh tổ chức chiều nay 23/7.")
    assert m.kind == "press-conference" and m.date is None
    assert m.label == "Buổi họp báo thông tin kết quả phòng chống buôn lậu"


def test_a_sort_of_sitting_does_not_tell_two_sittings_apart():
    found = held("Chiều 12/4, tại kỳ họp thứ 9 (kỳ họp chuyên đề), HĐND tỉnh Lai Châu bầu ông Giàng A Tính giữ chức "
                 "Phó Chủ tịch UBND tỉnh. Kỳ họp chuyên đề cũng thông qua 5 nghị quyết.")
    assert len(found) == 1


def test_a_lead_reported_by_its_verb_is_the_event_its_next_sentence_names():
    (m,) = held("Chiều 12/4, Ban Thường vụ Tỉnh ủy nghe và cho ý kiến về các dự án du lịch. Bí thư Tỉnh ủy Vi Văn Sơn "
                "chủ trì cuộc làm việc.")
    assert m.kind == "working-session" and "Vi Văn Sơn" in m.attendee_people


def test_a_bare_first_mention_takes_the_name_given_later():
    (m,) = undated("Tại Hội nghị, lãnh đạo các địa phương đồng tình với báo cáo. Ông Lê Văn Tám phát biểu. "
                   "Hội nghị trực tuyến Chính phủ với các địa phương diễn ra sáng 28/12.")
    assert m.label == "Hội nghị trực tuyến Chính phủ với các địa phương"


def test_a_planned_event_mentioned_again_in_passing_stays_planned():
    found = meetings("Lễ khởi công Bệnh viện Đa khoa tỉnh sẽ diễn ra vào ngày 20/4. Lễ khởi công Bệnh viện Đa khoa tỉnh "
                     "đánh dấu bước phát triển mới của ngành y tế.")
    assert [m.status for m in found] == ["planned"]


def test_a_notice_of_a_session_is_a_document_not_an_event():
    assert held("Ngày 10/4, Ủy ban Kiểm tra Tỉnh ủy ra thông báo kỳ họp thứ 12 về kỷ luật cán bộ.") == []


def test_who_voices_a_view_after_the_lead_took_part():
    (m,) = held("Sáng 12/4, Ủy ban Thường vụ Quốc hội họp phiên thứ 30 cho ý kiến về dự án Luật Đường bộ. "
                "Chủ nhiệm Ủy ban Kinh tế Vũ Hồng Thanh e ngại việc chia nhỏ dự án. "
                "Ông Hoàng Thanh Tùng nhìn nhận quy định còn chồng chéo.")
    assert {"Vũ Hồng Thanh", "Hoàng Thanh Tùng"} <= set(m.attendee_people)


def test_an_event_is_about_the_document_a_later_clause_acts_on():
    (m,) = held("Ngày 12/4, Ban Bí thư họp xem xét kỷ luật ông Trần Văn Bốn. Căn cứ Quy định số 69-QĐ/TW ngày 6/7/2022 "
                "của Bộ Chính trị, Ban Bí thư quyết định cách chức ông Trần Văn Bốn.")
    assert [d.number for d in m.about] == ["69-QĐ/TW"]


def test_a_document_cited_for_its_rules_is_not_what_the_event_is_about():
    (m,) = held("Sáng 12/4, Sở Tài chính tổ chức hội nghị đối thoại với doanh nghiệp. Ông Lê Văn Hòa cho biết, theo quy định "
                "tại Nghị định số 15/2022/NĐ-CP, doanh nghiệp được gia hạn nộp thuế.")
    assert m.about == []


def test_after_a_flashback_a_bare_mention_is_the_article_s_own_event():
    found = held("Ngày 12/4, Sở Du lịch có buổi làm việc với Tập đoàn Mặt Trời tại xã Hải Ninh. Trước đó, hai bên đã gặp "
                 "trong buổi làm việc đầu tiên ngày 2/4 tại Hà Nội. Tham dự buổi làm việc có ông Lò Văn Hùng.")
    assert [m.date for m in found] == [date(2024, 4, 12), date(2024, 4, 2)]
    assert "Lò Văn Hùng" in found[0].attendee_people and "Lò Văn Hùng" not in found[1].attendee_people


@pytest.mark.parametrize("text", [
    "Ngày 12/4, ông Lê Văn Nam nói kỳ họp Quốc hội nào cũng thông qua nhiều luật.",
    "Ngày 12/4, Liên đoàn Lao động tỉnh yêu cầu tập trung tổ chức Đại hội Công đoàn các cấp.",
    "Ngày 12/4, một số viên chức đi lễ chùa trong giờ làm việc.",
])
def test_any_event_of_a_kind_or_a_visit_to_a_pagoda_is_no_event(text):
    assert held(text) == []


def test_the_news_source_neither_holds_nor_attends():
    (m,) = held("Báo Nhân Dân đưa tin, ngày 12/4, tại Hà Nội, Ban Bí thư họp xem xét kỷ luật ông Trần Văn Bốn.")
    assert [o.label for o in m.organizers + m.attendee_orgs if "Nhân Dân" in o.label] == []


def test_an_event_dated_after_the_article_is_planned_and_this_year_s():
    (m,) = meetings("Ngày 30/4, tại TP Hồ Chí Minh diễn ra Lễ kỷ niệm 50 năm Ngày Giải phóng miền Nam.", stamp="10:00 04/04/2025")
    assert (m.date, m.status) == (date(2025, 4, 30), "planned")


def test_a_date_written_with_its_year_is_kept_as_written():
    (m,) = held("Ngày 30/4/2024, tại TP Hồ Chí Minh diễn ra Lễ kỷ niệm 49 năm Ngày Giải phóng miền Nam.", stamp="10:00 04/04/2025")
    assert m.date == date(2024, 4, 30)


def test_a_count_or_another_event_s_number_does_not_tell_two_meetings_apart():
    found = held("Sáng 12/4, Đoàn đại biểu Quốc hội tỉnh có buổi tiếp xúc cử tri 2 huyện Mộc Châu và Vân Hồ. "
                 "Tại buổi tiếp xúc cử tri báo cáo kết quả kỳ họp thứ 9, ông Lò Văn Inh phát biểu.")
    assert len(found) == 1 and "Lò Văn Inh" in found[0].attendee_people


def test_an_announcement_session_is_an_event():
    (m,) = held("Ông Lò Văn Sáu phát biểu tại buổi công bố kết luận thanh tra ngày 12/4 tại Sơn La.")
    assert m.kind == "ceremony" and "Lò Văn Sáu" in m.attendee_people


def test_a_body_holding_a_press_conference_is_one_event_not_also_a_sitting():
    found = held("Sáng 12/4, Văn phòng Chủ tịch nước họp báo công bố Lệnh của Chủ tịch nước về 6 luật.")
    assert [m.kind for m in found] == ["press-conference"]


# ---------------------------------------------------------------- found on the held-out real gold (stop 17)
def test_a_plain_word_for_a_meeting_refers_back_to_the_event_of_another_kind():
    found = held("Sáng 12/4, UBND tỉnh Cà Mau tổ chức hội nghị cung cấp thông tin cho báo chí. Tại buổi họp, "
                 "ông Lâm Văn Bi cho biết tỉnh đã xử lý xong. Cũng tại cuộc họp này, bà Tạ Thị Mỹ phát biểu.")
    assert len(found) == 1 and {"Lâm Văn Bi", "Tạ Thị Mỹ"} <= set(found[0].attendee_people)


def test_an_event_mentioned_in_passing_with_nothing_said_of_it_is_no_meeting():
    assert not held("Thực hiện yêu cầu của thành phố, phường đã họp và giao lực lượng vận động người dân chấp hành.",
                    stamp="")


def test_visits_by_many_delegations_are_no_one_visit():
    assert not held("EC ghi nhận việc Bộ đã tăng cường tổ chức các Đoàn công tác kiểm tra tại các tỉnh ven biển.", stamp="")


def test_an_event_someone_is_asked_to_hold_is_not_held():
    assert not held("Chủ tịch UBND tỉnh yêu cầu Công ty Cổ phần Cảng Hòn Gai thực hiện thủ tục tổ chức cuộc họp "
                    "Đại hội đồng cổ đông lần đầu.")


def test_assigning_a_board_is_no_briefing():
    assert not held("Ngày 12/4, UBND tỉnh giao Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì thực hiện.")
    assert held("Ngày 12/4, Sở Nội vụ tổ chức giao ban công tác tháng 4.")


def test_a_dialogue_named_by_its_classifier_is_an_event():
    (m,) = held("Tại buổi đối thoại với người dân xã Tân Lập, ông Lò Minh Quân giải đáp các kiến nghị.")
    assert m.kind == "meeting" and "Lò Minh Quân" in m.attendee_people


def test_a_wreath_laid_is_one_ceremony_with_the_delegation_listed():
    found = held("Sáng 14/4, lãnh đạo tỉnh Hà Giang đã tới đặt vòng hoa, vào Lăng viếng Chủ tịch Hồ Chí Minh. "
                 "Đoàn lãnh đạo tỉnh có: Bí thư Tỉnh ủy Vũ Minh Tâm; Chủ tịch UBND tỉnh Lục Văn Hà. "
                 "Sau khi vào Lăng viếng, đoàn đã đặt vòng hoa tại Đài tưởng niệm các anh hùng liệt sĩ.")
    assert len(found) == 1 and found[0].kind == "ceremony" and found[0].date == date(2024, 4, 14)
    assert {"Vũ Minh Tâm", "Lục Văn Hà"} <= set(found[0].attendee_people)


def test_an_event_only_planned_takes_no_attendees_from_the_event_in_hand():
    found = meetings("Sáng 14/4, Đoàn ĐBQH tỉnh Yên Bái tiếp xúc cử tri huyện Văn Chấn. Ông Lò Văn Tâm cho biết "
                     "Hội nghị Trung ương 9 sẽ diễn ra tuần tới. Cử tri Hà Thị Mây đề nghị làm rõ trách nhiệm.")
    (held_one,) = [m for m in found if m.status == "held"]
    assert {"Lò Văn Tâm", "Hà Thị Mây"} <= set(held_one.attendee_people)
    assert all("Hà Thị Mây" not in m.attendee_people for m in found if m.status != "held")


@pytest.mark.parametrize("text, holder", [
    ("Chiều 12/4, đoàn công tác của Thanh tra Chính phủ về Cao Bằng làm việc, công bố quyết định thanh tra.",
     "Thanh tra Chính phủ"),
    ("Ngày 12/4, Đoàn kiểm tra của Ban Bí thư đã làm việc tại Tỉnh ủy Bắc Kạn.", "Ban Bí thư"),
])
def test_the_body_whose_delegation_visits_holds_the_visit(text, holder):
    [m] = held(text)
    assert holder in {o.label for o in m.organizers}


def test_a_delegation_at_a_conference_does_not_hold_it():
    [m] = held("Sáng 12/4, UBND tỉnh Lạng Sơn tổ chức hội thảo về thương mại biên giới; "
               "đoàn công tác của Bộ Công Thương dự hội thảo.")
    assert "Bộ Công Thương" not in {o.label for o in m.organizers}


def test_a_body_that_has_the_event_right_after_its_name_holds_it():
    [m] = held("Sáng 12/4, Đoàn đại biểu Quốc hội tỉnh Lạng Sơn có cuộc tiếp xúc cử tri huyện Cao Lộc.")
    assert "Đoàn Đại biểu Quốc hội tỉnh Lạng Sơn" in {o.label for o in m.organizers}


def test_a_body_named_before_someone_elses_event_does_not_hold_it():
    ms = held("Chiều 12/4, sau buổi nói chuyện tại Trường Đại học Sư phạm, Thủ tướng Lào đã có buổi làm việc "
              "tại UBND tỉnh Lạng Sơn.")
    assert all("Trường Đại học Sư phạm" not in {o.label for o in m.organizers} for m in ms)


def test_each_host_of_a_visit_meets_the_guest_in_a_meeting_of_its_own():
    found = held("Chiều 12/4, Chủ tịch nước Hà Quang Vinh hội kiến Ngoại trưởng Bruno Alvarez tại Hà Nội. "
                 "Ông Bruno Alvarez cảm ơn sự đón tiếp. "
                 "Cũng trong chiều 12/4, Bộ trưởng Ngoại giao Kha Minh Tân hội đàm với Ngoại trưởng Bruno Alvarez.")
    pairs = sorted(sorted(set(m.attendee_people) & {"Hà Quang Vinh", "Kha Minh Tân", "Bruno Alvarez"}) for m in found)
    assert pairs == [["Bruno Alvarez", "Hà Quang Vinh"], ["Bruno Alvarez", "Kha Minh Tân"]]


def test_a_later_report_by_the_same_host_is_the_same_meeting():
    found = held("Chiều 12/4, Chủ tịch nước Hà Quang Vinh hội kiến Ngoại trưởng Bruno Alvarez tại Hà Nội. "
                 "Tại cuộc hội kiến, Chủ tịch nước Hà Quang Vinh hội đàm với ông Bruno Alvarez về hợp tác.")
    assert len(found) == 1


def test_a_leader_remembered_attends_no_event_after_their_lifetime():
    (m,) = held("Sáng 12/4, lãnh đạo tỉnh Nghệ An tổ chức lễ dâng hương tưởng niệm Chủ tịch Hồ Chí Minh. "
                "Ông Lò Văn Sen, Bí thư Tỉnh ủy Nghệ An, dự lễ dâng hương.")
    assert "Lò Văn Sen" in m.attendee_people and "Hồ Chí Minh" not in m.attendee_people


@pytest.mark.parametrize("text, holder", [
    ("Sáng 10/4, Kỳ họp thứ 9 HĐND tỉnh Lào Cai khóa XV khai mạc.", "Hội đồng nhân dân tỉnh Lào Cai"),
    ("Sáng 10/4, kỳ họp thứ 5 khóa IX HĐND tỉnh Bắc Ninh bế mạc.", "Hội đồng nhân dân tỉnh Bắc Ninh"),
    ("Hội thảo sáng 10/4 do Hội Nông dân Việt Nam và Bộ Công Thương tổ chức.", "Bộ Công Thương"),
    ("Ông Hà Văn Nam trả lời tại phiên chất vấn sáng 10/4 tại kỳ họp thứ 5 HĐND tỉnh Bắc Ninh.",
     "Hội đồng nhân dân tỉnh Bắc Ninh"),
])
def test_the_body_whose_session_or_name_the_event_is_holds_it(text, holder):
    assert any(holder in {o.label for o in m.organizers} for m in held(text))


def test_a_session_named_after_another_event_does_not_hold_it():
    found = held("Sáng 10/4, Thành ủy Vinh tổ chức hội nghị cán bộ chủ chốt nghe thông báo nhanh kết quả "
                 "Hội nghị lần thứ 7 Ban Chấp hành Trung ương Đảng.")
    first = next(m for m in found if m.label.lower().startswith("hội nghị cán bộ"))
    assert "Ban Chấp hành Trung ương Đảng" not in {o.label for o in first.organizers}


@pytest.mark.parametrize("sentence, word, status", [
    ("Tại lễ khởi công, ông Lê Văn Khoa cho biết, dự án sẽ phải thu hồi hơn 50 ha đất.", "lễ khởi công", "held"),
    ("Tại hội nghị sơ kết, Phó Chủ tịch UBND tỉnh đã kiến nghị tới Bộ Tài chính, năm tới sẽ tăng vốn.", "hội nghị", "held"),
    ("Tại buổi tiếp xúc này, Đoàn đại biểu Quốc hội sẽ đề nghị UBND thành phố trả lời cử tri.", "buổi tiếp xúc", "planned"),
    ("Tại kỳ họp tới, Quốc hội sẽ xem xét dự luật.", "kỳ họp", "planned"),
    ("Năm 2018, tại hội nghị lấy phiếu tín nhiệm, ông Hà có tới 63% phiếu tín nhiệm thấp.", "hội nghị", "held"),
])
def test_an_event_that_sets_a_report_is_held_unless_its_clause_looks_ahead(sentence, word, status):
    from kg.nlp.event_mentions import status_of
    assert status_of(sentence, sentence.index(word)) == status


@pytest.mark.parametrize("text, holder, attendee", [
    ("Ngày 12/4, Tỉnh ủy Nam Định đã xem xét kỷ luật trong khuôn khổ Hội nghị lần thứ 16.", "Tỉnh ủy Nam Định", None),
    ("Ngày 12/4, HĐND tỉnh Nam Định đã thông qua nghị quyết tại kỳ họp thứ 9.", "Hội đồng nhân dân tỉnh Nam Định", None),
    ("Ngày 12/4, Bộ Y tế đã báo cáo tại Hội nghị lần thứ 16.", None, "Bộ Y tế"),
])
def test_a_committee_acting_within_a_numbered_session_holds_it(text, holder, attendee):
    [m] = held(text)
    organizers = {o.label for o in m.organizers}
    assert (holder in organizers) if holder else not organizers
    if attendee:
        assert attendee in {o.label for o in m.attendee_orgs}


def test_a_short_form_inside_the_events_name_holds_it():
    [m] = held("Tại Kỳ họp HĐND ngày 12/4, ông Nguyễn Văn Ánh được bầu giữ chức Chủ tịch UBND tỉnh Hà Tĩnh.")
    assert "Hội đồng nhân dân" in {o.label for o in m.organizers}


def test_a_short_form_outside_the_events_name_is_no_attendee():
    [m] = held("Ngày 12/4, UBND tỉnh Nam Định tổ chức hội nghị; HĐND đã có ý kiến.")
    assert "Hội đồng nhân dân" not in {o.label for o in m.attendee_orgs}


def test_a_time_word_of_an_earlier_phrase_does_not_make_the_event_planned():
    [m] = meetings("Đề cập đến phương án điều chỉnh giá điện sắp tới, tại cuộc họp báo do VPCP tổ chức chiều 12/4, "
                   "Thứ trưởng Bộ Công Thương Đỗ Thắng Hải cho hay giá sẽ tăng.")
    assert m.status == "held"


def test_a_time_word_opening_the_clause_still_makes_it_planned():
    [m] = meetings("Ngày mai, tại hội nghị tổng kết, Bộ trưởng Nguyễn Văn An sẽ phát biểu.")
    assert m.status == "planned"


@pytest.mark.parametrize("text, day", [
    ("Ngày 14/1, Cục Hải quan tỉnh Cao Bằng tổ chức Hội nghị tổng kết công tác năm 2020.", date(2021, 1, 14)),
    ("Ngày 28/12, Cục Hải quan tỉnh Cao Bằng tổ chức Hội nghị tổng kết công tác năm 2020 và triển khai nhiệm vụ năm 2021.",
     date(2020, 12, 28)),
    ("Ngày 15/1, Bộ Nội vụ tổ chức Hội nghị triển khai nhiệm vụ năm 2019.", date(2019, 1, 15)),
    ("Ngày 3/6, Chính phủ họp phiên thường kỳ tháng 5/2017 dưới sự chủ trì của Thủ tướng.", date(2017, 6, 3)),
])
def test_an_undated_articles_event_takes_the_year_its_name_gives(text, day):
    [m] = held(text, stamp="")
    assert m.date == day


@pytest.mark.parametrize("text", [
    "Ngày 16/6, Sở Xây dựng tổ chức hội nghị phản biện quy hoạch đến năm 2030.",
    "Ngày 10/6, Bộ Nông nghiệp tổ chức Hội nghị sơ kết thi hành Luật Hợp tác xã năm 2012.",
    "Ngày 29/12, Ban Tuyên giáo tổ chức Hội thảo kỷ niệm 50 năm Tổng tiến công Mậu Thân 1968.",
])
def test_a_year_of_something_else_in_an_events_name_dates_nothing(text):
    [m] = held(text, stamp="")
    assert m.date is None


def test_an_event_held_in_a_district_whose_province_is_written_after_it():
    from kg.extract import extract as _extract
    r = _extract("t.txt", "Tin thời sự\n\nSáng 12/5, hội nghị tiếp xúc cử tri diễn ra tại quận Ninh Kiều, Cần Thơ.\n")
    held = [m for m in r.meetings if m.place is not None]
    place = held[0].place if held else None
    province = place and (place.name if place.kind == "province" else place.province)
    assert province == "Cần Thơ", [(m.label, m.place) for m in r.meetings]
    assert ("Cần Thơ", "province") in {(p.name, p.kind) for p in r.places}


def test_a_list_of_districts_goes_on_after_a_plural_level():
    from kg.extract import extract as _extract
    r = _extract("t.txt", "Tin thời sự\n\nMưa lớn tại các huyện Lệ Thủy, Quảng Ninh gây ngập úng.\n")
    assert ("Quảng Ninh", "district") in {(p.name, p.kind) for p in r.places}
