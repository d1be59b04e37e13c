"""Check-yourself exercises and "do it in code" snippets, one module per page.

Exercises
---------
Each page module defines ``QUESTIONS``: a tuple of pure generators
``make(rng) -> Question``. :func:`questions` seeds them from the page's seed
(``default_rng([seed, index])``), so every seed is a different but
reproducible variant that a teacher can share by URL. Each generator computes
its answer by calling the same core functions the page uses.

A :class:`Question` holds language-neutral content only: the key of its
prompt template in :mod:`lab.strings` with the numbers to fill in, the answer,
how it is graded, known slips (wrong answers students typically give, each with
the strings key of a hint naming the slip) and a worked solution as LaTeX
lines whose last line ends with the answer.

Grading
-------
Students round. A numeric response typed as text is parsed by
:func:`parse_answer`, which also counts its significant figures s; it is right
when it agrees with the answer to max(s, :data:`MIN_SIG_FIGS`) significant
figures (:func:`agrees`). A question whose answer is a count can instead give
an absolute ``tolerance`` (e.g. 0.5: the exact whole number).

Snippets
--------
Each page module defines ``snippet(**params) -> Snippet``: a short runnable
numpy/scipy program reproducing the page's main number for the current
settings, and that number as computed by the lab's core (the tests run the
program and compare what it prints).
"""

from __future__ import annotations

import functools
import importlib
import math
import pkgutil
import re
import unicodedata
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable

import numpy as np

from estimation._validation import InputError, check_seed

#: A numeric answer must agree with the true value to at least this many significant figures.
MIN_SIG_FIGS = 3
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?(?:[eE][+-]?\d+)?")


@dataclass(frozen=True, slots=True)
class Response:
    """A typed numeric answer: its value and the significant figures it was typed with."""

    value: float
    sig_figs: int


def significant_figures(text: str) -> int:
    """Significant figures of a decimal numeral such as ``"0.0120"`` (3) or ``"1.5e-3"`` (2).

    Leading zeros never count; trailing zeros count after a decimal point
    (``"1.20"``: 3) but not in a whole number without one (``"1200"``: 2,
    ``"1200."``: 4). Zero itself has one.
    """
    mantissa = re.split("[eE]", text.strip())[0].lstrip("+-")
    if "." in mantissa:
        whole, frac = mantissa.split(".", 1)
        digits = (whole + frac).lstrip("0")
    else:
        digits = mantissa.lstrip("0").rstrip("0")
    return max(len(digits), 1)


def parse_answer(text: str) -> Response:
    """A typed answer as a :class:`Response`.

    Accepts decimal and scientific notation (``-0.123``, ``1.2e-3``), full-width
    digits, the minus sign − and thousands separators (``12,345``).

    Raises
    ------
    InputError
        ``answer_empty``, ``answer_not_number`` (e.g. text, ``1/3``) or
        ``answer_not_finite`` (e.g. ``1e400``, which overflows float64).
    """
    shown = str(text).strip()
    s = unicodedata.normalize("NFKC", shown).replace("\u2212", "-").replace(" ", "")
    if not s:
        raise InputError("answer_empty", "Type a number")
    if _THOUSANDS.fullmatch(s):
        s = s.replace(",", "")
    if not _DECIMAL.fullmatch(s):
        raise InputError("answer_not_number",
                         "“{text}” is not a number: type digits such as 0.123, −4.5 or 1.2e−3", text=shown)
    value = float(s)
    if not math.isfinite(value):
        raise InputError("answer_not_finite",
                         "{text} is too large for a number here (float64 ends near 1.8 × 10³⁰⁸)", text=shown)
    return Response(value, significant_figures(s))


def agrees(value: float, target: float, sig_figs: int) -> bool:
    """Whether ``value`` agrees with ``target`` to ``sig_figs`` significant figures.

    Notes
    -----
    |value − target| ≤ ½ · 10^(e − s + 1) with e = ⌊log₁₀|target|⌋: the value is
    within half a unit of the target's s-th significant digit, so that every
    correct rounding of the target to s figures (and only those, up to a few
    ulps for the binary rounding of the typed decimal) agrees. A target
    of 0 needs |value| ≤ 1e-12.
    """
    if not (math.isfinite(value) and math.isfinite(target)):
        return False
    if target == 0.0:
        return abs(value) <= 1e-12
    e = math.floor(math.log10(abs(target)))
    if 10.0 ** (e + 1) <= abs(target):  # log10 rounded down across a power of ten
        e += 1
    elif 10.0**e > abs(target):
        e -= 1
    half_unit = 0.5 * 10.0 ** (e - sig_figs + 1)
    # slack: a few ulps of the numbers themselves (a typed decimal is stored to ~1e-16 relative, which is
    # a large part of half a unit at many figures) plus 1e-9 of the half unit for the power of ten
    slack = 8 * np.finfo(np.float64).eps * max(abs(value), abs(target)) + 1e-9 * half_unit
    return abs(value - target) <= half_unit + slack


def _response(response) -> Response | None:
    """A :class:`Response` from typed text, a Response, or a number (its shortest repr's figures)."""
    if isinstance(response, Response):
        return response
    try:
        return parse_answer(response if isinstance(response, str) else repr(float(response)))
    except (InputError, TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class Slip:
    """A typical wrong answer and the strings key of the hint that names it."""

    value: float
    hint: str


@dataclass(frozen=True, slots=True)
class Question:
    """One exam-style question.

    Attributes
    ----------
    prompt : str
        Strings key of the question's template (``ex.<page>.<name>``).
    fields : dict
        Values filled into the template.
    answer : float or int
        The numeric answer, or for multiple choice the index of the right choice.
    solution : tuple of str
        LaTeX lines of the worked solution; the last ends with the answer.
    choices : tuple of str
        LaTeX options for a multiple-choice question (empty for numeric).
    tolerance : float or None
        None (numeric questions): a response typed with s significant figures
        is right when it agrees with the answer to max(s, MIN_SIG_FIGS) figures
        (:func:`agrees`). A number: right when |r − answer| ≤ tolerance (a
        count: 0.5 asks for the exact whole number).
    slips : tuple of Slip
        Known wrong answers (numeric: values; multiple choice: choice indices).
    """

    prompt: str
    fields: dict
    answer: float
    solution: tuple[str, ...]
    choices: tuple[str, ...] = ()
    tolerance: float | None = None
    slips: tuple[Slip, ...] = field(default_factory=tuple)

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    def _matches(self, response, target: float) -> bool:
        r = _response(response)
        if r is None:
            return False
        if self.tolerance is not None:
            return math.isfinite(r.value) and abs(r.value - target) <= self.tolerance
        return agrees(r.value, target, max(r.sig_figs, MIN_SIG_FIGS))

    def is_right(self, response) -> bool:
        """Whether ``response`` is right: a choice index, or typed text / :class:`Response` / a number."""
        if self.is_choice:
            return int(response) == int(self.answer)
        return self._matches(response, self.answer)

    def slip(self, response) -> str | None:
        """The hint key of the slip a wrong ``response`` matches (by the same rule), if any."""
        for s in self.slips:
            if self.is_choice:
                if int(response) == int(s.value):
                    return s.hint
            elif self._matches(response, s.value):
                return s.hint
        return None


def distinguishable(answer: float, slips, rel: float = 0.005) -> bool:
    """Whether every slip value differs from ``answer`` by more than ``rel``·|answer|.

    0.5 % is far beyond rounding to three significant figures (at most 0.5 % of the
    leading digit, i.e. ≤ 0.5 % only when the leading digit is 1), so a generator that
    redraws until this holds never lets a slip pass for the answer.
    """
    return all(abs(s.value - answer) > rel * abs(answer) for s in slips)


@dataclass(frozen=True, slots=True)
class Snippet:
    """A runnable program (it prints one number) and the lab's value of that number."""

    code: str
    value: float


@functools.cache
def modules() -> dict[str, ModuleType]:
    """The page modules of this package, by page id (loaded on first use)."""
    return {
        info.name: importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    }


def questions(page: str, seed: int) -> list[Question]:
    """The page's questions for ``seed`` (empty if the page has none)."""
    seed = check_seed(seed)
    module = modules().get(page)
    makers: tuple[Callable[[np.random.Generator], Question], ...] = getattr(module, "QUESTIONS", ())
    return [make(np.random.default_rng([seed, i])) for i, make in enumerate(makers)]


def snippet(page: str, **params) -> Snippet | None:
    """The page's code snippet for ``params`` (None if the page has none)."""
    make = getattr(modules().get(page), "snippet", None)
    return make(**params) if make else None


def fmt(value: float, digits: int = 4) -> str:
    """A number for prompts and solutions: up to ``digits`` significant digits."""
    return f"{value:.{digits}g}"
