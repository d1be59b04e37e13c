"""Tests for estimation.thinning: evenly spaced, sorted, distinct indices that keep both ends."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estimation.thinning import even_indices, thin_log_indices


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 5000), m=st.integers(2, 600))
def test_even_indices_are_sorted_distinct_and_keep_the_ends(n, m):
    idx = even_indices(n, m)
    assert idx.size == min(n, m)
    assert np.all(np.diff(idx) > 0)
    if n:
        assert idx[0] == 0 and idx[-1] == n - 1
    if n <= m:
        assert np.array_equal(idx, np.arange(n))
    else:  # within rounding of the evenly spaced positions i (n − 1)/(m − 1)
        assert np.all(np.abs(idx - np.arange(m) * (n - 1) / (m - 1)) <= 0.5 + 1e-9)


@pytest.mark.parametrize("call, word", [
    (lambda: even_indices(-1, 10), "n"),
    (lambda: even_indices(10, 1), "max_points"),
])
def test_bad_arguments_raise_value_error(call, word):
    with pytest.raises(ValueError, match=word):
        call()


@settings(max_examples=100, deadline=None)
@given(n=st.integers(1, 10**7), max_points=st.integers(2, 5000))
def test_thinned_series_keeps_first_and_last(n, max_points):
    idx = thin_log_indices(n, max_points)
    assert idx[0] == 0 and idx[-1] == n - 1
    assert idx.size <= max_points
    assert np.all(np.diff(idx) > 0)


def test_thin_log_indices_refuses_an_empty_series():
    with pytest.raises(ValueError, match="n"):
        thin_log_indices(0)
