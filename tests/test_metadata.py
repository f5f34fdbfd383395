from datetime import date, datetime

import pytest

from kg.dates import event_date, header_datetime, resolve_day_month, url_date
from kg.extract import extract
from kg.metadata import extract_metadata


@pytest.mark.parametrize("line, expected", [
    ("Cập nhật, 19:17, Thứ Năm, 25/06/2020 (GMT+7)", (2020, 6, 25, 19, 17)),
    ("17:10 30/03/2023", (2023, 3, 30, 17, 10)),
    ("Cập nhật ngày: 03/01/2018 10:12:28", (2018, 1, 3, 10, 12)),
    ("Cập nhật lúc18:24, Thứ Ba, 30/06/2020 (GMT+7)", (2020, 6, 30, 18, 24)),
])
def test_header_stamps(line, expected):
    d = header_datetime(line)
    assert isinstance(d, datetime)
    assert (d.year, d.month, d.day, d.hour, d.minute) == expected


def test_date_inside_url():
    assert url_date("https://baotintuc.vn/chinh-tri/abc-20200729141113660.htm") == date(2020, 7, 29)
    assert url_date("https://example.vn/2021/03/05/tin.html") == date(2021, 3, 5)


@pytest.mark.parametrize("sentence, expected", [
    ("Chiều 30/3, Ban Dân vận tổ chức", date(2023, 3, 30)),
    ("Ngày 29/7, Đoàn kiểm tra", date(2023, 7, 29)),
    ("Chiều 30-6, Ban Dân vận", date(2023, 6, 30)),
    ("Ngày 25/6/2020, đoàn kiểm tra", date(2020, 6, 25)),
    ("Sáng nay, hội nghị", date(2023, 8, 1)),
])
def test_event_dates_resolve_against_the_article(sentence, expected):
    assert event_date(sentence, date(2023, 8, 1))[0] == expected


def test_a_day_after_publication_belongs_to_the_previous_year():
    assert resolve_day_month(28, 12, None, date(2024, 1, 3)) == date(2023, 12, 28)


def test_sentences_without_a_leading_date_are_not_events():
    assert event_date("Theo kế hoạch, ngày 5/6 sẽ họp", date(2023, 1, 1)) is None


def test_title_stamp_byline_and_boilerplate():
    text = ("Sign In\n\nTiêu đề bài báo\n\n17:10 30/03/2023\nNội dung chính của bài.\n\n"
            "Tin, ảnh: TUYẾT NGA\n\nTag:\n\nFile đính kèm\n,\n.\n")
    m = extract_metadata(text)
    assert m.title == "Tiêu đề bài báo"
    assert m.published.date() == date(2023, 3, 30)
    assert [a[0] for a in m.authors] == ["Tuyết Nga"]
    assert "Sign In" not in m.body and "TUYẾT" not in m.body and "Tag:" not in m.body
    assert len(m.body) == len(text)  # offsets stay valid


def test_agency_byline_and_source_url():
    text = ("Tiêu đề\n\nNội dung.\n\nHải Yến (TTXVN)\n\n"
            "Nguồn Tin Tức TTXVN: https://baotintuc.vn/a/b-20200729141113660.htm\n")
    m = extract_metadata(text)
    assert m.url.startswith("https://baotintuc.vn/")
    assert m.published == date(2020, 7, 29)
    assert [a[0] for a in m.authors] == ["Hải Yến"]


def test_no_date_means_no_date():
    assert extract_metadata("Tiêu đề\n\nMột câu không có ngày tháng.\n").published is None


def test_reporter_and_agency_bylines_are_not_people():
    assert extract_metadata("Tiêu đề\n\nNội dung bài.\n\nPV\n").authors == []
    assert extract_metadata("Tiêu đề\n\nNội dung bài.\n\nTheo TTXVN\n").authors == []


def test_stamp_sharing_a_line_with_the_byline():
    m = extract_metadata("Tiêu đề\n\nPV | 16/05/2023 - 08:30\n\nNội dung bài.\n")
    assert m.published.date() == date(2023, 5, 16)


def test_a_last_line_naming_someone_with_an_honorific_is_a_caption_not_a_byline():
    r = extract("t.txt", "Tin thời sự\n\nBan Bí thư đã kỷ luật cán bộ.\n\nÔng Đào Văn Tứ.\n")
    assert [p.name for p in r.persons] == ["Đào Văn Tứ"] and r.authors == []


def test_a_photo_credit_ends_after_the_agency_its_dash_joins():
    r = extract("t.txt", "Tiêu đề\n\nTàu cá nằm ở cảng chờ sửa chữa. Ảnh: Minh Tâm - TTXVN Ông Lê Văn Hải, "
                         "Giám đốc Sở Nông nghiệp tỉnh Bình Định, cho biết như vậy.\n")
    assert not any("TTXVN" in o.surface for o in r.orgs)
    assert "Lê Văn Hải" in {p.name for p in r.persons}
