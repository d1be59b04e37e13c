"""Every user-facing string, in English and Japanese.

The catalogue is one dictionary, ``STRINGS[key] = {"en": ..., "ja": ...}``,
assembled from one submodule per page (every module in this package is
loaded), so that pages can be written in parallel. Keys are namespaced by page (``sampling.title``) and ``common.*``
is shared. Strings may contain ``str.format`` fields (``{n}``); both languages
must use the same fields (tested).
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("en", "ja")
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}

STRINGS: dict[str, dict[str, str]] = {}
for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    _overlap = STRINGS.keys() & _module.STRINGS.keys()
    if _overlap:
        raise RuntimeError(f"duplicate string keys: {sorted(_overlap)}")
    STRINGS.update(_module.STRINGS)


def t(key: str, lang: str = "en", /, **fields) -> str:
    """Look up ``key`` in ``lang`` and fill its ``{fields}``.

    An unknown key raises ``KeyError`` (a programming error, caught by the
    tests); an unknown language falls back to English.
    """
    entry = STRINGS[key]
    text = entry.get(lang, entry["en"])
    return text.format(**fields) if fields else text
