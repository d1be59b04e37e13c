"""Benchmark of the optimizer playground's core call.

Prints two markdown tables:

1. on Rosenbrock, the time of ``run_optimizer`` for each of the 7 optimizers
   × 1,000 steps (its surface preset, gradient evaluations included) and of
   ``run_optimizers`` for all 7 together (target < 50 ms), next to the time
   of the same 1,000 steps through ``Optimizer.update`` on a two-element
   array (what the fast float path avoids);
2. the all-7 total on every surface.

Times are medians of several repeats, in milliseconds. Run with
``python bench/bench_optimizers.py``.
"""

from __future__ import annotations

import numpy as np

from _util import median, table, timeit  # noqa: F401  (also puts the repo root on sys.path)
from estimation.optimizers import OPTIMIZERS  # noqa: E402
from estimation.surfaces import SURFACES, run_optimizer, run_optimizers  # noqa: E402

STEPS = 1000
REPEAT = 15
TARGET_MS = 50.0


def update_on_arrays(opt, surface, steps):
    p = {"xy": np.array(surface.start, dtype=float)}
    for _ in range(steps):
        opt.update(p, {"xy": np.array(surface.grad(*p["xy"]))})


def main() -> None:
    surface = SURFACES["rosenbrock"]
    rows = []
    for name, cls in OPTIMIZERS.items():
        hp = surface.presets[name]
        traj = run_optimizer(cls(**hp), surface, steps=STEPS)
        fast = median(timeit(lambda: run_optimizer(cls(**hp), surface, steps=STEPS), REPEAT))
        slow = median(timeit(lambda: update_on_arrays(cls(**hp), surface, STEPS), 5))
        rows.append([name, traj.steps, f"{fast:.2f}", f"{slow:.1f}"])
    configs = dict(surface.presets)
    total = median(timeit(lambda: run_optimizers(surface, configs, steps=STEPS), REPEAT))
    verdict = "ok" if total < TARGET_MS else "OVER"
    rows.append([f"**all 7** (`run_optimizers`, target < {TARGET_MS:.0f} ms: {verdict})", 7 * STEPS,
                 f"**{total:.2f}**", ""])
    print(f"### Rosenbrock, {STEPS:,} steps per optimizer (median of {REPEAT})\n")
    print(table(["optimizer", "steps run", "run_optimizer ms", "update() on arrays ms"], rows))

    rows = []
    for key, s in SURFACES.items():
        configs = dict(s.presets)
        trajs = run_optimizers(s, configs, steps=STEPS)
        ms = median(timeit(lambda: run_optimizers(s, configs, steps=STEPS), REPEAT))
        rows.append([key, sum(t.steps for t in trajs.values()), f"{ms:.2f}",
                     "ok" if ms < TARGET_MS else "OVER"])
    print(f"\n### All 7 optimizers × {STEPS:,} steps, every surface (presets; median of {REPEAT})\n")
    print(table(["surface", "steps run (runs stop on divergence)", "ms", f"< {TARGET_MS:.0f} ms"], rows))


if __name__ == "__main__":
    main()
