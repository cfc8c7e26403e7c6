"""The thin MkDocs adapter: every event delegates to the engine-free core in hooks/archive/.

Phases: load and validate the archive (on_pre_build), write its pages as files into the docs
folder before MkDocs collects them (mkdocs-static-i18n rebuilds every page from disk, so
in-memory files would not survive it), and add each testimony's card (on_page_markdown).
"""
from __future__ import annotations

import gc
import html
import logging
import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).parent))

from archive.archive import Archive, build_archive  # noqa: E402
from archive.labels import Labels  # noqa: E402
from archive.models import LANGS  # noqa: E402
from archive.output import write_pages  # noqa: E402
from archive.pages import lang_root, page_url  # noqa: E402
from archive.problems import ArchiveError  # noqa: E402
from archive.render import TEMPLATE_CACHE, Renderer, generate  # noqa: E402
from archive.search_index import split_search_index  # noqa: E402
from language_builds import LanguageBuilds  # noqa: E402

log = logging.getLogger("mkdocs.hooks.archive")

_state: dict = {}


def _paths(config) -> tuple[Path, Path, Path]:
    root = Path(config.config_file_path).parent
    return root, Path(config.docs_dir), root / "overrides" / "archive"


def _strict() -> bool:
    """Strict builds (CI, `make build STRICT=1`) refuse missing translations."""
    return os.environ.get("ARCHIVE_STRICT", "") not in ("", "0") or os.environ.get("CI") == "true"


def _nested_language_build(config) -> bool:
    """mkdocs-static-i18n builds each further language by running a whole build again
    inside the first one; the archive is already loaded and written by then."""
    i18n = config.plugins.get("i18n")
    return i18n is not None and getattr(i18n, "building", False) and "archive" in _state


def on_startup(command: str, dirty: bool) -> None:
    # `make serve` runs `mkdocs serve --dirty`: a rebuild renders only the pages whose file
    # changed, and the generated pages are rewritten only when their text changes.
    _state["dirty"] = dirty
    # `mkdocs build` builds the languages side by side (ARCHIVE_PARALLEL=0: one after the other).
    _state["parallel"] = (command == "build" and not dirty and hasattr(os, "fork")
                          and os.environ.get("ARCHIVE_PARALLEL", "1") != "0")
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_hide_dirty_build_warning)


def _hide_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every partial rebuild that links may be stale; here the hooks rebuild
    whatever a change affects (see _forget_stale_pages), and editors should see only
    warnings about their files."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_config(config):
    """Material's search merges a partial rebuild with the previous index itself, but behind
    mkdocs-static-i18n, which refills that index once per language, the merge multiplies the
    entries on every rebuild. The previous entries are carried over in on_post_build instead."""
    search = config.plugins.get("material/search")
    if search is not None:
        search.is_dirty = False
        search.search_index_prev = None
    return config


@contextmanager
def _collector_paused():
    """Loading and rendering allocate millions of objects and drop few: the collector's
    passes over them find nothing and cost a fifth of that time on large archives."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _load_archive(root: Path, docs: Path) -> Archive:
    try:
        archive = build_archive(root, testimonies_dir=docs / "testimonies")
    except ArchiveError as error:
        log.error(error.report())
        raise Abort("The archive has problems; fix the files named above.") from None
    for gap in archive.gaps:
        if _strict():
            log.error(f"translation missing: {gap}")
        else:
            log.warning(f"translation missing: {gap}")
    if archive.gaps and _strict():
        raise Abort(f"{len(archive.gaps)} translation(s) missing; strict builds need both languages.")
    return archive


def on_pre_build(config) -> None:
    if _nested_language_build(config):
        return
    root, docs, templates = _paths(config)
    gc.unfreeze()  # the previous build's archive (`mkdocs serve`) may be collected now
    started = time.perf_counter()
    with _collector_paused():
        archive = _load_archive(root, docs)
        loaded = time.perf_counter()
        files = generate(archive, templates, config.site_url or "http://127.0.0.1:8000/")
        generated = time.perf_counter()
    changes = write_pages(docs, files)
    # One line per build with the time of each phase; `make bench` reads it.
    log.info(f"archive: load_validate_s={loaded - started:.3f} generate_s={generated - loaded:.3f} "
             f"write_s={time.perf_counter() - generated:.3f} written={len(changes.written)} removed={len(changes.removed)}")
    _state.update(archive=archive, templates=templates, renderers={})
    # The archive lives as long as the build: frozen, its objects are left out of the
    # collector's full passes, which MkDocs triggers again and again on large archives.
    gc.freeze()
    if _state.get("dirty"):
        _forget_stale_pages(config, changes.removed)


def _built_page(site_dir: Path, page_file: str) -> Path:
    """Where a page file is built: "counties/linxi.en.md" -> site/en/counties/linxi/index.html."""
    path, lang, _ = page_file.rsplit(".", 2)
    return site_dir / (lang_root(lang) + page_url(path)) / "index.html"


def _layout_stamp(config) -> float:
    """The newest edit of what every page is drawn with: the theme overrides and mkdocs.yml."""
    theme = Path(config.theme.custom_dir or config.docs_dir)
    paths = [Path(config.config_file_path), *theme.rglob("*")]
    return max(path.stat().st_mtime for path in paths if path.is_file())


def _forget_stale_pages(config, removed: list[str]) -> None:
    """A partial rebuild renders only pages whose file changed, so it must itself drop the
    output of a deleted record's pages, and of each testimony page whose card (rendered
    from records, see on_page_markdown) has changed since that page was built. After an
    edit of the theme or of mkdocs.yml, every page is rebuilt."""
    site_dir = Path(config.site_dir)
    stamp, previous_stamp = _layout_stamp(config), _state.get("layout_stamp")
    _state["layout_stamp"] = stamp
    if previous_stamp is not None and stamp != previous_stamp:
        for page in site_dir.rglob("*.html"):
            page.unlink()
        _state["cards"] = {}
        return
    stale = [_built_page(site_dir, name) for name in removed if name.endswith(".md")]
    testimonies = _state["archive"].testimonies
    cards = _state.setdefault("cards", {})
    for (slug, lang), card in list(cards.items()):
        if slug not in testimonies or _testimony_parts(lang, slug) != card:
            stale.append(_built_page(site_dir, f"testimonies/{slug}.{lang}.md"))
            del cards[(slug, lang)]
    for page in stale:
        page.unlink(missing_ok=True)


def on_post_template(output: str, template_name: str, config) -> str:
    """The sitemap and the 404 page are theme templates that every language's build writes to
    the site root, the last one winning. The 404 page at the root stays the default
    language's; the sitemap is the last language's, which lists every language (when the
    languages build side by side, the default language's is not written at all)."""
    nested = _nested_language_build(config)
    if template_name == "404.html" and nested:
        return ""
    if template_name == "sitemap.xml" and "language_builds" in _state and not nested:
        return ""
    return output


# After mkdocs-static-i18n's on_nav: the site folder is clean, and the default language's
# pages exist, which the other language's sitemap lists.
@event_priority(-200)
def on_nav(nav, config, files):
    i18n = config.plugins.get("i18n")
    if _state.get("parallel") and i18n is not None and not _nested_language_build(config):
        others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
        if len(others) == 1:  # with more, each would write a sitemap missing the others
            _state["language_builds"] = LanguageBuilds(i18n)
            _state["language_builds"].start(config, others)
    return nav


def on_env(env, config, files):
    """Material's templates are compiled anew for each language and each rebuild; the cache
    keeps their compiled form between builds (Jinja checks each template's source)."""
    env.bytecode_cache = TEMPLATE_CACHE
    return env


def _renderer(lang: str) -> Renderer:
    renderers = _state["renderers"]
    if lang not in renderers:
        templates = _state["templates"]
        renderers[lang] = Renderer(_state["archive"], lang, Labels.load(templates, lang), templates)
    return renderers[lang]


def _testimony_parts(lang: str, slug: str) -> tuple[str, str]:
    """What an account's page gets from the records: its card above, what to read next below."""
    renderer = _renderer(lang)
    return renderer.render_card(slug), renderer.render_testimony_links(slug)


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Put the testimony card (narrator, role, county, period, projects) above the account;
    the page is titled with the narrator's name and described by the account's summary,
    unless its front matter says otherwise."""
    parts = page.file.src_uri.split("/")
    if len(parts) != 2 or parts[0] != "testimonies" or parts[1].startswith("index."):
        return markdown
    slug = parts[1].rsplit(".", 2)[0]
    archive: Archive = _state["archive"]
    if slug not in archive.testimonies:
        return markdown
    lang = "en" if page.file.dest_uri.startswith("en/") else LANGS[0]
    meta = archive.testimonies[slug].version(lang).meta
    # Escaped: the theme prints titles and descriptions as they are.
    page.meta.setdefault("title", html.escape(meta.narrator))
    page.meta.setdefault("description", html.escape(meta.summary or meta.role))
    card, links = _state.setdefault("cards", {})[(slug, lang)] = _testimony_parts(lang, slug)
    title, _, body = markdown.partition("\n") if markdown.startswith("# ") else ("", "", markdown)
    return f"{title}\n\n{card}\n\n{body}\n\n{links}" if title else f"{card}\n\n{markdown}\n\n{links}"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index
def on_post_build(config) -> None:
    if _nested_language_build(config):
        return  # the outer build finishes the job
    # Every language's entries: those mkdocs-static-i18n gathered here, and those of the
    # languages built in forked processes (their writes of the index file may be the last).
    indexed = list(config.plugins["i18n"].search_entries)
    if "language_builds" in _state:
        indexed += _state.pop("language_builds").finish()
    previous = _state.get("search_entries") if _state.get("dirty") else None
    entries = split_search_index(Path(config.site_dir), indexed, LANGS[0], list(LANGS[1:]), previous)
    _state["search_entries"] = entries
    log.debug(f"archive: search entries per language { {lang: len(e) for lang, e in entries.items()} }")


def on_page_context(context, page, config, nav):
    """Home pages get mkdocs-static-i18n's site-wide language links, written from the domain
    root ("/en/"); made relative here so that site/ works under any path, like every other page."""
    is_home = page.file.src_uri.split(".")[0] == "index"
    # Attribute access: mkdocs-static-i18n sets it per page as an attribute, not as an item.
    alternates = getattr(config.extra, "alternate", None) if is_home else None
    if not alternates:
        return context
    site_path = urlsplit(config.site_url or "/").path or "/"
    for alternate in alternates:
        link = alternate["link"]
        if link.startswith(site_path):
            # Relative to the site root; Material's `url` filter makes it relative to the page.
            alternate["link"] = link[len(site_path):] or "./"
    return context
