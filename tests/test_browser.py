"""The generated page in a real (headless) browser: it draws, it settles, it never runs data."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.commands.explore import viz
from viz_helpers import HOSTILE_PERSON, ROOT, SAMPLE, synthetic, twins

sys.path.insert(0, str(ROOT / "scripts"))
from browser import canvas_colours, chromium, chromium_paths, wait_ready  # noqa: E402

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_paths() is None,
                       reason="headless Chromium + chromedriver not installed "
                              "(apt-get install chromium chromium-driver; scripts/system-deps.sh)"),
]


def write_page(tmp_path: Path, *args: str, graph: Path = SAMPLE) -> Path:
    out = tmp_path / "graph.html"
    result = CliRunner().invoke(viz, [str(graph), "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


# What the page drew as text, in CSS px relative to the canvas: the page's own label layer
# (window.kgLabels) or, on pages without one, vis-network's labels at font size × zoom.
DRAWN_LABELS = """
    var net = kgNetwork, data = net.body.data;
    function kind(l) { var n = l.kind === "node" ? data.nodes.get(l.id) : null; return n ? n.kind : ""; }
    var out = window.kgLabels;
    if (!out) {
        out = [];
        var s = net.getScale();
        var add = function (k, item) {
            var l = item.labelModule;
            if (item.options.hidden || !item.options.label || !l.visible()) return;
            var p = net.canvasToDOM({x: l.size.left, y: l.size.top});
            out.push({kind: k, id: item.id, text: item.options.label, size: l.fontOptions.size * s,
                      x: p.x, y: p.y, w: l.size.width * s, h: l.size.height * s});
        };
        Object.values(net.body.nodes).forEach(function (n) { add("node", n); });
        Object.values(net.body.edges).forEach(function (e) { add("edge", e); });
    }
    return out.map(function (l) { return Object.assign({type: kind(l)}, l); });
"""


def drawn_labels(driver) -> list[dict]:
    return driver.execute_script(DRAWN_LABELS)


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    """Pairs of drawn labels whose boxes overlap (by more than a pixel)."""
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if (a["x"] + 1 < b["x"] + b["w"] and b["x"] + 1 < a["x"] + a["w"]
                    and a["y"] + 1 < b["y"] + b["h"] and b["y"] + 1 < a["y"] + a["h"]):
                out.append((a["text"], b["text"]))
    return out


def hover_and_click(driver, label: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    x, y = driver.execute_script("""
        var label = arguments[0];
        var n = kgNetwork.body.data.nodes.get({filter: function (n) { return n.tip.label === label; }})[0];
        var p = kgNetwork.canvasToDOM(kgNetwork.getPositions([n.id])[n.id]);
        return [p.x, p.y];""", label)
    canvas = driver.find_element(By.CSS_SELECTOR, "#net canvas")
    rect = canvas.rect
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - rect["width"] / 2), int(y - rect["height"] / 2)).perform()
    time.sleep(0.8)  # tooltipDelay
    ActionChains(driver).click().perform()
    time.sleep(0.2)


def test_sample_page_draws_a_network(browser, tmp_path: Path) -> None:
    page = write_page(tmp_path)
    browser.get(page.as_uri())
    wait_ready(browser, timeout=30)
    assert canvas_colours(browser) > 50  # a blank canvas has one colour
    assert browser.execute_script("return kgNetwork.body.data.nodes.length") == 20
    png = tmp_path / "shot.png"
    browser.save_screenshot(str(png))
    assert png.stat().st_size > 20_000
    # nothing was fetched: every resource is inline
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_hostile_text_never_runs(browser, tmp_path: Path) -> None:
    page = write_page(tmp_path, "--types", "all")
    browser.get(page.as_uri())
    wait_ready(browser, timeout=30)
    hover_and_click(browser, HOSTILE_PERSON)
    tooltip = browser.execute_script(
        "var t = document.querySelector('div.vis-tooltip'); return t ? t.textContent : ''")
    panel = browser.execute_script("return document.getElementById('panel-body').textContent")
    assert HOSTILE_PERSON in tooltip and HOSTILE_PERSON in panel  # shown as text ...
    assert "<img src=x onerror=" in panel
    assert browser.execute_script("return window.__pwned") is None  # ... and never run
    assert browser.execute_script("return document.querySelectorAll('img, [onerror]').length") == 0
    assert browser.execute_script("return document.scripts.length") == 3


def test_search_finds_names_without_accents(browser, tmp_path: Path) -> None:
    page = write_page(tmp_path)
    browser.get(page.as_uri())
    wait_ready(browser, timeout=30)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search")
    box.send_keys("pham thien nghia", Keys.ENTER)
    time.sleep(0.6)
    selected = browser.execute_script(
        "return kgNetwork.getSelectedNodes().map(function (id) { return kgNetwork.body.data.nodes.get(id).tip.label; })")
    assert selected == ["Phạm Thiện Nghĩa"]
    assert "1 match" in browser.find_element(By.ID, "hits").text


def test_labels_readable_at_default_zoom(browser, tmp_path: Path) -> None:
    """300 nodes fitted into the window: labels stay 13 px (vis drew them at ≈3 px), do not
    overlap, and the people and hubs are among them; zooming in shows more, same size."""
    page = write_page(tmp_path, graph=synthetic(tmp_path, 900))
    browser.get(page.as_uri())
    wait_ready(browser, timeout=30)
    labels = drawn_labels(browser)
    nodes = [lab for lab in labels if lab["kind"] == "node"]
    assert len(nodes) >= 30
    assert min(lab["size"] for lab in nodes) >= 13
    assert min(lab["size"] for lab in labels) >= 11
    assert overlapping(labels) == []
    assert sum(lab["type"] == "Person" for lab in nodes) >= 8
    browser.execute_script("kgNetwork.moveTo({scale: kgNetwork.getScale() * 3});")
    time.sleep(0.3)
    closer = drawn_labels(browser)
    assert min(lab["size"] for lab in closer if lab["kind"] == "node") >= 13
    assert overlapping(closer) == []
    roles = [lab for lab in closer if lab["kind"] == "edge"]
    assert roles and min(lab["size"] for lab in roles) >= 11  # "Chủ tịch", "Bí thư" on the edges


def test_same_name_nodes_differ_on_screen(browser, tmp_path: Path) -> None:
    page = write_page(tmp_path, graph=twins(tmp_path))
    browser.get(page.as_uri())
    wait_ready(browser, timeout=30)
    committees = {lab["text"] for lab in drawn_labels(browser) if lab["text"].startswith("Tỉnh ủy")}
    assert len(committees) == 2 and "Tỉnh ủy · Ninh Bình" in committees


@pytest.mark.slow
def test_five_thousand_nodes_settle(browser, tmp_path: Path) -> None:
    page = write_page(tmp_path, "--max-nodes", "0", graph=synthetic(tmp_path, 5150))
    browser.get(page.as_uri())
    seconds = wait_ready(browser, timeout=90)
    assert browser.execute_script("return kgNetwork.body.data.nodes.length") >= 5000
    assert canvas_colours(browser) > 50
    assert seconds < 60, f"layout took {seconds:.1f} s"


def test_notebook_output_draws_inside_its_sandbox(browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    from kg.jupyter import network_html

    page = tmp_path / "notebook-output.html"
    # a notebook cell is about 900 px wide; the page inside fits the whole graph into it
    page.write_text('<!DOCTYPE html><meta charset="utf-8"><body style="width:900px">'
                    + network_html(synthetic(tmp_path, 120)) + "</body>", encoding="utf-8")
    browser.get(page.as_uri())
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        wait_ready(browser, timeout=30)
        assert canvas_colours(browser) > 50
        labels = drawn_labels(browser)  # were ≈5 px: fitted into the cell, then scaled down
        assert len(labels) >= 15 and min(lab["size"] for lab in labels) >= 11
        assert overlapping(labels) == []
    finally:
        browser.switch_to.default_content()
