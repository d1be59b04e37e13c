"""Softmax page charts: entropy + KL = cross-entropy, decision regions, probability surfaces,
loss curves, softmax at a temperature and calibration.

Every builder takes a view result from :mod:`estimation.views.softmax` (or
its parts) and translated labels, and returns one chart over one dataset of
plain records (:func:`~estimation.charts._layers.layered`).
"""

from __future__ import annotations

import altair as alt
import numpy as np

from estimation.charts._layers import kind_layer, layered, records
from estimation.charts.theme import HEIGHT, PALETTE, REFERENCE, finish, legend_columns, legend_symbols

__all__ = [
    "class_colors",
    "entropy_curve_chart",
    "entropy_bars_chart",
    "decision_regions_chart",
    "probability_surfaces_chart",
    "loss_curve_chart",
    "softmax_bars_chart",
    "calibration_chart",
    "temperature_nll_chart",
]

#: Colours of the decomposition's parts: entropy (blue), KL (vermillion), cross-entropy (black).
ENTROPY_COLOR, KL_COLOR, CROSS_COLOR = PALETTE[0], PALETTE[5], "#000000"
#: Colours of the classes (K ≤ 10): Okabe–Ito first, then two greys.
#: The fifth is black (grey regions), so that up to five classes never pair blue with sky blue
#: or orange with vermillion.
_CLASS_RANGE = (*PALETTE[:4], PALETTE[7], PALETTE[4], PALETTE[5], "#999999", "#663399", "#8B4513")


def class_colors(k: int) -> list[str]:
    """One colour per class, the same in every chart of the page."""
    return list(_CLASS_RANGE[:k])


def _edges(axis: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    half = (axis[1] - axis[0]) / 2
    return axis - half, axis + half


def _cells(axis0: np.ndarray, axis1: np.ndarray) -> dict:
    """Cell rectangles of a grid (row-major over axis1, then axis0) as columns."""
    left, right = _edges(axis0)
    bottom, top = _edges(axis1)
    return {"x": np.tile(left, axis1.size), "x2": np.tile(right, axis1.size),
            "y": np.repeat(bottom, axis0.size), "y2": np.repeat(top, axis0.size)}


# ---------------------------------------------------------------------------
# Entropy + KL = cross-entropy
# ---------------------------------------------------------------------------


def entropy_curve_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    entropy_label: str,
    kl_label: str,
    cross_label: str,
    mle_label: str,
    model_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """H(p̂, q) over q as H(p̂) (lower band) plus KL(p̂‖q) (upper band), the MLE q = p̂ and the chosen q.

    ``view`` is an :class:`~estimation.views.softmax.EntropyView`. The
    bands are drawn with explicit y/y2 (no stacking transform), so the top
    of the KL band *is* the cross-entropy curve.
    """
    h = view.entropy
    at_cross = view.at_q[0]
    parts = [
        {"kind": "band", "part": entropy_label, "q": view.q_grid, "lo": 0.0, "hi": h},
        {"kind": "band", "part": kl_label, "q": view.q_grid, "lo": h, "hi": h + view.kl},
        {"kind": "line", "part": cross_label, "q": view.q_grid, "hi": view.cross},
        {"kind": "mle", "part": mle_label, "q": view.p_hat, "lo": 0.0, "hi": float(h[0])},
        {"kind": "model", "part": model_label, "q": view.q, "hi": at_cross},
    ]
    top = float(min(view.cross.max(), 2.5 * max(at_cross, float(h[0]) + 0.1, 0.3)))
    domain = [entropy_label, kl_label, cross_label, mle_label, model_label]
    symbols = legend_symbols({entropy_label: "area", kl_label: "area", cross_label: "line", mle_label: "dashed"})
    color = alt.Color("part:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain), **symbols),
                      scale=alt.Scale(domain=domain,
                                      range=[ENTROPY_COLOR, KL_COLOR, CROSS_COLOR, PALETTE[2], PALETTE[1]]))
    x = alt.X("q:Q", title=x_title, scale=alt.Scale(domain=[0.0, 1.0], nice=False),
              axis=alt.Axis(values=[0.0, 0.2, 0.4, 0.6, 0.8, 1.0], format=".1f"))
    y = alt.Y("hi:Q", title=y_title, scale=alt.Scale(domain=[0.0, top], nice=False))
    tips = [alt.Tooltip("part:N"), alt.Tooltip("q:Q", format=".3f"), alt.Tooltip("hi:Q", format=".6g")]
    layers = [
        kind_layer("band").mark_area(opacity=0.55, clip=True).encode(
            x=x, y=alt.Y("lo:Q", title=y_title, scale=alt.Scale(domain=[0.0, top], nice=False)),
            y2=alt.Y2("hi:Q"), color=color),
        kind_layer("line").mark_line(strokeWidth=3, clip=True).encode(x=x, y=y, color=color, tooltip=tips),
        kind_layer("mle").mark_rule(strokeWidth=2.5, strokeDash=[6, 4]).encode(x=x, y=alt.Y("lo:Q"),
                                                                               y2=alt.Y2("hi:Q"), color=color),
        kind_layer("model").mark_point(filled=True, size=180, stroke="black").encode(x=x, y=y, color=color,
                                                                                    tooltip=tips),
    ]
    return layered(*layers, rows=records(*parts), title=title)


def entropy_bars_chart(
    bars: list[dict],
    *,
    model_labels: dict[str, str],
    x_title: str,
    y_title: str,
    entropy_label: str,
    kl_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Stacked bars, one per candidate model q: H(p̂) at the bottom, KL(p̂‖q) on top, the total printed above.

    ``bars`` are :attr:`EntropyView.bars` rows; ``model_labels`` maps their
    ``model`` keys to the axis labels (in the bars' order).
    """
    names = [model_labels[b["model"]] for b in bars]
    parts = []
    for b, name in zip(bars, names):
        parts.append({"kind": "bar", "model": name, "part": entropy_label, "lo": 0.0, "hi": b["entropy"]})
        parts.append({"kind": "bar", "model": name, "part": kl_label, "lo": b["entropy"], "hi": b["cross"]})
        parts.append({"kind": "total", "model": name, "hi": b["cross"], "text": f"{b['cross']:.3f}"})
    color = alt.Color("part:N", title=None, sort=[entropy_label, kl_label], legend=alt.Legend(columns=1),
                      scale=alt.Scale(domain=[entropy_label, kl_label], range=[ENTROPY_COLOR, KL_COLOR]))
    x = alt.X("model:N", title=x_title, sort=names, axis=alt.Axis(labelAngle=-30, labelLimit=160))
    top = 1.15 * max(b["cross"] for b in bars)
    y = alt.Y("hi:Q", title=y_title, scale=alt.Scale(domain=[0.0, top], nice=False))
    layers = [
        kind_layer("bar").mark_bar(opacity=0.8).encode(
            x=x, y=alt.Y("lo:Q", title=y_title, scale=alt.Scale(domain=[0.0, top], nice=False)), y2=alt.Y2("hi:Q"),
            color=color, tooltip=[alt.Tooltip("model:N"), alt.Tooltip("part:N"), alt.Tooltip("hi:Q", format=".6g")]),
        kind_layer("total").mark_text(dy=-10, fontSize=14).encode(x=x, y=y, text=alt.Text("text:N")),
    ]
    return layered(*layers, rows=records(*parts), title=title)


# ---------------------------------------------------------------------------
# Softmax regression
# ---------------------------------------------------------------------------


def decision_regions_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    class_labels: tuple[str, ...],
    class_title: str,
    title: str | None = None,
) -> alt.LayerChart:
    """The data coloured by class over the trained model's decision regions.

    ``view`` is a :class:`~estimation.views.softmax.TrainingView`. Each
    cell is coloured by its argmax class, more opaque where the model is
    surer (max probability); the points have the same colours with a dark
    outline.
    """
    labels = list(class_labels)
    cells = _cells(view.axis0, view.axis1)
    cls = np.asarray(labels, dtype=object)[view.region_class.ravel()]
    conf = view.region_confidence.ravel()
    parts = [
        {"kind": "cell", **cells, "cls": cls.tolist(), "conf": np.round(conf, 4)},
        {"kind": "point", "cls": np.asarray(labels, dtype=object)[view.points_y].tolist(),
         "px": view.points_X[:, 0], "py": view.points_X[:, 1]},
    ]
    color = alt.Color("cls:N", title=class_title, sort=labels,
                      legend=alt.Legend(columns=legend_columns(labels, most=6)),
                      scale=alt.Scale(domain=labels, range=class_colors(len(labels))))
    x_scale = alt.Scale(domain=[float(cells["x"][0]), float(cells["x2"][-1])], nice=False, zero=False)
    y_scale = alt.Scale(domain=[float(cells["y"][0]), float(cells["y2"][-1])], nice=False, zero=False)
    layers = [
        kind_layer("cell").mark_rect().encode(
            x=alt.X("x:Q", title=x_title, scale=x_scale), x2=alt.X2("x2:Q"),
            y=alt.Y("y:Q", title=y_title, scale=y_scale), y2=alt.Y2("y2:Q"), color=color,
            opacity=alt.Opacity("conf:Q", legend=None, scale=alt.Scale(domain=[0.0, 1.0], range=[0.0, 0.5]))),
        kind_layer("point").mark_point(filled=True, size=45, stroke="#222222", strokeWidth=0.7, opacity=0.95).encode(
            x=alt.X("px:Q", title=x_title, scale=x_scale), y=alt.Y("py:Q", title=y_title, scale=y_scale), color=color,
            tooltip=[alt.Tooltip("cls:N"), alt.Tooltip("px:Q", format=".4g"), alt.Tooltip("py:Q", format=".4g")]),
    ]
    return layered(*layers, rows=records(*parts), title=title, height=HEIGHT + 60)


def probability_surfaces_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    class_labels: tuple[str, ...],
    prob_title: str,
    title: str | None = None,
) -> alt.FacetChart:
    """P(y = k | x) of the trained model, one small panel per class (shared colour scale 0 … 1)."""
    labels = list(class_labels)
    cells = _cells(view.surface_axis0, view.surface_axis1)
    parts = [{**cells, "cls": label, "p": np.round(view.surfaces[j].ravel(), 4)} for j, label in enumerate(labels)]
    fill = alt.Fill("p:Q", title=prob_title, scale=alt.Scale(scheme="viridis", domain=[0.0, 1.0]),
                    legend=alt.Legend(orient="right", gradientLength=140))
    x_scale = alt.Scale(domain=[float(cells["x"][0]), float(cells["x2"][-1])], nice=False, zero=False)
    y_scale = alt.Scale(domain=[float(cells["y"][0]), float(cells["y2"][-1])], nice=False, zero=False)
    k = len(labels)
    columns = k if k <= 5 else {6: 3, 7: 4, 8: 4}.get(k, 5)  # rows as full as possible: empty slots draw empty axes
    size = 190 if columns <= 4 else 150
    panel = alt.Chart(width=size, height=size - 20).mark_rect().encode(
        x=alt.X("x:Q", title=x_title, scale=x_scale), x2=alt.X2("x2:Q"),
        y=alt.Y("y:Q", title=y_title, scale=y_scale), y2=alt.Y2("y2:Q"), fill=fill,
        tooltip=[alt.Tooltip("cls:N"), alt.Tooltip("p:Q", format=".3f")])
    chart = alt.FacetChart(
        data={"values": records(*parts)}, spec=panel,
        facet=alt.Facet("cls:N", sort=labels, title=None, header=alt.Header(labelFontSize=14)),
        columns=columns,
    )
    return finish(chart, title=title)


def loss_curve_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    run_label: str,
    optimum_label: str,
    log_y: bool = False,
    title: str | None = None,
) -> alt.LayerChart:
    """The training objective per epoch with the L-BFGS optimum as a dashed rule.

    The y axis stops at 1.1 × the starting loss, so a run that blows up
    leaves at the top; on a log axis values are floored at the smallest
    positive double.
    """
    floor = np.finfo(np.float64).tiny if log_y else -np.inf
    parts = [{"kind": "run", "series": run_label, "epoch": view.epochs, "loss": np.maximum(view.objective, floor)},
             {"kind": "optimum", "series": optimum_label, "loss": max(view.optimum, floor)}]
    top = 1.1 * float(view.objective[0])
    domain = [run_label, optimum_label]
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain)),
                      scale=alt.Scale(domain=domain, range=[PALETTE[2], REFERENCE]))
    scale = alt.Scale(type="log", domainMax=top) if log_y else alt.Scale(zero=False, domainMax=top)
    y = alt.Y("loss:Q", title=y_title, scale=scale, axis=alt.Axis(format="~g"))
    layers = [
        kind_layer("optimum").mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(y=y, color=color),
        kind_layer("run").mark_line(strokeWidth=3, clip=True).encode(
            x=alt.X("epoch:Q", title=x_title), y=y, color=color,
            tooltip=[alt.Tooltip("epoch:Q"), alt.Tooltip("loss:Q", format=".6g")]),
    ]
    return layered(*layers, rows=records(*parts), title=title)


# ---------------------------------------------------------------------------
# Temperature
# ---------------------------------------------------------------------------


def softmax_bars_chart(
    probs: list[dict],
    *,
    x_title: str,
    y_title: str,
    at_t_label: str,
    at_one_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """softmax(z/T) next to softmax(z) for the example logits (grouped bars per class).

    ``probs`` are :attr:`TemperatureView.example_probs` rows (``T`` is
    ``"T"`` or ``"1"``).
    """
    rows = [{"cls": r["cls"], "series": at_t_label if r["T"] == "T" else at_one_label, "p": r["p"]} for r in probs]
    domain = [at_t_label, at_one_label]
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain)),
                      scale=alt.Scale(domain=domain, range=[PALETTE[1], "#bbbbbb"]))
    bar = alt.Chart().mark_bar().encode(
        x=alt.X("cls:N", title=x_title, axis=alt.Axis(labelAngle=0)),
        xOffset=alt.XOffset("series:N", sort=domain),
        y=alt.Y("p:Q", title=y_title, scale=alt.Scale(domain=[0.0, 1.0])), color=color,
        tooltip=[alt.Tooltip("series:N"), alt.Tooltip("cls:N"), alt.Tooltip("p:Q", format=".4f")])
    return layered(bar, rows=rows, title=title, height=HEIGHT - 40)


def calibration_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    confidence_label: str,
    accuracy_label: str,
    ece_label: str,
    chosen_label: str,
    best_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Mean confidence, accuracy and expected calibration error of softmax(z/T) over T (log axis).

    ``view`` is a :class:`~estimation.views.softmax.TemperatureView`;
    the chosen T (solid rule) and the NLL-optimal T* (dashed) are marked.
    """
    t = view.temperatures
    parts = [
        {"kind": "line", "series": confidence_label, "T": t, "v": view.confidence},
        {"kind": "line", "series": accuracy_label, "T": t, "v": view.accuracy},
        {"kind": "line", "series": ece_label, "T": t, "v": view.ece},
        {"kind": "rule", "series": chosen_label, "T": view.temperature},
        {"kind": "rule", "series": best_label, "T": view.best_t},
    ]
    domain = [confidence_label, accuracy_label, ece_label, chosen_label, best_label]
    symbols = legend_symbols({best_label: "dashed"}, default="line")  # T* dashed, as drawn
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain), **symbols),
                      scale=alt.Scale(domain=domain, range=[PALETTE[1], PALETTE[2], PALETTE[5], "#000000", REFERENCE]))
    dash = alt.StrokeDash("series:N", legend=None, scale=alt.Scale(domain=[chosen_label, best_label],
                                                                   range=[[1, 0], [6, 4]]))
    x = alt.X("T:Q", title=x_title, scale=alt.Scale(type="log", domain=[float(t[0]), float(t[-1])], nice=False),
              axis=alt.Axis(format="~g", values=[0.1, 0.2, 0.5, 1, 2, 5, 10]))
    layers = [
        kind_layer("line").mark_line(strokeWidth=3).encode(
            x=x, y=alt.Y("v:Q", title=y_title, scale=alt.Scale(domain=[0.0, 1.0])), color=color,
            tooltip=[alt.Tooltip("series:N"), alt.Tooltip("T:Q", format=".3g"), alt.Tooltip("v:Q", format=".4f")]),
        kind_layer("rule").mark_rule(strokeWidth=2).encode(x=x, color=color, strokeDash=dash),
    ]
    return layered(*layers, rows=records(*parts), title=title)


def temperature_nll_chart(
    view,
    *,
    x_title: str,
    y_title: str,
    nll_label: str,
    chosen_label: str,
    best_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Mean NLL of softmax(z/T) on the data over T, lowest at T*; the chosen T marked.

    The y axis is cut at 3 × the NLL at T* + 0.5 (very small T makes every
    mistake cost |Δz|/T nats).
    """
    t = view.temperatures
    best = float(np.min(view.nll))
    top = min(float(np.max(view.nll)), 3 * best + 0.5)
    parts = [{"kind": "line", "series": nll_label, "T": t, "v": view.nll},
             {"kind": "rule", "series": chosen_label, "T": view.temperature},
             {"kind": "rule", "series": best_label, "T": view.best_t}]
    domain = [nll_label, chosen_label, best_label]
    symbols = legend_symbols({best_label: "dashed"}, default="line")  # T* dashed, as drawn
    color = alt.Color("series:N", title=None, sort=domain, legend=alt.Legend(columns=legend_columns(domain), **symbols),
                      scale=alt.Scale(domain=domain, range=[PALETTE[0], "#000000", REFERENCE]))
    dash = alt.StrokeDash("series:N", legend=None, scale=alt.Scale(domain=[chosen_label, best_label],
                                                                   range=[[1, 0], [6, 4]]))
    x = alt.X("T:Q", title=x_title, scale=alt.Scale(type="log", domain=[float(t[0]), float(t[-1])], nice=False),
              axis=alt.Axis(format="~g", values=[0.1, 0.2, 0.5, 1, 2, 5, 10]))
    layers = [
        kind_layer("line").mark_line(strokeWidth=3, clip=True).encode(
            x=x, y=alt.Y("v:Q", title=y_title, scale=alt.Scale(domain=[0.0, top], nice=False)), color=color,
            tooltip=[alt.Tooltip("T:Q", format=".3g"), alt.Tooltip("v:Q", format=".5f")]),
        kind_layer("rule").mark_rule(strokeWidth=2).encode(x=x, color=color, strokeDash=dash),
    ]
    return layered(*layers, rows=records(*parts), title=title)
