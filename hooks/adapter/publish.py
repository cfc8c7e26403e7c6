"""Publish a built site in one step: the site folder is always a complete site, old or new.

`mkdocs build` writes into a staging folder of its own beside the site folder
(.<site>.building-<pid>), and only a build that finished replaces the site folder with it, by
exchanging the two folders in one rename (Linux renameat2 RENAME_EXCHANGE). A build killed at
any moment leaves the published site as it was; its staging folder is removed by the next
build. Where the exchange is not available, two renames leave a moment without a site.
"""
from __future__ import annotations

import ctypes
import os
import shutil
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def staging_folder(site: Path) -> Path:
    return site.parent / f".{site.name}.building-{os.getpid()}"


def remove_abandoned_staging(site: Path) -> None:
    """Staging folders of builds that were killed (their processes die with them)."""
    for folder in site.parent.glob(f".{site.name}.building-*"):
        if folder.name != staging_folder(site).name:
            shutil.rmtree(folder, ignore_errors=True)


def publish(staging: Path, site: Path) -> None:
    if site.is_dir() and _exchange(staging, site):
        shutil.rmtree(staging)  # now the previous site
        return
    previous = site.parent / f".{site.name}.previous-{os.getpid()}"
    if site.exists():
        os.rename(site, previous)
    os.rename(staging, site)
    shutil.rmtree(previous, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
