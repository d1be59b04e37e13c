"""The lab's probability distributions: one registry for every page.

:data:`DISTRIBUTIONS` maps a key to a :class:`Distribution`: its display
symbol, its pmf/pdf and moments in LaTeX, its parameters with their ranges
(:class:`Parameter`), its exact moments (mean, variance and the fourth
central moment μ₄, :class:`Moments`), a sampler driven by a
``numpy.random.Generator`` (made by ``numpy.random.default_rng(seed)``) and
its scipy.stats twin for the pmf/pdf and quantiles, and the numpy code of its
sampler for the pages' "do it in code" snippets (:meth:`Distribution.code`).

=============  =================  ===============================  ===========================
key            symbol             parameters                       numpy sampler
=============  =================  ===============================  ===========================
bernoulli      Bernoulli(p)       p ∈ [0, 1]                       ``rng.binomial(1, p)``
binomial       Binomial(n, p)     n ∈ {1, 2, …}, p ∈ [0, 1]        ``rng.binomial(n, p)``
gaussian       N(μ, σ²)           μ ∈ ℝ, σ² > 0 (or σ > 0)         ``rng.normal(μ, σ)``
exponential    Exp(mean β)        β > 0 (``scale``, the mean)      ``rng.exponential(β)``
student_t      β·t_ν              ν > 4, β > 0 (``scale``)         ``β * rng.standard_t(ν)``
=============  =================  ===============================  ===========================

Who uses it
-----------
* :mod:`estimation.sampling` (the Sampling page): ``sampling.DISTRIBUTIONS``
  is a view of the bernoulli, binomial and gaussian entries, parametrised as
  numpy is (σ the standard deviation, ``sigma``).
* :mod:`estimation.estimators` (the Estimator bias page):
  ``estimators.POPULATIONS`` wraps the gaussian (μ, σ²), exponential,
  student_t and bernoulli entries with the page's narrower ranges, and draws
  through their location–scale form (below).
* :mod:`estimation.likelihood` may describe its models by these entries
  (its ``Parameter`` has the same fields; :meth:`Parameter.check_array`
  checks a whole grid).

Conventions
-----------
* Parameters are passed as a mapping of names to values;
  :meth:`Distribution.validate` checks them against :attr:`Distribution.params`
  (the family's own domain) or against the narrower ranges a page gives
  (``ranges=``), filling in defaults. Every check raises ``ValueError``
  naming the parameter.
* The Gaussian takes its spread as σ² (``sigma2``, the likelihood and
  estimator convention) or as σ (``sigma``, the standard deviation, as
  ``numpy``/``scipy`` and the Sampling page): whichever is given is used
  as it is, so ``rng.normal(μ, σ)`` draws exactly what the caller meant and
  Var[X] = σ² is exactly the σ² given.
* Two ways to draw. :meth:`Distribution.sample` calls numpy's own method
  for the family (``rng.binomial(1, p)`` for a Bernoulli). For a
  location–scale family :meth:`Distribution.standard` fills a preallocated
  buffer with *base* draws b and :meth:`Distribution.affine` gives
  (loc, unit, centre) with x = loc + unit·b and E[b] = centre; the chunked
  Monte Carlo accumulates well-conditioned sums of b and rescales once. For
  the Gaussian, exponential and Student-t both ways give the same numbers
  bit for bit (numpy's ``normal`` is ``loc + scale·standard_normal``); for
  the Bernoulli the base draw is ``U < p`` with U uniform, which consumes
  the stream differently from ``rng.binomial(1, p)`` (same distribution,
  different numbers for the same seed).
* Densities come from the scipy.stats twin (:meth:`Distribution.frozen`),
  evaluated in log space (``logpmf``/``logpdf``).

Examples
--------
>>> import numpy as np
>>> from estimation.distributions import DISTRIBUTIONS
>>> d = DISTRIBUTIONS["binomial"]
>>> d.moments({"n": 10, "p": 0.3}).mean, round(d.moments({"n": 10, "p": 0.3}).variance, 12)
(3.0, 2.1)
>>> x = d.sample(np.random.default_rng(0), 5, {"n": 10, "p": 0.3})
>>> x.shape, x.dtype
((5,), dtype('float64'))
>>> DISTRIBUTIONS["gaussian"].validate({"mu": 1.0})
{'mu': 1.0, 'sigma2': 1.0}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
from scipy import stats

from estimation._validation import as_finite_array, check_int, check_real, lookup

__all__ = ["Parameter", "Moments", "Distribution", "DISTRIBUTIONS", "get"]


@dataclass(frozen=True, slots=True)
class Parameter:
    """One parameter of a distribution: name, symbol, default and admissible range.

    Attributes
    ----------
    name : str
        Argument name (``"sigma2"``).
    default : float
        Default value (inside the range).
    lo, hi : float or None
        Bounds (None: unbounded); ``lo_open``/``hi_open`` make them strict.
    symbol : str
        Display symbol (``"σ²"``).
    integer : bool
        Whether the value must be an integer (the binomial's n).
    why : str
        Appended to the message of an out-of-range value.
    """

    name: str
    default: float
    lo: float | None = None
    hi: float | None = None
    lo_open: bool = False
    hi_open: bool = False
    symbol: str = ""
    integer: bool = False
    why: str = ""

    def check(self, value) -> float | int:
        """Return ``value`` as a float (an int if :attr:`integer`) in range, else raise ``ValueError``."""
        try:
            if self.integer:
                return check_int(value, self.name, lo=self.lo, hi=self.hi)
            return check_real(value, self.name, lo=self.lo, hi=self.hi, lo_open=self.lo_open, hi_open=self.hi_open)
        except ValueError as exc:
            if not self.why:
                raise
            raise ValueError(f"{exc} ({self.why})") from None

    def check_array(self, value) -> np.ndarray:
        """Return ``value`` as a finite float64 array with every entry in range, else raise ``ValueError``."""
        arr = as_finite_array(value, self.name)
        lo = -np.inf if self.lo is None else self.lo
        hi = np.inf if self.hi is None else self.hi
        below = arr <= lo if self.lo_open else arr < lo
        above = arr >= hi if self.hi_open else arr > hi
        if np.any(below) or np.any(above):
            left = "(" if self.lo_open else "["
            right = ")" if self.hi_open else "]"
            raise ValueError(
                f"{self.name} must lie in {left}{lo}, {hi}{right}; got values in [{arr.min()}, {arr.max()}]"
            )
        return arr

    def narrowed(self, **changes) -> Parameter:
        """A copy with some fields changed (a page's narrower range or default)."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Moments:
    """Exact mean μ, variance σ² and fourth central moment μ₄ = E[(X − μ)⁴]."""

    mean: float
    variance: float
    mu4: float

    @property
    def excess_kurtosis(self) -> float:
        """μ₄/σ⁴ − 3 (0 for Gaussian data)."""
        return self.mu4 / self.variance**2 - 3.0


@dataclass(frozen=True, slots=True)
class Distribution:
    """One entry of :data:`DISTRIBUTIONS`.

    The callables take the validated parameters as keyword arguments; the
    methods take a mapping and validate it first.

    Attributes
    ----------
    key : str
        Registry key.
    symbol : str
        Display name with its parameters (``"N(μ, σ²)"``), language-neutral.
    discrete : bool
        Support on the integers (pmf) rather than the real line (pdf).
    params : tuple of Parameter
        The parameters and their domain, in display order.
    latex : str
        The pmf or pdf, in LaTeX.
    latex_moments : str
        E[X] and Var[X], in LaTeX.
    alternatives : tuple of Parameter
        Parameters accepted in place of one of :attr:`params` (the Gaussian's
        ``sigma`` for ``sigma2``).

    The private callables: ``_moments``, ``_sample``, ``_frozen``, ``_affine``
    and ``_standard`` compute; ``_code`` and ``_code_standard`` write the same
    draws as numpy code (:meth:`code`).
    """

    key: str
    symbol: str
    discrete: bool
    params: tuple[Parameter, ...]
    latex: str
    latex_moments: str
    _moments: Callable[..., Moments]
    _sample: Callable[..., np.ndarray]
    _frozen: Callable[..., object]
    _affine: Callable[..., tuple[float, float, float]] | None = None
    _standard: Callable[..., None] | None = None
    alternatives: tuple[Parameter, ...] = ()
    _code: Callable[..., str] | None = None
    _code_standard: Callable[..., str] | None = None

    def param(self, name: str) -> Parameter:
        """The parameter called ``name`` (one of :attr:`params` or :attr:`alternatives`)."""
        for p in (*self.params, *self.alternatives):
            if p.name == name:
                return p
        raise ValueError(f"param must be one of {[p.name for p in self.params]}, got {name!r}")

    @property
    def defaults(self) -> dict[str, float]:
        """Default value of every parameter, in display order."""
        return {p.name: p.default for p in self.params}

    def validate(self, params=None, *, ranges: tuple[Parameter, ...] | None = None) -> dict:
        """Return the parameters with defaults filled in, each range-checked.

        Parameters
        ----------
        params : mapping of str to float, optional
            Values by name; a missing name takes its default.
        ranges : tuple of Parameter, optional
            The parameters to expect, with a page's narrower ranges and
            defaults (each named as one of :attr:`params` or
            :attr:`alternatives`); default :attr:`params`.

        Returns
        -------
        dict
            Name → checked value, in the order of ``ranges``.
        """
        ranges = self.params if ranges is None else ranges
        if params is None:
            params = {}
        if not isinstance(params, Mapping):
            raise ValueError(f"params must be a mapping of parameter names to values, got {type(params).__name__}")
        names = [p.name for p in ranges]
        unknown = sorted(set(params) - set(names))
        if unknown:
            raise ValueError(f"params has unknown name(s) {unknown} for {self.key!r}; expected {names}")
        return {p.name: p.check(params.get(p.name, p.default)) for p in ranges}

    def moments(self, params=None) -> Moments:
        """Exact mean, variance and fourth central moment (see each entry's Notes in the module source)."""
        return self._moments(**self.validate(params, ranges=self._ranges(params)))

    def sample(self, rng: np.random.Generator, size, params=None) -> np.ndarray:
        """Draw float64 values of shape ``size`` with numpy's own method for the family."""
        return self._sample(rng, size, **self.validate(params, ranges=self._ranges(params)))

    def frozen(self, params=None):
        """The scipy.stats frozen twin (``pmf``/``logpmf`` or ``pdf``/``logpdf``, ``ppf``)."""
        return self._frozen(**self.validate(params, ranges=self._ranges(params)))

    @property
    def location_scale(self) -> bool:
        """Whether :meth:`standard` and :meth:`affine` are available."""
        return self._affine is not None

    def affine(self, params=None) -> tuple[float, float, float]:
        """(loc, unit, centre): x = loc + unit·b for the base draws b of :meth:`standard`, E[b] = centre."""
        if self._affine is None:
            raise ValueError(f"{self.key!r} has no location-scale form")
        return self._affine(**self.validate(params, ranges=self._ranges(params)))

    def standard(self, rng: np.random.Generator, out: np.ndarray, params=None) -> None:
        """Fill the float64 array ``out`` (C-contiguous) with base draws b, in row-major stream order."""
        if self._standard is None:
            raise ValueError(f"{self.key!r} has no location-scale form")
        self._standard(rng, out, **self.validate(params, ranges=self._ranges(params)))

    def code(self, params=None, size: str = "n", *, standard: bool = False) -> str:
        """A numpy expression that draws what :meth:`sample` draws (or, with ``standard``, loc + unit·b).

        Parameters
        ----------
        params : mapping, optional
            Parameter values (checked); they appear in the code as ``repr``.
        size : str, default "n"
            The code of the ``size`` argument (``"1000"``, ``"(R, N)"``).
        standard : bool, default False
            Write the location–scale form the Monte Carlo draws through: the
            same code as :meth:`sample` except for the Bernoulli, whose base
            draw is ``rng.random(...) < p``.

        Returns
        -------
        str
            An expression in ``rng`` (a ``numpy.random.Generator``) and ``np``;
            evaluated with ``rng = np.random.default_rng(seed)`` it gives the
            same numbers as the lab for that seed.
        """
        q = self.validate(params, ranges=self._ranges(params))
        if standard and self._affine is None:
            raise ValueError(f"{self.key!r} has no location-scale form")
        write = self._code_standard if standard and self._code_standard is not None else self._code
        return write(size, **q)

    def _ranges(self, params) -> tuple[Parameter, ...]:
        """The canonical parameters, with an alternative swapped in when ``params`` names it."""
        if not self.alternatives or not isinstance(params, Mapping):
            return self.params
        swap = {a.name: a for a in self.alternatives if a.name in params}
        if not swap:
            return self.params
        replaced = {self._replaces[a] for a in swap}
        return tuple(p for p in self.params if p.name not in replaced) + tuple(swap.values())

    @property
    def _replaces(self) -> dict[str, str]:
        return _REPLACES.get(self.key, {})


# ---------------------------------------------------------------- the entries
#
# Each entry's closed forms (tests/core/test_distributions.py checks them
# against scipy.stats):
#   Bernoulli(p):     E = p, Var = p(1 − p), μ₄ = p(1 − p)(1 − 3p(1 − p)).
#   Binomial(n, p):   E = np, Var = np(1 − p), μ₄ = np(1 − p)(1 + 3(n − 2)p(1 − p)).
#   N(μ, σ²):         E = μ, Var = σ², μ₄ = 3σ⁴.
#   Exp(mean β):      E = β, Var = β², μ₄ = 9β⁴.
#   β·t_ν (ν > 4):    E = 0, Var = β²ν/(ν − 2), μ₄ = 3 Var² (ν − 2)/(ν − 4).


def _bernoulli_moments(p):
    q = 1.0 - p
    return Moments(p, p * q, p * q * (1.0 - 3.0 * p * q))


def _bernoulli_standard(rng, out, p):
    rng.random(out=out)
    np.less(out, p, out=out)  # U < p is 1 with probability p


def _binomial_moments(n, p):
    var = n * p * (1.0 - p)
    return Moments(n * p, var, var * (1.0 + 3.0 * (n - 2.0) * p * (1.0 - p)))


def _gaussian_var(mu, sigma2=None, sigma=None):
    return sigma**2 if sigma2 is None else sigma2


def _gaussian_sd(mu, sigma2=None, sigma=None):
    return float(np.sqrt(sigma2)) if sigma is None else sigma


def _gaussian_sd_code(mu, sigma2=None, sigma=None):
    return f"np.sqrt({sigma2!r})" if sigma is None else repr(sigma)


def _gaussian_moments(**q):
    var = _gaussian_var(**q)
    return Moments(q["mu"], var, 3.0 * var**2)


def _gaussian_standard(rng, out, **q):
    rng.standard_normal(out=out)


def _exponential_standard(rng, out, scale):
    rng.standard_exponential(out=out)


def _student_t_moments(nu, scale):
    sigma2 = scale**2 * nu / (nu - 2.0)
    return Moments(0.0, sigma2, 3.0 * sigma2**2 * (nu - 2.0) / (nu - 4.0))


def _student_t_standard(rng, out, nu, scale):
    # Generator.standard_t has no ``out``; the temporary is one chunk.
    out[...] = rng.standard_t(nu, size=out.shape)


_P = Parameter("p", 0.3, lo=0.0, hi=1.0, symbol="p")
_SCALE = Parameter("scale", 1.0, lo=0.0, lo_open=True, symbol="β")

#: Parameters accepted in place of another, per key: alternative → replaced.
_REPLACES = {"gaussian": {"sigma": "sigma2"}}

#: The lab's distributions by key (feeds page pickers and parametrised tests).
DISTRIBUTIONS: dict[str, Distribution] = {
    d.key: d
    for d in (
        Distribution(
            key="bernoulli",
            symbol="Bernoulli(p)",
            discrete=True,
            params=(_P,),
            latex=r"P(X=x)=p^{x}(1-p)^{1-x},\quad x\in\{0,1\}",
            latex_moments=r"\mathbb{E}[X]=p,\qquad \operatorname{Var}[X]=p(1-p)",
            _moments=_bernoulli_moments,
            # binomial(1, p) is numpy's exact Bernoulli.
            _sample=lambda rng, size, p: rng.binomial(1, p, size).astype(np.float64),
            _frozen=lambda p: stats.bernoulli(p),
            _affine=lambda p: (0.0, 1.0, p),
            _standard=_bernoulli_standard,
            _code=lambda size, p: f"rng.binomial(1, {p!r}, size={size})",
            _code_standard=lambda size, p: f"(rng.random({size}) < {p!r}).astype(float)",
        ),
        Distribution(
            key="binomial",
            symbol="Binomial(n, p)",
            discrete=True,
            params=(Parameter("n", 10, lo=1, symbol="n", integer=True), _P),
            latex=r"P(X=k)=\binom{n}{k}p^{k}(1-p)^{n-k},\quad k=0,\dots,n",
            latex_moments=r"\mathbb{E}[X]=np,\qquad \operatorname{Var}[X]=np(1-p)",
            _moments=_binomial_moments,
            _sample=lambda rng, size, n, p: rng.binomial(n, p, size).astype(np.float64),
            _frozen=lambda n, p: stats.binom(n, p),
            _code=lambda size, n, p: f"rng.binomial({n!r}, {p!r}, size={size})",
        ),
        Distribution(
            key="gaussian",
            symbol="N(μ, σ²)",
            discrete=False,
            params=(Parameter("mu", 0.0, symbol="μ"), Parameter("sigma2", 1.0, lo=0.0, lo_open=True, symbol="σ²")),
            alternatives=(Parameter("sigma", 1.0, lo=0.0, lo_open=True, symbol="σ"),),
            latex=r"f(x)=\frac{1}{\sqrt{2\pi\sigma^{2}}}\exp\!\left(-\frac{(x-\mu)^{2}}{2\sigma^{2}}\right)",
            latex_moments=r"\mathbb{E}[X]=\mu,\qquad \operatorname{Var}[X]=\sigma^{2}",
            _moments=_gaussian_moments,
            _sample=lambda rng, size, **q: rng.normal(q["mu"], _gaussian_sd(**q), size),
            _frozen=lambda **q: stats.norm(q["mu"], _gaussian_sd(**q)),
            _affine=lambda **q: (q["mu"], _gaussian_sd(**q), 0.0),
            _standard=_gaussian_standard,
            _code=lambda size, **q: f"rng.normal({q['mu']!r}, {_gaussian_sd_code(**q)}, size={size})",
        ),
        Distribution(
            key="exponential",
            symbol="Exp(β)",
            discrete=False,
            params=(_SCALE,),
            latex=r"f(x)=\frac{1}{\beta}e^{-x/\beta},\quad x\ge 0",
            latex_moments=r"\mathbb{E}[X]=\beta,\qquad \operatorname{Var}[X]=\beta^{2}",
            _moments=lambda scale: Moments(scale, scale**2, 9.0 * scale**4),
            _sample=lambda rng, size, scale: rng.exponential(scale, size),
            _frozen=lambda scale: stats.expon(scale=scale),
            _affine=lambda scale: (0.0, scale, 1.0),
            _standard=_exponential_standard,
            _code=lambda size, scale: f"rng.exponential({scale!r}, size={size})",
        ),
        Distribution(
            key="student_t",
            symbol="β·t_ν",
            discrete=False,
            params=(
                Parameter("nu", 5.0, lo=4.0, lo_open=True, symbol="ν",
                          why="the fourth moment, hence the variance of S², is infinite for nu <= 4"),
                _SCALE,
            ),
            latex=(r"f(x)=\frac{\Gamma\big(\frac{\nu+1}{2}\big)}{\sqrt{\nu\pi}\,\beta\,\Gamma\big(\frac{\nu}{2}\big)}"
                   r"\Big(1+\frac{x^{2}}{\nu\beta^{2}}\Big)^{-\frac{\nu+1}{2}}"),
            latex_moments=r"\mathbb{E}[X]=0,\qquad \operatorname{Var}[X]=\frac{\nu}{\nu-2}\,\beta^{2}",
            _moments=_student_t_moments,
            _sample=lambda rng, size, nu, scale: scale * rng.standard_t(nu, size),
            _frozen=lambda nu, scale: stats.t(nu, scale=scale),
            _affine=lambda nu, scale: (0.0, scale, 0.0),
            _standard=_student_t_standard,
            _code=lambda size, nu, scale: f"{scale!r} * rng.standard_t({nu!r}, size={size})",
        ),
    )
}


def get(key: str) -> Distribution:
    """The entry of :data:`DISTRIBUTIONS` called ``key`` (``ValueError`` naming ``dist`` otherwise).

    Examples
    --------
    >>> get("gaussian") is DISTRIBUTIONS["gaussian"]
    True
    """
    return lookup(DISTRIBUTIONS, key, "dist")
