"""Softmax page: softmax of logits, one-hot cross-entropy, the gradient P − Y, the mean over N,
entropy of a distribution, overflow without the max; the snippet (entropy + KL = cross-entropy)."""

from __future__ import annotations

import math

import numpy as np

from estimation import information, sampling
from estimation import softmax as sm
from estimation.teaching import Question, Slip, Snippet, distinguishable, fmt

_LN10 = math.log(10.0)
_LN2 = math.log(2.0)
_LOGITS = (-2.0, -1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0)


def _logits(rng: np.random.Generator) -> np.ndarray:
    """Three distinct logits (distinct so that no two classes are interchangeable)."""
    return np.sort(rng.choice(_LOGITS, size=3, replace=False))[rng.permutation(3)]


def _vec(v) -> str:
    return "(" + ", ".join(fmt(float(x)) for x in v) + ")"


def softmax_probability(rng: np.random.Generator) -> Question:
    """softmax(z)_k of three logits; slips: z_k/Σz (no exponential), e^{z_k} (no normalisation)."""
    while True:
        z = _logits(rng)
        k = int(rng.integers(0, 3))
        p = sm.softmax(z)
        answer = float(p[k])
        total = float(np.exp(z).sum())
        slips = [Slip(float(math.exp(z[k])), "ex.slip.sm_not_normalised")]
        if z.sum() != 0:
            slips.append(Slip(float(z[k] / z.sum()), "ex.slip.sm_no_exp"))
        if distinguishable(answer, slips):
            return Question(
                prompt="ex.softmax.probability",
                fields={"z": _vec(z), "k": k + 1},
                answer=answer,
                solution=(
                    r"\operatorname{softmax}(z)_k=\frac{e^{z_k}}{\sum_j e^{z_j}}",
                    rf"\sum_j e^{{z_j}}=" + "+".join(fmt(math.exp(v), 6) for v in z) + rf"={fmt(total, 6)}",
                    rf"\frac{{e^{{{fmt(z[k])}}}}}{{{fmt(total, 6)}}}={fmt(answer, 6)}",
                ),
                slips=tuple(slips),
            )


def one_hot_cross_entropy(rng: np.random.Generator) -> Question:
    """−log softmax(z)_y for a one-hot target; slips: −log of the wrong class's probability, log₁₀."""
    while True:
        z = _logits(rng)
        y = int(rng.integers(0, 3))
        logp = sm.log_softmax(z)
        answer = float(-logp[y])
        wrong = int(np.argmax(np.where(np.arange(3) == y, -np.inf, z)))  # the likeliest wrong class
        slips = [Slip(float(-logp[wrong]), "ex.slip.sm_wrong_class"), Slip(answer / _LN10, "ex.slip.log10")]
        if distinguishable(answer, slips):
            lse = float(answer + z[y])
            return Question(
                prompt="ex.softmax.one_hot",
                fields={"z": _vec(z), "y": y + 1},
                answer=answer,
                solution=(
                    r"\ell=-\sum_k y_k\log\operatorname{softmax}(z)_k=-\log\operatorname{softmax}(z)_y"
                    r"=\log\sum_j e^{z_j}-z_y",
                    rf"\log\sum_j e^{{z_j}}={fmt(lse, 6)}",
                    rf"\ell={fmt(lse, 6)}-({fmt(z[y])})={fmt(answer, 6)}",
                ),
                slips=tuple(slips),
            )


def softmax_logit_gradient(rng: np.random.Generator) -> Question:
    """∂ℓ/∂z_j = p_j − y_j; slips: y_j − p_j (the log-likelihood's gradient), p_j alone (forgot −y)."""
    while True:
        z = _logits(rng)
        y = int(rng.integers(0, 3))
        j = y if rng.random() < 0.6 else int((y + 1 + rng.integers(0, 2)) % 3)
        p = sm.softmax(z)
        answer = float(p[j] - (j == y))
        slips = [Slip(-answer, "ex.slip.sm_grad_sign")]
        if j == y:
            slips.append(Slip(float(p[j]), "ex.slip.sm_grad_forgot_y"))
        if distinguishable(answer, slips):
            return Question(
                prompt="ex.softmax.gradient",
                fields={"z": _vec(z), "y": y + 1, "j": j + 1},
                answer=answer,
                solution=(
                    r"\frac{\partial\ell}{\partial z_j}=p_j-y_j,\qquad p=\operatorname{softmax}(z)",
                    rf"p={_vec(np.round(p, 6))}",
                    rf"p_{{{j + 1}}}-y_{{{j + 1}}}={fmt(float(p[j]), 6)}-{int(j == y)}={fmt(answer, 6)}",
                ),
                slips=tuple(slips),
            )


def mean_cross_entropy(rng: np.random.Generator) -> Question:
    """Mean of −log p over examples, given each example's probability of its true class; slip: the sum."""
    while True:
        n = int(rng.integers(3, 5))
        p = rng.choice([0.1, 0.2, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], size=n)
        terms = -np.log(p)
        answer = float(terms.mean())
        slips = [Slip(float(terms.sum()), "ex.slip.sum_not_mean"), Slip(answer / _LN10, "ex.slip.log10")]
        if distinguishable(answer, slips):
            return Question(
                prompt="ex.softmax.mean_ce",
                fields={"n": n, "p": ", ".join(fmt(float(v)) for v in p)},
                answer=answer,
                solution=(
                    r"J=-\frac{1}{N}\sum_{i=1}^{N}\log P(y_i\mid x_i)",
                    rf"=\tfrac{{1}}{{{n}}}\bigl(" + "+".join(fmt(float(t), 6) for t in terms)
                    + rf"\bigr)={fmt(answer, 6)}",
                ),
                slips=tuple(slips),
            )


_DISTRIBUTIONS = ((0.5, 0.25, 0.25), (0.5, 0.5), (0.25, 0.25, 0.25, 0.25), (0.125, 0.125, 0.25, 0.5),
                  (0.75, 0.25), (0.6, 0.2, 0.2), (0.7, 0.2, 0.1), (0.4, 0.3, 0.2, 0.1))


def entropy_bits(rng: np.random.Generator) -> Question:
    """H(p) in bits; slips: in nats, with log₁₀."""
    p = np.array(_DISTRIBUTIONS[int(rng.integers(0, len(_DISTRIBUTIONS)))])
    answer = information.entropy(p, "bits")
    terms = -p * np.log2(p)
    return Question(
        prompt="ex.softmax.entropy",
        fields={"p": _vec(p)},
        answer=answer,
        solution=(
            r"H(p)=-\sum_k p_k\log_2 p_k",
            "=" + "+".join(rf"{fmt(float(pk))}\cdot{fmt(float(-np.log2(pk)), 6)}" for pk in p)
            + rf"={fmt(float(terms.sum()), 6)}",
        ),
        slips=(Slip(answer * _LN2, "ex.slip.sm_nats_not_bits"), Slip(answer * _LN2 / _LN10, "ex.slip.log10")),
    )


#: Choices of the overflow question: what float64 gives for softmax(z)_K computed as written.
_OVERFLOW = {
    "right": r"\approx {p}\ \text{{(subtract }}\max_j z_j\text{{ first)}}",
    "nan": r"\mathrm{{NaN}}\ (\infty/\infty)",
    "one": r"1",
    "third": r"1/3",
}
_OVERFLOW_SLIPS = {"nan": "ex.slip.sm_overflow", "one": "ex.slip.sm_largest_is_one", "third": "ex.slip.sm_big_equal"}


def overflow(rng: np.random.Generator) -> Question:
    """Multiple choice: softmax of (c, c + 1, c + 2) with c ≥ 800 is softmax(0, 1, 2), not NaN."""
    c = int(rng.choice([800, 1000, 1200, 5000]))
    p = float(sm.softmax([0.0, 1.0, 2.0])[2])
    names = [str(n) for n in rng.permutation(list(_OVERFLOW))]
    return Question(
        prompt="ex.softmax.overflow",
        fields={"z": f"({c}, {c + 1}, {c + 2})"},
        answer=names.index("right"),
        choices=tuple(_OVERFLOW[n].format(p=fmt(p, 4)) for n in names),
        solution=(
            rf"e^{{{c}}}=\infty\ \text{{in float64 (}}e^{{709.8}}\approx 1.8\times10^{{308}}\text{{)}}"
            r"\Rightarrow \tfrac{\infty}{\infty}=\mathrm{NaN}",
            rf"\operatorname{{softmax}}(z)=\operatorname{{softmax}}(z-{c})=\operatorname{{softmax}}(0,1,2)",
            rf"\frac{{e^{{2}}}}{{1+e+e^{{2}}}}={fmt(p, 6)}",
        ),
        slips=tuple(Slip(i, _OVERFLOW_SLIPS[n]) for i, n in enumerate(names) if n in _OVERFLOW_SLIPS),
    )


QUESTIONS = (softmax_probability, one_hot_cross_entropy, softmax_logit_gradient, mean_cross_entropy, entropy_bits, overflow)


def snippet(*, p: float, q: float, n: int, seed: int, units: str) -> Snippet:
    """Reproduce the page's H(p̂, q) = H(p̂) + KL(p̂‖q) for its coin-flip sample with numpy and scipy."""
    x = sampling.draw("bernoulli", {"p": p}, n, seed)
    p_hat = float(np.count_nonzero(x)) / n
    value = information.cross_entropy([1.0 - p_hat, p_hat], [1.0 - q, q], units)
    base = "2" if units == "bits" else "None"
    code = "\n".join([
        "import numpy as np",
        "from scipy import stats",
        "",
        f"p, q, N = {p!r}, {q!r}, {n}",
        f"x = np.random.default_rng({seed}).binomial(1, p, size=N)  # the lab's coin flips",
        "p_hat = np.array([1 - x.mean(), x.mean()])  # the sample's distribution (the MLE)",
        "model = np.array([1 - q, q])",
        f"H = stats.entropy(p_hat, base={base})  # entropy H(p̂) in {units}",
        f"KL = stats.entropy(p_hat, model, base={base})  # KL(p̂ ‖ q)",
        "log = np.log2 if " + ("True" if units == "bits" else "False") + " else np.log",
        "cross = -np.sum(np.where(p_hat > 0, p_hat * log(model), 0.0))  # cross-entropy H(p̂, q)",
        'print(f"H + KL = {H + KL:.12g}")',
        'print(f"H(p̂, q) = {cross:.12g}")',
    ])
    return Snippet(code=code, value=value)
