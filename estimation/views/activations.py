"""What each section of the Activations page draws, from its widgets' values.

=====================  ==================  ==================================================
section                function            result
=====================  ==================  ==================================================
functions and          :func:`curves`      :class:`Curves`: f and f′ on [−x_max, x_max], the
derivatives                                peaks table
vanishing gradients    :func:`depth`       :class:`Depth`: the gradient per layer through one
                                           random MLP, its table, the reference's formula
=====================  ==================  ==================================================

The mathematics is :mod:`estimation.activations`; here are the page's
choices: the plotting grid, the tables as records with neutral keys (the page
names rows and columns in its language) and numbers shown to four significant
digits, the reference line written out in LaTeX.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from estimation import activations
from estimation._validation import check_int, check_real
from estimation.depth import DepthProfiles, gradient_profiles

__all__ = ["HE", "Curves", "Depth", "curves", "depth", "num", "sci"]

#: He initialisation's scale √2 (a choice of the page's scale widget, written \sqrt{2} in formulas).
HE = math.sqrt(2.0)


def num(value: float) -> str:
    """A number for the tables: four significant digits.

    >>> num(0.25 ** 20), num(2.5)
    ('9.095e-13', '2.5')
    """
    return f"{value:.4g}"


def sci(value: float) -> str:
    """A number for LaTeX: 9.095e-13 → 9.095 × 10⁻¹³.

    >>> sci(0.25 ** 20), sci(0.5)
    ('9.095\\\\times10^{-13}', '0.5')
    """
    mantissa, _, exponent = f"{value:.4g}".partition("e")
    return rf"{mantissa}\times10^{{{int(exponent)}}}" if exponent else mantissa


# --------------------------------------------------------------------------- #
# Section "functions and derivatives"
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Curves:
    """Activations and their derivatives on one grid, with the facts worth marking and the peaks table.

    Attributes
    ----------
    x : ndarray of shape (n_points,)
        Evenly spaced on [-x_max, x_max]; x = 0 exactly when n_points is odd.
    f, df : dict of str to ndarray of shape (n_points,)
        f(x) and f'(x) for each activation, in the order asked.
    peak : dict of str to (float or None, float)
        :func:`~estimation.activations.derivative_peak` of each activation.
    at_zero : dict of str to float
        f'(0) (the left derivative at a kink: ReLU'(0) = 0, as PyTorch).
    table : tuple of dict
        The peaks table, ``{"activation": name, "max": sup f', "at": x*
        (``"—"`` when there is no single maximiser), "at_zero": f'(0)}``,
        numbers as text with four significant digits (:func:`num`).
    """

    x: np.ndarray
    f: dict
    df: dict
    peak: dict
    at_zero: dict
    table: tuple[dict, ...]


def curves(names, x_max=6.0, *, params=None, n_points=401) -> Curves:
    """Evaluate activations and derivatives on a grid for plotting.

    Parameters
    ----------
    names : sequence of str
        Distinct keys of :data:`~estimation.activations.ACTIVATIONS`.
    x_max : float, default 6.0
        Half-width of the grid, in (0, 1000].
    params : mapping of str to dict, optional
        Extra parameters per activation, e.g. ``{"elu": {"alpha": 2.0}}``.
    n_points : int, default 401
        Grid size, 3..5001.

    Returns
    -------
    Curves

    Notes
    -----
    x_i = -x_max + 2 x_max i/(n - 1), i = 0..n-1 (the middle point set to 0
    exactly for odd n, so kinks and the maxima at 0 lie on the grid); each
    curve is ``f(x, **params)`` / ``df(x, **params)`` of the registry entry.

    Examples
    --------
    >>> c = curves(["sigmoid"], 6.0)
    >>> float(c.x[200]), float(c.df["sigmoid"][200]), c.table
    (0.0, 0.25, ({'activation': 'sigmoid', 'max': '0.25', 'at': '0', 'at_zero': '0.25'},))
    """
    names = activations._names(names)
    x_max = check_real(x_max, "x_max", lo=0.0, hi=1e3, lo_open=True)
    n_points = check_int(n_points, "n_points", lo=3, hi=5001)
    kwargs = activations._params_for(names, params)
    x = np.linspace(-x_max, x_max, n_points)
    if n_points % 2:
        x[n_points // 2] = 0.0
    acts = {name: activations.ACTIVATIONS[name] for name in names}
    peak = {n: activations.derivative_peak(n, **kwargs[n]) for n in names}
    at_zero = {n: float(a.df(0.0, **kwargs[n])) for n, a in acts.items()}
    return Curves(
        x=x,
        f={n: a.f(x, **kwargs[n]) for n, a in acts.items()},
        df={n: a.df(x, **kwargs[n]) for n, a in acts.items()},
        peak=peak,
        at_zero=at_zero,
        table=tuple({"activation": n, "max": num(peak[n][1]), "at": "—" if peak[n][0] is None else num(peak[n][0]),
                     "at_zero": num(at_zero[n])} for n in names),
    )


# --------------------------------------------------------------------------- #
# Section "vanishing gradients"
# --------------------------------------------------------------------------- #
@dataclass(frozen=True, slots=True)
class Depth:
    """The gradient's size per layer for several activations through the same random MLP, as the page shows it.

    Attributes
    ----------
    profiles : estimation.depth.DepthProfiles
        What the chart draws: g_l = mean |∂E/∂h_l| per activation, the
        reference (s/4)^{L−l}, the factor per layer.
    inputs : dict of str to float
        g_0, the gradient's size at the input, per activation.
    dead : tuple of str
        Activations whose gradient died on the way (g_0 = 0 exactly).
    table : tuple of dict
        ``{"row": name, "input_grad": g_0, "per_layer": factor}`` per
        activation, then the reference (``"row": "bound"``: (s/4)^L and s/4),
        numbers as text with four significant digits (:func:`num`).
    bound_latex : str
        The reference at the input written out, e.g.
        ``|w|=s=1,\\ L=20:\\ (1/4)^{20}=9.095\\times10^{-13}``.
    """

    profiles: DepthProfiles
    inputs: dict[str, float]
    dead: tuple[str, ...]
    table: tuple[dict, ...]
    bound_latex: str


def depth(names, n_layers=20, width=64, *, init_scale=1.0, batch_size=32, seed=0, params=None) -> Depth:
    """Everything the vanishing-gradient section shows: :func:`~estimation.depth.gradient_profiles` and its table.

    Parameters
    ----------
    names, n_layers, width, init_scale, batch_size, seed, params
        As in :func:`estimation.depth.gradient_profiles`.

    Returns
    -------
    Depth

    Notes
    -----
    The reference's factor per layer is bound[-2] = (s/4)^1; its value at the
    input bound[0] = (s/4)^L.

    Examples
    --------
    >>> d = depth(("sigmoid",), 20, 64, seed=42)
    >>> d.table[-1]
    {'row': 'bound', 'input_grad': '9.095e-13', 'per_layer': '0.25'}
    """
    profiles = gradient_profiles(names, n_layers, width, init_scale=init_scale, batch_size=batch_size,
                                             seed=seed, params=params)
    n_layers = int(profiles.layer[-1])
    inputs = {n: float(p.grad_mean_abs[0]) for n, p in profiles.profiles.items()}
    bound = profiles.bound
    scale_tex = r"\sqrt{2}" if init_scale == HE else f"{float(init_scale):g}"
    return Depth(
        profiles=profiles,
        inputs=inputs,
        dead=tuple(n for n, g in inputs.items() if g == 0.0),
        table=(*({"row": n, "input_grad": num(g), "per_layer": num(profiles.per_layer[n])} for n, g in inputs.items()),
               {"row": "bound", "input_grad": num(bound[0]), "per_layer": num(bound[-2])}),
        bound_latex=(rf"|w|=s={scale_tex},\ L={n_layers}:\ \Bigl(\frac{{{scale_tex}}}{{4}}\Bigr)^{{{n_layers}}}"
                     rf"={sci(bound[0])}"),
    )
