"""Shared by the explore tests: the sample graph, and reading back what a page embeds."""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "viz_sample.trig"
HOSTILE_PERSON = "Nguyễn <script>window.__pwned='script'</script> Văn A"
HOSTILE_ORG = "Sở <img src=x onerror=\"window.__pwned='img'\"> Nội vụ"
HOSTILE_ROLE = "Giám đốc</script><script>window.__pwned='role'</script>"


def synthetic(tmp: Path, n_nodes: int) -> Path:
    """A synthetic N-Quads graph of about ``n_nodes`` drawable nodes (benchmarks/synthetic.py)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from synthetic import quads
    finally:
        sys.path.pop(0)
    path = tmp / f"synthetic-{n_nodes}.nq"
    path.write_text("\n".join(quads(n_nodes)) + "\n", encoding="utf-8")
    return path


class _Elements(HTMLParser):
    """Collects every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script = dict(attrs)
            self.scripts.append((self._in_script, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def parse_page(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def page_data(html: str) -> dict[str, Any]:
    """The JSON the page draws from, read the way a browser's HTML parser would find it."""
    for attrs, text in parse_page(html).scripts:
        if attrs.get("id") == "kg-data":
            return json.loads(text)
    raise AssertionError("no kg-data block in the page")


def remote_references(html: str) -> list[str]:
    """Every src/href/url() pointing off the page (anything but data:, #, javascript:void)."""
    found = []
    for _tag, attrs in parse_page(html).tags:
        for name in ("src", "href", "data", "action", "poster"):
            value = attrs.get(name)
            if value and not value.startswith(("data:", "#")):
                found.append(value)
    found += re.findall(r"url\(\s*['\"]?(https?:[^)'\"]+)", html)
    found += re.findall(r"@import\s+['\"]?(https?:[^'\";]+)", html)
    return found


TWINS = """\
@prefix vnkg: <https://w3id.org/vnkg/ontology#> .
@base <https://w3id.org/vnkg/resource/> .
@prefix schema: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<article/d> {
  <article/d> a vnkg:Article ; rdfs:label "Ninh Bình tổng kết công tác dân vận"@vi ;
    dcterms:identifier "d.txt" ; schema:datePublished "2021-05-01"^^xsd:date .
  <province/ninh-binh> a vnkg:Province ; rdfs:label "Ninh Bình"@vi .
  <org/ninh-binh/tinh-uy> a vnkg:Organization ; rdfs:label "Tỉnh ủy"@vi ;
    vnkg:province <province/ninh-binh> ; prov:wasDerivedFrom <article/d> .
  <person/a> a vnkg:Person ; rdfs:label "Đoàn Minh Huấn"@vi .
  <membership/d-1> a org:Membership ; org:member <person/a> ; org:organization <org/ninh-binh/tinh-uy> ;
    org:role <role/bi-thu> ; prov:wasDerivedFrom <article/d> .
  <role/bi-thu> a org:Role ; rdfs:label "Bí thư"@vi .
  <meeting/d-1> a vnkg:Meeting ; rdfs:label "Buổi làm việc"@vi ; schema:location <province/ninh-binh> ;
    schema:attendee <person/a> ; prov:wasDerivedFrom <article/d> .
}

<article/e> {
  <article/e> a vnkg:Article ; rdfs:label "Hội nghị cán bộ chủ chốt toàn tỉnh"@vi ;
    dcterms:identifier "e.txt" ; schema:datePublished "2022-01-10"^^xsd:date .
  <org/article-e/tinh-uy> a vnkg:Organization ; rdfs:label "Tỉnh ủy"@vi ; prov:wasDerivedFrom <article/e> .
  <person/b> a vnkg:Person ; rdfs:label "Trần Hồng Quảng"@vi .
  <membership/e-1> a org:Membership ; org:member <person/b> ; org:organization <org/article-e/tinh-uy> ;
    org:role <role/pho-bi-thu> ; prov:wasDerivedFrom <article/e> .
  <role/pho-bi-thu> a org:Role ; rdfs:label "Phó Bí thư"@vi .
  <meeting/e-1> a vnkg:Meeting ; rdfs:label "Buổi làm việc"@vi ; schema:startDate "2022-01-09"^^xsd:date ;
    schema:attendee <person/b> ; prov:wasDerivedFrom <article/e> .
}
"""


def twins(tmp: Path) -> Path:
    """Two different "Tỉnh ủy" (one in Ninh Bình, one only known from its article) and two
    meetings both called "Buổi làm việc" (one placed, one dated)."""
    path = tmp / "twins.trig"
    path.write_text(TWINS, encoding="utf-8")
    return path


def hub_heavy(tmp: Path, provinces: int = 12, people: int = 40) -> Path:
    """A graph whose degree ranking is all provinces, provincial committees and decisions:
    every person holds one post in a small "Ban Dân vận Tỉnh ủy" (one per province, all with
    that name) and attends one meeting, so a top-40-by-degree view has no people at all."""
    res, v, s = "https://w3id.org/vnkg/resource/", "https://w3id.org/vnkg/ontology#", "https://schema.org/"
    org, rdf = "http://www.w3.org/ns/org#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    label = "http://www.w3.org/2000/01/rdf-schema#label"
    lines: list[str] = []

    def t(subject: str, predicate: str, obj: str) -> None:
        lines.append(f"<{res}{subject}> <{predicate}> {obj} .")

    for p in range(provinces):
        t(f"province/p{p}", rdf, f"<{v}Province>")
        t(f"province/p{p}", label, f'"Tỉnh {p}"@vi')
        t(f"org/p{p}/tinh-uy", rdf, f"<{v}Organization>")
        t(f"org/p{p}/tinh-uy", label, f'"Tỉnh ủy {p}"@vi')
        t(f"org/p{p}/tinh-uy", f"{v}province", f"<{res}province/p{p}>")
        t(f"org/p{p}/ban-dan-van", rdf, f"<{v}Organization>")
        t(f"org/p{p}/ban-dan-van", label, '"Ban Dân vận Tỉnh ủy"@vi')
        t(f"org/p{p}/ban-dan-van", f"{org}subOrganizationOf", f"<{res}org/p{p}/tinh-uy>")
        t(f"org/p{p}/ban-dan-van", f"{v}province", f"<{res}province/p{p}>")
    for d in range(10):
        t(f"decision/d{d}", rdf, f"<{v}Decision>")
        t(f"decision/d{d}", label, f'"Nghị quyết {d}-NQ/TW"@vi')
    for m in range(120):
        t(f"meeting/m{m}", rdf, f"<{v}Meeting>")
        t(f"meeting/m{m}", label, f'"Hội nghị {m}"@vi')
        t(f"meeting/m{m}", f"{s}location", f"<{res}province/p{m % provinces}>")
        t(f"meeting/m{m}", f"{s}organizer", f"<{res}org/p{m % provinces}/tinh-uy>")
        t(f"meeting/m{m}", f"{s}about", f"<{res}decision/d{m % 10}>")
    for i in range(people):
        t(f"person/x{i}", rdf, f"<{v}Person>")
        t(f"person/x{i}", label, f'"Người {i}"@vi')
        t(f"membership/x{i}", rdf, f"<{org}Membership>")
        t(f"membership/x{i}", f"{org}member", f"<{res}person/x{i}>")
        t(f"membership/x{i}", f"{org}organization", f"<{res}org/p{i % provinces}/ban-dan-van>")
        t(f"meeting/m{i}", f"{s}attendee", f"<{res}person/x{i}>")
    path = tmp / "hub-heavy.nt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
