"""lab.params.code and from_grid (moved from the Optimizers page): a view's control as a URL parameter."""

from __future__ import annotations

from estimation.views.optimizers import WIDGETS
from lab import params as P


def test_code_is_the_value_as_typed_in_a_url():
    assert [P.code(v) for v in (0.95, 10.0, 1e-08, 0.0005, 1_000.0)] == ["0.95", "10", "1e-08", "0.0005", "1000"]
    assert all(float(P.code(v)) == v for v in (0.95, 10.0, 1e-08, 0.0005, 123.25))


def test_a_view_grid_becomes_choices_over_codes_or_a_linear_slider():
    log_grid = next(g for g in WIDGETS["Adam"].values() if g.choices is not None)
    spec = P.from_grid("lr_adam", log_grid)
    assert spec == P.ChoiceParam("lr_adam", f"{log_grid.default:g}", tuple(f"{c:g}" for c in log_grid.choices))
    linear = next(g for grids in WIDGETS.values() for g in grids.values() if g.choices is None)
    spec = P.from_grid("x", linear)
    assert spec == P.FloatParam("x", linear.default, lo=linear.lo, hi=linear.hi, step=linear.step,
                                fmt=f"%.{linear.decimals}f")
