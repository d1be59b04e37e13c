"""Open pages in AppTest the way a direct link does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ENTRY

TIMEOUT = 60


def open_page(path: str, query: dict[str, str | list[str]] | None = None) -> AppTest:
    """Run ``path`` as if opened from a URL with ``query`` (switch_page before the first run)."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    if path != "streamlit_app.py":
        at.switch_page(path)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    return at


def warnings_text(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def assert_healthy(at: AppTest) -> None:
    """No exception element and no error box."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
