"""Activations page: questions on derivatives, the ReLU convention and the 0.25ᴸ bound; the snippet."""

from __future__ import annotations

import numpy as np

from estimation import activations, depth
from estimation.teaching import Question, Slip, Snippet, fmt


def _distinct(answer: float, *slips: Slip) -> tuple[Slip, ...]:
    """The slips whose value differs from the answer and from earlier slips.

    Only a slip that *is* the answer here (equal up to float rounding, e.g. σ'(1) at x = 1) is dropped; one
    that is merely close stays, and the tests require it to be graded wrong at three significant figures.
    """
    kept: list[Slip] = []
    for s in slips:
        if all(abs(s.value - v) > 1e-12 * max(abs(v), 1e-300) for v in [answer, *(k.value for k in kept)]):
            kept.append(s)
    return tuple(kept)


def sigmoid_derivative(rng: np.random.Generator) -> Question:
    x = float(rng.choice([0.0, 0.0, 0.5, -0.5, 1.0, -1.5, 2.0, -2.0, 3.0]))
    s = float(activations.sigmoid(x))
    answer = float(activations.d_sigmoid(x))
    value_slip = Slip(s, "ex.slip.sigmoid_max_half" if x == 0 else "ex.slip.sigmoid_not_derivative")
    # the notes' 1/(1 + e^{-1}): a constant h = σ(1), so "h(1 − h)" is σ'(1) whatever x is
    constant = Slip(float(activations.d_sigmoid(1.0)), "ex.slip.sigmoid_e_minus_1")
    return Question(
        prompt="ex.activations.sigmoid_derivative",
        fields={"x": fmt(x)},
        answer=answer,
        solution=(
            rf"\sigma({fmt(x)})=\frac{{1}}{{1+e^{{-({fmt(x)})}}}}={fmt(s, 6)}",
            rf"\sigma'(x)=\sigma(x)\bigl(1-\sigma(x)\bigr)={fmt(s, 6)}\times{fmt(1 - s, 6)}={fmt(answer, 6)}",
        ),
        slips=_distinct(answer, value_slip, Slip(1.0, "ex.slip.sigmoid_max_one"), constant),
    )


def tanh_derivative(rng: np.random.Generator) -> Question:
    x = float(rng.choice([0.0, 0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.0]))
    t = float(activations.tanh(x))
    answer = float(activations.d_tanh(x))
    return Question(
        prompt="ex.activations.tanh_derivative",
        fields={"x": fmt(x)},
        answer=answer,
        solution=(
            rf"\tanh({fmt(x)})={fmt(t, 6)}",
            rf"\tanh'(x)=1-\tanh^{{2}}x=1-({fmt(t, 6)})^{{2}}={fmt(answer, 6)}",
        ),
        slips=_distinct(
            answer,
            Slip(float(activations.d_sigmoid(x)), "ex.slip.tanh_is_sigmoid"),
            Slip(t, "ex.slip.tanh_not_derivative"),
            Slip(1.0 - t, "ex.slip.tanh_no_square"),
        ),
    )


def chain_bound(rng: np.random.Generator) -> Question:
    n_layers = int(rng.integers(2, 7))
    w = float(rng.choice([1.0, 1.0, 2.0, 3.0]))
    answer = float(depth.sigmoid_chain_bound(n_layers, w)[0])
    return Question(
        prompt="ex.activations.chain_bound",
        fields={"L": n_layers, "w": fmt(w)},
        answer=answer,
        solution=(
            r"\frac{\partial h_L}{\partial h_0}=\prod_{l=1}^{L}w\,\sigma'(w\,h_{l-1}),"
            r"\qquad 0<\sigma'\le\tfrac14",
            rf"\Bigl|\frac{{\partial h_L}}{{\partial h_0}}\Bigr|\le\Bigl(\frac{{|w|}}{{4}}\Bigr)^{{L}}"
            rf"=\Bigl(\frac{{{fmt(w)}}}{{4}}\Bigr)^{{{n_layers}}}={fmt(answer, 6)}",
        ),
        slips=_distinct(
            answer,
            Slip(n_layers * abs(w) / 4, "ex.slip.chain_adds"),
            Slip((abs(w) / 2) ** n_layers, "ex.slip.sigmoid_max_half"),
        ),
    )


def relu_derivative(rng: np.random.Generator) -> Question:
    x = float(rng.choice([0.0, 0.0, 0.0, -1.0, 0.5, 2.0, -0.5, 3.0]))
    answer = float(activations.d_relu(x))
    return Question(
        prompt="ex.activations.relu_derivative",
        fields={"x": fmt(x)},
        answer=answer,
        solution=(
            r"\mathrm{ReLU}'(x)=\begin{cases}1 & x>0\\ 0 & x\le 0\end{cases}"
            r"\qquad(\text{at }0\text{: not differentiable; }0\text{ by convention, as PyTorch})",
            rf"\mathrm{{ReLU}}'({fmt(x)})={fmt(answer)}",
        ),
        slips=_distinct(
            answer,
            Slip(float(activations.relu(x)), "ex.slip.relu_value"),
            *([Slip(1.0, "ex.slip.relu_one_at_zero")] if x == 0 else []),
        ),
    )


_CHOICE_SLIPS = {"tanh": "ex.slip.tanh_max_one", "relu": "ex.slip.relu_passes",
                 "softplus": "ex.slip.softplus_sigmoid"}


def which_quarter(rng: np.random.Generator) -> Question:
    names = [str(n) for n in rng.permutation(["sigmoid", "tanh", "relu", "softplus"])]
    peaks = {n: activations.derivative_peak(n)[1] for n in names}
    answer = next(i for i, n in enumerate(names) if peaks[n] <= 0.25)
    return Question(
        prompt="ex.activations.which_quarter",
        fields={},
        answer=answer,
        choices=tuple(activations.ACTIVATIONS[n].latex_f for n in names),
        solution=(
            rf"\sup\sigma'=\sigma'(0)={fmt(peaks['sigmoid'])},\qquad \sup\tanh'=\tanh'(0)={fmt(peaks['tanh'])}",
            rf"\mathrm{{ReLU}}'(x)=1\ (x>0),\qquad \mathrm{{softplus}}'(x)=\sigma(x)\to{fmt(peaks['softplus'])}",
            r"\Rightarrow\ \text{only }\sigma\text{ multiplies the gradient by at most }\tfrac14\text{ per layer}",
        ),
        slips=tuple(Slip(i, _CHOICE_SLIPS[n]) for i, n in enumerate(names) if n in _CHOICE_SLIPS),
    )


QUESTIONS = (sigmoid_derivative, tanh_derivative, chain_bound, relu_derivative, which_quarter)


def snippet(*, n_layers: int, width: int, init_scale: float, seed: int, batch_size: int = 32) -> Snippet:
    """Reproduce the sigmoid network's mean |∂E/∂h₀| (the page's input-layer gradient) with numpy."""
    code = "\n".join([
        "import numpy as np",
        "from scipy.special import expit  # the sigmoid",
        "",
        f"L, width, s, batch, seed = {n_layers}, {width}, {init_scale!r}, {batch_size}, {seed}",
        "h = np.random.default_rng(seed).standard_normal((batch, width))",
        "# one weight matrix per layer, each from its own child seed",
        "Ws = [np.random.default_rng(c).normal(0.0, s / np.sqrt(width), (width, width))",
        "      for c in np.random.SeedSequence(seed).spawn(L)]",
        "zs = []",
        "for W in Ws:  # forward: z_l = h_(l-1) W_l, h_l = sigmoid(z_l)",
        "    zs.append(h @ W)",
        "    h = expit(zs[-1])",
        "g = np.ones_like(h)  # dE/dh_L = 1 for E = sum of the outputs",
        "for W, z in zip(Ws[::-1], zs[::-1]):  # backward: chain rule, one layer at a time",
        "    g = (g * expit(z) * expit(-z)) @ W.T  # sigmoid'(z) = sigmoid(z) sigmoid(-z)",
        'print(f"mean |dE/dh_0| (sigmoid) = {np.abs(g).mean():.12g}")',
    ])
    view = depth.gradient_profiles(("sigmoid",), n_layers, width, init_scale=init_scale,
                                         batch_size=batch_size, seed=seed)
    return Snippet(code=code, value=float(view.profiles["sigmoid"].grad_mean_abs[0]))
