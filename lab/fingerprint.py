"""A fast content digest of the values the pages pass to chart builders.

Streamlit's cache hashes a dataclass through :func:`dataclasses.asdict`, which
deep-copies every array in it; the lab's results are nested frozen dataclasses
of arrays, so that copy dominated a cached chart's cost. :func:`fingerprint`
walks the same values without copying: arrays by dtype, shape and raw bytes,
containers in order, dataclasses field by field, anything else by pickle.
"""

from __future__ import annotations

import dataclasses
import hashlib
import pickle
from typing import Any

import numpy as np

_NUMBERS = (bool, int, float, complex, np.generic)


def fingerprint(obj: Any) -> str:
    """A hex digest that changes whenever ``obj``'s content, types or order change.

    Equal content of equal types gives equal digests; ``(1,)``, ``[1]``,
    ``1``, ``1.0`` and ``True`` all differ, as do arrays with the same bytes
    but another dtype or shape, and dicts with the same items in another
    order (order is visible in a chart's legend).
    """
    digest = hashlib.blake2b(digest_size=20)
    _feed(digest, obj)
    return digest.hexdigest()


def _feed(digest, obj: Any) -> None:
    kind = type(obj)
    digest.update(f"<{kind.__module__}.{kind.__qualname__}>".encode())
    if obj is None:
        return
    if isinstance(obj, str):
        obj = obj.encode("utf-8", "surrogatepass")
    if isinstance(obj, (bytes, bytearray)):
        digest.update(len(obj).to_bytes(8, "little"))
        digest.update(obj)
    elif isinstance(obj, np.ndarray) and obj.dtype != object:
        digest.update(f"{obj.dtype.str}{obj.shape}".encode())
        digest.update(np.ascontiguousarray(obj).data)
    elif isinstance(obj, _NUMBERS):
        digest.update(f"{obj!r};".encode())
    elif isinstance(obj, (list, tuple, np.ndarray)):
        digest.update(f"{len(obj)}[".encode())
        for item in obj:
            _feed(digest, item)
    elif isinstance(obj, dict):
        digest.update(f"{len(obj)}{{".encode())
        for key, value in obj.items():
            _feed(digest, key)
            _feed(digest, value)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            _feed(digest, f.name)
            _feed(digest, getattr(obj, f.name))
    else:
        payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        digest.update(len(payload).to_bytes(8, "little"))
        digest.update(payload)
