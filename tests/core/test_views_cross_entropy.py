"""Tests for estimation.views.cross_entropy: what the Cross-entropy page's sections draw.

Moved from test_logistic.py with the page geometry (same assertions, same
tolerances). Oracles: the direct fits of estimation.logistic (run by hand),
scipy.special, brute-force sums, the plane's exact zero contour.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import special, stats

from estimation import datasets, sampling
from estimation import logistic as L
from estimation import losses
from estimation import separation as S
from estimation.views import cross_entropy as V
from tests.core.test_logistic import RTOL, _data, _optimizer

_X = np.arange(8.0).reshape(4, 2)
_Y = np.array([0.0, 1.0, 0.0, 1.0])


# ---------------------------------------------------------------------------
# 1. The identity's curves
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("p, q, n, seed", [(0.3, 0.6, 20, 42), (0.9, 0.05, 1000, 1), (0.5, 0.5, 1, 7)])
def test_identity_curves_match_brute_force(p, q, n, seed):
    view = V.identity_section(p, q, n, seed)
    ident = view.identity
    assert ident == losses.bernoulli_identity(p, q, n, seed)
    x = sampling.draw("bernoulli", {"p": p}, n, seed)  # the same sample (the Sampling page's draw)
    # the curves: −log σ(z), −log(1 − σ(z)) and the sample mean at every grid z (brute force)
    assert np.allclose(view.loss_pos, -np.log(special.expit(view.z)), rtol=RTOL, atol=0)
    assert np.allclose(view.loss_neg, -np.log1p(-special.expit(view.z)), rtol=1e-11, atol=0)
    brute = [np.mean([losses.bce_with_logits(zj, xi) for xi in x[:50]]) for zj in view.z[::20]] if n <= 50 else None
    if brute is not None:
        assert np.allclose(view.loss_mean[::20], brute, rtol=RTOL)
    assert view.z[0] <= ident.z_q <= view.z[-1]
    assert view.rows() == {"ones": f"{ident.k:,} / {ident.n:,}", "nll_sum": f"{ident.nll_sum:.6f}",
                           "q_hat": f"{ident.q_hat:.6f}", "nll_min": f"{ident.nll_mean_at_mle:.6f}"}


@settings(max_examples=100, deadline=None)
@given(p=st.floats(0, 1), q=st.floats(1e-6, 1 - 1e-6), n=st.integers(1, 3000), seed=st.integers(0, 2**32 - 1))
def test_identity_curve_properties(p, q, n, seed):
    view = V.identity_section(p, q, n, seed)
    ident = view.identity
    assert np.all(view.loss_mean >= ident.nll_mean_at_mle - 1e-12)  # q̂ = k/N minimises the mean curve too
    assert np.all(np.isfinite(view.loss_mean)) and view.z[0] <= ident.z_q <= view.z[-1]


def test_identity_curves_all_zeros():
    zeros = V.identity_section(0.0, 0.3, 50, 0)
    assert np.array_equal(zeros.loss_mean, zeros.loss_neg)


# ---------------------------------------------------------------------------
# 3.–5. Several optimizers on the same data
# ---------------------------------------------------------------------------


_CONFIGS = {"SGD": {"lr": 0.5}, "Momentum": {"lr": 0.1, "momentum": 0.9}, "Adam": {"lr": 0.05}}


def test_compare_optimizers_runs_exactly_the_documented_fits():
    X, y = _data(n=300, seed=20)
    res = V.compare_optimizers(X, y, _CONFIGS, epochs=40, batch_size=64, l2=0.01, seed=5)
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
    res = V.compare_optimizers(X, y, _CONFIGS, epochs=300, l2=0.0, seed=0)
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
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=30)
    land, fit = res.landscape, res.fits["SGD"]
    assert land.fixed_b is None
    assert np.array_equal(land.paths["SGD"], np.column_stack([fit.w_path[:, 0], fit.b_path]))
    assert np.array_equal(land.surface, L.loss_landscape(X, y, land.axis0, land.axis1))
    assert np.array_equal(land.optimum, [res.reference.w[0], res.reference.b])


def test_compare_optimizers_decision_view():
    X, y = _data(n=400, seed=23)
    res = V.compare_optimizers(X, y, {"Adam": {"lr": 0.05}}, epochs=50, max_view_points=150)
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
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=200)
    fit, view = res.fits["SGD"], res.view
    assert view.axis1 is None and view.prob.shape == view.axis0.shape
    assert np.allclose(view.prob, special.expit(fit.coef[0] * view.axis0 + fit.intercept), rtol=1e-12)
    x_star = -fit.intercept / fit.coef[0]
    assert np.allclose(view.boundary["x"], x_star, rtol=1e-12) and np.array_equal(view.boundary["y"], [0.0, 1.0])


def test_compare_optimizers_separable_data_contrasts_l2():
    X = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    y = np.array([0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=500)
    assert not res.mle_exists and not res.has_optimum and res.landscape.optimum is None
    assert list(res.ridge) == [0.0, 0.1]
    free, ridge = res.ridge[0.0], res.ridge[0.1]
    assert np.array_equal(free, res.fits["SGD"].w_norm)
    assert np.all(np.diff(free) > 0)  # no minimiser: ‖w‖ keeps growing
    pen = L.fit_reference(X, y, l2=0.1)
    # settles at the penalised optimum: 500 gradient steps on a strongly convex objective (λ = 0.1)
    # converge linearly, far below this iterative tolerance
    assert ridge[-1] == pytest.approx(np.linalg.norm(pen.w), rel=1e-6)
    with_l2 = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=500, l2=0.1)
    assert with_l2.has_optimum and list(with_l2.ridge) == [0.0, 0.1]
    assert np.array_equal(with_l2.ridge[0.1], with_l2.fits["SGD"].w_norm)
    assert np.array_equal(with_l2.ridge[0.0], free)


def test_compare_optimizers_two_feature_separable_slice_uses_the_run_intercept():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [3.0, 4.0], [4.0, 3.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1.0}}, epochs=50)
    assert not res.mle_exists and res.landscape.fixed_b == res.fits["SGD"].b  # no optimum to slice at
    assert np.array_equal(res.landscape.surface, L.loss_landscape(
        X, y, res.landscape.axis0, res.landscape.axis1, b=res.fits["SGD"].b))


def test_compare_optimizers_summary_rows():
    X, y = _data(n=200, seed=25)
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 0.5}, "Adam": {"lr": 1e4}}, epochs=20)
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
    res = V.compare_optimizers(X, y, {"SGD": {"lr": 1e4}, "Adam": {"lr": 1e4}}, epochs=30)
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
        V.compare_optimizers(args.pop("X"), args.pop("y"), args.pop("optimizers"), **args)


def test_compare_optimizers_sample_pass_budget():
    X, y = np.zeros((200_000, 1)), np.tile([0.0, 1.0], 100_000)
    X[:, 0] = np.arange(200_000) % 7
    with pytest.raises(ValueError, match="sample passes"):
        V.compare_optimizers(X, y, {"SGD": {"lr": 0.1}}, epochs=101)


@pytest.mark.parametrize(
    "call, word",
    [
        (lambda: V.identity_section(0.5, 0.5, 10, 0, grid_points=1), "grid_points"),
        (lambda: V.identity_section(0.5, 0.5, 10, 0, z_max=0.0), "z_max"),
        (lambda: V.identity_section(0.5, 1.0, 10, 0), "q"),
    ],
)
def test_lab_view_bad_arguments(call, word):
    with pytest.raises(ValueError, match=word):
        call()



@pytest.mark.parametrize("n, sep, dim, l2, epochs", [
    (400, 4.0, 2, 0.0, 100), (400, 4.0, 2, 0.001, 10), (100, 2.0, 1, 0.0, 10), (400, 2.0, 1, 0.0, 10),
    (400, 2.0, 2, 0.0, 100), (400, 8.0, 2, 0.1, 100), (200, 8.0, 1, 1.0, 50), (50, 0.0, 2, 0.0, 1000),
])
def test_landscape_window_holds_the_optimum_well_inside(n, sep, dim, l2, epochs):
    """Issue 16: the L-BFGS optimum marker sat on the frame's edge (10 % inside when it is the farthest anchor)."""
    X, y = datasets.make_gaussian_classes(n, n_features=dim, separation=sep, seed=42)
    res = V.compare_optimizers(X, y, _CONFIGS, epochs=epochs, l2=l2, seed=42)
    land = res.landscape
    assert land.optimum is not None
    for axis, value in ((land.axis0, land.optimum[0]), (land.axis1, land.optimum[1])):
        fraction = (value - axis[0]) / (axis[-1] - axis[0])
        assert 0.2 <= fraction <= 0.8, (fraction, value, axis[0], axis[-1])
    for path in land.paths.values():  # and the paths still lie inside
        assert land.axis0[0] <= path[:, 0].min() and path[:, 0].max() <= land.axis0[-1]
        assert land.axis1[0] <= path[:, 1].min() and path[:, 1].max() <= land.axis1[-1]


def test_separation_advice_follows_the_data_choice():
    X, y = datasets.make_gaussian_classes(400, n_features=2, separation=2.0, seed=42)
    hyper = {"SGD": {"lr": 0.5}}
    for separation, source, advice in ((2.0, "synthetic", "synthetic"), (8.0, "synthetic", "synthetic_max"),
                                       (2.0, "upload", "upload")):
        data = V.Data("synthetic" if source == "synthetic" else source, X, y, (), None, 400, 200, separation)
        run = V.training_section(data, hyper, epochs=10, batch_size=None, l2=0.0, seed=0)
        assert V.separable_section(data, run, max_separation=8.0).advice == advice
    iris = V.bundled_data("iris", ("sepal_length",), positive="setosa")
    run = V.training_section(iris, hyper, epochs=10, batch_size=None, l2=0.0, seed=0)
    assert S.mle_exists(iris.X, iris.y) and V.separable_section(iris, run).advice == "iris_setosa"
    separable = V.synthetic_data(400, 8.0, 2, seed=42)
    run = V.training_section(separable, hyper, epochs=10, batch_size=None, l2=0.0, seed=0)
    view = V.separable_section(separable, run)
    assert not S.mle_exists(separable.X, separable.y) and view.advice is None and list(view.norms) == [0.0, 0.1]


def test_data_choices_match_the_datasets_module():
    syn = V.synthetic_data(200, 3.0, 1, seed=5)
    X, y = datasets.make_gaussian_classes(200, n_features=1, separation=3.0, seed=5)
    assert np.array_equal(syn.X, X) and np.array_equal(syn.y, y) and syn.classes is None and syn.d == 1
    assert (syn.n, syn.ones) == (200, int(y.sum())) and syn.separation == 3.0 and syn.source == "synthetic"
    assert V.synthetic_data(seed=5, source="upload").source == "upload"
    iris = V.bundled_data("iris", ("petal_length", "petal_width"), positive="virginica", negative="versicolor")
    direct = datasets.select_xy(datasets.load_dataset("iris"), "species", ["petal_length", "petal_width"],
                                positive="virginica", negative="versicolor")
    assert np.array_equal(iris.X, direct.X) and np.array_equal(iris.y, direct.y)
    assert iris.features == ("petal_length", "petal_width") and iris.classes == ("versicolor", "virginica")
    assert V.bundled_data("iris", ("petal_length",), positive="setosa").classes == (None, "setosa")  # the rest
    raw = datasets.load_dataset("iris").to_csv(index=False).encode()
    up = V.uploaded_data(raw, "species", ("sepal_width",), positive="setosa")
    assert up.source == "upload" and up.n == 150 and up.ones == 50 and up.classes == (None, "setosa")


def test_data_labels_name_axes_and_classes_in_the_pages_words():
    """Data.labels (moved from the page): synthetic data get the page's x₁/x₂ and class words, bundled data
    their columns and classes, "the rest" its word."""
    def t(key):
        return f"<{key}>"

    one = V.synthetic_data(50, 2.0, 1, seed=1)
    assert one.labels(t) == (["<cross_entropy.x1>"], ("<cross_entropy.class0>", "<cross_entropy.class1>"))
    two = V.synthetic_data(50, 2.0, 2, seed=1)
    assert two.labels(t)[0] == ["<cross_entropy.x1>", "<cross_entropy.x2>"]
    iris = V.bundled_data("iris", ("petal_length", "petal_width"), positive="virginica", negative="versicolor")
    assert iris.labels(t) == (["petal_length", "petal_width"], ("versicolor", "virginica"))
    rest = V.bundled_data("iris", ("sepal_length",), positive="setosa")
    assert rest.labels(t) == (["sepal_length"], ("<cross_entropy.rest>", "setosa"))
