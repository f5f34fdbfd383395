"""Saved web pages → the article's text and the page's own metadata.

The metadata comes from what the page states for machines (JSON-LD ``NewsArticle``, Open Graph
and ``article:*`` meta tags, ``<link rel=canonical>``, ``<time datetime>``), which is more
reliable than any reading of its text. The body comes from readability-lxml (the Readability
algorithm as a maintained library), run on the page after the blocks news sites wrap around an
article are cut out ("Tin liên quan", "Xem thêm", comments, share bars, menus): a generic
extractor keeps a "Tin liên quan:" heading or a "Xem thêm: ..." line that sits between two
paragraphs, and a sidebar of long teasers. The lead
paragraph (sapo), which Vietnamese sites set apart from the body, is put back in front of it,
and the headline in front of that, so that the text reads like a saved article: headline,
blank line, paragraphs. Nothing is fetched: the page is all there is.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from kg.inputs.given import given_text, make_given
from kg.metadata import Given

_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "button", "input", "select",
              "textarea", "nav", "aside", "footer", "svg", "canvas", "video", "audio", "object", "embed")
# class / id words of the blocks around an article (matched as whole words inside the attribute)
_CHROME = re.compile(r"(?:^|[\s_-])(?:related|relate|lienquan|lien-quan|tinlienquan|xemthem|xem-them|readmore|read-more"
                     r"|tinkhac|tin-khac|other-news|othernews|comments?|binhluan|binh-luan|fb-comments|share|sharing|social"
                     r"|tags?|tag-list|keywords?|breadcrumbs?|menu|navbar|nav|sidebar|banner|ads?|adv|advert\w*|quangcao"
                     r"|most-read|mostread|docnhieu|doc-nhieu|newsletter|subscribe|footer|print|rating|vote|poll)(?:$|[\s_-])",
                     re.IGNORECASE)
_CHROME_LABEL = re.compile(r"^(?:(?:tin|bài|tin tức|bài viết)\s+(?:liên quan|cùng chuyên mục|khác|mới|đọc nhiều|nổi bật)"
                           r"|các tin (?:khác|đã đưa)|xem thêm|đọc thêm|có thể bạn quan tâm|bình luận|ý kiến bạn đọc"
                           r"|gửi bình luận|từ khóa|tags?|chia sẻ)\b", re.IGNORECASE)
_SAPO = re.compile(r"(?:^|[\s_-])(?:sapo|sapo-\w+|\w+-sapo|description|lead|chapeau|summary|excerpt|intro|tomtat|tom-tat)"
                   r"(?:$|[\s_-])", re.IGNORECASE)
_LABEL_LINE = re.compile(r"^\s*(?:ngày đăng|ngày cập nhật|cập nhật|đăng lúc|đăng ngày|nguồn|tác giả|người viết|người đăng"
                         r"|lượt xem|tin liên quan|bài liên quan|xem thêm|đọc thêm)\s*:?\s*$", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
                  "backgroundnewsarticle", "opinionnewsarticle", "reportage"}
_BLOCK = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "br", "blockquote", "figcaption",
          "section", "article", "table", "ul", "ol", "pre")
MIN_BODY = 80  # characters: less than this from the extractor, and the page has no article it can see


@dataclass
class Page:
    text: str          # headline, sapo and body, as the article's text; "" when nothing is left
    given: Given
    found: bool        # the extractor found an article body (else: the whole page's text)
    notes: list[str]   # metadata values that were there but could not be used


def parse(markup: str) -> etree._Element | None:
    try:
        return lxml.html.document_fromstring(_XML_DECL.sub("", markup),
                                             parser=lxml.html.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, ValueError):  # nothing but whitespace or comments
        return None


def read_page(markup: str) -> Page | None:
    """The page's article; None when lxml cannot read it (the caller strips tags instead)."""
    tree = parse(markup)
    if tree is None:
        return None
    given, notes = page_metadata(tree)
    clean(tree)
    body = _extract(tree)
    found = len(body) >= MIN_BODY
    sapo = _sapo(tree) or (_lead(tree, body) if found else None)
    if not found:
        body = block_text(tree.find("body") if tree.find("body") is not None else tree)
    body = "\n\n".join(line for line in body.split("\n\n") if not _LABEL_LINE.match(line))
    opening = body.split("\n\n", 3)[:3]
    head = [p for p in (given.title, sapo) if p and not any(_alike(p, line) for line in opening)]
    return Page("\n\n".join([*head, body]).strip() if body.strip() else "", given, found, notes)


# ---------------------------------------------------------------------------- metadata
def page_metadata(tree: etree._Element) -> tuple[Given, list[str]]:
    """JSON-LD first, then meta tags, then the page's own elements."""
    meta: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        if key and m.get("content") and key not in meta:
            meta[key] = m.get("content", "")
    ld = _json_ld(tree)
    canonical = next((link.get("href") for link in tree.iter("link")
                      if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")), None)
    time_el = next((t.get("datetime") for t in tree.iter("time") if t.get("datetime")), None)
    h1 = next((given_text(h.text_content()) for h in tree.iter("h1") if given_text(h.text_content())), None)
    title_el = tree.find(".//title")
    author = ld.get("author") or meta.get("article:author") or meta.get("author") or meta.get("dc.creator")
    if isinstance(author, str) and author.startswith(("http://", "https://")):
        author = None  # article:author is often the author's profile page
    return make_given(
        title=ld.get("headline") or meta.get("og:title") or meta.get("twitter:title") or h1
        or (title_el.text_content().split(" | ")[0] if title_el is not None else None),
        published=ld.get("datePublished") or meta.get("article:published_time") or meta.get("datepublished")
        or meta.get("pubdate") or meta.get("dc.date.issued") or time_el,
        url=canonical or meta.get("og:url") or (ld.get("url") if isinstance(ld.get("url"), str) else None),
        author=author,
        section=ld.get("articleSection") or meta.get("article:section"),
    )


def _json_ld(tree: etree._Element) -> dict:
    """The page's first JSON-LD article object ({} when none)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
                    return item
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity", "itemListElement"))
    return {}


# ---------------------------------------------------------------------------- the body
def clean(tree: etree._Element) -> None:
    """Cut what is never article text: scripts, forms, menus, and the blocks news sites put
    around and inside an article (related links, comments, share bars, tags), each known by its
    class or id or by a label such as "Tin liên quan". A block that holds the headline or the
    article, or most of the page's text, is kept whatever its class says."""
    for el in list(tree.iter(*_DROP_TAGS)):
        _drop(el)
    _unwrap_layout_tables(tree)
    page = len(tree.text_content())
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        if _CHROME.search(f"{el.get('class') or ''} {el.get('id') or ''}") and not _holds_article(el) \
                and not (page > 500 and len(el.text_content()) > 0.6 * page):
            _drop(el)
    for el in list(tree.iter()):
        own = (el.text or "").strip() if isinstance(el.tag, str) else ""
        label = _CHROME_LABEL.match(own) if own else None
        if label is None or el.getparent() is None:
            continue
        block = el
        while block.tag not in _BLOCK and block.getparent() is not None:
            block = block.getparent()
        if _holds_article(block):
            continue
        rest = len(" ".join(block.text_content().split())) - len(label.group(0)) - 1
        if rest <= 5 or _link_share(block) > 0.5:  # a bare label, or a label and its links
            follower = block.getnext()
            _drop(block)
            while follower is not None and follower.tag in ("ul", "ol", "div", "table", "p") and _link_share(follower) > 0.5:
                follower, dropped = follower.getnext(), follower
                _drop(dropped)


def _unwrap_layout_tables(tree: etree._Element) -> None:
    """A table whose cells hold paragraphs lays out the page (old portals put the article in a
    cell): its cells become blocks, so the article reads as paragraphs, not as one table row."""
    for table in list(tree.iter("table")):
        if table.find(".//td//p") is None and table.find(".//td//div") is None and table.find(".//td//h2") is None:
            continue
        for el in table.iter("table", "thead", "tbody", "tfoot", "tr", "td", "th"):
            el.tag = "div"


def _holds_article(el: etree._Element) -> bool:
    return el.tag in ("article", "main", "body", "html") or el.find(".//h1") is not None or el.find(".//article") is not None


def _link_share(el: etree._Element) -> float:
    text = len(" ".join(el.text_content().split()))
    links = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return links / text if text else 0.0


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep the text that follows it inside its parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail and tail.strip():
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _extract(tree: etree._Element) -> str:
    """The article body by readability-lxml (the Readability algorithm: the block whose paragraphs
    score highest, with its paragraph-like siblings), as paragraphs separated by blank lines."""
    from readability import Document  # only pages need it
    from readability.readability import Unparseable

    try:
        summary = Document(lxml.html.tostring(tree, encoding="unicode")).summary(html_partial=True)
        found = lxml.html.fragment_fromstring(summary, create_parent="div")
    except (Unparseable, etree.ParserError, ValueError, RecursionError):
        return ""
    return "" if _link_share(found) > 0.5 else block_text(found)  # a list of links is no article


def _alike(a: str, b: str) -> bool:
    """Two wordings of one headline (the page title and the heading above the article)."""
    x, y = set(a.casefold().split()), set(b.casefold().split())
    return bool(x and y) and len(x & y) >= 0.7 * max(len(x), len(y))


def _sapo(tree: etree._Element) -> str | None:
    """The lead paragraph set apart from the body by its class ("sapo", "description", "lead")."""
    for el in tree.iter("p", "h2", "div", "span", "strong"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _SAPO.search(marks):
            text = given_text(el.text_content())
            if text and 40 <= len(text) <= 1500:
                return text
    return None


def _lead(tree: etree._Element, body: str) -> str | None:
    """A paragraph between the headline and the start of the extracted body: the lead, when the
    page gives it no class of its own and the extractor began with the body proper."""
    h1 = next(tree.iter("h1"), None)
    first = " ".join(body.split("\n\n", 1)[0].split())[:60]
    if h1 is None or not first:
        return None
    started = False
    for el in tree.iter():
        if el is h1:
            started = True
        elif started and isinstance(el.tag, str):
            text = " ".join(el.text_content().split())
            if text.startswith(first) or first in text:
                return None
            if el.tag in ("p", "h2", "div") and 60 <= len(text) <= 1500 and _link_share(el) < 0.3:
                return given_text(text)
    return None


def block_text(el: etree._Element) -> str:
    """The visible text of ``el`` with a line break around every block element."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        block = isinstance(node.tag, str) and node.tag in _BLOCK
        if block:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(el)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
