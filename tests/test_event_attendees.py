"""Who took part in an event: the people of the sentences that mention it, of the sentences after its
lead that say who took part or what they said, and of a headline or caption before the article's first
event that says who took part. Articles written for the tests."""
from __future__ import annotations

from kg.extract import extract


def attendees(body: str) -> dict[str, list[str]]:
    r = extract("t.txt", f"{body}\n")
    return {m.label: m.attendee_people for m in r.meetings if m.status == "held"}


def test_a_caption_before_the_first_event_names_who_took_part():
    got = attendees("Ký kết quy chế phối hợp chống buôn lậu\n\n"
                    "Thiếu tướng Lê Văn Khải và Tổng cục trưởng Trần Hữu Linh ký và trao Quy chế phối hợp. "
                    "Chiều 17/6, tại Hà Nội, hai cơ quan đã tổ chức hội nghị ký kết Quy chế phối hợp. "
                    "Hội nghị diễn ra trong không khí cởi mở.")
    people = [p for ps in got.values() for p in ps]
    assert "Lê Văn Khải" in people and "Trần Hữu Linh" in people


def test_what_someone_said_before_the_event_is_not_taking_part():
    got = attendees("Bộ Tài chính yêu cầu trả cổ tức\n\n"
                    "Thứ trưởng Đỗ Văn Hưng đề nghị các ngân hàng chia cổ tức bằng tiền mặt. "
                    "Sáng 20/4, Ngân hàng A tổ chức đại hội cổ đông thường niên tại Hà Nội. "
                    "Chủ tịch Nguyễn Văn Tâm chủ trì đại hội.")
    people = [p for ps in got.values() for p in ps]
    assert "Nguyễn Văn Tâm" in people and "Đỗ Văn Hưng" not in people


def test_a_hope_voiced_after_the_lead_is_said_at_the_event():
    got = attendees("Tin thời sự\n\n"
                    "Sáng 5/8, UBND tỉnh Nghệ An tổ chức lễ công bố quyết định thành lập Tổ tư vấn. "
                    "Chủ tịch UBND tỉnh Nguyễn Xuân Hòa hy vọng các thành viên sẽ đóng góp hiệu quả.")
    assert any("Nguyễn Xuân Hòa" in ps for ps in got.values())


def test_a_headline_alone_does_not_make_a_passing_mention_an_event():
    r = extract("t.txt", "Chủ tịch nước Lê Văn Hưng tiếp đoàn cựu chiến binh\n\n"
                         "Theo báo cáo, các địa phương đã tổ chức hội nghị quán triệt nghị quyết về cựu chiến binh.\n")
    assert not any("quán triệt" in m.label.lower() for m in r.meetings)
