r"""First-order optimizers with the ``update(params, grads)`` interface.

Seven classic update rules, each matching the algorithm documented for
``torch.optim`` (no weight decay, no ``maximize``, no schedules):

========== ===================================================== ===========================
name       torch equivalent                                      state per parameter
========== ===================================================== ===========================
SGD        ``SGD(lr)``                                           (only ``step``)
Momentum   ``SGD(lr, momentum=μ)``                               ``momentum_buffer``
Nesterov   ``SGD(lr, momentum=μ, nesterov=True)``                ``momentum_buffer``
AdaGrad    ``Adagrad(lr, eps=ε)``                                ``sum``
RMSprop    ``RMSprop(lr, alpha=decay_rate, eps=ε)``              ``square_avg``
AdaDelta   ``Adadelta(lr, rho=ρ, eps=ε)``                        ``square_avg``, ``acc_delta``
Adam       ``Adam(lr, betas=(β₁, β₂), eps=ε)``                   ``exp_avg``, ``exp_avg_sq``
========== ===================================================== ===========================

Every state also holds ``step`` (the number of updates applied to that
parameter). ``params`` and ``grads`` are dicts mapping a name to a float numpy
array (a gradient may also be a float or a list of floats);
:meth:`Optimizer.update` changes the arrays of ``params`` in place and
creates the state of a name lazily on its first update, as torch does.

Symbols used in the docstrings: θ parameter, g gradient, t step (from 1),
η learning rate (``lr``). The exam notes write ε for the learning rate and θ
for the small constant of AdaGrad/RMSprop; here ε is always ``eps``.

The arithmetic of each rule lives in :meth:`Optimizer.apply`, written with
plain operators and augmented assignments so that the same code updates a
numpy array in place (``update``) or a Python float (the fast 2-D path of
:func:`estimation.surfaces.run_optimizer`, about ten times faster than
numpy on two-element arrays).

``OPTIMIZERS`` maps each name to its class; every class lists its
hyperparameters in ``HYPERPARAMETERS`` (name, symbol, default, valid bounds,
suggested widget range), which pages use to build their controls, and states
its update rule in LaTeX (``latex``, with g_t = ∇f(θ_{t-1})) and its torch
equivalent (``torch``, hyperparameters written as symbols;
:meth:`Optimizer.torch_call` fills them otherwise), which pages and snippets
show.
"""

from __future__ import annotations

import math
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from estimation._validation import as_finite_array, check_real

__all__ = [
    "Hyperparameter",
    "Optimizer",
    "SGD",
    "Momentum",
    "Nesterov",
    "AdaGrad",
    "RMSprop",
    "AdaDelta",
    "Adam",
    "OPTIMIZERS",
]


@dataclass(frozen=True, slots=True)
class Hyperparameter:
    """Description of one real-valued hyperparameter.

    Parameters
    ----------
    name : str
        Keyword argument name.
    symbol : str
        Symbol used in the equations (for labels).
    default : float
        Default value.
    lo, hi : float
        Valid range; ``hi`` may be ``math.inf``.
    lo_open, hi_open : bool
        Whether the corresponding bound is excluded.
    widget_range : tuple of float
        Suggested slider range (inside the valid range).
    log_scale : bool
        Whether a slider should move on a log scale.
    """

    name: str
    symbol: str
    default: float
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    widget_range: tuple[float, float] = (0.0, 1.0)
    log_scale: bool = False

    def check(self, value) -> float:
        """Return ``value`` as a float, raising ``ValueError`` naming it if invalid."""
        hi = None if math.isinf(self.hi) else self.hi
        return check_real(
            value, self.name, lo=self.lo, hi=hi, lo_open=self.lo_open, hi_open=self.hi_open
        )


def _lr(default: float) -> Hyperparameter:
    return Hyperparameter(
        "lr", "η", default, 0.0, math.inf, lo_open=True, hi_open=True,
        widget_range=(1e-4, 10.0), log_scale=True,
    )


def _rate(name: str, symbol: str, default: float, widget_range: tuple[float, float]) -> Hyperparameter:
    """A decay/momentum coefficient in [0, 1)."""
    return Hyperparameter(name, symbol, default, 0.0, 1.0, hi_open=True, widget_range=widget_range)


def _eps(default: float) -> Hyperparameter:
    return Hyperparameter(
        "eps", "ε", default, 0.0, math.inf, lo_open=True, hi_open=True,
        widget_range=(1e-12, 1e-1), log_scale=True,
    )


class Optimizer:
    """Base class: hyperparameter checks, lazy per-parameter state, ``update``.

    Subclasses define ``name``, ``HYPERPARAMETERS``, ``STATE_BUFFERS`` (the
    names of the zero-initialised state buffers), :meth:`apply`, ``latex``
    (the update rule at step t) and ``TORCH_CALL`` (the equal ``torch.optim``
    call, a template with one ``{name}`` field per hyperparameter); ``torch``
    is that call written with the symbols.
    Hyperparameters are attributes (``opt.lr``); assigning one re-validates it
    and takes effect at the next step.

    Attributes
    ----------
    state : dict
        ``state[name]`` is the dict of buffers for ``params[name]``
        (``"step"`` plus ``STATE_BUFFERS``), created on its first update.
    """

    name: ClassVar[str]
    HYPERPARAMETERS: ClassVar[tuple[Hyperparameter, ...]] = ()
    STATE_BUFFERS: ClassVar[tuple[str, ...]] = ()
    #: The update rule at step t in LaTeX (g_t = ∇f(θ_{t-1})), as the pages show it.
    latex: ClassVar[str] = ""
    #: The equal ``torch.optim`` call: a template with a ``{name}`` field per hyperparameter.
    TORCH_CALL: ClassVar[str] = ""
    #: ``TORCH_CALL`` written with the hyperparameters' symbols, e.g. ``torch.optim.SGD(lr=η)``.
    torch: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        fields = {f for _, f, _, _ in string.Formatter().parse(cls.TORCH_CALL) if f}
        names = {h.name for h in cls.HYPERPARAMETERS}
        if fields != names:
            raise TypeError(f"{cls.__name__}.TORCH_CALL must name {sorted(names)}, names {sorted(fields)}")
        cls.torch = cls.torch_call()

    @classmethod
    def torch_call(cls, fill: Mapping[str, str] | None = None) -> str:
        """The ``torch.optim`` call this class equals, each hyperparameter written as ``fill[name]``.

        Parameters
        ----------
        fill : mapping of str to str, optional
            Hyperparameter name -> text (default: its symbol). A
            hyperparameter filled with its own name is written once, as in a
            signature (``lr``, not ``lr=lr``).

        Examples
        --------
        >>> RMSprop.torch_call()
        'torch.optim.RMSprop(lr=η, alpha=ρ, eps=ε)'
        >>> RMSprop.torch_call({h.name: h.name for h in RMSprop.HYPERPARAMETERS})
        'torch.optim.RMSprop(lr, alpha=decay_rate, eps)'
        """
        fill = {h.name: h.symbol for h in cls.HYPERPARAMETERS} if fill is None else dict(fill)
        call = cls.TORCH_CALL
        for name, text in fill.items():
            if text == name:
                call = call.replace(f"{name}={{{name}}}", name)
        return call.format(**fill)

    def __init__(self, **hyperparameters: float) -> None:
        for spec in self.HYPERPARAMETERS:
            setattr(self, spec.name, hyperparameters[spec.name])
        self.state: dict[str, dict] = {}

    def __setattr__(self, attr: str, value) -> None:
        for spec in self.HYPERPARAMETERS:
            if spec.name == attr:
                value = spec.check(value)
                break
        object.__setattr__(self, attr, value)

    def __repr__(self) -> str:
        args = ", ".join(f"{h.name}={getattr(self, h.name)!r}" for h in self.HYPERPARAMETERS)
        return f"{type(self).__name__}({args})"

    def reset(self) -> None:
        """Forget all state: the next update behaves like the first one."""
        self.state = {}

    def init_state(self, like) -> dict:
        """Return a fresh state for a parameter shaped like ``like``.

        ``like`` is a numpy array (buffers are ``zeros_like(like)``) or a
        Python float (buffers are ``0.0``).
        """
        state: dict = {"step": 0}
        for buffer in self.STATE_BUFFERS:
            state[buffer] = np.zeros_like(like) if isinstance(like, np.ndarray) else 0.0
        return state

    def apply(self, param, grad, state: dict):
        """Apply one step to a single parameter and return it.

        Parameters
        ----------
        param, grad : ndarray or float
            The parameter and its gradient (same shape). An array ``param``
            is updated in place; a float is not, so use the return value.
        state : dict
            This parameter's state from :meth:`init_state`, updated in place.

        Returns
        -------
        ndarray or float
            The updated parameter.

        Notes
        -----
        No checks are made here (hot path); :meth:`update` validates.
        """
        raise NotImplementedError

    def update(self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> None:
        """Take one step: ``params[k]`` is changed in place using ``grads[k]``.

        Parameters
        ----------
        params : dict of str to ndarray
            Writeable float arrays with finite values.
        grads : dict of str to array_like
            Floating-point values (arrays, numpy or Python floats) with the
            same keys and shapes as ``params``, finite.

        Raises
        ------
        ValueError
            If the keys, types, dtypes or shapes do not match, a value is not
            finite, or a parameter's shape differs from its existing state.
            Nothing is updated in that case.
        """
        checked = self._check(params, grads)
        for key, param, grad in checked:
            state = self.state.get(key)
            if state is None:
                state = self.state[key] = self.init_state(param)
            self.apply(param, grad, state)

    def _check(self, params, grads) -> list[tuple[str, np.ndarray, np.ndarray]]:
        for arg, value in (("params", params), ("grads", grads)):
            if not isinstance(value, Mapping):
                raise ValueError(f"{arg} must be a dict of name -> float array, got {type(value).__name__}")
        if params.keys() != grads.keys():
            missing = sorted(map(str, params.keys() - grads.keys()))
            extra = sorted(map(str, grads.keys() - params.keys()))
            raise ValueError(f"grads must have the keys of params: missing {missing}, unexpected {extra}")
        checked = []
        for key, param in params.items():
            if not isinstance(param, np.ndarray) or param.dtype.kind != "f":
                kind = param.dtype if isinstance(param, np.ndarray) else type(param).__name__
                raise ValueError(f"params[{key!r}] must be a floating-point numpy array, got {kind}")
            grad = np.asarray(grads[key])
            if grad.dtype.kind != "f":
                raise ValueError(f"grads[{key!r}] must be floating-point, got {grad.dtype}")
            as_finite_array(param, f"params[{key!r}]", min_size=0)
            as_finite_array(grad, f"grads[{key!r}]", min_size=0)
            if not param.flags.writeable:
                raise ValueError(f"params[{key!r}] must be writeable (it is updated in place)")
            if grad.shape != param.shape:
                raise ValueError(
                    f"grads[{key!r}] has shape {grad.shape}, but params[{key!r}] has shape {param.shape}"
                )
            state = self.state.get(key)
            for buffer in self.STATE_BUFFERS if state is not None else ():
                if state[buffer].shape != param.shape:
                    raise ValueError(
                        f"params[{key!r}] has shape {param.shape} but its optimizer state has shape "
                        f"{state[buffer].shape}; call reset() first"
                    )
            checked.append((key, param, grad))
        return checked


class SGD(Optimizer):
    r"""Plain (stochastic) gradient descent.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate η > 0.

    Notes
    -----
    At step t with gradient g_t::

        θ_t = θ_{t-1} − η g_t

    This is ``torch.optim.SGD(lr=η)``. The exam notes write the learning rate
    as ε. The state holds only ``step``.

    Examples
    --------
    >>> import numpy as np
    >>> params = {"w": np.array([1.0, 2.0])}
    >>> SGD(lr=0.1).update(params, {"w": np.array([1.0, -1.0])})
    >>> params["w"]
    array([0.9, 2.1])
    """

    name = "SGD"
    HYPERPARAMETERS = (_lr(0.01),)
    latex = r"\theta_t = \theta_{t-1} - \eta\, g_t"
    TORCH_CALL = "torch.optim.SGD(lr={lr})"

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__(lr=lr)

    def apply(self, param, grad, state):
        state["step"] += 1
        param -= self.lr * grad
        return param


class Momentum(Optimizer):
    r"""Gradient descent with heavy-ball momentum (torch's convention).

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate η > 0.
    momentum : float, default 0.9
        Momentum factor μ in [0, 1).

    Notes
    -----
    With the buffer ``momentum_buffer`` b_0 = 0, at step t::

        b_t = μ b_{t-1} + g_t          (so b_1 = g_1)
        θ_t = θ_{t-1} − η b_t

    This is ``torch.optim.SGD(lr=η, momentum=μ)`` (dampening 0, whose buffer
    starts at b_1 = g_1). The exam notes use the velocity form::

        v_t = μ v_{t-1} − η g_t,   θ_t = θ_{t-1} + v_t,   v_0 = 0,

    which gives the same iterates while η is constant (v_t = −η b_t). If η
    changes during a run the forms differ: here a new η rescales the whole
    accumulated buffer at once, in the velocity form only the new gradients.
    μ = 0 reduces to :class:`SGD`.

    Examples
    --------
    >>> import numpy as np
    >>> opt, params = Momentum(lr=0.1, momentum=0.5), {"w": np.array([0.0])}
    >>> for _ in range(2):
    ...     opt.update(params, {"w": np.array([1.0])})
    >>> params["w"]  # −0.1·1 − 0.1·(0.5 + 1)
    array([-0.25])
    """

    name = "Momentum"
    HYPERPARAMETERS = (_lr(0.01), _rate("momentum", "μ", 0.9, (0.0, 0.99)))
    latex = r"b_t = \mu\, b_{t-1} + g_t,\qquad \theta_t = \theta_{t-1} - \eta\, b_t"
    TORCH_CALL = "torch.optim.SGD(lr={lr}, momentum={momentum})"
    STATE_BUFFERS = ("momentum_buffer",)
    _nesterov: ClassVar[bool] = False

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__(lr=lr, momentum=momentum)

    def apply(self, param, grad, state):
        state["step"] += 1
        buf = state["momentum_buffer"]
        buf *= self.momentum
        buf += grad
        state["momentum_buffer"] = buf
        if self._nesterov:
            param -= self.lr * (grad + self.momentum * buf)
        else:
            param -= self.lr * buf
        return param


class Nesterov(Momentum):
    r"""Nesterov accelerated gradient in torch's form.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate η > 0.
    momentum : float, default 0.9
        Momentum factor μ in [0, 1).

    Notes
    -----
    With the buffer ``momentum_buffer`` b_0 = 0, at step t::

        b_t = μ b_{t-1} + g_t
        θ_t = θ_{t-1} − η (g_t + μ b_t)

    This is ``torch.optim.SGD(lr=η, momentum=μ, nesterov=True)``: the step
    direction is g_t + μ b_t, with g_t taken at the current parameters.

    Several forms are in use. Sutskever et al. (2013) evaluate the gradient
    at a look-ahead point, v_t = μ v_{t-1} − η ∇f(θ_{t-1} + μ v_{t-1}),
    θ_t = θ_{t-1} + v_t. Writing φ = θ + μ v (the look-ahead point) and
    v = −η b turns that recursion exactly into the one above, whose parameters
    are φ; with v = −η b it is also Bengio et al.'s (2013) form
    θ_t = θ_{t-1} + μ² v_{t-1} − (1 + μ) η g_t, v_t = μ v_{t-1} − η g_t.
    Textbook code that first updates v and then uses μ² v_t (the *new*
    velocity) is a different method, not a rewriting of this one.
    μ = 0 reduces to :class:`SGD`.

    References
    ----------
    Sutskever, I., Martens, J., Dahl, G. and Hinton, G. (2013). On the
    importance of initialization and momentum in deep learning. ICML.

    Bengio, Y., Boulanger-Lewandowski, N. and Pascanu, R. (2013). Advances in
    optimizing recurrent networks. ICASSP.
    """

    name = "Nesterov"
    _nesterov = True
    latex = r"b_t = \mu\, b_{t-1} + g_t,\qquad \theta_t = \theta_{t-1} - \eta\,\bigl(g_t + \mu\, b_t\bigr)"
    TORCH_CALL = "torch.optim.SGD(lr={lr}, momentum={momentum}, nesterov=True)"


class AdaGrad(Optimizer):
    r"""AdaGrad: per-coordinate steps shrinking with the summed squared gradients.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate η > 0.
    eps : float, default 1e-10
        ε > 0 added to the square root (outside it).

    Notes
    -----
    With the buffer ``sum`` h_0 = 0, at step t (squares and roots elementwise)::

        h_t = h_{t-1} + g_t²
        θ_t = θ_{t-1} − η g_t / (√h_t + ε)

    This is ``torch.optim.Adagrad(lr=η, eps=ε)`` (lr_decay 0,
    initial_accumulator_value 0). The exam notes use one symbol θ both as the
    initial accumulator h_0 and as the constant in the denominator; here h_0 = 0
    and ε is separate. The first step moves every coordinate by
    η |g_1| / (|g_1| + ε) ≈ η, whatever the gradient's scale.

    References
    ----------
    Duchi, J., Hazan, E. and Singer, Y. (2011). Adaptive subgradient methods
    for online learning and stochastic optimization. JMLR 12, 2121–2159.
    """

    name = "AdaGrad"
    HYPERPARAMETERS = (_lr(0.01), _eps(1e-10))
    latex = (r"\begin{aligned} h_t &= h_{t-1} + g_t^{2} \\"
             r"\theta_t &= \theta_{t-1} - \frac{\eta\, g_t}{\sqrt{h_t} + \varepsilon} \end{aligned}")
    TORCH_CALL = "torch.optim.Adagrad(lr={lr}, eps={eps})"
    STATE_BUFFERS = ("sum",)

    def __init__(self, lr: float = 0.01, eps: float = 1e-10) -> None:
        super().__init__(lr=lr, eps=eps)

    def apply(self, param, grad, state):
        state["step"] += 1
        h = state["sum"]
        h += grad * grad
        state["sum"] = h
        param -= self.lr * grad / (h**0.5 + self.eps)
        return param


class RMSprop(Optimizer):
    r"""RMSprop: steps scaled by a running root-mean-square of the gradients.

    Parameters
    ----------
    lr : float, default 0.01
        Learning rate η > 0.
    decay_rate : float, default 0.99
        Decay rate ρ in [0, 1) of the squared-gradient average (torch's ``alpha``).
    eps : float, default 1e-8
        ε > 0 added to the square root (outside it).

    Notes
    -----
    With the buffer ``square_avg`` v_0 = 0, at step t::

        v_t = ρ v_{t-1} + (1 − ρ) g_t²
        θ_t = θ_{t-1} − η g_t / (√v_t + ε)

    This is ``torch.optim.RMSprop(lr=η, alpha=ρ, eps=ε)`` (not centred, no
    momentum). The exam notes call ρ α and reuse θ for ε; TensorFlow puts ε
    inside the square root, torch and this class outside. v is not
    bias-corrected, so with a constant gradient the step is η/√(1 − ρᵗ)
    (10 η at t = 1 with ρ = 0.99); :class:`Adam` with β₁ = 0 is the
    bias-corrected version. The step is normalised and does not shrink
    with the gradient: with a constant η the iterates can end in an
    oscillation of size about η around a minimum.

    References
    ----------
    Hinton, G. (2012). Neural networks for machine learning, lecture 6e.
    """

    name = "RMSprop"
    HYPERPARAMETERS = (_lr(0.01), _rate("decay_rate", "ρ", 0.99, (0.5, 0.999)), _eps(1e-8))
    latex = (r"\begin{aligned} v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^{2} \\"
             r"\theta_t &= \theta_{t-1} - \frac{\eta\, g_t}{\sqrt{v_t} + \varepsilon} \end{aligned}")
    TORCH_CALL = "torch.optim.RMSprop(lr={lr}, alpha={decay_rate}, eps={eps})"
    STATE_BUFFERS = ("square_avg",)

    def __init__(self, lr: float = 0.01, decay_rate: float = 0.99, eps: float = 1e-8) -> None:
        super().__init__(lr=lr, decay_rate=decay_rate, eps=eps)

    def apply(self, param, grad, state):
        state["step"] += 1
        rho = self.decay_rate
        v = state["square_avg"]
        v *= rho
        v += (1.0 - rho) * (grad * grad)
        state["square_avg"] = v
        param -= self.lr * grad / (v**0.5 + self.eps)
        return param


class AdaDelta(Optimizer):
    r"""AdaDelta: steps in the units of θ from two running averages.

    Parameters
    ----------
    lr : float, default 1.0
        Factor η > 0 scaling the step (1 gives Zeiler's original method).
    rho : float, default 0.9
        Decay rate ρ in [0, 1) of both running averages.
    eps : float, default 1e-6
        ε > 0 added *inside* both square roots.

    Notes
    -----
    With the buffers ``square_avg`` v_0 = 0 and ``acc_delta`` u_0 = 0, at
    step t::

        v_t  = ρ v_{t-1} + (1 − ρ) g_t²
        Δ_t  = √(u_{t-1} + ε) / √(v_t + ε) · g_t
        u_t  = ρ u_{t-1} + (1 − ρ) Δ_t²
        θ_t  = θ_{t-1} − η Δ_t

    This is ``torch.optim.Adadelta(lr=η, rho=ρ, eps=ε)``. Unlike the other
    adaptive methods here, ε sits inside the roots: it sets the size of the
    first steps (about √ε / √(1 − ρ) per coordinate), which then grow as u
    accumulates, so AdaDelta starts slowly.

    References
    ----------
    Zeiler, M. D. (2012). ADADELTA: an adaptive learning rate method.
    arXiv:1212.5701.
    """

    name = "AdaDelta"
    HYPERPARAMETERS = (_lr(1.0), _rate("rho", "ρ", 0.9, (0.5, 0.999)), _eps(1e-6))
    latex = (r"\begin{aligned} v_t &= \rho\, v_{t-1} + (1-\rho)\, g_t^{2} \\"
             r"\Delta_t &= \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}}\, g_t \\"
             r"u_t &= \rho\, u_{t-1} + (1-\rho)\, \Delta_t^{2} \\"
             r"\theta_t &= \theta_{t-1} - \eta\, \Delta_t \end{aligned}")
    TORCH_CALL = "torch.optim.Adadelta(lr={lr}, rho={rho}, eps={eps})"
    STATE_BUFFERS = ("square_avg", "acc_delta")

    def __init__(self, lr: float = 1.0, rho: float = 0.9, eps: float = 1e-6) -> None:
        super().__init__(lr=lr, rho=rho, eps=eps)

    def apply(self, param, grad, state):
        state["step"] += 1
        rho, eps = self.rho, self.eps
        v, u = state["square_avg"], state["acc_delta"]
        v *= rho
        v += (1.0 - rho) * (grad * grad)
        delta = (u + eps) ** 0.5 / (v + eps) ** 0.5 * grad
        u *= rho
        u += (1.0 - rho) * (delta * delta)
        state["square_avg"], state["acc_delta"] = v, u
        param -= self.lr * delta
        return param


class Adam(Optimizer):
    r"""Adam: bias-corrected running moments of the gradient.

    Parameters
    ----------
    lr : float, default 0.001
        Learning rate η > 0.
    beta1 : float, default 0.9
        Decay rate β₁ in [0, 1) of the first moment (mean).
    beta2 : float, default 0.999
        Decay rate β₂ in [0, 1) of the second moment (uncentred variance).
    eps : float, default 1e-8
        ε > 0 added to √v̂ (outside the square root).

    Notes
    -----
    With the buffers ``exp_avg`` m_0 = 0 and ``exp_avg_sq`` v_0 = 0, at step t::

        m_t = β₁ m_{t-1} + (1 − β₁) g_t
        v_t = β₂ v_{t-1} + (1 − β₂) g_t²
        m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ)
        θ_t = θ_{t-1} − η m̂_t / (√v̂_t + ε)

    This is ``torch.optim.Adam(lr=η, betas=(β₁, β₂), eps=ε)`` (amsgrad off,
    no weight decay); β₁, β₂, ε are ``beta1``, ``beta2``, ``eps``. The step
    in each coordinate is of order η whatever the gradient's scale: exactly
    η |g_1| / (|g_1| + ε) at t = 1, and (ignoring ε) at most
    η · max(1, (1 − β₁)/√(1 − β₂)) (Kingma & Ba, section 2.1).

    The exam notes' version differs in three ways, all wrong or different:
    it has no bias correction (early steps are then mis-scaled by
    (1 − β₁ᵗ)/√(1 − β₂ᵗ), about 3.2 at t = 1 with the defaults), it puts ε
    inside the root (√(v + ε)), and its code adds the step (``+=``), climbing
    the gradient; the update must subtract. Code that multiplies η by
    √(1 − β₂ᵗ)/(1 − β₁ᵗ) and divides m by √v + ε̂ is this same update with
    ε̂ = ε √(1 − β₂ᵗ) (Kingma & Ba's "efficient" ordering).

    References
    ----------
    Kingma, D. P. and Ba, J. (2015). Adam: a method for stochastic
    optimization. ICLR.

    Examples
    --------
    >>> import numpy as np
    >>> params = {"w": np.array([1.0, 1.0])}
    >>> Adam(lr=0.1).update(params, {"w": np.array([100.0, -0.01])})
    >>> params["w"].round(6)  # ≈ η against the sign of g, whatever its size
    array([0.9, 1.1])
    """

    name = "Adam"
    HYPERPARAMETERS = (
        _lr(0.001),
        _rate("beta1", "β₁", 0.9, (0.0, 0.99)),
        _rate("beta2", "β₂", 0.999, (0.9, 0.9999)),
        _eps(1e-8),
    )
    latex = (r"\begin{aligned} m_t &= \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\"
             r"v_t &= \beta_2 v_{t-1} + (1-\beta_2)\, g_t^{2} \\"
             r"\hat m_t &= \frac{m_t}{1-\beta_1^{\,t}},\quad \hat v_t = \frac{v_t}{1-\beta_2^{\,t}} \\"
             r"\theta_t &= \theta_{t-1} - \frac{\eta\, \hat m_t}{\sqrt{\hat v_t} + \varepsilon} \end{aligned}")
    TORCH_CALL = "torch.optim.Adam(lr={lr}, betas=({beta1}, {beta2}), eps={eps})"
    STATE_BUFFERS = ("exp_avg", "exp_avg_sq")

    def __init__(
        self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        super().__init__(lr=lr, beta1=beta1, beta2=beta2, eps=eps)

    def apply(self, param, grad, state):
        t = state["step"] = state["step"] + 1
        beta1, beta2 = self.beta1, self.beta2
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m *= beta1
        m += (1.0 - beta1) * grad
        v *= beta2
        v += (1.0 - beta2) * (grad * grad)
        state["exp_avg"], state["exp_avg_sq"] = m, v
        v_hat = v / (1.0 - beta2**t)
        param -= self.lr / (1.0 - beta1**t) * m / (v_hat**0.5 + self.eps)
        return param


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, AdaDelta, Adam)
}
"""Registry of the optimizers, in teaching order: name -> class."""
