"""Numbers in tables as people read them: 4 significant digits, powers of ten for the very large or small,
thousands separators for counts, and "—" for a value that does not exist (None or NaN).

Streamlit's column formats cannot do this: its "%.4g" prints 6.793e10 as 67930000000, and a missing value
shows as "None" whatever the format (a pandas Styler's na_rep too). So these columns hold the text shown,
right-aligned like numbers (:func:`number`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import streamlit as st

#: What a table shows for a value that does not exist (the footnotes promise it).
MISSING = "—"


def significant(digits: int = 4) -> Callable[[float], str]:
    """A formatter: ``digits`` significant digits, e-notation below 10⁻⁴ or from 10^digits (``%g``)."""
    return lambda x: MISSING if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}g}"


def count(x) -> str:
    """A whole number with thousands separators (1,234), or :data:`MISSING`."""
    return MISSING if x is None or (isinstance(x, float) and math.isnan(x)) else f"{int(x):,}"



def number(label: str | None = None, *, help: str | None = None):
    """A column of numbers shown as text: right-aligned, like Streamlit's number columns (``help``: its tooltip)."""
    return st.column_config.TextColumn(label, alignment="right", help=help)
