"""Running Pagefind (hooks/adapter/site_search.py): a project without it gets a message that
says how to install it, and `mkdocs serve` stopping a background indexing stops all of it,
npm's wrapper and the binary the wrapper started."""
import os
import time

import pytest
from mkdocs.exceptions import Abort

from adapter import site_search


def test_a_project_without_pagefind_is_told_how_to_install_it(tmp_path):
    with pytest.raises(Abort) as raised:
        site_search.command(tmp_path, tmp_path / "site")
    assert "make build" in str(raised.value) and "npm ci --omit=dev" in str(raised.value)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child that has exited but is not reaped yet is a zombie: not running.
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().split(")")[-1].split()[0] != "Z"


def test_stopping_a_background_indexing_stops_the_binary_the_wrapper_started(tmp_path):
    # A stand-in for npm's wrapper: like it, it starts the real work as a child and waits.
    wrapper = tmp_path / "node_modules" / ".bin" / "pagefind"
    wrapper.parent.mkdir(parents=True)
    child = tmp_path / "child.pid"
    wrapper.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {child}\nwait\n", encoding="utf-8")
    wrapper.chmod(0o755)
    reindexer = site_search.Reindexer()
    reindexer.start(tmp_path, tmp_path / "site")
    deadline = time.monotonic() + 10
    while not (child.is_file() and child.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = int(child.read_text())
    assert _alive(pid)
    reindexer.stop()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the indexing binary outlived its wrapper"
