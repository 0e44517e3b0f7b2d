"""The Inline XBRL page in a real browser: Debian's headless Chromium opens it from disk, without network.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``: JSON
messages ending in NUL on file descriptors 3 and 4), so neither a WebDriver nor a websocket
client is needed. The test moves the mouse over a tagged figure, clicks it, reads the details
panel and saves a screenshot (``$LEGACY_XBRL_SCREENSHOTS`` or the test's temporary folder).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from paths import RELEASE_6K

from converter.pipeline import Options, convert_document, read_input
from converter.serialize.ixbrl import to_ixbrl
from converter.taxonomy import Taxonomy

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--remote-debugging-pipe",
)
TIMEOUT = 60.0

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium; .ci/run installs it)"
)


def _above(fd: int, lowest: int) -> int:
    """The same pipe end on a descriptor number of at least ``lowest``."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, lowest)
    os.close(fd)
    return moved


class Browser:
    """A headless Chromium and one page, spoken to in DevTools protocol commands."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        # Out of the way of 3 and 4, or a redirection below could overwrite the other end.
        to_browser_r, from_browser_w = _above(to_browser_r, 10), _above(from_browser_w, 10)
        # The protocol pipe must be descriptors 3 (commands) and 4 (replies) in the browser.
        self._process = subprocess.Popen(
            ["bash", "-c", f'exec "$0" "$@" 3<&{to_browser_r} 4>&{from_browser_w}', executable, *FLAGS,
             f"--user-data-dir={profile}", "--window-size=1280,800", "about:blank"],
            pass_fds=(to_browser_r, from_browser_w),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self._session: str | None = None

    def close(self) -> None:
        os.close(self._to_browser)
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._from_browser)

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        loaded: dict[str, Any] = json.loads(message)
        return loaded

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send one command (to the page, once attached) and wait for its reply."""
        self._next += 1
        command: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if self._session is not None:
            command["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(command).encode() + b"\0")
        while True:
            message = self._read()
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.events.clear()
        self.send("Page.navigate", url=url)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._read())

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(f"{expression}: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def mouse(self, kind: str, x: float, y: float) -> None:
        self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> None:
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"]))


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    assert CHROMIUM is not None
    # Chromium's helper processes can still be writing the profile as the browser exits: a profile
    # left half-removed is no test failure.
    with tempfile.TemporaryDirectory(prefix="legacy-xbrl-chromium-", ignore_cleanup_errors=True) as profile:
        chromium = Browser(CHROMIUM, Path(profile))
        try:
            yield chromium
        finally:
            chromium.close()


def test_page_in_chromium(browser: Browser, tmp_path: Path, taxonomy: Taxonomy) -> None:
    document = read_input(RELEASE_6K.read_bytes(), RELEASE_6K.name)
    result = convert_document(document, options=Options(cik="1090633"), taxonomy=taxonomy)
    page = tmp_path / f"{RELEASE_6K.stem}.html"
    page.write_bytes(to_ixbrl(result, document))
    browser.open(page.as_uri())

    counts = browser.evaluate(
        "['tagged', 'skipped', 'flagged'].map(k => document.querySelectorAll('pre .fig.' + k).length)"
    )
    assert counts == [sum(len(f.sources) for f in result.facts), len(result.skipped), 0]
    # 428 cells tagged (the 88 of the USD convenience-translation column are skipped), and prose figures.
    assert counts[0] >= 428
    # Tagged and skipped figures look different from the text around them and from each other.
    colours = browser.evaluate(
        "['.fig.tagged', '.fig.skipped', '.ln'].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)"
    )
    assert len(set(colours)) == 3, colours
    assert browser.evaluate("document.getElementById('details').textContent") == "No figure selected."

    # The operating loss of the quarter, line 621: hover, then click.
    box = browser.evaluate(
        "(() => { const el = document.querySelector('#L621 .fig.tagged[title*=\"Unit: JPY\"]');"
        " el.scrollIntoView({block: 'center'}); const r = el.getBoundingClientRect();"
        " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    browser.mouse("mouseMoved", *box)
    hovered = browser.evaluate("document.getElementById('details').innerText")
    browser.mouse("mousePressed", *box)
    browser.mouse("mouseReleased", *box)
    shown = browser.evaluate("document.getElementById('details').innerText")
    for text in (
        "Operating income (loss)",
        "lx:OperatingIncomeLoss",
        "2003-04-01 to 2003-06-30",
        "JPY",
        "-1,059,574,000",
    ):
        assert text in hovered
        assert text in shown
    assert browser.evaluate("document.querySelectorAll('.fig.current').length") == 1
    (loss,) = (f for f in result.facts if f.concept == "OperatingIncomeLoss" and f.value == -1_059_574_000)
    assert browser.evaluate("document.querySelectorAll('.fig.same').length") == len(loss.sources) >= 2

    folder = Path(os.environ.get("LEGACY_XBRL_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{RELEASE_6K.stem}.png"
    browser.screenshot(shot)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")
