"""Estimator bias page: questions on E[σ̂²], its bias, the known-mean case, MSE and Var[p̂]; the snippet."""

from __future__ import annotations

import math

import numpy as np

from estimation import estimators as E
from estimation import monte_carlo
from estimation.teaching import Question, Slip, Snippet, fmt

_SIZES = (2, 3, 4, 5, 6, 8, 10, 12, 20)
_SIGMA2 = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 9.0)


def _frac(num: int, den: int) -> str:
    return rf"\frac{{{num}}}{{{den}}}"


def expectation_1_over_n(rng: np.random.Generator) -> Question:
    n, sigma2 = int(rng.choice(_SIZES)), float(rng.choice(_SIGMA2))
    answer = E.exact_moments("gaussian", {"sigma2": sigma2}, n)["n"].mean
    return Question(
        prompt="ex.estimator_bias.expectation",
        fields={"n": n, "sigma2": fmt(sigma2)},
        answer=answer,
        solution=(
            r"\sum_{n=1}^{N}(x_n-\bar x)^2=\sum_{n=1}^{N}(x_n-\mu)^2-N(\bar x-\mu)^2",
            r"\mathbb{E}\Big[\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=N\sigma^2-N\cdot\frac{\sigma^2}{N}=(N-1)\,\sigma^2",
            rf"\mathbb{{E}}\big[\hat\sigma^2_N\big]=\frac{{N-1}}{{N}}\,\sigma^2={_frac(n - 1, n)}\times{fmt(sigma2)}"
            rf"={fmt(answer, 6)}",
        ),
        slips=(Slip(sigma2, "ex.slip.one_over_n_unbiased"),
               Slip(n / (n - 1) * sigma2, "ex.slip.bessel_factor_as_expectation")),
    )


def bias_1_over_n(rng: np.random.Generator) -> Question:
    n, sigma2 = int(rng.choice(_SIZES)), float(rng.choice(_SIGMA2))
    answer = E.exact_moments("gaussian", {"sigma2": sigma2}, n)["n"].bias
    return Question(
        prompt="ex.estimator_bias.bias",
        fields={"n": n, "sigma2": fmt(sigma2)},
        answer=answer,
        solution=(
            r"\operatorname{bias}\big(\hat\sigma^2_N\big)=\mathbb{E}\big[\hat\sigma^2_N\big]-\sigma^2"
            r"=\frac{N-1}{N}\,\sigma^2-\sigma^2=-\frac{\sigma^2}{N}",
            rf"=-\frac{{{fmt(sigma2)}}}{{{n}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(-answer, "ex.slip.bias_sign"), Slip(0.0, "ex.slip.one_over_n_unbiased"),
               Slip(sigma2 / (n - 1), "ex.slip.bessel_factor_as_expectation")),
    )


def known_mean(rng: np.random.Generator) -> Question:
    n = int(rng.choice(_SIZES[1:]))
    factors = {"unbiased": (1, 1), "low": (n - 1, n), "high": (n, n - 1)}
    order = [str(k) for k in rng.permutation(list(factors))]
    expected = E.exact_moments("gaussian", {"sigma2": 1.0}, n)["known_mean"].mean  # E[σ̂²_μ]/σ²
    answer = next(i for i, k in enumerate(order) if math.isclose(factors[k][0] / factors[k][1], expected))
    choices = tuple(r"\sigma^2" if k == "unbiased" else rf"({factors[k][0]}/{factors[k][1]})\,\sigma^2"
                    for k in order)
    hints = {"low": "ex.slip.known_mean_biased", "high": "ex.slip.bessel_factor_as_expectation"}
    return Question(
        prompt="ex.estimator_bias.known_mean",
        fields={"n": n},
        answer=answer,
        choices=choices,
        solution=(
            r"\mathbb{E}\big[(x_n-\mu)^2\big]=\operatorname{Var}[x_n]=\sigma^2\qquad(n=1,\dots,N)",
            rf"\mathbb{{E}}\Big[\frac{{1}}{{N}}\sum_{{n=1}}^{{N}}(x_n-\mu)^2\Big]=\frac{{1}}{{N}}\cdot N\sigma^2"
            rf"=\sigma^2\quad(N={n})",
            r"\operatorname{bias}\big(\tilde\sigma^2\big)=0,\qquad"
            r"\mathbb{E}\Big[\frac{1}{N}\sum_{n=1}^{N}(x_n-\bar x)^2\Big]=\frac{N-1}{N}\,\sigma^2",
        ),
        slips=tuple(Slip(i, hints[k]) for i, k in enumerate(order) if k in hints),
    )


def smallest_mse(rng: np.random.Generator) -> Question:
    n = int(rng.choice(_SIZES[1:]))
    rows = [str(k) for k in rng.permutation(["n_minus_1", "n", "n_plus_1"])]
    mse = {row.key: row for row in E.mse_table("gaussian", {"sigma2": 1.0}, n)}  # in units of σ⁴
    best = min(mse, key=lambda k: mse[k].mse)
    hints = {"n_minus_1": "ex.slip.unbiased_is_best", "n": "ex.slip.mle_not_smallest_mse"}
    return Question(
        prompt="ex.estimator_bias.smallest_mse",
        fields={"n": n},
        answer=rows.index(best),
        choices=tuple(rf"(1/{mse[k].divisor})\sum_{{n=1}}^{{{n}}}(x_n-\bar x)^2" for k in rows),
        solution=(
            r"\operatorname{MSE}=\operatorname{Var}+\operatorname{bias}^2,"
            r"\qquad \operatorname{Var}[S^2]=\frac{2\sigma^4}{N-1},\qquad \hat\sigma^2_d=\frac{N-1}{d}\,S^2",
            r"\operatorname{MSE}_{N-1}=\frac{2\sigma^4}{N-1},\quad"
            r"\operatorname{MSE}_{N}=\frac{(2N-1)\,\sigma^4}{N^2},\quad"
            r"\operatorname{MSE}_{N+1}=\frac{2\sigma^4}{N+1}",
            rf"N={n}:\quad {fmt(mse['n_minus_1'].mse)}\,\sigma^4\;>\;{fmt(mse['n'].mse)}\,\sigma^4"
            rf"\;>\;{fmt(mse['n_plus_1'].mse)}\,\sigma^4",
            rf"\Rightarrow\ d={mse[best].divisor}=N+1",
        ),
        slips=tuple(Slip(i, hints[k]) for i, k in enumerate(rows) if k in hints),
    )


def proportion_variance(rng: np.random.Generator) -> Question:
    n = int(rng.choice([10, 20, 25, 40, 50, 100, 200]))
    p = float(rng.choice([0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.75, 0.8, 0.9]))
    answer = E.exact_moments("bernoulli", {"p": p}, n)[E.MEAN_KEY].variance
    return Question(
        prompt="ex.estimator_bias.proportion_variance",
        fields={"n": n, "p": fmt(p)},
        answer=answer,
        solution=(
            r"\operatorname{Var}[\hat p]=\operatorname{Var}\Big[\frac{1}{N}\sum_{n=1}^{N}x_n\Big]"
            r"=\frac{1}{N^2}\cdot N\,p(1-p)=\frac{p(1-p)}{N}",
            rf"=\frac{{{fmt(p)}\times{fmt(1 - p)}}}{{{n}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(p * (1 - p), "ex.slip.p_hat_variance_no_n"), Slip(float(np.sqrt(answer)), "ex.slip.sd_not_var")),
    )


QUESTIONS = (expectation_1_over_n, bias_1_over_n, known_mean, smallest_mse, proportion_variance)


def snippet(*, population: str, params, n: int, reps: int, seed: int, result=None) -> Snippet:
    """Reproduce the page's Monte Carlo mean of the 1/N variance estimator with numpy alone.

    The program draws exactly the R samples that :func:`estimation.monte_carlo.simulate`
    analyses (same seed, same stream) and averages ``x.var(axis=1)`` (ddof 0), so it
    prints the table's "E[σ̂²] MC" value of the 1/N row, not just its expectation.

    Parameters
    ----------
    population, params, n, reps, seed
        As in :func:`estimation.monte_carlo.simulate`.
    result : SimulationResult or EstimatorStudy, optional
        The simulation the page already ran for these settings: its summary
        gives the value, so the page does not simulate twice. Simulated here
        if None.
    """
    if result is None:
        result = monte_carlo.simulate(population, params, n, reps, seed)  # validates every argument
    values = E.POPULATIONS[population].validate(params) if population in E.POPULATIONS else None
    if (result.population, result.params, result.n, result.reps, result.seed) != (population, values, n, reps, seed):
        raise ValueError("result must be the simulation of these population, params, n, reps and seed")
    expected = E.exact_moments(population, values, n)["n"].mean
    code = "\n".join([
        "import numpy as np",
        "",
        f"N, R, seed = {n}, {reps}, {seed}",
        "rng = np.random.default_rng(seed)",
        "# R samples of size N, one per row: the very draws the lab analyses",
        # the registry's numpy code of the Monte Carlo's draws (for Bernoulli data "uniform < p", not
        # rng.binomial, which would consume the stream differently)
        f"x = {E.POPULATIONS[population].dist.code(values, '(R, N)', standard=True)}",
        "sigma2_hat = x.var(axis=1)  # the 1/N estimator around each sample's own mean x̄",
        f"# exact: E[sigma2_hat] = (N - 1)/N * sigma^2 = {expected:.12g}",
        'print(f"Monte Carlo mean of the 1/N estimator = {sigma2_hat.mean():.12g}")',
    ])
    return Snippet(code=code, value=float(result.summary["n"].mean))
