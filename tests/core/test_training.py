"""The shared training loop: doctests, minibatch bookkeeping, divergence, argument checks."""

import doctest

import numpy as np
import pytest

from estimation import training
from estimation.optimizers import OPTIMIZERS


def test_doctests():
    failures, _ = doctest.testmod(training, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def _mean_problem(x):
    """J(θ) = ½ mean (θ − xᵢ)²: minimised at mean(x), gradient mean(θ − x_B)."""

    def evaluate(t):
        j = 0.5 * float(np.mean((t[0] - x) ** 2))
        return j, j, 0.0, None

    def gradient(t, idx, cache):
        return np.array([np.mean(t[0] - (x if idx is None else x[idx]))])

    return evaluate, gradient


def test_minibatch_sgd_matches_a_hand_written_loop():
    # oracle: the same permutations drawn independently, the SGD rule written out
    x = np.arange(10.0)
    evaluate, gradient = _mean_problem(x)
    run = training.train(np.zeros(1), evaluate, gradient, n=10, optimizer=training.make_optimizer("SGD", lr=0.3),
                         split=lambda v: {"t": v}, epochs=4, batch_size=3, seed=11)
    rng, t, path = np.random.default_rng(11), 0.0, [0.0]
    for _ in range(4):
        perm = rng.permutation(10)
        for i in range(0, 10, 3):
            t -= 0.3 * np.mean(t - x[perm[i:i + 3]])
        path.append(t)
    assert np.array_equal(run.theta_path[:, 0], path)  # same operations in the same order: exact
    assert run.epochs_run == 4 and not run.diverged


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_converges_on_a_quadratic(name):
    x = np.array([1.0, 2.0, 6.0])
    evaluate, gradient = _mean_problem(x)
    lr = {"AdaDelta": 1.0, "AdaGrad": 1.0, "RMSprop": 0.05, "Adam": 0.1}.get(name, 0.5)
    run = training.train(np.zeros(1), evaluate, gradient, n=3, optimizer=training.make_optimizer(name, lr=lr),
                         split=lambda v: {"t": v}, epochs=3000)
    assert run.theta_path[-1, 0] == pytest.approx(3.0, abs=0.1)  # RMSprop ends in an O(η) oscillation


def test_divergence_is_detected_and_the_record_stays_finite():
    x = np.array([1.0, 3.0])
    evaluate, gradient = _mean_problem(x)
    run = training.train(np.zeros(1), evaluate, gradient, n=2, optimizer=training.make_optimizer("SGD", lr=5.0),
                         split=lambda v: {"t": v}, epochs=1000)
    assert run.diverged and run.diverged_epoch < 1000 and "blew up" in run.reason
    assert np.isfinite(run.objective).all() and np.isfinite(run.theta_path).all()


@pytest.mark.parametrize("kwargs, word", [
    ({"epochs": 0}, "epochs"), ({"batch_size": 0}, "batch_size"), ({"seed": -1}, "seed"),
    ({"divergence_factor": 1.0}, "divergence_factor"),
])
def test_bad_arguments(kwargs, word):
    evaluate, gradient = _mean_problem(np.array([1.0]))
    args = {"n": 1, "optimizer": training.make_optimizer("SGD"), "split": lambda v: {"t": v}, "epochs": 1, **kwargs}
    with pytest.raises(ValueError, match=word):
        training.train(np.zeros(1), evaluate, gradient, **args)


def test_make_optimizer_rejects_unknown_names():
    with pytest.raises(ValueError, match="optimizer"):
        training.make_optimizer("LBFGS")
    with pytest.raises(ValueError, match="hyperparameter"):
        training.make_optimizer("SGD", momentum=0.9)


def test_fit_fields_are_the_fields_both_result_types_share():
    # the logistic and softmax records are built from fit_fields plus their own parameter paths
    import dataclasses

    from estimation.logistic import FitResult
    from estimation.softmax import SoftmaxFit

    x = np.array([1.0, 3.0])
    evaluate, gradient = _mean_problem(x)
    run = training.train(np.zeros(1), evaluate, gradient, n=2, optimizer=training.make_optimizer("SGD", lr=5.0),
                         split=lambda v: {"t": v}, epochs=1000)
    mean, scale = np.array([2.0]), np.array([1.0])
    fields = training.fit_fields(run, x_mean=mean, x_scale=scale, l2=0.25)
    softmax_names = {f.name for f in dataclasses.fields(SoftmaxFit)}
    shared = {f.name for f in dataclasses.fields(FitResult) if f.name in softmax_names}
    assert set(fields) == shared - {"b_path"}  # b_path: each model's own intercept path (shapes differ)
    assert fields["diverged"] is True and fields["reason"] == run.reason and fields["epochs_run"] == run.epochs_run
    assert fields["nll"] is run.nll and fields["x_mean"] is mean and fields["x_scale"] is scale and fields["l2"] == 0.25
