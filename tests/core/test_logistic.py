"""Tests for estimation.logistic: training a logistic regression = MLE.

Oracles: scikit-learn (LogisticRegression), central finite differences,
brute-force per-grid-point sums. (Separation: test_separation.py.)
(The losses are tested in test_losses.py, the page's views in
test_views_cross_entropy.py.)
"""

import numpy as np
import pytest
from scipy import special
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

from estimation import logistic as L
from estimation import separation as S

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
    assert S.is_linearly_separable(X, y) and not S.mle_exists(X, y)
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
        lambda X, y: S.is_linearly_separable(X, y),
        lambda X, y: S.mle_exists(X, y),
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
