"""Activation functions, their derivatives, and vanishing gradients in deep MLPs.

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

:func:`backprop` / :func:`gradient_profile` push a batch through an L-layer
MLP with Gaussian weights and back-propagate a unit gradient from the output,
showing how the gradient shrinks (sigmoid, tanh with small weights) or keeps
its size (ReLU with He initialisation) with depth.

What the Activations page draws from these (the plotting grid, its tables)
is in :mod:`estimation.views.activations`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import special

from estimation import losses
from estimation._validation import as_finite_array, check_int, check_real, check_seed, lookup, scalar_or_array

__all__ = [
    "ACTIVATIONS",
    "Activation",
    "Backprop",
    "DepthProfiles",
    "GradientProfile",
    "GaussianWeights",
    "backprop",
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
    "gradient_profile",
    "gradient_profiles",
    "leaky_relu",
    "relu",
    "sigmoid",
    "sigmoid_chain_bound",
    "softplus",
    "tanh",
]

_SQRT_2PI = np.sqrt(2.0 * np.pi)

#: Size limits of the random MLP. :func:`backprop` keeps 2 x L x batch x width
#: doubles (z and the gradients): about 55 MB at the limits, ~80 MB peak.
MAX_LAYERS = 100
MAX_WIDTH = 512
MAX_BATCH = 64


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


def sigmoid_chain_bound(n_layers, weight=1.0) -> np.ndarray:
    """Upper bound on |∂h_L/∂h_l| for a scalar chain of sigmoids, l = 0..L.

    Parameters
    ----------
    n_layers : int
        Depth L, 1..MAX_LAYERS.
    weight : float, default 1.0
        The common weight w in h_l = σ(w h_{l-1}).

    Returns
    -------
    ndarray of shape (L + 1,)
        (|w|/4)^{L - l}; with w = 1 the input gradient is at most 0.25^L.

    Notes
    -----
    ∂h_L/∂h_l = prod_{j=l+1}^{L} w σ'(w h_{j-1}) and σ' <= 1/4.

    Examples
    --------
    >>> sigmoid_chain_bound(3)  # (1/4)^{L − l}, l = 0 … 3
    array([0.015625, 0.0625  , 0.25    , 1.      ])
    """
    n_layers = check_int(n_layers, "n_layers", lo=1, hi=MAX_LAYERS)
    weight = check_real(weight, "weight")
    return (0.25 * abs(weight)) ** np.arange(n_layers, -1, -1, dtype=np.float64)


# --------------------------------------------------------------------------- #
# Back-propagation through a random MLP
# --------------------------------------------------------------------------- #
class GaussianWeights(Sequence):
    """Lazily drawn weight matrices W_1..W_L with i.i.d. N(0, (scale/√width)²) entries.

    Layer l's matrix is regenerated on each access from its own child seed
    (``SeedSequence(seed).spawn``), so forward and backward passes see the
    same weights without holding L × width² numbers in memory.

    Parameters
    ----------
    n_layers, width : int
    init_scale : float
        Standard deviation times √width: 1 is LeCun/Xavier-like, √2 is He.
    seed : int
    """

    def __init__(self, n_layers: int, width: int, init_scale: float, seed: int):
        self.width, self.std = width, init_scale / np.sqrt(width)
        self._seeds = np.random.SeedSequence(seed).spawn(n_layers)

    def __len__(self) -> int:
        return len(self._seeds)

    def __getitem__(self, layer: int) -> np.ndarray:
        rng = np.random.default_rng(self._seeds[layer])
        return rng.normal(0.0, self.std, size=(self.width, self.width))


@dataclass(frozen=True, slots=True)
class Backprop:
    """Forward pre-activations and back-propagated gradients.

    Attributes
    ----------
    z : ndarray of shape (L, batch, width)
        Pre-activations z_l = h_{l-1} W_l, l = 1..L (index l - 1).
    grad_h : ndarray of shape (L + 1, batch, width)
        ∂loss/∂h_l for l = 0..L (index l; h_0 is the input), per example.
    """

    z: np.ndarray
    grad_h: np.ndarray


def backprop(x, weights, activation: str, **params) -> Backprop:
    """Forward pass through h_l = f(h_{l-1} W_l), then back-propagate loss = Σ h_L.

    Parameters
    ----------
    x : array_like of shape (batch, width)
        Input h_0.
    weights : sequence of ndarray of shape (width, width)
        W_1..W_L (an array of shape (L, width, width) or :class:`GaussianWeights`).
    activation : str
        Key of :data:`ACTIVATIONS`.
    **params
        Extra parameters of the activation (e.g. ``slope``, ``alpha``).

    Returns
    -------
    Backprop

    Notes
    -----
    No biases. The loss is the sum of all outputs over the batch, so the
    gradient arriving at the output is a unit gradient, ∂loss/∂h_L = 1, and
    row i of each gradient is the gradient of Σ_j h_{L,ij} for example i alone.
    Backward recursion (row vectors, ⊙ elementwise):

        ∂loss/∂z_l = ∂loss/∂h_l ⊙ f'(z_l),
        ∂loss/∂h_{l-1} = (∂loss/∂z_l) W_lᵀ.

    Examples
    --------
    >>> bp = backprop(np.array([[1.0, -2.0]]), np.eye(2)[None], "relu")  # one layer, W = I
    >>> bp.z[0], bp.grad_h[0]  # z = h₀W; ∂(Σ h₁)/∂h₀ = relu′(z) Wᵀ 1 = (1, 0)
    (array([[ 1., -2.]]), array([[1., 0.]]))
    """
    act = get_activation(activation)
    _check_params(act, params)
    h = as_finite_array(x, "x", ndim=2)
    if len(weights) < 1:
        raise ValueError("weights must hold at least one layer")
    z = np.empty((len(weights),) + h.shape)
    for layer in range(len(weights)):
        w = weights[layer]
        if w.shape != (h.shape[1], h.shape[1]):
            raise ValueError(f"weights[{layer}] must have shape {(h.shape[1],) * 2}, got {w.shape}")
        z[layer] = h @ w
        h = act.f(z[layer], **params)
    grad_h = np.empty((len(weights) + 1,) + h.shape)
    grad_h[-1] = 1.0
    for layer in range(len(weights) - 1, -1, -1):
        grad_h[layer] = (grad_h[layer + 1] * act.df(z[layer], **params)) @ weights[layer].T
    return Backprop(z, grad_h)


@dataclass(frozen=True, slots=True)
class GradientProfile:
    """Per-layer size of the back-propagated gradient (layer 0 = input, L = output).

    Attributes
    ----------
    layer : ndarray of int, shape (L + 1,)
    grad_mean_abs : ndarray of shape (L + 1,)
        mean over batch and units of |∂loss/∂h_l| (1 at the output).
    act_std : ndarray of shape (L + 1,)
        Standard deviation of the activations h_l over batch and units.
    """

    layer: np.ndarray
    grad_mean_abs: np.ndarray
    act_std: np.ndarray


def gradient_profile(
    activation: str,
    n_layers=20,
    width=64,
    *,
    init_scale=1.0,
    batch_size=32,
    seed=0,
    **params,
) -> GradientProfile:
    """How the gradient's size changes with depth in a random MLP.

    Parameters
    ----------
    activation : str
        Key of :data:`ACTIVATIONS`.
    n_layers : int, default 20
        Depth L, 1..MAX_LAYERS (100).
    width : int, default 64
        Units per layer, 1..MAX_WIDTH (512).
    init_scale : float, default 1.0
        Weights are N(0, (init_scale/√width)²), in (0, 10]: 1 is
        LeCun/Xavier-like, √2 is He initialisation (suited to ReLU).
    batch_size : int, default 32
        Number of N(0, 1) input rows, 1..MAX_BATCH (64).
    seed : int, default 0
        Seeds the input and the weights (``numpy.random.default_rng``).
    **params
        Extra parameters of the activation.

    Returns
    -------
    GradientProfile

    Notes
    -----
    Runs :func:`backprop` on X ~ N(0, 1)^{batch × width} and reports
    mean |∂loss/∂h_l| for l = 0..L with loss = Σ h_L (unit gradient at the
    output). Each backward step multiplies by diag(f'(z_l)) W_lᵀ; with
    sigmoid (f' <= 1/4) the gradient decays geometrically, while ReLU with
    He scaling preserves its size on average (E[f'(z)²] = 1/2 cancels the
    factor 2 in the weight variance).

    Examples
    --------
    >>> prof = gradient_profile("relu", n_layers=3, width=4, seed=1)
    >>> prof.layer, float(prof.grad_mean_abs[-1])  # at the output ∂(Σ h_L)/∂h_L = 1
    (array([0, 1, 2, 3]), 1.0)
    """
    _check_params(get_activation(activation), params)
    n_layers = check_int(n_layers, "n_layers", lo=1, hi=MAX_LAYERS)
    width = check_int(width, "width", lo=1, hi=MAX_WIDTH)
    init_scale = check_real(init_scale, "init_scale", lo=0.0, hi=10.0, lo_open=True)
    batch_size = check_int(batch_size, "batch_size", lo=1, hi=MAX_BATCH)
    seed = check_seed(seed)
    x = np.random.default_rng(seed).standard_normal((batch_size, width))
    return _profile(x, GaussianWeights(n_layers, width, init_scale, seed), activation, params)


def _profile(x: np.ndarray, weights, activation: str, params: dict) -> GradientProfile:
    """:class:`GradientProfile` of one :func:`backprop` run (arguments already checked)."""
    result = backprop(x, weights, activation, **params)
    act = ACTIVATIONS[activation]
    act_std = np.concatenate(([x.std()], [act.f(z, **params).std() for z in result.z]))
    return GradientProfile(
        np.arange(len(weights) + 1),
        np.mean(np.abs(result.grad_h), axis=(1, 2)),
        act_std,
    )


# --------------------------------------------------------------------------- #
# Several activations through the same network; where the derivative peaks
# --------------------------------------------------------------------------- #
#: Widest layer :func:`gradient_profiles` takes: it holds all L weight matrices
#: at once (L x width² doubles, 52 MB at L = 100, width = 256).
MAX_SHARED_WIDTH = 256


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


@dataclass(frozen=True, slots=True)
class DepthProfiles:
    """Gradient size per layer for several activations through the same random MLP.

    Attributes
    ----------
    layer : ndarray of int, shape (L + 1,)
        l = 0 (input) .. L (output).
    profiles : dict of str to GradientProfile
        One per activation, in the order asked.
    bound : ndarray of shape (L + 1,)
        :func:`sigmoid_chain_bound` (L, init_scale): (init_scale/4)^{L - l}, a
        *reference curve*: the bound for a scalar sigmoid chain whose weights
        all have |w| = init_scale. It bounds none of the profiles (their
        weights are random, N(0, init_scale²/width), so a single weight can
        exceed init_scale; at width 1–2 the sigmoid profile often rises above
        it) and says nothing about the other activations.
    per_layer : dict of str to float
        Geometric-mean factor per layer, (g_0 / g_L)^{1/L} with g_l the mean
        |∂loss/∂h_l| (g_L = 1): about 1/4 or less for sigmoid at init_scale 1.
    """

    layer: np.ndarray
    profiles: dict
    bound: np.ndarray
    per_layer: dict


def gradient_profiles(
    names=("sigmoid", "tanh", "relu"),
    n_layers=20,
    width=64,
    *,
    init_scale=1.0,
    batch_size=32,
    seed=0,
    params=None,
) -> DepthProfiles:
    """:func:`gradient_profile` for several activations, drawing the weights once.

    Parameters
    ----------
    names : sequence of str, default ("sigmoid", "tanh", "relu")
        Distinct keys of :data:`ACTIVATIONS`.
    n_layers : int, default 20
        Depth L, 1..MAX_LAYERS (100).
    width : int, default 64
        Units per layer, 1..MAX_SHARED_WIDTH (256).
    init_scale, batch_size, seed
        As in :func:`gradient_profile`.
    params : mapping of str to dict, optional
        Extra parameters per activation, e.g. ``{"leaky_relu": {"slope": 0.1}}``.

    Returns
    -------
    DepthProfiles

    Notes
    -----
    Every activation sees the same input X ~ N(0, 1)^{batch × width} and the
    same weights W_l ~ N(0, (init_scale/√width)²) as :func:`gradient_profile`
    with this seed, so ``profiles[name]`` equals ``gradient_profile(name, ...)``;
    the L matrices are drawn once and held in memory instead of twice per
    activation. Per-layer factor: (g_0)^{1/L}, since g_L = 1 (0 if the
    gradient died, e.g. every ReLU unit of a layer inactive).

    Examples
    --------
    >>> deep = gradient_profiles(("relu", "tanh"), n_layers=3, width=4, seed=1)
    >>> g = deep.profiles["relu"].grad_mean_abs  # the same weights as gradient_profile draws with this seed
    >>> bool(np.array_equal(g, gradient_profile("relu", n_layers=3, width=4, seed=1).grad_mean_abs))
    True
    >>> bool(np.isclose(deep.per_layer["relu"], (g[0] / g[-1]) ** (1 / 3)))  # (g₀ / g_L)^{1/L}
    True
    """
    names = _names(names)
    n_layers = check_int(n_layers, "n_layers", lo=1, hi=MAX_LAYERS)
    width = check_int(width, "width", lo=1, hi=MAX_SHARED_WIDTH)
    init_scale = check_real(init_scale, "init_scale", lo=0.0, hi=10.0, lo_open=True)
    batch_size = check_int(batch_size, "batch_size", lo=1, hi=MAX_BATCH)
    seed = check_seed(seed)
    kwargs = _params_for(names, params)
    x = np.random.default_rng(seed).standard_normal((batch_size, width))
    lazy = GaussianWeights(n_layers, width, init_scale, seed)
    weights = np.stack([lazy[layer] for layer in range(n_layers)])
    profiles = {name: _profile(x, weights, name, kwargs[name]) for name in names}
    return DepthProfiles(
        layer=np.arange(n_layers + 1),
        profiles=profiles,
        bound=sigmoid_chain_bound(n_layers, init_scale),
        per_layer={n: float(p.grad_mean_abs[0] ** (1.0 / n_layers)) for n, p in profiles.items()},
    )
