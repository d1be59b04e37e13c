"""Sampling page: questions on moments and the law of large numbers; the snippet."""

from __future__ import annotations

import numpy as np

from estimation import sampling
from estimation.teaching import Question, Slip, Snippet, fmt


def binomial_variance(rng: np.random.Generator) -> Question:
    n = int(rng.integers(5, 41))
    p = float(rng.choice([0.1, 0.2, 0.25, 0.3, 0.4, 0.6, 0.7, 0.75, 0.8, 0.9]))
    _, var = sampling.moments("binomial", {"n": n, "p": p})
    return Question(
        prompt="ex.sampling.binomial_variance",
        fields={"n": n, "p": fmt(p)},
        answer=var,
        solution=(
            r"\operatorname{Var}[X]=np(1-p)",
            rf"={n}\times{fmt(p)}\times{fmt(1 - p)}={fmt(var, 6)}",
        ),
        slips=(Slip(n * p, "ex.slip.var_is_mean"), Slip(np.sqrt(var), "ex.slip.sd_not_var")),
    )


def bernoulli_mean(rng: np.random.Generator) -> Question:
    p = float(rng.choice([0.15, 0.2, 0.35, 0.4, 0.65, 0.7, 0.85]))
    mean, var = sampling.moments("bernoulli", {"p": p})
    return Question(
        prompt="ex.sampling.bernoulli_moments",
        fields={"p": fmt(p)},
        answer=var,
        solution=(
            r"\mathbb{E}[X]=1\cdot p+0\cdot(1-p)=p,\quad \mathbb{E}[X^2]=p",
            rf"\operatorname{{Var}}[X]=\mathbb{{E}}[X^2]-\mathbb{{E}}[X]^2=p(1-p)={fmt(p)}\times{fmt(1 - p)}={fmt(var, 6)}",
        ),
        slips=(Slip(mean, "ex.slip.var_is_mean"), Slip(p * p, "ex.slip.var_second_moment")),
    )


def halve_the_band(rng: np.random.Generator) -> Question:
    k = int(rng.choice([25, 50, 100, 200, 400, 1000]))
    answer = 4 * k
    return Question(
        prompt="ex.sampling.halve_band",
        fields={"k": k},
        answer=answer,
        solution=(
            r"\frac{2\,\mathrm{sd}}{\sqrt{k'}}=\frac{1}{2}\cdot\frac{2\,\mathrm{sd}}{\sqrt{k}}"
            r"\iff\sqrt{k'}=2\sqrt{k}\iff k'=4k",
            rf"k'=4\times{k}={answer}",
        ),
        tolerance=0.5,  # a count: the exact whole number
        slips=(Slip(2 * k, "ex.slip.sqrt_scaling"),),
    )


QUESTIONS = (binomial_variance, bernoulli_mean, halve_the_band)


def snippet(*, dist: str, params: dict, size: int, seed: int, sample_mean: float | None = None) -> Snippet:
    """Reproduce the sample mean shown on the page with numpy alone.

    ``sample_mean`` is the page's value (from :func:`estimation.views.sampling.moments_view`);
    without it the sample is drawn again.
    """
    spec, values = sampling.checked(dist, params)
    code = "\n".join([
        "import numpy as np",
        "",
        f"rng = np.random.default_rng({seed})",
        f"x = {spec.entry.code(values, str(size))}",  # the registry's numpy call: the page's very draw
        'print(f"sample mean = {x.mean():.12g}")',
    ])
    if sample_mean is None:
        sample_mean = float(sampling.draw(dist, params, size, seed).mean())
    return Snippet(code=code, value=sample_mean)
