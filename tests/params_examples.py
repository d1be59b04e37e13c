"""Test inputs for URL parameter specs: values each spec must reject, a valid non-default value, the extreme.

These are test fixtures, kept here rather than on the production classes of
:mod:`lab.params`; each function dispatches on the spec's type.
"""

from __future__ import annotations

import functools
from typing import Any

from lab import params as P

#: Parameters whose valid range depends on another setting of their page: only their lower bound is valid
#: whatever the other settings are (Bayes: the step t runs 0 … n, and n is another setting).
BOUNDED_BY_ANOTHER_SETTING = {("bayes", "t")}



def _optimizer_settings() -> dict[tuple[str, str], dict[str, str]]:
    from estimation.optimizers import OPTIMIZERS

    # one optimizer's setting races only with tuned settings off; another optimizer races (defaults, no warning)
    return {("optimizers", f"{hp.name}_{name.lower()}"): {"preset": "false", "opt": "Adam" if name == "SGD" else "SGD"}
            for name, cls in OPTIMIZERS.items() for hp in cls.HYPERPARAMETERS}


#: Parameters that apply only together with other settings (alone in a link they are stale, and the page
#: drops them: issue 16): (page id, name) -> the settings they go with.
APPLIES_WITH = {
    ("optimizers", "x0"): {"own_start": "true"},
    ("optimizers", "y0"): {"own_start": "true"},
    **_optimizer_settings(),
}


def applies_with(spec: P.Param, page_id: str | None = None) -> dict[str, str]:
    """The other URL settings ``spec`` needs to count (empty for most parameters)."""
    return dict(APPLIES_WITH.get((page_id, spec.name), {}))


_COMMON_INVALID = ["", "x" * 10_000, "\u2603"]


@functools.singledispatch
def invalid_examples(spec: P.Param) -> list[str]:
    """Raw URL values ``spec`` must reject."""
    return list(_COMMON_INVALID)


@invalid_examples.register
def _(spec: P.IntParam) -> list[str]:
    return _COMMON_INVALID + ["abc", "1.5", "1e3", str(spec.lo - 1), str(spec.hi + 1), "9" * 400]


@invalid_examples.register
def _(spec: P.FloatParam) -> list[str]:
    return _COMMON_INVALID + ["abc", "nan", "inf", "-inf", "1e400", "0x10"] + [
        spec.to_url(spec.lo - (abs(spec.lo) + 1.0)), spec.to_url(spec.hi + abs(spec.hi) + 1.0)
    ]


@invalid_examples.register
def _(spec: P.ChoiceParam) -> list[str]:
    return _COMMON_INVALID + ["foo", "-1", "1e3"]


@invalid_examples.register
def _(spec: P.MultiChoiceParam) -> list[str]:
    dup = f"{spec.choices[0]},{spec.choices[0]}"
    return _COMMON_INVALID + ["foo", dup, f"{spec.choices[0]},foo"]


@invalid_examples.register
def _(spec: P.BoolParam) -> list[str]:
    return _COMMON_INVALID + ["yes", "2"]


def valid_example(spec: P.Param, page_id: str | None = None) -> Any | None:
    """A valid value different from the default, or None."""
    if (page_id, spec.name) in BOUNDED_BY_ANOTHER_SETTING:
        return spec.lo
    return _valid_example(spec)


@functools.singledispatch
def _valid_example(spec: P.Param) -> Any | None:
    return None


@_valid_example.register(P.IntParam)
@_valid_example.register(P.FloatParam)
def _(spec) -> Any:
    return spec.hi if spec.hi != spec.default else spec.lo


@_valid_example.register
def _(spec: P.ChoiceParam) -> Any | None:
    others = [c for c in spec.choices if c != spec.default]
    return others[-1] if others else None


@_valid_example.register
def _(spec: P.MultiChoiceParam) -> list | None:
    hi = spec.max_count if spec.max_count is not None else len(spec.choices)
    value = list(spec.choices[: max(spec.min_count, min(hi, 2))])
    return value if value != list(spec.default) else list(spec.choices[-spec.min_count:])


@_valid_example.register
def _(spec: P.BoolParam) -> bool:
    return not spec.default


@functools.singledispatch
def extreme(spec: P.Param) -> Any:
    """The most demanding valid value (largest size or last choice), for resource tests."""
    return spec.default


@extreme.register(P.IntParam)
@extreme.register(P.FloatParam)
def _(spec) -> Any:
    return spec.hi


@extreme.register
def _(spec: P.ChoiceParam) -> Any:
    return spec.choices[-1]


@extreme.register
def _(spec: P.MultiChoiceParam) -> list:
    hi = spec.max_count if spec.max_count is not None else len(spec.choices)
    return list(spec.choices[:hi])
