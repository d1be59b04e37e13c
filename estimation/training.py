r"""The training loop shared by the lab's models: epochs, minibatches, an optimizer, divergence.

A model hands :func:`train` its parameters as one flat vector θ, a function
that evaluates the full-data objective at θ and a function that returns the
gradient of a minibatch's objective; :func:`train` runs the epochs, steps
the optimizer and records the trajectory. The binary logistic regression
(:func:`estimation.logistic.fit_logistic`) and the softmax regression
(:func:`estimation.softmax.fit_softmax`) both train through it, so every
optimizer, full batch and minibatch, L2 and the divergence rule behave the
same on both pages.

Conventions
-----------
* One epoch is a pass over a fresh permutation of the N samples cut into
  batches of ``batch_size`` (the last may be smaller), drawn from
  ``numpy.random.default_rng(seed)``; ``batch_size=None`` (or >= N) is full
  batch: one update per epoch, no random numbers used.
* L2 (ridge) penalties are the model's business: its objective and gradient
  include ``(λ/2)‖w‖²`` on the weights, never on the intercepts.
* Divergence: training stops when θ becomes non-finite, the full-data loss
  is not finite, or the objective exceeds
  ``divergence_factor × max(objective₀, loss_floor)`` (``loss_floor`` is the
  loss of the uninformed model, log 2 for a coin, log K for K classes).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from estimation._validation import check_int, check_real, check_seed, lookup
from estimation.optimizers import OPTIMIZERS, Optimizer

__all__ = ["MAX_EPOCHS", "make_optimizer", "batches", "stepper", "Run", "train", "fit_fields"]

#: Largest number of training epochs the trainers accept.
MAX_EPOCHS = 100_000


def make_optimizer(name: str, **hyperparameters: float) -> Optimizer:
    """A registry optimizer by name, e.g. ``make_optimizer("Adam", lr=0.05)``.

    Parameters
    ----------
    name : str
        A key of :data:`estimation.optimizers.OPTIMIZERS`.
    **hyperparameters : float
        Keyword arguments of that optimizer (the others keep their defaults).

    Returns
    -------
    Optimizer

    Examples
    --------
    >>> make_optimizer("Momentum", lr=0.1)
    Momentum(lr=0.1, momentum=0.9)
    """
    cls = lookup(OPTIMIZERS, name, "optimizer")
    known = {h.name for h in cls.HYPERPARAMETERS}
    unknown = sorted(set(hyperparameters) - known)
    if unknown:
        raise ValueError(f"{name} has no hyperparameter(s) {unknown}; it has {sorted(known)}")
    return cls(**hyperparameters)


def batches(n: int, batch_size: int | None, rng: np.random.Generator) -> list:
    """Index arrays of one epoch: ``[None]`` (the whole set) or a fresh permutation cut into batches.

    Examples
    --------
    >>> [b.tolist() for b in batches(5, 2, np.random.default_rng(0))]
    [[2, 4], [3, 0], [1]]
    >>> batches(5, None, np.random.default_rng(0))
    [None]
    """
    n = check_int(n, "n", lo=0)
    if batch_size is not None:
        batch_size = check_int(batch_size, "batch_size", lo=1)
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    if batch_size is None or batch_size >= n:
        return [None]
    perm = rng.permutation(n)
    return [perm[i : i + batch_size] for i in range(0, n, batch_size)]


def _check_vector(theta) -> None:
    if not isinstance(theta, np.ndarray) or theta.dtype.kind != "f" or theta.ndim != 1 or theta.size == 0:
        raise ValueError("theta must be a non-empty 1-D float numpy array (it is updated in place)")
    if not theta.flags.writeable:
        raise ValueError("theta must be writeable (it is updated in place)")
    if not np.isfinite(theta).all():
        raise ValueError("theta must contain only finite values")


def stepper(optimizer, theta: np.ndarray, split: Callable[[np.ndarray], dict]) -> Callable[[np.ndarray], object]:
    """One optimizer step on the flat vector θ in place, given its gradient vector.

    A registry optimizer (:class:`~estimation.optimizers.Optimizer`) steps the
    whole vector through its unchecked :meth:`~estimation.optimizers.Optimizer.apply`
    with fresh state: every lab optimizer is element-wise, so this is the
    same arithmetic as ``update`` on the named parameters apart, without the
    per-step validation. Any other object gets
    ``update(split(θ), split(g))``: ``split`` maps a flat vector to a dict of
    named *views* into it (e.g. ``{"w": v[:d], "b": v[d:]}``).

    Notes
    -----
    θ ← rule(θ, g) in place, with the optimizer's own state kept across calls
    (e.g. SGD: θ ← θ − η g).

    Examples
    --------
    >>> theta = np.array([1.0, 2.0])
    >>> step = stepper(make_optimizer("SGD", lr=0.5), theta, lambda v: {"w": v[:1], "b": v[1:]})
    >>> _ = step(np.array([2.0, -2.0])); theta
    array([0., 3.])
    """
    _check_vector(theta)
    if not callable(getattr(optimizer, "update", None)):
        raise ValueError("optimizer must have an update(params, grads) method")
    if not callable(split):
        raise ValueError("split must map a flat vector to a dict of named views")
    if isinstance(optimizer, Optimizer):
        state = optimizer.init_state(theta)
        return lambda grad: optimizer.apply(theta, grad, state)
    params = split(theta)
    return lambda grad: optimizer.update(params, split(grad))


@dataclass(frozen=True, slots=True)
class Run:
    """What :func:`train` records: one row per recorded epoch, row 0 the start.

    Attributes
    ----------
    theta_path : ndarray of shape (n_records, n_params)
        θ after each epoch (only rows whose loss was finite).
    nll, objective, accuracy : ndarray of shape (n_records,)
        Full-data values returned by ``evaluate`` at those θ.
    epochs_run : int
        Epochs started (fewer than requested when training diverged).
    diverged_epoch : int or None
        The epoch (1-based) in which divergence was detected.
    reason : str or None
        Why training stopped early, in plain English.
    """

    theta_path: np.ndarray
    nll: np.ndarray
    objective: np.ndarray
    accuracy: np.ndarray
    epochs_run: int
    diverged_epoch: int | None
    reason: str | None

    @property
    def diverged(self) -> bool:
        return self.reason is not None


def train(
    theta: np.ndarray,
    evaluate: Callable[[np.ndarray], tuple],
    gradient: Callable[[np.ndarray, np.ndarray | None, object], np.ndarray],
    *,
    n: int,
    optimizer,
    split: Callable[[np.ndarray], dict],
    epochs: int,
    batch_size: int | None = None,
    seed: int = 0,
    divergence_factor: float = 1e3,
    loss_floor: float = float(np.log(2.0)),
    start_name: str = "the starting parameters",
) -> Run:
    r"""Minimise a model's objective over epochs with a first-order optimizer.

    Parameters
    ----------
    theta : ndarray of shape (n_params,)
        The starting point, a float vector **updated in place** (pass a copy).
    evaluate : callable
        ``evaluate(θ) -> (nll, objective, accuracy, cache)`` on the full data;
        ``cache`` is handed back to ``gradient`` for a full-batch step (e.g.
        the logits at θ, so they are not computed twice).
    gradient : callable
        ``gradient(θ, idx, cache) -> g``: the gradient vector of the objective
        on the samples ``idx`` (an index array), or on all samples when
        ``idx`` is None (then ``cache`` is ``evaluate(θ)``'s).
    n : int
        Number of samples.
    optimizer : object
        A lab optimizer or anything with ``update(params, grads)``; see :func:`stepper`.
    split : callable
        Flat vector → dict of named views, for a non-lab optimizer.
    epochs : int
        Number of epochs (1 … :data:`MAX_EPOCHS`).
    batch_size : int or None
        Minibatch size; None is full batch.
    seed : int
        Seed of the minibatch permutations.
    divergence_factor : float, default 1000
        See the module docstring.
    loss_floor : float, default log 2
        The uninformed model's loss, the smallest reference of the divergence threshold.
    start_name : str
        How the error names the starting point when its loss is not finite.

    Returns
    -------
    Run

    Notes
    -----
    Epoch t (1-based) applies, for each batch B of the epoch,
    θ ← step(θ, ∇J_B(θ)) with the optimizer's rule, then records
    ``evaluate(θ)``. The threshold is τ = ``divergence_factor`` ·
    max(J(θ₀), ``loss_floor``); the run stops in the first epoch where θ is
    not finite, the loss is not finite, or J(θ) > τ, and the offending epoch
    is recorded only if its values are finite.

    Examples
    --------
    Least squares on two points, J(θ) = ½ mean (θ − xᵢ)², minimised at their mean:

    >>> x = np.array([1.0, 3.0])
    >>> def evaluate(t):
    ...     j = 0.5 * float(np.mean((t[0] - x) ** 2))
    ...     return j, j, 0.0, None
    >>> def gradient(t, idx, cache):
    ...     return np.array([np.mean(t[0] - (x if idx is None else x[idx]))])
    >>> run = train(np.zeros(1), evaluate, gradient, n=2, optimizer=make_optimizer("SGD", lr=0.5),
    ...             split=lambda v: {"t": v}, epochs=3)
    >>> run.theta_path[:, 0].tolist()
    [0.0, 1.0, 1.5, 1.75]
    """
    _check_vector(theta)
    for name, fn in (("evaluate", evaluate), ("gradient", gradient)):
        if not callable(fn):
            raise ValueError(f"{name} must be callable")
    n = check_int(n, "n", lo=1)
    epochs = check_int(epochs, "epochs", lo=1, hi=MAX_EPOCHS)
    if batch_size is not None:
        batch_size = check_int(batch_size, "batch_size", lo=1)
    seed = check_seed(seed)
    divergence_factor = check_real(divergence_factor, "divergence_factor", lo=1.0, lo_open=True)
    step = stepper(optimizer, theta, split)
    rng = np.random.default_rng(seed)
    thetas, nll, obj, acc = [], [], [], []

    def record():
        """Append the full-data values at θ; return (objective, cache), or None if not finite."""
        nll_t, obj_t, acc_t, cache = evaluate(theta)
        if not (np.isfinite(obj_t) and np.isfinite(nll_t)):
            return None
        thetas.append(theta.copy())
        nll.append(nll_t)
        obj.append(obj_t)
        acc.append(acc_t)
        return obj_t, cache

    recorded = record()
    if recorded is None:
        raise ValueError(f"{start_name} give a non-finite initial loss; choose a smaller starting point")
    threshold = divergence_factor * max(recorded[0], loss_floor)

    reason, diverged_epoch, epoch = None, None, 0
    with np.errstate(over="ignore", invalid="ignore"):  # overflow is detected and reported, not warned about
        for epoch in range(1, epochs + 1):
            for idx in batches(n, batch_size, rng):
                step(gradient(theta, idx, recorded[1] if idx is None else None))
                if not np.isfinite(theta).all():
                    reason = f"parameters became non-finite (inf/NaN) in epoch {epoch}"
                    break
            if reason is None:
                recorded = record()
                if recorded is None:
                    reason = f"the loss overflowed to a non-finite value in epoch {epoch}"
                elif recorded[0] > threshold:
                    reason = (
                        f"the loss blew up in epoch {epoch}: {recorded[0]:.3g} > {threshold:.3g} "
                        f"({divergence_factor:g} × the initial loss); the learning rate is too large"
                    )
            if reason is not None:
                diverged_epoch = epoch
                break

    return Run(
        theta_path=np.array(thetas),
        nll=np.array(nll),
        objective=np.array(obj),
        accuracy=np.array(acc),
        epochs_run=epoch,
        diverged_epoch=diverged_epoch,
        reason=reason,
    )


def fit_fields(run: Run, *, x_mean: np.ndarray, x_scale: np.ndarray, l2: float) -> dict:
    """The fields every trainer's result shares, as keyword arguments for its record.

    :class:`estimation.logistic.FitResult` and :class:`estimation.softmax.SoftmaxFit`
    each add their own parameter paths to these: the run's full-data record
    (``nll``, ``objective``, ``accuracy``), how it ended (``epochs_run``,
    ``diverged``, ``diverged_epoch``, ``reason``), the standardisation the
    model was trained in (``x_mean``, ``x_scale``, from
    :func:`estimation.standardization.standardization`) and the ridge
    strength ``l2``.

    Parameters
    ----------
    run : Run
        What :func:`train` returned.
    x_mean, x_scale : ndarray of shape (d,)
        The standardisation used.
    l2 : float
        The ridge strength λ used.

    Returns
    -------
    dict
        ``{field name: value}``, the values as they are (no copies).

    Examples
    --------
    >>> run = Run(theta_path=np.zeros((2, 1)), nll=np.array([0.7, 0.5]), objective=np.array([0.7, 0.5]),
    ...           accuracy=np.array([0.5, 1.0]), epochs_run=1, diverged_epoch=None, reason=None)
    >>> fields = fit_fields(run, x_mean=np.zeros(1), x_scale=np.ones(1), l2=0.0)
    >>> sorted(fields)
    ['accuracy', 'diverged', 'diverged_epoch', 'epochs_run', 'l2', 'nll', 'objective', 'reason', 'x_mean', 'x_scale']
    >>> fields["diverged"], fields["nll"] is run.nll
    (False, True)
    """
    if not isinstance(run, Run):
        raise ValueError(f"run must be the Run that train() returned, got {type(run).__name__}")
    return {
        "nll": run.nll,
        "objective": run.objective,
        "accuracy": run.accuracy,
        "epochs_run": run.epochs_run,
        "diverged": run.diverged,
        "diverged_epoch": run.diverged_epoch,
        "reason": run.reason,
        "x_mean": x_mean,
        "x_scale": x_scale,
        "l2": l2,
    }
