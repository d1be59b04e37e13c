"""The "Check yourself" section: a page's exercises for the current seed, with feedback.

:class:`Exercises` is a part of :class:`lab.shell.Shell`; the questions come
from :mod:`estimation.teaching`. Each question is its own ``st.fragment``:
checking an answer reruns that question alone, not the page's charts.
"""

from __future__ import annotations

import streamlit as st

from estimation import teaching
from estimation._validation import InputError


class Exercises:
    """The exercises method of the page shell (needs ``self.page``, ``self.seed``, ``self.t``)."""

    def exercises(self) -> None:
        """The page's "Check yourself" questions for the current seed, with feedback (not when presenting)."""
        questions = teaching.questions(self.page.id, self.seed)
        if not questions or self.presenting:
            return
        st.header(self.t("ex.header"))
        st.caption(self.t("ex.intro"))
        for i, q in enumerate(questions, 1):
            _question(self, i, q)


@st.fragment
def _question(ui, i: int, q: teaching.Question) -> None:
    """One question in its box: the form, and after "Check" the verdict, the slip it matches, the solution.

    The running score is shown under the question just checked (the one
    section that reruns), counting every question answered on this page.
    """
    qid = f"{ui.seed}.{i}"
    verdicts: dict[str, bool] = st.session_state.setdefault(f"_lab_ex_{ui.page.id}", {})
    with st.container(border=True):
        st.markdown(f"**{ui.t('ex.question', i=i)}.** {ui.t(q.prompt, **q.fields)}")
        with st.form(key=f"_lab_ex_form_{qid}", border=False):
            if q.is_choice:
                response = st.radio(ui.t("ex.your_answer"), range(len(q.choices)), index=None,
                                    format_func=lambda j: f"${q.choices[j]}$", key=f"_lab_ex_in_{qid}")
            else:
                # typed text, not a number box: grading counts the significant figures the student typed
                typed = st.text_input(ui.t("ex.your_answer"), key=f"_lab_ex_in_{qid}")
                response = typed if typed.strip() else None
                st.caption(ui.t("ex.tolerance", figures=teaching.MIN_SIG_FIGS) if q.tolerance is None
                           else ui.t("ex.tolerance_abs", tolerance=teaching.fmt(q.tolerance)))
            submitted = st.form_submit_button(ui.t("ex.check"), key=f"_lab_ex_check_{qid}")
        if submitted and response is not None and not q.is_choice:
            try:
                response = teaching.parse_answer(response)
            except InputError as err:  # text, 1e400, …: say why, in the page's language; no verdict
                st.warning(ui.t(f"error.{err.key}", **err.fields), icon=":material/edit:")
                return
        if submitted and response is None:
            st.info(ui.t("ex.no_answer"))
        elif submitted:
            verdicts[qid] = q.is_right(response)
            if verdicts[qid]:
                st.success(ui.t("ex.right"), icon=":material/check_circle:")
            else:
                answer = f"${q.choices[int(q.answer)]}$" if q.is_choice else teaching.fmt(q.answer, 6)
                st.error(ui.t("ex.wrong", answer=answer), icon=":material/cancel:")
                hint = q.slip(response)
                if hint:
                    st.warning(ui.t(hint), icon=":material/lightbulb:")
            with st.expander(ui.t("ex.solution"), expanded=True):
                for line in q.solution:
                    st.latex(line)
            st.caption(ui.t("ex.score", right=sum(verdicts.values()), answered=len(verdicts)))
