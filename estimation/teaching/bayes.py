"""Bayes page: questions on the Beta–Bernoulli update, MAP and the rule of succession; the snippet."""

from __future__ import annotations

import numpy as np

from estimation import bayes, sampling
from estimation.teaching import Question, Slip, Snippet, fmt


def _beta(a: float, b: float) -> str:
    return rf"\mathrm{{Beta}}({fmt(a)},\ {fmt(b)})"


def posterior_choice(rng: np.random.Generator) -> Question:
    """Which Beta is the posterior? Distractors: forgetting the prior, swapping counts, and others."""
    a, b = (float(v) for v in [(2, 2), (2, 3), (3, 2), (1, 2), (2, 1), (3, 3), (4, 2), (2, 4)][rng.integers(8)])
    n = int(rng.integers(3, 13))
    k = int(rng.integers(1, n))  # 0 < k < n: Beta(k, n - k) is a proper distractor
    a_post, b_post = (float(v) for v in bayes.beta_update(a, b, k, n))
    options = [
        (_beta(a_post, b_post), None),
        (_beta(k, n - k), "ex.slip.bayes_forgot_prior"),
        (_beta(a + n - k, b + k), "ex.slip.bayes_swapped_counts"),
        (_beta(a + k, b + n), "ex.slip.bayes_trials_not_failures"),
        (_beta(a + k - 1, b + n - k - 1), "ex.slip.bayes_minus_one"),
    ]
    unique: dict[str, str | None] = {}
    for latex, hint in options:
        unique.setdefault(latex, hint)
    right = _beta(a_post, b_post)
    distractors = [c for c in unique if c != right]
    picked = [right] + [distractors[i] for i in sorted(rng.choice(len(distractors), size=3, replace=False))]
    order = rng.permutation(len(picked))
    choices = tuple(picked[i] for i in order)
    return Question(
        prompt="ex.bayes.posterior",
        fields={"a": fmt(a), "b": fmt(b), "k": k, "n": n},
        answer=int(choices.index(right)),
        choices=choices,
        solution=(
            r"\pi(p\mid k)\propto \underbrace{p^{k}(1-p)^{n-k}}_{L(p)}\;\underbrace{p^{a-1}(1-p)^{b-1}}_{\pi(p)}"
            r"=p^{a+k-1}(1-p)^{b+n-k-1}",
            rf"\mathrm{{Beta}}(a+k,\ b+n-k)=\mathrm{{Beta}}({fmt(a)}+{k},\ {fmt(b)}+{n - k})={right}",
        ),
        slips=tuple(Slip(choices.index(c), unique[c]) for c in choices if c != right),
    )


def map_estimate(rng: np.random.Generator) -> Question:
    """MAP under a Beta(a, b) prior (a, b >= 2): the MLE with a - 1 and b - 1 pseudo-counts."""
    while True:
        a, b = float(rng.integers(2, 6)), float(rng.integers(2, 6))
        n = int(rng.integers(5, 31))
        k = int(rng.integers(0, n + 1))
        a_post, b_post = bayes.beta_update(a, b, k, n)
        answer = float(bayes.posterior_mode(a_post, b_post).value)
        mle = float(bayes.mle(k, n))
        mean = float(bayes.posterior_mean(a_post, b_post))
        if min(abs(answer - mle), abs(answer - mean)) > 0.01 * answer:  # slips must differ from the answer
            break
    return Question(
        prompt="ex.bayes.map",
        fields={"a": fmt(a), "b": fmt(b), "k": k, "n": n},
        answer=answer,
        solution=(
            r"\hat p_{\mathrm{MAP}}=\arg\max_p\,\bigl[\log L(p)+\log\pi(p)\bigr]"
            r"=\frac{k+(a-1)}{n+(a-1)+(b-1)}",
            rf"=\frac{{{k}+{fmt(a - 1)}}}{{{n}+{fmt(a - 1)}+{fmt(b - 1)}}}"
            rf"=\frac{{{fmt(k + a - 1)}}}{{{fmt(n + a + b - 2)}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(mle, "ex.slip.bayes_forgot_prior"), Slip(mean, "ex.slip.bayes_mean_not_mode")),
    )


def rule_of_succession(rng: np.random.Generator) -> Question:
    """n successes in n trials, uniform prior: P(next success) = (n + 1)/(n + 2), not 1."""
    n = int(rng.integers(2, 21))
    answer = float(bayes.posterior_predictive(1.0, 1.0, n, n))
    return Question(
        prompt="ex.bayes.succession",
        fields={"n": n},
        answer=answer,
        solution=(
            rf"p\mid x_{{1:n}}\sim\mathrm{{Beta}}(1+{n},\ 1+0)=\mathrm{{Beta}}({n + 1},\ 1)",
            r"P(x_{n+1}=1\mid x_{1:n})=\mathbb{E}[p\mid x_{1:n}]=\frac{a+k}{a+b+n}",
            rf"=\frac{{{n + 1}}}{{{n + 2}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(1.0, "ex.slip.bayes_mle_certain"), Slip(0.5, "ex.slip.bayes_ignored_data")),
    )


def prior_weight(rng: np.random.Generator) -> Question:
    """The posterior mean is a weighted average; the prior's weight is (a + b)/(a + b + n)."""
    a, b = float(rng.integers(1, 21)), float(rng.integers(1, 21))
    n = int(rng.choice([5, 10, 20, 40, 50, 100]))
    if a + b == n:  # weights 1/2 and 1/2: the swapped slip would be right too
        n *= 2
    k = int(rng.integers(0, n + 1))
    answer = (a + b) / (a + b + n)
    return Question(
        prompt="ex.bayes.weight",
        fields={"a": fmt(a), "b": fmt(b), "k": k, "n": n},
        answer=answer,
        solution=(
            r"\frac{a+k}{a+b+n}=w\,\frac{a}{a+b}+(1-w)\,\frac{k}{n},\qquad w=\frac{a+b}{a+b+n}",
            rf"w=\frac{{{fmt(a)}+{fmt(b)}}}{{{fmt(a)}+{fmt(b)}+{n}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(n / (a + b + n), "ex.slip.bayes_weight_swapped"),),
    )


QUESTIONS = (posterior_choice, map_estimate, rule_of_succession, prior_weight)


def snippet(*, a: float, b: float, n: int, k: int | None = None, p: float | None = None,
            seed: int | None = None) -> Snippet:
    """Reproduce the page's posterior mean with numpy/scipy alone."""
    if p is not None:
        data = ["import numpy as np", "from scipy import stats", "",
                f"rng = np.random.default_rng({seed})",
                f"x = rng.binomial(1, {p!r}, size={n})  # n Bernoulli(p) observations",
                "k, n = int(x.sum()), x.size"]
    else:
        data = ["from scipy import stats", "", f"k, n = {k}, {n}  # typed: k successes in n trials"]
    code = "\n".join([
        *data,
        f"a, b = {float(a)!r}, {float(b)!r}  # prior Beta(a, b)",
        "a_post, b_post = a + k, b + n - k  # posterior Beta(a + k, b + n - k)",
        "lo, hi = stats.beta.ppf([0.025, 0.975], a_post, b_post)",
        'print(f"posterior Beta({a_post:g}, {b_post:g}); 95% credible interval [{lo:.6f}, {hi:.6f}]")',
        'print(f"posterior mean = {a_post / (a_post + b_post):.12g}")',
    ])
    if p is not None:  # the page's data: the same draw as views.bayes.observations
        k = int(sampling.draw("bernoulli", {"p": p}, n, seed).sum())
    value = float(bayes.posterior_mean(*bayes.beta_update(a, b, k, n)))
    return Snippet(code=code, value=value)
