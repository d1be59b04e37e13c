"""Export a Vega-Lite spec as PNG, SVG or its data as CSV, or all three in one ZIP (no browser needed).

PNG and SVG are rendered by ``vl-convert`` (Vega's own renderer compiled into
the package); CSV holds the chart's inline datasets.

A spec's datasets travel to the browser as Arrow IPC bytes: :func:`pack`
encodes them once, when the chart is built (the encoding Streamlit would
otherwise redo through pandas on every rerun), and :func:`unpack` turns them
back into records for the exports.
"""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

import altair as alt
import pandas as pd
import pyarrow as pa

from estimation.charts.theme import LEGEND_LAYOUT

#: Font folders registered with vl-convert so Japanese labels render (when present).
_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype")


@functools.cache
def _vl_convert():
    import vl_convert

    for folder in _FONT_DIRS:
        if Path(folder).is_dir():
            vl_convert.register_font_directory(folder)
    return vl_convert


def _to_arrow(rows: list[dict]) -> bytes:
    """Records as an Arrow IPC stream; a key a row lacks, or a NaN, becomes null."""
    names = dict.fromkeys(key for row in rows for key in row)
    table = pa.table({name: pa.array([row.get(name) for row in rows], from_pandas=True) for name in names})
    sink = pa.BufferOutputStream()
    with pa.RecordBatchStreamWriter(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def _from_arrow(data: bytes) -> list[dict]:
    """The records of :func:`_to_arrow` again (nulls become missing keys)."""
    rows = pa.ipc.open_stream(data).read_all().to_pylist()
    return [{k: v for k, v in row.items() if v is not None} for row in rows]


#: Name of a chart's one dataset in the specs :func:`to_spec` writes.
DATASET = "data"
#: Layer attributes altair moves or merges into the parent chart (then :func:`to_spec` leaves it to altair).
_LIFTED = ("data", "params", "height", "width", "view")


def to_spec(chart) -> dict:
    """``chart.to_dict(validate=False)`` with its records as the named dataset :data:`DATASET`, packed.

    For the lab's charts (:func:`~estimation.charts._layers.layered`: inline
    records on top, layers without data, params or sizes of their own) the
    same spec is assembled from cheaper parts: the chart is serialised
    without its rows and without its layers, then each layer on its own, as
    altair's ``to_dict`` would serialise it inside the parent, and the rows go
    in as a dataset. Altair would otherwise hash all rows as JSON to name the
    dataset, and re-create the layered chart, deep-copying every layer twice.
    The chart is left as it was; any other chart goes through ``to_dict``.
    Schema validation is skipped: the builders' unit tests validate their specs.
    """
    data = chart.data
    plain = isinstance(chart, alt.LayerChart) and isinstance(data, dict) and set(data) == {"values"} and all(
        getattr(layer, attr) is alt.Undefined for layer in chart.layer for attr in _LIFTED)
    if not plain:
        return pack(_stack_legends(chart.to_dict(validate=False)))
    layers = chart.layer
    named = {"name": DATASET}
    chart.data = named
    chart.layer = []
    try:
        spec = chart.to_dict(validate=False)
    finally:
        chart.data = data
        chart.layer = layers
    context = {"top_level": False, "datasets": {}, "data": named, "pre_transform": False}
    spec["layer"] = [layer.to_dict(validate=False, context=dict(context)) for layer in layers]
    spec["datasets"] = {DATASET: data["values"]}
    return pack(_stack_legends(spec))


def _stack_legends(spec: dict) -> dict:
    """Stack a chart's legends under it, one above the other (Vega's legend layout, which Vega-Lite passes on).

    Vega puts the legends of one orient side by side; under a half-width or
    phone-width chart the last ones would be cut at its edge. Vega-Lite's
    schema has no word for this, so it goes into the finished spec's config.
    """
    if "config" in spec:
        legend = spec["config"].setdefault("legend", {})
        legend.setdefault("layout", LEGEND_LAYOUT)
    return spec


def pack(spec: dict) -> dict:
    """``spec`` with every dataset of records encoded as Arrow IPC bytes.

    A dataset whose columns mix types Arrow cannot hold in one column (text
    and numbers), or that has no columns at all, is left as records. The spec
    is changed in place and returned.
    """
    datasets = spec.get("datasets") or {}
    for name, rows in datasets.items():
        if isinstance(rows, list) and any(rows):
            try:
                datasets[name] = _to_arrow(rows)
            except (pa.ArrowInvalid, pa.ArrowTypeError):
                pass
    return spec


def unpack(spec: dict) -> dict:
    """A copy of ``spec`` whose Arrow-encoded datasets (see :func:`pack`) are records again."""
    datasets = spec.get("datasets")
    if not datasets:
        return spec
    return {**spec, "datasets": {name: _from_arrow(rows) if isinstance(rows, bytes) else rows
                                 for name, rows in datasets.items()}}


def to_png(spec: dict, *, scale: float = 2.0) -> bytes:
    """Render ``spec`` to PNG bytes (``scale`` × the on-screen size, for slides)."""
    return _vl_convert().vegalite_to_png(unpack(spec), scale=scale)


def to_svg(spec: dict) -> str:
    """Render ``spec`` to an SVG document."""
    return _vl_convert().vegalite_to_svg(unpack(spec))


def to_csv(spec: dict) -> str:
    """The chart's inline data as CSV (several datasets are stacked, tagged by ``dataset``)."""
    datasets = unpack(spec).get("datasets") or {}
    frames = [pd.DataFrame(rows).assign(dataset=i) for i, rows in enumerate(datasets.values())]
    if not frames:
        return ""
    table = pd.concat(frames, ignore_index=True)
    if len(frames) == 1:
        table = table.drop(columns="dataset")
    return table.to_csv(index=False)


def to_zip(spec: dict, stem: str) -> bytes:
    """A ZIP archive of ``stem.png``, ``stem.svg`` and ``stem.csv``: the chart and its data in one download.

    One download button per chart (built only when clicked) costs a page one
    element per chart instead of a menu of three.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{stem}.png", to_png(spec))
        archive.writestr(f"{stem}.svg", to_svg(spec))
        archive.writestr(f"{stem}.csv", to_csv(spec))
    return buffer.getvalue()
