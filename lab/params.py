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
from dataclasses import dataclass, field
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

    def invalid_examples(self) -> list[str]:
        """Raw URL values this spec must reject (used by the tests)."""
        return ["", "x" * 10_000, "\u2603"]

    def valid_example(self) -> Any | None:
        """A valid value different from the default, or None (used by the tests)."""
        return None

    def extreme(self) -> Any:
        """The most demanding valid value (largest size/choice), for resource tests."""
        return self.default


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

    def invalid_examples(self) -> list[str]:
        return super().invalid_examples() + [
            "abc", "1.5", "1e3", str(self.lo - 1), str(self.hi + 1), "9" * 400,
        ]

    def valid_example(self) -> int | None:
        return self.hi if self.hi != self.default else self.lo

    def extreme(self) -> int:
        return self.hi


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

    def invalid_examples(self) -> list[str]:
        return super().invalid_examples() + ["abc", "nan", "inf", "-inf", "1e400", "0x10"] + [
            self.to_url(self.lo - (abs(self.lo) + 1.0)), self.to_url(self.hi + abs(self.hi) + 1.0)
        ]

    def valid_example(self) -> float | None:
        return self.hi if self.hi != self.default else self.lo

    def extreme(self) -> float:
        return self.hi


@dataclass(frozen=True)
class ChoiceParam(Param):
    """One of ``choices`` (codes: str or int; the URL holds ``str(code)``)."""

    choices: tuple = ()

    def parse(self, raw: str) -> Any:
        for choice in self.choices:
            if str(choice) == raw:
                return choice
        raise ParamError("common.reason.choice", choices=", ".join(map(str, self.choices)))

    def invalid_examples(self) -> list[str]:
        return super().invalid_examples() + ["foo", "-1", "1e3"]

    def valid_example(self) -> Any | None:
        others = [c for c in self.choices if c != self.default]
        return others[-1] if others else None

    def extreme(self) -> Any:
        return self.choices[-1]


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

    def invalid_examples(self) -> list[str]:
        dup = f"{self.choices[0]},{self.choices[0]}"
        return super().invalid_examples() + ["foo", dup, f"{self.choices[0]},foo"]

    def valid_example(self) -> list | None:
        hi = self.max_count if self.max_count is not None else len(self.choices)
        value = list(self.choices[: max(self.min_count, min(hi, 2))])
        return value if value != list(self.default) else list(self.choices[-self.min_count:])

    def extreme(self) -> list:
        hi = self.max_count if self.max_count is not None else len(self.choices)
        return list(self.choices[:hi])


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

    def invalid_examples(self) -> list[str]:
        return super().invalid_examples() + ["yes", "2"]

    def valid_example(self) -> bool:
        return not self.default


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
