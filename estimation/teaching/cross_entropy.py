"""Cross-entropy page: questions on the mean BCE, −log σ(z), its gradient σ(z) − y and separable data; the snippet."""

from __future__ import annotations

import math

import numpy as np

from estimation import losses
from estimation.teaching import Question, Slip, Snippet, fmt

_LN10 = math.log(10.0)
_LOGITS = (-3.0, -2.0, -1.5, -1.0, -0.5, 0.5, 1.0, 1.5, 2.0, 3.0)  # z ≠ 0: there σ(z) = 1 − σ(z)


def _fair(q: Question) -> bool:
    """No slip of ``q`` would be graded right (the distractors are really wrong)."""
    return not any(q.is_right(s.value) for s in q.slips)


def mean_bce(rng: np.random.Generator) -> Question:
    """Mean BCE of three (p, y) pairs; slips: the sum, log base 10, y and 1 − y swapped."""
    while True:
        p = rng.choice([0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9], size=3)
        y = rng.integers(0, 2, size=3).astype(np.float64)
        terms = losses.bce_from_probs(p, y, reduction="none")
        answer = losses.bce_from_probs(p, y)
        right = [float(pi if yi else 1.0 - pi) for pi, yi in zip(p, y)]  # the probability given to the label
        q = Question(
            prompt="ex.cross_entropy.mean_bce",
            fields={"pairs": ", ".join(f"({fmt(pi)}, {int(yi)})" for pi, yi in zip(p, y))},
            answer=answer,
            solution=(
                r"\mathrm{BCE}=-\frac{1}{N}\sum_{i=1}^{N}\bigl[y_i\log p_i+(1-y_i)\log(1-p_i)\bigr]",
                r"=\tfrac{1}{3}\bigl(" + "".join(rf"-\log {fmt(r)}" for r in right) + r"\bigr)",
                r"=\tfrac{1}{3}\bigl(" + "+".join(fmt(float(v), 6) for v in terms) + rf"\bigr)={fmt(answer, 6)}",
            ),
            slips=(
                Slip(float(terms.sum()), "ex.slip.sum_not_mean"),
                Slip(answer / _LN10, "ex.slip.log10"),
                Slip(losses.bce_from_probs(p, 1.0 - y), "ex.slip.ce_swapped_labels"),
            ),
        )
        if _fair(q):  # e.g. p = (0.3, 0.7) with equal labels gives the same loss swapped
            return q


def neg_log_sigmoid(rng: np.random.Generator) -> Question:
    """−log σ(z) = log(1 + e^{−z}) for a positive example; slips: log₁₀, σ(z) itself, the other label."""
    while True:
        z = float(rng.choice(_LOGITS))
        answer = -losses.log_sigmoid(z)
        q = Question(
            prompt="ex.cross_entropy.neg_log_sigmoid",
            fields={"z": fmt(z)},
            answer=answer,
            solution=(
                r"-\log\sigma(z)=-\log\frac{1}{1+e^{-z}}=\log\bigl(1+e^{-z}\bigr)",
                rf"=\log\bigl(1+e^{{{fmt(-z)}}}\bigr)=\log {fmt(1.0 + math.exp(-z), 6)}={fmt(answer, 6)}",
            ),
            slips=(
                Slip(answer / _LN10, "ex.slip.log10"),
                Slip(losses.sigmoid(z), "ex.slip.ce_prob_not_loss"),
                Slip(-losses.log_sigmoid(-z), "ex.slip.ce_swapped_labels"),
            ),
        )
        if _fair(q):
            return q


def logit_gradient(rng: np.random.Generator) -> Question:
    """∂ℓ/∂z = σ(z) − y; slips: y − σ(z) (the log-likelihood's gradient), an extra factor σ′(z)."""
    z = float(rng.choice(_LOGITS))
    y = int(rng.integers(0, 2))
    s = losses.sigmoid(z)
    answer = s - y
    return Question(
        prompt="ex.cross_entropy.logit_gradient",
        fields={"z": fmt(z), "y": y},
        answer=answer,
        solution=(
            r"\frac{\partial\ell}{\partial z}=\frac{\partial\ell}{\partial\sigma}\,\sigma'(z)"
            r"=\frac{\sigma-y}{\sigma(1-\sigma)}\cdot\sigma(1-\sigma)=\sigma(z)-y",
            rf"\sigma({fmt(z)})=\frac{{1}}{{1+e^{{{fmt(-z)}}}}}={fmt(s, 6)}",
            rf"\sigma(z)-y={fmt(s, 6)}-{y}={fmt(answer, 6)}",
        ),
        # σ ≠ y for finite z, so neither slip can equal the answer
        slips=(Slip(y - s, "ex.slip.ce_grad_sign"), Slip(answer * s * (1.0 - s), "ex.slip.ce_grad_extra_factor")),
    )


#: Statements, language-neutral (the choices are LaTeX): the infimum 0 is not attained.
_SEPARABLE = {
    "right": r"\inf_{w,b}J(w,b)=0,\quad J(w,b)>0\ \ \forall\,(w,b)\in\mathbb{R}^2",
    "not_convex": r"\nabla^2 J(w,b)\not\succeq 0",
    "reaches_zero": r"\exists\,(w,b)\in\mathbb{R}^2:\ J(w,b)=0",
    "diverges": r"\eta>2/\lambda_{\max}\bigl(\nabla^2 J\bigr)",
}
_SEPARABLE_SLIPS = {"not_convex": "ex.slip.ce_not_convex", "reaches_zero": "ex.slip.ce_zero_reached",
                    "diverges": "ex.slip.ce_not_divergence"}


def separable(rng: np.random.Generator) -> Question:
    """Multiple choice: separable data have no MLE; the mean BCE along c·(x − t) shows the loss creeping to 0.

    The classes lie on either side of t (so :func:`estimation.separation.mle_exists` is False; the page test checks it).
    """
    t = float(rng.integers(-2, 3)) + 0.5  # a threshold between the classes
    x0 = t - 0.5 - np.sort(rng.choice(4, size=int(rng.integers(2, 4)), replace=False))[::-1]
    x1 = t + 0.5 + np.sort(rng.choice(4, size=int(rng.integers(2, 4)), replace=False))
    x = np.concatenate([x0, x1])
    y = np.repeat([0.0, 1.0], [x0.size, x1.size])
    scaled = [losses.bce_with_logits(c * (x - t), y) for c in (1.0, 2.0, 4.0)]
    names = [str(c) for c in rng.permutation(list(_SEPARABLE))]
    return Question(
        prompt="ex.cross_entropy.separable",
        fields={"x0": ", ".join(fmt(v) for v in x0), "x1": ", ".join(fmt(v) for v in x1)},
        answer=names.index("right"),
        choices=tuple(_SEPARABLE[c] for c in names),
        solution=(
            rf"z_i=c\,(x_i-t),\ t={fmt(t)}:\quad J_{{c=1}}={fmt(scaled[0])},\ "
            rf"J_{{c=2}}={fmt(scaled[1])},\ J_{{c=4}}={fmt(scaled[2])}",
            r"c\to\infty:\ \sigma(z_i)\to y_i,\ \ J\to0=\inf J,\quad J(w,b)>0\ \ \forall\,(w,b)",
            r"\Rightarrow\ \nexists\,\arg\min_{w,b}J=\arg\max_{w,b}L,\qquad"
            r"\exists\,\arg\min_{w,b}\bigl[J+\tfrac{\lambda}{2}w^2\bigr]\ \ (\lambda>0)",
        ),
        slips=tuple(Slip(i, _SEPARABLE_SLIPS[c]) for i, c in enumerate(names) if c in _SEPARABLE_SLIPS),
    )


QUESTIONS = (mean_bce, neg_log_sigmoid, logit_gradient, separable)


def snippet(*, p: float, q: float, n: int, seed: int) -> Snippet:
    """Reproduce the page's −log L / N = mean BCE for its coin-flip sample with numpy."""
    ident = losses.bernoulli_identity(p, q, n, seed)
    code = "\n".join([
        "import numpy as np",
        "",
        f"p, q, N = {p!r}, {q!r}, {n}",
        f"x = np.random.default_rng({seed}).binomial(1, p, size=N)  # the lab's coin flips",
        "k = x.sum()",
        "nll = -(k * np.log(q) + (N - k) * np.log1p(-q))  # -log L(q)",
        "bce = -np.mean(x * np.log(q) + (1 - x) * np.log1p(-q))  # mean binary cross-entropy",
        'print(f"-log L / N = {nll / N:.12g}")',
        'print(f"mean BCE = {bce:.12g}")',
    ])
    return Snippet(code=code, value=ident.nll_mean)
