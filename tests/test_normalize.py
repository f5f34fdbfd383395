from hypothesis import given, strategies as st

from kg.normalize import fold_key, normalize_text, slugify


def test_old_tone_placement_becomes_new():
    assert normalize_text("Uỷ ban nhân dân, hoà bình, Thuỷ, khoẻ") == "Ủy ban nhân dân, hòa bình, Thủy, khỏe"


def test_tone_rules_leave_correct_syllables_alone():
    for word in ("quý", "hoàn", "Quỳnh", "khuyến", "thuyền", "hoạch"):
        assert normalize_text(word) == word


def test_icelandic_eth_reads_as_d_stroke():
    assert normalize_text("Ðặng Xuân Hùng, HÐND") == "Đặng Xuân Hùng, HĐND"


def test_decomposed_input_is_composed():
    import unicodedata
    assert normalize_text(unicodedata.normalize("NFD", "Tỉnh ủy")) == "Tỉnh ủy"


@given(st.text(alphabet="aàáảãạoòóỏõọuùúủũụyỳýỷỹỵeèéẻẽẹqQOUĐÐ hnt-/\n\t\u00a0", max_size=60))
def test_normalisation_keeps_length_of_composed_text(text):
    import unicodedata
    composed = unicodedata.normalize("NFC", text)
    assert len(normalize_text(composed)) == len(composed)


def test_fold_key_and_slug():
    assert fold_key("Quyết định 290- QĐ/TW") == "quyết định 290-qđ/tw"
    assert slugify("Ban Dân vận Tỉnh ủy Vĩnh Long") == "ban-dan-van-tinh-uy-vinh-long"
    assert slugify("Đặng") == "dang"
