"""One app process vs two replicas behind HAProxy on loopback, at saturation.

Runs the same load rounds (``bench/load.py``'s simulated class, realistic mix
by default, every client from 127.0.0.1) against one ``streamlit run`` process
and then against two behind Debian's HAProxy (``deploy/haproxy-loopback.cfg``,
cookie affinity), and reports throughput (changes/s), latency, errors, CPU per
change and sessions per replica, then the throughput ratio.

Saturation means more requests than the server can finish: the default think
time (1 s ± 30 %) with 40 sessions offers up to ~40 changes/s, well above what
one process (or two) completes, so throughput is the servers' capacity. On a
2-core machine the load client shares the cores (its CPU per change is
reported), which caps the ratio below 2.

Run: ``python bench/replicas.py [--sessions 40] [--seconds 60] [--think 1] [--mix realistic]``
"""

from __future__ import annotations

import argparse
import asyncio

from _util import table
from cluster import serve
from load import MIXES, ROUND_HEADER, _print_errors, round_row, rss_mb, run_round, wait_idle, warm_up


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", default="40", help="concurrent sessions per round, e.g. 40,60")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--jitter", type=float, default=0.3)
    parser.add_argument("--mix", choices=sorted(MIXES), default="realistic")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    args.client, args.assets = "ws", False
    counts = [int(x) for x in args.sessions.split(",")]
    rows, throughput = [], {}
    for replicas in (1, 2):
        with serve(replicas) as cluster:
            asyncio.run(warm_up(cluster.app_urls))
            wait_idle(cluster.pids)
            args.rss_base = rss_mb(cluster.pids)
            for n in counts:
                wait_idle(cluster.pids)
                r = asyncio.run(run_round(cluster.url, cluster.pids, n, args.seconds, args, args.mix))
                rows.append([replicas, *round_row(r, args.mix)])
                throughput[replicas, n] = (len(r.tally.changes) / r.seconds, r)
    print(f"mix: {args.mix}; think {args.think:g} s ± {100 * args.jitter:.0f} %; {args.seconds:g} s per round; "
          "all clients from 127.0.0.1\n")
    print(table(["replicas", *ROUND_HEADER], rows) + "\n")
    ratio_rows = []
    for n in counts:
        (one, r1), (two, r2) = throughput[1, n], throughput[2, n]
        ratio_rows.append([n, f"{one:.1f}", f"{two:.1f}", f"{two / one:.2f}×" if one else "—",
                           len(r1.tally.errors) + len(r2.tally.errors)])
    print(table(["sessions", "1 process changes/s", "2 replicas changes/s", "ratio", "errors"], ratio_rows) + "\n")
    _print_errors([r for _, r in throughput.values()])


if __name__ == "__main__":
    main()
