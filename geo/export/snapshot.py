"""A PNG snapshot of a rendered page, taken with headless Chromium where it is installed."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from geo.errors import GeoError

log = logging.getLogger(__name__)
_BROWSERS = ("chromium", "chromium-browser", "google-chrome")

# --- PNG -----------------------------------------------------------------------------------


def to_png(
    html: str,
    path: Path,
    *,
    width: int = 1400,
    height: int = 900,
    chromium: str | None = None,
    timeout_s: float = 60,
) -> Path:
    """Screenshot ``html`` (a rendered map page) into a PNG file with headless Chromium.

    Parameters
    ----------
    html
        The page, for example the saved folium map.
    path
        Where to write the PNG; an existing file there is replaced.
    width, height
        The browser window, in pixels.
    chromium
        The browser, as a path or a command name. Else ``$NEWSMAP_CHROMIUM``, else the first
        of ``chromium``, ``chromium-browser`` and ``google-chrome`` on the ``PATH``.
    timeout_s
        How long the browser may take.

    Returns
    -------
    Path
        ``path``, made absolute.

    Raises
    ------
    GeoError
        When there is no browser, or it fails, times out or writes no file; the message ends
        with the tail of the browser's error output.
    """
    browser = _find_browser(chromium)
    path = Path(path).resolve()
    path.unlink(missing_ok=True)  # so a stale file cannot pass for a fresh screenshot
    with tempfile.TemporaryDirectory(prefix="newsmap-png-") as tmp:
        page = Path(tmp) / "map.html"
        page.write_text(html, encoding="utf-8")
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            f"--window-size={width},{height}",
            "--virtual-time-budget=5000",
            f"--screenshot={path}",
            page.as_uri(),
        ]
        log.debug("running %s", command)
        returncode, stderr = _run(command, timeout_s)
    if returncode is None:
        raise GeoError(f"Chromium took longer than {timeout_s:g} s to take the screenshot{stderr}")
    if returncode != 0:
        raise GeoError(f"Chromium failed with exit status {returncode}{stderr}")
    if not path.is_file() or path.stat().st_size == 0:
        raise GeoError(f"Chromium wrote no screenshot to {path}{stderr}")
    return path


def _find_browser(chromium: str | None) -> str:
    configured = chromium or os.environ.get("NEWSMAP_CHROMIUM")
    names = (configured,) if configured else _BROWSERS
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    tried = f" (tried {configured!r})" if configured else ""
    raise GeoError(
        "PNG export needs Chromium: install the 'chromium' package or set NEWSMAP_CHROMIUM" + tried
    )


def _run(command: list[str], timeout_s: float) -> tuple[int | None, str]:
    """Exit status (``None`` on timeout) and the tail of stderr, as a message suffix.

    Chromium starts helper processes, so it runs in its own session and the whole group is
    killed on a timeout."""
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    ) as process:
        try:
            _, err = process.communicate(timeout=timeout_s)
            returncode: int | None = process.returncode
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            try:
                _, err = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:  # a helper left its own process group
                err = b""
            returncode = None
    tail = err.decode("utf-8", "replace").strip()[-1500:]
    return returncode, f": {tail}" if tail else ""
