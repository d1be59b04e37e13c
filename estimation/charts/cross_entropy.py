"""Charts of the Cross-entropy page.

Each chart carries one top-level dataset shared by its layers (a ``kind``
column tells the layers apart), keeps every colour in a legend, and sends at
most about 5,000 rows. Optimizers keep one colour on every chart
(:data:`OPTIMIZER_COLORS`, by registry name).
"""

from __future__ import annotations

import altair as alt
import numpy as np
from scipy import special

from estimation.charts._layers import kind_layer, records, layered
from estimation.charts.theme import HEIGHT, OPTIMIZER_COLORS, PALETTE, REFERENCE, legend_columns, legend_symbols
from estimation.thinning import even_indices
from estimation.losses import log_sigmoid
from estimation.views.cross_entropy import DecisionView, IdentitySection, Landscape

#: Class colours (y = 0, y = 1); the probability shading runs between them.
CLASS_COLORS = (PALETTE[0], PALETTE[1])
#: Most points per curve or path sent to a chart.
MAX_CURVE_POINTS = 500
#: Vertical spread of the 0/1 labels in the one-feature data view.
JITTER = 0.04


def _colors(names) -> list[str]:
    spare = [c for c in PALETTE if c not in OPTIMIZER_COLORS.values()]
    return [OPTIMIZER_COLORS.get(n, spare[i % len(spare)]) for i, n in enumerate(names)]


def _edges(axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Cell edges around evenly spaced grid centres."""
    half = (axis[1] - axis[0]) / 2
    return axis - half, axis + half


#: Shapes and sizes of point markers, drawn from the data (``scale=None``).
_SHAPE = alt.Shape("shape:N", scale=None)
_SIZE = alt.Size("size:Q", scale=None)


# ---------------------------------------------------------------------------
# The identity: per-sample losses against the logit
# ---------------------------------------------------------------------------


def per_sample_loss_chart(
    view: IdentitySection,
    *,
    x_title: str,
    y_title: str,
    pos_label: str,
    neg_label: str,
    mean_label: str,
    model_label: str,
    mle_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """−log σ(z) (y = 1), −log(1 − σ(z)) (y = 0) and the sample's mean BCE against z.

    A dashed rule marks the model's logit ``z = logit(q)`` with its values on
    the three curves; a diamond marks the minimum of the mean at
    ``z = logit(k/N)`` (absent when k = 0 or k = N: the minimum is at ±∞).
    """
    ident = view.identity
    parts = [
        {"kind": "curve", "z": view.z, "loss": loss, "series": label, "width": width}
        for loss, label, width in ((view.loss_pos, pos_label, 2.5), (view.loss_neg, neg_label, 2.5),
                                   (view.loss_mean, mean_label, 4.0))
    ]
    parts.append({"kind": "rule", "z": ident.z_q, "series": model_label})
    parts.append({"kind": "point", "z": np.full(3, ident.z_q), "series": np.array([pos_label, neg_label, mean_label]),
                  "loss": np.array([-log_sigmoid(ident.z_q), -log_sigmoid(-ident.z_q), ident.nll_mean]),
                  "shape": "circle", "size": 90.0})
    domain = [pos_label, neg_label, mean_label, model_label]
    colors = [CLASS_COLORS[1], CLASS_COLORS[0], "#000000", REFERENCE]
    if 0 < ident.k < ident.n:  # otherwise the minimum is at z = ±∞: no point, no legend entry
        parts.append({"kind": "point", "z": float(special.logit(ident.q_hat)), "loss": ident.nll_mean_at_mle,
                      "series": mle_label, "shape": "diamond", "size": 170.0})
        domain.append(mle_label)
        colors.append(PALETTE[5])
    # curves as lines, the model's q as its dashed rule, the minimum as its diamond
    symbols = legend_symbols({model_label: "dashed", mle_label: "diamond"}, default="line")
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain), **symbols),
                      scale=alt.Scale(domain=domain, range=colors))
    x = alt.X("z:Q", title=x_title)
    y = alt.Y("loss:Q", title=y_title)
    tooltip = [alt.Tooltip("series:N"), alt.Tooltip("z:Q", format=".3f"), alt.Tooltip("loss:Q", format=".4f")]
    layers = [
        kind_layer("curve").mark_line().encode(x=x, y=y, color=color, strokeWidth=alt.StrokeWidth("width:Q", scale=None),
                                          tooltip=tooltip),
        kind_layer("rule").mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(x=x, color=color),
        kind_layer("point").mark_point(filled=True, opacity=1).encode(x=x, y=y, color=color, shape=_SHAPE, size=_SIZE,
                                                                 tooltip=tooltip),
    ]
    return layered(*layers, rows=records(*parts), title=title)


# ---------------------------------------------------------------------------
# Training: loss per epoch, and ‖w‖ per epoch
# ---------------------------------------------------------------------------


def loss_curves_chart(
    objectives: dict[str, np.ndarray],
    reference: float,
    *,
    log_y: bool,
    x_title: str,
    y_title: str,
    reference_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """The objective per epoch of every run, with the optimum's value as a dashed rule.

    ``objectives`` maps a run's name to ``FitResult.objective`` (epoch 0 is
    the start: log 2 from zero weights). The y axis stops at 1.1 × the largest
    starting loss, so a run that blows up leaves the chart at the top instead
    of squashing the others; on a log axis values are floored at the
    smallest positive double.
    """
    names = list(objectives)
    floor = np.finfo(np.float64).tiny if log_y else -np.inf
    parts = []
    for name, values in objectives.items():
        keep = even_indices(len(values), MAX_CURVE_POINTS)
        loss = np.maximum(np.asarray(values)[keep], floor)
        parts.append({"kind": "run", "series": name, "epoch": keep, "loss": loss})
    parts.append({"kind": "reference", "series": reference_label, "loss": max(reference, floor)})
    top = 1.1 * max(float(values[0]) for values in objectives.values())
    domain = names + [reference_label]
    symbols = legend_symbols({reference_label: "dashed"}, default="line")  # the optimum's rule dashed, as drawn
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain), **symbols),
                      scale=alt.Scale(domain=domain, range=_colors(names) + [REFERENCE]))
    scale = alt.Scale(type="log", domainMax=top) if log_y else alt.Scale(zero=False, domainMax=top)
    y = alt.Y("loss:Q", title=y_title, scale=scale, axis=alt.Axis(format="~g"))
    layers = [
        kind_layer("reference").mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(y=y, color=color),
        kind_layer("run").mark_line(strokeWidth=2.5, clip=True).encode(
            x=alt.X("epoch:Q", title=x_title), y=y, color=color,
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("epoch:Q"), alt.Tooltip("loss:Q", format=".6g")]),
    ]
    return layered(*layers, rows=records(*parts), title=title)


def weight_norm_chart(
    norms: dict[str, np.ndarray],
    *,
    x_title: str,
    y_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """‖w‖ per epoch of labelled runs (e.g. λ = 0 against λ > 0 on separable data)."""
    labels = list(norms)
    parts = []
    for label, values in norms.items():
        keep = even_indices(len(values), MAX_CURVE_POINTS)
        parts.append({"series": label, "epoch": keep, "norm": np.asarray(values)[keep]})
    color = alt.Color("series:N", title=None, sort=labels, scale=alt.Scale(
        domain=labels, range=[PALETTE[5], PALETTE[0], PALETTE[2], PALETTE[3]][: len(labels)]))
    line = alt.Chart().mark_line(strokeWidth=3).encode(
        x=alt.X("epoch:Q", title=x_title), y=alt.Y("norm:Q", title=y_title), color=color,
        tooltip=[alt.Tooltip("series:N"), alt.Tooltip("epoch:Q"), alt.Tooltip("norm:Q", format=".4g")])
    return layered(line, rows=records(*parts), title=title)


# ---------------------------------------------------------------------------
# Loss landscape with the training paths
# ---------------------------------------------------------------------------


def loss_landscape_chart(
    landscape: Landscape,
    *,
    x_title: str,
    y_title: str,
    start_label: str,
    optimum_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Contours of the objective (grey) with each run's path, its end, the start and the optimum.

    The axes are fixed to the grid and everything is clipped to it: a
    diverging run leaves the picture.
    """
    names = list(landscape.paths)
    contours = landscape.contours
    parts = [{"kind": "contour", "x": contours["x"], "y": contours["y"], "line": contours["line"],
              "order": contours["order"], "level": contours["level"]}]
    for name, path in landscape.paths.items():
        parts.append({"kind": "path", "series": name, "x": path[:, 0], "y": path[:, 1],
                      "order": np.arange(len(path))})
        parts.append({"kind": "point", "series": name, "x": path[-1, 0], "y": path[-1, 1],
                      "shape": "circle", "size": 90.0})
    parts.append({"kind": "point", "series": start_label, "x": 0.0, "y": 0.0, "shape": "circle", "size": 150.0})
    extra = [start_label]
    if landscape.optimum is not None:
        parts.append({"kind": "point", "series": optimum_label, "x": landscape.optimum[0],
                      "y": landscape.optimum[1], "shape": "cross", "size": 260.0})
        extra.append(optimum_label)
    domain = names + extra
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain)),
                      scale=alt.Scale(domain=domain, range=_colors(names) + ["#777777", REFERENCE][: len(extra)]))
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(
        domain=[float(landscape.axis0[0]), float(landscape.axis0[-1])], nice=False, zero=False))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(
        domain=[float(landscape.axis1[0]), float(landscape.axis1[-1])], nice=False, zero=False))
    xy_tooltip = [alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".4g"), alt.Tooltip("y:Q", format=".4g")]
    layers = [
        kind_layer("contour").mark_line(color="#9a9a9a", strokeWidth=1, clip=True).encode(
            x=x, y=y, detail=alt.Detail("line:N"), order=alt.Order("order:Q"),
            tooltip=[alt.Tooltip("level:Q", format=".4g")]),
        kind_layer("path").mark_line(strokeWidth=2.5, clip=True).encode(x=x, y=y, color=color, order=alt.Order("order:Q")),
        kind_layer("point").mark_point(filled=True, opacity=1, clip=True).encode(
            x=x, y=y, color=color, shape=_SHAPE, size=_SIZE, tooltip=xy_tooltip),
    ]
    return layered(*layers, rows=records(*parts), title=title, height=HEIGHT + 80)


# ---------------------------------------------------------------------------
# Data view: the samples, P(y = 1 | x) and the decision boundary
# ---------------------------------------------------------------------------


def _line_parts(lines: dict, series: str, first_id: int) -> dict:
    """Boundary lines of :class:`DecisionView` as table columns with ids from ``first_id``."""
    return {"kind": "line", "series": series, "x": lines["x"], "y": lines["y"],
            "line": lines["line"] + first_id, "order": lines["order"]}


def data_view_chart(
    view: DecisionView,
    *,
    x_title: str,
    y_title: str,
    class_labels: tuple[str, str],
    model_label: str,
    reference_label: str,
    prob_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Samples coloured by class over the model's P(y = 1 | x), with the decision boundaries.

    Two features: a grid of cells shaded by P(y = 1 | x) under the points,
    the model's boundary (solid) and the optimum's (dashed). One feature: the
    points at y = 0/1 (spread by ±``JITTER`` so they do not hide each other),
    a strip shaded by P(y = 1 | x), both sigmoid curves and both boundaries
    as vertical segments (``y_title`` then names the probability axis).
    """
    left, right = _edges(view.axis0)
    series = np.where(view.y == 1, class_labels[1], class_labels[0])
    if view.axis1 is None:  # labels 0/1, spread vertically by ±JITTER (golden-ratio sequence: deterministic)
        height = view.y + JITTER * (2 * ((np.arange(view.y.size) * 0.6180339887498949) % 1.0) - 1)
        parts = [{"kind": "cell", "x": left, "x2": right, "y": 0.0, "y2": 1.0, "p": view.prob},
                 {"kind": "line", "series": model_label, "x": view.axis0, "y": view.prob, "line": 0,
                  "order": np.arange(view.axis0.size)},
                 {"kind": "line", "series": reference_label, "x": view.axis0, "y": view.prob_reference, "line": 1,
                  "order": np.arange(view.axis0.size)}]
        y_domain = [-2 * JITTER, 1 + 2 * JITTER]
    else:
        height = view.X[:, 1]
        bottom, top = _edges(view.axis1)
        parts = [{"kind": "cell", "x": np.tile(left, bottom.size), "x2": np.tile(right, bottom.size),
                  "y": np.repeat(bottom, left.size), "y2": np.repeat(top, left.size), "p": view.prob.ravel()}]
        y_domain = [float(bottom[0]), float(top[-1])]
    first = len(parts) + 1
    parts.append(_line_parts(view.boundary, model_label, first))
    parts.append(_line_parts(view.reference_boundary, reference_label,
                             first + 1 + int(view.boundary["line"].max(initial=0))))
    parts.append({"kind": "point", "series": series, "x": view.X[:, 0], "y": height})
    domain = [*class_labels, model_label, reference_label]
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain)),
                      scale=alt.Scale(domain=domain, range=[*CLASS_COLORS, "#000000", REFERENCE]))
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[float(left[0]), float(right[-1])], nice=False, zero=False))
    y = alt.Y("y:Q", title=y_title, scale=alt.Scale(domain=y_domain, nice=False, zero=False))
    fill = alt.Fill("p:Q", title=prob_title, scale=alt.Scale(scheme="blueorange", domain=[0.0, 1.0]),
                    legend=alt.Legend(orient="right", gradientLength=160))
    dash = alt.StrokeDash("series:N", legend=None, scale=alt.Scale(
        domain=[model_label, reference_label], range=[[1, 0], [7, 5]]))
    layers = [
        kind_layer("cell").mark_rect(opacity=0.45).encode(x=x, x2=alt.X2("x2:Q"), y=y, y2=alt.Y2("y2:Q"), fill=fill),
        kind_layer("point").mark_point(filled=True, size=40, opacity=0.85, stroke="white", strokeWidth=0.5).encode(
            x=x, y=y, color=color,
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("x:Q", format=".4g"), alt.Tooltip("y:Q", format=".4g")]),
        kind_layer("line").mark_line(strokeWidth=2.5, clip=True).encode(
            x=x, y=y, color=color, strokeDash=dash, detail=alt.Detail("line:N"), order=alt.Order("order:Q")),
    ]
    return layered(*layers, rows=records(*parts), title=title, height=HEIGHT + 80)
