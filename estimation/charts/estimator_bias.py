"""Charts of the Estimator bias page.

Every estimator keeps its colour in every chart (:data:`ESTIMATOR_COLORS`).

Speed: a seed change rebuilds all three charts, so they are built the cheap
way, producing the same Vega-Lite spec (the unit tests validate it against
the schema):

* one top-level dataset per chart, given as ``{"values": records}`` built
  straight from the numpy columns (:func:`_records`); altair's DataFrame
  path (sanitising, ``DataFrame.to_dict``) took twice as long as the rest of
  the chart;
* each layer is one ``alt.Chart(mark=..., encoding=..., transform=...)`` call
  with plain Vega-Lite dicts for the mark and the channels (:func:`_layer`):
  altair deep-copies a chart on every chained method (``transform_filter``,
  ``mark_*``, ``encode``), and each ``alt.X``/``alt.Scale``/``alt.Legend``
  object carries its ~100 possible properties through every copy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import altair as alt
import numpy as np

from estimation.charts._layers import layered, records
from estimation.charts.theme import PALETTE, REFERENCE, legend_columns
from estimation.estimators import EstimatorMoments
from estimation.monte_carlo import MonteCarloSummary
from estimation.views.estimator_bias import BinnedEstimates

#: Colour of each variance estimator (keys of estimation.estimators.VARIANCE_ESTIMATORS).
ESTIMATOR_COLORS = {
    "n_minus_1": PALETTE[0],  # blue: unbiased S²
    "n": PALETTE[5],  # vermillion: the biased 1/N (MLE)
    "n_plus_1": PALETTE[2],  # bluish green: smallest MSE for Gaussian data
    "known_mean": PALETTE[3],  # reddish purple: centred at the true μ
}
#: Colour of the true σ² and of "zero bias".
TRUTH = PALETTE[7]
#: Half-width of Monte Carlo error bars, in standard errors.
ERROR_BAR_SE = 2.0
#: Candidate ticks of a log N axis.
_LOG_TICKS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000)


def _q(field: str, title: str | None = None, **extra) -> dict:
    """A quantitative channel definition (with ``title`` if one is given)."""
    return {"field": field, "type": "quantitative", **({"title": title} if title is not None else {}), **extra}


def _n(field: str, **extra) -> dict:
    """A nominal channel definition."""
    return {"field": field, "type": "nominal", **extra}


def _layer(mark: dict, test: str, **encoding) -> alt.Chart:
    """A layer drawing ``mark`` for the rows where the Vega expression ``test`` holds."""
    return alt.Chart(mark=mark, encoding=alt.FacetedEncoding(**encoding), transform=[{"filter": test}])


def _equals(field: str, value: str) -> str:
    """Vega expression: ``datum[field] == value``."""
    return f"datum.{field} === {json.dumps(value)}"


def sampling_distribution_chart(
    hist: BinnedEstimates,
    expectations: Mapping[str, float],
    sigma2: float,
    *,
    keys: Sequence[str],
    labels: Mapping[str, str],
    curve_x: np.ndarray | None = None,
    curves: Mapping[str, np.ndarray] | None = None,
    x_title: str,
    y_title: str,
    hist_label: str,
    exact_label: str,
    expectation_label: str,
    sigma2_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Overlaid histograms of the estimators ``keys`` with σ² and each E[σ̂²] as vertical lines.

    Each histogram is a lightly filled step outline of ``hist.density``
    (count/(R·width), comparable with a density); ``curves`` (exact
    densities at ``curve_x``, e.g. scaled χ² for Gaussian data), when given,
    are drawn dashed in the estimator's colour. Colour tells the estimators
    apart and line style what is drawn (histogram, exact density,
    expectation); the true σ² is a solid black rule. The x axis spans the bins.
    """
    keys = list(keys)
    edges = np.asarray(hist.edges, dtype=float)
    names = [labels[k] for k in keys]
    # Step outline closed at both ends ("step-after" holds each y until the next x).
    step_x = np.concatenate([edges[:1], edges[:-1], edges[-1:], edges[-1:]])
    rows = []
    for key, name in zip(keys, names):
        d = np.asarray(hist.density[key], dtype=float)
        rows += records(x=step_x, y=np.concatenate([[0.0], d, d[-1:], [0.0]]), estimator=name, kind=hist_label)
        if curves is not None:
            rows += records(x=np.asarray(curve_x, dtype=float), y=np.asarray(curves[key], dtype=float),
                             estimator=name, kind=exact_label)
    rows += [{"x": float(expectations[k]), "estimator": name, "kind": expectation_label}
             for k, name in zip(keys, names)]
    rows.append({"x": float(sigma2), "estimator": sigma2_label, "kind": sigma2_label})

    # Legends below, stacked (on the right they left a phone's plot a few pixels wide).
    color = _n("estimator", title=None,
               scale={"domain": [*names, sigma2_label], "range": [*(ESTIMATOR_COLORS[k] for k in keys), TRUTH]},
               legend={"columns": legend_columns([*names, sigma2_label]), "symbolType": "stroke",
                       "symbolStrokeWidth": 3, "symbolOpacity": 1})
    kinds = [hist_label, exact_label, expectation_label] if curves is not None else [hist_label, expectation_label]
    dashes = {hist_label: [1, 0], exact_label: [7, 4], expectation_label: [2, 3]}
    dash = _n("kind", title=None, scale={"domain": kinds, "range": [dashes[k] for k in kinds]},
              legend={"columns": legend_columns(kinds), "symbolStrokeColor": REFERENCE})
    x = _q("x", x_title, scale={"domain": [float(edges[0]), float(edges[-1])], "nice": False})
    y = _q("y", y_title)
    line = dict(x=x, y=y, color=color, strokeDash=dash, detail=_n("estimator"))
    is_hist = _equals("kind", hist_label)
    layers = [
        _layer({"type": "area", "interpolate": "step-after", "opacity": 0.12}, is_hist,
               x=x, y={**y, "stack": None}, color=color),
        _layer({"type": "line", "interpolate": "step-after", "strokeWidth": 1.3, "opacity": 0.8}, is_hist, **line),
    ]
    if curves is not None:
        layers.append(_layer({"type": "line", "strokeWidth": 3}, _equals("kind", exact_label), **line))
    layers += [
        _layer({"type": "rule", "strokeWidth": 2.5}, _equals("kind", expectation_label),
               x=x, color=color, strokeDash=dash,
               tooltip=[_n("estimator"), _q("x", expectation_label, format=".5g")]),
        _layer({"type": "rule", "strokeWidth": 2.5}, _equals("kind", sigma2_label),
               x=x, color=color, tooltip=[_q("x", sigma2_label, format=".5g")]),
    ]
    return layered(*layers, rows=rows, title=title)


def bias_chart(
    ns: np.ndarray,
    bias: np.ndarray,
    bias_se: np.ndarray,
    exact_ns: np.ndarray,
    exact_bias: np.ndarray,
    *,
    current_n: int | None = None,
    x_title: str,
    y_title: str,
    mc_label: str,
    exact_label: str,
    zero_label: str,
    current_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Monte Carlo bias (points ± 2 SE) and the exact bias curve against N (log axis).

    A dashed rule marks zero bias; ``current_n``, if given, a dotted vertical
    rule at the page's N.
    """
    ns = np.asarray(ns, dtype=float)
    exact_ns = np.asarray(exact_ns, dtype=float)
    bias = np.asarray(bias, dtype=float)
    half = ERROR_BAR_SE * np.asarray(bias_se, dtype=float)
    # One row each for the zero rule and the current-N rule (a datum rule would repeat per row).
    rows = (records(n=ns, bias=bias, lo=bias - half, hi=bias + half, series=mc_label)
            + records(n=exact_ns, bias=np.asarray(exact_bias, dtype=float), series=exact_label)
            + [{"bias": 0.0, "series": zero_label}])
    domain = [mc_label, exact_label, zero_label]
    if current_n is not None:
        rows.append({"n": float(current_n), "series": current_label})
        domain.append(current_label)
    lo, hi = float(min(ns.min(), exact_ns.min())), float(max(ns.max(), exact_ns.max()))
    color = _n("series", title=None, legend={"columns": legend_columns(domain)},
               scale={"domain": domain, "range": [ESTIMATOR_COLORS["n"], REFERENCE, TRUTH, PALETTE[4]][: len(domain)]})
    x = _q("n", x_title, scale={"type": "log", "domain": [lo, hi]},
           axis={"values": [t for t in _LOG_TICKS if lo <= t <= hi]})
    y = _q("bias", y_title)
    is_mc = _equals("series", mc_label)
    layers = [
        _layer({"type": "rule", "strokeDash": [6, 4], "strokeWidth": 1.5}, _equals("series", zero_label),
               y=y, color=color),
        _layer({"type": "line", "strokeWidth": 2.5}, _equals("series", exact_label), x=x, y=y, color=color),
        _layer({"type": "rule", "strokeWidth": 2}, is_mc, x=x, y=_q("lo", y_title), y2={"field": "hi"}, color=color),
        _layer({"type": "point", "filled": True, "size": 70, "opacity": 1}, is_mc, x=x, y=y, color=color,
               tooltip=[_q("n", "N"), _q("bias", format=".4g"), _q("lo", format=".4g"), _q("hi", format=".4g")]),
    ]
    if current_n is not None:
        layers.append(_layer({"type": "rule", "strokeDash": [2, 3], "strokeWidth": 2},
                             _equals("series", current_label), x=x, color=color))
    return layered(*layers, rows=rows, title=title)


def mse_chart(
    exact: Mapping[str, EstimatorMoments],
    summary: Mapping[str, MonteCarloSummary],
    *,
    keys: Sequence[str],
    labels: Mapping[str, str],
    x_title: str,
    y_title: str,
    variance_label: str,
    bias2_label: str,
    mc_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Exact MSE = variance + bias² as stacked bars, with the Monte Carlo MSE ± 2 SE on top."""
    keys = list(keys)
    names = [labels[k] for k in keys]
    rows = []
    for key, name in zip(keys, names):
        e, s = exact[key], summary[key]
        half = ERROR_BAR_SE * float(s.mse_se)
        mse = float(s.mse)
        rows += [
            {"estimator": name, "part": variance_label, "value": float(e.variance), "order": 0},
            {"estimator": name, "part": bias2_label, "value": float(e.bias) ** 2, "order": 1},
            {"estimator": name, "part": mc_label, "value": mse, "order": 2, "lo": mse - half, "hi": mse + half},
        ]
    color = _n("part", title=None, legend={"columns": legend_columns([variance_label, bias2_label, mc_label])},
               scale={"domain": [variance_label, bias2_label, mc_label], "range": [PALETTE[4], PALETTE[1], TRUTH]})
    x = _n("estimator", title=x_title, sort=names, axis={"labelAngle": 0})
    y = _q("value", y_title)
    tooltip = [_n("estimator"), _n("part"), _q("value", format=".4g")]
    is_mc = _equals("part", mc_label)
    layers = [
        _layer({"type": "bar", "width": {"band": 0.6}}, f"!({is_mc})",
               x=x, y={**y, "stack": "zero"}, color=color, order=_q("order"), tooltip=tooltip),
        _layer({"type": "rule", "strokeWidth": 2}, is_mc, x=x, y=_q("lo", y_title), y2={"field": "hi"}, color=color),
        _layer({"type": "point", "filled": True, "size": 80, "shape": "diamond", "opacity": 1}, is_mc,
               x=x, y=y, color=color, tooltip=tooltip),
    ]
    return layered(*layers, rows=rows, title=title)
