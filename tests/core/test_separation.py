"""Tests for estimation.separation: 1-D separability decided by sorting, hand-made 2-D cases."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estimation import separation as S


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.integers(-5, 5), min_size=2, max_size=12),
    st.lists(st.integers(-5, 5), min_size=1, max_size=12),
)
def test_separation_in_one_dimension_matches_sorting(x0, x1):
    x = np.array(x0 + x1, dtype=float)
    y = np.array([0.0] * len(x0) + [1.0] * len(x1))
    strict = max(x0) < min(x1) or max(x1) < min(x0)
    # complete or quasi-complete separation needs a point off the threshold (not all x equal)
    weak = (max(x0) <= min(x1) or max(x1) <= min(x0)) and len(set(x0 + x1)) > 1
    assert S.is_linearly_separable(x, y) == strict
    assert S.mle_exists(x, y) == (not weak)


def test_separation_in_two_dimensions():
    xor = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    assert not S.is_linearly_separable(xor, y) and S.mle_exists(xor, y)
    rng = np.random.default_rng(19)
    X = rng.normal(size=(300, 2))
    margin = X @ [1.0, 2.0] - 0.5
    keep = np.abs(margin) > 0.05  # a strictly separating line with margin
    X, y = X[keep], (margin[keep] > 0).astype(float)
    assert S.is_linearly_separable(X, y) and not S.mle_exists(X, y)
    y_noisy = y.copy()
    y_noisy[np.argmax(margin[keep])] = 0.0  # the most confident point flipped
    assert not S.is_linearly_separable(X, y_noisy) and S.mle_exists(X, y_noisy)
    # quasi-complete: the line x2 = 0 separates the classes except for the tie at (3, 0),
    # which holds one point of each class, so no line separates them strictly
    Xq = np.array([[0.0, -1.0], [1.0, -2.0], [0.0, 1.0], [2.0, 1.5], [3.0, 0.0], [3.0, 0.0]])
    yq = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    assert not S.is_linearly_separable(Xq, yq) and not S.mle_exists(Xq, yq)



@pytest.mark.parametrize("decide", [S.is_linearly_separable, S.mle_exists])
def test_a_failed_linprog_is_reported_as_value_error(decide, monkeypatch):
    """linprog's failure statuses (1 iteration limit, 4 numerical trouble) surface as ValueError, not RuntimeError."""
    failed = type("Result", (), {"status": 4, "message": "numerical difficulties", "fun": 0.0})()
    monkeypatch.setattr(S.optimize, "linprog", lambda *args, **kwargs: failed)
    with pytest.raises(ValueError, match=r"^X\b.*numerical difficulties"):
        decide(np.array([[0.0], [1.0], [2.0]]), np.array([0, 1, 0]))
