"""Shared fixtures: the repository root and page discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "streamlit_app.py"


def page_scripts() -> list[str]:
    """Every page script, relative to the root: the entry point and pages/*.py."""
    return ["streamlit_app.py"] + sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))


@pytest.fixture(autouse=True)
def _clear_streamlit_caches():
    """st.cache_data survives between AppTest instances: start every test cold."""
    import streamlit as st

    st.cache_data.clear()
    yield
