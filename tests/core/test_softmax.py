"""Softmax, its cross-entropy and softmax regression against independent oracles (entropy/KL: test_information.py).

Oracles: scipy.special.softmax / scipy.stats.entropy, sklearn.metrics.log_loss,
sklearn.linear_model.LogisticRegression (multinomial, lbfgs), the binary
trainer estimation.logistic.fit_logistic, central finite differences, and
hand-written formulas. torch is not installed in the lab's environment, so
sklearn's log_loss is the cross-entropy oracle.
"""

from __future__ import annotations

import doctest
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import special
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from estimation import datasets, logistic, training
from estimation import softmax as S
from estimation._validation import InputError
from estimation.optimizers import OPTIMIZERS

RNG = np.random.default_rng(20261204)


@pytest.mark.parametrize("module", [S, datasets], ids=["softmax", "datasets"])
def test_doctests(module):
    failures, _ = doctest.testmod(module)
    assert failures == 0


def _iris(features=("petal_length", "petal_width")):
    data = datasets.select_classes(datasets.load_dataset("iris"), "species", list(features))
    return data.X, data.y


# ---------------------------------------------------------------------------
# softmax and log-softmax
# ---------------------------------------------------------------------------


def test_softmax_matches_scipy_and_the_definition():
    z = RNG.normal(size=(50, 5)) * 3
    direct = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)  # safe here: |z| < 20
    assert np.allclose(S.softmax(z), special.softmax(z, axis=1), rtol=1e-14, atol=0)
    assert np.allclose(S.softmax(z), direct, rtol=1e-13, atol=0)
    assert np.allclose(S.log_softmax(z), np.log(direct), rtol=1e-13, atol=1e-14)


def test_huge_logits_stay_finite_without_warnings():
    z = np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4], [1e4, 1e4, 1e4 - 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        logp = S.log_softmax(z)
        p = S.softmax(z)
        ce = S.softmax_cross_entropy(z, [2, 0, 1], reduction="none")
        t = S.softmax_temperature(z, 0.01)
    for arr in (logp, p, ce, t):
        assert np.isfinite(arr).all()
    # exact values: the log-probability of class 2 in row 0 is −2·10⁴; rows 1 is uniform
    assert logp[0, 2] == -2e4 and ce[0] == 2e4
    assert np.allclose(p[1], 1 / 3, rtol=1e-15)
    assert ce[1] == pytest.approx(math.log(3), rel=1e-15)
    assert ce[2] == pytest.approx(math.log(2 + math.exp(-1)), rel=1e-14)  # logits (0, 0, −1) after the shift


@settings(max_examples=200, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 8)),
              elements=st.floats(-1e3, 1e3)),
       st.floats(-1e4, 1e4))
def test_softmax_is_invariant_to_adding_a_constant(z, c):
    # 1e-12 absolute: z + c rounds each logit by up to ulp(1e4) ≈ 2e-12 before the softmax sees it
    assert np.allclose(S.softmax(z + c), S.softmax(z), rtol=0, atol=1e-11)
    assert np.allclose(S.softmax(z).sum(axis=1), 1.0, rtol=0, atol=1e-12)


def test_two_class_softmax_is_the_sigmoid_of_the_logit_difference():
    z = RNG.normal(size=(200, 2)) * 10
    assert np.allclose(S.softmax(z)[:, 1], special.expit(z[:, 1] - z[:, 0]), rtol=1e-13, atol=1e-300)
    y = RNG.integers(0, 2, size=200)
    assert S.softmax_cross_entropy(z, y) == pytest.approx(
        logistic.bce_with_logits(z[:, 1] - z[:, 0], y.astype(float)), rel=1e-13)


@pytest.mark.parametrize("temperature", [0.1, 0.5, 1.0, 3.0, 100.0])
def test_temperature_is_the_softmax_of_scaled_logits(temperature):
    z = RNG.normal(size=(20, 4))
    assert np.allclose(S.softmax_temperature(z, temperature), special.softmax(z / temperature, axis=1),
                       rtol=1e-14, atol=1e-300)
    assert (S.softmax_temperature(z, temperature).argmax(axis=1) == z.argmax(axis=1)).all()


# ---------------------------------------------------------------------------
# cross-entropy
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("k", [2, 3, 7])
def test_softmax_cross_entropy_matches_sklearn_log_loss(k):
    z = RNG.normal(size=(300, k)) * 4
    y = RNG.integers(0, k, size=300)
    p = special.softmax(z, axis=1)
    oracle = log_loss(y, p, labels=list(range(k)))
    assert abs(S.softmax_cross_entropy(z, y) - oracle) <= 1e-12
    assert abs(S.softmax_cross_entropy(z, np.eye(k)[y]) - oracle) <= 1e-12  # one-hot targets
    assert S.softmax_cross_entropy(z, y, reduction="sum") == pytest.approx(300 * oracle, rel=1e-13)
    per = S.softmax_cross_entropy(z, y, reduction="none")
    assert np.allclose(per, special.logsumexp(z, axis=1) - z[np.arange(300), y], rtol=1e-13)


def test_gradient_matches_central_differences():
    X = RNG.normal(size=(40, 3))
    y = RNG.integers(0, 4, size=40)
    W, b = RNG.normal(size=(3, 4)), RNG.normal(size=4)
    for l2 in (0.0, 0.3):
        _, gW, gb = S.softmax_loss_grad(W, b, X, y, l2)
        h = 1e-6
        num_W = np.zeros_like(W)
        for idx in np.ndindex(*W.shape):
            E = np.zeros_like(W)
            E[idx] = h
            num_W[idx] = (S.softmax_loss_grad(W + E, b, X, y, l2)[0] - S.softmax_loss_grad(W - E, b, X, y, l2)[0]) / (2 * h)
        num_b = np.array([(S.softmax_loss_grad(W, b + h * e, X, y, l2)[0]
                           - S.softmax_loss_grad(W, b - h * e, X, y, l2)[0]) / (2 * h) for e in np.eye(4)])
        # central differences: O(h²) truncation plus O(ε/h) rounding ≈ 1e-10
        assert np.allclose(gW, num_W, atol=1e-8) and np.allclose(gb, num_b, atol=1e-8)


def test_gradient_is_x_transpose_p_minus_y_over_n():
    X = RNG.normal(size=(25, 2))
    y = RNG.integers(0, 3, size=25)
    W, b = RNG.normal(size=(2, 3)), RNG.normal(size=3)
    P = special.softmax(X @ W + b, axis=1)
    Y = np.eye(3)[y]
    _, gW, gb = S.softmax_loss_grad(W, b, X, y, 0.5)
    assert np.allclose(gW, X.T @ (P - Y) / 25 + 0.5 * W, rtol=1e-13, atol=1e-15)
    assert np.allclose(gb, (P - Y).mean(axis=0), rtol=1e-13, atol=1e-15)


# ---------------------------------------------------------------------------
# calibration
# ---------------------------------------------------------------------------


def test_expected_calibration_error_against_a_loop():
    P = RNG.dirichlet(np.ones(3) * 0.5, size=500)
    y = RNG.integers(0, 3, size=500)
    conf, pred = P.max(axis=1), P.argmax(axis=1)
    total = 0.0
    for m in range(10):
        inside = (conf > m / 10) & (conf <= (m + 1) / 10)
        if inside.any():
            total += inside.mean() * abs((pred[inside] == y[inside]).mean() - conf[inside].mean())
    assert S.expected_calibration_error(P, y) == pytest.approx(total, rel=1e-12, abs=1e-15)


# ---------------------------------------------------------------------------
# training against sklearn
# ---------------------------------------------------------------------------


def _sklearn_nll(X, y, C):
    """Mean NLL of sklearn's multinomial optimum (lbfgs, tight tolerance) on the same X."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn's deprecation notes on penalty/C conventions
        model = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100_000).fit(X, y)
    return log_loss(y, model.predict_proba(X)), model


DATA = {
    "iris_petals": _iris(),
    "iris_sepals": _iris(("sepal_length", "sepal_width")),
    "blobs_k4": datasets.make_gaussian_blobs(400, 4, separation=1.5, seed=3),
    "blobs_k6": datasets.make_gaussian_blobs(600, 6, separation=2.0, seed=5),
}


@pytest.mark.parametrize("name", ["iris_sepals", "blobs_k4", "blobs_k6"])
def test_reference_optimum_matches_sklearn_without_penalty(name):
    X, y = DATA[name]
    # C = ∞ is sklearn's unpenalised fit; these data are not separable, so the optimum exists
    oracle, _ = _sklearn_nll(X, y, np.inf)
    ref = S.fit_softmax_reference(X, y)
    assert abs(ref.nll - oracle) <= 1e-4
    assert ref.nll <= oracle + 1e-9  # L-BFGS at gtol 1e-10 is at least as good as sklearn's


@pytest.mark.parametrize("name", list(DATA))
@pytest.mark.parametrize("l2", [0.01, 0.1])
def test_ridge_optimum_matches_sklearn_with_the_matching_c(name, l2):
    # J = mean NLL + (λ/2)‖W‖² on the features as given is sklearn's C·Σ NLL + ½‖W‖² divided by C·N:
    # C = 1/(λ N); neither penalises the intercepts
    X, y = DATA[name]
    oracle, model = _sklearn_nll(X, y, 1.0 / (l2 * len(y)))
    ref = S.fit_softmax_reference(X, y, l2=l2, standardize=False)
    assert abs(ref.nll - oracle) <= 1e-4
    assert np.allclose(ref.coef.T, model.coef_, atol=1e-3)  # unique with λ > 0 (sklearn: columns sum to 0)


@pytest.mark.parametrize("name, epochs", [("iris_sepals", 20_000), ("blobs_k4", 3000)])
def test_trained_model_reaches_sklearns_optimum(name, epochs):
    X, y = DATA[name]
    oracle, _ = _sklearn_nll(X, y, np.inf)
    # iris sepals: setosa is almost separated, the optimum lies far out and Adam needs many epochs
    fit = S.fit_softmax(X, y, training.make_optimizer("Adam", lr=0.1), epochs)
    assert not fit.diverged
    assert abs(fit.nll[-1] - oracle) <= 1e-4
    # the fitted probabilities on the original scale (coef, intercept) give the recorded loss
    assert S.softmax_cross_entropy(fit.logits(X), y) == pytest.approx(fit.nll[-1], rel=1e-12)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_trains_full_batch_and_minibatch(name):
    X, y = DATA["blobs_k4"]
    ref = S.fit_softmax_reference(X, y, l2=0.01)
    lr = {"SGD": 0.5, "Momentum": 0.1, "Nesterov": 0.1, "AdaGrad": 0.5, "RMSprop": 0.01,
          "AdaDelta": 1.0, "Adam": 0.05}[name]
    for batch in (None, 32):
        fit = S.fit_softmax(X, y, training.make_optimizer(name, lr=lr), 300, batch_size=batch, l2=0.01, seed=1)
        assert not fit.diverged
        assert fit.objective[-1] - ref.objective < 0.02, (name, batch)
        assert fit.nll[0] == pytest.approx(math.log(4), rel=1e-15)


def test_too_large_a_learning_rate_is_flagged_as_divergence():
    X, y = DATA["iris_petals"]
    fit = S.fit_softmax(X, y, training.make_optimizer("SGD", lr=1e4), 200, standardize=False)
    assert fit.diverged and fit.reason and np.isfinite(fit.objective).all()


# ---------------------------------------------------------------------------
# K = 2: the softmax trainer is the binary trainer
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(OPTIMIZERS))
@pytest.mark.parametrize("batch, l2", [(None, 0.0), (16, 0.0), (None, 0.1), (16, 0.05)])
def test_two_class_softmax_trainer_equals_the_binary_trainer(name, batch, l2):
    # Parameterisation: softmax has W = (w₀, w₁) from 0, and every gradient has g₀ = −g₁, so
    # w₀ = −w₁ always and z₁ − z₀ = u·x + c with u = w₁ − w₀ = 2w₁. SGD on w₁ with η is SGD on u with 2η;
    # the adaptive rules are odd and element-wise, so the same holds for them. The ridge (λ/2)(‖w₀‖² + ‖w₁‖²)
    # = (λ/4)‖u‖² is the binary ridge with λ/2. Compare probabilities and losses, which do not depend on it.
    # Unbalanced classes: with equal class sizes ∂J/∂b = mean(σ − y) is exactly 0 at the start, and the
    # adaptive rules' first step η g/(|g| + ε) would turn the two codes' 1e-17 rounding of that zero into
    # 1e-9 differences (a property of the problem, not of either trainer).
    X, y = datasets.make_gaussian_classes(200, separation=1.5, balance=0.65, seed=9)
    lr = {"SGD": 0.5, "Momentum": 0.1, "Nesterov": 0.1, "AdaGrad": 0.5, "RMSprop": 0.01,
          "AdaDelta": 1.0, "Adam": 0.05}[name]
    soft = S.fit_softmax(X, y, training.make_optimizer(name, lr=lr), 60, batch_size=batch, l2=l2, seed=4)
    binary = logistic.fit_logistic(X, y, OPTIMIZERS[name](lr=2 * lr), 60, batch_size=batch, l2=l2 / 2, seed=4)
    assert np.allclose(soft.nll, binary.nll, rtol=0, atol=1e-10)
    assert np.allclose(soft.objective, binary.objective, rtol=0, atol=1e-10)
    p_soft = S.softmax(soft.logits(X))[:, 1]
    p_binary = special.expit(X @ binary.coef + binary.intercept)
    assert np.allclose(p_soft, p_binary, rtol=0, atol=1e-10)
    assert np.allclose(soft.W_path[:, :, 0], -soft.W_path[:, :, 1], rtol=0, atol=1e-12)


# ---------------------------------------------------------------------------
# data and bad input
# ---------------------------------------------------------------------------


def test_blobs_have_the_requested_sizes_and_neighbour_distance():
    X, y = datasets.make_gaussian_blobs(6002, 6, separation=4.0, seed=2)
    counts = np.bincount(y.astype(int))
    assert counts.tolist() == [1001, 1001, 1000, 1000, 1000, 1000]
    means = np.array([X[y == j].mean(axis=0) for j in range(6)])
    gaps = np.linalg.norm(means - np.roll(means, -1, axis=0), axis=1)
    assert np.allclose(gaps, 4.0, atol=0.2)  # sample means: σ/√1000 per coordinate


def test_select_classes_maps_labels_in_sorted_order():
    import pandas as pd

    table = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0], "c": ["b", "a", "c", "a"]})
    data = datasets.select_classes(table, "c", ["x"])
    assert data.classes == ("a", "b", "c") and data.y.tolist() == [1.0, 0.0, 2.0, 0.0]


@pytest.mark.parametrize("table, key", [
    ({"x": [1.0, 2.0], "c": ["a", "a"]}, "label_single_class"),
    ({"x": np.arange(22.0), "c": np.arange(22) % 11}, "too_many_classes"),  # 11 classes, each twice: not an ID
    ({"x": ["1", "two"], "c": ["a", "b"]}, "feature_not_numeric"),
])
def test_bad_tables_raise_translatable_errors(table, key):
    import pandas as pd

    with pytest.raises(InputError) as info:
        datasets.select_classes(pd.DataFrame(table), "c", ["x"])
    assert info.value.key == key


@pytest.mark.parametrize("call, word", [
    (lambda: S.softmax(np.nan), "z"),
    (lambda: S.softmax(1.0), "scalar"),
    (lambda: S.softmax_cross_entropy([[0.0, 1.0]], [2]), "labels"),
    (lambda: S.softmax_cross_entropy([[0.0, 1.0]], [[0.5, 0.6]]), "sum to 1"),
    (lambda: S.softmax_cross_entropy([[0.0, 1.0]], [0], reduction="avg"), "reduction"),
    (lambda: S.softmax_temperature([0.0, 1.0], 0.0), "temperature"),
    (lambda: S.fit_softmax([[0.0], [1.0]], [1, 1], training.make_optimizer("SGD"), 1), "two classes"),
    (lambda: S.fit_softmax([[0.0], [1.0]], [0, 1.5], training.make_optimizer("SGD"), 1), "integer"),
    (lambda: S.fit_softmax([[0.0], [1.0]], [0, 1], object(), 1), "optimizer"),
    (lambda: S.fit_softmax([[0.0], [1.0]], [0, 1], training.make_optimizer("SGD"), 0), "epochs"),
    (lambda: S.softmax_loss_grad(np.zeros((2, 2)), np.zeros(2), [[0.0], [1.0]], [0, 1]), "W"),
    (lambda: datasets.make_gaussian_blobs(100, 11), "k"),
])
def test_bad_arguments_raise_value_error(call, word):
    with pytest.raises(ValueError, match=word):
        call()
