"""The translated sidebar navigation (``st.page_link``; never ``st.navigation``, which breaks direct links)."""

from __future__ import annotations

import streamlit as st

from lab.registry import PAGES, SECTIONS, PageInfo
from lab.strings import STRINGS, t
from lab.urlstate import LANG, PRESENT, SEED, default_of


def nav_key(page: PageInfo) -> str:
    """The sidebar label's key: a short ``common.nav.<id>`` if defined, else the title."""
    key = f"common.nav.{page.id}"
    return key if key in STRINGS else page.title_key


def navigation(lang: str, seed: int, present: bool = False) -> None:
    """Links to every page by section, carrying the language, seed and presenter mode (when not the defaults)."""
    carry = {}
    if lang != default_of(LANG):
        carry[LANG.name] = lang
    if seed != SEED.default:
        carry[SEED.name] = str(seed)
    if present:
        carry[PRESENT.name] = PRESENT.to_url(True)
    for section in SECTIONS:
        pages = [p for p in PAGES if p.section == section]
        if not pages:
            continue
        st.sidebar.caption(t(f"common.section.{section}", lang).upper())
        for page in pages:
            st.sidebar.page_link(page.path, label=t(nav_key(page), lang), icon=page.icon,
                                 query_params=carry or None)
