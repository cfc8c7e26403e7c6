"""The archive as one MkDocs plugin: its events read as the table of contents of a build.

  on_startup    check the versions of the packages compat.py leans on; read the settings
  on_config     build from the generated docs tree; `mkdocs build` writes into a staging folder
  on_pre_build  load and check the archive, render every page, make the docs tree exactly that
  on_nav        start the further language's build in a forked process (`mkdocs build` only)
  on_env        Material's templates: cached compiled
  on_page_context  the day the page last changed, for the theme to show at its foot
  on_post_build index the site for search (Pagefind); publish the staging folder as the site
  on_build_error stop the forked build, drop the staging folder
  on_serve      a save that breaks the build shows its problems at every address of the preview
  on_shutdown   stop a search indexing still running (`mkdocs serve`)

Everything about records and pages is in the core (hooks/archive/), which imports no MkDocs.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority

from archive.archive import Archive, build_archive
from archive.labels import Labels
from archive.messages import Message
from archive.pages import lang_root, page_url
from archive.problem_page import problem_page
from archive.problems import ArchiveError
from archive.render import TEMPLATE_CACHE, generate
from archive.tree import sync_tree
from archive.updated import last_updated, page_dates

from . import compat, publish, site_search
from .language_builds import LanguageBuilds
from .settings import Settings

log = logging.getLogger("mkdocs.hooks.archive")


class ArchivePlugin(BasePlugin):
    def __init__(self) -> None:
        self.command = "build"
        self.dirty = False
        self.settings = Settings()
        self.archive: Archive | None = None
        self.page_dates: dict = {}  # page file of the docs tree -> day it last changed (git)
        self.labels: dict[str, Labels] = {}  # by language, for the page's last-updated line
        self.site: Path | None = None  # the published site folder, for `mkdocs build`
        self.staging: Path | None = None  # where this build writes it
        self.language_builds: LanguageBuilds | None = None
        self.reindexer = site_search.Reindexer()  # `mkdocs serve` indexes in the background
        self.layout_stamp: float | None = None
        self.problems: list[str] = []  # of the last build that failed on the archive
        self.showing_problems = False  # the preview shows the problem page instead of pages

    # --- events -------------------------------------------------------------------------

    def on_startup(self, command: str, dirty: bool) -> None:
        compat.check_versions()
        self.command, self.dirty = command, dirty
        self.settings = Settings.from_environment()
        if dirty:
            logging.getLogger("mkdocs.commands.build").addFilter(_hide_dirty_build_warning)

    def on_config(self, config):
        if compat.building_further_language(config):
            self._let_last_language_write_the_sitemap(config, last=True)
            return config
        root = Path(config.config_file_path).parent
        self.settings = self.settings.resolved(root)
        _date_builds_by_last_commit(root)
        self.settings.generated.mkdir(parents=True, exist_ok=True)
        config.docs_dir = str(self.settings.generated)
        self._let_last_language_write_the_sitemap(config, last=False)
        if self.command == "build":
            self._resolve_staging(config)
        return config

    def on_pre_build(self, config) -> None:
        if compat.building_further_language(config):
            return  # the archive is loaded and its pages written
        started = time.perf_counter()
        self.archive = self._load_archive(strict=config.strict)
        loaded = time.perf_counter()
        files = self._generate_tree(config)
        generated = time.perf_counter()
        changes = sync_tree(self.settings.generated, files)
        self.page_dates = page_dates(self.archive, self.settings.content)
        # One line per build with the time of each phase; `make bench` reads it.
        log.info(f"archive: load_validate_s={loaded - started:.3f} generate_s={generated - loaded:.3f} "
                 f"write_s={time.perf_counter() - generated:.3f} written={len(changes.written)} "
                 f"removed={len(changes.removed)}")
        if self.dirty:
            self._forget_stale_pages(config, changes.removed)

    # After mkdocs-static-i18n's on_nav: the site folder is clean, and the default language's
    # pages are known, which the further language's sitemap lists.
    @event_priority(-200)
    def on_nav(self, nav, config, files):
        if self._builds_languages_side_by_side(config):
            self.language_builds = LanguageBuilds(config)
            self.language_builds.start(compat.further_languages(config))
        return nav

    def on_env(self, env, config, files):
        # Material's templates are compiled anew for each language and each rebuild; the
        # cache keeps their compiled form between builds (Jinja checks each source).
        env.bytecode_cache = TEMPLATE_CACHE
        return env

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built the further languages
    def on_post_build(self, config) -> None:
        if compat.building_further_language(config):
            return  # the outer build finishes the job
        if self.language_builds is not None:
            self.language_builds.finish()
            self.language_builds = None
        project = Path(config.config_file_path).parent
        if self.command == "build":
            site_search.index(project, Path(config.site_dir))
        else:  # `mkdocs serve`: the page reloads at once, search follows a moment later
            self.reindexer.start(project, Path(config.site_dir))
        if self.staging is not None:
            publish.publish(self.staging, self.site)
            config.site_dir = str(self.site)
            self.staging = None

    def on_shutdown(self) -> None:
        self.reindexer.stop()

    def on_build_error(self, error: Exception) -> None:
        if self.language_builds is not None:
            self.language_builds.abandon()
            self.language_builds = None
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def on_serve(self, server, config, builder):
        compat.wrap_serve_rebuilds(server, lambda rebuild: self._rebuild_or_show_problems(rebuild, Path(server.root)))
        return server

    def on_page_context(self, context, page, config, nav):
        context["last_updated"] = self._resolve_last_updated(page, config)
        self._relative_language_links(page, config)
        return context

    # --- phases -------------------------------------------------------------------------

    def _resolve_last_updated(self, page, config):
        """When the page last changed, in its language (partials/source-file.html shows it)."""
        day = self.page_dates.get(page.file.src_uri)
        if day is None:
            return None
        lang = config.theme["language"]  # the language being built (mkdocs-static-i18n sets it)
        if lang not in self.labels:
            self.labels[lang] = Labels.load(self.settings.templates, lang)
        return last_updated(day, self.labels[lang])

    @staticmethod
    def _relative_language_links(page, config) -> None:
        """Home pages get mkdocs-static-i18n's site-wide language links, written from the
        domain root ("/en/"); made relative here so that site/ works under any path."""
        is_home = page.file.src_uri.split(".")[0] == "index"
        alternates = getattr(config.extra, "alternate", None) if is_home else None
        site_path = urlsplit(config.site_url or "/").path or "/"
        for alternate in alternates or []:
            if alternate["link"].startswith(site_path):
                # Relative to the site root; Material's `url` filter makes it relative to the page.
                alternate["link"] = alternate["link"][len(site_path):] or "./"

    def _resolve_staging(self, config) -> None:
        """`mkdocs build` writes into a folder of its own; on_post_build publishes it."""
        self.site = Path(config.site_dir)
        self.staging = publish.staging_folder(self.site)
        publish.remove_abandoned_staging(self.site)
        shutil.rmtree(self.staging, ignore_errors=True)
        config.site_dir = str(self.staging)

    @staticmethod
    def _let_last_language_write_the_sitemap(config, last: bool) -> None:
        """The sitemap and the 404 page are theme templates that every language's build
        writes to the site root. The sitemap must come from the last language built (it lists
        every language); the 404 page at the root stays the default language's."""
        if not compat.further_languages(config):
            return
        if last:
            config.theme.static_templates.add("sitemap.xml")
            config.theme.static_templates.discard("404.html")
        else:
            config.theme.static_templates.discard("sitemap.xml")

    def _load_archive(self, strict: bool) -> Archive:
        settings = self.settings
        try:
            archive = build_archive(settings.data.parent, data_dir=settings.data,
                                    testimonies_dir=settings.content / "testimonies")
        except ArchiveError as error:
            self._refuse(error)
        # Listed for editors but published: at info level, so that a strict build does not fail.
        for warning in archive.warnings:
            log.info(Message("command.warning", problem=warning).text())
        for gap in archive.gaps:
            (log.error if strict else log.warning)(f"translation missing: {gap}")
        if archive.gaps and strict:
            raise Abort(f"{len(archive.gaps)} translation(s) missing; strict builds need both languages.")
        return archive

    def _generate_tree(self, config) -> dict[str, str | bytes]:
        try:
            return generate(self.archive, self.settings.templates, self.settings.content,
                            config.site_url or "http://127.0.0.1:8000/")
        except ArchiveError as error:
            self._refuse(error)

    def _refuse(self, error: ArchiveError):
        self.problems = [str(problem) for problem in error.problems]
        log.error(error.report())
        raise Abort("The archive has problems; fix the files named above.") from None

    def _rebuild_or_show_problems(self, rebuild, site_dir: Path) -> None:
        """A rebuild of `mkdocs serve` that fails puts the problem page at every address it
        serves (the browser reloads to it); the next good save rebuilds every page."""
        self.problems = []
        try:
            rebuild()
        except Exception as error:
            problems = self.problems or [f"{type(error).__name__}: {error}"]
            log.error("The preview shows the problems until they are fixed.")
            page = problem_page(problems, self.settings.templates).encode("utf-8")
            for html in site_dir.rglob("*.html"):
                html.write_bytes(page)
            self.showing_problems = True

    def _builds_languages_side_by_side(self, config) -> bool:
        return (self.command == "build" and not self.dirty and self.settings.parallel_languages
                and hasattr(os, "fork") and not compat.building_further_language(config)
                and len(compat.further_languages(config)) == 1)  # with more, each sitemap would miss some

    def _forget_stale_pages(self, config, removed: list[str]) -> None:
        """A partial rebuild (`mkdocs serve --dirty`) renders only pages whose file changed,
        so it must itself drop the output of a deleted record's pages. After an edit of the
        theme or of mkdocs.yml, or after the problem page was shown, every page is rebuilt."""
        site_dir = Path(config.site_dir)
        stamp, previous = _layout_stamp(config), self.layout_stamp
        self.layout_stamp = stamp
        if (previous is not None and stamp != previous) or self.showing_problems:
            for page in site_dir.rglob("*.html"):
                page.unlink()
            self.showing_problems = False
            return
        for name in removed:
            if name.endswith(".md"):
                _built_page(site_dir, name).unlink(missing_ok=True)


def _hide_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every partial rebuild that links may be stale; the plugin rebuilds
    whatever a change affects, and editors should see only warnings about their files."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _date_builds_by_last_commit(root: Path) -> None:
    """Same commit, same bytes: the sitemap's and feeds' dates come from the last commit, not
    the clock, unless SOURCE_DATE_EPOCH is given."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return
    try:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True,
                               text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def _built_page(site_dir: Path, page_file: str) -> Path:
    """Where a page file is built: "counties/linxi.en.md" -> site/en/counties/linxi/index.html."""
    path, lang, _ = page_file.rsplit(".", 2)
    return site_dir / (lang_root(lang) + page_url(path)) / "index.html"


def _layout_stamp(config) -> float:
    """The newest edit of what every page is drawn with: the theme overrides and mkdocs.yml."""
    theme = Path(config.theme.custom_dir or config.docs_dir)
    paths = [Path(config.config_file_path), *theme.rglob("*")]
    return max(path.stat().st_mtime for path in paths if path.is_file())
