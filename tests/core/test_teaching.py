"""Every page's exercise generators over many seeds, and every code snippet executed."""

from __future__ import annotations

import contextlib
import io
import re
import string

import numpy as np
import pytest

from estimation import teaching
from lab.strings import LANGUAGES, STRINGS, t

PAGES_WITH_QUESTIONS = sorted(p for p, m in teaching.modules().items() if getattr(m, "QUESTIONS", ()))
PAGES_WITH_SNIPPETS = sorted(p for p, m in teaching.modules().items() if hasattr(m, "snippet"))
SEEDS = range(150)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def test_there_are_exercises():
    assert "sampling" in PAGES_WITH_QUESTIONS


@pytest.mark.parametrize("page", PAGES_WITH_QUESTIONS)
def test_generators_are_sound_over_many_seeds(page):
    for seed in SEEDS:
        for q in teaching.questions(page, seed):
            assert np.isfinite(q.answer), (page, seed, q.prompt)
            assert q.is_right(q.answer)
            # prompt exists in both languages with exactly the question's fields
            assert q.prompt in STRINGS
            for lang in LANGUAGES:
                fields = {f for _, f, _, _ in string.Formatter().parse(STRINGS[q.prompt][lang]) if f}
                assert fields == set(q.fields), (q.prompt, lang)
                assert t(q.prompt, lang, **q.fields)
            for slip in q.slips:
                assert not q.is_right(slip.value), (page, seed, q.prompt, slip)  # distractor ≠ answer
                assert slip.hint in STRINGS
            if q.is_choice:
                assert len(set(q.choices)) == len(q.choices) >= 2
                assert 0 <= int(q.answer) < len(q.choices)
            else:
                # the worked solution's final number is the answer
                final = float(_NUMBER.findall(q.solution[-1])[-1])
                assert final == pytest.approx(q.answer, rel=1e-5, abs=1e-9), (page, seed, q.solution)


@pytest.mark.parametrize("page", PAGES_WITH_QUESTIONS)
def test_same_seed_same_questions(page):
    assert teaching.questions(page, 7) == teaching.questions(page, 7)
    variants = {tuple(sorted(map(str, q.fields.values()))) for s in range(20) for q in teaching.questions(page, s)[:1]}
    assert len(variants) > 1  # seeds give different variants


@pytest.mark.parametrize("page", PAGES_WITH_SNIPPETS)
def test_snippets_print_the_labs_number(page):
    examples = teaching.modules()[page].SNIPPET_EXAMPLES
    assert len(examples) >= 2
    for params in examples:
        snip = teaching.snippet(page, **params)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(snip.code, f"<snippet {page}>", "exec"), {})
        printed = float(_NUMBER.findall(out.getvalue())[-1])
        assert printed == pytest.approx(snip.value, rel=1e-9, abs=1e-12), (page, params)


def test_wrong_answers_and_slips_are_recognised():
    q = teaching.questions("sampling", 0)[2]  # halve the band: 4k, slip 2k
    k = q.fields["k"]
    assert q.is_right(4 * k) and not q.is_right(2 * k)
    assert q.slip(2 * k) == "ex.slip.sqrt_scaling" and q.slip(3 * k) is None
    assert not q.is_right(float("nan"))
