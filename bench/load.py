"""Load test: a class on one link — many sessions changing widgets at once.

Sessions speak Streamlit's browser protocol (``bench/stclient.py``: page load,
cookies, websocket, ``BackMsg`` rerun requests, ``ForwardMsg`` deltas up to
``script_finished``), without rendering, so the client costs little and
latency is the server's: request, script (or fragment) run, messages back.

Scenarios (each prints a markdown table; several can be combined):

- **rounds** (``--rounds 1,10,30,40``): that many sessions, spread over the
  lab's pages, open at once; then, for ``--seconds``, each makes a change and
  waits for its run to finish, then thinks ``--think`` s ± ``--jitter``
  (uniform). ``--mix realistic``: 70 % a widget in the page's main area set to
  a random allowed value (discovered from the deltas; a widget in a fragment
  reruns its fragment, as in the browser), 20 % a seed change, 10 % a page
  switch (carrying the seed, like the sidebar links). ``--mix seed``: seed
  changes only. Reported per round: changes, throughput, latency p50/p95
  (request → ``script_finished`` of that run), errors (exception elements,
  timeouts, dropped sockets), messages and KB per change, server CPU per
  change (utime+stime of the server processes, from ``/proc``), the load
  client's own CPU per change, resident memory before → after (sessions still
  open), memory per session as an upper bound (RSS with the round's sessions
  open minus RSS of the warmed-up server with none, over the sessions: caches
  the sessions filled, and sessions of earlier rounds not yet expired
  (``server.disconnectedSessionTTL``), count against them), sessions per
  replica (the balancer's cookie).
- **join** (``--join 30,40``): after the teacher's tab has opened the link
  (``--join-page``), that many sessions open it within the same instant; time
  until each first page has finished running (page GET, health, websocket,
  first run; ``--assets``: also the scripts and styles the page lists, as on a
  first visit), p50/p95/max.
- **soak** (``--soak 600``): ``--soak-sessions`` sessions on the realistic mix
  for that many seconds; resident memory sampled every ``--sample`` s.

Servers: by default one ``streamlit run`` process on a free loopback port
(``--replicas 2``: two behind Debian's HAProxy, ``deploy/haproxy-loopback.cfg``);
``--config runner.postScriptGC=false`` passes Streamlit options. Or point it at
a running app or balancer: ``--url http://127.0.0.1:8501 --server-pid PID
[--server-pid PID2 ...]`` (CPU and memory are summed over the pids). The server
is left to go idle before each round. ``--client browser`` drives Debian's
Chromium instead (seed mix only; on two cores the browsers compete with the
server for the same cores).

Run (the README's tables):
``python bench/load.py --mix realistic --rounds 1,10,30,40 --seconds 60 --join 30,40``,
``python bench/load.py --mix seed --rounds 30 --seconds 60``,
``python bench/load.py --soak 600``.
Traffic goes to 127.0.0.1 only and every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import dataclasses
import os
import random
import statistics
import sys
import time

from _util import p95, table
from cluster import serve, wait_healthy
from stclient import RunResult, Session

from lab.registry import PAGES

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]

#: Pages sessions are spread over and switch between (Home has no widgets of its own).
URL_PATHS = [p.url_path for p in PAGES if p.id != "home"]
MIXES = {"realistic": (("widget", 0.7), ("seed", 0.2), ("page", 0.1)), "seed": (("seed", 1.0),)}


# -- the server's processes ----------------------------------------------------
def rss_mb(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with open(f"/proc/{pid}/status") as f:
            total += next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
    return total


def cpu_seconds(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    return total


def wait_idle(pids: list[int], timeout: float = 60.0) -> None:
    """Wait (bounded) until the servers stop using CPU: runs queued by the last round have finished."""
    deadline = time.monotonic() + timeout
    last = cpu_seconds(pids)
    while time.monotonic() < deadline:
        time.sleep(1.0)
        now = cpu_seconds(pids)
        if now - last < 0.05 * len(pids):
            return
        last = now


# -- one simulated student -----------------------------------------------------
@dataclasses.dataclass
class Tally:
    """What a round's sessions did."""

    opens: list[float] = dataclasses.field(default_factory=list)
    changes: list[tuple[str, RunResult]] = dataclasses.field(default_factory=list)
    what: list[str] = dataclasses.field(default_factory=list)  # per change: page, widget and value
    errors: list[str] = dataclasses.field(default_factory=list)
    replicas: collections.Counter = dataclasses.field(default_factory=collections.Counter)
    end: float = 0.0  # monotonic end of the change phase (set when all sessions have opened)


async def student(url: str, page: str, index: int, args, tally: Tally, opened: asyncio.Event,
                  go: asyncio.Event, mix: str) -> None:
    """Open ``page``, wait for the whole class to be in, then change things until the round ends."""
    rng = random.Random(f"{args.seed}.{index}")
    session = Session(url, page, timeout=args.timeout)
    try:
        first = await session.open(assets=args.assets)
    except Exception as exc:  # noqa: BLE001 - a refused or stuck page load is a measured error
        tally.errors.append(f"open /{page}: {type(exc).__name__}: {exc}"[:160])
        opened.set()
        with contextlib.suppress(Exception):
            await session.close()
        return
    tally.opens.append(first.ms)
    tally.errors += [f"/{page}: {e}" for e in first.exceptions]
    tally.replicas[session.replica or "—"] += 1
    opened.set()
    seed = None
    try:
        await go.wait()
        await asyncio.sleep(rng.uniform(0, args.think))  # students do not act in step
        kinds, weights = zip(*MIXES[mix])
        while time.monotonic() < tally.end:
            kind = rng.choices(kinds, weights)[0]
            widgets = session.main_widgets() if kind == "widget" else []
            if kind == "widget" and not widgets:
                kind = "seed"
            if kind == "seed" and session.seed_widget() is None:
                # The last run failed before the sidebar was drawn: the student reloads the page.
                tally.errors.append(f"/{session.page}: no seed widget after the last run (page reloaded)")
                kind = "page"
                target = session.page
            else:
                target = rng.choice([p for p in URL_PATHS if p != session.page])
            before = session.page
            if kind == "widget":
                widget = rng.choice(widgets)
                result = await session.change(widget, rng)
                what = f"{widget.proto.label!r} = {session.values.get(widget.id)!r}"
            elif kind == "seed":
                seed = rng.randrange(1_000_000)
                result = await session.set_seed(seed)
                what = f"seed {seed}"
            else:
                result = await session.switch_page(target, f"seed={seed}" if seed is not None else "")
                what = f"→ /{target}"
            tally.changes.append((kind, result))
            tally.what.append(f"/{before} {kind}: {what}"[:140])
            tally.errors += [f"/{session.page} {kind}: {e}" for e in result.exceptions]
            await asyncio.sleep(args.think * rng.uniform(1 - args.jitter, 1 + args.jitter))
    except (asyncio.TimeoutError, TimeoutError):
        tally.errors.append(f"timeout (> {args.timeout:g} s) on /{session.page}")
    except Exception as exc:  # noqa: BLE001 - a dropped session is a measured error
        tally.errors.append(f"{type(exc).__name__} on /{session.page}: {exc}"[:160])
    finally:
        with contextlib.suppress(Exception):
            await session.close()


async def browser_student(browser, url: str, index: int, args, tally: Tally) -> None:
    """``--client browser``: one Chromium context changing the seed in the sidebar."""
    context = await browser.new_context(viewport={"width": 1200, "height": 900})
    page = await context.new_page()
    rng = random.Random(f"{args.seed}.{index}")
    try:
        t0 = time.perf_counter()
        await page.goto(url, timeout=60_000)
        await page.wait_for_selector('[data-testid="stSidebar"] a', timeout=60_000)
        tally.opens.append((time.perf_counter() - t0) * 1e3)
        field = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInputField"]')
        while time.monotonic() < tally.end:
            seed = rng.randrange(1_000_000)
            t0 = time.perf_counter()
            await field.fill(str(seed))
            await field.press("Enter")
            try:
                await page.wait_for_selector(f'[data-testid="stSidebar"] a[href*="seed={seed}"]', timeout=30_000)
            except Exception:  # noqa: BLE001 - a timeout is a measured error
                tally.errors.append(f"timeout on {url}")
                continue
            ms = (time.perf_counter() - t0) * 1e3
            tally.changes.append(("seed", RunResult(ms=ms, status=0, messages=0, nbytes=0)))
            tally.what.append(f"{url} seed {seed}")
            if await page.locator('[data-testid="stException"]').count():
                tally.errors.append(f"exception on {url}")
            await asyncio.sleep(args.think * rng.uniform(1 - args.jitter, 1 + args.jitter))
    except Exception as exc:  # noqa: BLE001
        tally.errors.append(f"{type(exc).__name__} on {url}")
    finally:
        await context.close()


# -- scenarios -------------------------------------------------------------------
@dataclasses.dataclass
class Round:
    sessions: int
    seconds: float
    tally: Tally
    cpu_s: float
    client_cpu_s: float
    rss_base: float  # the servers with the code loaded and no live session (after warm-up)
    rss_before: float
    rss_after: float
    samples: list[tuple[float, float, int]]  # (t s, RSS MB, changes so far)

    @property
    def ms(self) -> list[float]:
        return [r.ms for _, r in self.tally.changes]


def _fmt(values: list[float], fn) -> str:
    return f"{fn(values):.0f}" if values else "—"


def _replicas(counter: collections.Counter) -> str:
    if set(counter) <= {"—"}:
        return "—"
    return " / ".join(f"{k} {v}" for k, v in sorted(counter.items()))


async def run_round(url: str, pids: list[int], sessions: int, seconds: float, args, mix: str,
                    sample_every: float | None = None) -> Round:
    """Open ``sessions`` at once, then let them change things for ``seconds``."""
    tally = Tally()
    rss_before = rss_mb(pids)
    rss_base = getattr(args, "rss_base", None) or rss_before
    go = asyncio.Event()
    if args.client == "browser":
        from playwright.async_api import async_playwright

        async with async_playwright() as pw:
            browser = await pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            tally.end = time.monotonic() + seconds
            cpu0, client0, t0 = cpu_seconds(pids), time.process_time(), time.monotonic()
            await asyncio.gather(*[browser_student(browser, f"{url}/{URL_PATHS[i % len(URL_PATHS)]}", i, args, tally)
                                   for i in range(sessions)])
            await browser.close()
        return Round(sessions, time.monotonic() - t0, tally, cpu_seconds(pids) - cpu0,
                     time.process_time() - client0, rss_base, rss_before, rss_mb(pids), [])
    flags = [asyncio.Event() for _ in range(sessions)]
    tasks = [asyncio.create_task(student(url, URL_PATHS[i % len(URL_PATHS)], i, args, tally, flags[i], go, mix))
             for i in range(sessions)]
    await asyncio.gather(*(f.wait() for f in flags))
    cpu0, client0, t0 = cpu_seconds(pids), time.process_time(), time.monotonic()
    tally.end = t0 + seconds
    go.set()
    samples = []
    if sample_every:
        while not all(t.done() for t in tasks):
            await asyncio.wait(tasks, timeout=sample_every)
            samples.append((time.monotonic() - t0, rss_mb(pids), len(tally.changes)))
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - t0
    return Round(sessions, elapsed, tally, cpu_seconds(pids) - cpu0, time.process_time() - client0,
                 rss_base, rss_before, rss_mb(pids), samples)


def round_row(r: Round, mix: str) -> list:
    changes = r.tally.changes
    n = len(changes)
    return [
        mix, r.sessions, n, f"{n / r.seconds:.1f}", _fmt(r.ms, statistics.median), _fmt(r.ms, p95),
        len(r.tally.errors),
        f"{1e3 * r.cpu_s / n:.0f}" if n else "—",
        f"{1e3 * r.client_cpu_s / n:.0f}" if n else "—",
        f"{statistics.mean(c.messages for _, c in changes):.0f}" if n else "—",
        f"{statistics.mean(c.nbytes for _, c in changes) / 1e3:.0f}" if n else "—",
        f"{r.rss_before:.0f}", f"{r.rss_after:.0f}", f"{(r.rss_after - r.rss_base) / r.sessions:.1f}",
        _replicas(r.tally.replicas),
    ]


ROUND_HEADER = ["mix", "sessions", "changes", "changes/s", "p50 ms", "p95 ms", "errors", "server CPU/change ms",
                "client CPU/change ms", "msgs/change", "KB/change", "RSS before MB", "after MB",
                "MB per session (≤)", "sessions per replica"]


def kind_rows(r: Round) -> list[list]:
    rows = []
    for kind in ("widget", "seed", "page"):
        runs = [c for k, c in r.tally.changes if k == kind]
        if runs:
            ms = [c.ms for c in runs]
            rows.append([r.sessions, kind, len(runs), f"{sum(c.fragment for c in runs)}",
                         _fmt(ms, statistics.median), _fmt(ms, p95),
                         f"{statistics.mean(c.messages for c in runs):.0f}",
                         f"{statistics.mean(c.nbytes for c in runs) / 1e3:.0f}"])
    return rows


async def join(url: str, pids: list[int], sessions: int, page: str, args) -> list:
    """``sessions`` open the same link at the same instant; time to each first page complete."""
    tally = Tally()
    pages = [page] * sessions if page != "*" else [URL_PATHS[i % len(URL_PATHS)] for i in range(sessions)]
    clients = [Session(url, p, timeout=args.timeout) for p in pages]

    async def one(client: Session) -> None:
        try:
            first = await client.open(assets=args.assets)
            tally.opens.append(first.ms)
            tally.errors += first.exceptions
            tally.replicas[client.replica or "—"] += 1
        except Exception as exc:  # noqa: BLE001
            tally.errors.append(f"{type(exc).__name__}: {exc}"[:160])

    async with Session(url, pages[0], timeout=args.timeout) as teacher:  # the teacher's tab, opened first
        await teacher.open()
    await asyncio.sleep(1.0)
    cpu0 = cpu_seconds(pids)
    try:
        await asyncio.gather(*(one(c) for c in clients))
    finally:
        await asyncio.gather(*(c.close() for c in clients), return_exceptions=True)
    return [sessions, page, len(tally.opens), _fmt(tally.opens, statistics.median), _fmt(tally.opens, p95),
            _fmt(tally.opens, max), len(tally.errors), f"{cpu_seconds(pids) - cpu0:.1f}", _replicas(tally.replicas)]


# -- command line ----------------------------------------------------------------
async def warm_up(urls: list[str]) -> None:
    """Open every page once on each server, so that "before" memory has the lab's code loaded."""
    for url in urls:
        for path in ["", *URL_PATHS]:
            async with Session(url, path) as session:
                await session.open()


@contextlib.contextmanager
def target(args):
    """The URL and server pids to load: given (``--url``/``--server-pid``) or started here, warmed up."""
    if args.url:
        if not args.server_pid:
            sys.exit("--url needs --server-pid (one per app process) for CPU and memory")
        url = args.url.rstrip("/")
        wait_healthy(url, timeout=30)
        if args.warm_up:
            asyncio.run(warm_up([url]))
        yield url, args.server_pid, "given"
        return
    options = dict(kv.split("=", 1) for kv in args.config)
    with serve(args.replicas, options=options) as cluster:
        if args.warm_up:
            asyncio.run(warm_up(cluster.app_urls))
        how = f"{args.replicas} process(es)" + (" behind HAProxy" if args.replicas > 1 else "")
        yield cluster.url, cluster.pids, how


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mix", choices=sorted(MIXES), default="realistic", help="what each change is")
    parser.add_argument("--rounds", default="", help="concurrent sessions per round, e.g. 1,10,30,40")
    parser.add_argument("--seconds", type=float, default=60.0, help="duration of each round's changes")
    parser.add_argument("--think", type=float, default=3.0, help="pause after each change, seconds")
    parser.add_argument("--jitter", type=float, default=0.3, help="think time ± this fraction (uniform)")
    parser.add_argument("--join", default="", help="sessions opening the link at once, e.g. 30,40")
    parser.add_argument("--join-page", default="sampling", help="the shared link's page ('*': spread over pages)")
    parser.add_argument("--assets", action="store_true",
                        help="page loads also fetch the scripts and styles the HTML lists (a first visit)")
    parser.add_argument("--soak", type=float, default=0.0, help="soak duration, seconds (realistic mix)")
    parser.add_argument("--soak-sessions", type=int, default=30)
    parser.add_argument("--sample", type=float, default=30.0, help="soak memory sampling period, seconds")
    parser.add_argument("--client", choices=("ws", "browser"), default="ws", help="websocket protocol or chromium")
    parser.add_argument("--replicas", type=int, choices=(1, 2), default=1, help="app processes to start")
    parser.add_argument("--config", action="append", default=[], metavar="OPTION=VALUE",
                        help="Streamlit option for the started servers, e.g. runner.postScriptGC=false")
    parser.add_argument("--url", help="load a running app or balancer instead of starting one")
    parser.add_argument("--server-pid", type=int, action="append", default=[], help="app process id (repeat)")
    parser.add_argument("--timeout", type=float, default=60.0, help="a run not finished by then is an error")
    parser.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                        help="do not open every page once before measuring")
    parser.add_argument("--slowest", type=int, default=15, help="list this many slowest changes of the largest round")
    parser.add_argument("--seed", type=int, default=14, help="seed of the simulated students' choices")
    args = parser.parse_args(argv)
    if args.client == "browser" and args.mix != "seed":
        parser.error("--client browser supports --mix seed only")
    if not (args.rounds or args.join or args.soak):
        args.rounds = "1,10,30,40"

    with target(args) as (url, pids, how):
        wait_idle(pids)
        args.rss_base = rss_mb(pids)
        print(f"server: {how}, {len(pids)} pid(s) {pids}; client: {args.client}; mix: {args.mix}; "
              f"think {args.think:g} s ± {100 * args.jitter:.0f} %; {args.seconds:g} s per round; "
              f"options: {' '.join(args.config) or 'defaults'}; page assets: {'yes' if args.assets else 'no'}\n")
        if args.join:
            rows = []
            for n in (int(x) for x in args.join.split(",")):
                wait_idle(pids)
                rows.append(asyncio.run(join(url, pids, n, args.join_page, args)))
            print("Opening the link together (first page complete: page load, websocket, first run):\n")
            print(table(["sessions", "page", "completed", "p50 ms", "p95 ms", "max ms", "errors",
                         "server CPU s", "sessions per replica"], rows) + "\n")
        if args.rounds:
            rounds = []
            for n in (int(x) for x in args.rounds.split(",")):
                wait_idle(pids)
                rounds.append(asyncio.run(run_round(url, pids, n, args.seconds, args, args.mix)))
            print(table(ROUND_HEADER, [round_row(r, args.mix) for r in rounds]) + "\n")
            print("By kind of change (fragment: runs that were fragment reruns):\n")
            print(table(["sessions", "change", "count", "fragment", "p50 ms", "p95 ms", "msgs", "KB"],
                        [row for r in rounds for row in kind_rows(r)]) + "\n")
            _print_slowest(rounds, args.slowest)
            _print_errors(rounds)
        if args.soak:
            wait_idle(pids)
            r = asyncio.run(run_round(url, pids, args.soak_sessions, args.soak, args, "realistic",
                                      sample_every=args.sample))
            print(f"Soak: {args.soak_sessions} sessions, realistic mix, {args.soak:g} s\n")
            print(table(["t s", "server RSS MB", "changes so far"],
                        [[f"{t:.0f}", f"{m:.0f}", c] for t, m, c in r.samples]) + "\n")
            print(table(ROUND_HEADER, [round_row(r, "realistic")]) + "\n")
            warm = [m for t, m, _ in r.samples if t >= min(120.0, args.soak / 4)]
            if len(warm) >= 2:
                print(f"RSS after warm-up: {warm[0]:.0f} → {warm[-1]:.0f} MB ({warm[-1] - warm[0]:+.0f} MB), "
                      f"max {max(warm):.0f} MB\n")
            _print_errors([r])


def _print_slowest(rounds: list[Round], count: int) -> None:
    """The slowest changes of the largest round: which pages and settings make the tail."""
    if not count or not rounds:
        return
    r = max(rounds, key=lambda r: r.sessions)
    worst = sorted(zip(r.ms, r.tally.what), reverse=True)[:count]
    print(f"Slowest changes at {r.sessions} sessions:\n")
    print(table(["ms", "change"], [[f"{ms:.0f}", what] for ms, what in worst]) + "\n")


def _print_errors(rounds: list[Round]) -> None:
    errors = collections.Counter(e for r in rounds for e in r.tally.errors)
    for message, count in errors.most_common(10):
        print(f"- {count}× {message}")


if __name__ == "__main__":
    main()
