"""Build the further language in a forked process while this one builds the default language.

mkdocs-static-i18n builds each further language by running a whole MkDocs build again once
the default language is done. The builds share nothing but the search index, so with two
cores they can run at the same time: a child process, forked once the site folder has been
cleaned, runs the very build mkdocs-static-i18n would run and hands back its language's
search entries; mkdocs-static-i18n is told not to build that language itself. The result is
byte for byte the same site (tests/test_site_build.py).

The child dies with its parent (PR_SET_PDEATHSIG on Linux): a killed build leaves no process
writing into its folder, and every build writes into a folder of its own (publish.py).
Only for `mkdocs build`: `mkdocs serve` runs threads, which a fork would copy mid-step.
"""
from __future__ import annotations

import atexit
import ctypes
import json
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass

from mkdocs.commands.build import build
from mkdocs.exceptions import Abort, MkDocsException

from . import compat

log = logging.getLogger("mkdocs.hooks.archive")

_PR_SET_PDEATHSIG = 1


@dataclass
class _Child:
    lang: str
    pid: int
    pipe: int  # read end: the child writes its search entries as JSON, then exits


class LanguageBuilds:
    def __init__(self, config) -> None:
        self.config = config
        self.children: list[_Child] = []
        atexit.register(self.abandon)

    def start(self, langs: list[str]) -> None:
        """Fork one build per language in `langs`; mkdocs-static-i18n will skip them."""
        _load_what_both_builds_need()
        sys.stdout.flush()
        sys.stderr.flush()
        parent = os.getpid()
        for lang in langs:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                self.children = []  # a child waits for nobody
                _die_with(parent)
                os._exit(self._build_in_child(lang, write_end))
            os.close(write_end)
            self.children.append(_Child(lang, pid, read_end))
            compat.set_language_built(self.config, lang, False)

    def _build_in_child(self, lang: str, pipe: int) -> int:
        try:
            compat.become_language_build(self.config, lang)
            logging.getLogger("mkdocs.commands.build").addFilter(compat.i18n_logging_filter(
                "Documentation built in", "Building documentation to directory", "Cleaning site"))
            build(self.config, dirty=False)
            with os.fdopen(pipe, "w", encoding="utf-8") as out:
                json.dump(compat.search_entries(self.config), out, default=str)
            return 0
        except MkDocsException as error:
            log.error(f"the '{lang}' build failed: {error}")
        except BaseException:
            traceback.print_exc()
        sys.stderr.flush()
        return 1

    def finish(self) -> list[dict]:
        """Wait for every child and return the search entries of their languages (locations
        under the language's folder, as mkdocs-static-i18n gives them). Raises Abort if a
        child failed."""
        entries, failed = [], []
        for child in self.children:
            with os.fdopen(child.pipe, encoding="utf-8") as pipe:
                sent = pipe.read()  # before waiting: a child blocks until its pipe is read
            _, status = os.waitpid(child.pid, 0)
            if status != 0 or not sent:
                failed.append(child.lang)
            else:
                entries.extend(json.loads(sent))
        self.restore()
        if failed:
            raise Abort(f"The build of {', '.join(failed)} failed; see the messages above.")
        return entries

    def restore(self) -> None:
        for child in self.children:
            compat.set_language_built(self.config, child.lang, True)
        self.children = []

    def abandon(self) -> None:
        """The default language's build stopped early: stop the children with it."""
        for child in self.children:
            try:
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.restore()


def _load_what_both_builds_need() -> None:
    """jieba's dictionary (Chinese search segmentation) takes longer to load than a small
    archive takes to render; loaded once before the fork, the child inherits it instead of
    loading its own copy."""
    try:
        import jieba
    except ImportError:
        return
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _die_with(parent: int) -> None:
    """Have the kernel kill this process when its parent dies (Linux), and exit now if the
    parent is already gone."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: the parent's atexit handler still stops the child on a normal exit
    if os.getppid() != parent:
        os._exit(1)
