"""The shared chart plumbing: ``records``, ``layered`` and the app's serialisation ``to_spec``."""

import altair as alt
import numpy as np
import pytest

from estimation.charts import export
from estimation.charts._layers import kind_layer, layered, records
from estimation.charts.theme import LEGEND_LAYOUT, finish


def _layers():
    x, y = alt.X("x:Q", title="x"), alt.Y("y:Q", title="y")
    return (kind_layer("line").mark_line().encode(x=x, y=y, color=alt.Color("series:N")),
            kind_layer("dot").mark_point(filled=True).encode(x=x, y=y, tooltip=["x:Q", "y:Q"]))


def _rows():
    return records({"kind": "line", "x": np.linspace(0, 1, 5), "y": np.arange(5.0), "series": "a"},
                   {"kind": "dot", "x": [0.5], "y": [2.0]})


def test_records_broadcast_scalars_and_leave_absent_columns_out():
    rows = _rows()
    assert len(rows) == 6 and rows[0] == {"kind": "line", "x": 0.0, "y": 0.0, "series": "a"}
    assert rows[-1] == {"kind": "dot", "x": 0.5, "y": 2.0}
    assert all(type(v) in (float, str) for r in rows for v in r.values())


@pytest.mark.parametrize("height", [320, 400])
def test_layered_is_the_plain_layer_chart(height):
    plain = finish(alt.layer(*_layers(), data={"values": _rows()}, height=height), title="T")
    fast = layered(*_layers(), rows=_rows(), title="T", height=height)
    assert fast.to_dict() == plain.to_dict()  # validated, and identical


def test_to_spec_names_the_dataset_and_leaves_the_chart_alone():
    chart = layered(*_layers(), rows=_rows(), title="T")
    before = chart.to_dict()
    spec = export.to_spec(chart)
    assert chart.to_dict() == before
    assert spec["data"] == {"name": export.DATASET} and list(spec["datasets"]) == [export.DATASET]
    assert export.unpack(spec)["datasets"][export.DATASET] == _rows()
    (name, rows), = before["datasets"].items()
    assert rows == _rows()
    expected = {k: v for k, v in before.items() if k not in ("data", "datasets")}
    expected["config"] = {**expected["config"], "legend": {**expected["config"]["legend"], "layout": LEGEND_LAYOUT}}
    assert {k: v for k, v in spec.items() if k not in ("data", "datasets")} == expected  # and legends stacked
    assert export.to_svg(spec) == export.to_svg(before)  # the same picture (one legend: nothing to stack)


def test_to_spec_passes_other_charts_through():
    chart = alt.Chart(alt.NamedData(name="x")).mark_point().encode(x="a:Q")
    expected = chart.to_dict(validate=False)
    expected["config"]["legend"] = {"layout": LEGEND_LAYOUT}
    assert export.to_spec(chart) == expected


def test_to_spec_leaves_layers_with_their_own_settings_to_altair():
    line, dots = _layers()
    chart = layered(line, dots.add_params(alt.selection_point()), rows=_rows(), title="T")
    spec = export.to_spec(chart)
    assert "params" in spec and all("params" not in layer for layer in spec["layer"])  # altair lifted it
    assert export.unpack(spec)["datasets"] == chart.to_dict(validate=False)["datasets"]


def test_legend_room_counts_the_rows_of_each_legend_below_a_chart():
    from estimation.charts.theme import LEGEND_GAP, LEGEND_ROW, for_projector, legend_room

    def chart(columns, orient="bottom", dash=True):
        legend = {"columns": columns, "orient": orient}
        color = alt.Color("s:N", scale=alt.Scale(domain=list("abcde")), legend=legend)
        enc = {"color": color}
        if dash:  # the same field and domain: one legend shared with the colour (as Vega-Lite merges them)
            enc["strokeDash"] = alt.StrokeDash("s:N", scale=alt.Scale(domain=list("abcde")), legend=legend)
        shape = alt.Shape("m:N", scale=alt.Scale(domain=["p", "q"]))  # a second legend, one column (the config's)
        line = alt.Chart().mark_line().encode(x="x:Q", y="y:Q", **enc)
        return export.to_spec(layered(line, alt.Chart().mark_point().encode(x="x:Q", shape=shape), rows=_rows()))

    assert legend_room(chart(1)) == (5 + 2) * LEGEND_ROW + 2 * LEGEND_GAP
    assert legend_room(chart(2)) == legend_room(chart(2, dash=False)) == (3 + 2) * LEGEND_ROW + 2 * LEGEND_GAP
    assert legend_room(chart(1, orient="right")) == 2 * LEGEND_ROW + LEGEND_GAP  # beside the plot: no room below
    spec = chart(1)
    assert legend_room(for_projector(spec)) > legend_room(spec)  # bigger text, taller rows


def test_legend_columns_fit_the_labels_into_a_phone_wide_legend():
    from estimation.charts.theme import LEGEND_WIDTH, legend_columns, text_width

    assert legend_columns(["a", "b", "c", "d", "e"]) == 4  # at most 4
    # 24 px an entry + 8.68 px a letter, 10 px between columns: 50 + 93 + 85 + 59 + 30 > 290; 59 + 93 + 85 + 20 fits
    assert legend_columns(["SGD", "Momentum", "AdaGrad", "Adam"]) == 3
    assert legend_columns(["y = 0: −log(1 − σ(z))", "y = 1: −log σ(z)"]) == 1
    assert legend_columns(["a"] * 9, most=6) == 6 and legend_columns([]) == 1
    assert text_width("最尤推定値") == 5 * 14 and text_width("x̄") == text_width("x")  # wide 1 em; marks take none
    long = "x" * 40
    assert text_width(long) > LEGEND_WIDTH and legend_columns([long, "a"]) == 1


def test_legend_symbols_draw_each_entry_like_its_mark():
    """The rendered legend (SVG): a line as a stroke, the band as a square, the dashed rule dashed."""
    import re

    from estimation.charts.sampling import running_mean_chart

    chart = running_mean_chart(np.arange(1, 11), np.linspace(0, 1, 10), np.ones(10), 0.5, x_title="k", y_title="m",
                               running_label="running mean x̄ₖ", band_label="band", mean_label="E[X]")
    svg = export.to_svg(export.to_spec(chart))
    entries = re.findall(r'<g class="mark-symbol role-legend-symbol"[^>]*><path ([^>]*)/></g>'
                         r'<g class="mark-text role-legend-label"[^>]*><text[^>]*>([^<]*)</text>', svg)
    shapes = {label: (re.search(r' d="M[-\d.]+,([-\d.]+)', attrs).group(1) == "0",  # a horizontal stroke
                      (re.search(r'stroke-dasharray="([^"]*)"', attrs) or [None, None])[1])
              for attrs, label in entries}
    assert shapes == {"running mean x̄ₖ": (True, ""), "band": (False, ""), "E[X]": (True, "6,3")}


@pytest.mark.parametrize("text", ["Posterior mean and 95 % credible band against t", "Short",
                                  "The plain product of densities against the log-likelihood",
                                  "コインの標本（20 回中 8 回が 1）：q に対する H(p̂, q)"])
def test_long_titles_wrap_into_lines_that_fit_a_phone(text):
    from estimation.charts.theme import TITLE_SIZE, TITLE_WIDTH, text_width, title_lines

    lines = title_lines(text)
    assert all(1.1 * text_width(line, TITLE_SIZE) <= TITLE_WIDTH for line in lines)
    assert (len(lines) == 1) == (1.1 * text_width(text, TITLE_SIZE) <= TITLE_WIDTH)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost but the spaces at the breaks
    assert not any(line[0] in "）」、。：" for line in lines)
