"""Deployment: the Community Cloud install path (a fresh venv from requirements.txt alone runs every
page) and the scale-out files (Dockerfile, deploy/compose.yaml, deploy/haproxy*.cfg; Docker itself is
not available to the tests, so the compose file is checked by its fields and HAProxy checks its configs).
"""

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


# -- Scale-out: Dockerfile, deploy/compose.yaml, deploy/haproxy*.cfg --------------------------------

DEPLOY = ROOT / "deploy"
HAPROXY_CONFIGS = {
    "haproxy.cfg": {},
    "haproxy-loopback.cfg": {"LB_PORT": "18500", "APP1_PORT": "18501", "APP2_PORT": "18502"},
}


def _directives(path):
    """The config's lines, comments and indentation stripped, by section (``backend streamlit`` → lines)."""
    sections, current = {}, None
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if not raw[0].isspace():
            current = line
            sections[current] = []
        else:
            sections[current].append(" ".join(line.split()))
    return sections


def test_dockerfile_runs_the_app_headless_on_8501():
    text = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in text.splitlines()
    assert "pip install -r requirements.txt" in text
    cmd = next(line for line in text.splitlines() if line.startswith("CMD"))
    for part in ('"streamlit"', '"run"', '"streamlit_app.py"', "--server.headless=true", "--server.port=8501",
                 "--server.address=0.0.0.0"):
        assert part in cmd
    assert "/_stcore/health" in text


def test_compose_runs_replicas_behind_haproxy_with_health_checks():
    yaml = pytest.importorskip("yaml")
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, lb = compose["services"]["app"], compose["services"]["lb"]
    assert (DEPLOY / app["build"]["context"] / app["build"]["dockerfile"]).resolve() == ROOT / "Dockerfile"
    assert int(app["deploy"]["replicas"]) >= 2
    assert "8501" in [str(p) for p in app["expose"]]
    assert any("/_stcore/health" in str(part) for part in app["healthcheck"]["test"])
    assert lb["image"].split(":")[0] == "haproxy"  # the official image
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in lb["volumes"]
    assert any(str(p).endswith(":8080") for p in lb["ports"])
    assert lb["depends_on"]["app"]["condition"] == "service_healthy"


@pytest.mark.parametrize("name", sorted(HAPROXY_CONFIGS))
def test_haproxy_affinity_is_by_cookie_with_websocket_timeouts(name):
    from bench.stclient import AFFINITY_COOKIE

    sections = _directives(DEPLOY / name)
    defaults, backend = sections["defaults"], sections["backend streamlit"]
    cookie = next(d for d in backend if d.startswith("cookie "))
    assert cookie.startswith(f"cookie {AFFINITY_COOKIE} insert indirect nocache")
    # Never by client address: a class behind one NAT shares one IP.
    assert not [d for d in backend if d.startswith(("balance source", "hash-type", "stick"))]
    assert "timeout tunnel 1h" in defaults
    assert "option httpchk GET /_stcore/health" in backend
    servers = [d for d in backend if d.startswith(("server ", "server-template "))]
    assert servers and all(" check" in d for d in servers)
    if name == "haproxy-loopback.cfg":
        assert [d.split()[-1] for d in servers] == ["app1", "app2"]  # cookie values, as bench/cluster.py names them
    else:
        assert "dynamic" in cookie.split() and any(d.startswith("dynamic-cookie-key") for d in backend)


@pytest.mark.parametrize("name", sorted(HAPROXY_CONFIGS))
def test_haproxy_accepts_the_config(name):
    from bench.cluster import haproxy

    binary = haproxy()
    if binary is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("haproxy missing in CI (.ci/run installs it)")
        pytest.skip("haproxy not installed (apt-get install haproxy)")
    check = subprocess.run([binary, "-c", "-f", DEPLOY / name], capture_output=True, text=True, timeout=60,
                           env={**os.environ, **HAPROXY_CONFIGS[name]})
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Configuration file is valid" in check.stdout + check.stderr


def test_the_shipped_config_spares_a_class_the_per_session_costs():
    # Measured in bench/: per-session file watching made 20 simultaneous first pages cost 3.2 s of server CPU
    # (0.4 s without), and the post-run full collection took a third of the server's CPU at 30 sessions.
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["fileWatcherType"] == "none"
    assert config["runner"]["postScriptGC"] is False
    assert config["runner"]["magicEnabled"] is False
