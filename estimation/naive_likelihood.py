"""Why logs: the likelihood as a plain running product of densities, against the log-likelihood.

A product of N densities leaves float64 long before the log-likelihood does:
densities below 1 drive it under the smallest subnormal (≈ 4.9e−324, e.g.
0.5ⁿ is 0.0 from n = 1075 on), densities far above 1 (a tiny σ²) over the
largest double (≈ 1.8e308), while ℓ = Σ log f(x_i) stays finite. The models
and their parameters are those of :mod:`estimation.likelihood`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special

from estimation import likelihood
from estimation._validation import as_finite_array

__all__ = ["NaiveLikelihood", "naive_likelihood"]

_LOG_2PI = float(np.log(2.0 * np.pi))


@dataclass(frozen=True, slots=True, eq=False)
class NaiveLikelihood:
    """Running naive likelihood of a sample versus its log-likelihood.

    Attributes
    ----------
    product : ndarray of shape (N,)
        L_n = Π_{i≤n} f(x_i), accumulated in float64 as naive code would.
    loglik : ndarray of shape (N,)
        ℓ_n = Σ_{i≤n} log f(x_i), computed in log space.
    failure_n : int or None
        First n (1-based) at which L_n is 0.0 although ℓ_n > −inf (underflow)
        or L_n = inf (overflow); None if the product stays representable.
    failure : {"underflow", "overflow"} or None
    loglik_at_failure : float or None
        ℓ at ``failure_n`` — finite where the product is not.
    """

    product: np.ndarray
    loglik: np.ndarray
    failure_n: int | None
    failure: str | None
    loglik_at_failure: float | None


def naive_likelihood(model: str, x, **params) -> NaiveLikelihood:
    """Why logs: where a plain product of densities stops being representable.

    Parameters
    ----------
    model : {"bernoulli", "gaussian"}
        Key of :data:`estimation.likelihood.MODELS`.
    x : array_like of shape (N,)
        The sample, in order.
    **params : float
        Scalar parameters of the model: ``p`` for Bernoulli; ``mu`` and
        ``sigma2`` for Gaussian.

    Returns
    -------
    NaiveLikelihood

    Notes
    -----
    Densities f(x_i) = p^{x_i}(1 − p)^{1 − x_i} or
    exp(−(x_i − μ)²/(2σ²)) / √(2πσ²) are multiplied with ``np.cumprod``
    (the same float64 operations, in the same order, as a Python loop).
    Typical densities < 1 drive L_n below the smallest subnormal
    (≈ 4.9e−324) and it becomes 0.0 — e.g. p = 0.5 gives 0.5ⁿ = 0 at n = 1075;
    a tiny σ² makes densities ≫ 1 and L_n overflows to inf. ℓ_n = Σ log f(x_i)
    stays finite. A product that is 0 because the data are impossible
    (p = 0 and an observed 1) has ℓ = −inf and is not counted as underflow.

    Examples
    --------
    >>> res = naive_likelihood("bernoulli", np.zeros(1100), p=0.5)
    >>> res.failure_n, res.failure, round(res.loglik_at_failure, 2)
    (1075, 'underflow', -745.13)
    """
    if model not in ("bernoulli", "gaussian"):
        raise ValueError(f"model must be 'bernoulli' or 'gaussian', got {model!r}")
    spec = likelihood.MODELS[model]
    expected = {p.name for p in spec.params}
    if set(params) != expected:
        raise ValueError(f"params for {model} must be {sorted(expected)}, got {sorted(params)}")
    values = {}
    for p in spec.params:
        arr = p.check(params[p.name])
        if arr.ndim != 0:
            raise ValueError(f"{p.name} must be a scalar, got shape {arr.shape}")
        values[p.name] = float(arr)
    if model == "bernoulli":
        arr = as_finite_array(x, "x", ndim=1)
        likelihood.bernoulli_stats(arr)  # validates 0/1
        p = values["p"]
        ones = arr == 1.0  # two possible values of f and of log f (xlogy: log 0 only where it is taken)
        density = np.where(ones, p, 1.0 - p)
        logf = np.where(ones, special.xlogy(1.0, p), special.xlog1py(1.0, -p))
    else:
        arr = as_finite_array(x, "x", ndim=1)
        mu, sigma2 = values["mu"], values["sigma2"]
        z2 = (arr - mu) ** 2 / (2.0 * sigma2)
        density = np.exp(-z2) / np.sqrt(2.0 * np.pi * sigma2)
        logf = -0.5 * (_LOG_2PI + np.log(sigma2)) - z2
    with np.errstate(under="ignore", over="ignore", invalid="ignore"):
        product = np.cumprod(density)
    loglik = np.cumsum(logf)
    under = (product == 0.0) & (loglik > -np.inf)
    over = product == np.inf
    bad = under | over
    i = int(np.argmax(bad))  # first failure, without listing every later one
    if not bad[i]:
        return NaiveLikelihood(product, loglik, None, None, None)
    kind = "overflow" if over[i] else "underflow"
    return NaiveLikelihood(product, loglik, i + 1, kind, float(loglik[i]))
