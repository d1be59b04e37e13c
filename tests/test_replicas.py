"""Two replicas behind HAProxy on loopback, every client from one address.

``deploy/haproxy-loopback.cfg`` (the affinity of ``deploy/haproxy.cfg``) in
front of two ``streamlit run`` processes, driven by the load harness's client
(``bench/stclient.py``), which speaks the browser's protocol and keeps the
cookies it is given. Sessions must split over both replicas although they all
come from 127.0.0.1 (affinity by cookie, not by address), run without errors,
and a session's downloads and uploads must reach the replica that holds it:
the other replica does not know the session and refuses them.

Outside CI the module skips when haproxy is missing; with ``CI=true`` it runs
(``.ci/run`` installs haproxy).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys

import pytest

from bench import cluster
from bench.stclient import AFFINITY_COOKIE, Session
from lab.registry import PAGES
from tests.conftest import ROOT

CI = os.environ.get("CI", "").lower() == "true"

pytestmark = [
    pytest.mark.replicas,
    pytest.mark.skipif(cluster.haproxy() is None and not CI,
                       reason="haproxy not installed (apt-get install haproxy); runs in CI"),
]

SESSIONS = 8
URL_PATHS = [p.url_path for p in PAGES if p.id != "home"]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    log_dir = tmp_path_factory.mktemp("replicas")
    with cluster.serve(2, log_dir=log_dir) as running:
        yield running
    # (logs stay in log_dir for a failed run)


def other(lab: cluster.Cluster, session: Session) -> tuple[str, str]:
    """The replica that does not hold ``session``: its cookie value and direct URL."""
    names = lab.replica_names()
    assert session.replica in names, session.cookies
    i = 1 - names.index(session.replica)
    return names[i], lab.app_urls[i]


def test_sessions_from_one_address_split_over_both_replicas(lab):
    async def scenario():
        sessions = [Session(lab.url, URL_PATHS[i % len(URL_PATHS)]) for i in range(SESSIONS)]
        rng = random.Random(14)
        try:
            firsts = await asyncio.gather(*(s.open() for s in sessions))
            reruns = []
            for s in sessions:
                widgets = s.main_widgets()
                reruns.append(await (s.change(rng.choice(widgets), rng) if widgets else s.set_seed(7)))
                reruns.append(await s.set_seed(rng.randrange(1_000_000)))
            return sessions, firsts, reruns
        finally:
            await asyncio.gather(*(s.close() for s in sessions))

    sessions, firsts, reruns = _run(scenario())
    replicas = [s.replica for s in sessions]
    assert set(replicas) == set(lab.replica_names()), replicas
    for run in firsts + reruns:
        assert run.status is not None and not run.exceptions, run
    assert all(s.session_id for s in sessions)


def test_downloads_reach_the_replica_holding_the_session(lab):
    """A chart export (made on click) and the share box's JSON (made by a fragment rerun)."""

    async def scenario():
        async with Session(lab.url, "sampling") as s:
            first = await s.open()
            chart = next(d for d in s.downloads if d.file_id)  # a chart's export, deferred
            chart_url = await s.media_url(chart.file_id)
            make = next(w for w in s.widgets.values() if w.id.endswith("_lab_share_make"))
            pressed = await s.press(make)
            share = next(d for d in s.downloads if d.id.endswith("_lab_share_json"))
            # The same links, sent to the other replica (a forged cookie, or directly), are unknown there.
            name, direct = other(lab, s)
            forged = Session(lab.url)
            forged.cookies = {**s.cookies, AFFINITY_COOKIE: name}
            got = {}
            for label, url in (("chart", chart_url), ("share", share.url)):
                got[label] = (await s.http("GET", url), await forged.http("GET", url),
                              await Session(direct).http("GET", url))
            return first, pressed, got

    first, pressed, got = _run(scenario())
    assert not first.exceptions
    assert pressed.fragment and not pressed.exceptions, pressed
    for label, (own, forged, direct_other) in got.items():
        assert own.status == 200 and own.body, label
        assert forged.status == 404, label
        assert direct_other.status == 404, label
    payload = json.loads(got["share"][0].body)
    assert payload["page"] == "sampling" and payload["parameters"]


def test_upload_reaches_the_replica_holding_the_session(lab):
    table = "x1,x2,label\n" + "".join(f"{i % 7},{(3 * i) % 5},{i % 2}\n" for i in range(60))

    async def scenario():
        async with Session(lab.url, "cross_entropy", query="src=upload") as s:
            first = await s.open()
            assert s.uploaders, "no file uploader on cross_entropy?src=upload"
            before = {w.proto.label for w in s.main_widgets()}
            put, run = await s.upload(s.uploaders[0], "class.csv", table.encode())
            after = {w.proto.label for w in s.main_widgets()}
            # The other replica does not hold the session: an upload sent there is refused.
            name, direct = other(lab, s)
            stranger = Session(direct)
            stranger.cookies = dict(s.cookies)
            refused = await stranger.http(
                "PUT", f"/_stcore/upload_file/{s.session_id}/{'0' * 32}",
                b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\nx\r\n--b--\r\n",
                {"Content-Type": "multipart/form-data; boundary=b", "X-Xsrftoken": s.cookies["_streamlit_xsrf"]},
            )
            return first, put, run, before, after, refused

    first, put, run, before, after, refused = _run(scenario())
    assert not first.exceptions
    assert put.status == 204
    assert run is not None and run.status is not None and not run.exceptions, run
    assert after - before, "the uploaded table's column pickers did not appear"
    assert refused.status == 400 and b"session" in refused.body.lower()


def test_load_harness_runs_through_the_balancer(lab):
    """bench/load.py against the balancer and both replicas' pids (a smoke test: no figures are checked)."""
    args = [sys.executable, "bench/load.py", "--url", lab.url, "--rounds", "2", "--seconds", "2", "--think", "0.5",
            "--no-warm-up"]
    for pid in lab.pids:
        args += ["--server-pid", str(pid)]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    row = next(line for line in run.stdout.splitlines() if line.startswith("| realistic | 2 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[6] == "0", run.stdout  # errors
    assert cells[-1].startswith("app"), row  # sessions per replica, from the balancer's cookie


def _run(coroutine):
    """``asyncio.run`` in a thread of its own: a browser test in the same worker leaves its event loop running."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
