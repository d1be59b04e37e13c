"""Small text helpers the page views share (labels, not mathematics)."""

from __future__ import annotations

__all__ = ["superscript"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(exponent: int) -> str:
    """An integer in superscript digits, for powers of ten in labels: −55 → ``⁻⁵⁵``.

    Examples
    --------
    >>> superscript(-55), superscript(308), "10" + superscript(-3)
    ('⁻⁵⁵', '³⁰⁸', '10⁻³')
    """
    return str(int(exponent)).translate(_SUPERSCRIPT)
