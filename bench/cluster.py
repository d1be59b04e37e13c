"""Start the app on loopback: one ``streamlit run`` process, or two behind Debian's HAProxy.

The two-replica setup is ``deploy/haproxy-loopback.cfg`` (the affinity,
timeouts and health check of ``deploy/haproxy.cfg``, on 127.0.0.1 ports taken
from the environment). Used by ``bench/load.py``, ``bench/replicas.py`` and
``tests/test_replicas.py``; it imports nothing from the rest of ``bench/``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK_CFG = ROOT / "deploy" / "haproxy-loopback.cfg"


def haproxy() -> str | None:
    """Path of the haproxy binary, or None (Debian installs it in /usr/sbin)."""
    return shutil.which("haproxy") or next((p for p in ("/usr/sbin/haproxy",) if os.access(p, os.X_OK)), None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, timeout: float = 120.0, proc: subprocess.Popen | None = None) -> None:
    """Wait (bounded) until ``url``/_stcore/health answers 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"process for {url} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} not healthy after {timeout:g} s")


def start_app(port: int, *, log: Path | None = None, options: dict[str, str] | None = None) -> subprocess.Popen:
    """``streamlit run streamlit_app.py`` headless on 127.0.0.1:``port``."""
    args = [sys.executable, "-m", "streamlit", "run", "streamlit_app.py", "--server.headless", "true",
            "--server.address", "127.0.0.1", "--server.port", str(port)]
    for name, value in (options or {}).items():
        args += [f"--{name}", value]
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen(args, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


@dataclass
class Cluster:
    """What is running: the URL to use, the app processes (their pids for CPU/RSS) and the balancer."""

    url: str
    apps: list[subprocess.Popen]
    app_urls: list[str]
    balancer: subprocess.Popen | None = None
    logs: list[Path] = field(default_factory=list)

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.apps]

    def replica_names(self) -> list[str]:
        """The balancer's cookie values, in the order of :attr:`apps` (``app1``, ``app2``)."""
        return [f"app{i + 1}" for i in range(len(self.apps))]

    def stop(self) -> None:
        for proc in ([self.balancer] if self.balancer else []) + self.apps:
            if proc.poll() is None:
                proc.terminate()
        for proc in ([self.balancer] if self.balancer else []) + self.apps:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)


@contextlib.contextmanager
def serve(replicas: int = 1, *, log_dir: Path | None = None, options: dict[str, str] | None = None):
    """Run the app: ``replicas=1`` is one process (no balancer), ``replicas=2`` two behind HAProxy.

    ``options`` are Streamlit config options (``{"runner.postScriptGC": "false"}``).
    """
    if replicas not in (1, 2):
        raise ValueError("deploy/haproxy-loopback.cfg has two servers: replicas must be 1 or 2")
    ports = [free_port() for _ in range(replicas)]
    logs = [log_dir / f"app{i + 1}.log" for i in range(replicas)] if log_dir else []
    apps = [start_app(port, log=logs[i] if logs else None, options=options) for i, port in enumerate(ports)]
    app_urls = [f"http://127.0.0.1:{port}" for port in ports]
    cluster = Cluster(url=app_urls[0], apps=apps, app_urls=app_urls, logs=logs)
    try:
        for url, proc in zip(app_urls, apps):
            wait_healthy(url, proc=proc)
        if replicas == 2:
            binary = haproxy()
            if binary is None:
                raise FileNotFoundError("haproxy not found (apt-get install haproxy)")
            lb_port = free_port()
            env = {**os.environ, "LB_PORT": str(lb_port), "APP1_PORT": str(ports[0]), "APP2_PORT": str(ports[1])}
            log = log_dir / "haproxy.log" if log_dir else None
            out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
            cluster.balancer = subprocess.Popen([binary, "-db", "-f", str(LOOPBACK_CFG)], env=env,
                                                stdout=out, stderr=subprocess.STDOUT)
            cluster.url = f"http://127.0.0.1:{lb_port}"
            if log:
                cluster.logs.append(log)
            wait_healthy(cluster.url, timeout=30, proc=cluster.balancer)
        yield cluster
    finally:
        cluster.stop()
