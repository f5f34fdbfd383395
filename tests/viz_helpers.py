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
