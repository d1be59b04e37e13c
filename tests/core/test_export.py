"""Chart export: PNG/SVG through vl-convert, CSV from the inline data."""

import io

import pandas as pd

from estimation import sampling
from estimation.charts import export
from estimation.charts import sampling as charts


def _spec():
    s = sampling.summarize("binomial", {"n": 10, "p": 0.3}, 500, seed=1)
    return s, charts.histogram_chart(
        s.hist, discrete=True, x_title="x", y_title="P", observed_label="sample", exact_label="pmf",
        title="Histogram 日本語").to_dict()


def test_png_and_svg_render():
    _, spec = _spec()
    png = export.to_png(spec)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000
    svg = export.to_svg(spec)
    assert svg.lstrip().startswith("<svg") and "Histogram" in svg


def test_csv_holds_the_plotted_data():
    s, spec = _spec()
    table = pd.read_csv(io.StringIO(export.to_csv(spec)))
    bars = table[table["series"] == "sample"]
    assert bars["count"].sum() == 500
    assert list(bars["left"] + 0.5) == list(s.hist.center)
