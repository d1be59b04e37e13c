"""Tests for estimation.logistic: BCE = Bernoulli NLL, and training = MLE.

Oracles: scikit-learn (log_loss, LogisticRegression), closed-form asymptotics
of the softplus, central finite differences, brute-force per-grid-point sums,
and 1-D separability decided by sorting.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from estimation import logistic as L
from estimation import sampling

RTOL = 1e-12  # closed forms evaluated with different but exact-to-rounding formulas


def _data(n=400, d=2, seed=0, shift=0.3):
    """Non-separable data from a true logistic model (logistic noise)."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * [2.0, 0.5][:d] + [1.0, -3.0][:d]
    w = np.array([1.0, -2.0])[:d]
    y = ((X - [1.0, -3.0][:d]) @ w + shift + rng.logistic(size=n) > 0).astype(float)
    return X, y


def _optimizer(name, **kwargs):
    from estimation.optimizers import OPTIMIZERS

    return OPTIMIZERS[name](**kwargs)


class PlainSGD:
    """θ ← θ − lr·g, the textbook update, written here so the trainer is tested on its own."""

    def __init__(self, lr):
        self.lr = lr
        self.calls = []

    def update(self, params, grads):
        self.calls.append({k: (params[k].copy(), grads[k].copy()) for k in params})
        for k in params:
            params[k] -= self.lr * grads[k]


# ---------------------------------------------------------------------------
# Primitives
# ---------------------------------------------------------------------------


def test_bce_with_logits_matches_sklearn_log_loss():
    rng = np.random.default_rng(1)
    z = rng.normal(scale=3.0, size=2000)
    y = rng.integers(0, 2, size=2000).astype(float)
    p = special.expit(z)
    assert L.bce_with_logits(z, y) == pytest.approx(log_loss(y, p), rel=RTOL)
    assert L.bce_with_logits(z, y, reduction="sum") == pytest.approx(
        log_loss(y, p, normalize=False), rel=RTOL
    )
    per = L.bce_with_logits(z, y, reduction="none")
    assert per.shape == z.shape
    assert np.allclose(per, -(y * np.log(p) + (1 - y) * np.log1p(-p)), rtol=1e-10, atol=0)


def test_bernoulli_nll_is_n_times_mean_bce():
    rng = np.random.default_rng(2)
    z = rng.normal(scale=2.0, size=1000)
    y = rng.integers(0, 2, size=1000).astype(float)
    nll = L.bernoulli_nll(y, L.sigmoid(z))
    assert nll == pytest.approx(y.size * L.bce_with_logits(z, y), rel=RTOL)
    assert nll == pytest.approx(L.bce_with_logits(z, y, reduction="sum"), rel=RTOL)


def test_bernoulli_nll_scalar_p_and_mle():
    y = np.array([1, 1, 0, 1, 0, 1, 1, 1, 0, 1])  # 7 of 10
    # closed form: −[7 log p + 3 log(1 − p)], minimised at p̂ = 7/10
    for p in (0.3, 0.7, 0.9):
        assert L.bernoulli_nll(y, p) == pytest.approx(-(7 * np.log(p) + 3 * np.log(1 - p)), rel=RTOL)
    grid = np.linspace(0.01, 0.99, 99)
    assert grid[np.argmin([L.bernoulli_nll(y, p) for p in grid])] == pytest.approx(0.7)
    assert L.bernoulli_nll([0, 0], 0.0) == 0.0  # 0·log 0 = 0
    assert L.bernoulli_nll([1], 0.0) == np.inf  # an impossible observation


@pytest.mark.parametrize("z", [40.0, 100.0, 700.0, 1000.0, 1e6, 1e300])
def test_extreme_logits_match_asymptotic_forms(z):
    # ℓ(z, 0) = softplus(z) = z + log1p(e^{−z}) → z;
    # ℓ(z, 1) = softplus(−z) = e^{−z} − e^{−2z}/2 + …
    assert L.bce_with_logits([z], [0.0]) == pytest.approx(z + np.exp(-z), rel=RTOL)
    assert L.bce_with_logits([z], [1.0]) == pytest.approx(np.exp(-z), rel=RTOL, abs=0)
    assert L.bce_with_logits([-z], [1.0]) == pytest.approx(z + np.exp(-z), rel=RTOL)
    assert L.bce_with_logits([-z], [0.0]) == pytest.approx(np.exp(-z), rel=RTOL, abs=0)
    # log σ(z) = −softplus(−z) → −e^{−z};  log σ(−z) → −z
    assert L.log_sigmoid(-z) == pytest.approx(-z - np.exp(-z), rel=RTOL)
    assert L.log_sigmoid(z) == pytest.approx(-np.exp(-z), rel=RTOL, abs=0)
    assert L.sigmoid(z) == 1.0


def test_extreme_logits_exact_values_at_1000():
    z = np.array([1000.0, -1000.0, 1000.0, -1000.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    assert np.array_equal(L.bce_with_logits(z, y, reduction="none"), [1000.0, 1000.0, 0.0, 0.0])
    assert L.bce_with_logits(z, y, reduction="sum") == 2000.0
    assert L.log_sigmoid(-1000.0) == -1000.0
    # sigmoid(−700) = e^{−700}/(1 + e^{−700}) = e^{−700} to double precision
    assert L.sigmoid(-700.0) == pytest.approx(np.exp(-700.0), rel=1e-13)
    # the naive formula fails where the stable one does not
    with np.errstate(divide="ignore"):
        assert np.log(special.expit(-1000.0)) == -np.inf


def test_bce_gradient_in_z_is_sigmoid_minus_y():
    z = np.linspace(-8, 8, 33)
    h = 1e-6
    for yv in (0.0, 0.3, 1.0):
        y = np.full_like(z, yv)
        up = L.bce_with_logits(z + h, y, reduction="none")
        dn = L.bce_with_logits(z - h, y, reduction="none")
        # central difference: truncation O(h²) ≈ 1e-12, rounding ≈ 1e-16/h = 1e-10
        assert np.allclose((up - dn) / (2 * h), L.sigmoid(z) - y, rtol=0, atol=1e-9)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.floats(-1e4, 1e4, allow_nan=False), min_size=1, max_size=20),
    st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]),  # 1 − y is exact for these
)
def test_bce_properties(zs, yv):
    z = np.array(zs)
    y = np.full_like(z, yv)
    loss = L.bce_with_logits(z, y, reduction="none")
    assert np.all(np.isfinite(loss)) and np.all(loss >= 0)
    # label flip symmetry: ℓ(z, y) = ℓ(−z, 1 − y)
    assert np.allclose(loss, L.bce_with_logits(-z, 1 - y, reduction="none"), rtol=1e-12, atol=0)
    # and the textbook formula logaddexp(0, z) − y z where that one is accurate
    assert np.allclose(loss, np.logaddexp(0, z) - y * z, rtol=1e-9, atol=1e-9 * np.abs(z).max())


def test_bce_from_probs_matches_log_loss_including_clipping():
    rng = np.random.default_rng(3)
    p = rng.uniform(size=500)
    p[:4] = [0.0, 1.0, 0.0, 1.0]
    y = rng.integers(0, 2, size=500).astype(float)
    y[:4] = [1.0, 0.0, 0.0, 1.0]
    assert L.bce_from_probs(p, y) == pytest.approx(log_loss(y, p), rel=RTOL)
    eps = np.finfo(float).eps
    assert L.bce_from_probs([0.0], [1.0]) == pytest.approx(-np.log(eps), rel=RTOL)
    assert L.bce_from_probs([0.0], [1.0], eps=1e-7) == pytest.approx(-np.log(1e-7), rel=RTOL)


def test_bce_from_probs_agrees_with_logits_version():
    z = np.linspace(-10, 10, 101)
    y = (np.arange(101) % 2).astype(float)
    # 1 − σ(z) carries an absolute error ~1e-16, i.e. relative 1e-16·e^{10} ≈ 2e-12 at z = 10
    assert L.bce_from_probs(L.sigmoid(z), y) == pytest.approx(L.bce_with_logits(z, y), rel=1e-11)


# ---------------------------------------------------------------------------
# Objective and gradient
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("l2", [0.0, 0.7])
def test_gradient_matches_central_differences(l2):
    X, y = _data(n=60, d=2, seed=4)
    w, b = np.array([0.3, -0.8]), 0.25
    obj, gw, gb = L.logistic_loss_grad(w, b, X, y, l2=l2)
    h = 1e-6

    def J(w, b):
        return L.logistic_loss_grad(w, b, X, y, l2)[0]

    num_w = np.array([(J(w + e, b) - J(w - e, b)) / (2 * h) for e in h * np.eye(2)])
    num_b = (J(w, b + h) - J(w, b - h)) / (2 * h)
    # truncation O(h²·f''') and rounding O(ε·f/h) are both ≲ 1e-9 here
    assert np.allclose(gw, num_w, rtol=0, atol=1e-8)
    assert gb == pytest.approx(num_b, abs=1e-8)
    # the objective is the Bernoulli NLL per sample plus the ridge term
    z = X @ w + b
    expected = L.bernoulli_nll(y, special.expit(z)) / y.size + 0.5 * l2 * w @ w
    assert obj == pytest.approx(expected, rel=1e-12)


def test_intercept_is_not_penalised():
    X, y = _data(n=50, d=1, seed=5)
    g0 = L.logistic_loss_grad([0.5], 1.0, X, y, l2=0.0)
    g1 = L.logistic_loss_grad([0.5], 1.0, X, y, l2=3.0)
    assert g1[2] == g0[2]
    assert g1[1][0] == pytest.approx(g0[1][0] + 3.0 * 0.5, rel=RTOL)


# ---------------------------------------------------------------------------
# Reference optimum
# ---------------------------------------------------------------------------


def test_reference_matches_sklearn_unpenalised():
    X, y = _data()
    ref = L.fit_reference(X, y)
    sk = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    assert ref.success
    assert ref.grad_norm < 1e-8
    # both solvers stop at gradient tolerances ~1e-10: parameters agree to ~1e-7
    assert np.allclose(ref.coef, sk.coef_[0], rtol=1e-6, atol=1e-7)
    assert ref.intercept == pytest.approx(sk.intercept_[0], rel=1e-6, abs=1e-7)
    sk_nll = log_loss(y, sk.predict_proba(X)[:, 1])
    assert ref.nll == pytest.approx(sk_nll, rel=1e-10)


def test_reference_matches_sklearn_with_l2():
    # sklearn minimises C Σ ℓ_i + ½‖w‖², i.e. mean ℓ + ‖w‖²/(2 C N): λ = 1/(C N)
    X, y = _data(n=300, d=2, seed=6)
    lam = 0.05
    ref = L.fit_reference(X, y, l2=lam, standardize=False)
    sk = LogisticRegression(C=1 / (lam * y.size), tol=1e-12, max_iter=10_000).fit(X, y)
    assert np.allclose(ref.coef, sk.coef_[0], rtol=1e-6, atol=1e-7)
    assert ref.intercept == pytest.approx(sk.intercept_[0], rel=1e-6, abs=1e-7)
    assert ref.objective == pytest.approx(ref.nll + 0.5 * lam * ref.w @ ref.w, rel=RTOL)


def test_unpenalised_mle_is_invariant_to_standardisation():
    X, y = _data(seed=7)
    a = L.fit_reference(X, y, standardize=True)
    b = L.fit_reference(X, y, standardize=False)
    assert np.allclose(a.coef, b.coef, rtol=1e-7)
    assert a.intercept == pytest.approx(b.intercept, rel=1e-7)
    assert a.nll == pytest.approx(b.nll, rel=1e-12)


# ---------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------


def test_plain_gd_reaches_the_mle_and_records_consistently():
    X, y = _data(seed=8)
    ref = L.fit_reference(X, y)
    res = L.fit_logistic(X, y, PlainSGD(1.0), 3000)
    assert not res.diverged and res.reason is None and res.epochs_run == 3000
    assert res.nll.shape == res.objective.shape == res.accuracy.shape == res.b_path.shape == (3001,)
    assert res.w_path.shape == res.coef_path.shape == (3001, 2)
    assert res.nll[0] == pytest.approx(np.log(2), rel=RTOL)  # w = 0: every p_i = 1/2
    assert res.nll[-1] - ref.nll < 1e-10
    assert np.allclose(res.coef, ref.coef, atol=1e-5)
    assert np.all(np.diff(res.nll) <= 1e-15)  # GD with lr < 2/L decreases the loss
    # recorded values are exactly the objective at the recorded parameters
    for k in (0, 10, 3000):
        assert res.nll[k] == pytest.approx(
            L.bce_with_logits(X @ res.coef_path[k] + res.intercept_path[k], y), rel=1e-10
        )
        acc = np.mean(((X @ res.coef_path[k] + res.intercept_path[k]) >= 0) == (y == 1))
        assert res.accuracy[k] == pytest.approx(acc)


def test_original_scale_path_gives_the_same_logits():
    X, y = _data(seed=9)
    res = L.fit_logistic(X, y, PlainSGD(0.5), 50)
    Xs = (X - X.mean(0)) / X.std(0)
    assert np.allclose(res.x_mean, X.mean(0)) and np.allclose(res.x_scale, X.std(0))
    z_std = Xs @ res.w_path.T + res.b_path
    z_orig = X @ res.coef_path.T + res.intercept_path
    assert np.allclose(z_std, z_orig, rtol=1e-10, atol=1e-10)
    raw = L.fit_logistic(X, y, PlainSGD(0.01), 5, standardize=False)
    assert np.array_equal(raw.w_path, raw.coef_path) and np.array_equal(raw.b_path, raw.intercept_path)


@pytest.mark.parametrize(
    "name, kwargs, epochs, batch_size",
    [
        ("Adam", {"lr": 0.05}, 3000, None),
        ("SGD", {"lr": 1.0}, 3000, None),
        ("Momentum", {"lr": 0.1}, 2000, None),
        ("Nesterov", {"lr": 0.1}, 2000, None),
        ("RMSprop", {"lr": 0.01}, 2000, None),
        ("AdaGrad", {"lr": 0.5}, 2000, None),
        ("AdaDelta", {"lr": 1.0}, 2000, None),
        # minibatches with a constant step size only reach a noise ball around the optimum:
        # the 1e-4 gap in mean NLL is the target there
        ("Adam", {"lr": 0.01}, 300, 100),
        ("SGD", {"lr": 0.05}, 300, 32),
        ("Momentum", {"lr": 0.01}, 300, 32),
    ],
)
def test_optimizers_converge_to_the_reference(name, kwargs, epochs, batch_size):
    X, y = _data(seed=10)
    ref = L.fit_reference(X, y)
    res = L.fit_logistic(X, y, _optimizer(name, **kwargs), epochs, batch_size=batch_size, seed=3)
    assert not res.diverged, res.reason
    gap = res.nll[-1] - ref.nll
    assert -1e-12 <= gap < 1e-4, gap  # nothing beats the optimum; within 1e-4 of it
    sk = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    assert res.nll[-1] - log_loss(y, sk.predict_proba(X)[:, 1]) < 1e-4


def test_l2_fit_converges_to_the_penalised_reference():
    X, y = _data(seed=11)
    ref = L.fit_reference(X, y, l2=0.1)
    res = L.fit_logistic(X, y, PlainSGD(1.0), 2000, l2=0.1)
    assert abs(res.objective[-1] - ref.objective) < 1e-10
    assert np.allclose(res.w, ref.w, atol=1e-6)


def test_minibatches_follow_the_seeded_permutation():
    X, y = _data(n=50, seed=12)
    opt = PlainSGD(0.1)
    L.fit_logistic(X, y, opt, 2, batch_size=16, seed=42)
    assert len(opt.calls) == 2 * 4  # ceil(50/16) = 4 updates per epoch
    rng = np.random.default_rng(42)
    Xs = (X - X.mean(0)) / X.std(0)
    k = 0
    for _ in range(2):
        perm = rng.permutation(50)
        for start in range(0, 50, 16):
            idx = perm[start : start + 16]
            (w, gw), (b, gb) = opt.calls[k]["w"], opt.calls[k]["b"]
            r = special.expit(Xs[idx] @ w + b[0]) - y[idx]  # a batch may hold one class only
            ew, eb = Xs[idx].T @ r / idx.size, r.mean()
            assert np.allclose(gw, ew, rtol=1e-12, atol=1e-15)
            assert gb[0] == pytest.approx(eb, rel=1e-12, abs=1e-15)
            k += 1


class UpdateOnly:
    """A lab optimizer seen only through ``update`` on separate w and b (the generic path)."""

    def __init__(self, inner):
        self.inner = inner

    def update(self, params, grads):
        self.inner.update(params, grads)


@pytest.mark.parametrize("name", ["SGD", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "AdaDelta", "Adam"])
@pytest.mark.parametrize("batch_size", [None, 7])
def test_the_fast_vector_step_is_the_checked_update_on_w_and_b(name, batch_size):
    # fit_logistic steps a registry optimizer on the vector (w, b) without per-step checks; element-wise
    # algorithms make that the same arithmetic as update() on w and b apart, bit for bit.
    X, y = _data(n=60, seed=14)
    kwargs = {"lr": 0.3} if name != "AdaDelta" else {}
    fast = L.fit_logistic(X, y, _optimizer(name, **kwargs), 15, batch_size=batch_size, l2=0.01, seed=3)
    slow = L.fit_logistic(X, y, UpdateOnly(_optimizer(name, **kwargs)), 15, batch_size=batch_size, l2=0.01,
                          seed=3)
    assert np.array_equal(fast.w_path, slow.w_path) and np.array_equal(fast.b_path, slow.b_path)
    assert np.array_equal(fast.objective, slow.objective)


def test_minibatch_training_is_reproducible_from_the_seed():
    X, y = _data(seed=13)
    a = L.fit_logistic(X, y, PlainSGD(0.1), 20, batch_size=10, seed=5)
    b = L.fit_logistic(X, y, PlainSGD(0.1), 20, batch_size=10, seed=5)
    c = L.fit_logistic(X, y, PlainSGD(0.1), 20, batch_size=10, seed=6)
    assert np.array_equal(a.w_path, b.w_path) and np.array_equal(a.nll, b.nll)
    assert not np.array_equal(a.w_path, c.w_path)
    full = L.fit_logistic(X, y, PlainSGD(0.1), 20)
    whole = L.fit_logistic(X, y, PlainSGD(0.1), 20, batch_size=len(y))
    assert np.array_equal(full.w_path, whole.w_path)


def test_divergence_is_detected_for_a_huge_learning_rate():
    X, y = _data(seed=14)
    res = L.fit_logistic(X, y, PlainSGD(1e6), 100)
    assert res.diverged and res.diverged_epoch == 1 and res.epochs_run == 1
    assert "blew up" in res.reason
    assert len(res.nll) == 2
    for arr in (res.nll, res.objective, res.accuracy, res.w_path, res.b_path, res.coef_path):
        assert np.all(np.isfinite(arr))


def test_divergence_with_real_optimizer():
    X, y = _data(seed=14)
    res = L.fit_logistic(X, y, _optimizer("SGD", lr=1e7), 100)
    assert res.diverged and "blew up" in res.reason


class NaNOptimizer:
    """Produces NaN parameters at its third call."""

    def __init__(self):
        self.n = 0

    def update(self, params, grads):
        self.n += 1
        for k in params:
            params[k] -= 0.1 * grads[k] if self.n < 3 else np.nan


def test_non_finite_parameters_stop_training_without_nan_in_the_record():
    X, y = _data(seed=15)
    res = L.fit_logistic(X, y, NaNOptimizer(), 10)
    assert res.diverged and res.diverged_epoch == 3 and "non-finite" in res.reason
    assert len(res.nll) == 3  # epochs 0, 1, 2
    for arr in (res.nll, res.objective, res.accuracy, res.w_path, res.b_path, res.w_norm):
        assert np.all(np.isfinite(arr))


def test_separable_data_weights_grow_and_l2_fixes_it():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    assert L.is_linearly_separable(X, y) and not L.mle_exists(X, y)
    res = L.fit_logistic(X, y, PlainSGD(1.0), 2000)
    assert not res.diverged
    assert np.all(np.diff(res.w_norm) > 0)  # no finite minimiser: ‖w‖ keeps growing
    assert np.all(np.diff(res.nll) < 0) and res.nll[-1] < 1e-2
    pen = L.fit_logistic(X, y, PlainSGD(1.0), 2000, l2=0.1)
    ref = L.fit_reference(X, y, l2=0.1)
    assert ref.success and abs(pen.objective[-1] - ref.objective) < 1e-10
    assert pen.w_norm[-1] == pytest.approx(np.linalg.norm(ref.w), rel=1e-6)


# ---------------------------------------------------------------------------
# Loss landscape
# ---------------------------------------------------------------------------


def _brute_surface(Xs, y, g0, g1, b=None, l2=0.0):
    Z = np.empty((len(g1), len(g0)))
    for j, v1 in enumerate(g1):
        for i, v0 in enumerate(g0):
            if b is None:
                w, bias = np.array([v0]), v1
            else:
                w, bias = np.array([v0, v1]), b
            z = Xs @ w + bias
            Z[j, i] = L.bernoulli_nll(y, special.expit(z)) / y.size + 0.5 * l2 * w @ w
    return Z


def test_landscape_one_feature_matches_brute_force():
    X, y = _data(n=80, d=1, seed=16)
    g0, g1 = np.linspace(-3, 3, 7), np.linspace(-2, 2, 5)
    Z = L.loss_landscape(X, y, g0, g1, l2=0.2)
    Xs = (X - X.mean(0)) / X.std(0)
    assert Z.shape == (5, 7)
    # probabilities from expit lose relative accuracy in 1 − p for the largest logits
    assert np.allclose(Z, _brute_surface(Xs, y, g0, g1, l2=0.2), rtol=1e-10)


def test_landscape_two_features_chunked_and_subsampled(monkeypatch):
    X, y = _data(n=101, d=2, seed=17)
    g0, g1 = np.linspace(-2, 2, 6), np.linspace(-1, 3, 4)
    monkeypatch.setattr(L, "_CHUNK_ELEMENTS", 50)  # force several blocks of rows
    Z = L.loss_landscape(X, y, g0, g1, b=0.4, standardize=False, max_points=30)
    keep = np.round(np.linspace(0, 100, 30)).astype(int)
    assert np.allclose(Z, _brute_surface(X[keep], y[keep], g0, g1, b=0.4), rtol=1e-10)


def test_landscape_passes_through_the_training_path():
    X, y = _data(n=200, d=1, seed=18)
    res = L.fit_logistic(X, y, PlainSGD(1.0), 30, l2=0.05)
    for k in (0, 7, 30):
        w, b = res.w_path[k, 0], res.b_path[k]
        Z = L.loss_landscape(X, y, [w, w + 1], [b, b + 1], l2=0.05)
        assert Z[0, 0] == pytest.approx(res.objective[k], rel=1e-12)
    X2, y2 = _data(n=200, d=2, seed=18)
    res2 = L.fit_logistic(X2, y2, PlainSGD(1.0), 30)
    w = res2.w
    Z = L.loss_landscape(X2, y2, [w[0], 9.0], [w[1], 9.0], b=res2.b)
    assert Z[0, 0] == pytest.approx(res2.nll[-1], rel=1e-12)


# ---------------------------------------------------------------------------
# Separation
# ---------------------------------------------------------------------------


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
    assert L.is_linearly_separable(x, y) == strict
    assert L.mle_exists(x, y) == (not weak)


def test_separation_in_two_dimensions():
    xor = np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    assert not L.is_linearly_separable(xor, y) and L.mle_exists(xor, y)
    rng = np.random.default_rng(19)
    X = rng.normal(size=(300, 2))
    margin = X @ [1.0, 2.0] - 0.5
    keep = np.abs(margin) > 0.05  # a strictly separating line with margin
    X, y = X[keep], (margin[keep] > 0).astype(float)
    assert L.is_linearly_separable(X, y) and not L.mle_exists(X, y)
    y_noisy = y.copy()
    y_noisy[np.argmax(margin[keep])] = 0.0  # the most confident point flipped
    assert not L.is_linearly_separable(X, y_noisy) and L.mle_exists(X, y_noisy)
    # quasi-complete: the line x2 = 0 separates the classes except for the tie at (3, 0),
    # which holds one point of each class, so no line separates them strictly
    Xq = np.array([[0.0, -1.0], [1.0, -2.0], [0.0, 1.0], [2.0, 1.5], [3.0, 0.0], [3.0, 0.0]])
    yq = np.array([0.0, 0.0, 1.0, 1.0, 0.0, 1.0])
    assert not L.is_linearly_separable(Xq, yq) and not L.mle_exists(Xq, yq)


# ---------------------------------------------------------------------------
# Invalid input
# ---------------------------------------------------------------------------

_X = np.arange(8.0).reshape(4, 2)
_Y = np.array([0.0, 1.0, 0.0, 1.0])

BAD_DATA = [
    (_X, [0.0, 2.0, 0.0, 1.0], "0 and 1"),
    (_X, [-1.0, 1.0, -1.0, 1.0], "0 and 1"),
    (np.where(_X == 3.0, np.nan, _X), _Y, "finite"),
    (np.where(_X == 3.0, np.inf, _X), _Y, "finite"),
    (_X, [np.nan, 1.0, 0.0, 1.0], "finite"),
    (_X, [1.0, 1.0, 1.0, 1.0], "both classes"),
    (_X, [0.0, 0.0, 0.0, 0.0], "both classes"),
    (_X, [0.0, 1.0, 0.0], "same number"),
    (np.empty((0, 2)), np.empty(0), "empty"),
    (np.empty((4, 0)), _Y, "empty"),
    (np.zeros((4, 2, 1)), _Y, "dimensional"),
    (_X, _Y[:, None], "dimensional"),
    ([["a", "b"]] * 4, _Y, "numeric"),
]


@pytest.mark.parametrize("X, y, word", BAD_DATA)
@pytest.mark.parametrize(
    "call",
    [
        lambda X, y: L.fit_logistic(X, y, PlainSGD(0.1), 1),
        lambda X, y: L.fit_reference(X, y),
        lambda X, y: L.is_linearly_separable(X, y),
        lambda X, y: L.mle_exists(X, y),
        lambda X, y: L.logistic_loss_grad([0.0, 0.0], 0.0, X, y),
    ],
)
def test_bad_data_raises_value_error(call, X, y, word):
    with pytest.raises(ValueError, match=word):
        call(X, y)


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda: L.fit_logistic(_X, _Y, object(), 1), "optimizer"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 0), "epochs"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, batch_size=0), "batch_size"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, l2=-1.0), "l2"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, seed=-1), "seed"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, w0=[1.0]), "w0"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, b0=np.nan), "b0"),
        (lambda: L.fit_logistic(_X, _Y, PlainSGD(0.1), 1, divergence_factor=0.5), "divergence_factor"),
        (lambda: L.logistic_loss_grad([0.0], 0.0, _X, _Y), "w must have one weight per feature"),
        (lambda: L.logistic_loss_grad([0.0, 0.0], np.inf, _X, _Y), "b must be finite"),
        (lambda: L.bce_with_logits([0.0], [0.0], reduction="avg"), "reduction"),
        (lambda: L.bce_with_logits([0.0], [1.5]), "y"),
        (lambda: L.bce_with_logits([0.0, 1.0], [1.0]), "shape"),
        (lambda: L.bce_with_logits([np.nan], [1.0]), "z"),
        (lambda: L.bce_from_probs([1.2], [1.0]), "p"),
        (lambda: L.bce_from_probs([0.5], [1.0], eps=0.0), "eps"),
        (lambda: L.bernoulli_nll([0.5], 0.5), "0 and 1"),
        (lambda: L.bernoulli_nll([0.0, 1.0], [0.5, 0.5, 0.5]), "shape"),
        (lambda: L.bernoulli_nll([1.0], -0.1), "p"),
        (lambda: L.sigmoid(np.nan), "z"),
        (lambda: L.loss_landscape(_X, _Y, [0.0, 1.0], [0.0, 1.0]), "b"),
        (lambda: L.loss_landscape(_X[:, :1], _Y, [0.0, 1.0], [0.0, 1.0], b=0.0), "b"),
        (lambda: L.loss_landscape(np.ones((4, 3)), _Y, [0.0, 1.0], [0.0, 1.0], b=0.0), "1 or 2 features"),
        (lambda: L.loss_landscape(_X, _Y, [0.0], [0.0, 1.0], b=0.0), "grid0"),
        (lambda: L.loss_landscape(_X, _Y, np.zeros(1001), [0.0, 1.0], b=0.0), "grid0"),
        (lambda: L.loss_landscape(_X, _Y, [0.0, 1.0], [0.0, 1.0], b=0.0, max_points=1), "max_points"),
    ],
)
def test_bad_arguments_raise_value_error(call, word):
    with pytest.raises(ValueError, match=word):
        call()


# ---------------------------------------------------------------------------
# Lab views: even_indices, bernoulli_identity, compare_optimizers
# ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 5000), m=st.integers(2, 600))
def test_even_indices_are_sorted_distinct_and_keep_the_ends(n, m):
    idx = L.even_indices(n, m)
    assert idx.size == min(n, m)
    assert np.all(np.diff(idx) > 0)
    if n:
        assert idx[0] == 0 and idx[-1] == n - 1
    if n <= m:
        assert np.array_equal(idx, np.arange(n))
    else:  # within rounding of the evenly spaced positions i (n − 1)/(m − 1)
        assert np.all(np.abs(idx - np.arange(m) * (n - 1) / (m - 1)) <= 0.5 + 1e-9)


@pytest.mark.parametrize("p, q, n, seed", [(0.3, 0.6, 20, 42), (0.9, 0.05, 1000, 1), (0.5, 0.5, 1, 7)])
def test_bernoulli_identity_matches_scipy_and_brute_force(p, q, n, seed):
    ident = L.bernoulli_identity(p, q, n, seed)
    x = sampling.draw("bernoulli", {"p": p}, n, seed)  # the same sample (the Sampling page's draw)
    assert ident.n == n and ident.k == int(x.sum()) and ident.q_hat == x.mean()
    assert ident.nll_sum == pytest.approx(-stats.bernoulli.logpmf(x, q).sum(), rel=RTOL)
    assert ident.nll_mean == pytest.approx(ident.nll_sum / n, rel=RTOL)
    assert ident.bce_mean == pytest.approx(ident.nll_mean, rel=RTOL)  # the identity itself
    assert ident.bce_mean == pytest.approx(log_loss(x, np.full(n, q), labels=[0, 1]), rel=RTOL)
    assert ident.z_q == pytest.approx(np.log(q / (1 - q)), rel=RTOL)
    assert ident.nll_mean_at_mle == pytest.approx(
        -stats.bernoulli.logpmf(x, ident.q_hat).sum() / n if 0 < ident.k < n else 0.0, rel=RTOL, abs=1e-300)
    # the curves: −log σ(z), −log(1 − σ(z)) and the sample mean at every grid z (brute force)
    assert np.allclose(ident.loss_pos, -np.log(special.expit(ident.z)), rtol=RTOL, atol=0)
    assert np.allclose(ident.loss_neg, -np.log1p(-special.expit(ident.z)), rtol=1e-11, atol=0)
    brute = [np.mean([L.bce_with_logits(zj, xi) for xi in x[:50]]) for zj in ident.z[::20]] if n <= 50 else None
    if brute is not None:
        assert np.allclose(ident.loss_mean[::20], brute, rtol=RTOL)
    assert ident.z[0] <= ident.z_q <= ident.z[-1]


@settings(max_examples=100, deadline=None)
@given(p=st.floats(0, 1), q=st.floats(1e-6, 1 - 1e-6), n=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1))
def test_bernoulli_identity_properties(p, q, n, seed):
    ident = L.bernoulli_identity(p, q, n, seed)
    assert ident.bce_mean == pytest.approx(ident.nll_mean, rel=1e-12)
    assert ident.nll_mean >= ident.nll_mean_at_mle - 1e-12  # q̂ = k/N minimises −log L
    assert np.all(ident.loss_mean >= ident.nll_mean_at_mle - 1e-12)
    assert np.all(np.isfinite(ident.loss_mean)) and ident.z[0] <= ident.z_q <= ident.z[-1]


def test_bernoulli_identity_all_zeros_and_all_ones():
    zeros = L.bernoulli_identity(0.0, 0.3, 50, 0)
    assert zeros.k == 0 and zeros.q_hat == 0.0 and zeros.nll_mean_at_mle == 0.0
    assert zeros.nll_mean == pytest.approx(-np.log(0.7), rel=RTOL)
    assert np.array_equal(zeros.loss_mean, zeros.loss_neg)
    ones = L.bernoulli_identity(1.0, 0.3, 50, 0)
    assert ones.k == 50 and ones.nll_mean == pytest.approx(-np.log(0.3), rel=RTOL)


_CONFIGS = {"SGD": {"lr": 0.5}, "Momentum": {"lr": 0.1, "momentum": 0.9}, "Adam": {"lr": 0.05}}


def test_compare_optimizers_runs_exactly_the_documented_fits():
    X, y = _data(n=300, seed=20)
    res = L.compare_optimizers(X, y, _CONFIGS, epochs=40, batch_size=64, l2=0.01, seed=5)
    assert res.names == ("SGD", "Momentum", "Adam") and res.n_samples == 300 and res.l2 == 0.01
    for name, hyper in _CONFIGS.items():
        direct = L.fit_logistic(X, y, _optimizer(name, **hyper), 40, batch_size=64, l2=0.01, seed=5)
        assert np.array_equal(res.fits[name].w_path, direct.w_path)
        assert np.array_equal(res.fits[name].objective, direct.objective)
    ref = L.fit_reference(X, y, l2=0.01)
    assert res.reference.objective == ref.objective and np.array_equal(res.reference.w, ref.w)
    assert res.mle_exists and res.has_optimum and res.ridge is None
    assert res.reference_accuracy == np.mean((X @ ref.coef + ref.intercept >= 0) == (y == 1))


def test_compare_optimizers_landscape_and_paths():
    X, y = _data(n=300, seed=21)
    res = L.compare_optimizers(X, y, _CONFIGS, epochs=300, l2=0.0, seed=0)
    land = res.landscape
    assert land.fixed_b == res.reference.b
    assert np.array_equal(land.surface, L.loss_landscape(X, y, land.axis0, land.axis1, b=land.fixed_b))
    assert np.array_equal(land.optimum, res.reference.w)
    for name, fit in res.fits.items():
        path = land.paths[name]
        assert len(path) == 200  # 301 records thinned to max_path_points
        assert np.array_equal(path[0], fit.w_path[0]) and np.array_equal(path[-1], fit.w_path[-1])
        # every non-diverged path lies inside the box
        assert land.axis0[0] <= path[:, 0].min() and path[:, 0].max() <= land.axis0[-1]
        assert land.axis1[0] <= path[:, 1].min() and path[:, 1].max() <= land.axis1[-1]
    assert land.axis0[0] <= land.optimum[0] <= land.axis0[-1]
    assert set(land.contours) == {"level", "line", "order", "x", "y"} and land.contours["x"].size <= 1000


def test_compare_optimizers_one_feature_landscape_is_w_and_b():
    X, y = _data(n=200, d=1, seed=22)
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=30)
    land, fit = res.landscape, res.fits["SGD"]
    assert land.fixed_b is None
    assert np.array_equal(land.paths["SGD"], np.column_stack([fit.w_path[:, 0], fit.b_path]))
    assert np.array_equal(land.surface, L.loss_landscape(X, y, land.axis0, land.axis1))
    assert np.array_equal(land.optimum, [res.reference.w[0], res.reference.b])


def test_compare_optimizers_decision_view():
    X, y = _data(n=400, seed=23)
    res = L.compare_optimizers(X, y, {"Adam": {"lr": 0.05}}, epochs=50, max_view_points=150)
    view, fit, ref = res.view, res.fits["Adam"], res.reference
    assert view.n_total == 400 and len(view.y) == 150
    assert np.array_equal(view.X, X[L.even_indices(400, 150)]) and np.array_equal(view.y, y[L.even_indices(400, 150)])
    assert view.axis0[0] < X[:, 0].min() and view.axis0[-1] > X[:, 0].max()
    A, B = np.meshgrid(view.axis0, view.axis1)
    assert np.allclose(view.prob, special.expit(fit.coef[0] * A + fit.coef[1] * B + fit.intercept), rtol=1e-12)
    assert np.allclose(view.prob_reference, special.expit(ref.coef[0] * A + ref.coef[1] * B + ref.intercept),
                       rtol=1e-12)
    for coef, b, line in ((fit.coef, fit.intercept, view.boundary), (ref.coef, ref.intercept, view.reference_boundary)):
        assert line["x"].size >= 2  # the boundary crosses the data
        z = coef[0] * line["x"] + coef[1] * line["y"] + b
        assert np.max(np.abs(z)) < 1e-9 * (1 + np.abs(coef).sum())  # contour of a plane: exact


def test_compare_optimizers_decision_view_one_feature():
    X, y = _data(n=100, d=1, seed=24)
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=200)
    fit, view = res.fits["SGD"], res.view
    assert view.axis1 is None and view.prob.shape == view.axis0.shape
    assert np.allclose(view.prob, special.expit(fit.coef[0] * view.axis0 + fit.intercept), rtol=1e-12)
    x_star = -fit.intercept / fit.coef[0]
    assert np.allclose(view.boundary["x"], x_star, rtol=1e-12) and np.array_equal(view.boundary["y"], [0.0, 1.0])


def test_compare_optimizers_separable_data_contrasts_l2():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=500)
    assert not res.mle_exists and not res.has_optimum and res.landscape.optimum is None
    assert list(res.ridge) == [0.0, 0.1]
    free, ridge = res.ridge[0.0], res.ridge[0.1]
    assert np.array_equal(free, res.fits["SGD"].w_norm)
    assert np.all(np.diff(free) > 0)  # no minimiser: ‖w‖ keeps growing
    pen = L.fit_reference(X, y, l2=0.1)
    # settles at the penalised optimum: 500 gradient steps on a strongly convex objective (λ = 0.1)
    # converge linearly, far below this iterative tolerance
    assert ridge[-1] == pytest.approx(np.linalg.norm(pen.w), rel=1e-6)
    with_l2 = L.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=500, l2=0.1)
    assert with_l2.has_optimum and list(with_l2.ridge) == [0.0, 0.1]
    assert np.array_equal(with_l2.ridge[0.1], with_l2.fits["SGD"].w_norm)
    assert np.array_equal(with_l2.ridge[0.0], free)


def test_compare_optimizers_two_feature_separable_slice_uses_the_run_intercept():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [3.0, 4.0], [4.0, 3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=50)
    assert not res.mle_exists and res.landscape.fixed_b == res.fits["SGD"].b  # no optimum to slice at
    assert np.array_equal(res.landscape.surface, L.loss_landscape(
        X, y, res.landscape.axis0, res.landscape.axis1, b=res.fits["SGD"].b))


def test_compare_optimizers_summary_rows():
    X, y = _data(n=200, seed=25)
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 0.5}, "Adam": {"lr": 1e4}}, epochs=20)
    rows = res.summary()
    assert [r["name"] for r in rows] == ["SGD", "Adam", None]
    for row in rows[:2]:
        fit = res.fits[row["name"]]
        assert row["nll"] == fit.nll[-1] and row["nll_sum"] == pytest.approx(200 * fit.nll[-1], rel=RTOL)
        assert row["gap"] == fit.objective[-1] - res.reference.objective
        assert row["accuracy"] == fit.accuracy[-1] and row["epochs_run"] == fit.epochs_run
    assert rows[0]["diverged_epoch"] is None and rows[1]["diverged_epoch"] == res.fits["Adam"].diverged_epoch == 1
    assert rows[2]["gap"] == 0.0 and rows[2]["nll"] == res.reference.nll
    # rounding only: the oracle maps the standardised optimum back to the original scale first
    assert rows[2]["nll_sum"] == pytest.approx(-np.sum(stats.bernoulli.logpmf(
        y, special.expit(X @ res.reference.coef + res.reference.intercept))), rel=1e-10)


def test_compare_optimizers_diverging_run_leaves_no_nan():
    X, y = _data(n=200, seed=26)
    res = L.compare_optimizers(X, y, {"SGD": {"lr": 1e4}, "Adam": {"lr": 1e4}}, epochs=30)
    assert all(fit.diverged for fit in res.fits.values())
    for path in res.landscape.paths.values():
        assert np.all(np.isfinite(path))
    for arr in (res.view.prob, res.view.prob_reference, res.landscape.surface):
        assert np.all(np.isfinite(arr))


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"optimizers": {}}, "non-empty"),
        ({"optimizers": {"LBFGS": {}}}, "unknown optimizer"),
        ({"optimizers": {"SGD": 0.1}}, "dict of hyperparameters"),
        ({"optimizers": {"SGD": {"momentum": 0.9}}}, "no hyperparameter"),
        ({"optimizers": {"SGD": {"lr": -1.0}}}, "lr"),
        ({"optimizers": {"Adam": {"beta1": 1.0}}}, "beta1"),
        ({"epochs": 0}, "epochs"),
        ({"batch_size": 0}, "batch_size"),
        ({"l2": -0.1}, "l2"),
        ({"seed": -1}, "seed"),
        ({"ridge_l2": 0.0}, "ridge_l2"),
        ({"grid_size": 1}, "grid_size"),
        ({"epochs": 100_000, "batch_size": 1}, "too much training"),
        ({"X": np.ones((4, 3))}, "1 or 2 features"),
    ],
)
def test_compare_optimizers_rejects_bad_arguments(kwargs, word):
    args = {"X": _X, "y": _Y, "optimizers": {"SGD": {"lr": 0.1}}, **kwargs}
    with pytest.raises(ValueError, match=word):
        L.compare_optimizers(args.pop("X"), args.pop("y"), args.pop("optimizers"), **args)


def test_compare_optimizers_sample_pass_budget():
    X, y = np.zeros((200_000, 1)), np.tile([0.0, 1.0], 100_000)
    X[:, 0] = np.arange(200_000) % 7
    with pytest.raises(ValueError, match="sample passes"):
        L.compare_optimizers(X, y, {"SGD": {"lr": 0.1}}, epochs=101)


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda: L.even_indices(-1, 10), "n"),
        (lambda: L.even_indices(10, 1), "max_points"),
        (lambda: L.bernoulli_identity(1.5, 0.5, 10, 0), "p"),
        (lambda: L.bernoulli_identity(0.5, 1.0, 10, 0), "q"),
        (lambda: L.bernoulli_identity(0.5, 0.0, 10, 0), "q"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 0, 0), "n"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 10, -1), "seed"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 10, 0, grid_points=1), "grid_points"),
        (lambda: L.bernoulli_identity(0.5, 0.5, 10, 0, z_max=0.0), "z_max"),
    ],
)
def test_lab_view_bad_arguments(call, word):
    with pytest.raises(ValueError, match=word):
        call()


@pytest.mark.parametrize("decide", [L.is_linearly_separable, L.mle_exists])
def test_a_failed_linprog_is_reported_as_value_error(decide, monkeypatch):
    """linprog's failure statuses (1 iteration limit, 4 numerical trouble) surface as ValueError, not RuntimeError."""
    failed = type("Result", (), {"status": 4, "message": "numerical difficulties", "fun": 0.0})()
    monkeypatch.setattr(L.optimize, "linprog", lambda *args, **kwargs: failed)
    with pytest.raises(ValueError, match=r"^X\b.*numerical difficulties"):
        decide(np.array([[0.0], [1.0], [2.0]]), np.array([0, 1, 0]))
