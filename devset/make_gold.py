"""Hand annotations for devset/corpus -> devset/gold.json (written before looking at kg output)."""
import json

MTTQ_T = ["Ủy ban MTTQ tỉnh", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", "MTTQ", "Mặt trận Tổ quốc",
          "Mặt trận Tổ quốc Việt Nam", "Mặt trận", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
          "Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam",
          "MTTQ Việt Nam", "MTTQ Việt Nam tỉnh", "Mặt trận Tổ quốc Việt Nam tỉnh", "MTTQ tỉnh"]
MTTQ_OPT = ["MTTQ", "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "Mặt trận", "Ủy ban Mặt trận Tổ quốc", "MTTQ Việt Nam"]
UBT = ["UBND tỉnh", "Ủy ban nhân dân"]
BCH = ["Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "Trung ương Đảng", "Trung ương"]
PARTY = ["Đảng", "Đảng Cộng sản Việt Nam", "Cấp ủy", "Cấp ủy đảng", "Chính quyền", "Nhà nước", "Cơ quan nhà nước"]

def P(role, org, opt=False):
    d = {"role": role, "org": org}
    if opt:
        d["optional"] = True
    return d

def O(name, *aliases):
    d = {"name": name}
    if aliases:
        d["aliases"] = list(aliases)
    return d

docs = {}

docs["001_bacgiang_tongket_nq25.txt"] = {
    "published": "2023-04-14",
    "provinces": ["Bắc Giang"],
    "persons": [
        {"name": "Phạm Tất Thành", "posts": [P("Phó Trưởng Ban", "Ban Dân vận Trung ương")]},
        {"name": "Lương Văn Khải", "posts": [P("Ủy viên", "Ban Chấp hành Trung ương Đảng", True), P("Bí thư", "Tỉnh ủy")]},
        {"name": "Hà Thị Minh Nguyệt", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Trưởng Ban", "Ban Dân vận Tỉnh ủy")]},
        {"name": "Đỗ Trọng Kiên", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân tỉnh")]},
        {"name": "Thân Văn Định", "posts": [P("Chủ tịch", "Ủy ban Mặt trận Tổ quốc tỉnh")]},
    ],
    "optional_persons": ["Thùy Linh", "Minh Đức"],
    "organizations": [
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ", "Ban TVTU"),
        O("Ban Dân vận Trung ương"),
        O("Tỉnh ủy"),
        O("Ban Dân vận Tỉnh ủy"),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Ủy ban Mặt trận Tổ quốc tỉnh", *MTTQ_T),
    ],
    "optional_organizations": BCH + PARTY + MTTQ_OPT + ["Huyện ủy", "Thành ủy", "Tổ chức đảng", "Báo Bắc Giang", "BGĐT",
                                                        "Hệ thống chính trị"],
    "decisions": [
        {"id": "25-NQ/TW", "issuer": "Ban Chấp hành Trung ương Đảng", "date": "2013-06-03"},
        {"id": "18-CT/TU", "issuer": "Ban Thường vụ Tỉnh ủy"},
        {"id": "23-QĐ/TW", "issuer": "Ban Chấp hành Trung ương", "date": "2021-07-30"},
    ],
    "meetings": [
        {"date": "2023-04-13", "province": "Bắc Giang",
         "attendees": ["Phạm Tất Thành", "Lương Văn Khải", "Hà Thị Minh Nguyệt", "Đỗ Trọng Kiên", "Thân Văn Định"],
         "organizers": ["Ban Thường vụ Tỉnh ủy"], "about": ["25-NQ/TW"]},
    ],
    "optional_places": ["Lục Ngạn", "Sơn Động"],
}

docs["002_camau_giamsat_tranvanthoi.txt"] = {
    "published": "2021-06-05",
    "provinces": ["Cà Mau"],
    "note": "'Trần Văn Thời' is a district named after a person, not a person.",
    "persons": [
        {"name": "Quách Thanh Hải", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy"),
                                              P("Trưởng đoàn", "Đoàn giám sát", True)]},
        {"name": "Lý Hoàng Phúc", "posts": [P("Phó Trưởng Ban", "Ban Dân vận Tỉnh ủy")]},
        {"name": "Nguyễn Trung Hiếu", "posts": [P("Bí thư", "Huyện ủy Trần Văn Thời")]},
        {"name": "Tô Minh Quân", "posts": [P("Phó Bí thư", "Huyện ủy Trần Văn Thời"),
                                           P("Chủ tịch", "Ủy ban nhân dân huyện Trần Văn Thời")]},
    ],
    "optional_persons": ["Hoàng Vũ"],
    "organizations": [
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ"),
        O("Ủy ban Kiểm tra Tỉnh ủy"),
        O("Ban Thường vụ Huyện ủy Trần Văn Thời", "Ban Thường vụ Huyện ủy"),
        O("Huyện ủy Trần Văn Thời", "Huyện ủy"),
        O("Ban Dân vận Tỉnh ủy"),
        O("Ủy ban nhân dân huyện Trần Văn Thời", "UBND huyện Trần Văn Thời", "UBND huyện", "Ủy ban nhân dân huyện"),
        O("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "Ủy ban MTTQ Việt Nam huyện", "Ủy ban MTTQ Việt Nam huyện Trần Văn Thời",
          "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Trần Văn Thời", "Ủy ban MTTQ huyện", "Mặt trận", "MTTQ",
          "Mặt trận Tổ quốc", "Mặt trận Tổ quốc Việt Nam", "Ủy ban MTTQ Việt Nam", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
    ],
    "optional_organizations": PARTY + MTTQ_OPT + ["Tỉnh ủy", "Đoàn giám sát", "Đoàn giám sát số 3",
        "Đoàn giám sát Tỉnh ủy", "Đoàn giám sát số 3 của Ban Thường vụ Tỉnh ủy",
        "Ban Chỉ đạo xây dựng nông thôn mới huyện", "Ban Chỉ đạo xây dựng nông thôn mới", "Báo Cà Mau", "CMO"],
    "decisions": [
        {"id": "18-CT/TU", "issuer": "Ban Thường vụ Tỉnh ủy"},
        {"id": "1234/QĐ-UBND", "issuer": "Ủy ban nhân dân huyện Trần Văn Thời", "date": "2021-05-20"},
    ],
    "meetings": [
        {"date": "2021-06-04", "province": "Cà Mau",
         "attendees": ["Quách Thanh Hải", "Lý Hoàng Phúc", "Nguyễn Trung Hiếu", "Tô Minh Quân"],
         "about": ["18-CT/TU"]},
    ],
    "optional_places": ["Trần Văn Thời", "Khánh Bình Đông", "Sông Đốc"],
}

docs["003_quangninh_le_ky_niem_dan_van.txt"] = {
    "published": "2022-10-12",
    "provinces": ["Quảng Ninh"],
    "note": "Lê Thánh Tông (street), Nguyễn Văn Trỗi (school), Trần Hưng Đạo (ward) are not persons of the article. 15/10/1930 is an anniversary, not a meeting date.",
    "persons": [
        {"name": "Vũ Quang Hiển", "posts": [P("Phó Bí thư Thường trực", "Tỉnh ủy"), P("Chủ tịch", "Hội đồng nhân dân tỉnh")]},
        {"name": "Nông Thị Hạnh", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Trưởng Ban", "Ban Dân vận Tỉnh ủy"),
                                            P("Chủ tịch", "Ủy ban Mặt trận Tổ quốc tỉnh")]},
        {"name": "Đặng Huy Hoàng", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân tỉnh")]},
    ],
    "optional_persons": ["Hoàng Quỳnh", "Đỗ Phương"],
    "organizations": [
        O("Ban Dân vận Tỉnh ủy"),
        O("Tỉnh ủy"),
        O("Hội đồng nhân dân tỉnh", "HĐND tỉnh", "HĐND", "Hội đồng nhân dân"),
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ"),
        O("Ủy ban Mặt trận Tổ quốc tỉnh", *MTTQ_T),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Ban Dân vận Trung ương"),
    ],
    "optional_organizations": BCH + PARTY + MTTQ_OPT + ["Trung tâm Văn hóa - Thể thao tỉnh", "Trường Tiểu học Nguyễn Văn Trỗi",
        "Đồn Biên phòng Hoành Mô", "Hội Phụ nữ phường Trần Hưng Đạo", "Hội Phụ nữ", "Hệ thống dân vận"],
    "decisions": [
        {"id": "08-QĐi/TW", "issuer": "Ban Chấp hành Trung ương", "date": "2018-10-25"},
    ],
    "meetings": [
        {"date": "2022-10-12", "province": "Quảng Ninh",
         "attendees": ["Vũ Quang Hiển", "Nông Thị Hạnh", "Đặng Huy Hoàng"],
         "organizers": ["Ban Dân vận Tỉnh ủy"]},
    ],
    "optional_places": ["Hạ Long", "Thành phố Hạ Long", "Cẩm Phả", "Thành phố Cẩm Phả", "Hoành Mô", "Trần Hưng Đạo"],
}

docs["004_dcsvn_giaoban_taynguyen.txt"] = {
    "published": "2023-08-22",
    "provinces": ["Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng"],
    "note": "A national (Ban Dân vận Trung ương) meeting held in Kon Tum; four other provinces are named as participants. The 2024 meeting is only planned, with no date.",
    "persons": [
        {"name": "Phạm Tất Thành", "posts": [P("Phó Trưởng Ban", "Ban Dân vận Trung ương")]},
        {"name": "Lò Văn Pấng", "posts": [P("Thứ trưởng", "Ủy ban Dân tộc"), P("Phó Chủ nhiệm", "Ủy ban Dân tộc")]},
        {"name": "A Khiêm", "posts": [P("Phó Bí thư Thường trực", "Tỉnh ủy Kon Tum")]},
    ],
    "optional_persons": ["Nguyễn Lê"],
    "organizations": [
        O("Ban Dân vận Trung ương"),
        O("Bộ Chính trị"),
        O("Ủy ban Dân tộc"),
        O("Tỉnh ủy Kon Tum", "Tỉnh ủy"),
        O("Bộ Công an"),
        O("Bộ Quốc phòng"),
    ],
    "optional_organizations": BCH + PARTY + ["Ban Dân vận Tỉnh ủy", "Ban Dân vận các tỉnh ủy", "Ban Dân vận",
        "Hệ thống dân vận", "ĐCSVN", "Báo điện tử Đảng Cộng sản Việt Nam"],
    "decisions": [
        {"id": "120-KL/TW", "issuer": "Bộ Chính trị"},
        {"id": "25-NQ/TW", "issuer": "Ban Chấp hành Trung ương Đảng"},
    ],
    "meetings": [
        {"date": "2023-08-22", "province": "Kon Tum",
         "attendees": ["Phạm Tất Thành", "Lò Văn Pấng", "A Khiêm"],
         "organizers": ["Ban Dân vận Trung ương"], "about": ["120-KL/TW"]},
    ],
    "optional_meetings": ["Tây Nguyên năm 2024", "khu vực miền Trung"],
    "optional_places": ["Tây Nguyên"],
}

docs["005_chinhphu_bonoivu_soctrang.txt"] = {
    "published": "2023-11-09",
    "provinces": ["Sóc Trăng"],
    "persons": [
        {"name": "Cao Hữu Đạt", "posts": [P("Thứ trưởng", "Bộ Nội vụ"), P("Trưởng đoàn", "Đoàn công tác", True)]},
        {"name": "Huỳnh Thanh Sơn", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân tỉnh")]},
        {"name": "Lâm Thị Sa Ri", "posts": [P("Giám đốc", "Sở Nội vụ")]},
    ],
    "optional_persons": ["Minh Khôi"],
    "organizations": [
        O("Bộ Nội vụ"),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Chính phủ"),
        O("Quốc hội"),
        O("Sở Nội vụ"),
        O("Sở Tư pháp"),
        O("Ban Dân tộc tỉnh", "Ban Dân tộc"),
        O("Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh", "Ban Chỉ đạo thực hiện dân chủ ở cơ sở"),
    ],
    "optional_organizations": PARTY + ["Đoàn công tác", "Đoàn công tác của Bộ Nội vụ", "Ủy ban nhân dân huyện",
                                       "Chinhphu.vn", "Cổng Thông tin điện tử Chính phủ"],
    "decisions": [
        {"id": "10/2022/QH15", "issuer": "Quốc hội"},
        {"id": "59/2023/NĐ-CP", "issuer": "Chính phủ", "date": "2023-08-14"},
        {"id": "112/KH-UBND", "issuer": "Ủy ban nhân dân tỉnh"},
        {"id": "2145/QĐ-UBND", "issuer": "Ủy ban nhân dân tỉnh", "date": "2023-08-28"},
    ],
    "meetings": [
        {"date": "2023-11-09", "province": "Sóc Trăng",
         "attendees": ["Cao Hữu Đạt", "Huỳnh Thanh Sơn", "Lâm Thị Sa Ri"],
         "about": ["10/2022/QH15", "59/2023/NĐ-CP"]},
    ],
}

docs["006_baodantoc_nguoi_co_uy_tin.txt"] = {
    "published": "2022-11-25",
    "provinces": [],
    "note": "Province never named; the year is only in the source URL (…-20221125…).",
    "persons": [
        {"name": "Hoàng Văn Pảo", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân tỉnh")]},
        {"name": "Ma Thị Thúy", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Trưởng Ban", "Ban Dân vận Tỉnh ủy")]},
        {"name": "Triệu Đức Lâm", "posts": [P("Trưởng Ban", "Ban Dân tộc tỉnh")]},
    ],
    "optional_persons": [],
    "organizations": [
        O("Ban Dân tộc tỉnh", "Ban Dân tộc"),
        O("Ban Dân vận Tỉnh ủy"),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ"),
        O("Ủy ban Dân tộc"),
    ],
    "optional_organizations": PARTY + ["Tỉnh ủy", "Thủ tướng Chính phủ", "Chính phủ"],
    "decisions": [
        {"id": "12/2018/QĐ-TTg", "issuer": "Thủ tướng Chính phủ", "date": "2018-03-06"},
    ],
    "meetings": [
        {"date": "2022-11-24", "province": None,
         "attendees": ["Hoàng Văn Pảo", "Ma Thị Thúy", "Triệu Đức Lâm"],
         "organizers": ["Ban Dân tộc tỉnh", "Ban Dân vận Tỉnh ủy"]},
    ],
}

docs["007_ttxvn_daihoi_mttq_nghean.txt"] = {
    "published": "2024-07-12",
    "provinces": ["Nghệ An"],
    "persons": [
        {"name": "Đinh Công Sứ", "posts": [P("Phó Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")]},
        {"name": "Lê Đình Hoan", "posts": [P("Ủy viên", "Ban Chấp hành Trung ương Đảng", True), P("Bí thư", "Tỉnh ủy"),
                                           P("Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh")]},
        {"name": "Hồ Thị Ngọc Lan", "posts": [P("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]},
        {"name": "Phan Đức Thịnh", "posts": [P("Phó Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]},
        {"name": "Võ Văn Bảy", "posts": [P("Phó Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]},
        {"name": "Trần Quốc Khánh", "posts": [P("Chủ tịch", "Liên đoàn Lao động tỉnh")]},
    ],
    "optional_persons": [],
    "organizations": [
        O("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", *MTTQ_T),
        O("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam", "Mặt trận Tổ quốc Việt Nam", "MTTQ Việt Nam"),
        O("Tỉnh ủy"),
        O("Đoàn đại biểu Quốc hội tỉnh", "Đoàn đại biểu Quốc hội"),
        O("Ban Bí thư"),
        O("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "LĐLĐ", "Liên đoàn Lao động"),
        O("Hội Nông dân tỉnh", "Hội Nông dân"),
        O("Tỉnh đoàn"),
    ],
    "optional_organizations": BCH + PARTY + MTTQ_OPT + ["Quốc hội", "Đảng bộ tỉnh", "Đảng bộ", "Ủy ban Mặt trận Tổ quốc Việt Nam", "TTXVN", "Thông tấn xã Việt Nam"],
    "decisions": [
        {"id": "18-CT/TW", "issuer": "Ban Bí thư", "date": "2022-10-26"},
    ],
    "meetings": [
        {"date": "2024-07-11", "province": "Nghệ An",
         "attendees": ["Đinh Công Sứ", "Lê Đình Hoan", "Hồ Thị Ngọc Lan", "Trần Quốc Khánh"],
         "organizers": ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"]},
    ],
    "optional_meetings": ["toàn quốc", "lần thứ XIX", "hội nghị lần thứ nhất"],
    "optional_places": ["Vinh", "Thành phố Vinh"],
}

docs["008_review_dan_van_chinh_quyen.txt"] = {
    "published": None,
    "provinces": [],
    "note": "Review piece: no date, no province, no named official, no meeting.",
    "persons": [],
    "optional_persons": ["Hoàng Anh"],
    "organizations": [
        O("Ban Dân vận Tỉnh ủy"),
        O("Ban Cán sự đảng Ủy ban nhân dân tỉnh", "Ban Cán sự đảng UBND tỉnh", "Ban Cán sự đảng"),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công"),
        O("Mặt trận Tổ quốc", "MTTQ", "Mặt trận", "Mặt trận Tổ quốc Việt Nam"),
    ],
    "optional_organizations": BCH + PARTY + ["Tỉnh ủy", "Ủy ban nhân dân xã", "UBND", "Hệ thống chính trị"],
    "decisions": [
        {"id": "25-NQ/TW", "issuer": "Ban Chấp hành Trung ương Đảng"},
        {"id": "23-QĐ/TW"},
    ],
    "meetings": [],
}

docs["009_phutho_dan_van_sau_hop_nhat.txt"] = {
    "published": "2025-09-18",
    "provinces": ["Phú Thọ"],
    "note": "The new (post-1/7/2025) Phú Thọ, merged from Vĩnh Phúc, Hòa Bình and Phú Thọ; no district level any more.",
    "persons": [
        {"name": "Hà Quang Trung", "posts": [P("Phó Bí thư", "Tỉnh ủy"), P("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]},
        {"name": "Đinh Thị Thu Trang", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"),
                                                 P("Trưởng Ban", "Ban Tuyên giáo và Dân vận Tỉnh ủy")]},
    ],
    "optional_persons": ["Thanh Nga"],
    "organizations": [
        O("Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        O("Bộ Chính trị"),
        O("Quốc hội"),
        O("Tỉnh ủy"),
        O("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", *MTTQ_T),
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ"),
        O("Đảng ủy phường Việt Trì"),
        O("Đảng ủy xã Tam Đảo"),
    ],
    "optional_organizations": PARTY + MTTQ_OPT + ["Đảng ủy xã", "Đảng ủy phường", "Báo Phú Thọ", "Đảng bộ", "Hệ thống dân vận"],
    "decisions": [
        {"id": "120-KL/TW", "issuer": "Bộ Chính trị"},
        {"id": "202/2025/QH15", "issuer": "Quốc hội", "date": "2025-06-12"},
    ],
    "meetings": [
        {"date": "2025-09-18", "province": "Phú Thọ",
         "attendees": ["Hà Quang Trung", "Đinh Thị Thu Trang"],
         "organizers": ["Ban Tuyên giáo và Dân vận Tỉnh ủy"], "about": ["120-KL/TW"]},
    ],
    "optional_meetings": ["đại hội đảng bộ"],
    "optional_places": ["Vĩnh Phúc", "Hòa Bình", "Việt Trì", "Tam Đảo"],
}

docs["010_hagiang_giam_sat_hdnd.txt"] = {
    "published": "2024-03-20",
    "provinces": ["Hà Giang"],
    "note": "Two sessions of one supervision tour: Mèo Vạc on 20/3, Đồng Văn on 18/3.",
    "persons": [
        {"name": "Sùng Mí Chớ", "posts": [P("Phó Chủ tịch", "Hội đồng nhân dân tỉnh"), P("Trưởng đoàn", "Đoàn giám sát", True)]},
        {"name": "Vàng Seo Páo", "posts": [P("Phó Bí thư", "Huyện ủy Mèo Vạc"), P("Chủ tịch", "Ủy ban nhân dân huyện Mèo Vạc")]},
        {"name": "Lương Văn Tiến", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân huyện Đồng Văn")]},
    ],
    "optional_persons": ["Vũ Hà"],
    "organizations": [
        O("Thường trực Hội đồng nhân dân tỉnh", "Thường trực HĐND tỉnh", "Thường trực HĐND"),
        O("Hội đồng nhân dân tỉnh", "HĐND tỉnh", "HĐND", "Hội đồng nhân dân"),
        O("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh", "Ban Kinh tế - Ngân sách HĐND tỉnh", "Ban Kinh tế - Ngân sách"),
        O("Sở Tài chính"),
        O("Sở Nông nghiệp và Phát triển nông thôn"),
        O("Huyện ủy Mèo Vạc", "Huyện ủy"),
        O("Ủy ban nhân dân huyện Mèo Vạc", "UBND huyện Mèo Vạc"),
        O("Ủy ban nhân dân huyện Đồng Văn", "UBND huyện Đồng Văn"),
        O("Ủy ban nhân dân tỉnh", *UBT),
    ],
    "optional_organizations": PARTY + ["Đoàn giám sát", "Đoàn giám sát của Thường trực HĐND tỉnh",
        "Đoàn giám sát của Thường trực Hội đồng nhân dân tỉnh", "Ủy ban nhân dân huyện", "UBND huyện", "BHG", "Báo Hà Giang"],
    "decisions": [
        {"id": "12/2023/NQ-HĐND", "issuer": "Hội đồng nhân dân tỉnh", "date": "2023-07-15"},
    ],
    "meetings": [
        {"date": "2024-03-20", "province": "Hà Giang",
         "attendees": ["Sùng Mí Chớ", "Vàng Seo Páo"], "about": ["12/2023/NQ-HĐND"]},
        {"date": "2024-03-18", "province": "Hà Giang",
         "attendees": ["Sùng Mí Chớ", "Lương Văn Tiến"], "about": ["12/2023/NQ-HĐND"]},
    ],
    "optional_places": ["Mèo Vạc", "Đồng Văn"],
}

docs["011_giao_ban_dan_van_quy_iv.txt"] = {
    "published": "2022-11-28",
    "provinces": [],
    "note": "Province never named; district names (Châu Thành, Phú Tân, Tân Châu) exist in several provinces.",
    "persons": [
        {"name": "Trương Thị Bích Ngọc", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Trưởng Ban", "Ban Dân vận Tỉnh ủy")]},
        {"name": "Lê Hoàng Sơn", "posts": [P("Phó Trưởng Ban Thường trực", "Ban Dân vận Tỉnh ủy")]},
        {"name": "Nguyễn Văn Sáu", "posts": [P("Trưởng Ban", "Ban Dân vận Huyện ủy Châu Thành")]},
    ],
    "optional_persons": ["Ngọc Hân"],
    "organizations": [
        O("Ban Dân vận Tỉnh ủy"),
        O("Ban Thường vụ Tỉnh ủy", "Ban TVTU", "Ban Thường vụ"),
        O("Ban Chấp hành Đảng bộ tỉnh"),
        O("Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh", "BCĐ thực hiện Quy chế dân chủ ở cơ sở tỉnh",
          "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở", "BCĐ thực hiện Quy chế dân chủ ở cơ sở", "BCĐ"),
        O("Ban Dân vận Huyện ủy Châu Thành"),
        O("Ủy ban nhân dân huyện Châu Thành", "UBND huyện Châu Thành", "UBND huyện", "Ủy ban nhân dân huyện"),
        O("Thị ủy Tân Châu"),
        O("Huyện ủy Phú Tân"),
        O("Ủy ban Mặt trận Tổ quốc tỉnh", *MTTQ_T),
    ],
    "optional_organizations": PARTY + MTTQ_OPT + ["Tỉnh ủy", "Huyện ủy Châu Thành", "Huyện ủy", "Thị ủy", "Thành ủy",
        "Ban Dân vận Huyện ủy", "Ban Dân vận", "Đảng bộ tỉnh", "Hệ thống dân vận"],
    "decisions": [
        {"id": "09-NQ/TU", "issuer": "Ban Chấp hành Đảng bộ tỉnh"},
        {"id": "08-QĐi/TW"},
    ],
    "meetings": [
        {"date": "2022-11-25", "province": None,
         "attendees": ["Trương Thị Bích Ngọc", "Lê Hoàng Sơn", "Nguyễn Văn Sáu"],
         "organizers": ["Ban Dân vận Tỉnh ủy"]},
    ],
    "optional_meetings": ["Ngày hội Đại đoàn kết"],
    "optional_places": ["Châu Thành", "Phú Tân", "Tân Châu"],
}

docs["012_lamdong_le_ra_quan_atgt.txt"] = {
    "published": "2023-05-16",
    "provinces": ["Lâm Đồng"],
    "note": "Trần Phú (school, street), Lê Hồng Phong and Ba Tháng Hai (streets) are not persons/dates of the article.",
    "persons": [
        {"name": "Võ Ngọc Hiệp", "posts": [P("Phó Chủ tịch", "Ủy ban nhân dân tỉnh"), P("Trưởng Ban", "Ban An toàn giao thông tỉnh")]},
        {"name": "Ka Tuyết", "posts": [P("Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")]},
        {"name": "Lâm Quốc Trung", "posts": [P("Ủy viên", "Ban Thường vụ Tỉnh ủy"), P("Bí thư", "Thành ủy Đà Lạt")]},
        {"name": "Lưu Đức Mạnh", "posts": [P("Phó Giám đốc", "Công an tỉnh")]},
        {"name": "Đoàn Thị Kim Oanh", "posts": [P("Chủ tịch", "Liên đoàn Lao động tỉnh")]},
    ],
    "optional_persons": [],
    "organizations": [
        O("Ban An toàn giao thông tỉnh", "Ban An toàn giao thông"),
        O("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", *MTTQ_T),
        O("Công an tỉnh"),
        O("Tỉnh đoàn"),
        O("Chính phủ"),
        O("Ủy ban nhân dân tỉnh", *UBT),
        O("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ"),
        O("Thành ủy Đà Lạt"),
        O("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "LĐLĐ", "Liên đoàn Lao động"),
    ],
    "optional_organizations": PARTY + MTTQ_OPT + ["Tỉnh ủy", "Trường THPT Trần Phú", "Thành ủy"],
    "decisions": [
        {"id": "100/2019/NĐ-CP", "issuer": "Chính phủ", "date": "2019-12-30"},
        {"id": "123/2021/NĐ-CP"},
    ],
    "meetings": [
        {"date": "2023-05-15", "province": "Lâm Đồng",
         "attendees": ["Võ Ngọc Hiệp", "Ka Tuyết", "Lâm Quốc Trung", "Lưu Đức Mạnh", "Đoàn Thị Kim Oanh"],
         "organizers": ["Ban An toàn giao thông tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Công an tỉnh", "Tỉnh đoàn"],
         "about": ["100/2019/NĐ-CP"]},
    ],
    "optional_places": ["Đà Lạt", "Thành phố Đà Lạt", "Quảng trường Lâm Viên", "Trần Phú", "Lê Hồng Phong", "Ba Tháng Hai"],
}

corpus = {
    "note": "Facts that only show when the twelve articles are built together into one graph.",
    "same_entity": [
        {"type": "Decision", "id": "25-NQ/TW", "documents": ["001_bacgiang_tongket_nq25.txt", "004_dcsvn_giaoban_taynguyen.txt", "008_review_dan_van_chinh_quyen.txt"]},
        {"type": "Decision", "id": "120-KL/TW", "documents": ["004_dcsvn_giaoban_taynguyen.txt", "009_phutho_dan_van_sau_hop_nhat.txt"]},
        {"type": "Decision", "id": "23-QĐ/TW", "documents": ["001_bacgiang_tongket_nq25.txt", "008_review_dan_van_chinh_quyen.txt"]},
        {"type": "Decision", "id": "08-QĐi/TW", "documents": ["003_quangninh_le_ky_niem_dan_van.txt", "011_giao_ban_dan_van_quy_iv.txt"]},
        {"type": "Organization", "name": "Bộ Chính trị", "documents": ["004_dcsvn_giaoban_taynguyen.txt", "009_phutho_dan_van_sau_hop_nhat.txt"]},
        {"type": "Organization", "name": "Ban Dân vận Trung ương", "documents": ["001_bacgiang_tongket_nq25.txt", "003_quangninh_le_ky_niem_dan_van.txt", "004_dcsvn_giaoban_taynguyen.txt"]},
        {"type": "Organization", "name": "Ủy ban Dân tộc", "documents": ["004_dcsvn_giaoban_taynguyen.txt", "006_baodantoc_nguoi_co_uy_tin.txt"]},
        {"type": "Organization", "name": "Quốc hội", "documents": ["005_chinhphu_bonoivu_soctrang.txt", "009_phutho_dan_van_sau_hop_nhat.txt"]},
        {"type": "Organization", "name": "Chính phủ", "documents": ["005_chinhphu_bonoivu_soctrang.txt", "012_lamdong_le_ra_quan_atgt.txt"]},
        {"type": "Person", "name": "Phạm Tất Thành", "documents": ["001_bacgiang_tongket_nq25.txt", "004_dcsvn_giaoban_taynguyen.txt"]},
    ],
    "distinct_entities": [
        {"type": "Organization", "name": "Ban Dân vận Tỉnh ủy", "documents": ["006_baodantoc_nguoi_co_uy_tin.txt", "011_giao_ban_dan_van_quy_iv.txt"],
         "why": "two unnamed provinces' committees"},
        {"type": "Organization", "name": "Ban Dân vận Tỉnh ủy", "documents": ["008_review_dan_van_chinh_quyen.txt", "011_giao_ban_dan_van_quy_iv.txt"],
         "why": "two unnamed provinces' committees"},
        {"type": "Organization", "name": "Ban Dân vận Tỉnh ủy", "documents": ["006_baodantoc_nguoi_co_uy_tin.txt", "008_review_dan_van_chinh_quyen.txt"],
         "why": "two unnamed provinces' committees"},
        {"type": "Organization", "name": "Ủy ban nhân dân tỉnh", "documents": ["006_baodantoc_nguoi_co_uy_tin.txt", "008_review_dan_van_chinh_quyen.txt"],
         "why": "two unnamed provinces' people's committees"},
        {"type": "Organization", "name": "Ban Thường vụ Tỉnh ủy", "documents": ["006_baodantoc_nguoi_co_uy_tin.txt", "011_giao_ban_dan_van_quy_iv.txt"],
         "why": "two unnamed provinces' standing committees"},
    ],
}

gold = {
    "format": "kg-gold/1",
    "about": "Hand-made development annotations for ../devset/corpus (invented articles modelled on provincial Vietnamese news), following the conventions of shared/gold/seeds.json: names matched after normalisation; an organisation may carry the article's province after its name; 'optional_*' entries are neither required nor counted as false positives; roles given alone with their organisation as written (abbreviations expanded), short forms as aliases. Authors and photographers are optional; generic or plural mentions are optional.",
    "documents": docs,
    "corpus": corpus,
}
# The scorer strips " tỉnh <Province>" from predicted labels, so "Công an tỉnh Lâm Đồng" reads as
# "Công an": give every "... tỉnh" organisation its short form too (as seeds give "Ủy ban nhân dân").
for d in docs.values():
    if not d.get("provinces"):
        continue
    for o in d["organizations"]:
        names = [o["name"], *o.get("aliases", [])]
        extra = [n[: -len(" tỉnh")] for n in names if n.endswith(" tỉnh") and n[: -len(" tỉnh")] not in names]
        if extra:
            o["aliases"] = o.get("aliases", []) + extra

if __name__ == "__main__":
    import pathlib
    pathlib.Path(__file__).with_name("gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
