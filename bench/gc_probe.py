"""What garbage collection costs the server under a class's load.

Streamlit runs ``gc.collect(2)`` after every script run, fragment reruns
included (``ScriptRunner._on_script_finished``, option ``runner.postScriptGC``);
the lab freezes its start-up heap (``lab.startup``) so that collection skips
the libraries' objects, but it still walks every live object the sessions
hold. This script starts the app with every collection timed (``gc.callbacks``
and a wrapped ``gc.collect``: wall and thread CPU time), runs one round of
``bench/load.py``'s realistic mix, then reports per variant: the round
(throughput, latency, server CPU per change, memory), the post-run
collections (count, CPU median/p95, share of the server's CPU over the
round, opens included; live tracked objects after them), all collections by generation, peak RSS and the most
common tracked object types.

Run: ``python bench/gc_probe.py [--sessions 30] [--seconds 120] [--variants on,off]``
(``on``: Streamlit's default; ``off``: ``runner.postScriptGC=false``, the
interpreter's own thresholds then decide when to collect).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _serve(out: str, streamlit_args: list[str]) -> None:
    """Inside the server process: time every collection, dump on SIGUSR1, run Streamlit."""
    import gc
    import threading

    sys.path[0] = str(Path(__file__).resolve().parents[1])  # the app's root, as `streamlit run` has it
    explicit: list[tuple[float, float, int]] = []  # gc.collect(): wall ms, CPU ms, live tracked objects after
    by_generation = {g: [0, 0.0, 0.0, 0] for g in range(3)}  # count, wall ms, CPU ms, collected
    started: dict[int, tuple[float, float]] = {}

    def callback(phase, info):
        key = threading.get_ident()
        if phase == "start":
            started[key] = (time.perf_counter(), time.thread_time())
            return
        wall0, cpu0 = started.pop(key, (time.perf_counter(), time.thread_time()))
        entry = by_generation[info["generation"]]
        entry[0] += 1
        entry[1] += (time.perf_counter() - wall0) * 1e3
        entry[2] += (time.thread_time() - cpu0) * 1e3
        entry[3] += info["collected"]

    original = gc.collect

    def collect(generation=2):
        wall0, cpu0 = time.perf_counter(), time.thread_time()
        found = original(generation)
        wall, cpu = (time.perf_counter() - wall0) * 1e3, (time.thread_time() - cpu0) * 1e3
        # counting the live objects costs a walk of its own: every 10th collection only
        explicit.append((wall, cpu, len(gc.get_objects()) if len(explicit) % 10 == 0 else -1))
        return found

    def dump(*_):
        types = collections.Counter(f"{type(o).__module__}.{type(o).__qualname__}" for o in gc.get_objects())
        with open(out, "w") as f:
            json.dump({"explicit": explicit, "by_generation": by_generation, "tracked": len(gc.get_objects()),
                       "frozen": gc.get_freeze_count(), "types": types.most_common(12)}, f)

    gc.callbacks.append(callback)
    gc.collect = collect
    signal.signal(signal.SIGUSR1, dump)
    sys.argv = ["streamlit", "run", "streamlit_app.py", *streamlit_args]
    from streamlit.web.cli import main

    main()


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024


def _dump(server: subprocess.Popen, out: Path) -> dict:
    """Ask the server for its collection statistics so far."""
    out.unlink(missing_ok=True)
    os.kill(server.pid, signal.SIGUSR1)
    for _ in range(100):
        if out.exists() and out.stat().st_size:
            time.sleep(0.2)
            return json.loads(out.read_text())
        time.sleep(0.1)
    raise TimeoutError("the server did not dump its statistics")


def _variant(name: str, args) -> tuple[list, dict, float, float]:
    """One round against a server with (``on``) or without (``off``) Streamlit's post-run collection."""
    from cluster import ROOT, free_port, wait_healthy
    from load import cpu_seconds, round_row, rss_mb, run_round, wait_idle, warm_up

    port = free_port()
    out = Path(tempfile.gettempdir()) / f"gc_probe_{os.getpid()}_{port}.json"
    options = ["--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port)]
    if name == "off":
        options += ["--runner.postScriptGC", "false"]
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(out), *options], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc=server)
        asyncio.run(warm_up([url]))
        wait_idle([server.pid])
        args.rss_base = rss_mb([server.pid])
        before, cpu0 = _dump(server, out), cpu_seconds([server.pid])
        r = asyncio.run(run_round(url, [server.pid], args.sessions, args.seconds, args, "realistic"))
        after, cpu_s = _dump(server, out), cpu_seconds([server.pid]) - cpu0
        # only what happened during the round (session opens included)
        after["explicit"] = after["explicit"][len(before["explicit"]):]
        for g, entry in after["by_generation"].items():
            after["by_generation"][g] = [x - y for x, y in zip(entry, before["by_generation"][g])]
        return [name, *round_row(r, "realistic")], after, _peak_rss_mb(server.pid), cpu_s
    finally:
        server.terminate()
        server.wait(timeout=20)
        out.unlink(missing_ok=True)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--serve":
        _serve(sys.argv[2], sys.argv[3:])
        return
    from _util import p95, table
    from load import ROUND_HEADER

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--variants", default="on,off", help="on: postScriptGC (default), off: disabled")
    parser.add_argument("--think", type=float, default=3.0)
    parser.add_argument("--jitter", type=float, default=0.3)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    args.client, args.assets = "ws", False
    rounds, gc_rows, gen_rows, types = [], [], [], {}
    for name in args.variants.split(","):
        row, d, peak, cpu_s = _variant(name, args)
        rounds.append(row)
        cpu = [c for _, c, _ in d["explicit"]]
        live = [n for _, _, n in d["explicit"] if n >= 0]
        gc_cpu_s = sum(v[2] for v in d["by_generation"].values()) / 1e3
        gc_rows.append([name, len(cpu), f"{statistics.median(cpu):.1f}" if cpu else "—",
                        f"{p95(cpu):.1f}" if cpu else "—", f"{sum(cpu) / 1e3:.1f}",
                        f"{gc_cpu_s:.1f}", f"{100 * gc_cpu_s / cpu_s:.0f} %" if cpu_s else "—",
                        f"{statistics.median(live):.0f}" if live else "—", d["tracked"], d["frozen"], f"{peak:.0f}"])
        for g, (count, wall, cpu_ms, freed) in sorted(d["by_generation"].items()):
            gen_rows.append([name, g, count, f"{cpu_ms / 1e3:.2f}", f"{cpu_ms / max(count, 1):.2f}",
                             f"{wall / max(count, 1):.2f}", freed])
        types[name] = d["types"]
    print(f"{args.sessions} sessions, realistic mix, think {args.think:g} s ± {100 * args.jitter:.0f} %, "
          f"{args.seconds:g} s\n")
    print(table(["postScriptGC", *ROUND_HEADER], rounds) + "\n")
    print(table(["postScriptGC", "post-run collections", "CPU median ms", "p95 ms", "total CPU s",
                 "all collections CPU s", "of server CPU", "live tracked after (median)", "tracked at end",
                 "frozen", "peak RSS MB"], gc_rows) + "\n")
    print(table(["postScriptGC", "generation", "collections", "CPU s", "CPU ms each", "wall ms each", "freed"],
                gen_rows) + "\n")
    for name, common in types.items():
        print(f"tracked objects at the end ({name}): " + ", ".join(f"{t} {n}" for t, n in common))


if __name__ == "__main__":
    main()
