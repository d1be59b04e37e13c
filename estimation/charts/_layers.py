"""Small helpers shared by the chart builders: layers filtered by ``kind``, row tables, datasets.

Every chart carries one top-level dataset; its rows are plain dicts of Python
values, and a value a row does not have is a *missing key*, never NaN/null.
"""

from __future__ import annotations

import altair as alt
import numpy as np

from estimation.charts.theme import HEIGHT, finish


def kind_layer(kind: str) -> alt.Chart:
    """An empty layer showing only the rows whose ``kind`` column equals ``kind``."""
    return alt.Chart().transform_filter(alt.FieldEqualPredicate(field="kind", equal=kind))


def records(*parts: dict, **columns) -> list[dict]:
    """Rows from column dicts: each part's arrays have one length, its scalars are repeated.

    ``columns`` given as keywords form one more part. Values become Python
    floats/ints/strings (``tolist``), so the spec is plain JSON; a column a
    part does not have is absent from its rows (callers never pass NaN).
    """
    rows: list[dict] = []
    for part in (*parts, columns) if columns else parts:
        size = max((np.size(v) for v in part.values() if np.ndim(v)), default=1)
        cols = [np.broadcast_to(np.asarray(v), (size,)).tolist() for v in part.values()]
        rows += [dict(zip(part, row)) for row in zip(*cols)]
    return rows


def layered(*layers: alt.Chart, rows: list[dict], title: str | None = None, height: int = HEIGHT) -> alt.LayerChart:
    """The lab's top-level chart: ``layers`` over the one dataset ``rows``, finished.

    Draws the same as ``finish(alt.layer(*layers, data={"values": rows},
    height=height), title=title)`` but is assembled in an order altair does not
    copy: ``alt.layer`` and every copy of a layered chart deep-copy all layers
    and their data, so the empty chart is finished first and gets its layers
    and records afterwards (``to_dict`` still checks the layers and lifts
    their settings as usual). Layers carry no data of their own.
    """
    chart = finish(alt.LayerChart(height=height), title=title)
    chart.layer = list(layers)
    chart.data = {"values": rows}
    return chart
