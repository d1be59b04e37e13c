"""Small helpers the Cross-entropy page reads its numbers from.

Oracles: plain Python counts and the reference optimum of
estimation.logistic.fit_reference. (The Likelihood page's helpers are tested
with its views, in tests/core/test_views_likelihood.py.)
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estimation import datasets, logistic
from estimation.views import cross_entropy as views
from estimation.optimizers import OPTIMIZERS


# ---------------------------------------------------------------------------
# datasets.label_counts
# ---------------------------------------------------------------------------
@given(st.lists(st.sampled_from([0, 1]), min_size=1, max_size=200))
def test_label_counts_counts(labels):
    assert datasets.label_counts(np.array(labels, dtype=float)) == (len(labels), labels.count(1))


def test_label_counts_on_bundled_data_and_bad_labels():
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=42)
    assert datasets.label_counts(y) == (400, 200)
    data = datasets.select_xy(datasets.load_dataset("breast_cancer"), "diagnosis", ["radius"], positive="M")
    assert datasets.label_counts(data.y) == (569, 212)
    for bad in ([0, 2], [0.5], [], [[0, 1]], ["a"]):
        with pytest.raises(ValueError, match="y"):
            datasets.label_counts(bad)


# ---------------------------------------------------------------------------
# views.LEARNING_RATES
# ---------------------------------------------------------------------------
def test_learning_rates_cover_the_registry_and_train_the_default_data():
    assert list(views.LEARNING_RATES) == list(OPTIMIZERS)
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=42)
    hyper = {name: {"lr": lr} for name, lr in views.LEARNING_RATES.items()}
    result = views.compare_optimizers(X, y, hyper, epochs=100, seed=42)
    optimum = logistic.fit_reference(X, y).objective
    for name, fit in result.fits.items():
        assert not fit.diverged, name
        assert fit.objective[-1] < fit.objective[0], name  # every default rate makes progress
        if name != "AdaDelta":  # AdaDelta's step is set by its own running averages: slow to start
            assert fit.objective[-1] - optimum < 1e-3, name
