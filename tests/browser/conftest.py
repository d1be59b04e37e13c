"""A real app server and Debian's chromium driven by Playwright.

Outside CI the browser tests skip with one line when chromium (or playwright)
is missing; with CI=true a missing browser fails the run instead.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
IN_CI = os.environ.get("CI", "").lower() == "true"
# Flags for a closed network, as root, without a GPU (Debian's chromium).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def _missing() -> str | None:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "browser tests need playwright (pip install -r requirements-dev.txt)"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url():
    reason = _missing()
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    port = _free_port()
    log = open(ARTIFACTS.mkdir(exist_ok=True) or ARTIFACTS / "streamlit-server.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"streamlit did not start; see {log.name}")
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="session")
def browser(app_url):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


# The frontend first probes /<page>/_stcore/... for a base path, then falls
# back to /_stcore/...: those 404s are Streamlit's own and harmless.
_BENIGN = re.compile(r"/[^/]+/_stcore/(host-config|health)$")


@pytest.fixture
def page(browser):
    """A fresh browser page that records console errors and failed requests."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text)
          if m.type == "error" and not m.text.startswith("Failed to load resource") else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.on("requestfailed", lambda r: pg.console_errors.append(f"{r.failure}: {r.url}"))
    pg.on("response", lambda r: pg.console_errors.append(f"HTTP {r.status}: {r.url}")
          if r.status >= 400 and not _BENIGN.search(r.url) else None)
    yield pg
    context.close()


def wait_for_script(pg, *, charts: bool = False, timeout_ms: int = 45_000) -> None:
    """Wait until Streamlit has rendered the page and no script run is in progress.

    With ``charts`` also wait for the first chart to be drawn by vega-embed.
    """
    pg.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=timeout_ms)
    # the shell's last sidebar widget: the sidebar has rendered, not just its skeleton
    pg.wait_for_selector('[data-testid="stSidebar"] [data-testid="stNumberInputField"]', timeout=timeout_ms)
    if charts:
        pg.wait_for_selector('[data-testid="stVegaLiteChart"] :is(canvas, svg)', timeout=timeout_ms)
    pg.wait_for_function(
        """() => {
            const running = document.querySelector('[data-testid="stStatusWidget"]');
            const stale = document.querySelector('[data-stale="true"]');
            return !running && !stale;
        }""",
        timeout=timeout_ms,
    )
    pg.wait_for_timeout(300)  # let vega finish its render pass


class Deltas:
    """The ForwardMsgs a page's websocket receives, decoded: what each rerun re-sent.

    ``mark()`` starts a new window; ``since_mark()`` returns the messages
    received since. A rerun of one ``st.fragment`` sends only deltas tagged
    with that fragment's id and ends with ``FINISHED_FRAGMENT_RUN_SUCCESSFULLY``;
    a full rerun sends untagged deltas and ``FINISHED_SUCCESSFULLY``.
    """

    def __init__(self, pg):
        self.messages: list = []
        self._mark = 0
        pg.on("websocket", lambda ws: ws.on("framereceived", self._received))

    def _received(self, payload) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, (bytes, bytearray)):
            msg = ForwardMsg()
            msg.ParseFromString(bytes(payload))
            self.messages.append(msg)

    def mark(self) -> None:
        self._mark = len(self.messages)

    def since_mark(self) -> list:
        return self.messages[self._mark:]

    def deltas(self) -> list:
        return [m.delta for m in self.since_mark() if m.HasField("delta")]

    def finished(self) -> list[str]:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        names = ForwardMsg.ScriptFinishedStatus.Name
        return [names(m.script_finished) for m in self.since_mark() if m.WhichOneof("type") == "script_finished"]


def assert_fragment_rerun(deltas: Deltas) -> None:
    """Everything since the mark was one fragment's rerun: no full rerun, every delta tagged with one fragment."""
    finished = deltas.finished()
    assert finished and set(finished) == {"FINISHED_FRAGMENT_RUN_SUCCESSFULLY"}, finished
    sent = deltas.deltas()
    assert sent, "the fragment sent nothing"
    assert len({d.fragment_id for d in sent}) == 1 and sent[0].fragment_id, {d.fragment_id for d in sent}
