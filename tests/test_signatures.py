"""Who signed an official document an article reproduces (kg/nlp/signatures.py), on documents written
for the tests, and the issuer a letter's number names (kg/nlp/decisions.issuer_code)."""
from __future__ import annotations

import pytest

from kg.extract import extract
from kg.nlp.decisions import issuer_code

LETTER = """Công văn hướng dẫn về hóa đơn điện tử

Tổng cục Thuế vừa ban hành công văn hướng dẫn các cục thuế.

BỘ TÀI CHÍNH

TỔNG CỤC THUẾ

——-

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

Độc lập – Tự do – Hạnh phúc

Số: 1234/TCT-CS

Kính gửi: Cục Thuế các tỉnh, thành phố.

Nội dung hướng dẫn như sau.

Nơi nhận:

– Như trên;

– Lưu: VT, CS.

KT. TỔNG CỤC TRƯỞNG

PHÓ TỔNG CỤC TRƯỞNG

(đã ký)

Lương Văn Khải
"""


def signed(text: str):
    r = extract("t.txt", text)
    return r, {(p.person, p.role, p.org.label if p.org else None) for p in r.posts if p.rule == "signature-block"}


def test_the_signer_holds_the_office_in_the_issuer_the_heading_names():
    r, posts = signed(LETTER)
    assert posts == {("Lương Văn Khải", "Phó Tổng cục trưởng", "Tổng cục Thuế")}
    assert "Lương Văn Khải" in {p.name for p in r.persons}
    assert not r.authors  # the name under an office is no byline


@pytest.mark.parametrize("authority, office, post", [
    ("TM. CHÍNH PHỦ", "THỦ TƯỚNG", ("Lương Văn Khải", "Thủ tướng", "Chính phủ")),
    ("TL. BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ PHÁP CHẾ", ("Lương Văn Khải", "Vụ trưởng", "Vụ Pháp chế")),
])
def test_the_signers_body_is_the_one_the_block_names(authority, office, post):
    text = LETTER.replace("KT. TỔNG CỤC TRƯỞNG", authority).replace("PHÓ TỔNG CỤC TRƯỞNG", office)
    assert signed(text)[1] == {post}


def test_a_heading_in_two_columns_and_a_department_under_its_city():
    text = LETTER.replace("BỘ TÀI CHÍNH\n\nTỔNG CỤC THUẾ\n\n——-\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n",
                          "ỦY BAN NHÂN DÂN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nTHÀNH PHỐ ĐÀ NẴNG\n\n").replace(
        "KT. TỔNG CỤC TRƯỞNG\n\nPHÓ TỔNG CỤC TRƯỞNG", "TM. ỦY BAN NHÂN DÂN\n\nCHỦ TỊCH")
    assert ("Lương Văn Khải", "Chủ tịch", "Ủy ban nhân dân thành phố Đà Nẵng") in signed(text)[1]


def test_capitals_that_are_no_signature_block_sign_nothing():
    text = "Tin\n\nKT. NHÀ NƯỚC VÀ XÃ HỘI\n\nMỘT SỐ VẤN ĐỀ\n\nNguyễn Văn An viết bài này.\n"
    assert signed(text)[1] == set()


@pytest.mark.parametrize("code, issuer", [
    ("QĐ-UBND", "UBND"), ("2019/NĐ-CP", "CP"), ("QĐ/TW", "TW"), ("QĐ-C03-P2", "C03"),
    ("BTC-TCHQ", "BTC"),  # a letter's number: the ministry's, drafted by its department
    ("TCT-CS", "TCT"), ("2018/ND-CP", "CP"), ("BCT-KH", "BCT"),
])
def test_the_issuer_of_a_number(code, issuer):
    assert issuer_code(code) == issuer


def test_an_office_that_names_its_body_signs_without_an_authority_line():
    text = "Luật Thủy lợi\n\nLuật này được Quốc hội thông qua ngày 19 tháng 6 năm 2017.\n\nCHỦ TỊCH QUỐC HỘI\n\nĐinh Thị Hồng Nhung\n"
    assert signed(text)[1] == {("Đinh Thị Hồng Nhung", "Chủ tịch", "Quốc hội")}
    bare = "Tin\n\nNội dung.\n\nTỔNG GIÁM ĐỐC\n\nĐinh Thị Hồng Nhung\n"
    assert signed(bare)[1] == set()  # an office alone names no body to hold it in
