"""Hostile URLs and the largest settings, on every page (discovered).

- URL fuzzing: random query strings (wrong types, huge numbers, negative
  sizes, unknown keys, unicode, 10 kB values, repeated keys) never produce an
  exception; every rejected parameter is named in a warning and the page
  still renders its title.
- Resource bound: every page at the maximum of every widget stays under the
  memory bound (tracemalloc peak); time is measured in bench/, not here.
"""

from __future__ import annotations

import os
import tracemalloc

import numpy as np
import pytest

from lab import params as P
from lab.urlstate import GLOBAL_PARAMS, STATE_SPECS
from tests.app.apptest import BY_PATH, open_page, warnings_text
from tests.conftest import page_scripts
from tests.params_examples import extreme, invalid_examples, valid_example

PAGES = page_scripts()
FUZZ_CASES = int(os.environ.get("LAB_FUZZ_CASES", "200"))
#: Peak Python-traced memory one rerun may take (issue: ~150 MB per session).
MEMORY_BOUND_MB = 150

_JUNK = ["", "abc", "-1", "0", "1e308", "-1e308", "nan", "inf", "1.5", "9" * 40, "日本語", "💥",
         "%00", "<script>", "true", "a,b", ",", "0x1F", " 1", "x" * 10_000]


def _specs(path):
    at = open_page(path)
    return (*GLOBAL_PARAMS, *at.session_state[STATE_SPECS])


def _random_query(rng, specs, page_id):
    query, bad = {}, set()
    for spec in specs:
        roll = rng.random()
        if roll < 0.4:
            continue
        # Valid non-default values are few (each one recomputes the page; they
        # are covered one by one in test_pages.py): the point here is junk.
        if roll < 0.45 and valid_example(spec, page_id) is not None:
            query[spec.name] = spec.to_url(valid_example(spec, page_id))
        elif roll < 0.9:
            query[spec.name] = str(rng.choice(_JUNK + invalid_examples(spec)))
        else:  # repeated key
            query[spec.name] = [spec.to_url(spec.default), str(rng.choice(_JUNK))]
    for _ in range(int(rng.integers(0, 3))):  # unknown keys
        query[f"u{rng.integers(1000)}{rng.choice(['', '日本', '_x'])}"] = str(rng.choice(_JUNK))
    for spec in specs:
        values = query.get(spec.name)
        if values is None:
            continue
        try:
            P.parse_raw(spec, values if isinstance(values, list) else [values])
        except P.ParamError:
            bad.add(spec.name)
    unknown = {k for k in query if k not in {s.name for s in specs}}
    return query, bad | unknown


@pytest.mark.parametrize("path", PAGES)
def test_url_fuzzing_never_shows_a_traceback(path):
    specs = _specs(path)
    rng = np.random.default_rng(abs(hash(path)) % 2**32)
    title = None
    for case in range(FUZZ_CASES):
        query, bad = _random_query(rng, specs, BY_PATH[path].id)
        at = open_page(path, query)
        assert not at.exception, (case, query, [e.value for e in at.exception])
        text = warnings_text(at)
        for name in bad:
            assert f"`{name[:40]}`" in text, (case, name, query.get(name))
        titles = [x.value for x in at.title]
        assert len(titles) == 1
        title = title or titles[0]


@pytest.mark.parametrize("path", PAGES)
def test_largest_settings_stay_under_the_memory_bound(path):
    specs = _specs(path)
    query = {s.name: s.to_url(extreme(s)) for s in specs if s not in GLOBAL_PARAMS}
    tracemalloc.start()
    try:
        at = open_page(path, query)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not at.exception, [e.value for e in at.exception]
    assert peak / 2**20 < MEMORY_BOUND_MB, f"{BY_PATH[path].id}: peak {peak / 2**20:.0f} MB"


_HOSTILE_UPLOADS = {
    "empty": b"",
    "binary": bytes(range(256)) * 64,
    "sixty_mb": b"a,b\n" + b"1,0\n" * (15 * 2**20),
    "million_columns": b",".join(b"c%d" % i for i in range(10**6)) + b"\n" + b"1," * (10**6 - 1) + b"1\n",
    "mixed_encodings": "x,ラベル\n1,a\n".encode() + "2,é\n".encode("latin-1"),
}


@pytest.mark.parametrize("page", ["pages/06_cross_entropy.py", "pages/08_softmax.py"])  # one shared picker
@pytest.mark.parametrize("name", sorted(_HOSTILE_UPLOADS))
def test_hostile_uploads_get_a_message_not_a_traceback(monkeypatch, name, page):
    import io

    import streamlit

    raw = _HOSTILE_UPLOADS[name]
    monkeypatch.setattr(streamlit, "file_uploader", lambda *a, **k: io.BytesIO(raw))
    tracemalloc.start()
    try:
        at = open_page(page, {"src": "upload"})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error, "the problem must be named"
    assert len(at.title) == 1 and len(at.get("vega_lite_chart")) >= 1  # the page stays usable
    assert (peak - len(raw)) / 2**20 < MEMORY_BOUND_MB, f"{name}: peak {peak / 2**20:.0f} MB"
