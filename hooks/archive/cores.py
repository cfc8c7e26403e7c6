"""Work spread over the machine's cores: forked processes, so they inherit the loaded archive
instead of receiving it pickled, and hand back only their results."""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, TypeVar

T = TypeVar("T")
U = TypeVar("U")

_jobs: list[Callable] = []  # what the forked processes run; inherited, never pickled


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _run(index: int):
    return _jobs[index]()


def alongside(here: Callable[[], T], elsewhere: list[Callable[[], U]]) -> tuple[T, list[U]]:
    """Run `here` in this process while each of `elsewhere` runs in a forked one; their
    results, in order. An exception in a forked process is raised here."""
    global _jobs
    if not elsewhere:
        return here(), []
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
