"""Vanishing gradients: back-propagation through a deep random MLP, layer by layer.

:func:`backprop` / :func:`gradient_profile` push a batch through an L-layer
MLP with Gaussian weights, h_l = f(h_{l−1} W_l), and back-propagate a unit
gradient from the output, showing how the gradient shrinks (sigmoid, tanh
with small weights) or keeps its size (ReLU with He initialisation) with
depth; :func:`sigmoid_chain_bound` is the textbook bound for a scalar
sigmoid chain. The activations and their derivatives are those of
:mod:`estimation.activations`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from estimation._validation import as_finite_array, check_int, check_real, check_seed
from estimation.activations import ACTIVATIONS, _check_params, _names, _params_for, get_activation

__all__ = [
    "MAX_LAYERS",
    "MAX_WIDTH",
    "MAX_BATCH",
    "MAX_SHARED_WIDTH",
    "sigmoid_chain_bound",
    "GaussianWeights",
    "Backprop",
    "backprop",
    "GradientProfile",
    "gradient_profile",
    "DepthProfiles",
    "gradient_profiles",
]

#: Size limits of the random MLP. :func:`backprop` keeps 2 x L x batch x width
#: doubles (z and the gradients): about 55 MB at the limits, ~80 MB peak.
MAX_LAYERS = 100
MAX_WIDTH = 512
MAX_BATCH = 64


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
        Key of :data:`~estimation.activations.ACTIVATIONS`.
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
        Key of :data:`~estimation.activations.ACTIVATIONS`.
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
# Several activations through the same network
# --------------------------------------------------------------------------- #
#: Widest layer :func:`gradient_profiles` takes: it holds all L weight matrices
#: at once (L x width² doubles, 52 MB at L = 100, width = 256).
MAX_SHARED_WIDTH = 256


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
        Distinct keys of :data:`~estimation.activations.ACTIVATIONS`.
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
