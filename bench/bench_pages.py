"""Script time of every page after a widget change, measured with AppTest.

Script time is the time Streamlit spends executing the page script (the call
that runs the script's code is wrapped with a timer), not AppTest's polling.

For each page (and for heavier URL settings where the page has them) it
reports, over 20 reruns each:
- *seed change*: the seed widget gets a new value, so the core recomputes
  (nothing cached) and every chart is rebuilt: the worst widget change;
- *view rerun*: a rerun with unchanged parameters (cache hits).

Run: ``python bench/bench_pages.py [page id ...]`` (prints a markdown table;
all pages unless ids are given).
"""

from __future__ import annotations

import logging

from _util import ROOT, median, p95, table

from lab.registry import PAGES

# Heavier-than-default settings worth measuring, per page id (URL parameters).
HEAVY = {
    "sampling": [{"n": "1000000"}, {"dist": "binomial", "n": "1000000"}],
    "likelihood": [{"model": "gaussian", "n": "1000000", "view": "surface", "grid": "200"},
                   {"model": "bernoulli", "n": "1000000", "view": "logs"}],
    "estimator_bias": [{"n": "1000"}],
    "optimizers": [{"opt": "SGD,Momentum,Nesterov,AdaGrad,RMSprop,AdaDelta,Adam", "steps": "10000"}],
    "cross_entropy": [{"opt": "SGD,Momentum,Nesterov,AdaGrad,RMSprop,AdaDelta,Adam", "batch": "32"}],
    "softmax": [{"src": "blobs", "k": "6", "n": "2000", "batch": "32", "epochs": "200"}],
}
REPEAT = 20
_SCRIPT_MS: list[float] = []


def _instrument() -> None:
    """Time every script execution inside Streamlit's script runner."""
    import time

    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):
        t0 = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            _SCRIPT_MS.append((time.perf_counter() - t0) * 1e3)

    script_runner.exec_func_with_error_handling = timed


def _script_times(action, repeat: int) -> list[float]:
    _SCRIPT_MS.clear()
    for _ in range(repeat):
        action()
    return list(_SCRIPT_MS)


def measure(path: str, query: dict[str, str]) -> tuple[list[float], list[float]]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    if path != "streamlit_app.py":
        at.switch_page(path)
    for k, v in query.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    seeds = iter(range(1000, 1000 + 10 * REPEAT))

    def change_seed():
        at.number_input(key="seed").set_value(next(seeds)).run()

    change_seed()  # warm-up
    seed_ms = _script_times(change_seed, REPEAT)
    view_ms = _script_times(at.run, REPEAT)
    assert not at.exception, at.exception
    return seed_ms, view_ms


def main(ids: list[str]) -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    _instrument()
    rows = []
    for page in PAGES:
        if ids and page.id not in ids:
            continue
        for query in [{}] + HEAVY.get(page.id, []):
            seed_ms, view_ms = measure(page.path, query)
            label = "&".join(f"{k}={v}" for k, v in query.items()) or "defaults"
            rows.append([page.id, label, f"{median(seed_ms):.0f}", f"{p95(seed_ms):.0f}",
                         f"{median(view_ms):.0f}", f"{p95(view_ms):.0f}"])
    print(table(["page", "settings", "seed change median ms", "p95 ms", "view rerun median ms", "p95 ms"], rows))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
