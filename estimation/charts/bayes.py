"""Charts of the Bayes page.

Every builder reshapes a section's view (:mod:`estimation.views.bayes`) into
one top-level dataset shared by its layers. Curves that share an x grid are stored wide (one column per curve,
neutral column names) and folded into ``(series, value)`` rows by Vega-Lite,
which keeps the dataset — and the cost of building the chart — small; the
``series`` values are the legend labels.
"""

from __future__ import annotations

import json

import altair as alt
import numpy as np

from estimation.bayes import Densities
from estimation.charts._layers import records, layered
from estimation.charts.theme import PALETTE, REFERENCE, legend_columns
from estimation.views.bayes import CoverageView, Path, StepView

#: Colours of the roles shared by the charts (Okabe–Ito).
PRIOR = PALETTE[2]
LIKELIHOOD = PALETTE[1]
POSTERIOR = PALETTE[0]
FINAL = "#999999"
MLE = PALETTE[5]
MAP = PALETTE[3]
MEAN = PALETTE[7]
TRUTH = REFERENCE
BAND = "#9ecae1"
WALD = PALETTE[5]
WILSON = PALETTE[2]
SOLID = [1, 0]

#: Largest number of path points drawn (longer paths are thinned evenly).
MAX_PATH_POINTS = 501


def _legend(labels: list[str], colors: list[str], dashes: list[list[int]] | None = None) -> dict:
    """Colour (and stroke-dash) encodings of ``series`` sharing one legend."""
    legend = alt.Legend(columns=legend_columns(labels), symbolType="stroke", symbolStrokeWidth=3)
    out = {"color": alt.Color("series:N", title=None, scale=alt.Scale(domain=labels, range=colors), legend=legend)}
    if dashes is not None:
        out["strokeDash"] = alt.StrokeDash("series:N", title=None, scale=alt.Scale(domain=labels, range=dashes),
                                           legend=legend)
    return out


def _fold(columns: dict[str, str], value: str) -> tuple[dict, str]:
    """Arguments of a fold of ``columns`` (column → label) into ``series``/``value`` rows."""
    lookup = json.dumps(columns, ensure_ascii=False)
    return {"fold": list(columns), "as_": ["column", value]}, f"{lookup}[datum.column]"


def _densities(
    p: np.ndarray,
    curves: list[tuple[str, np.ndarray, str, list[int]]],
    markers: list[tuple[str, float, str, list[int]]],
    *,
    y_top: float,
    x_title: str,
    y_title: str,
    title: str | None,
) -> alt.LayerChart:
    """Density curves on [0, 1] (clipped at ``y_top``) with vertical marker rules.

    ``curves`` and ``markers`` hold ``(label, values or x, colour, dash)``. Each
    marker also gets a point at its own height near the top, so markers at the
    same x (MAP = MLE under a uniform prior) stay distinguishable.
    """
    columns = {f"c{i}": label for i, (label, _, _, _) in enumerate(curves)}
    rows = records(
        {"p": p, **{c: v for c, (_, v, _, _) in zip(columns, curves)}},
        # marker rows: no string column (strings are costly to ship), the label is looked up by index m
        {"p": [x for _, x, _, _ in markers], "h": y_top * (0.96 - 0.07 * np.arange(len(markers))),
         "m": np.arange(len(markers))},
    )
    labels = [c[0] for c in curves] + [m[0] for m in markers]
    enc = _legend(labels, [c[2] for c in curves] + [m[2] for m in markers],
                  [c[3] for c in curves] + [m[3] for m in markers])
    x = alt.X("p:Q", title=x_title, scale=alt.Scale(domain=[0.0, 1.0], nice=False))
    y = alt.Y("density:Q", title=y_title, scale=alt.Scale(domain=[0.0, y_top], nice=False))
    fold, series = _fold(columns, "density")
    lines = alt.Chart().transform_filter("isValid(datum.c0)").transform_fold(**fold).transform_calculate(
        series=series
    ).mark_line(strokeWidth=3, clip=True).encode(
        x=x, y=y, **enc,
        tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("p:Q", format=".4f"),
                 alt.Tooltip("density:Q", format=".4g")],
    )
    marker_labels = json.dumps([m[0] for m in markers], ensure_ascii=False)
    picked = alt.Chart().transform_filter("isValid(datum.h)").transform_calculate(
        series=f"{marker_labels}[datum.m]")
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("p:Q", format=".6g")]
    rules = picked.mark_rule(strokeWidth=2).encode(x=x, tooltip=tooltip, **enc)
    points = picked.mark_point(filled=True, size=110, opacity=1).encode(
        x=x, y=alt.Y("h:Q"), color=enc["color"], tooltip=tooltip)
    return layered(lines, rules, points, rows=rows, title=title)


def posterior_chart(
    curves: Densities,
    y_top: float,
    markers: dict[str, float | None],
    *,
    prior_label: str,
    likelihood_label: str,
    posterior_label: str,
    x_title: str,
    y_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Prior, normalised likelihood and posterior densities with estimates marked.

    ``markers`` maps a legend label to a value of p, in the order MLE, MAP,
    posterior mean, true p (a later one may be left out; None is not drawn).
    """
    styles = [(MLE, [6, 4]), (MAP, [2, 3]), (MEAN, SOLID), (TRUTH, [1, 3])]
    marks = [(label, x, *styles[i]) for i, (label, x) in enumerate(markers.items()) if x is not None]
    return _densities(
        curves.p,
        [(prior_label, curves.prior, PRIOR, [8, 4]), (likelihood_label, curves.likelihood, LIKELIHOOD, SOLID),
         (posterior_label, curves.posterior, POSTERIOR, SOLID)],
        marks, y_top=y_top, x_title=x_title, y_title=y_title, title=title,
    )


def step_chart(
    step: StepView,
    *,
    prior_label: str,
    posterior_label: str,
    final_label: str,
    mean_label: str,
    x_title: str,
    y_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """The posterior after t observations against the prior and the final posterior; its mean marked."""
    return _densities(
        step.p,
        [(prior_label, step.prior, PRIOR, [8, 4]), (final_label, step.final, FINAL, [3, 3]),
         (posterior_label, step.posterior, POSTERIOR, SOLID)],
        [(mean_label, step.mean, MEAN, SOLID)],
        y_top=step.y_top, x_title=x_title, y_title=y_title, title=title,
    )


def path_chart(
    path: Path,
    t: int,
    truth: float | None,
    *,
    mean_label: str,
    band_label: str,
    mle_label: str,
    step_label: str,
    truth_label: str,
    x_title: str,
    y_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Posterior mean with its credible band and the MLE k_t/t (t >= 1) against t; the step t marked.

    ``truth`` (the true p of simulated data) is drawn as a horizontal rule
    when given. Paths longer than :data:`MAX_PATH_POINTS` are thinned evenly.
    """
    idx = np.arange(path.t.size)
    if idx.size > MAX_PATH_POINTS:
        idx = np.unique(np.linspace(0, idx.size - 1, MAX_PATH_POINTS).round().astype(int))
    # The MLE k_t/t is undefined at t = 0 (NaN in the path): the rows carry the finite count k_t and the MLE
    # layer computes k_t/t for t >= 1 only, so no NaN (nor a null, once Streamlit makes a table) reaches the chart.
    rows = records({"t": path.t[idx], "mean": path.mean[idx], "lo": path.lo[idx], "hi": path.hi[idx],
                    "k": path.successes[idx]})
    labels = [mean_label, band_label, mle_label, step_label] + ([truth_label] if truth is not None else [])
    color = _legend(labels, [POSTERIOR, BAND, MLE, MEAN, TRUTH][: len(labels)])["color"]
    x = alt.X("t:Q", title=x_title, scale=alt.Scale(nice=False), axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("mean:Q", title=y_title, scale=alt.Scale(domain=[0.0, 1.0]))

    def layer(label: str) -> alt.Chart:
        return alt.Chart().transform_calculate(series=json.dumps(label, ensure_ascii=False)).encode(color=color)

    band = layer(band_label).mark_area(opacity=0.6).encode(x=x, y=alt.Y("lo:Q", title=y_title), y2=alt.Y2("hi:Q"))
    mean = layer(mean_label).mark_line(strokeWidth=2.5).encode(
        x=x, y=y, tooltip=[alt.Tooltip("t:Q"), alt.Tooltip("mean:Q", format=".4f"), alt.Tooltip("lo:Q", format=".4f"),
                           alt.Tooltip("hi:Q", format=".4f")])
    mle = layer(mle_label).transform_filter("datum.t > 0").transform_calculate(mle="datum.k / datum.t").mark_point(filled=True, size=30, opacity=0.8).encode(
        x=x, y=alt.Y("mle:Q"), tooltip=[alt.Tooltip("t:Q"), alt.Tooltip("mle:Q", format=".4f")])
    first = alt.FieldEqualPredicate(field="t", equal=int(path.t[0]))  # one row: one rule
    step = layer(step_label).transform_filter(first).mark_rule(strokeWidth=2).encode(x=alt.XDatum(t))
    layers = [band, mean, mle, step]
    if truth is not None:
        layers.append(layer(truth_label).transform_filter(first).mark_rule(strokeDash=[1, 3], strokeWidth=2).encode(
            y=alt.YDatum(truth)))
    return layered(*layers, rows=rows, title=title)


def coverage_chart(
    summary: CoverageView,
    level: float,
    *,
    labels: dict[str, str],
    mc_label: str,
    nominal_label: str,
    x_title: str,
    y_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Exact coverage of each interval recipe against the true p, Monte Carlo dots, nominal level.

    ``labels`` maps methods of the summary (``"equal_tailed"``, ``"wald"``,
    ``"wilson"``) to their legend labels.
    """
    exact, mc = summary.exact, summary.monte_carlo
    rows = records(  # mc: 0 for the exact curves, 1 for the Monte Carlo dots (no string column)
        {"p": exact.p, "mc": 0, **{m: exact.coverage[m] for m in labels}},
        {"p": mc.p, "mc": 1, **{m: mc.coverage[m] for m in labels}},
    )
    palette = {"equal_tailed": POSTERIOR, "wald": WALD, "wilson": WILSON}
    domain = list(labels.values()) + [nominal_label]
    color = _legend(domain, [palette[m] for m in labels] + [REFERENCE])["color"]
    x = alt.X("p:Q", title=x_title, scale=alt.Scale(domain=[0.0, 1.0], nice=False))
    y = alt.Y("coverage:Q", title=y_title, scale=alt.Scale(domain=[0.0, 1.0]))
    fold, series = _fold(dict(labels), "coverage")
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("p:Q", format=".3f"),
               alt.Tooltip("coverage:Q", format=".4f")]

    def folded(is_mc: int) -> alt.Chart:
        return alt.Chart().transform_filter(alt.FieldEqualPredicate(field="mc", equal=is_mc)).transform_fold(
            **fold).transform_calculate(series=series)

    lines = folded(0).mark_line(strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    dots = folded(1).transform_calculate(check=json.dumps(mc_label, ensure_ascii=False)).mark_point(
        size=45, opacity=0.9, strokeWidth=1.5
    ).encode(
        x=x, y=y, color=color, tooltip=tooltip,
        shape=alt.Shape("check:N", title=None, scale=alt.Scale(domain=[mc_label], range=["circle"])),
    )
    first = alt.FieldEqualPredicate(field="p", equal=float(exact.p[0]))  # one row: one rule
    nominal = alt.Chart().transform_filter(first).transform_calculate(
        series=json.dumps(nominal_label, ensure_ascii=False)
    ).mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(y=alt.YDatum(level), color=color)
    return layered(lines, nominal, dots, rows=rows, title=title)
