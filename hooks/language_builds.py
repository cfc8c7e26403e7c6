"""Build the other languages in forked processes while this one builds the default language.

mkdocs-static-i18n builds each further language by running a whole MkDocs build again once
the default language is done (in its on_post_build). The builds share nothing but the search
index, so on a machine with several cores they can run at the same time: a child process,
forked once the site folder has been cleaned, runs the very build mkdocs-static-i18n would
run for its language and hands back that language's search entries. Its language is marked
as not to be built, so that mkdocs-static-i18n skips it, until the build is over.

Only for `mkdocs build` on systems with fork(): `mkdocs serve` runs threads, which a fork
would copy in whatever state they are in.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import signal
import sys
import traceback
from dataclasses import dataclass

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort, MkDocsException
from mkdocs_static_i18n.utils import I18nLoggingFilter

log = logging.getLogger("mkdocs.hooks.archive")


@dataclass
class _Child:
    lang: str
    pid: int
    pipe: int  # read end: the child writes its search entries as JSON, then exits


class LanguageBuilds:
    def __init__(self, i18n) -> None:
        self.i18n = i18n
        self.children: list[_Child] = []
        self.marked: list = []  # language configs marked as built, until restore()
        atexit.register(self.abandon)

    def start(self, config, langs: list[str]) -> None:
        """Fork one build per language in `langs`; mkdocs-static-i18n will skip them."""
        sys.stdout.flush()
        sys.stderr.flush()
        for lang in langs:
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                self.children = []  # a child waits for nobody
                os._exit(self._build_in_child(config, lang, write_end))
            os.close(write_end)
            self.children.append(_Child(lang, pid, read_end))
            language = self.i18n.get_language_config(lang)
            language.build = False
            self.marked.append(language)

    def _build_in_child(self, config, lang: str, pipe: int) -> int:
        try:
            # What mkdocs-static-i18n does before each further language: the site folder
            # holds the default language's output, and its own build-time lines are hidden.
            self.i18n.building = True
            self.i18n.current_language = lang
            self.i18n.search_entries = []
            utils.clean_directory = lambda directory: None
            quiet = I18nLoggingFilter()
            quiet.filtered_prefixes.update({"Documentation built in", "Building documentation to directory",
                                            "Cleaning site"})
            logging.getLogger("mkdocs.commands.build").addFilter(quiet)
            build(config, dirty=False)
            with os.fdopen(pipe, "w", encoding="utf-8") as out:
                json.dump(self.i18n.search_entries, out, default=str)
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
        self.children = []
        self.restore()
        if failed:
            raise Abort(f"The build of {', '.join(failed)} failed; see the messages above.")
        return entries

    def restore(self) -> None:
        for language in self.marked:
            language.build = True
        self.marked = []

    def abandon(self) -> None:
        """The default language's build stopped early: stop the children with it, so that
        none writes into a site folder that is being thrown away."""
        for child in self.children:
            try:
                os.kill(child.pid, signal.SIGTERM)
                os.waitpid(child.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        self.children = []
        self.restore()
