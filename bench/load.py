"""Load test: many concurrent sessions against one app server.

Starts ``streamlit run`` headless on a free loopback port, then for each round
(10, then 30, then 10 again to look for leaks) opens that many sessions. Each
session opens a page (the registered pages in turn) and, for a fixed, bounded
time, changes the seed widget, waits for the script run to finish, then
"thinks" for ``--think`` seconds. Before each round the server is left to
finish what the previous round queued (it is idle again). It reports per round: widget-change-to-done
latency p50/p95, errors (exception elements, timeouts), and the server's
resident memory before and after, per extra session.

Two kinds of client:

- ``--client ws`` (default): Streamlit's own websocket protocol, what the
  browser speaks (``BackMsg`` rerun requests carrying the widget states,
  ``ForwardMsg`` deltas up to ``script_finished``). Latency is the server's:
  request, script run, and the messages back, without any rendering; the
  client costs almost nothing, so the server has the machine to itself.
- ``--client browser``: Playwright contexts in Debian's chromium (waits until
  the sidebar links carry the new seed, i.e. the rerun has rendered). On a
  small machine the browsers compete with the server for the same cores.

Run: ``python bench/load.py [--client ws|browser] [--seconds 30] [--rounds 10,30,10]
[--think 1.0]`` (prints a markdown table). Traffic goes to 127.0.0.1 only and
every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

from _util import ROOT, p95, table

from lab.registry import PAGES

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def wait_idle(pid: int, timeout: float = 60.0) -> None:
    """Wait (bounded) until the server stops using CPU: runs queued by the last round have finished."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu_seconds(pid)
        if now - last < 0.05:
            return
        last = now


async def ws_session(app: str, page, index: int, seconds: float, think: float, latencies: list,
                     errors: list) -> None:
    """One session over Streamlit's websocket protocol: open ``page``, then change the seed until time is up."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    stream = app.replace("http://", "ws://") + "/_stcore/stream"
    name = page.url_path if page.path != "streamlit_app.py" else ""
    try:
        async with websockets.connect(stream, subprotocols=["streamlit"], max_size=None,
                                      open_timeout=60) as ws:
            async def rerun(widgets: list) -> str | None:
                """Request a run with ``widgets``; return the seed widget's id, once finished."""
                back = BackMsg()
                back.rerun_script.page_name = name
                back.rerun_script.widget_states.widgets.extend(widgets)
                await ws.send(back.SerializeToString())
                seed_id = None
                while True:
                    msg = ForwardMsg()
                    msg.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
                    kind = msg.WhichOneof("type")
                    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                        element = msg.delta.new_element
                        which = element.WhichOneof("type")
                        if which == "exception":
                            errors.append(f"exception on {page.id}: {element.exception.message[:80]}")
                        elif which == "number_input" and element.number_input.id.endswith("-seed"):
                            seed_id = element.number_input.id
                    elif kind == "script_finished":
                        return seed_id

            seed_id = await rerun([])
            if seed_id is None:
                errors.append(f"no seed widget on {page.id}")
                return
            deadline = time.monotonic() + seconds
            seed = 1000 + 1000 * index
            while time.monotonic() < deadline:
                seed += 1
                t0 = time.perf_counter()
                await rerun([WidgetState(id=seed_id, int_value=seed)])
                latencies.append((time.perf_counter() - t0) * 1e3)
                await asyncio.sleep(think)
    except Exception as exc:  # noqa: BLE001 - a dropped or stuck session is a measured error
        errors.append(f"{type(exc).__name__} on {page.id}")


async def session(browser, url: str, index: int, seconds: float, think: float, latencies: list,
                  errors: list) -> None:
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    try:
        await page.goto(url, timeout=60_000)
        await page.wait_for_selector('[data-testid="stSidebar"] a', timeout=60_000)
        field = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInputField"]')
        deadline = time.monotonic() + seconds
        seed = 1000 + 1000 * index
        while time.monotonic() < deadline:
            seed += 1
            t0 = time.perf_counter()
            await field.fill(str(seed))
            await field.press("Enter")
            try:
                await page.wait_for_selector(f'[data-testid="stSidebar"] a[href*="seed={seed}"]', timeout=30_000)
            except Exception:  # noqa: BLE001 - a timeout is a measured error
                errors.append(f"timeout on {url}")
                continue
            latencies.append((time.perf_counter() - t0) * 1e3)
            if await page.locator('[data-testid="stException"]').count():
                errors.append(f"exception on {url}")
            await asyncio.sleep(think)
    except Exception as exc:  # noqa: BLE001
        errors.append(f"{type(exc).__name__} on {url}")
    finally:
        await context.close()


async def run_round(app: str, pid: int, client: str, sessions: int, seconds: float, think: float) -> list:
    latencies: list[float] = []
    errors: list[str] = []
    before = rss_mb(pid)
    pages = [p for p in PAGES if p.id != "home"]
    if client == "ws":
        await asyncio.gather(*[
            ws_session(app, pages[i % len(pages)], i, seconds, think, latencies, errors) for i in range(sessions)
        ])
    else:
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            await asyncio.gather(*[
                session(browser, f"{app}/{pages[i % len(pages)].url_path}", i, seconds, think, latencies, errors)
                for i in range(sessions)
            ])
            await browser.close()
    after = rss_mb(pid)
    return [
        sessions, len(latencies),
        f"{statistics.median(latencies):.0f}" if latencies else "—",
        f"{p95(latencies):.0f}" if latencies else "—",
        len(errors), f"{before:.0f}", f"{after:.0f}", f"{(after - before) / sessions:+.1f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="duration of each round")
    parser.add_argument("--rounds", default="10,30,10", help="concurrent sessions per round")
    parser.add_argument("--client", choices=("ws", "browser"), default="ws", help="websocket protocol or chromium")
    parser.add_argument("--think", type=float, default=1.0, help="pause after each rerun, seconds")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    app = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{app}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        rows = []
        for n in args.rounds.split(","):
            wait_idle(server.pid)
            rows.append(asyncio.run(run_round(app, server.pid, args.client, int(n), args.seconds, args.think)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(f"client: {args.client}, think time {args.think:g} s, {args.seconds:g} s per round\n")
    print(table(["sessions", "widget changes", "p50 ms", "p95 ms", "errors",
                 "server RSS before MB", "after MB", "per session MB"], rows))


if __name__ == "__main__":
    main()
