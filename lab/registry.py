"""The lab's pages, in navigation order: one entry per script.

Each entry names the script, its navigation section and the string keys of
its title, one-line summary and exam topic (used by the sidebar and the Home
page's map). A test fails if a script in ``pages/`` is missing here or an
entry points at no script.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    id: str
    path: str
    section: str
    icon: str

    @property
    def url_path(self) -> str:
        """The page's path in the app's URL (Streamlit's classic multipage naming)."""
        if self.path == "streamlit_app.py":
            return ""
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".py")
        return stem.split("_", 1)[1] if stem[:1].isdigit() else stem

    @property
    def title_key(self) -> str:
        return f"{self.id}.title"

    @property
    def summary_key(self) -> str:
        return f"{self.id}.summary"

    @property
    def exam_key(self) -> str:
        return f"{self.id}.exam"


SECTIONS = ("start", "probability", "estimation", "learning")

PAGES: tuple[PageInfo, ...] = (
    PageInfo("home", "streamlit_app.py", "start", ":material/home:"),
    PageInfo("sampling", "pages/01_sampling.py", "probability", ":material/casino:"),
    PageInfo("likelihood", "pages/02_likelihood.py", "estimation", ":material/insights:"),
    PageInfo("estimator_bias", "pages/03_estimator_bias.py", "estimation", ":material/straighten:"),
    PageInfo("bayes", "pages/04_bayes.py", "estimation", ":material/psychology:"),
    PageInfo("optimizers", "pages/05_optimizers.py", "learning", ":material/route:"),
    PageInfo("cross_entropy", "pages/06_cross_entropy.py", "learning", ":material/model_training:"),
    PageInfo("activations", "pages/07_activations.py", "learning", ":material/show_chart:"),
    PageInfo("softmax", "pages/08_softmax.py", "learning", ":material/stacked_bar_chart:"),
)

BY_ID = {p.id: p for p in PAGES}
