"""Work spread over the machine's cores: forked processes, so they inherit the loaded archive
instead of receiving it pickled, and hand back only their results."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, TypeVar

T = TypeVar("T")
U = TypeVar("U")

_jobs: list[Callable] = []  # what the forked processes run; inherited, never pickled


def _run(index: int):
    return _jobs[index]()


def alongside(here: Callable[[], T], elsewhere: list[Callable[[], U]], parallel: bool = True) -> tuple[T, list[U]]:
    """Run `here` in this process while each of `elsewhere` runs in a forked one; their
    results, in order. An exception in a forked process is raised here. Without `parallel`
    (small work, where a process costs more than it saves) or fork, all run here in turn."""
    global _jobs
    if not parallel or not elsewhere or "fork" not in multiprocessing.get_all_start_methods():
        return here(), [job() for job in elsewhere]
    _jobs = elsewhere
    try:
        # An executor, not a Pool: a result that cannot travel back fails the build instead
        # of leaving it waiting forever.
        with ProcessPoolExecutor(len(elsewhere), mp_context=multiprocessing.get_context("fork")) as pool:
            pending = [pool.submit(_run, index) for index in range(len(elsewhere))]
            result = here()
            return result, [future.result() for future in pending]
    finally:
        _jobs = []
