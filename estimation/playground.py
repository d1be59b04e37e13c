"""Old home of the optimizer page's view: kept importable until every caller has switched.

The page geometry now lives in :mod:`estimation.views.optimizers`;
:func:`~estimation.surfaces.make_surface` and :func:`~estimation.surfaces.preset`
moved to :mod:`estimation.surfaces`. Import from there; this module only
re-exports those names.
"""

from estimation.surfaces import make_surface, preset
from estimation.views.optimizers import *  # noqa: F403
from estimation.views.optimizers import __all__ as _view_names

__all__ = [*_view_names, "make_surface", "preset"]
