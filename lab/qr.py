"""QR codes of a view's address (made here with ``segno``: no network call)."""

from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=64)
def qr_png(url: str, *, scale: int = 8) -> bytes:
    """A PNG of the QR code of ``url`` (error correction M, a quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
