"""Open pages in AppTest the way a direct link does."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from lab.registry import PAGES
from tests.conftest import ENTRY

TIMEOUT = 60
#: The address a browser reports (``st.context.url``) in these tests.
ORIGIN = "http://localhost:8501"
#: The registry by script path (the tests open pages by path).
BY_PATH = {p.path: p for p in PAGES}


def open_page(path: str, query: dict[str, str | list[str]] | None = None, *, locale: str | None = None,
              url: bool = True) -> AppTest:
    """Run ``path`` as if opened from a URL with ``query`` (switch_page before the first run).

    Like a browser, the run reports its address (``st.context.url``, unless
    ``url`` is false) and, if given, the browser's ``locale``.
    """
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    if url:
        at.context["url"] = f"{ORIGIN}/{BY_PATH[path].url_path}"
    if locale:
        at.context["locale"] = locale
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
