"""Charts of the Activations page.

Each chart carries one top-level dataset shared by its layers (a ``kind``
column tells the layers apart). Every activation keeps one colour on every
chart (:data:`ACTIVATION_COLORS`, by registry name), and the two curve charts
share their x range and the width of their y axes, so stacked they line up.
"""

from __future__ import annotations

import altair as alt

from estimation.activations import ACTIVATIONS
from estimation.charts._layers import kind_layer, records, layered
from estimation.charts.theme import PALETTE, REFERENCE, legend_columns, legend_symbols
from estimation.depth import DepthProfiles
from estimation.views.activations import Curves

#: One colour per activation (the default trio gets the three most distinct; no yellow).
ACTIVATION_COLORS = {
    "sigmoid": PALETTE[0],
    "tanh": PALETTE[1],
    "relu": PALETTE[2],
    "leaky_relu": PALETTE[3],
    "elu": PALETTE[4],
    "softplus": PALETTE[5],
    "gelu": PALETTE[7],
}
#: Room reserved for y-axis labels and title, so stacked charts align.
Y_AXIS_EXTENT = 56
#: Marker shapes: the derivative's maximum, and its value at a kink (a convention).
MAX_SHAPE, KINK_SHAPE = "triangle-up", "square"


def _color(names, labels: dict[str, str], extra: tuple[tuple[str, str], ...] = (), symbols: dict | None = None
           ) -> alt.Color:
    """Colour by ``series``: each activation's own colour, then the ``extra`` (label, colour) pairs; ``symbols``:
    legend properties (:func:`~estimation.charts.theme.legend_symbols`)."""
    domain = [labels[n] for n in names] + [label for label, _ in extra]
    colors = [ACTIVATION_COLORS[n] for n in names] + [color for _, color in extra]
    legend = alt.Legend(columns=legend_columns(domain), **(symbols or {}))
    return alt.Color("series:N", title=None, sort=domain, legend=legend, scale=alt.Scale(domain=domain, range=colors))


def curves_chart(
    curves: Curves,
    *,
    derivative: bool,
    labels: dict[str, str],
    x_title: str,
    y_title: str,
    series_title: str,
    max_label: str,
    kink_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """f(x) (``derivative=False``) or f'(x) of each activation on the grid's x range.

    On the derivative chart a triangle marks each unique maximum of f' with
    its coordinates (σ': (0, 0.25); tanh': (0, 1)), and a square marks f' at
    a kink, where the value is a convention (ReLU'(0) = 0, as PyTorch).
    The x scale is exactly [x_0, x_{n-1}] so the f and f' charts line up.
    Every text shown comes from the caller (``labels``, the titles; the
    tooltips reuse ``series_title``, ``x_title`` and ``y_title``; ``max_label``
    and ``kink_label`` name the markers of the derivative chart).
    """
    names = list(curves.f)
    values = curves.df if derivative else curves.f
    parts = [{"x": curves.x, "y": values[n], "series": labels[n], "kind": "curve"} for n in names]
    if derivative:
        peaks = [(n, *curves.peak[n]) for n in names if curves.peak[n][0] is not None]
        parts.append({
            "x": [p[1] for p in peaks], "y": [p[2] for p in peaks], "series": [labels[p[0]] for p in peaks],
            "kind": "max", "marker": max_label, "text": [f"({p[1]:.4g}, {p[2]:.4g})" for p in peaks],
        })
        kinked = [n for n in names if ACTIVATIONS[n].kinks]
        parts.append({
            "x": [ACTIVATIONS[n].kinks[0] for n in kinked], "y": [curves.at_zero[n] for n in kinked],
            "series": [labels[n] for n in kinked], "kind": "kink", "marker": kink_label,
        })
    color = _color(names, labels)
    x = alt.X("x:Q", title=x_title, scale=alt.Scale(domain=[float(curves.x[0]), float(curves.x[-1])], nice=False))
    y = alt.Y("y:Q", title=y_title, axis=alt.Axis(minExtent=Y_AXIS_EXTENT, maxExtent=Y_AXIS_EXTENT))
    tooltip = [alt.Tooltip("series:N", title=series_title), alt.Tooltip("x:Q", title=x_title, format=".3f"),
               alt.Tooltip("y:Q", title=y_title, format=".4g")]
    layers = [kind_layer("curve").mark_line(strokeWidth=2.5, clip=True).encode(x=x, y=y, color=color, tooltip=tooltip)]
    if derivative:
        shape = alt.Shape("marker:N", title=None, legend=alt.Legend(orient="top"), scale=alt.Scale(
            domain=[max_label, kink_label], range=[MAX_SHAPE, KINK_SHAPE]))
        layers += [  # the kink square first, so a maximum at a kink (ELU, α > 1) shows its triangle
            kind_layer("kink").mark_point(filled=True, size=110, opacity=1, stroke="white", strokeWidth=1).encode(
                x=x, y=y, color=color, shape=shape, tooltip=tooltip),
            kind_layer("max").mark_point(filled=True, size=170, opacity=1, stroke="white", strokeWidth=1).encode(
                x=x, y=y, color=color, shape=shape, tooltip=tooltip),
            kind_layer("max").mark_text(align="left", dx=10, dy=-10, fontSize=13, fontWeight="bold").encode(
                x=x, y=y, color=color, text=alt.Text("text:N")),
        ]
    return layered(*layers, rows=records(*parts), title=title)


def depth_chart(
    view: DepthProfiles,
    *,
    labels: dict[str, str],
    x_title: str,
    y_title: str,
    series_title: str,
    std_title: str,
    reference_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Mean |∂loss/∂h_l| against the layer l (log scale), with a dashed reference curve (s/4)^{L−l}.

    The reference is the bound of a *scalar sigmoid chain whose weights all
    have |w| = s* (``view.bound``); it is not a bound of the plotted profiles,
    whose weights are random N(0, s²/width), and it concerns sigmoid only.
    The output layer L is on the right, the input (l = 0) on the left: the
    gradient flows right to left. Exact zeros (a layer of dead ReLU units)
    cannot sit on a log axis and are left out. Tooltips are titled by
    ``series_title``, ``x_title``, ``y_title`` and ``std_title`` (the
    standard deviation of the activations h_l).
    """
    names = list(view.profiles)
    parts = [{"layer": view.layer, "grad": p.grad_mean_abs, "std": p.act_std, "series": labels[n], "kind": "profile"}
             for n, p in view.profiles.items()]
    parts.append({"layer": view.layer, "grad": view.bound, "series": reference_label, "kind": "reference"})
    rows = [row for row in records(*parts) if row["grad"] > 0.0]
    color = _color(names, labels, ((reference_label, REFERENCE),),
                   legend_symbols({reference_label: "dashed"}, default="line"))  # the reference dashed, as drawn
    x = alt.X("layer:Q", title=x_title, scale=alt.Scale(domain=[0, int(view.layer[-1])], nice=False),
              axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("grad:Q", title=y_title, scale=alt.Scale(type="log"), axis=alt.Axis(format=".0e"))
    tooltip = [alt.Tooltip("series:N", title=series_title), alt.Tooltip("layer:Q", title=x_title),
               alt.Tooltip("grad:Q", title=y_title, format=".3e")]
    point = len(view.layer) <= 41  # dots on short chains only
    layers = [
        kind_layer("reference").mark_line(strokeDash=[7, 5], strokeWidth=2.5).encode(
            x=x, y=y, color=color, tooltip=tooltip),
        kind_layer("profile").mark_line(strokeWidth=2.5, point=point).encode(
            x=x, y=y, color=color, tooltip=[*tooltip, alt.Tooltip("std:Q", title=std_title, format=".3g")]),
    ]
    return layered(*layers, rows=rows, title=title)
