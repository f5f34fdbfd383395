"""The generated page in a real (headless) browser: it draws, it settles, it never runs data."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.commands.explore import viz
from viz_helpers import HOSTILE_PERSON, ROOT, SAMPLE, synthetic

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
    page.write_text('<!DOCTYPE html><meta charset="utf-8"><body>' + network_html(SAMPLE)
                    + "</body>", encoding="utf-8")
    browser.get(page.as_uri())
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        wait_ready(browser, timeout=30)
        assert canvas_colours(browser) > 50
    finally:
        browser.switch_to.default_content()
