"""Optimizer playground: questions on one Adam, Momentum, AdaGrad and SGD step; the snippet."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from estimation import optimizers as O
from estimation._validation import check_int
from estimation.surfaces import Quadratic, make_surface, run_optimizer
from estimation.teaching import Question, Slip, Snippet, distinguishable, fmt

_BETA1, _BETA2, _ADAM_EPS = 0.9, 0.999, 1e-8  # torch.optim.Adam's defaults, fixed in the prompts
_ADAGRAD_EPS = 1e-10  # torch.optim.Adagrad's default


def _tex(x: float, digits: int = 6) -> str:
    """:func:`fmt` for LaTeX: 7.99e-05 becomes 7.99\\times10^{-5} (final answers keep plain fmt)."""
    text = fmt(x, digits)
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return rf"{mantissa}\times10^{{{int(exponent)}}}"


def _term(x: float, digits: int = 4) -> str:
    """A number as a factor or summand in a formula: negatives in brackets."""
    return f"({_tex(x, digits)})" if x < 0 else _tex(x, digits)


def _sign(rng: np.random.Generator) -> float:
    return float(rng.choice([-1.0, 1.0]))


def adam_step(rng: np.random.Generator) -> Question:
    t = int(rng.choice([1, 1, 2, 3, 5, 10]))
    lr = float(rng.choice([0.001, 0.01, 0.1]))
    sign = _sign(rng)
    g = sign * float(rng.choice([0.2, 0.5, 1.0, 2.0]))
    # the buffers after t − 1 earlier gradients (same sign, another size), rounded as printed
    opt = O.Adam(lr=lr, beta1=_BETA1, beta2=_BETA2, eps=_ADAM_EPS)
    state = opt.init_state(0.0)
    g_before = sign * float(rng.choice([0.1, 0.3, 0.5, 1.0, 1.5]))
    for _ in range(t - 1):
        opt.apply(0.0, g_before, state)
    m, v = float(fmt(state["exp_avg"], 4)), float(fmt(state["exp_avg_sq"], 4))
    state.update(exp_avg=m, exp_avg_sq=v)
    answer = opt.apply(0.0, g, state)  # Δθ = θ_t − θ_{t−1}
    m_t, v_t = state["exp_avg"], state["exp_avg_sq"]
    m_hat, v_hat = m_t / (1 - _BETA1**t), v_t / (1 - _BETA2**t)
    return Question(
        prompt="ex.optimizers.adam_step",
        fields={"t": t, "m": fmt(m), "v": fmt(v), "g": fmt(g), "lr": fmt(lr)},
        answer=answer,
        solution=(
            rf"m_t=\beta_1 m_{{t-1}}+(1-\beta_1)\,g_t={_tex(m_t, 6)},\qquad "
            rf"v_t=\beta_2 v_{{t-1}}+(1-\beta_2)\,g_t^2={_tex(v_t, 6)}",
            rf"\hat m_t=\frac{{m_t}}{{1-\beta_1^{{{t}}}}}={_tex(m_hat, 6)},\qquad"
            rf"\hat v_t=\frac{{v_t}}{{1-\beta_2^{{{t}}}}}={_tex(v_hat, 6)}",
            rf"\Delta\theta=-\eta\,\frac{{\hat m_t}}{{\sqrt{{\hat v_t}}+\varepsilon}}"
            rf"=-{fmt(lr)}\times\frac{{{_tex(m_hat, 6)}}}{{{_tex(math.sqrt(v_hat), 6)}+10^{{-8}}}}={fmt(answer, 6)}",
        ),
        slips=(Slip(-lr * m_t / (math.sqrt(v_t) + _ADAM_EPS), "ex.slip.adam_no_bias_correction"),
               Slip(-answer, "ex.slip.gradient_ascent")),
    )


# Candidate Adam updates Δθ from the new buffers m_t, v_t at step t (θ_t = θ_{t−1} + Δθ).
_ADAM_RULES = {
    "right": (r"\theta_t=\theta_{t-1}-\eta\,\hat m_t/\bigl(\sqrt{\hat v_t}+\varepsilon\bigr)",
              lambda m, v, t, lr, eps: -lr * (m / (1 - _BETA1**t)) / (math.sqrt(v / (1 - _BETA2**t)) + eps)),
    "no_correction": (r"\theta_t=\theta_{t-1}-\eta\,m_t/\bigl(\sqrt{v_t}+\varepsilon\bigr)",
                      lambda m, v, t, lr, eps: -lr * m / (math.sqrt(v) + eps)),
    "eps_inside": (r"\theta_t=\theta_{t-1}-\eta\,\hat m_t/\sqrt{\hat v_t+\varepsilon}",
                   lambda m, v, t, lr, eps: -lr * (m / (1 - _BETA1**t)) / math.sqrt(v / (1 - _BETA2**t) + eps)),
    "ascent": (r"\theta_t=\theta_{t-1}+\eta\,\hat m_t/\bigl(\sqrt{\hat v_t}+\varepsilon\bigr)",
               lambda m, v, t, lr, eps: lr * (m / (1 - _BETA1**t)) / (math.sqrt(v / (1 - _BETA2**t)) + eps)),
}
_ADAM_RULE_SLIPS = {"no_correction": "ex.slip.adam_no_bias_correction", "eps_inside": "ex.slip.eps_inside_sqrt",
                    "ascent": "ex.slip.gradient_ascent"}


def adam_rule(rng: np.random.Generator) -> Question:
    order = [str(k) for k in rng.permutation(list(_ADAM_RULES))]
    # Which candidate is Adam? Ask the lab's Adam, two steps on a probe whose ε is
    # large enough to tell ε inside the root from ε outside.
    lr, eps = 0.1, 0.1
    opt = O.Adam(lr=lr, beta1=_BETA1, beta2=_BETA2, eps=eps)
    state = opt.init_state(0.0)
    theta = opt.apply(0.0, 0.3, state)
    delta = opt.apply(theta, 0.5, state) - theta
    args = (state["exp_avg"], state["exp_avg_sq"], state["step"], lr, eps)
    answer = next(i for i, k in enumerate(order) if math.isclose(_ADAM_RULES[k][1](*args), delta, rel_tol=1e-12))
    return Question(
        prompt="ex.optimizers.adam_rule",
        fields={},
        answer=answer,
        choices=tuple(_ADAM_RULES[k][0] for k in order),
        solution=(
            r"m_t=\beta_1 m_{t-1}+(1-\beta_1)\,g_t,\qquad v_t=\beta_2 v_{t-1}+(1-\beta_2)\,g_t^2",
            r"m_0=v_0=0\ \Rightarrow\ \mathbb{E}[m_t]\approx(1-\beta_1^{\,t})\,\mathbb{E}[g]:\quad"
            r"\hat m_t=\frac{m_t}{1-\beta_1^{\,t}},\qquad \hat v_t=\frac{v_t}{1-\beta_2^{\,t}}",
            r"\theta_t=\theta_{t-1}-\eta\,\frac{\hat m_t}{\sqrt{\hat v_t}+\varepsilon}",
        ),
        slips=tuple(Slip(i, _ADAM_RULE_SLIPS[k]) for i, k in enumerate(order) if k in _ADAM_RULE_SLIPS),
    )


def momentum_step(rng: np.random.Generator) -> Question:
    while True:  # redraw until no slip sits within 0.5 % of the answer (rounding could not tell them apart)
        lr = float(rng.choice([0.05, 0.1, 0.2]))
        mu = float(rng.choice([0.5, 0.8, 0.9]))
        theta = float(rng.choice([-2.0, -1.0, 0.5, 1.0, 2.0, 3.0]))
        sign = _sign(rng)
        g = sign * float(rng.choice([0.5, 1.0, 2.0, 4.0]))
        b = sign * float(rng.choice([0.5, 1.0, 2.0, 3.0]))
        state = {"step": 1, "momentum_buffer": b}
        answer = O.Momentum(lr=lr, momentum=mu).apply(theta, g, state)
        b_t = state["momentum_buffer"]
        slips = (Slip(theta - lr * g, "ex.slip.momentum_ignored"),
                 Slip(theta + mu * b - lr * g, "ex.slip.momentum_forms_mixed"),
                 Slip(theta + lr * b_t, "ex.slip.gradient_ascent"))
        if distinguishable(answer, slips):
            break
    v, v_t = -lr * b, -lr * b_t  # the velocity form's v = −η b
    return Question(
        prompt="ex.optimizers.momentum_step",
        fields={"lr": fmt(lr), "mu": fmt(mu), "b": fmt(b), "theta": fmt(theta), "g": fmt(g)},
        answer=answer,
        solution=(
            rf"b_t=\mu\,b_{{t-1}}+g_t={fmt(mu)}\times{_term(b)}+{_term(g)}={_tex(b_t, 6)}",
            rf"v_{{t-1}}=-\eta\,b_{{t-1}}={_tex(v, 6)},\quad "
            rf"v_t=\mu\,v_{{t-1}}-\eta\,g_t={_tex(v_t, 6)}=-\eta\,b_t",
            rf"\theta_t=\theta_{{t-1}}-\eta\,b_t={fmt(theta)}-{fmt(lr)}\times{_term(b_t, 6)}={fmt(answer, 6)}",
        ),
        slips=slips,
    )


def adagrad_step(rng: np.random.Generator) -> Question:
    while True:  # redraw until no slip sits within 0.5 % of the answer (rounding could not tell them apart)
        lr = float(rng.choice([0.1, 0.5, 1.0, 1.5]))
        h = float(rng.choice([0.25, 0.5, 1.0, 2.0]))
        theta = float(rng.choice([0.5, 1.0, 2.0, 3.0]))
        g = _sign(rng) * float(rng.choice([1.0, 1.5, 2.0, 3.0]))
        state = {"step": 1, "sum": h}
        answer = O.AdaGrad(lr=lr, eps=_ADAGRAD_EPS).apply(theta, g, state)
        h_t = state["sum"]
        slips = (Slip(theta - lr * g / (math.sqrt(h) + _ADAGRAD_EPS), "ex.slip.adagrad_old_sum"),
                 Slip(theta - lr * g / (h_t + _ADAGRAD_EPS), "ex.slip.missing_sqrt"),
                 Slip(theta - lr * g / (math.sqrt(h_t) + theta), "ex.slip.theta_as_eps"))
        if distinguishable(answer, slips):
            break
    return Question(
        prompt="ex.optimizers.adagrad_step",
        fields={"lr": fmt(lr), "h": fmt(h), "theta": fmt(theta), "g": fmt(g)},
        answer=answer,
        solution=(
            rf"h_t=h_{{t-1}}+g_t^2={fmt(h)}+{_term(g)}^2={_tex(h_t, 6)}",
            rf"\theta_t=\theta_{{t-1}}-\frac{{\eta\,g_t}}{{\sqrt{{h_t}}+\varepsilon}}"
            rf"={fmt(theta)}-\frac{{{fmt(lr)}\times{_term(g)}}}{{{_tex(math.sqrt(h_t), 6)}+10^{{-10}}}}"
            rf"={fmt(answer, 6)}",
        ),
        slips=slips,
    )


def sgd_quadratic(rng: np.random.Generator) -> Question:
    a = float(rng.choice([0.1, 0.2, 0.25, 0.5, 1.0]))
    lr = float(rng.choice([0.1, 0.2, 0.25, 0.5, 0.75, 0.9]))
    x0 = float(rng.choice([-4.0, -3.0, -2.0, -1.0, 1.0, 2.0, 3.0, 5.0]))
    g = Quadratic(condition=1 / a).grad(x0, 0.0)[0]  # f = x²/κ + y² on y = 0 is a·x² with κ = 1/a
    answer = O.SGD(lr=lr).apply(x0, g, {"step": 0})
    return Question(
        prompt="ex.optimizers.sgd_quadratic",
        fields={"a": fmt(a), "lr": fmt(lr), "x0": fmt(x0)},
        answer=answer,
        solution=(
            rf"f'(x)=2a\,x\ \Rightarrow\ g=2\times{fmt(a)}\times{_term(x0)}={_tex(g, 6)}",
            rf"x_1=x_0-\eta\,g={fmt(x0)}-{fmt(lr)}\times{_term(g, 6)}=x_0\,(1-2a\eta)={fmt(answer, 6)}",
        ),
        slips=(Slip(x0 - lr * a * x0, "ex.slip.derivative_factor_two"),
               Slip(x0 + lr * g, "ex.slip.gradient_ascent")),
    )


QUESTIONS = (adam_step, adam_rule, momentum_step, adagrad_step, sgd_quadratic)


# -- the snippet: a plain-Python copy of one run (same operations, same order as the lab) --

_SURFACE_CODE = {
    "quadratic": '''\
kappa, phi = {condition!r}, math.radians({angle_deg!r})  # condition number κ, valley angle φ
c, s = math.cos(phi), math.sin(phi)


def f(x, y):  # u²/κ + v² with u along the valley floor
    u, v = c * x + s * y, c * y - s * x
    return u * u / kappa + v * v


def grad(x, y):
    u, v = c * x + s * y, c * y - s * x
    du = 2.0 * u / kappa
    return du * c - 2.0 * v * s, du * s + 2.0 * v * c''',
    "rosenbrock": '''\
def f(x, y):  # Rosenbrock
    a, b = 1.0 - x, y - x * x
    return a * a + 100.0 * b * b


def grad(x, y):
    b = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * b, 200.0 * b''',
    "beale": '''\
def f(x, y):  # Beale
    y2 = y * y
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y2 * y
    return a * a + b * b + c * c


def grad(x, y):
    y2 = y * y
    y3 = y2 * y
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3
    return (2.0 * (a * (y - 1.0) + b * (y2 - 1.0) + c * (y3 - 1.0)),
            2.0 * x * (a + 2.0 * b * y + 3.0 * c * y2))''',
    "himmelblau": '''\
def f(x, y):  # Himmelblau
    a, b = x * x + y - 11.0, x + y * y - 7.0
    return a * a + b * b


def grad(x, y):
    a, b = x * x + y - 11.0, x + y * y - 7.0
    return 4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b''',
    "saddle": '''\
def f(x, y):  # the saddle x² − y²
    return x * x - y * y


def grad(x, y):
    return 2.0 * x, -2.0 * y''',
}

# Per optimizer: the zero state of one coordinate and the update of one coordinate.
_OPTIMIZER_CODE = {
    "SGD": ({}, '''\
def step(p, g, state):  # θ ← θ − η g
    return p - lr * g'''),
    "Momentum": ({"b": 0.0}, '''\
def step(p, g, state):  # torch's form: b ← μ b + g, θ ← θ − η b
    state["b"] = momentum * state["b"] + g
    return p - lr * state["b"]'''),
    "Nesterov": ({"b": 0.0}, '''\
def step(p, g, state):  # torch's nesterov=True: b ← μ b + g, θ ← θ − η (g + μ b)
    state["b"] = momentum * state["b"] + g
    return p - lr * (g + momentum * state["b"])'''),
    "AdaGrad": ({"h": 0.0}, '''\
def step(p, g, state):  # h ← h + g², θ ← θ − η g / (√h + ε)
    state["h"] = state["h"] + g * g
    return p - lr * g / (state["h"] ** 0.5 + eps)'''),
    "RMSprop": ({"v": 0.0}, '''\
def step(p, g, state):  # v ← ρ v + (1 − ρ) g², θ ← θ − η g / (√v + ε)
    state["v"] = decay_rate * state["v"] + (1.0 - decay_rate) * (g * g)
    return p - lr * g / (state["v"] ** 0.5 + eps)'''),
    "AdaDelta": ({"v": 0.0, "u": 0.0}, '''\
def step(p, g, state):  # ε inside both roots, as in Zeiler (2012) and torch
    state["v"] = rho * state["v"] + (1.0 - rho) * (g * g)
    delta = (state["u"] + eps) ** 0.5 / (state["v"] + eps) ** 0.5 * g
    state["u"] = rho * state["u"] + (1.0 - rho) * (delta * delta)
    return p - lr * delta'''),
    "Adam": ({"t": 0, "m": 0.0, "v": 0.0}, '''\
def step(p, g, state):  # bias-corrected moments, ε outside the root, and a minus sign
    state["t"] += 1
    t = state["t"]
    state["m"] = beta1 * state["m"] + (1.0 - beta1) * g
    state["v"] = beta2 * state["v"] + (1.0 - beta2) * (g * g)
    v_hat = state["v"] / (1.0 - beta2**t)
    return p - lr / (1.0 - beta1**t) * state["m"] / (v_hat**0.5 + eps)  # η m̂/(√v̂ + ε)'''),
}

#: Each optimizer's torch.optim call with its hyperparameters' names (the snippet's variables).
_TORCH = {name: cls.torch_call({h.name: h.name for h in cls.HYPERPARAMETERS}) for name, cls in O.OPTIMIZERS.items()}

_LOOP = '''\
x, y = {x0!r}, {y0!r}  # the start θ₀
state_x, state_y = {state!r}, {state!r}  # one state per coordinate
loss = f(x, y)
for _ in range({t}):  # t = {t}: the step the page's table shows (the race runs {steps:,} steps)
    gx, gy = grad(x, y)
    x, y = step(x, gx, state_x), step(y, gy, state_y)
    if not (abs(x) <= 1e6 and abs(y) <= 1e6 and math.isfinite(f(x, y))):
        break  # diverged (or escaped): the lab stops the run here
    loss = f(x, y)
print(f"{name}: loss at step t = {t:,}: f(x, y) = {{loss:.12g}}")'''


def snippet(*, surface: str, optimizers: Mapping, surface_params=None, start=None, steps: int,
            step: int | None = None) -> Snippet:
    """One run of the page's race as a plain Python loop, printing its loss at the revealed step t.

    Shows Adam if it is in ``optimizers`` (name → hyperparameters, as the page
    races them), else the first of them in registry order. ``step`` is the
    step t the page's table shows (0 … ``steps``; default ``steps``); the
    program runs t steps (fewer if the run diverges first, as the lab stops
    it) and prints f(θ) there: the table's loss, f(θ_min(t, n)) with n the
    steps the run took. It performs the lab's floating-point operations in
    the lab's order, so the number agrees to the last digit.
    """
    if not isinstance(optimizers, Mapping) or not optimizers:
        raise ValueError("optimizers must be a non-empty mapping of optimizer name -> hyperparameters")
    known = [name for name in O.OPTIMIZERS if name in optimizers]
    if not known:
        raise ValueError(f"optimizers: choose from {list(O.OPTIMIZERS)}, got {list(optimizers)}")
    name = "Adam" if "Adam" in known else known[0]
    hp = {h.name: float(optimizers[name].get(h.name, h.default)) for h in O.OPTIMIZERS[name].HYPERPARAMETERS}
    surf = make_surface(surface, surface_params)
    start = surf.start if start is None else start
    traj = run_optimizer(O.OPTIMIZERS[name](**hp), surf, start, steps)  # validates start and steps
    t = traj.steps if step is None else min(check_int(step, "step", lo=0, hi=int(steps)), traj.steps)
    t_shown = int(steps) if step is None else int(step)
    x0, y0 = (float(c) for c in start)
    state, update = _OPTIMIZER_CODE[name]
    surface_code = _SURFACE_CODE[surface]
    if isinstance(surf, Quadratic):
        surface_code = surface_code.format(condition=surf.condition, angle_deg=surf.angle_deg)
    code = "\n".join([
        "import math",
        "",
        surface_code,
        "",
        "",
        f"# {name} = {_TORCH[name]}",
        f"{', '.join(hp)} = {', '.join(map(repr, hp.values()))}",
        "",
        "",
        update,
        "",
        "",
        _LOOP.format(x0=x0, y0=y0, state=state, t=t_shown, steps=int(steps), name=name),
    ])
    return Snippet(code=code, value=float(traj.losses[t]))
