"""Shared look of every chart: projector-legible fonts and a colour-blind-safe palette.

Every chart builder ends with :func:`finish`, so the style lives in one place
and exported PNG/SVG files look the same as the app (pages render with
``theme=None`` so Streamlit does not restyle them).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence

import altair as alt

#: Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
PALETTE = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
#: One colour per optimizer, by registry name, the same on every page that races them
#: (the default trio SGD, Momentum, Adam gets the three most distinct).
OPTIMIZER_COLORS = {
    "SGD": PALETTE[0],
    "Momentum": PALETTE[1],
    "Nesterov": PALETTE[5],
    "AdaGrad": PALETTE[4],
    "RMSprop": PALETTE[3],
    "AdaDelta": PALETTE[7],
    "Adam": PALETTE[2],
}
OBSERVED = PALETTE[0]
EXACT = PALETTE[5]
REFERENCE = "#444444"

FONT_SIZE = 14
TITLE_SIZE = 16
HEIGHT = 320
#: Vega's layout of the legends below a chart: stacked, each on its own lines, from the left edge.
LEGEND_LAYOUT = {"bottom": {"direction": "vertical", "anchor": "start", "margin": 6}}
#: Width (px) a legend below a chart may fill: the plot's width (the chart less its y axis) in one of two page
#: columns at 1280×720, or across a 390-px phone; the narrower of the two.
LEGEND_WIDTH = 290
#: A legend entry's width beside its label's (px): the symbol and the gap to the label; and between columns.
_ENTRY_EXTRA, _COLUMN_GAP = 24, 10
#: Fonts of the charts, first found first: sans-serif faces with the combining marks and subscripts of the
#: labels (x̄ₖ, θ̂) and, for Japanese, Noto Sans CJK; the last is the browser's (or vl-convert's) own.
FONT = "DejaVu Sans, Noto Sans, Noto Sans CJK JP, sans-serif"


#: The lab's chart configuration (one object: each ``configure_*`` call would
#: deep-copy the whole chart, which dominates the cost of building it).
CONFIG = alt.Config(
    font=FONT,
    axis=alt.AxisConfig(labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, gridColor="#e6e6e6"),
    legend=alt.LegendConfig(
        labelFontSize=FONT_SIZE, titleFontSize=FONT_SIZE, orient="bottom", symbolSize=160, labelLimit=400,
        columns=1,  # one entry a line: a row of entries is cut at the edge of a half-width or phone chart
    ),
    title=alt.TitleConfig(fontSize=TITLE_SIZE, anchor="start"),
    view=alt.ViewConfig(strokeWidth=0),
    range=alt.RangeConfig(category=list(PALETTE)),
)


def text_width(text: str, size: float = FONT_SIZE) -> float:
    """A generous estimate of ``text``'s width (px) at ``size`` px: wide (CJK) characters 1 em, others 0.62 em.

    Combining marks take no room. Sans-serif Latin letters average about
    0.5 em; 0.62 em leaves room for capitals and a wider fallback font.
    """
    em = 0.0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        em += 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62
    return em * size


#: Width (px) a chart's title may fill before it wraps: a phone's chart (Vega cuts a longer one with "…").
TITLE_WIDTH = 340
_WIDE = "\u3000-\u30ff\u3400-\u9fff\uff00-\uffef"
#: Words (with their trailing space) and single wide characters: where a title may break.
_TOKENS = re.compile(f"[^\\s{_WIDE}]+\\s*|[{_WIDE}]\\s*|\\s+")
#: Marks that never start a line (they stay with what they close or follow).
_NO_START = frozenset("）」』】、。，．：；！？・)]},.:;!?")


def title_lines(text: str, *, size: float = TITLE_SIZE, width: float = TITLE_WIDTH) -> list[str]:
    """``text`` broken into lines no wider than ``width`` px at ``size`` px (bold: :func:`text_width` + 10 %).

    Breaks fall between words, or between any two Japanese characters except
    before closing marks (、。）…); a word wider than a line stays whole.
    Joining the lines with the spaces they lost gives ``text`` back.
    """
    lines, line = [], ""
    for token in _TOKENS.findall(text):
        if line and token[0] not in _NO_START and 1.1 * text_width((line + token).rstrip(), size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
    return [*lines, line.rstrip()] if line.strip() or not lines else lines


def legend_columns(labels: Sequence[str], *, width: float = LEGEND_WIDTH, most: int = 4) -> int:
    """How many columns (at most ``most``) a legend of ``labels`` can have and still fit ``width`` px.

    Vega fills a legend's grid row by row and makes each column as wide as
    its widest entry; the entries here are :func:`text_width` of the label
    plus the symbol's room. One column when even that is too wide (the
    labels are then too long for a phone and should be shortened).
    """
    widths = [text_width(label) + _ENTRY_EXTRA for label in labels]
    for n in range(min(most, len(widths)), 1, -1):
        total = sum(max(widths[j::n]) for j in range(n)) + _COLUMN_GAP * (n - 1)
        if total <= width:
            return n
    return 1


#: How a legend entry draws each kind of mark: Vega symbol shape and dash.
_SYMBOLS = {"line": ("stroke", []), "dashed": ("stroke", [6, 3]), "dotted": ("stroke", [2, 2]),
            "area": ("square", []), "bar": ("square", []),
            "point": ("circle", []), "diamond": ("diamond", [])}


def legend_symbols(kinds: Mapping[str, str], *, default: str = "point", opacity: float | None = 1.0) -> dict:
    """Legend properties drawing each entry like its mark: ``kinds`` maps a label to ``"line"``,
    ``"dashed"``, ``"dotted"``, ``"area"``, ``"bar"``, ``"point"`` or ``"diamond"`` (labels not named:
    ``default``).

    Vega evaluates the symbol's shape and dash per entry (``datum.value`` is
    the entry's label), so one legend can show a solid line, a dashed rule
    and a shaded band, each as it appears in the chart. ``opacity`` is the
    symbols' (``None``: Vega-Lite's, taken from the marks).
    """
    def pick(index: int) -> dict:
        expr = json.dumps(_SYMBOLS[default][index])
        for kind in dict.fromkeys(kinds.values()):
            labels = [label for label, k in kinds.items() if k == kind]
            expr = (f"indexof({json.dumps(labels, ensure_ascii=False)}, datum.value) >= 0"
                    f" ? {json.dumps(_SYMBOLS[kind][index])} : {expr}")
        return {"expr": expr}

    out = {"symbolType": pick(0), "symbolDash": pick(1), "symbolStrokeWidth": 3, "symbolSize": 220}
    if opacity is not None:
        out["symbolOpacity"] = opacity
    return out


def finish(chart, *, title: str | None = None):
    """Apply the lab's configuration (and a title) to a top-level chart and return it.

    Attributes are set on a shallow copy: ``.properties(config=...)`` would
    deep-copy and re-validate the whole configuration for every chart.
    """
    chart = chart.copy(deep=False)
    chart.config = CONFIG
    if title is not None:
        chart.title = title
    return chart


#: Smallest text in a chart on a projector (px): legible from the back of a room at 1280×720.
PROJECTOR_MIN_FONT = 18
#: Font sizes in a projected chart grow by this factor (and never below :data:`PROJECTOR_MIN_FONT`).
PROJECTOR_SCALE = 1.4
_FONT_KEYS = frozenset({"fontSize", "labelFontSize", "titleFontSize", "symbolSize"})


def for_projector(spec: dict) -> dict:
    """A copy of a Vega-Lite spec with every text at least :data:`PROJECTOR_MIN_FONT` px, for presenter mode.

    Every font size in the spec (config, marks, axes, legends, title) is
    scaled by :data:`PROJECTOR_SCALE` and raised to the minimum; text that
    had no size of its own (text marks, axis labels and titles, legends,
    the title) gets one through the config. Legend symbols grow with their
    labels. The datasets are shared with ``spec``, not copied, and ``spec``
    is left as it was.
    """
    def scaled(node):
        if isinstance(node, dict):
            return {k: (_bigger(k, v) if k in _FONT_KEYS and isinstance(v, (int, float)) else scaled(v))
                    for k, v in node.items()}
        if isinstance(node, list):
            return [scaled(v) for v in node]
        return node

    out = {k: (v if k == "datasets" else scaled(v)) for k, v in spec.items()}
    big = max(round(FONT_SIZE * PROJECTOR_SCALE), PROJECTOR_MIN_FONT)
    config = out.setdefault("config", {})
    for part, keys in (("axis", ("labelFontSize", "titleFontSize")), ("legend", ("labelFontSize", "titleFontSize")),
                       ("header", ("labelFontSize", "titleFontSize")), ("text", ("fontSize",)),
                       ("title", ("fontSize", "subtitleFontSize"))):
        section = config.setdefault(part, {})
        for key in keys:
            section.setdefault(key, big)
    return out


def _bigger(key: str, value: float) -> float:
    if key == "symbolSize":  # an area: grows with the square of the text
        return value * PROJECTOR_SCALE**2
    return max(round(value * PROJECTOR_SCALE), PROJECTOR_MIN_FONT)


#: Channels whose scale may have a legend.
_LEGEND_CHANNELS = ("color", "fill", "stroke", "strokeDash", "shape", "size", "opacity")
#: Height (px) of one legend row at :data:`FONT_SIZE`, and the gap above each legend.
LEGEND_ROW, LEGEND_GAP = 20, 12


def legend_room(spec: dict) -> int:
    """Height (px) the legends below a chart take: rows of entries, plus a gap above each legend.

    Streamlit fits a whole chart, legends included, into the spec's height;
    a chart shown there needs this much more than its plot so that a legend
    stacked in one column (on a phone) does not squash the plot. Legends
    are found in the layers' encodings (an explicit ``domain`` and a legend
    below the chart); channels of one field with the same domain share a
    legend, as in Vega-Lite. Rows follow the legend's ``columns`` (1 when
    unset, as in :data:`CONFIG`); text sizes in the config scale the rows.
    """
    legends: dict[tuple, int] = {}
    for layer in [spec, *spec.get("layer", [])]:
        for channel, enc in (layer.get("encoding") or {}).items():
            if channel not in _LEGEND_CHANNELS or not isinstance(enc, dict):
                continue
            legend, scale = enc.get("legend", {}), enc.get("scale") or {}
            domain = scale.get("domain") if isinstance(scale, dict) else None
            if legend is None or not isinstance(domain, list) or legend.get("orient", "bottom") != "bottom":
                continue
            columns = legend.get("columns") if isinstance(legend.get("columns"), int) else 1
            key = (enc.get("field"), tuple(map(str, domain)))
            legends[key] = max(legends.get(key, 0), -(-len(domain) // max(columns, 1)))
    size = (spec.get("config", {}).get("legend", {}) or {}).get("labelFontSize", FONT_SIZE)
    return round(sum(rows * LEGEND_ROW + LEGEND_GAP for rows in legends.values()) * max(size, FONT_SIZE) / FONT_SIZE)
