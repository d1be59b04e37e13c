"""Charts of the Optimizer playground.

Each chart carries one top-level dataset shared by its layers (a ``kind``
column tells the layers apart), keeps every colour and marker in a legend and
sends at most about 5,000 rows: the builders only reshape what
:func:`estimation.views.optimizers.race` and :func:`~estimation.views.optimizers.snapshot`
computed (contour lines, thinned paths, the point at step t, stop markers).
Every optimizer keeps one Okabe–Ito colour, by registry name.
"""

from __future__ import annotations

import altair as alt
import numpy as np

from estimation.charts._layers import kind_layer, records, layered
from estimation.charts.theme import OPTIMIZER_COLORS, PALETTE, REFERENCE, legend_columns, legend_symbols

CONTOUR_COLOR = "#bdbdbd"
START_COLOR = "#777777"
MINIMUM_COLOR = "#000000"
STOP_COLOR = PALETTE[5]
#: Marker shapes as SVG paths in the unit box (Vega has no star or filled ×).
STAR = ("M0,-1L0.2245,-0.309L0.9511,-0.309L0.3633,0.118L0.5878,0.809L0,0.382"
        "L-0.5878,0.809L-0.3633,0.118L-0.9511,-0.309L-0.2245,-0.309Z")
CROSS = "M-1,-0.6L-0.6,-1L0,-0.4L0.6,-1L1,-0.6L0.4,0L1,0.6L0.6,1L0,0.4L-0.6,1L-1,0.6L-0.4,0Z"
LANDSCAPE_HEIGHT = 460

_FILL = {"series": "", "marker": "", "x": 0.0, "y": 0.0, "line": -1, "order": 0, "step": 0,
         "level": 0.0, "value": 0.0}
LANDSCAPE_COLUMNS = ("kind", "series", "marker", "x", "y", "line", "order", "step", "level")
LOSS_COLUMNS = ("kind", "series", "marker", "step", "order", "value")


def _block(columns: tuple[str, ...], kind: str, **values) -> list[dict]:
    """Rows of one ``kind`` with every column; absent ones are filled (no NaN reaches a chart)."""
    return records({"kind": kind, **{col: values.get(col, _FILL[col]) for col in columns[1:]}})


def _series(names, opt) -> list[str]:
    return [names[i] for i in np.asarray(opt, dtype=np.int64).tolist()]


def _optimizer_color(names, extra: dict[str, str] | None = None, symbols: dict | None = None) -> alt.Color:
    labels = list(names) + list(extra or {})
    colors = [OPTIMIZER_COLORS[n] for n in names] + list((extra or {}).values())
    # As many columns as fit a phone: a narrow chart would clip one long row.
    return alt.Color("series:N", title=None, scale={"domain": labels, "range": colors},
                     legend={"columns": legend_columns(labels), **(symbols or {})})


def _markers(labels: list[str], shapes: list[str], fills: list[str]) -> dict:
    """Shape and fill channels on ``marker``: one legend whose entries show both."""
    return {
        "shape": alt.Shape("marker:N", title=None, scale={"domain": labels, "range": shapes},
                           legend={"orient": "top"}),  # beside the colour legend it would be clipped
        "fill": alt.Fill("marker:N", title=None, scale={"domain": labels, "range": fills}),
    }


def landscape_chart(
    contour: dict[str, np.ndarray],
    paths: dict[str, np.ndarray],
    heads: dict[str, np.ndarray],
    stops: dict[str, np.ndarray],
    *,
    names: tuple[str, ...],
    box: tuple[tuple[float, float], tuple[float, float]],
    start: tuple[float, float],
    minima: tuple[tuple[float, float], ...],
    x_title: str,
    y_title: str,
    level_title: str,
    step_title: str,
    start_label: str,
    minimum_label: str,
    stop_label: str,
    title: str | None = None,
    height: int = LANDSCAPE_HEIGHT,
) -> alt.LayerChart:
    """Contour lines of f with every optimizer's path up to step t.

    Parameters
    ----------
    contour : dict
        :func:`~estimation.contours.contour_lines` output (``level``, ``line``, ``order``, ``x``, ``y``).
    paths, heads, stops : dict
        ``Snapshot.paths`` / ``heads`` / ``stops`` (``opt`` indexes ``names``).
    names : tuple of str
        Registry names of the optimizers (legend, colours).
    box : ((x_min, x_max), (y_min, y_max))
        Axis ranges; marks are clipped to them.
    start, minima
        θ_0 and the known minimisers, marked with their own legend entries;
        the stop marker (a × at the run's last finite point clipped to the
        box, where its coloured path ends) gets one only if some run stopped.
    """
    cols = LANDSCAPE_COLUMNS
    rows = [
        *_block(cols, "contour", x=contour["x"], y=contour["y"], line=contour["line"],
                order=contour["order"], level=contour["level"]),
        *_block(cols, "path", series=_series(names, paths["opt"]), x=paths["x"], y=paths["y"],
                step=paths["step"], order=paths["step"]),
        *_block(cols, "head", series=_series(names, heads["opt"]), x=heads["x"], y=heads["y"],
                step=heads["step"]),
        *_block(cols, "stop", series=_series(names, stops["opt"]), marker=stop_label,
                x=stops["x"], y=stops["y"], step=stops["step"]),
        *_block(cols, "start", marker=start_label, x=float(start[0]), y=float(start[1])),
        *_block(cols, "minimum", marker=minimum_label,
                x=[float(m[0]) for m in minima], y=[float(m[1]) for m in minima]),
    ]

    # Plain dicts rather than alt.Scale/alt.Axis: altair deep-copies every layer's
    # objects, unset fields included, each time a layered chart is built.
    no_grid = {"grid": False}  # the contour lines are the grid
    x = alt.X("x:Q", title=x_title, scale={"domain": list(box[0]), "nice": False, "zero": False}, axis=no_grid)
    y = alt.Y("y:Q", title=y_title, scale={"domain": list(box[1]), "nice": False, "zero": False}, axis=no_grid)
    color = _optimizer_color(names)
    markers = [(start_label, "circle", START_COLOR)]
    if minima:
        markers.append((minimum_label, STAR, MINIMUM_COLOR))
    if len(stops["x"]):
        markers.append((stop_label, CROSS, STOP_COLOR))
    marker = _markers(*map(list, zip(*markers)))
    step_tip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("step:Q", title=step_title),
                alt.Tooltip("x:Q", format=".4g"), alt.Tooltip("y:Q", format=".4g")]
    layers = [
        kind_layer("contour").mark_line(color=CONTOUR_COLOR, strokeWidth=1, clip=True).encode(
            x=x, y=y, detail=alt.Detail("line:N"), order=alt.Order("order:Q"),
            tooltip=[alt.Tooltip("level:Q", title=level_title, format=".3g")],
        ),
        kind_layer("path").mark_line(strokeWidth=2, clip=True, point=alt.OverlayMarkDef(size=10, filled=True)).encode(
            x=x, y=y, color=color, order=alt.Order("order:Q"), tooltip=step_tip,
        ),
        kind_layer("head").mark_point(filled=True, size=110, opacity=1, stroke="#ffffff", strokeWidth=1.5,
                                 clip=True).encode(x=x, y=y, color=color, tooltip=step_tip),
        kind_layer("start").mark_point(filled=True, size=170, opacity=1, stroke="#ffffff", strokeWidth=1.5,
                                  clip=True).encode(x=x, y=y, **marker),
    ]
    if minima:
        layers.append(kind_layer("minimum").mark_point(
            filled=True, size=380, opacity=1, stroke="#ffffff", strokeWidth=1, clip=True,
        ).encode(x=x, y=y, **marker, tooltip=[alt.Tooltip("x:Q", format=".6g"), alt.Tooltip("y:Q", format=".6g")]))
    if len(stops["x"]):
        layers.append(kind_layer("stop").mark_point(  # inside the box already: drawn whole at its edge
            filled=True, size=300, opacity=1, stroke="#ffffff", strokeWidth=1,
        ).encode(x=x, y=y, **marker,
                 tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("step:Q", title=stop_label)]))
    return layered(*layers, rows=rows, title=title, height=height)


def _symlog_ticks(lo: float, hi: float) -> list[float]:
    """0 and ±10^(3k) inside [lo, hi]: Vega's own symlog ticks crowd at the far end."""
    powers = [10.0 ** (3 * k) for k in range(0, 6)]
    return sorted([0.0] * (lo <= 0.0 <= hi) + [-p for p in powers if -p >= lo] + [p for p in powers if p <= hi])


def loss_chart(
    paths: dict[str, np.ndarray],
    stops: dict[str, np.ndarray],
    *,
    names: tuple[str, ...],
    steps: int,
    value_domain: tuple[float, float],
    log_scale: bool,
    tol: float | None,
    x_title: str,
    y_title: str,
    tol_label: str,
    stop_label: str,
    title: str | None = None,
    height: int = LANDSCAPE_HEIGHT,
) -> alt.LayerChart:
    """The error (or loss) of every optimizer against the step, up to step t.

    Parameters
    ----------
    paths, stops : dict
        ``Snapshot.paths`` / ``stops``; the ``value`` column is drawn.
    names : tuple of str
    steps : int
        Steps of the run: the x axis spans 0..steps whatever t is revealed.
    value_domain : (float, float)
        y range over the whole run (widened to show ``tol``), so the axis does not move with t.
    log_scale : bool
        Log axis (errors ≥ a floor > 0) or symmetric log (losses of either sign).
    tol : float or None
        Draw a dashed rule at this error, with a legend entry ``tol_label``.
    """
    cols = LOSS_COLUMNS
    rows = [
        *_block(cols, "path", series=_series(names, paths["opt"]), step=paths["step"],
                value=paths["value"], order=paths["step"]),
        *_block(cols, "stop", series=_series(names, stops["opt"]), marker=stop_label,
                step=stops["step"], value=stops["value"]),
    ]
    lo, hi = value_domain
    extra = {}
    if tol is not None:
        rows += _block(cols, "tol", series=tol_label, value=float(tol))
        extra = {tol_label: REFERENCE}
        lo, hi = min(lo, tol), max(hi, tol)
    x = alt.X("step:Q", title=x_title, scale={"domain": [0, max(int(steps), 1)], "nice": False})
    scale = {"type": "log" if log_scale else "symlog", "domain": [lo, hi]}
    axis = {"format": ".0e"} if log_scale else {"format": "~g", "values": _symlog_ticks(lo, hi)}
    y = alt.Y("value:Q", title=y_title, scale=scale, axis=axis)
    color = _optimizer_color(names, extra, legend_symbols(dict.fromkeys(extra, "dashed"), default="line"))
    tooltip = [alt.Tooltip("series:N", title=" "), alt.Tooltip("step:Q", title=x_title),
               alt.Tooltip("value:Q", title=y_title, format=".4g")]
    layers = [kind_layer("path").mark_line(strokeWidth=2, clip=True).encode(
        x=x, y=y, color=color, order=alt.Order("order:Q"), tooltip=tooltip)]
    if tol is not None:
        layers.append(kind_layer("tol").mark_rule(strokeDash=[6, 4], strokeWidth=1.5).encode(y=y, color=color))
    if len(stops["x"]):
        layers.append(kind_layer("stop").mark_point(filled=True, size=300, opacity=1, stroke="#ffffff",
                                               strokeWidth=1).encode(
            x=x, y=y, **_markers([stop_label], [CROSS], [STOP_COLOR]),
            tooltip=[alt.Tooltip("series:N", title=" "), alt.Tooltip("step:Q", title=stop_label)],
        ))
    return layered(*layers, rows=rows, title=title, height=height)

