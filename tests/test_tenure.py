"""Tenure of posts (issue 12): changes of office as intervals, on sentences written for the tests,
built through ``kg build`` and asked through the saved queries."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Literal, URIRef

from build_helpers import run
from kg.commands.query import query
from kg.extract import extract
from kg.validate import validate_file
from kg import vocab
from kg.vocab import ORG, RDFS, VNKG

TIME, XSD = vocab.TIME, vocab.XSD  # not module globals of their own: pytest probes those

ARTICLES = {
    "ninh-binh-1.txt": ("HĐND tỉnh Ninh Bình bầu Chủ tịch UBND tỉnh", "10:00 15/04/2024", [
        "Chiều 12/4, HĐND tỉnh Ninh Bình bầu ông Nguyễn Văn An, Phó Bí thư Tỉnh ủy, giữ chức Chủ tịch UBND tỉnh Ninh Bình.",
        "Ông Trần Văn Bình, Chủ tịch UBND huyện Kim Sơn, đã nghỉ hưu theo chế độ từ ngày 1/4/2024.",
        "Bà Lê Thị Hoa, nguyên Giám đốc Sở Y tế tỉnh Ninh Bình, phát biểu tại buổi lễ.",
        "Tỉnh ủy dự kiến bổ nhiệm ông Phạm Văn Đức giữ chức Giám đốc Sở Tài chính tỉnh Ninh Bình.",
        "Ông Hoàng Minh Tuấn, Phó Chủ tịch UBND tỉnh Ninh Bình, dự kỳ họp."]),
    "ninh-binh-2.txt": ("Ninh Bình kiện toàn nhân sự", "08:00 20/06/2024", [
        "Ngày 18/6, Chủ tịch UBND tỉnh Ninh Bình quyết định bổ nhiệm bà Đỗ Thị Lan giữ chức Giám đốc Sở Y tế tỉnh Ninh Bình.",
        "Chiều 19/6, HĐND tỉnh Ninh Bình miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh đối với ông Hoàng Minh Tuấn.",
        "Ông Nguyễn Văn An thôi giữ chức Chủ tịch UBND tỉnh Ninh Bình từ ngày 20/6/2024.",
        "Ông Vũ Quang Huy vừa được bầu làm Chủ tịch UBND tỉnh Ninh Bình."]),
    "thanh-hoa.txt": ("Thanh Hóa có Bí thư Tỉnh ủy mới", "09:00 02/05/2024", [
        "Ngày 28/4, ông Phạm Quang Dũng được bầu giữ chức Bí thư Tỉnh ủy Thanh Hóa."]),
    "lang-son.txt": ("Lạng Sơn bổ nhiệm giám đốc sở", None, [
        "Ông Lý Văn Sơn được bổ nhiệm làm Giám đốc Sở Xây dựng tỉnh Lạng Sơn."]),
}
UBND = "Ủy ban nhân dân tỉnh Ninh Bình"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tenure")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, (title, stamp, sentences) in ARTICLES.items():
        head = f"{title}\n\n{stamp}\n\n" if stamp else f"{title}\n\n"
        (corpus / name).write_text(head + " ".join(sentences) + "\n", encoding="utf-8")
    out = folder / "graph.trig"
    run("build", str(corpus), "--out", str(out))
    return out


@pytest.fixture(scope="module")
def ds(built) -> Dataset:
    d = Dataset(default_union=True)
    d.parse(built, format="trig")
    return d


@pytest.fixture(autouse=True)
def _cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "kg-cache"))


def label(ds, node) -> str:
    return str(ds.value(node, RDFS.label))


def memberships(ds, person: str, role: str | None = None, org: str | None = None) -> list[URIRef]:
    return [m for m in ds.subjects(ORG.member, None) if label(ds, ds.value(m, ORG.member)) == person
            and (role is None or label(ds, ds.value(m, ORG.role)) == role)
            and (org is None or label(ds, ds.value(m, ORG.organization)) == org)]


def intervals(ds, person: str, role: str | None = None, org: str | None = None) -> list[dict]:
    """Each interval of the person's posts: its change, side, day (or the day it precedes)."""
    out = []
    for m in memberships(ds, person, role, org):
        for i in ds.objects(m, ORG.memberDuring):
            for side, prop in (("begin", TIME.hasBeginning), ("end", TIME.hasEnd)):
                for instant in ds.objects(i, prop):
                    day = ds.value(instant, TIME.inXSDDate)
                    before = ds.value(ds.value(instant, TIME.before), TIME.inXSDDate)
                    out.append(dict(event=str(ds.value(i, VNKG.tenureEvent)).split("#")[1], side=side,
                                    day=str(day) if day else None, before=str(before) if before else None,
                                    role=label(ds, ds.value(m, ORG.role))))
    return out


def test_an_election_with_its_day_begins_the_new_post_not_the_one_held_before(ds):
    assert intervals(ds, "Nguyễn Văn An", "Chủ tịch", UBND) == [
        dict(event="Elected", side="begin", day="2024-04-12", before=None, role="Chủ tịch"),
        dict(event="Resigned", side="end", day="2024-06-20", before=None, role="Chủ tịch")]
    assert intervals(ds, "Nguyễn Văn An", "Phó Bí thư") == []


def test_retirement_appointment_and_dismissal_date_their_side(ds):
    assert intervals(ds, "Trần Văn Bình") == [dict(event="Retired", side="end", day="2024-04-01", before=None, role="Chủ tịch")]
    assert intervals(ds, "Đỗ Thị Lan") == [dict(event="Appointed", side="begin", day="2024-06-18", before=None, role="Giám đốc")]
    assert intervals(ds, "Hoàng Minh Tuấn") == [dict(event="Dismissed", side="end", day="2024-06-19", before=None, role="Phó Chủ tịch")]


def test_former_and_undated_changes_end_or_begin_before_the_article(ds):
    assert intervals(ds, "Lê Thị Hoa") == [dict(event="Former", side="end", day=None, before="2024-04-15", role="Giám đốc")]
    assert intervals(ds, "Vũ Quang Huy") == [dict(event="Elected", side="begin", day=None, before="2024-06-20", role="Chủ tịch")]
    # an article with no date: the change is recorded, with no day and nothing it precedes
    assert intervals(ds, "Lý Văn Sơn") == [dict(event="Appointed", side="begin", day=None, before=None, role="Giám đốc")]


def test_a_planned_appointment_gives_no_interval(ds):
    assert memberships(ds, "Phạm Văn Đức") and intervals(ds, "Phạm Văn Đức") == []


def test_every_post_is_reported_on_its_articles_date_and_plain_posts_only_that(ds):
    (m,) = memberships(ds, "Hoàng Minh Tuấn")
    assert set(ds.objects(m, VNKG.reportedOn)) == {Literal("2024-04-15", datatype=XSD.date),
                                                   Literal("2024-06-20", datatype=XSD.date)}
    first = ds.graph(URIRef(str(ds.value(None, RDFS.label, Literal("HĐND tỉnh Ninh Bình bầu Chủ tịch UBND tỉnh", lang="vi")))))
    assert (m, VNKG.reportedOn, Literal("2024-04-15", datatype=XSD.date)) in first
    assert (m, ORG.memberDuring, None) not in first  # the first article only names the post
    (sơn,) = memberships(ds, "Lý Văn Sơn")
    assert ds.value(sơn, VNKG.reportedOn) is None  # its article has no date


def test_each_interval_keeps_its_evidence_sentence(ds):
    (m,) = memberships(ds, "Đỗ Thị Lan")
    (i,) = ds.objects(m, ORG.memberDuring)
    mention = ds.value(i, VNKG.mention)
    assert str(ds.value(mention, VNKG.anchorOf)) == "bổ nhiệm"
    assert str(ds.value(mention, VNKG.sentence)).startswith("Ngày 18/6, Chủ tịch UBND tỉnh Ninh Bình quyết định bổ nhiệm")


def test_the_built_graph_validates(built):
    conforms, text = validate_file(built)
    assert conforms, text


def ask(built, *args: str, backend: str = "oxigraph") -> list[dict]:
    result = CliRunner().invoke(query, [str(built), *args, "--format", "json", "--backend", backend])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_who_held_a_role_over_time(built, backend):
    got = ask(built, "--name", "role-holders", "-p", "role=Chủ tịch", "-p", f"org={UBND}", backend=backend)
    # GROUP_CONCAT's order is unspecified: compare the parts
    assert [(r["personName"], r["from"], r["to"], set(r["changes"].split(" | "))) for r in got] == [
        ("Nguyễn Văn An", "2024-04-12", "2024-06-20", {"Elected 2024-04-12", "Resigned 2024-06-20"}),
        ("Vũ Quang Huy", "", "", {"Elected ?"})]
    assert got[1]["firstReported"] == "2024-06-20"


@pytest.mark.parametrize("backend", ["oxigraph", "rdflib"])
def test_changes_of_office_in_a_province_between_two_dates(built, backend):
    def changes(start, end):
        return [(r["day"], r["dating"], r["change"], r["personName"])
                for r in ask(built, "--name", "office-changes", "-p", "province=Ninh Bình",
                             "-p", f"from={start}", "-p", f"to={end}", backend=backend)]
    assert changes("2024-04-01", "2024-04-30") == [
        ("2024-04-01", "day", "Retired", "Trần Văn Bình"),
        ("2024-04-12", "day", "Elected", "Nguyễn Văn An"),
        ("2024-04-15", "reported", "Former", "Lê Thị Hoa")]
    assert changes("2024-06-01", "2024-06-30") == [
        ("2024-06-18", "day", "Appointed", "Đỗ Thị Lan"),
        ("2024-06-19", "day", "Dismissed", "Hoàng Minh Tuấn"),
        ("2024-06-20", "day", "Resigned", "Nguyễn Văn An"),
        ("2024-06-20", "reported", "Elected", "Vũ Quang Huy")]
    assert changes("2024-05-01", "2024-05-31") == []  # Thanh Hóa's new secretary is another province's


def test_posts_as_of_follow_intervals_and_say_what_they_rest_on(built):
    def posts(day):
        return {(r["orgName"], r["roleName"], r["evidence"], r["since"])
                for r in ask(built, "--name", "posts-as-of", "-p", "person=Nguyễn Văn An", "-p", f"date={day}")}
    assert posts("2024-05-01") == {(UBND, "Chủ tịch", "interval", "2024-04-12"),
                                   ("Tỉnh ủy Ninh Bình", "Phó Bí thư", "reportedOn", "2024-04-15")}
    assert posts("2024-07-01") == {("Tỉnh ủy Ninh Bình", "Phó Bí thư", "reportedOn", "2024-04-15")}  # resigned 20/6
    assert posts("2024-04-01") == set()


@pytest.mark.parametrize("sentence, person, role, kind", [
    ("Ông Đặng Văn Khánh vừa được bầu làm Chủ tịch UBND tỉnh Hà Tĩnh.", "Đặng Văn Khánh", "Chủ tịch", "elected"),
    ("Đồng chí Nguyễn Văn Ký, Phó Bí thư Thường trực Tỉnh ủy, vừa được bầu giữ chức Bí thư Tỉnh ủy Quảng Ninh.",
     "Nguyễn Văn Ký", "Bí thư", "elected"),
    ("Thủ tướng quyết định điều động, bổ nhiệm ông Võ Văn Thống giữ chức Thứ trưởng Bộ Kế hoạch và Đầu tư.",
     "Võ Văn Thống", "Thứ trưởng", "appointed"),
    ("Thủ tướng đã phê chuẩn ông Bùi Văn Khánh, Phó Chủ tịch UBND tỉnh Hòa Bình, làm Chủ tịch UBND tỉnh Hòa Bình.",
     "Bùi Văn Khánh", "Chủ tịch", "approved"),
    ("Ông Phan Thanh Sơn bị cách chức Chủ tịch UBND xã Quảng Thạch.", "Phan Thanh Sơn", "Chủ tịch", "dismissed"),
    ("Trước đó, bà Trương Thị Ánh, nguyên Phó Chủ tịch HĐND tỉnh Bình Dương đã nghỉ hưu.", "Trương Thị Ánh",
     "Phó Chủ tịch", "retired"),
])
def test_phrasings_of_real_news(sentence, person, role, kind):
    posts = extract("t.txt", f"Tin\n\n10:00 15/04/2024\n\n{sentence}\n").posts
    changed = {(p.person, p.role, p.tenure.kind) for p in posts if p.tenure is not None}
    assert changed == {(person, role, kind)}


@pytest.mark.parametrize("sentence", [
    "Tỉnh ủy đang xem xét, dự kiến bổ nhiệm ông Ngô Văn Tuấn làm Chánh Văn phòng Sở Xây dựng tỉnh Thanh Hóa.",
    "Chủ tịch UBND tỉnh đã thu hồi quyết định nghỉ hưu đối với ông Hoàng Tiến Đức, Giám đốc Sở Giáo dục và Đào tạo tỉnh Sơn La.",
    "Hiện, Bí thư Thành ủy Hải Phòng là ông Dương Anh Điền đã đến tuổi nghỉ hưu.",
])
def test_planned_cancelled_or_only_due_changes_give_none(sentence):
    posts = extract("t.txt", f"Tin\n\n10:00 15/04/2024\n\n{sentence}\n").posts
    assert posts and all(p.tenure is None for p in posts)


def _changed(sentence: str) -> set[tuple[str, str, str]]:
    posts = extract("t.txt", f"Tin\n\n10:00 15/04/2024\n\n{sentence}\n").posts
    return {(p.person, p.role, p.org.label if p.org else "") for p in posts if p.rule == "appointment-phrase"}


def test_subjects_joined_before_a_phrase_each_get_the_new_post():
    assert _changed("Ông Hà Quang Vinh - Phó Chủ tịch UBND tỉnh và bà Lò Thị Sen - Giám đốc Sở Nội vụ "
                    "được bầu giữ chức Phó Bí thư Tỉnh ủy Sơn La.") == {
        ("Hà Quang Vinh", "Phó Bí thư", "Tỉnh ủy Sơn La"), ("Lò Thị Sen", "Phó Bí thư", "Tỉnh ủy Sơn La")}


@pytest.mark.parametrize("sentence, holder", [
    # the one replaced belongs to another clause
    ("Bà Mai Thu Hà được bầu thay ông Tạ Văn Lực, và ông Kha Minh Tân được bầu làm Chủ tịch UBND tỉnh Bến Tre.",
     "Kha Minh Tân"),
    # the giver of a decision is no subject of the phrase
    ("Ông Tạ Văn Lực trao quyết định cho ông Kha Minh Tân được bầu làm Chủ tịch UBND tỉnh Bến Tre.", "Kha Minh Tân"),
])
def test_only_the_subject_of_the_phrase_gets_the_post(sentence, holder):
    assert {p for p, role, _ in _changed(sentence) if role == "Chủ tịch"} == {holder}


def test_two_subjects_and_two_titles_give_neither_title_to_the_first():
    got = _changed("Ông Tạ Văn Lực và ông Kha Minh Tân được phê chuẩn làm Phó Chủ nhiệm Ủy ban Kinh tế "
                   "và Phó Chủ tịch Hội đồng Dân tộc.")
    assert not any(p == "Tạ Văn Lực" for p, _, _ in got)


@pytest.mark.parametrize("sentence, members, body", [
    ("Hội nghị đã bầu bổ sung ông Hà Quang Vinh - Phó Chủ tịch HĐND tỉnh; bà Lò Thị Sen - Bí thư Huyện ủy "
     "Mộc Châu vào Ban Thường vụ Tỉnh ủy.", {"Hà Quang Vinh", "Lò Thị Sen"}, "Ban Thường vụ Tỉnh ủy"),
    ("Ông Kha Minh Tân được bầu vào Bộ Chính trị tại Hội nghị lần thứ nhất.", {"Kha Minh Tân"}, "Bộ Chính trị"),
    ("Bà Mai Thu Hà và ông Tạ Văn Lực được bầu vào Ban Chấp hành Trung ương Đảng khóa XIII.",
     {"Mai Thu Hà", "Tạ Văn Lực"}, "Ban Chấp hành Trung ương Đảng"),
])
def test_being_elected_into_a_board_makes_a_member(sentence, members, body):
    assert {p for p, role, org in _changed(sentence) if role == "Ủy viên" and org == body} == members


def test_a_list_after_a_semicolon_gives_no_title_of_the_phrase():
    got = _changed("Tỉnh ủy bổ nhiệm ông Hà Quang Vinh giữ chức Giám đốc Sở Tài chính; ông Kha Minh Tân giữ chức "
                   "Phó Giám đốc Sở Xây dựng.")
    assert ("Kha Minh Tân", "Giám đốc", "Sở Tài chính") not in got


def test_two_memberships_of_one_role_in_a_change_are_two_posts():
    r = extract("t.txt", "Tin thời sự\n\nBan Bí thư quyết định cách chức ủy viên Ban Thường vụ, ủy viên Ban Chấp hành "
                         "Đảng bộ tỉnh Quảng Trị đối với ông Hồ Văn Lâm.\n")
    got = {(p.person, p.role, p.org.label) for p in r.posts}
    assert {("Hồ Văn Lâm", "Ủy viên", "Ban Thường vụ Tỉnh ủy Quảng Trị"), ("Hồ Văn Lâm", "Ủy viên", "Tỉnh ủy Quảng Trị")} <= got


def test_a_discipline_by_removal_ends_each_title_it_names():
    r = extract("t.txt", "Tin thời sự\n\nBan Bí thư quyết định kỷ luật ông Lê Văn Tư bằng hình thức cách chức Ủy viên "
                         "Ban Thường vụ Tỉnh ủy Phú Yên nhiệm kỳ 2015 - 2020.\n")
    got = {(p.person, p.role, p.org.label) for p in r.posts}
    assert ("Lê Văn Tư", "Ủy viên", "Ban Thường vụ Tỉnh ủy Phú Yên") in got
