"""Settings the snippet tests run each page's code snippet with (and compare with the page's number).

Test inputs, kept here rather than in the production modules of :mod:`estimation.teaching`
(tests/core/test_teaching.py runs every snippet with each and checks the printed number).
"""

from __future__ import annotations

SNIPPET_EXAMPLES = {
    "sampling": (
        {"dist": "gaussian", "params": {"mu": 1.5, "sigma": 2.0}, "size": 1000, "seed": 3},
        {"dist": "binomial", "params": {"n": 20, "p": 0.35}, "size": 5000, "seed": 0},
        {"dist": "bernoulli", "params": {"p": 0.9}, "size": 1, "seed": 123},
    ),
    "likelihood": (
        {"model": "binomial", "n": 10, "k": 8},
        {"model": "binomial", "n": 7, "k": 0},
        {"model": "binomial", "n": 1_000_000, "k": 1},
        {"model": "bernoulli", "n": 1000, "truth": {"p": 0.3}, "seed": 3},
        {"model": "binomial", "n": 2, "truth": {"theta": 0.01}, "seed": 0},
        {"model": "gaussian", "n": 2000, "truth": {"mu": 1.5, "sigma2": 4.0}, "seed": 11},
    ),
    "estimator_bias": (
        {"population": "gaussian", "params": {"sigma2": 1.0}, "n": 5, "reps": 20_000, "seed": 42},
        {"population": "gaussian", "params": {"sigma2": 2.5}, "n": 2, "reps": 1_000, "seed": 0},
        {"population": "exponential", "params": {"scale": 1.5}, "n": 3, "reps": 5_000, "seed": 1},
        {"population": "student_t", "params": {"nu": 6.0, "scale": 1.0}, "n": 10, "reps": 3_000, "seed": 7},
        {"population": "bernoulli", "params": {"p": 0.3}, "n": 20, "reps": 2_000, "seed": 4},
    ),
    "bayes": (
        {"a": 2.0, "b": 2.0, "n": 10, "p": 0.2, "seed": 42},
        {"a": 1.0, "b": 1.0, "n": 3, "k": 3},
        {"a": 0.5, "b": 0.5, "n": 1000, "p": 0.03, "seed": 7},
    ),
    # optimizers: every optimizer and surface
    "optimizers": (
        {"surface": "quadratic", "surface_params": {"condition": 20.0, "angle_deg": 0.0},
         "optimizers": {"SGD": {"lr": 0.95}, "Momentum": {"lr": 0.1, "momentum": 0.9}, "AdaGrad": {"lr": 1.5},
                        "Adam": {"lr": 0.3}}, "steps": 1000},
        {"surface": "quadratic", "surface_params": {"condition": 100.0, "angle_deg": 30.0},
         "optimizers": {"AdaDelta": {"lr": 1.0, "rho": 0.9, "eps": 1e-4}}, "steps": 500},
        {"surface": "rosenbrock", "optimizers": {"SGD": {"lr": 10.0}}, "steps": 100},  # diverges at step 2
        {"surface": "rosenbrock", "optimizers": {"Nesterov": {"lr": 1e-3, "momentum": 0.9}}, "steps": 10_000},
        {"surface": "beale", "optimizers": {"RMSprop": {"lr": 0.01}}, "steps": 1000},
        {"surface": "himmelblau", "optimizers": {"Momentum": {"lr": 2e-3, "momentum": 0.9}},
         "start": (-1.0, 1.0), "steps": 1000},
        {"surface": "saddle", "optimizers": {"AdaGrad": {"lr": 0.1}, "SGD": {"lr": 0.05}}, "steps": 1000},
        # the page's table at a revealed step t < steps: mid-run, the start, and past a divergence
        {"surface": "quadratic", "surface_params": {"condition": 20.0, "angle_deg": 0.0},
         "optimizers": {"Adam": {"lr": 0.3}}, "steps": 1000, "step": 37},
        {"surface": "beale", "optimizers": {"RMSprop": {"lr": 0.01}}, "steps": 1000, "step": 0},
        {"surface": "rosenbrock", "optimizers": {"SGD": {"lr": 10.0}}, "steps": 100, "step": 50},
    ),
    "cross_entropy": (
        {"p": 0.3, "q": 0.6, "n": 20, "seed": 42},
        {"p": 0.9, "q": 0.05, "n": 10_000, "seed": 7},
        {"p": 0.0, "q": 0.99, "n": 5, "seed": 1},
    ),
    "activations": (
        {"n_layers": 20, "width": 64, "init_scale": 1.0, "seed": 42},
        {"n_layers": 5, "width": 8, "init_scale": 2 ** 0.5, "seed": 3},
        {"n_layers": 1, "width": 1, "init_scale": 0.1, "seed": 0},
    ),
    "softmax": (
        {"p": 0.3, "q": 0.6, "n": 20, "seed": 42, "units": "nats"},
        {"p": 0.9, "q": 0.05, "n": 10_000, "seed": 7, "units": "bits"},
        {"p": 0.0, "q": 0.99, "n": 5, "seed": 1, "units": "nats"},
    ),
}
