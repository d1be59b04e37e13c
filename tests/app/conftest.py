"""Fixtures shared by the AppTest tests."""

import io

import pytest
import streamlit


@pytest.fixture
def upload(monkeypatch):
    """Make ``st.file_uploader`` return the given bytes, or no file for None (AppTest cannot upload files)."""

    def use(raw: bytes | None):
        monkeypatch.setattr(streamlit, "file_uploader", lambda *a, **k: None if raw is None else io.BytesIO(raw))

    return use
