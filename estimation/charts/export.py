"""Export a Vega-Lite spec as PNG, SVG or its data as CSV (no browser needed).

PNG and SVG are rendered by ``vl-convert`` (Vega's own renderer compiled into
the package); CSV holds the chart's inline datasets.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pandas as pd

#: Font folders registered with vl-convert so Japanese labels render (when present).
_FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype")


@functools.cache
def _vl_convert():
    import vl_convert

    for folder in _FONT_DIRS:
        if Path(folder).is_dir():
            vl_convert.register_font_directory(folder)
    return vl_convert


def to_png(spec: dict, *, scale: float = 2.0) -> bytes:
    """Render ``spec`` to PNG bytes (``scale`` × the on-screen size, for slides)."""
    return _vl_convert().vegalite_to_png(spec, scale=scale)


def to_svg(spec: dict) -> str:
    """Render ``spec`` to an SVG document."""
    return _vl_convert().vegalite_to_svg(spec)


def to_csv(spec: dict) -> str:
    """The chart's inline data as CSV (several datasets are stacked, tagged by ``dataset``)."""
    datasets = spec.get("datasets") or {}
    frames = [pd.DataFrame(rows).assign(dataset=i) for i, rows in enumerate(datasets.values())]
    if not frames:
        return ""
    table = pd.concat(frames, ignore_index=True)
    if len(frames) == 1:
        table = table.drop(columns="dataset")
    return table.to_csv(index=False)
