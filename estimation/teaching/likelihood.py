"""Likelihood page: questions on the binomial and Gaussian MLEs, their scores, the SE and why logs; the snippet."""

from __future__ import annotations

import math

import numpy as np

from estimation import likelihood as lk
from estimation import sampling
from estimation.distributions import DISTRIBUTIONS as _DRAW  # each family's numpy call: the page's very draw
from estimation.teaching import Question, Slip, Snippet, fmt


def _fair(q: Question) -> bool:
    """No slip of ``q`` would be graded right (the distractors are really wrong)."""
    return not any(q.is_right(s.value) for s in q.slips)


def _sample(rng: np.random.Generator, lo: int, hi: int) -> np.ndarray:
    """A small integer sample of size lo … hi − 1, values 0 … 9, not constant."""
    while True:
        x = rng.integers(0, 10, size=int(rng.integers(lo, hi))).astype(np.float64)
        if np.ptp(x) > 0:
            return x


def _listed(x: np.ndarray) -> str:
    return ", ".join(str(int(v)) for v in x)


def binomial_mle_question(rng: np.random.Generator) -> Question:
    """θ̂ = k/n; the notes' "+" score set to zero gives k/(2k − n), outside [0, 1]."""
    n = int(rng.choice([5, 8, 10, 12, 15, 20, 25, 40]))
    k = int(rng.choice([j for j in range(1, n) if 2 * j != n]))  # 2k = n would make k/(2k − n) undefined
    answer = lk.binomial_mle(k, n)
    return Question(
        prompt="ex.likelihood.binomial_mle",
        fields={"k": k, "n": n},
        answer=answer,
        solution=(
            r"\ell(\theta)=\log\binom{n}{k}+k\log\theta+(n-k)\log(1-\theta)",
            r"\frac{d\ell}{d\theta}=\frac{k}{\theta}-\frac{n-k}{1-\theta}=\frac{k-n\theta}{\theta(1-\theta)}=0",
            rf"\hat\theta=\frac{{k}}{{n}}=\frac{{{k}}}{{{n}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(k / (2 * k - n), "ex.slip.lik_score_plus"), Slip((n - k) / n, "ex.slip.lik_failures")),
    )


def binomial_score_question(rng: np.random.Generator) -> Question:
    """dℓ/dθ = (k − nθ)/(θ(1 − θ)) at a θ other than θ̂ (the notes' slip: k/θ + (n − k)/(1 − θ))."""
    n = int(rng.choice([10, 20, 30, 50]))
    k = int(rng.integers(1, n))
    theta = float(rng.choice([t for t in (0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8) if t != k / n]))
    answer = float(lk.binomial_score(k, n, theta))
    return Question(
        prompt="ex.likelihood.binomial_score",
        fields={"k": k, "n": n, "theta": fmt(theta)},
        answer=answer,
        solution=(
            r"\frac{d\ell}{d\theta}=\frac{k}{\theta}-\frac{n-k}{1-\theta}=\frac{k-n\theta}{\theta(1-\theta)}",
            rf"=\frac{{{k}-{n}\times{fmt(theta)}}}{{{fmt(theta)}\times{fmt(1 - theta)}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(k / theta + (n - k) / (1 - theta), "ex.slip.lik_score_plus"),),
    )


def gaussian_variance_mle(rng: np.random.Generator) -> Question:
    """σ̂² = S/N (the MLE divides by N); slips: S/(N − 1) and σ̂."""
    while True:
        x = _sample(rng, 3, 7)
        s = lk.gaussian_stats(x)
        answer = lk.gaussian_mle(s)[1]
        q = Question(
            prompt="ex.likelihood.gaussian_variance",
            fields={"x": _listed(x), "N": s.n},
            answer=answer,
            solution=(
                rf"\bar x=\frac{{{'+'.join(str(int(v)) for v in x)}}}{{{s.n}}}={fmt(s.mean, 6)},\qquad "
                rf"S=\sum_{{i}}(x_i-\bar x)^2={fmt(s.ss, 6)}",
                r"\frac{\partial\ell}{\partial\sigma^2}=-\frac{N}{2\sigma^2}+\frac{S}{2\sigma^4}=0"
                r"\ \Longrightarrow\ \hat\sigma^2=\frac{S}{N}\ \ \Bigl(\neq\frac{S}{N-1}=s^2\Bigr)",
                rf"\hat\sigma^2=\frac{{{fmt(s.ss, 6)}}}{{{s.n}}}={fmt(answer, 6)}",
            ),
            slips=(Slip(s.ss / (s.n - 1), "ex.slip.lik_n_minus_1"), Slip(math.sqrt(answer), "ex.slip.sd_not_var")),
        )
        if _fair(q):  # σ̂² = 1 would make σ̂ = σ̂²
            return q


def gaussian_variance_score(rng: np.random.Generator) -> Question:
    """∂ℓ/∂σ² = −N/(2σ²) + Σ(x − μ)²/(2σ⁴); slips: the notes' +N/(2σ²), and ∂ℓ/∂σ."""
    while True:
        x = _sample(rng, 3, 6)
        mu = float(rng.integers(2, 8))
        sigma2 = float(rng.choice([1.0, 2.0, 4.0]))
        s = lk.gaussian_stats(x)
        big_q = float(s.q(mu))
        answer = float(lk.gaussian_score(s, mu, sigma2)[1])
        q = Question(
            prompt="ex.likelihood.gaussian_score",
            fields={"x": _listed(x), "N": s.n, "mu": fmt(mu), "s2": fmt(sigma2)},
            answer=answer,
            solution=(
                r"\frac{\partial\ell}{\partial\sigma^2}=-\frac{N}{2\sigma^2}+\frac{1}{2\sigma^4}\sum_{i}(x_i-\mu)^2",
                rf"\sum_{{i}}(x_i-\mu)^2=\sum_{{i}}(x_i-{fmt(mu)})^2={fmt(big_q)}",
                rf"\frac{{\partial\ell}}{{\partial\sigma^2}}=-\frac{{{s.n}}}{{2\times{fmt(sigma2)}}}"
                rf"+\frac{{{fmt(big_q)}}}{{2\times{fmt(sigma2)}^2}}={fmt(answer, 6)}",
            ),
            slips=(
                Slip(s.n / (2 * sigma2) + big_q / (2 * sigma2**2), "ex.slip.lik_sigma2_plus"),
                Slip(-s.n / math.sqrt(sigma2) + big_q / math.sqrt(sigma2) ** 3, "ex.slip.lik_wrt_sigma"),
            ),
        )
        if answer != 0.0 and _fair(q):  # at the score's zero the ∂ℓ/∂σ slip would be 0 too
            return q


def proportion_se(rng: np.random.Generator) -> Question:
    """SE(p̂) = √(p̂(1 − p̂)/n) = 1/√J(p̂); slips: the variance, and forgetting n."""
    n = int(rng.choice([20, 25, 40, 50, 100, 200, 400, 1000]))
    k = int(rng.integers(1, n))
    p = lk.binomial_mle(k, n)
    answer = lk.binomial_se(k, n)
    info = float(lk.binomial_information(k, n))
    return Question(
        prompt="ex.likelihood.proportion_se",
        fields={"k": k, "n": n},
        answer=answer,
        solution=(
            rf"\hat p=\frac{{{k}}}{{{n}}}={fmt(p, 6)},\qquad "
            rf"J(\hat p)=\frac{{n}}{{\hat p(1-\hat p)}}={fmt(info, 6)}",
            rf"\mathrm{{SE}}=\frac{{1}}{{\sqrt{{J(\hat p)}}}}=\sqrt{{\frac{{\hat p(1-\hat p)}}{{n}}}}"
            rf"=\sqrt{{\frac{{{fmt(p, 6)}\times{fmt(1 - p, 6)}}}{{{n}}}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(answer**2, "ex.slip.var_not_sd"), Slip(math.sqrt(p * (1 - p)), "ex.slip.lik_se_forgot_n")),
    )


#: Statements, language-neutral (the choices are LaTeX); only "underflow" explains the logs.
_WHY_LOGS = {
    "right": r"\texttt{float64}:\ \prod_{i=1}^{N} f(x_i;\hat p)=0,\quad \sum_{i=1}^{N}\log f(x_i;\hat p)>-\infty",
    "moves": r"\arg\max_p\,\log L(p)\neq\arg\max_p\,L(p)",
    "no_max": r"\nexists\,\max_p L(p),\quad \exists\,\max_p\,\log L(p)",
    "probability": r"\int_0^1 \log L(p)\,dp=1",
}
_WHY_LOGS_SLIPS = {"moves": "ex.slip.lik_log_monotone", "no_max": "ex.slip.lik_log_monotone",
                   "probability": "ex.slip.lik_not_probability"}


def why_logs(rng: np.random.Generator) -> Question:
    """Multiple choice: we maximise ℓ because the plain product underflows (ℓ̂ from the core)."""
    n = int(rng.choice([2000, 5000, 10_000, 100_000]))
    p = float(rng.choice([0.5, 0.4, 0.3, 0.2]))
    k = round(p * n)
    ell = float(lk.bernoulli_loglik(lk.BernoulliStats(n=n, k=k), k / n))
    names = [str(c) for c in rng.permutation(list(_WHY_LOGS))]
    return Question(
        prompt="ex.likelihood.why_logs",
        fields={"N": f"{n:,}", "k": f"{k:,}"},
        answer=names.index("right"),
        choices=tuple(_WHY_LOGS[c] for c in names),
        solution=(
            rf"\ell(\hat p)=k\log\hat p+(N-k)\log(1-\hat p)={fmt(ell, 6)}",
            rf"L(\hat p)=e^{{\ell(\hat p)}}=10^{{{fmt(ell / math.log(10), 6)}}}"
            r"<4.9\times10^{-324}=\min\texttt{float64}\ \Rightarrow\ \prod_{i=1}^{N} f(x_i;\hat p)=0",
            r"\log\uparrow\ \Rightarrow\ \arg\max_p L(p)=\arg\max_p \ell(p)=\hat p=\frac{k}{N}",
        ),
        slips=tuple(Slip(i, _WHY_LOGS_SLIPS[c]) for i, c in enumerate(names) if c in _WHY_LOGS_SLIPS),
    )


QUESTIONS = (binomial_mle_question, binomial_score_question, gaussian_variance_mle, gaussian_variance_score, proportion_se, why_logs)


def snippet(*, model: str, n: int, k: int | None = None, truth: dict | None = None,
            seed: int | None = None) -> Snippet:
    """Reproduce the page's MLE and maximum log-likelihood ℓ(θ̂) with numpy/scipy.

    The arguments are the data arguments of
    the views of :mod:`estimation.views.likelihood`: ``k`` for typed-in
    binomial data (k of n), otherwise ``truth`` and ``seed`` of the lab's
    draw (:func:`estimation.sampling.draw`, reproduced bit for bit).
    """
    if model not in lk.MODELS:
        raise ValueError(f"model must be one of {sorted(lk.MODELS)}, got {model!r}")
    if k is not None:
        value = float(lk.binomial_loglik(k, n, lk.binomial_mle(k, n)))
        return Snippet(code="\n".join([
            "from scipy import stats",
            "",
            f"k, n = {k}, {n}",
            "theta_hat = k / n  # the MLE: the score k/θ − (n − k)/(1 − θ) is zero there",
            'print(f"MLE theta_hat = {theta_hat:.12g}")',
            'print(f"max log-likelihood = {stats.binom.logpmf(k, n, theta_hat):.12g}")',
        ]), value=value)
    if not isinstance(truth, dict):
        raise ValueError(f"truth must be a dict of the true parameters, got {truth!r}")
    head = ["import numpy as np", "from scipy import stats", "", f"rng = np.random.default_rng({seed})"]
    if model == "gaussian":
        s = lk.gaussian_stats(sampling.draw("gaussian", {"mu": truth["mu"], "sigma": math.sqrt(truth["sigma2"])},
                                            n, seed))
        value = float(lk.gaussian_loglik(s, *lk.gaussian_mle(s)))
        body = [
            f"x = {_DRAW['gaussian'].code(truth, str(n))}  # numpy takes σ, not σ²",
            "mu_hat, sigma_hat = stats.norm.fit(x)  # the MLE: sigma_hat**2 divides by N, not N − 1",
            'print(f"MLE mu_hat = {mu_hat:.12g}, sigma2_hat = {sigma_hat**2:.12g}")',
            'print(f"max log-likelihood = {stats.norm.logpdf(x, mu_hat, sigma_hat).sum():.12g}")',
        ]
    elif model == "bernoulli":
        x = sampling.draw("bernoulli", {"p": truth["p"]}, n, seed)
        value = float(lk.bernoulli_loglik(x, lk.bernoulli_mle(x)))
        body = [
            f"x = {_DRAW['bernoulli'].code(truth, str(n))}  # N Bernoulli(p) draws",
            "p_hat = x.mean()  # the MLE k/N",
            'print(f"MLE p_hat = {p_hat:.12g}")',
            'print(f"max log-likelihood = {stats.bernoulli.logpmf(x, p_hat).sum():.12g}")',
        ]
    else:
        s = lk.bernoulli_stats(sampling.draw("bernoulli", {"p": truth["theta"]}, n, seed))
        value = float(lk.binomial_loglik(s.k, s.n, lk.binomial_mle(s.k, s.n)))
        body = [
            f"n = {n}",
            f"k = {_DRAW['bernoulli'].code({'p': truth['theta']}, 'n')}.sum()  # successes in n Bernoulli(θ) trials",
            "theta_hat = k / n  # the MLE",
            'print(f"MLE theta_hat = {theta_hat:.12g}")',
            'print(f"max log-likelihood = {stats.binom.logpmf(k, n, theta_hat):.12g}")',
        ]
    return Snippet(code="\n".join(head + body), value=value)
