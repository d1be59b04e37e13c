"""Every user-facing string exists in both languages and is used somewhere."""

from __future__ import annotations

import ast
import re
import string

import pytest

from lab.registry import PAGES, SECTIONS
from lab.strings import LANGUAGES, STRINGS, t
from tests.conftest import ROOT

SOURCES = [ROOT / "streamlit_app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "lab").rglob("*.py")),
           *sorted((ROOT / "estimation" / "teaching").glob("*.py")),
           *sorted((ROOT / "estimation" / "views").glob("*.py"))]  # views label the tables they make


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_has_both_languages_with_the_same_fields(key):
    entry = STRINGS[key]
    assert set(entry) == set(LANGUAGES), key
    assert all(entry[lang].strip() for lang in LANGUAGES), key
    assert _fields(entry["en"]) == _fields(entry["ja"]), key


def _literals_and_patterns():
    """String constants in the UI code, and f-strings as regular expressions."""
    constants, patterns = set(), []
    for path in SOURCES:
        if "strings" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
                # Only f-strings with a literal prefix can name a key ("sampling.dist.{d}");
                # "{a}.{b}" would match every key and hide unused ones.
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"[\w]+" for v in node.values]
                patterns.append(re.compile("".join(parts)))
    return constants, patterns


def test_no_unused_keys():
    constants, patterns = _literals_and_patterns()
    derived = {k for p in PAGES for k in (p.title_key, p.summary_key, p.exam_key)}
    derived |= {f"common.section.{s}" for s in SECTIONS} | {f"common.nav.{p.id}" for p in PAGES}
    unused = [
        key for key in STRINGS
        if key not in constants and key not in derived and not any(p.fullmatch(key) for p in patterns)
    ]
    assert not unused, unused


def test_lookup_formats_fields_and_falls_back_to_english():
    assert "`n`" in t("common.bad_param", "ja", name="n", reason="r", default="1")
    assert t("common.app_title", "xx") == STRINGS["common.app_title"]["en"]
    with pytest.raises(KeyError):
        t("no.such.key")


def _input_errors():
    """(key, field names) of every ``InputError(...)`` raised in the core, read from the source."""
    found = []
    for path in sorted((ROOT / "estimation").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "InputError" and node.args:
                key = node.args[0]  # a literal, or "a" if ... else "b"
                keys = [key.body.value, key.orelse.value] if isinstance(key, ast.IfExp) else [key.value]
                found += [(k, {kw.arg for kw in node.keywords}) for k in keys]
    return found


def test_every_core_input_error_is_translated_with_its_fields():
    raised = _input_errors()
    assert len(raised) >= 15
    for key, fields in raised:
        entry = f"error.{key}"
        assert entry in STRINGS, entry
        assert _fields(STRINGS[entry]["en"]) == fields, (entry, fields)
    assert {f"error.{k}" for k, _ in raised} == {k for k in STRINGS if k.startswith("error.")}


@pytest.mark.parametrize("path", sorted((ROOT / "lab" / "strings").glob("*.py")), ids=lambda p: p.name)
def test_no_key_is_written_twice_in_one_module(path):
    """A repeated key in one dict literal silently drops the first entry (two pages' errors once collided)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
