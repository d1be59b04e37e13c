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
the tolerance, known slips (wrong answers students typically give, each with
the strings key of a hint naming the slip) and a worked solution as LaTeX
lines whose last line ends with the answer.

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
from dataclasses import dataclass, field
from types import ModuleType
from typing import Callable

import numpy as np

from estimation._validation import check_seed


@dataclass(frozen=True)
class Slip:
    """A typical wrong answer and the strings key of the hint that names it."""

    value: float
    hint: str


@dataclass(frozen=True)
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
    rtol, atol : float
        A numeric response r is right when |r − answer| ≤ atol + rtol·|answer|.
    slips : tuple of Slip
        Known wrong answers (numeric: values; multiple choice: choice indices).
    """

    prompt: str
    fields: dict
    answer: float
    solution: tuple[str, ...]
    choices: tuple[str, ...] = ()
    rtol: float = 1e-3
    atol: float = 1e-6
    slips: tuple[Slip, ...] = field(default_factory=tuple)

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    def is_right(self, response: float) -> bool:
        if self.is_choice:
            return int(response) == int(self.answer)
        return math.isfinite(response) and abs(response - self.answer) <= self.atol + self.rtol * abs(self.answer)

    def slip(self, response: float) -> str | None:
        """The hint key of the slip a wrong ``response`` matches, if any."""
        for s in self.slips:
            if self.is_choice:
                if int(response) == int(s.value):
                    return s.hint
            elif abs(response - s.value) <= self.atol + self.rtol * abs(s.value):
                return s.hint
        return None


@dataclass(frozen=True)
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
