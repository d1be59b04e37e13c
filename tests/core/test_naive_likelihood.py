"""Why logs: the naive running product against a brute-force Python loop and the stable log-likelihood."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import stats

from estimation import likelihood as lk
from estimation.naive_likelihood import naive_likelihood

GOOD_X = [0.3, 1.2, -0.4]


def brute_force_failure(densities, logs):
    """The loop naive code would run, and where its product stops being representable."""
    prod, ll = 1.0, 0.0
    for i, (f, lf) in enumerate(zip(densities, logs)):
        prod *= float(f)
        ll += float(lf)
        if (prod == 0.0 and ll > -np.inf) or prod == np.inf:
            return i + 1, ("underflow" if prod == 0.0 else "overflow"), ll
    return None, None, None


@pytest.mark.parametrize(
    "model,seed,params,n",
    [
        ("gaussian", 0, {"mu": 0.0, "sigma2": 1.0}, 2000),  # densities < 1: underflow
        ("gaussian", 1, {"mu": 0.5, "sigma2": 4.0}, 2000),
        ("gaussian", 2, {"mu": 0.0, "sigma2": 1e-10}, 500),  # densities ~ 4e4: overflow
        ("gaussian", 3, {"mu": 0.0, "sigma2": 1.0}, 50),  # too short to fail
        ("bernoulli", 4, {"p": 0.3}, 3000),
        ("bernoulli", 5, {"p": 0.9}, 100),
    ],
)
def test_naive_likelihood_matches_brute_force_loop(model, seed, params, n):
    rng = np.random.default_rng(seed)
    if model == "gaussian":
        x = rng.normal(params["mu"], np.sqrt(params["sigma2"]), size=n)
        dist = stats.norm(params["mu"], np.sqrt(params["sigma2"]))
        densities, logs = dist.pdf(x), dist.logpdf(x)
    else:
        x = rng.binomial(1, params["p"], size=n).astype(float)
        densities, logs = stats.bernoulli.pmf(x, params["p"]), stats.bernoulli.logpmf(x, params["p"])
    res = naive_likelihood(model, x, **params)
    n_fail, kind, ll = brute_force_failure(densities, logs)
    assert res.failure_n == n_fail
    assert res.failure == kind
    assert_allclose(np.cumsum(logs), res.loglik, rtol=1e-9)
    if n_fail is None:
        assert res.loglik_at_failure is None
        assert np.all((res.product > 0) & np.isfinite(res.product))
    else:
        assert np.isfinite(res.loglik_at_failure)
        assert_allclose(res.loglik_at_failure, ll, rtol=1e-9)
        # the stable log-likelihood of the first failure_n points agrees with the sufficient-statistics form
        first = x[:n_fail]
        expected = (
            lk.gaussian_loglik(first, params["mu"], params["sigma2"])
            if model == "gaussian"
            else lk.bernoulli_loglik(first, params["p"])
        )
        assert_allclose(res.loglik_at_failure, expected, rtol=1e-9)


def test_naive_likelihood_half_probability_underflows_at_1075():
    # 0.5^1074 is the smallest subnormal double; 0.5^1075 rounds (to even) to 0.
    res = naive_likelihood("bernoulli", np.zeros(1100), p=0.5)
    assert res.failure_n == 1075 and res.failure == "underflow"
    assert_allclose(res.loglik_at_failure, 1075 * np.log(0.5), rtol=1e-12)


def test_naive_likelihood_impossible_data_is_not_underflow():
    res = naive_likelihood("bernoulli", [0, 0, 1, 0], p=0.0)
    assert res.failure_n is None
    assert res.product[-1] == 0.0 and res.loglik[-1] == -np.inf


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: naive_likelihood("binomial", [1], theta=0.5), "model"),
        (lambda: naive_likelihood("gaussian", GOOD_X, mu=0.0), "params"),
        (lambda: naive_likelihood("gaussian", GOOD_X, mu=0.0, sigma2=[1.0, 2.0]), "sigma2"),
        (lambda: naive_likelihood("bernoulli", [0, 3], p=0.5), "x"),
    ],
)
def test_invalid_input_raises_value_error_naming_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()
