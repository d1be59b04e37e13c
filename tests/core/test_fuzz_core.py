"""Every public core function, fed garbage, raises ValueError — never another exception.

Each function of every ``estimation`` module is called with the same junk
value (None, strings, NaN, ±inf, negatives, huge numbers, empty or nested
arrays, objects) in all its required arguments. The contract (CONTRIBUTING)
is a ``ValueError`` with a message, or a valid result; a ``TypeError``,
``KeyError``, ``IndexError``, overflow or crash is a bug.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings

import numpy as np
import pytest

import estimation

JUNK = [None, "x", "", float("nan"), float("inf"), -float("inf"), -1, 0, 1e308, -1e308, 2**80, [],
        [[1.0], [2.0, 3.0]], object(), np.array([[np.nan]]), np.array([]), True, {"a": 1}]


def _public_functions():
    for info in pkgutil.iter_modules(estimation.__path__):
        if info.name.startswith("_") or info.ispkg:
            continue
        module = importlib.import_module(f"estimation.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if not name.startswith("_") and fn.__module__ == module.__name__:
                yield pytest.param(fn, id=f"{info.name}.{name}")


FUNCTIONS = list(_public_functions())


def test_the_core_is_covered():
    assert len(FUNCTIONS) > 80


@pytest.mark.parametrize("fn", FUNCTIONS)
def test_garbage_arguments_raise_value_error_only(fn):
    required = [
        p for p in inspect.signature(fn).parameters.values()
        if p.default is inspect.Parameter.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    for junk in JUNK:
        args = [junk for p in required if p.kind != p.KEYWORD_ONLY]
        kwargs = {p.name: junk for p in required if p.kind == p.KEYWORD_ONLY}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                fn(*args, **kwargs)
            except ValueError as err:
                assert str(err), f"{fn.__name__}({junk!r:.40}): empty message"
            except Exception as err:  # noqa: BLE001 - the point of the test
                pytest.fail(f"{fn.__name__}({junk!r:.40}) raised {type(err).__name__}: {err}")
