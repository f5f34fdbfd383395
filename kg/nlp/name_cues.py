"""What the words just around a name say of it: that a title before it is of someone it acts for
("Thừa ủy quyền của Thủ tướng, Bộ trưởng X"), or that it is a street after a house number
("chung cư 727 Trần Hưng Đạo")."""
from __future__ import annotations

from kg.nlp.tokens import Tok

_ON_BEHALF = {("thay", "mặt"), ("ủy", "quyền"), ("uỷ", "quyền")}
_OFFICE_NOUNS = {("nhiệm", "vụ")}  # (after "giữ chức", "cách chức" the title is the name's, held or lost)


def on_behalf_of(words, k: int) -> bool:
    """The title at ``k`` is of the one someone acts for ('thay mặt', 'thừa ủy quyền (của)')."""
    before = tuple(words[max(0, k - 3):k])
    return before[-2:] in _ON_BEHALF or (before[-1:] == ("của",) and before[-3:-1] in _ON_BEHALF)


def names_an_office(words, k: int) -> bool:
    """The title at ``k`` is an office spoken of, not a name's title: 'lễ bàn giao nhiệm vụ Tư lệnh
    Bộ Tư lệnh Thủ đô, Bí thư Thành ủy Hà Nội A chúc mừng' (A is not the commander)."""
    return tuple(words[max(0, k - 2):k]) in _OFFICE_NOUNS


def house_number(toks: list[Tok], k: int) -> bool:
    """'chung cư 727 Trần Hưng Đạo', 'tòa nhà 8B Lê Trực', 'số 15 Phạm Minh Đức': a house number after
    a common noun or 'số' makes the name after it a street; not a numbered unit's ('Quận 2 Nguyễn Hoài
    Nam', 'Q. 1', 'khu vực 1'), a date's or a year's."""
    t = toks[k - 1].text
    if k < 2 or not (t[:1].isdigit() and t.replace("/", "").isalnum()) or t.isdigit() and len(t) == 4:
        return False
    before = toks[k - 2]
    return before.text in ("số", "(", ",") or before.is_lower_word and before.text not in _NUMBERED_UNITS


# lower-case words a number names a unit or a time after ("quận 3 Trần Thanh Bình", "khu vực 1 ...")
_NUMBERED_UNITS = frozenset({"quận", "phường", "vực", "tổ", "đội", "khóa", "khoá", "lần", "thứ", "ngày", "năm", "tháng",
                             "kỳ", "khu", "ấp", "thôn", "xóm", "đoàn", "lớp", "cấp", "hạng", "giải", "vòng"})
