"""Chart export: PNG/SVG through vl-convert, CSV from the inline data."""

import io

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from estimation.charts import export
from estimation.charts import sampling as charts
from estimation.views import sampling as views


def _spec():
    s = views.histogram_view("binomial", {"n": 10, "p": 0.3}, 500, seed=1)
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
    assert list(bars["left"] + 0.5) == list(0.5 * (s.hist.left + s.hist.right))  # the bins' centres


def test_zip_holds_the_png_svg_and_csv():
    import zipfile

    _, spec = _spec()
    with zipfile.ZipFile(io.BytesIO(export.to_zip(spec, "sampling_histogram"))) as archive:
        assert sorted(archive.namelist()) == ["sampling_histogram.csv", "sampling_histogram.png",
                                              "sampling_histogram.svg"]
        assert archive.read("sampling_histogram.png")[:8] == b"\x89PNG\r\n\x1a\n"
        assert archive.read("sampling_histogram.svg").decode() == export.to_svg(spec)
        assert archive.read("sampling_histogram.csv").decode() == export.to_csv(spec)


# -- pack/unpack: the datasets' Arrow transport --------------------------------
_VALUE = st.one_of(st.integers(-2**53, 2**53), st.floats(allow_nan=False, allow_infinity=False),
                   st.text(max_size=8), st.booleans())
_ROW = st.dictionaries(st.sampled_from("abcd"), _VALUE, max_size=4)


@given(st.lists(_ROW, max_size=30))
def test_unpack_restores_the_packed_records(rows):
    spec = {"mark": "point", "datasets": {"d": [dict(r) for r in rows]}}
    packed = export.pack(spec)
    data = packed["datasets"]["d"]
    if isinstance(data, bytes):  # packed: every column held one type
        restored = export.unpack(packed)["datasets"]["d"]
        assert len(restored) == len(rows)
        for got, want in zip(restored, rows):
            assert got.keys() == want.keys()
            for key, value in want.items():  # an int column holding a float turns into floats
                assert got[key] == value and isinstance(got[key], str) == isinstance(value, str)
    else:  # mixed text and numbers in one column: left as records
        assert data == rows


def test_pack_writes_what_streamlit_reads_and_nan_becomes_missing():
    import pyarrow as pa

    spec = export.pack({"datasets": {"d": [{"x": 1.5, "s": "a"}, {"x": float("nan")}, {"s": "日本"}]}})
    table = pa.ipc.open_stream(spec["datasets"]["d"]).read_all()
    assert table.column_names == ["x", "s"] and table.num_rows == 3
    assert table.column("x").to_pylist() == [1.5, None, None]
    assert export.unpack(spec)["datasets"]["d"] == [{"x": 1.5, "s": "a"}, {}, {"s": "日本"}]


def test_exports_read_packed_specs():
    s, spec = _spec()
    packed = export.pack(dict(spec, datasets=dict(spec["datasets"])))
    assert export.to_csv(packed) == export.to_csv(spec)
    assert export.to_svg(packed) == export.to_svg(spec)


def test_exports_draw_every_label_in_a_sans_serif_font():
    """x̄ₖ, θ̂ and Japanese in an exported chart: no serif fallback (vl-convert once drew x̄ₖ in DejaVu Serif).

    The PDF names the fonts the renderer actually used (the PNG is drawn by the same renderer); the SVG
    carries the chart's font list, DejaVu Sans first (Debian's fonts-dejavu-core, installed by .ci/run).
    """
    import re

    import numpy as np

    from estimation.charts.theme import FONT

    chart = charts.running_mean_chart(np.arange(1, 11), np.linspace(0, 1, 10), np.ones(10), 0.5, x_title="k",
                                      y_title="標本平均 x̄ₖ", running_label="running mean x̄ₖ",
                                      band_label="θ̂ ± 2·sd/√k", mean_label="E[X]", title="平均 x̄ₖ")
    spec = export.unpack(export.to_spec(chart))
    assert spec["config"]["font"] == FONT and FONT.startswith("DejaVu Sans,") and FONT.endswith("sans-serif")
    used = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([A-Za-z0-9\-]+)", export._vl_convert().vegalite_to_pdf(spec)))
    assert b"DejaVuSans" in used and b"DejaVuSans-Bold" in used  # labels and the bold axis titles
    assert not [font for font in used if b"Serif" in font or b"Math" in font], used
    families = set(re.findall(r'font-family="([^"]+)"', export.to_svg(spec)))
    assert families == {FONT}
