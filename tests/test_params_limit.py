"""lab.params.limit: a setting bounded by another one keeps its value while it fits (issue 16)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from lab import params as P

STEP = P.IntParam("t", 3, lo=0, hi=1_000)


@given(value=st.integers(0, 1_000), hi=st.integers(-5, 2_000))
def test_a_value_that_fits_is_kept_and_a_larger_one_is_clamped(value, hi):
    limited = P.limit(STEP, value, hi)
    top = max(0, min(1_000, hi))  # the other setting, within the spec's own bounds
    assert limited.spec == P.IntParam("t", 3, lo=0, hi=top)
    if value <= top:
        assert (limited.value, limited.asked) == (value, None)
    else:
        assert (limited.value, limited.asked) == (top, value)


def test_issue_16_cases():
    assert P.limit(STEP, 3, 20) == P.Limited(P.IntParam("t", 3, lo=0, hi=20), 3)  # n 10 → 20 keeps t = 3
    assert P.limit(STEP, 10, 5) == P.Limited(P.IntParam("t", 3, lo=0, hi=5), 5, 10)  # n 10 → 5 clamps t = 10
    assert P.limit(STEP, 5, 5).asked is None  # t = n fits


def test_floats_too():
    scale = P.FloatParam("s", 1.0, lo=0.5, hi=4.0)
    assert P.limit(scale, 3.5, 2.0) == P.Limited(P.FloatParam("s", 1.0, lo=0.5, hi=2.0), 2.0, 3.5)
    assert P.limit(scale, 1.5, 2.0).value == 1.5
