"""The UI in a real browser (Playwright driving Debian's Chromium, headless): an article's
hostile title is shown as text in its own cell, nothing is fetched and nothing navigates."""

import contextlib
import http.server
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DAGSTER = Path(sys.executable).with_name("dagster")
WEBSERVER = Path(sys.executable).with_name("dagster-webserver")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def dagster_ui(env: dict):
    """The Dagster UI over the instance and folders `env` names, on a free port, until the
    block ends: its base address."""
    port = _free_port()
    server = subprocess.Popen(
        [str(WEBSERVER), "-h", "127.0.0.1", "-p", str(port), "-m", "pipelines.definitions"],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{base}/server_info", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("the Dagster UI did not start")
                time.sleep(1)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


class _Trap(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (the handler's name is http.server's)
        _Trap.hits.append(self.path)
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def browser():
    playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed here (.ci/run installs it where it can)")
    with playwright.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def ui_with_a_hostile_article(tmp_path):
    """A real run over an article whose title and publisher carry Markdown payloads that
    point at a local trap server, then the Dagster UI over that instance."""
    trap = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trap)
    threading.Thread(target=trap.serve_forever, daemon=True).start()
    _Trap.hits = []
    address = f"http://127.0.0.1:{trap.server_address[1]}"
    raw, out, home = tmp_path / "raw", tmp_path / "out", tmp_path / "home"
    raw.mkdir()
    home.mkdir()
    shutil.copy(REPO / "pipelines" / "instance.yaml", home / "dagster.yaml")
    title = f"![x]({address}/pixel.png)| ok | forged |"
    article = f"{title}\n来源：[点此]({address}/leave)\n全省收入达5亿元，增长5%。\n"
    (raw / "a|b.txt").write_text(article, "utf-8")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "INDICATORS_RAW_DIR": str(raw),
        "INDICATORS_OUTPUT_DIR": str(out),
        "PYTHONPATH": str(REPO),
    }
    run = [str(DAGSTER), "asset", "materialize", "-m", "pipelines.definitions", "--select", "*"]
    subprocess.run(run, cwd=REPO, env=env, check=True, capture_output=True, timeout=300)
    try:
        with dagster_ui(env) as base:
            yield base, title
    finally:
        trap.shutdown()


def test_a_hostile_title_is_shown_as_text_in_its_cell_and_nothing_is_fetched(
    browser, ui_with_a_hostile_article, tmp_path
):
    base, title = ui_with_a_hostile_article
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{base}/assets/raw_articles", wait_until="networkidle")
    skip = page.get_by_role("button", name="Skip")  # the UI's first-visit dialog
    if skip.count():
        skip.click()
    page.get_by_text("preview", exact=True).first.wait_for(timeout=30000)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(tmp_path / "raw_articles.png"), full_page=True)
    assert _Trap.hits == [], f"the UI fetched {_Trap.hits}"
    cell = page.locator("td:not(:has(table))", has_text="pixel.png")  # the preview's own cell
    assert cell.count() == 1 and cell.first.inner_text().replace("\n", "") == title  # as written
    row = page.locator("tr", has=cell.first).last
    header = page.locator("table:has(td:not(:has(table)))", has=cell.first).last.locator("th")
    assert row.locator("td").count() == header.count() == 7  # every cell under its own header
    assert page.locator("img[src*='pixel']").count() == 0
    assert page.locator("a[href*='leave']").count() == 0
    assert page.url == f"{base}/assets/raw_articles"
