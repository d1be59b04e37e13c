"""House rules that keep the layers apart (checked statically)."""

from __future__ import annotations

import ast

import pytest

from lab.registry import PAGES
from tests.conftest import ROOT, page_scripts


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


@pytest.mark.parametrize("path", sorted((ROOT / "estimation").rglob("*.py")), ids=lambda p: p.name)
def test_core_never_imports_streamlit(path):
    mods = set(_imports(path))
    assert not any(m.split(".")[0] == "streamlit" for m in mods), path
    if "charts" not in path.parts:
        assert not any(m.split(".")[0] == "altair" for m in mods), f"{path}: altair only under charts/"


def test_every_page_script_is_registered_and_every_entry_exists():
    registered = {p.path for p in PAGES}
    assert set(page_scripts()) == registered
    assert len({p.id for p in PAGES}) == len(PAGES)
    assert len({p.url_path for p in PAGES}) == len(PAGES)


@pytest.mark.parametrize("path", page_scripts())
def test_every_page_calls_the_shell_first(path):
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
    names = [getattr(c.func, "id", getattr(c.func, "attr", None)) for c in calls]
    assert "page_shell" in names, path
    st_calls = [c for c in calls if isinstance(c.func, ast.Attribute)
                and isinstance(c.func.value, ast.Name) and c.func.value.id == "st"]
    shell_line = next(c.lineno for c in calls if getattr(c.func, "id", None) == "page_shell")
    assert all(c.lineno > shell_line for c in st_calls), f"{path}: st.* called before page_shell"
    assert "navigation" not in {c.func.attr for c in st_calls}, "st.navigation breaks pages/ links"


def _cache_calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("cache_data", "cache_resource"):
            yield node


def test_every_cache_is_bounded_and_pages_use_the_shared_one():
    for path in [ROOT / p for p in page_scripts()]:
        assert not list(_cache_calls(path)), f"{path}: use lab.shell.cached (bounded)"
    for path in (ROOT / "lab").rglob("*.py"):
        for call in _cache_calls(path):
            assert "max_entries" in {k.arg for k in call.keywords}, f"{path}:{call.lineno} unbounded cache"


def test_the_start_up_heap_is_frozen_before_streamlits_post_run_collections():
    # Streamlit's gc.collect(2) after every run (runner.postScriptGC) would otherwise walk every object of
    # numpy, scipy, pandas, altair and Streamlit itself on each rerun; lab.startup.start freezes them once,
    # with every core module already imported.
    import gc
    import pkgutil
    import sys

    import estimation
    from lab.startup import start

    start()
    core = [m.name for m in pkgutil.walk_packages(estimation.__path__, "estimation.")]
    assert len(core) > 20 and all(name in sys.modules for name in core)
    assert gc.get_freeze_count() > 50_000


def test_importing_the_lab_has_no_side_effects():
    # The start-up effects (BLAS threads, the frozen heap) happen in lab.startup.start() alone, which
    # page_shell calls first; importing every lab module must leave the process as it was.
    import subprocess
    import sys

    code = (
        "import gc, importlib, pkgutil, numpy, lab\n"
        "from threadpoolctl import threadpool_info\n"
        "before = [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
        "for m in pkgutil.walk_packages(lab.__path__, 'lab.'): importlib.import_module(m.name)\n"
        "after = [i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas']\n"
        "assert gc.get_freeze_count() == 0, gc.get_freeze_count()\n"
        "assert before == after, (before, after)\n"
        "from lab.startup import start; start()\n"
        "assert gc.get_freeze_count() > 50_000\n"
        "assert all(i['num_threads'] == 1 for i in threadpool_info() if i['user_api'] == 'blas')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
