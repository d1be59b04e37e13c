"""The lab's bounded caches: core results per argument set, chart specs per content digest."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

import streamlit as st
from altair.utils.schemapi import debug_mode

from estimation.charts import export
from lab.fingerprint import fingerprint

T = TypeVar("T")

#: Bound on every cache: entries per cached function.
CACHE_ENTRIES = 32


@functools.cache
def cached(fn: Callable[..., T]) -> Callable[..., T]:
    """``st.cache_data`` with the lab's bounds (keyed on the arguments).

    The wrapper is made once per function (pages call ``cached(fn)`` on every
    rerun; building a new wrapper each time costs ~1.5 ms).
    """
    return st.cache_data(max_entries=CACHE_ENTRIES, show_spinner=False)(fn)


@st.cache_resource(max_entries=4 * CACHE_ENTRIES, show_spinner=False)
def _vega_spec(key: str, _builder: Callable[..., Any], _args: tuple, _kwargs: dict) -> dict:
    # Builders are validated against the Vega-Lite schema in their unit tests;
    # here altair's per-object checks (a third of the build time) are skipped.
    with debug_mode(False):
        return export.to_spec(_builder(*_args, **_kwargs))


def chart_spec(builder: Callable[..., Any], /, *args, **kwargs) -> dict:
    """The Vega-Lite spec of ``builder(*args, **kwargs)``, built and serialised once per distinct input.

    The key is the builder's qualified name and the :func:`fingerprint` of its
    arguments (altair is slow). The spec is shared, never copied, so it must
    not be changed (Streamlit and :mod:`~estimation.charts.export` only read
    it). Its datasets are stored Arrow-encoded, the form Streamlit sends, so a
    rerun does not convert them again.
    """
    key = f"{builder.__module__}.{builder.__qualname__}:{fingerprint((args, kwargs))}"
    return _vega_spec(key, builder, args, kwargs)
