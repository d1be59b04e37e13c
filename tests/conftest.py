"""Shared fixtures: the repository root and page discovery."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from hypothesis import settings
from streamlit.components.v2 import manifest_scanner

# AppTest.run() rescans the metadata of every installed package for Streamlit
# components on each run (~0.3 s); the lab uses none, and the installed set
# does not change during a test session, so scan once.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)

# No per-example deadline: CI shares 2 cores, so wall time is not a property of
# the code. In CI the examples are derandomised, so a red run is reproducible.
settings.register_profile("lab", deadline=None, print_blob=True)
settings.register_profile("ci", parent=settings.get_profile("lab"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI", "").lower() == "true" else "lab")

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
