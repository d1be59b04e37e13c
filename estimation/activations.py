"""Activation functions and their derivatives (the registry the Activations page and the tests use).

Every activation ``f`` comes with its derivative ``df``, both elementwise on
arrays and numerically stable for large |x| (no overflow warnings at
x = ±1e3). The registry :data:`ACTIVATIONS` lists them with the facts a page
shows (formulae, kinks, where the derivative peaks) and parametrises the tests.

Conventions
-----------
* At a kink (x = 0 for ReLU, Leaky ReLU and ELU) the derivative returned is
  the **left** derivative, the x <= 0 branch, as PyTorch's autograd does:
  ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = alpha. ReLU is not
  differentiable at 0; this is a choice, not a fact (some notes use 1).
* The sigmoid is σ(x) = 1 / (1 + e^{-x}) (not e^{-1}); σ'(x) = σ(x)(1 - σ(x)),
  largest at x = 0 where it is 1/4.

Vanishing gradients by depth (back-propagation through a random MLP) are in
:mod:`estimation.depth`.

What the Activations page draws from these (the plotting grid, its tables)
is in :mod:`estimation.views.activations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy import special

from estimation import losses
from estimation._validation import as_finite_array, check_real, lookup, scalar_or_array

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "d_elu",
    "d_gelu",
    "d_leaky_relu",
    "d_relu",
    "d_sigmoid",
    "d_softplus",
    "d_tanh",
    "derivative_peak",
    "elu",
    "gelu",
    "get_activation",
    "leaky_relu",
    "relu",
    "sigmoid",
    "softplus",
    "tanh",
]

_SQRT_2PI = np.sqrt(2.0 * np.pi)


def _x(x) -> np.ndarray:
    return as_finite_array(x, "x")


def _slope(slope) -> float:
    return check_real(slope, "slope", lo=0.0, hi=1.0, hi_open=True)


def _alpha(alpha) -> float:
    return check_real(alpha, "alpha", lo=0.0, lo_open=True)


# --------------------------------------------------------------------------- #
# Activations and derivatives
# --------------------------------------------------------------------------- #
#: Logistic sigmoid σ(x) = 1 / (1 + e^{-x}): the lab's one sigmoid, :func:`estimation.losses.sigmoid`
#: (``scipy.special.expit``: never overflows, σ(-1e3) = 0.0 and σ(1e3) = 1.0 without warnings; a numpy
#: scalar or array; its argument is called ``z`` there, as a logit).
sigmoid = losses.sigmoid


def d_sigmoid(x):
    """Derivative of the sigmoid, σ'(x) = σ(x)(1 - σ(x)).

    Notes
    -----
    Computed as σ(x) σ(-x) (equal, since 1 - σ(x) = σ(-x)), which keeps full
    relative precision in both tails where 1 - σ(x) would cancel. The maximum
    is σ'(0) = 1/4, so a chain of L sigmoids with unit weights scales a
    gradient by at most 4^{-L}.

    Examples
    --------
    >>> float(d_sigmoid(0.0))  # σ(0)(1 − σ(0)) = 1/4, the largest slope
    0.25
    """
    x = _x(x)
    return scalar_or_array(special.expit(x) * special.expit(-x))


def tanh(x):
    """Hyperbolic tangent tanh(x) = (e^x - e^{-x}) / (e^x + e^{-x}) = 2σ(2x) - 1.

    Examples
    --------
    >>> bool(np.isclose(tanh(0.5), (np.exp(1.0) - 1) / (np.exp(1.0) + 1)))  # (e^{2x} − 1)/(e^{2x} + 1)
    True
    """
    return scalar_or_array(np.tanh(_x(x)))


def d_tanh(x):
    """Derivative tanh'(x) = 1 - tanh²(x) = 4 σ(2x) σ(-2x), max 1 at x = 0.

    Notes
    -----
    Computed as 4 σ(2x) σ(-2x), which neither overflows (1/cosh² would at
    |x| > 710) nor cancels in the tails (1 - tanh² does for |x| > 19).

    Examples
    --------
    >>> float(d_tanh(0.0)), bool(np.isclose(d_tanh(0.5), 1 - np.tanh(0.5) ** 2))  # 1 − tanh²
    (1.0, True)
    """
    x = _x(x)
    return scalar_or_array(4.0 * special.expit(2.0 * x) * special.expit(-2.0 * x))


def relu(x):
    """Rectified linear unit ReLU(x) = max(0, x).

    Examples
    --------
    >>> relu([-1.0, 0.0, 2.0])
    array([0., 0., 2.])
    """
    return scalar_or_array(np.maximum(_x(x), 0.0))


def d_relu(x):
    """Derivative of ReLU: 1 for x > 0, 0 for x <= 0.

    Notes
    -----
    ReLU is not differentiable at 0. Convention: ReLU'(0) = 0, as in PyTorch.

    Examples
    --------
    >>> d_relu([-1.0, 0.0, 2.0])  # 0 at the kink (as torch)
    array([0., 0., 1.])
    """
    return scalar_or_array((_x(x) > 0.0).astype(np.float64))


def leaky_relu(x, slope=0.01):
    """Leaky ReLU: x for x > 0, ``slope`` * x for x <= 0.

    Parameters
    ----------
    x : array_like
    slope : float, default 0.01
        Slope on the negative side, in [0, 1) (0 gives ReLU).

    Examples
    --------
    >>> leaky_relu([-2.0, 3.0], slope=0.1)
    array([-0.2,  3. ])
    """
    x, slope = _x(x), _slope(slope)
    return scalar_or_array(np.where(x > 0.0, x, slope * x))


def d_leaky_relu(x, slope=0.01):
    """Derivative of Leaky ReLU: 1 for x > 0, ``slope`` for x <= 0 (``slope`` at 0, as PyTorch).

    Examples
    --------
    >>> d_leaky_relu([-2.0, 3.0], slope=0.1)
    array([0.1, 1. ])
    """
    x, slope = _x(x), _slope(slope)
    return scalar_or_array(np.where(x > 0.0, 1.0, slope))


def elu(x, alpha=1.0):
    """Exponential linear unit: x for x > 0, alpha (e^x - 1) for x <= 0.

    Parameters
    ----------
    x : array_like
    alpha : float, default 1.0
        Negative saturation value is -alpha; > 0.

    Notes
    -----
    The negative branch uses ``expm1`` on min(x, 0), so large positive x never
    reaches ``exp``.

    Examples
    --------
    >>> bool(np.isclose(elu(-1.0), np.exp(-1.0) - 1.0)), float(elu(2.0))  # α(e^x − 1), x
    (True, 2.0)
    """
    x, alpha = _x(x), _alpha(alpha)
    return scalar_or_array(np.where(x > 0.0, x, alpha * np.expm1(np.minimum(x, 0.0))))


def d_elu(x, alpha=1.0):
    """Derivative of ELU: 1 for x > 0, alpha e^x for x <= 0 (so ``alpha`` at 0, as PyTorch).

    Notes
    -----
    For alpha = 1 ELU is continuously differentiable (both sides give 1 at 0);
    otherwise x = 0 is a kink.

    Examples
    --------
    >>> bool(np.isclose(d_elu(-1.0), np.exp(-1.0))), float(d_elu(2.0))  # α e^x, 1
    (True, 1.0)
    """
    x, alpha = _x(x), _alpha(alpha)
    return scalar_or_array(np.where(x > 0.0, 1.0, alpha * np.exp(np.minimum(x, 0.0))))


def softplus(x):
    """Softplus log(1 + e^x), computed as ``logaddexp(0, x)`` (no overflow).

    Examples
    --------
    >>> bool(np.isclose(softplus(0.0), np.log(2.0)))  # log(1 + e⁰)
    True
    """
    return scalar_or_array(np.logaddexp(0.0, _x(x)))


def d_softplus(x):
    """Derivative of softplus: σ(x), the sigmoid (supremum 1, never attained).

    Examples
    --------
    >>> float(d_softplus(0.0))  # σ(0)
    0.5
    """
    return sigmoid(x)


def gelu(x):
    """Gaussian error linear unit, exact form GELU(x) = x Φ(x).

    Notes
    -----
    Φ is the standard normal cdf, Φ(x) = (1 + erf(x/√2))/2, computed by
    ``scipy.special.ndtr``. This is the exact GELU (PyTorch's default
    ``approximate='none'``), not the tanh approximation.

    Examples
    --------
    >>> from scipy import stats
    >>> bool(np.isclose(gelu(1.0), 1.0 * stats.norm.cdf(1.0), rtol=1e-15))  # x Φ(x)
    True
    """
    x = _x(x)
    return scalar_or_array(x * special.ndtr(x))


def d_gelu(x):
    """Derivative GELU'(x) = Φ(x) + x φ(x), φ the standard normal density.

    Notes
    -----
    GELU''(x) = φ(x)(2 - x²), so GELU' peaks at x = √2 with value
    Φ(√2) + √2 φ(√2) ≈ 1.129 (it exceeds 1) and dips below 0 for x < -0.75.
    φ(x) = exp(-x²/2)/√(2π) underflows to 0 harmlessly for large |x|.

    Examples
    --------
    >>> float(d_gelu(0.0))  # Φ(0) + 0·φ(0)
    0.5
    """
    x = _x(x)
    return scalar_or_array(special.ndtr(x) + x * np.exp(-0.5 * x * x) / _SQRT_2PI)


# --------------------------------------------------------------------------- #
# Registry
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Activation:
    """One activation function with its derivative and the facts a page shows.

    Attributes
    ----------
    name : str
        Registry key (display names and notes live in the page's strings).
    f, df : callable
        ``f(x, **params)`` and its derivative ``df(x, **params)``.
    params : dict
        Names and default values of the extra parameters (``{}`` if none).
    kinks : tuple of float
        Points where ``f`` is not differentiable (for the default parameters).
    dmax : (float, float) or None
        ``(x*, f'(x*))``: the unique maximiser of the derivative and the
        maximum (default parameters), or None if there is none (the
        supremum is attained on a whole half-line or not at all).
    dsup : float
        Supremum of the derivative over the real line.
    latex_f, latex_df : str
        LaTeX for f and f'.
    """

    name: str
    f: Callable
    df: Callable
    params: dict = field(default_factory=dict)
    kinks: tuple[float, ...] = ()
    dmax: tuple[float, float] | None = None
    dsup: float = 1.0
    latex_f: str = ""
    latex_df: str = ""


_GELU_DMAX_X = float(np.sqrt(2.0))
_GELU_DMAX = float(special.ndtr(_GELU_DMAX_X) + _GELU_DMAX_X * np.exp(-1.0) / _SQRT_2PI)

#: name -> Activation, in the order a page lists them.
ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation(
            "sigmoid", sigmoid, d_sigmoid,
            dmax=(0.0, 0.25), dsup=0.25,
            latex_f=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
            latex_df=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        ),
        Activation(
            "tanh", tanh, d_tanh,
            dmax=(0.0, 1.0), dsup=1.0,
            latex_f=r"\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1",
            latex_df=r"\tanh'(x) = 1 - \tanh^{2} x",
        ),
        Activation(
            "relu", relu, d_relu,
            kinks=(0.0,), dmax=None, dsup=1.0,
            latex_f=r"\mathrm{ReLU}(x) = \max(0, x)",
            latex_df=r"\mathrm{ReLU}'(x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases}",
        ),
        Activation(
            "leaky_relu", leaky_relu, d_leaky_relu,
            params={"slope": 0.01}, kinks=(0.0,), dmax=None, dsup=1.0,
            latex_f=r"f(x) = \begin{cases} x & x > 0 \\ a\,x & x \le 0 \end{cases}",
            latex_df=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        ),
        Activation(
            "elu", elu, d_elu,
            params={"alpha": 1.0}, kinks=(0.0,), dmax=None, dsup=1.0,
            latex_f=r"f(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}",
            latex_df=r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha\,e^{x} & x \le 0 \end{cases}",
        ),
        Activation(
            "softplus", softplus, d_softplus,
            dmax=None, dsup=1.0,
            latex_f=r"f(x) = \log\bigl(1 + e^{x}\bigr)",
            latex_df=r"f'(x) = \sigma(x) = \frac{1}{1 + e^{-x}}",
        ),
        Activation(
            "gelu", gelu, d_gelu,
            dmax=(_GELU_DMAX_X, _GELU_DMAX), dsup=_GELU_DMAX,
            latex_f=r"\mathrm{GELU}(x) = x\,\Phi(x)",
            latex_df=r"\mathrm{GELU}'(x) = \Phi(x) + x\,\varphi(x)",
        ),
    )
}


def get_activation(name: str) -> Activation:
    """Return ``ACTIVATIONS[name]``, raising ``ValueError`` naming ``activation`` if unknown.

    Examples
    --------
    >>> get_activation("relu") is ACTIVATIONS["relu"]
    True
    """
    return lookup(ACTIVATIONS, name, "activation")


def _check_params(act: Activation, params: dict) -> None:
    """Reject parameters the activation does not take (their values are checked by ``f``)."""
    for name in params:
        if name not in act.params:
            raise ValueError(f"{name} is not a parameter of {act.name}; it takes {tuple(act.params)}")


# --------------------------------------------------------------------------- #
# Choosing activations; where the derivative peaks
# --------------------------------------------------------------------------- #
def _names(names) -> tuple[str, ...]:
    """Distinct registry keys, at least one (``ValueError`` naming ``names``)."""
    if isinstance(names, str):
        names = (names,)
    try:
        names = tuple(names)
    except TypeError:
        raise ValueError(f"names must be a sequence of activation names, got {names!r}") from None
    if not names:
        raise ValueError("names must list at least one activation")
    for name in names:
        lookup(ACTIVATIONS, name, "names")
    if len(set(names)) != len(names):
        raise ValueError(f"names must be distinct, got {names}")
    return names


def _params_for(names: tuple[str, ...], params) -> dict[str, dict]:
    """``params[name]`` (default ``{}``) for each name; unknown names or parameters raise."""
    params = {} if params is None else dict(params)
    for name in params:
        if name not in ACTIVATIONS:
            raise ValueError(f"params must be keyed by activation names, got {name!r}")
    out = {name: dict(params.get(name, {})) for name in names}
    for name in names:
        _check_params(ACTIVATIONS[name], out[name])
    return out


def derivative_peak(activation: str, **params) -> tuple[float | None, float]:
    """Where the derivative is largest, and its supremum.

    Parameters
    ----------
    activation : str
        Key of :data:`ACTIVATIONS`.
    **params
        Extra parameters of the activation.

    Returns
    -------
    x_star : float or None
        The unique point where f' reaches its supremum, or None when the
        supremum is reached on a whole half-line (ReLU, Leaky ReLU, ELU with
        α <= 1: f' = 1 for x > 0) or only approached (softplus: σ(x) → 1).
    value : float
        sup_x f'(x).

    Notes
    -----
    Smooth activations with a unique maximiser use the registry's ``dmax``
    (sigmoid (0, 1/4), tanh (0, 1), GELU (√2, ≈1.129)). Otherwise the
    supremum is max(dsup, f'(kink)) with f' at a kink taken as the left
    derivative (the convention of this module), e.g. ELU with α > 1 peaks at
    f'(0) = α, while ReLU'(0) = 0 and LeakyReLU'(0) = a < 1 leave sup f' = 1.
    ``dsup`` is 1 for every parameterised entry whatever its parameters (the
    x > 0 branch is the identity).

    Examples
    --------
    >>> derivative_peak("sigmoid")  # σ′ is largest at 0: σ′(0) = 1/4
    (0.0, 0.25)
    >>> derivative_peak("relu")  # 1 on the whole half-line x > 0
    (None, 1.0)
    """
    act = get_activation(activation)
    _check_params(act, params)
    if act.dmax is not None:
        return act.dmax
    best_x, best = None, act.dsup
    for kink in act.kinks:
        value = float(act.df(kink, **params))
        if value > best:
            best_x, best = kink, value
    return best_x, best


