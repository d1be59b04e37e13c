"""Charts of the Likelihood page.

Every builder takes a view of :mod:`estimation.views.likelihood`
(a :class:`~estimation.views.likelihood.ParamView`, …) and only reshapes it: one
top-level dataset of plain records per chart
(:func:`~estimation.charts._layers.layered`), shared by the layers, each layer
picking its rows by a ``series`` column whose values are the legend labels.

Scales, axes and legends are plain Vega-Lite dicts rather than ``alt.Scale``/
``alt.Axis``/``alt.Legend``: altair deep-copies every layer's objects, unset
fields included, each time the layered chart is copied.
"""

from __future__ import annotations

import json

import altair as alt
import numpy as np

from estimation.charts._layers import layered, records
from estimation.charts.theme import EXACT, HEIGHT, OBSERVED, PALETTE, REFERENCE, legend_columns
from estimation.views.likelihood import SHARP_DROP, GaussianSurface, NaiveView, ParamView

#: Colours of the roles shared by several charts.
CURVE = OBSERVED
MLE = EXACT
TRUTH = REFERENCE
TANGENT = PALETTE[2]
QUAD = PALETTE[5]
WALD = PALETTE[1]
LR = PALETTE[2]
CONTOUR = PALETTE[1]
SLICE = PALETTE[3]


def _color(labels: list[str], colors: list[str]) -> alt.Color:
    """Colour by ``series`` with a legend listing ``labels`` (in as many columns as fit a phone)."""
    return alt.Color("series:N", title=None, scale={"domain": labels, "range": colors},
                     legend={"columns": legend_columns(labels)})


def _is(label: str):
    return alt.FieldEqualPredicate(field="series", equal=label)


def _markers(view: ParamView, y_hat: float, y_truth: float | None, mle_label: str, truth_label: str) -> list[dict]:
    """Table parts of the θ̂ and θ₀ markers (a non-finite height is left out: the rule stays, the point goes)."""
    points = [(view.theta_hat, y_hat, mle_label)]
    if view.truth is not None:
        points.append((view.truth, y_truth, truth_label))
    return [{"theta": theta, "series": label, **({"y": y} if np.isfinite(y) else {})} for theta, y, label in points]


def _marker_layers(x: alt.X, y: alt.Y, color: alt.Color, labels: list[str]) -> list[alt.Chart]:
    """Full-height dashed rules and filled points at θ̂ and θ₀."""
    picked = alt.Chart().transform_filter(alt.FieldOneOfPredicate(field="series", oneOf=labels))
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("theta:Q", format=".6g"),
               alt.Tooltip("y:Q", format=".6g")]
    return [
        picked.mark_rule(strokeDash=[6, 4], strokeWidth=1.5).encode(x=x, color=color),
        picked.mark_point(filled=True, size=110, opacity=1).encode(x=x, y=y, color=color, tooltip=tooltip),
    ]


def likelihood_chart(
    view: ParamView,
    *,
    x_title: str,
    y_title: str,
    curve_label: str,
    mle_label: str,
    truth_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """L(θ) (in units of 10^lik_exponent) over the view's window, θ̂ and θ₀ marked."""
    scale = np.log(10.0) * view.lik_exponent
    y_truth = None if view.truth is None else float(np.exp(view.loglik_truth - scale))
    data = records(
        {"theta": view.theta, "y": view.lik, "series": curve_label},
        *_markers(view, float(np.exp(view.loglik_hat - scale)), y_truth, mle_label, truth_label),
    )
    labels = [curve_label, mle_label] + ([truth_label] if view.truth is not None else [])
    color = _color(labels, [CURVE, MLE, TRUTH][: len(labels)])
    x = alt.X("theta:Q", title=x_title, scale={"domain": list(view.window), "nice": False})
    y = alt.Y("y:Q", title=y_title)
    line = alt.Chart().transform_filter(_is(curve_label)).mark_line(strokeWidth=3).encode(
        x=x, y=y, color=color, tooltip=[alt.Tooltip("theta:Q", format=".6g"), alt.Tooltip("y:Q", format=".6g")]
    )
    return layered(line, *_marker_layers(x, y, color, labels[1:]), rows=data, title=title)


def loglik_chart(
    view: ParamView,
    *,
    x_title: str,
    y_title: str,
    curve_label: str,
    mle_label: str,
    truth_label: str,
    tangent_label: str | None = None,
    title: str | None = None,
    height: int = HEIGHT,
) -> alt.LayerChart:
    """ℓ(θ) over the view's window (down to ``view.floor``), θ̂ and θ₀ marked.

    With ``tangent_label``, short tangent segments at θ̂ and θ₀ show the score
    as a slope: flat at an interior MLE.
    """
    keep = np.isfinite(view.loglik) & (view.loglik >= view.floor)
    parts = [
        {"theta": view.theta[keep], "y": view.loglik[keep], "series": curve_label},
        *_markers(view, view.loglik_hat, view.loglik_truth, mle_label, truth_label),
    ]
    labels = [curve_label, mle_label] + ([truth_label] if view.truth is not None else [])
    colors = [CURVE, MLE, TRUTH][: len(labels)]
    segments = [s for s in (view.tangent_hat, view.tangent_truth) if s is not None] if tangent_label else []
    for i, (a, b, ya, yb) in enumerate(segments):
        parts.append({"theta": [a, b], "y": [ya, yb], "series": tangent_label, "segment": i})
    if segments:
        labels.append(tangent_label)
        colors.append(TANGENT)
    color = _color(labels, colors)
    x = alt.X("theta:Q", title=x_title, scale={"domain": list(view.window), "nice": False})
    y = alt.Y("y:Q", title=y_title, scale={"zero": False})
    layers = [alt.Chart().transform_filter(_is(curve_label)).mark_line(strokeWidth=3).encode(
        x=x, y=y, color=color, tooltip=[alt.Tooltip("theta:Q", format=".6g"), alt.Tooltip("y:Q", format=".6g")]
    )]
    if segments:
        layers.append(alt.Chart().transform_filter(_is(tangent_label)).mark_line(strokeWidth=2.5).encode(
            x=x, y=y, color=color, detail=alt.Detail("segment:N")
        ))
    layers += _marker_layers(x, y, color, [mle_label] + ([truth_label] if view.truth is not None else []))
    return layered(*layers, rows=records(*parts), title=title, height=height)


def surface_chart(
    surface: GaussianSurface,
    mle: tuple[float, float],
    truth: tuple[float, float],
    *,
    x_title: str,
    y_title: str,
    color_title: str,
    contour_label: str,
    slice_label: str,
    mle_label: str,
    truth_label: str,
    title: str | None = None,
    height: int = 440,
) -> alt.LayerChart:
    """Heatmap of ℓ − ℓ̂ over (μ, σ²) with contour lines, slices through the MLE, θ̂ and θ₀.

    The heatmap draws ``surface``'s coarse cells (≤ 70 × 70 rectangles), filled
    by ℓ − ℓ̂ clamped at ``surface.floor`` (its own ``fill`` scale and gradient
    legend, so the lines and markers keep the categorical ``color`` legend);
    the contour lines come from the full grid.
    """
    dx = float(surface.cell_mu_hi[0] - surface.cell_mu_lo[0])
    dy = float(surface.cell_sigma2_hi[0] - surface.cell_sigma2_lo[0])
    c = surface.contours
    data = records(
        {"x": surface.cell_mu_lo, "y": surface.cell_sigma2_lo, "rel": surface.cell_rel, "series": "cell"},
        {"x": c["x"], "y": c["y"], "rel": c["level"], "line": c["line"], "order": c["order"],
         "series": contour_label},
        {"x": [mle[0], truth[0]], "y": [mle[1], truth[1]], "series": [mle_label, truth_label]},
    )
    x = alt.X("x:Q", title=x_title,
              scale={"domain": [float(surface.mu[0]), float(surface.mu[-1])], "nice": False})
    y = alt.Y("y:Q", title=y_title,
              scale={"domain": [float(surface.sigma2[0]), float(surface.sigma2[-1])], "nice": False})
    labels = [contour_label, slice_label, mle_label, truth_label]
    color = _color(labels, [CONTOUR, SLICE, MLE, TRUTH])
    heat = alt.Chart().transform_filter(_is("cell")).transform_calculate(
        x1=f"datum.x + {1.03 * dx!r}", y1=f"datum.y + {1.03 * dy!r}"  # 3% overlap hides antialiasing seams
    ).mark_rect().encode(
        x=x, x2=alt.X2("x1:Q"), y=y, y2=alt.Y2("y1:Q"),
        fill=alt.Fill("rel:Q", title=color_title,
                        scale={"scheme": "blues", "domain": [surface.floor, 0.0], "clamp": True},
                        legend={"orient": "right", "gradientLength": 220}),
        tooltip=[alt.Tooltip("x:Q", format=".5g"), alt.Tooltip("y:Q", format=".5g"),
                 alt.Tooltip("rel:Q", format=".3f")],
    )
    contours = alt.Chart().transform_filter(_is(contour_label)).mark_line(strokeWidth=2).encode(
        x=x, y=y, color=color, detail=alt.Detail("line:N"), order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("rel:Q", format=".2f")],
    )
    # Slice lines: one row each (a datum-only layer would draw one rule per data row).
    slices = alt.Chart().transform_filter(_is(mle_label)).transform_calculate(series=json.dumps(slice_label))
    v_slice = slices.mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(x=x, color=color)
    h_slice = slices.mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(y=y, color=color)
    points = alt.Chart().transform_filter(
        alt.FieldOneOfPredicate(field="series", oneOf=[mle_label, truth_label])
    ).mark_point(filled=True, size=150, opacity=1, stroke="#ffffff", strokeWidth=1).encode(
        x=x, y=y, color=color,
        tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("x:Q", format=".6g"),
                 alt.Tooltip("y:Q", format=".6g")],
    )
    return layered(heat, contours, v_slice, h_slice, points, rows=data, title=title, height=height)


def naive_chart(
    naive: NaiveView,
    *,
    x_title: str,
    y_title: str,
    product_label: str,
    loglik_label: str,
    failure_label: str,
    limit_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """log₁₀ of the float64 product Π f(x_i) and ℓ/ln 10 against n (log axis).

    The product's line stops where it under- or overflows; that n is marked,
    with the float64 limit it crossed. The y axis is symmetric-log (ticks at
    0, ±1, ±10, ±100, …), so the limit near ±300 and ℓ/ln 10 at n = 10⁶ are
    both readable.
    """
    finite = np.isfinite(naive.log10_product)
    parts = [
        {"n": naive.n[finite], "y": naive.log10_product[finite], "series": product_label},
        {"n": naive.n, "y": naive.log10_lik, "series": loglik_label},
    ]
    labels, colors = [loglik_label, product_label], [CURVE, QUAD]
    if naive.failure_n is not None:
        parts.append({"n": naive.failure_n, "y": naive.limit_log10, "series": failure_label})
        labels += [failure_label, limit_label]
        colors += [REFERENCE, PALETTE[1]]
    color = _color(labels, colors)
    x = alt.X("n:Q", title=x_title, scale={"type": "log"}, axis={"format": "~s"})
    # symlog keeps the float64 limit (±300) and ℓ/ln 10 at N = 10⁶ (−10⁵ or so) on one readable axis
    limit = [naive.limit_log10] if naive.failure_n is not None else []
    shown = np.concatenate([naive.log10_lik, naive.log10_product[finite], limit, [0.0]])
    lowest, highest = float(shown.min()), float(shown.max())
    decades = 10.0 ** np.arange(0, 308)  # 1 … 1e307: |ℓ/ln 10| stays far below 1e307
    ticks = sorted([*-decades[decades <= -lowest], 0.0, *decades[decades <= highest]])
    y = alt.Y("y:Q", title=y_title, scale={"type": "symlog", "domain": [lowest, highest]},
              axis={"values": ticks, "format": ",.0f"})
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("n:Q", format=","), alt.Tooltip("y:Q", format=".4f")]
    # The product is drawn wide and pale underneath: where it is still exact it coincides with ℓ/ln 10.
    layers = [
        alt.Chart().transform_filter(_is(product_label)).mark_line(strokeWidth=7, opacity=0.55).encode(
            x=x, y=y, color=color, tooltip=tooltip),
        alt.Chart().transform_filter(_is(loglik_label)).mark_line(strokeWidth=2.5).encode(
            x=x, y=y, color=color, tooltip=tooltip),
    ]
    if naive.failure_n is not None:
        failure = alt.Chart().transform_filter(_is(failure_label))
        layers += [
            failure.mark_rule(strokeWidth=2).encode(x=x, color=color, tooltip=tooltip),
            failure.transform_calculate(series=json.dumps(limit_label)).mark_rule(
                strokeDash=[2, 3], strokeWidth=2).encode(y=y, color=color),
        ]
    return layered(*layers, rows=records(*parts), title=title)


def sharpen_chart(
    view: ParamView,
    labels: list[str],
    *,
    x_title: str,
    y_title: str,
    truth_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """ℓ − ℓ̂ for each sample size in ``view.sharp_sizes`` (``labels`` in the same order), θ₀ marked."""
    if len(labels) != len(view.sharp_sizes):
        raise ValueError(f"labels must name the {len(view.sharp_sizes)} sample sizes, got {len(labels)}")
    names = dict(zip(view.sharp_sizes, labels))
    parts = [{"theta": view.sharp_theta, "y": view.sharp_rel,
              "series": [names[m] for m in view.sharp_size.tolist()]}]
    domain, colors = list(labels), [PALETTE[i % 6] for i in range(len(labels))]
    if view.truth is not None:
        parts.append({"theta": view.truth, "series": truth_label})
        domain.append(truth_label)
        colors.append(TRUTH)
    color = _color(domain, colors)
    x = alt.X("theta:Q", title=x_title, scale={"zero": False})
    y = alt.Y("y:Q", title=y_title, scale={"domain": [-SHARP_DROP, 0.0]})
    curves = alt.Chart().transform_filter(alt.FieldOneOfPredicate(field="series", oneOf=list(labels))).mark_line(
        strokeWidth=2.5, clip=True
    ).encode(x=x, y=y, color=color, tooltip=[alt.Tooltip("series:N", title=" "),
                                             alt.Tooltip("theta:Q", format=".6g"), alt.Tooltip("y:Q", format=".3f")])
    layers = [curves]
    if view.truth is not None:
        layers.append(alt.Chart().transform_filter(_is(truth_label)).mark_rule(
            strokeDash=[6, 4], strokeWidth=1.5).encode(x=x, color=color))
    return layered(*layers, rows=records(*parts), title=title)


def quadratic_chart(
    view: ParamView,
    *,
    x_title: str,
    y_title: str,
    curve_label: str,
    quad_label: str,
    wald_label: str,
    lr_label: str,
    threshold_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """ℓ − ℓ̂ and its quadratic approximation, with the Wald and likelihood-ratio intervals.

    The horizontal line is ℓ̂ − χ²₁(level)/2, labelled in place by
    ``threshold_label`` (a fifth legend row would squeeze the plot): the
    likelihood-ratio interval is where the curve crosses it, the Wald interval
    where the parabola does.
    """
    rel_ok, q_ok = np.isfinite(view.quad_rel), np.isfinite(view.quad_q)
    cut = -SHARP_DROP
    data = records(
        {"theta": view.quad_theta[rel_ok], "y": view.quad_rel[rel_ok], "series": curve_label},
        {"theta": view.quad_theta[q_ok], "y": view.quad_q[q_ok], "series": quad_label},
        {"theta": [*view.wald, *view.lr], "y": -view.lr_drop, "series": [wald_label] * 2 + [lr_label] * 2},
        {"theta": view.quad_theta[0], "y": -view.lr_drop, "series": threshold_label},
    )
    labels = [curve_label, quad_label, lr_label, wald_label]
    color = _color(labels, [CURVE, QUAD, LR, WALD])
    lo, hi = float(view.quad_theta[0]), float(view.quad_theta[-1])
    x = alt.X("theta:Q", title=x_title, scale={"domain": [lo, hi], "nice": False})
    y = alt.Y("y:Q", title=y_title, scale={"domain": [cut, 0.0]})
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("theta:Q", format=".6g"),
               alt.Tooltip("y:Q", format=".3f")]
    curve = alt.Chart().transform_filter(_is(curve_label)).mark_line(strokeWidth=3, clip=True).encode(
        x=x, y=y, color=color, tooltip=tooltip)
    quad = alt.Chart().transform_filter(_is(quad_label)).mark_line(strokeWidth=3, strokeDash=[8, 4], clip=True).encode(
        x=x, y=y, color=color, tooltip=tooltip)
    level = alt.Chart().transform_filter(_is(threshold_label))
    threshold = level.mark_rule(strokeWidth=1.5, color=REFERENCE).encode(y=y)
    # labelled at the left end, where both curves are still far below the line
    threshold_text = level.mark_text(align="left", baseline="bottom", dx=4, dy=-4, fontSize=13,
                                     color=REFERENCE).encode(x=x, y=y, text=alt.Text("series:N"))
    ends = alt.Chart().transform_filter(
        alt.FieldOneOfPredicate(field="series", oneOf=[wald_label, lr_label])
    ).mark_rule(strokeWidth=3, clip=True).encode(x=x, y=y, y2=alt.Y2Datum(cut), color=color, tooltip=tooltip)
    return layered(curve, quad, threshold, threshold_text, ends, rows=data, title=title)
