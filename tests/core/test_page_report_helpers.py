"""Small helpers the Likelihood and Cross-entropy pages read their numbers from.

Oracles: math.exp (with its OverflowError) for the float64 range, the
closed-form interval functions of estimation.likelihood, plain Python counts,
and the reference optimum of estimation.logistic.fit_reference.
"""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estimation import datasets, logistic
from estimation.views import cross_entropy as views
from estimation import likelihood as lk
from estimation.optimizers import OPTIMIZERS


# ---------------------------------------------------------------------------
# likelihood.fits_float64
# ---------------------------------------------------------------------------
def _math_fits(loglik: float) -> bool:
    try:
        return math.exp(loglik) > 0.0
    except OverflowError:
        return False


@given(st.floats(min_value=-800.0, max_value=800.0))
def test_fits_float64_agrees_with_math_exp(loglik):
    assert lk.fits_float64(loglik) is _math_fits(loglik)


def test_fits_float64_edges_and_arrays():
    tiny, huge = math.log(np.finfo(float).smallest_subnormal), math.log(np.finfo(float).max)
    assert lk.fits_float64(tiny + 0.01) and not lk.fits_float64(tiny - 1.0)
    assert lk.fits_float64(huge - 1e-9) and not lk.fits_float64(huge + 1e-9)
    got = lk.fits_float64([-np.inf, -1000.0, 0.0, 1000.0, np.inf])
    assert got.tolist() == [False, False, True, False, False]
    with pytest.raises(ValueError, match="loglik"):
        lk.fits_float64(float("nan"))
    with pytest.raises(ValueError, match="loglik"):
        lk.fits_float64(object())


def test_fits_float64_matches_the_pages_examples():
    # 8 of 10: L(θ̂) ≈ 0.30 fits; 10⁶ Bernoulli draws: ℓ̂ ≈ −6·10⁵ underflows
    assert lk.fits_float64(lk.likelihood_report("binomial", 10, k=8).loglik_max)
    big = lk.likelihood_report("bernoulli", 1_000_000, truth={"p": 0.3}, seed=1)
    assert not lk.fits_float64(big.views["p"].loglik_hat)


# ---------------------------------------------------------------------------
# likelihood.interval_table
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k, n", [(8, 10), (0, 7), (50, 50), (333, 1000)])
def test_interval_table_matches_the_interval_functions(k, n):
    table = lk.interval_table(lk.likelihood_report("binomial", n, k=k).views["theta"])
    assert set(table) == {"wald", "lr"}
    for name, oracle in (("wald", lk.binomial_wald_interval(k, n)), ("lr", lk.binomial_lr_interval(k, n))):
        lo, hi, width = table[name]
        assert (lo, hi) == pytest.approx(oracle, rel=1e-12, abs=1e-15)
        assert width == hi - lo >= 0.0


def test_interval_table_gaussian_and_bad_input():
    report = lk.likelihood_report("gaussian", 500, truth={"mu": 1.0, "sigma2": 2.0}, seed=4)
    lo, hi, width = lk.interval_table(report.views["sigma2"])["wald"]
    assert width == pytest.approx(2 * 1.959963984540054 * report.views["sigma2"].se, rel=1e-9)
    assert lo < report.mle["sigma2"] < hi
    with pytest.raises(ValueError, match="view"):
        lk.interval_table({"wald": (0, 1)})


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
