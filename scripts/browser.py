"""Open a generated page in headless Chromium (selenium) and take its picture.

Used by tests/test_browser.py and to refresh docs/graph.png:

    .venv/bin/python scripts/browser.py graph.html docs/graph.png
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1")


def chromium_paths() -> tuple[str, str] | None:
    """(browser, driver) when both are installed, else None."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@contextmanager
def chromium(width: int = 1400, height: int = 900) -> Iterator["object"]:
    """A headless Chromium driven by selenium, with a fresh profile that is removed afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    paths = chromium_paths()
    if paths is None:
        raise RuntimeError("chromium and chromedriver are not installed (scripts/system-deps.sh)")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = paths[0]
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},{height}")
        driver = webdriver.Chrome(service=Service(paths[1]), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def wait_ready(driver, timeout: float = 60.0) -> float:
    """Seconds until the page says its layout settled (``body[data-ready]``)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if driver.execute_script("return document.body && document.body.dataset.ready === '1'"):
            return time.monotonic() - start
        time.sleep(0.1)
    raise TimeoutError(f"page did not settle within {timeout} s")


def canvas_colours(driver, timeout: float = 10.0) -> int:
    """How many distinct colours a sample of the network canvas holds (1 = blank). The page says it is
    ready when its layout has settled; the canvas may be painted a frame later, so a blank canvas is
    looked at again until ``timeout``."""
    start = time.monotonic()
    while True:
        n = _colours(driver)
        if n > 1 or time.monotonic() - start >= timeout:
            return n
        time.sleep(0.2)


def _colours(driver) -> int:
    return driver.execute_script("""
        var c = document.querySelector('#net canvas');
        var ctx = c.getContext('2d');
        var d = ctx.getImageData(0, 0, c.width, c.height).data;
        var seen = {}, n = 0;
        for (var i = 0; i < d.length; i += 4 * 7) {
            var k = d[i] + ',' + d[i + 1] + ',' + d[i + 2] + ',' + d[i + 3];
            if (!seen[k]) { seen[k] = 1; n++; }
        }
        return n;
    """)


def screenshot(html: Path, png: Path, width: int = 1500, height: int = 1000) -> float:
    """Render ``html`` and save a PNG; returns the seconds the layout took to settle."""
    with chromium(width, height) as driver:
        driver.get(Path(html).resolve().as_uri())
        seconds = wait_ready(driver)
        time.sleep(0.5)
        driver.save_screenshot(str(png))
        return seconds


if __name__ == "__main__":
    took = screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"settled in {took:.1f} s; wrote {sys.argv[2]}")
