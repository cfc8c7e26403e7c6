"""Index the built site for search with Pagefind.

Pagefind (the npm package, pinned in package.json and installed into the project's
node_modules by the Makefile; its binary segments Chinese) reads the built pages and writes
`pagefind/` into the site: one index per language, told apart by each page's
`<html lang>`, split into small files that a query fetches only as it needs them, so a
reader's first search costs the same at any size of archive (BENCHMARKS.md). Which part of a
page is indexed, and how much its title weighs, the templates say with data-pagefind-*
attributes (overrides/theme/main.html, overrides/archive/: a section left out of search
has its heading left out too); what the templates repeat on every page of a kind is left out
here (EXCLUDED). overrides/theme/assets/search.js queries the index
from Material's search box.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
from pathlib import Path

from mkdocs.exceptions import Abort

FOLDER = "pagefind"


# Left out of the index and the excerpts. Words repeated on every page of a kind enlarge the
# index parts that every query sharing them fetches, and match pages that are not about them.
EXCLUDED = (
    ".headerlink",  # the permalink sign that Python-Markdown's toc adds to every heading
    ".archive-facts dt",  # labels ("Area", "Sector"), which also ran into their values ("AreaLinxi")
    ".archive-cite",  # the names of the articles a page cites: their own pages hold them
    ".archive-testimonies",  # accounts listed under a project, a county or another account
    ".archive-milestone-projects",  # a milestone's projects: their own pages hold them
    ".archive-pager",  # the previous and next account
    ".archive-note",  # notes on how figures are summed or offered (county profiles, home, open data)
    ".archive-notice",  # "not yet translated"
)


def executable(project: Path) -> Path:
    """Pagefind's command in the project's node_modules (npm's wrapper, which runs the binary
    for this platform, the extended one that segments Chinese)."""
    path = Path(project) / "node_modules" / ".bin" / "pagefind"
    if not path.is_file():
        raise Abort(f"Pagefind, which indexes the site for search, is not installed in {path.parent.parent}: "
                    "`make build` or `make serve` installs it (or run `npm ci --omit=dev` in the project folder).")
    return path


def command(project: Path, site: Path) -> list[str]:
    excluded = [flag for selector in EXCLUDED for flag in ("--exclude-selectors", selector)]
    return [str(executable(project)), "--site", str(site), "--output-subdir", FOLDER, *excluded, "--quiet"]


def index(project: Path, site: Path) -> None:
    """Index `site` and wait; a failure fails the build."""
    shutil.rmtree(Path(site) / FOLDER, ignore_errors=True)  # no fragment of a former build stays
    result = subprocess.run(command(project, site), capture_output=True, text=True)
    if result.returncode != 0:
        raise Abort(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    _sort_entry(Path(site) / FOLDER / "pagefind-entry.json")


def _sort_entry(entry: Path) -> None:
    """Same archive, same bytes: Pagefind lists the languages of its entry file in no fixed
    order; sorted here."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


class Reindexer:
    """For `mkdocs serve`: index again after each rebuild without holding up the reload.
    A rebuild while the previous indexing still runs stops it and starts over."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def start(self, project: Path, site: Path) -> None:
        self.stop()
        # A session of its own: stopping it stops npm's wrapper and the binary it started.
        self.process = subprocess.Popen(command(project, site), stdout=subprocess.DEVNULL, start_new_session=True)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait()
        self.process = None
