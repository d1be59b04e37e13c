"""Softmax page views: the numbers each section shows, against independent computations."""

import math

import numpy as np
import pytest
from scipy import special, stats

from estimation import datasets
from estimation._validation import InputError
from estimation.views import softmax as V

IRIS = V.DataChoice()
SEPALS = V.DataChoice("iris", ("sepal_length", "sepal_width"))  # overlapping classes: the MLE exists
BLOBS = V.DataChoice("blobs", k=4, separation=1.5, n=400, seed=2)


def test_data_view_counts_and_frequencies():
    view = V.data_view(BLOBS)
    assert view.k == 4 and view.n == 400 and view.counts == (100, 100, 100, 100)
    assert view.classes == ("k = 1", "k = 2", "k = 3", "k = 4") and view.features == ("x₁", "x₂")
    iris = V.data_view(IRIS)
    assert iris.classes == ("setosa", "versicolor", "virginica") and iris.p_hat == (1 / 3, 1 / 3, 1 / 3)


@pytest.mark.parametrize("units, base", [("nats", None), ("bits", 2)])
def test_entropy_view_matches_scipy_and_a_hand_count(units, base):
    view = V.entropy_view(BLOBS, 0.3, 0.6, 50, 7, units)
    x = np.random.default_rng(7).binomial(1, 0.3, size=50)  # the lab's coin flips (the snippet's draw)
    assert view.k_ones == int(x.sum()) and view.p_hat == x.mean()
    p_hat = np.array([1 - x.mean(), x.mean()])
    cross, ent, kl = view.at_q
    assert ent == pytest.approx(stats.entropy(p_hat, base=base), rel=1e-13)
    assert kl == pytest.approx(stats.entropy(p_hat, [0.4, 0.6], base=base), rel=1e-13)
    assert cross == pytest.approx(ent + kl, rel=1e-13)
    # the curve's minimum is at q = p̂ (grid step 0.005), where KL vanishes
    assert abs(view.q_grid[np.argmin(view.cross)] - view.p_hat) <= 0.005
    assert np.all(view.kl >= 0)
    bars = {b["model"]: b for b in view.bars}
    assert bars["mle"]["kl"] == 0.0 and bars["uniform"]["kl"] == pytest.approx(0.0, abs=1e-15)  # balanced blobs
    assert all(b["cross"] == pytest.approx(b["entropy"] + b["kl"], rel=1e-13) for b in view.bars)


def test_training_view_reaches_the_optimum_and_the_k2_check_is_tiny():
    view = V.training_view(SEPALS, "Adam", (("lr", 0.1),), 1000, None, 0.0, True, 0)
    assert view.optimum_converged and view.diverged_epoch is None
    assert 0 <= view.gap < 0.01  # 1,000 Adam epochs: close to, not at, the optimum (20,000 in test_softmax)
    assert view.region_class.shape == (V.REGION_GRID, V.REGION_GRID)
    assert np.allclose(view.surfaces.sum(axis=0), 1.0, atol=1e-12)
    assert view.binary_check[0]["lr"] == 0.1 and view.binary_check[1]["lr"] == 0.2
    assert view.binary_max_diff < 1e-10
    assert view.epochs[0] == 0 and view.objective[0] == pytest.approx(math.log(3), rel=1e-15)


def test_too_many_updates_is_a_translatable_error():
    with pytest.raises(InputError) as err:
        V.training_view(V.DataChoice("blobs", n=2000), "SGD", (("lr", 0.1),), 1000, 8, 0.0, True, 0)
    assert err.value.key == "too_many_updates" and err.value.fields["updates"] == "250,000"


def test_temperature_view_best_t_and_overflow():
    # with λ = 0 and an MLE that exists, T* = 1: scaling the logits is a direction the fit optimised
    view = V.temperature_view(SEPALS, 2.0, 1000.0, 0.0)
    assert view.best_t == pytest.approx(1.0, abs=1e-4)
    assert view.naive_fails and [r["naive"] for r in view.shift_table] == ["nan"] * 3
    assert [r["stable"] for r in view.shift_table] == pytest.approx(special.softmax([2.0, 1.0, 0.1]), rel=1e-12)
    # a ridge shrinks the logits: the NLL is lowest at a T below 1
    assert V.temperature_view(SEPALS, 1.0, 0.0, 0.1).best_t < 1.0
    # the accuracy does not depend on T, the confidence falls as T grows
    assert np.all(np.diff(view.confidence) <= 1e-12)
    data = datasets.select_classes(datasets.load_dataset("iris"), "species", ["sepal_length", "sepal_width"])
    assert 0 < view.accuracy <= 1 and len(data.y) == 150


def test_upload_columns_default_to_two_features():
    table = "a,b,c,label\n1,2,x,u\n3,4,y,v\n5,6,z,u\n".encode()
    found = V.upload_columns(table)
    assert found.label == "label" and found.default_features("label") == ["a", "b"]
    assert found.default_features("a") == ["b"]  # c and label are text: not offered as features


# The page's "What to notice" statements, each checked where it could fail.


def test_standardising_does_not_move_the_unpenalised_optimum_but_does_with_a_ridge():
    data = datasets.select_classes(datasets.load_dataset("iris"), "species", ["sepal_length", "sepal_width"])
    from estimation import softmax as sm

    raw, std = (sm.fit_softmax_reference(data.X, data.y, standardize=s) for s in (False, True))
    assert raw.nll == pytest.approx(std.nll, abs=1e-9)  # the same model class: only the path differs
    ridge_raw, ridge_std = (sm.fit_softmax_reference(data.X, data.y, l2=0.1, standardize=s) for s in (False, True))
    assert abs(ridge_raw.nll - ridge_std.nll) > 1e-3  # the penalty measures W in other units


def test_bits_are_nats_over_ln2_with_the_same_minimiser():
    nats, bits = (V.entropy_view(IRIS, 0.3, 0.25, 100, 3, u) for u in ("nats", "bits"))
    assert np.allclose(np.array(bits.at_q), np.array(nats.at_q) / math.log(2), rtol=1e-13)
    assert np.argmin(bits.cross) == np.argmin(nats.cross)


def test_full_batch_ignores_the_seed_and_minibatches_use_it():
    a, b = (V.training_view(IRIS, "SGD", (("lr", 0.5),), 20, "full", 0.0, True, s) for s in (1, 2))
    assert a is b  # nothing is drawn: the same result, not a retrain
    c, d = (V.training_view(IRIS, "SGD", (("lr", 0.5),), 20, 16, 0.0, True, s) for s in (1, 2))
    assert not np.array_equal(c.objective, d.objective)
