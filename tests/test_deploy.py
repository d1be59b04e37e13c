"""The Community Cloud install path: a fresh venv from requirements.txt alone runs every page."""

from __future__ import annotations

import os
import subprocess
import textwrap
import venv

import pytest

from tests.conftest import ROOT, page_scripts

SCRIPT = textwrap.dedent(
    """
    import sys
    from streamlit.testing.v1 import AppTest

    failures = []
    for path in sys.argv[1:]:
        at = AppTest.from_file("streamlit_app.py", default_timeout=120)
        if path != "streamlit_app.py":
            at.switch_page(path)
        at.run()
        if at.exception:
            failures.append((path, [e.value for e in at.exception]))
    print(f"ran {len(sys.argv) - 1} pages, {len(failures)} failed")
    sys.exit(1 if failures else 0)
    """
)


@pytest.mark.slow
def test_fresh_venv_from_requirements_runs_every_page(tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", ROOT / "requirements.txt"],
        capture_output=True, text=True, env=env, timeout=900,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    # Nothing from the dev requirements leaked in: the app must not need them.
    probe = subprocess.run([python, "-c", "import pytest"], capture_output=True, env=env)
    assert probe.returncode != 0
    run = subprocess.run(
        [python, "-c", SCRIPT, *page_scripts()], cwd=ROOT, capture_output=True, text=True, env=env, timeout=900,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert f"ran {len(page_scripts())} pages, 0 failed" in run.stdout
