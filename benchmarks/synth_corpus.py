"""A realistic synthetic corpus of Vietnamese provincial political news, from templates and
the project's own gazetteers. Deterministic for a given seed.

    python benchmarks/synth_corpus.py OUT_DIR --n 1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

from kg.lexicon import data, word_list

GIVEN = ["Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Ngọc", "Xuân", "Thu", "Hoàng", "Công", "Anh"]
LAST = ["Hùng", "Lan", "Tâm", "Hòa", "Nam", "Bình", "Dũng", "Hà", "Tuấn", "Nga", "Phúc", "Sơn", "Thắng", "Mai"]
POSTS = [("Bí thư", "Tỉnh ủy"), ("Phó Bí thư Thường trực", "Tỉnh ủy"), ("Chủ tịch", "UBND tỉnh"),
         ("Chủ tịch", "HĐND tỉnh"), ("Trưởng Ban", "Ban Dân vận Tỉnh ủy"), ("Chủ tịch", "Ủy ban MTTQ tỉnh"),
         ("Phó Chủ tịch", "UBND tỉnh"), ("Giám đốc", "Sở Nội vụ"), ("Trưởng Ban", "Ban Tổ chức Tỉnh ủy")]
CENTRAL = [("Phó Trưởng Ban", "Ban Dân vận Trung ương"), ("Bộ trưởng", "Bộ Nội vụ"), ("Thứ trưởng", "Bộ Tài chính"),
           ("Phó Trưởng Ban", "Ban Tổ chức Trung ương")]
DOCS = ["Quyết định số 290-QĐ/TW", "Nghị quyết 18-NQ/TW", "Chỉ thị số 05-CT/TW", "Kết luận 01-KL/TW",
        "Quyết định số 23-QĐ/TW", "Nghị quyết số 25-NQ/TW"]
FILLER = [
    "Công tác dân vận của các cơ quan nhà nước được tăng cường, gắn với cải cách hành chính.",
    "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội phát huy vai trò giám sát, phản biện xã hội.",
    "Phong trào thi đua “Dân vận khéo” tiếp tục được nhân rộng ở cơ sở.",
    "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được quan tâm đúng mức.",
]


def title(role: str, org: str) -> str:
    """'Trưởng Ban' + 'Ban Dân vận ...' share the word 'Ban', as Vietnamese writes it."""
    return f"{role} {org[4:]}" if role.endswith("Ban") and org.startswith("Ban ") else f"{role} {org}"


def person(rng: random.Random, surnames: list[str]) -> str:
    return f"{rng.choice(surnames)} {rng.choice(GIVEN)} {rng.choice(LAST)}"


def article(rng: random.Random, n: int, provinces: list[str], surnames: list[str]) -> str:
    prov = rng.choice(provinces)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(2000))
    doc = rng.choice(DOCS)
    leader, (role, org) = person(rng, surnames), rng.choice(POSTS)
    guest, (grole, gorg) = person(rng, surnames), rng.choice(CENTRAL)
    other, (orole, oorg) = person(rng, surnames), rng.choice(POSTS)
    if rng.random() < 0.5:
        lead = (f"Ngày {day.day}/{day.month}, Đoàn kiểm tra của Ban Chỉ đạo Trung ương do đồng chí {guest}, "
                f"{title(grole, gorg)} làm trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy {prov} về thực hiện {doc}.")
    else:
        lead = (f"Chiều {day.day}/{day.month}, Ban Dân vận Tỉnh ủy {prov} tổ chức Hội nghị sơ kết công tác dân vận "
                f"năm {day.year}, triển khai {doc}.")
    body = [lead, *rng.sample(FILLER, 2),
            f"Phát biểu tại hội nghị, đồng chí {leader}, {title(role, org)} đề nghị các cấp tiếp tục thực hiện tốt công tác dân vận.",
            f"Dự hội nghị có ông {other} - {title(orole, oorg)}.", rng.choice(FILLER)]
    return (f"Tỉnh {prov} đẩy mạnh công tác dân vận (bài {n})\n\n"
            f"Cập nhật, {rng.randrange(7, 22)}:{rng.randrange(60):02d}, {day.day:02d}/{day.month:02d}/{day.year} (GMT+7)\n\n"
            + "\n\n".join(body) + f"\n\nTin, ảnh: {rng.choice(LAST).upper()} {rng.choice(LAST).upper()}\n")


def generate(out: Path, n: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    provinces = [u["name"] for u in data("provinces.json")["units_2008"]]
    surnames = list(word_list("surnames.txt"))[:40]
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = out / f"synth_{i:05d}.txt"
        p.write_text(article(rng, i, provinces, surnames), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    print(f"{len(generate(a.out, a.n, a.seed))} articles → {a.out}")
