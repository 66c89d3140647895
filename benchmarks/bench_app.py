"""The app as a user waits for it: time from ``streamlit run`` to the first drawn map, and
from an edit of the article to the updated map, in a real headless Chromium on loopback.

    PYTHONPATH=. python benchmarks/bench_app.py [--repeat N]

Needs Debian's chromium and the playwright package (the test extra). The gazetteer index is
compiled before timing. The baseline in the same run is the time until Streamlit's page
shell is up (the sidebar is drawn), so the ratio shows what the analysis and map add.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAME = "iframe[title='streamlit_folium.st_folium']"
EDIT = "Floods cut the road between Brisbane and Cairns, Queensland, on Monday."


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port",
               str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=os.environ.copy(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def wait_healthy(url: str) -> None:
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.05)


def one_run(browser: object) -> tuple[float, float, float]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    start = time.perf_counter()
    process = serve(port)
    try:
        wait_healthy(url)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        page.goto(url)
        page.get_by_text("Sample article").wait_for(timeout=120_000)
        shell_ready = time.perf_counter() - start
        frame = page.frame_locator(FRAME)
        frame.locator(".newsmap-length").first.wait_for(timeout=120_000)
        first_map = time.perf_counter() - start
        page.get_by_text("Paste text").click()
        area = page.get_by_label("Article text")
        area.wait_for()
        shell = time.perf_counter()
        area.fill(EDIT)
        area.press("Control+Enter")
        # the new article's map: its three places, and none of the sample's labelled legs
        page.wait_for_function(
            "() => [...document.querySelectorAll('iframe')].some(f => { try {"
            " const d = f.contentDocument;"
            " return d.querySelectorAll('path.leaflet-interactive').length >= 3"
            " && d.querySelectorAll('.newsmap-length').length === 0 } catch (e) {"
            " return false } })",
            timeout=60_000,
        )
        edit = time.perf_counter() - shell
        page.close()
        return first_map, edit, shell_ready
    finally:
        process.terminate()
        process.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        print("Chromium is not installed; nothing measured.")
        return 0
    from playwright.sync_api import sync_playwright

    import geo

    geo.load_gazetteer()  # compiled before timing
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        runs = [one_run(browser) for _ in range(args.repeat)]
        browser.close()
    first = [r[0] for r in runs]
    edit = [r[1] for r in runs]
    shell = [r[2] for r in runs]
    print(f"server start to page shell (baseline) median {statistics.median(shell):5.2f} s")
    print(f"server start to first drawn map  median {statistics.median(first):5.2f} s  "
          f"(runs: {', '.join(f'{x:.2f}' for x in first)})")  # fmt: skip
    print(f"edit to updated map              median {statistics.median(edit):5.2f} s  "
          f"(runs: {', '.join(f'{x:.2f}' for x in edit)})")  # fmt: skip
    ratio = statistics.median(first) / statistics.median(shell)
    print(f"first map / page shell           {ratio:5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
