"""Typed URL parameters: every setting that changes a view lives in the URL.

A page declares its parameters once, as specs (name, type, default,
bounds/choices). The shell then

1. on a page's first run in a session (or when a widget re-appears), reads each
   parameter from ``st.query_params``, validates it with the spec and puts the
   value — or, with a visible warning naming the parameter, the default — into
   ``st.session_state``;
2. creates each widget with only a ``key`` (the value comes from session
   state), and
3. after the widget, writes its value back to the URL (and removes it when it
   equals the default, keeping links short).

Why not ``bind="query-params"``: Streamlit 1.67 stores a selectbox's
*formatted label* in the URL, so translated labels would change the link when
the language changes, and it silently truncates ``?n=50.5`` to 50. Owning the
(small) sync keeps stable codes in the URL, strict validation, and a warning
for every rejected value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

#: Longest raw URL value looked at; longer ones are rejected unparsed.
MAX_RAW_LENGTH = 200

_INT_RE = re.compile(r"^[+-]?\d{1,19}$")


class ParamError(ValueError):
    """A URL value that a spec rejects; ``reason`` is a strings key."""

    def __init__(self, reason: str, **fields):
        super().__init__(reason)
        self.reason = reason
        self.fields = fields


@dataclass(frozen=True)
class Param:
    """Base class: a named URL parameter with a default."""

    name: str
    default: Any

    def parse(self, raw: str) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_url(self, value: Any) -> str:
        return str(value)




@dataclass(frozen=True)
class IntParam(Param):
    """An integer in ``[lo, hi]``."""

    lo: int = 0
    hi: int = 100
    step: int = 1

    def parse(self, raw: str) -> int:
        if not _INT_RE.match(raw):
            raise ParamError("common.reason.not_int")
        value = int(raw)
        if not self.lo <= value <= self.hi:
            raise ParamError("common.reason.range", lo=self.lo, hi=self.hi)
        return value




@dataclass(frozen=True)
class FloatParam(Param):
    """A finite float in ``[lo, hi]`` (``step`` and ``fmt`` are for the widget)."""

    lo: float = 0.0
    hi: float = 1.0
    step: float = 0.01
    fmt: str = "%.2f"

    def parse(self, raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            raise ParamError("common.reason.not_number") from None
        if not math.isfinite(value):
            raise ParamError("common.reason.not_number")
        if not self.lo <= value <= self.hi:
            raise ParamError("common.reason.range", lo=self.lo, hi=self.hi)
        return value

    def to_url(self, value: float) -> str:
        return format(float(value), ".10g")




@dataclass(frozen=True)
class ChoiceParam(Param):
    """One of ``choices`` (codes: str or int; the URL holds ``str(code)``)."""

    choices: tuple = ()

    def parse(self, raw: str) -> Any:
        for choice in self.choices:
            if str(choice) == raw:
                return choice
        raise ParamError("common.reason.choice", choices=", ".join(map(str, self.choices)))




@dataclass(frozen=True)
class MultiChoiceParam(Param):
    """A comma-separated list of distinct ``choices`` (``min_count``…``max_count`` items)."""

    choices: tuple = ()
    min_count: int = 1
    max_count: int | None = None

    def parse(self, raw: str) -> list:
        parts = raw.split(",") if raw else []
        lookup = {str(c): c for c in self.choices}
        if any(p not in lookup for p in parts) or len(set(parts)) != len(parts):
            raise ParamError("common.reason.choice", choices=", ".join(map(str, self.choices)))
        hi = self.max_count if self.max_count is not None else len(self.choices)
        if not self.min_count <= len(parts) <= hi:
            raise ParamError("common.reason.count", lo=self.min_count, hi=hi)
        return [lookup[p] for p in parts]

    def to_url(self, value: Sequence) -> str:
        return ",".join(map(str, value))




@dataclass(frozen=True)
class BoolParam(Param):
    """``true``/``false`` (also ``1``/``0``)."""

    def parse(self, raw: str) -> bool:
        lowered = raw.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0"):
            return False
        raise ParamError("common.reason.bool")

    def to_url(self, value: bool) -> str:
        return "true" if value else "false"



def code(value: float) -> str:
    """A log-scale choice as typed in a URL: 0.95, 10, 1e-08 (``float(code(value)) == value``)."""
    return f"{value:g}"


def from_grid(name: str, grid) -> ChoiceParam | FloatParam:
    """The URL parameter of a control a view describes (e.g. :class:`estimation.views.optimizers.WidgetGrid`).

    Log-spaced ``grid.choices`` become a :class:`ChoiceParam` over their
    codes (:func:`code`); without choices, a :class:`FloatParam` slider from
    ``grid.lo`` to ``grid.hi`` by ``grid.step``, shown with ``grid.decimals``.
    """
    if grid.choices is not None:
        return ChoiceParam(name, code(grid.default), tuple(map(code, grid.choices)))
    return FloatParam(name, grid.default, lo=grid.lo, hi=grid.hi, step=grid.step, fmt=f"%.{grid.decimals}f")


@dataclass(frozen=True)
class Limited:
    """A numeric parameter bounded above by another setting's value (see :func:`limit`)."""

    spec: IntParam | FloatParam
    value: Any
    asked: Any = None


def limit(spec: IntParam | FloatParam, value: Any, hi: Any) -> Limited:
    """Bound ``spec`` above by ``hi``, another setting's value (e.g. the step t ≤ the trials n).

    Returns the spec with its upper bound ``min(spec.hi, hi)`` (never below
    ``spec.lo``) and the value to use: ``value`` itself while it fits, so that
    moving the other setting keeps a valid choice; the bound only when
    ``value`` is above it, and then ``asked`` holds the value asked for (else
    None), for a note saying it was clamped.
    """
    bounded = replace(spec, hi=max(spec.lo, min(spec.hi, hi)))
    if value > bounded.hi:
        return Limited(bounded, bounded.hi, value)
    return Limited(bounded, max(value, bounded.lo))


def parse_raw(spec: Param, values: list[str]) -> Any:
    """Validate the URL value(s) of one parameter; raise :class:`ParamError`."""
    if len(values) > 1:
        raise ParamError("common.reason.repeated")
    raw = values[0]
    if len(raw) > MAX_RAW_LENGTH:
        raise ParamError("common.reason.too_long")
    return spec.parse(raw)


@dataclass(frozen=True)
class Rejected:
    """A URL parameter that was not used: unknown, or invalid (then ``reason`` is set)."""

    name: str
    reason: str | None = None
    fields: dict = field(default_factory=dict)
    default: str | None = None
