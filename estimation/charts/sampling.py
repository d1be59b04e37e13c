"""Charts of the Sampling page.

Each chart carries one top-level dataset shared by its layers (altair converts
and hashes every dataset it meets, so one per chart keeps building cheap).
"""

from __future__ import annotations

import json

import altair as alt
import numpy as np

from estimation.charts._layers import records, layered
from estimation.charts.theme import EXACT, OBSERVED, REFERENCE, legend_symbols
from estimation.views.sampling import Histogram


def histogram_chart(
    hist: Histogram,
    *,
    discrete: bool,
    x_title: str,
    y_title: str,
    observed_label: str,
    exact_label: str,
    title: str | None = None,
) -> alt.LayerChart:
    """Observed density as bars with the exact pmf (stems) or pdf (curve) overlaid.

    Both layers share the y axis: relative frequency against P(X = k) for a
    discrete distribution, count/(N·width) against the pdf for the Gaussian.
    A discrete distribution's x axis has integer ticks (its bins are the
    integers, centred on them).
    """
    data = records(
        {"left": hist.left, "right": hist.right, "density": hist.density, "count": hist.count,
         "series": observed_label},
        {"left": hist.curve_x, "density": hist.curve_y, "series": exact_label},
    )
    symbols = legend_symbols({observed_label: "bar", exact_label: "point" if discrete else "line"})
    color = alt.Color("series:N", title=None, legend=alt.Legend(**symbols),
                      scale=alt.Scale(domain=[observed_label, exact_label], range=[OBSERVED, EXACT]))
    x = alt.X("left:Q", title=x_title, axis=alt.Axis(tickMinStep=1, format="d") if discrete else alt.Undefined)
    y = alt.Y("density:Q", title=y_title)
    bar = alt.Chart().transform_filter(alt.datum.series == observed_label).mark_bar(
        opacity=0.6, binSpacing=0
    ).encode(
        x=x, x2=alt.X2("right:Q"), y=y, y2=alt.Y2Datum(0), color=color,
        tooltip=[alt.Tooltip("left:Q", format=".4g"), alt.Tooltip("right:Q", format=".4g"),
                 alt.Tooltip("count:Q"), alt.Tooltip("density:Q", format=".4g")],
    )
    exact = alt.Chart().transform_filter(alt.datum.series == exact_label).encode(x=x, y=y, color=color)
    if discrete:
        layers = [bar, exact.mark_rule(strokeWidth=2).encode(y2=alt.Y2Datum(0)),
                  exact.mark_point(filled=True, size=70)]
    else:
        layers = [bar, exact.mark_line(strokeWidth=3)]
    return layered(*layers, rows=data, title=title)


def running_mean_chart(
    k: np.ndarray,
    running: np.ndarray,
    band: np.ndarray,
    mean: float,
    *,
    x_title: str,
    y_title: str,
    running_label: str,
    band_label: str,
    mean_label: str,
    k_window: tuple[float, float] | None = None,
    title: str | None = None,
) -> alt.LayerChart:
    """Running mean x̄_k against k (log axis) with the band E[X] ± 2·sd/√k and E[X].

    ``k_window`` fixes the k axis (the view's ``k_window``). A single k
    (N = 1) has no line or area to draw: the running mean is a point and
    the band a bar from E[X] − 2 sd to E[X] + 2 sd, with the legend to match.
    """
    k = np.asarray(k)
    data = records(k=k, mean=running, lo=mean - band, hi=mean + band)
    one = k.size == 1
    symbols = legend_symbols({running_label: "point" if one else "line", band_label: "bar" if one else "area",
                              mean_label: "dashed"})
    color = alt.Color("series:N", title=None, legend=alt.Legend(**symbols), scale=alt.Scale(
        domain=[running_label, band_label, mean_label], range=[OBSERVED, "#9ecae1", REFERENCE]))
    scale = alt.Scale(type="log") if k_window is None else alt.Scale(type="log", domain=list(k_window), nice=False)
    x = alt.X("k:Q", title=x_title, scale=scale)

    def layer(label: str) -> alt.Chart:
        return alt.Chart().transform_calculate(series=json.dumps(label)).encode(color=color)

    band_layer = layer(band_label)
    band_layer = band_layer.mark_rule(strokeWidth=12, opacity=0.5) if one else band_layer.mark_area(opacity=0.5)
    area = band_layer.encode(x=x, y=alt.Y("lo:Q", title=y_title), y2=alt.Y2("hi:Q"))
    rule = layer(mean_label).mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(y=alt.YDatum(mean))
    run = layer(running_label)
    line = (run.mark_point(filled=True, size=90, opacity=1) if one else run.mark_line(strokeWidth=2.5)).encode(
        x=x, y=alt.Y("mean:Q"), tooltip=[alt.Tooltip("k:Q"), alt.Tooltip("mean:Q", format=".5g")]
    )
    return layered(area, rule, line, rows=data, title=title)
