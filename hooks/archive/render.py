"""Render the archive's pages for one language with the Jinja templates in overrides/archive/.

Record text is escaped everywhere (autoescape for HTML, `md` for Markdown headings), so a
title holding <script>, *, | or a backtick shows literally.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .archive import Archive, Total, funding_total
from .export import FIELDS as EXPORT_FIELDS, export_files
from .feed import testimony_feed
from .formatting import chinese_number, format_amount, format_date, format_quantity
from .labels import Labels
from .messages import Message
from .models import GLOSSARY_SECTIONS, LANGS, MILESTONE_KINDS, SECTORS, Amount, Text
from .pages import PageSpec, hand_written_pages, lang_root, page_url, record_key, relative_url, site_pages
from .pairing_map import load_places, pairing_map
from .passages import Passages
from .problems import ArchiveError, Problem
from .reading_order import Neighbours, in_reading_order, related
from .social import card_path, title_lines, title_of
from .views import home_view

# Compiling the templates costs more than rendering a small archive with them, and every
# build (each language, each rebuild of `mkdocs serve`) would compile them again. Jinja keys
# the cache by template file and checks the source, so an edited template is recompiled.
TEMPLATE_CACHE = FileSystemBytecodeCache()

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_escape(text: str) -> Markup:
    """Plain text made safe for a Markdown line: HTML-escaped, then Markdown-escaped."""
    return Markup(_MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(text))).replace("\\&", "&"))


@dataclass
class Renderer:
    archive: Archive
    lang: str
    labels: Labels
    templates: Path

    def __post_init__(self) -> None:
        self.page_path = "index"
        self._citations: dict[tuple[str, int], Markup] = {}
        # No auto_reload: a renderer lives for one build, and checking every template file
        # for changes on every page cost a file system call per page.
        env = Environment(loader=FileSystemLoader(str(self.templates)), autoescape=True,
                          undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                          keep_trailing_newline=True, bytecode_cache=TEMPLATE_CACHE,
                          auto_reload=False)
        lang, labels = self.lang, self.labels
        env.filters.update(
            text=lambda value: value.get(lang) if isinstance(value, (Text, dict)) else value,
            md=markdown_escape,
            # A sum the site computed (Total) is rounded for reading unless `exact` is asked
            # for (the data table beside a chart); a reported figure keeps every digit.
            amount=lambda figure, exact=False: format_amount(figure.value, lang, labels, figure.qualifier,
                                                             rounded=_computed(figure, exact)),
            quantity=lambda figure, unit=None, exact=False: format_quantity(
                figure.value, unit or figure.unit, lang, labels, figure.qualifier, rounded=_computed(figure, exact)),
            figure=self.format_figure,
            # An account is the editor's own Markdown: it goes into its page as written.
            account=Markup,
            date=lambda value: format_date(value, lang, labels),
            json=_json_string,
            reading_order=lambda records: in_reading_order(self.archive, records, lang),
        )
        env.globals.update(
            archive=self.archive, lang=lang, t=labels.get, tf=labels.format, url=self.url, shared_url=self.shared_url, key=record_key,
            SECTORS=SECTORS, MILESTONE_KINDS=MILESTONE_KINDS, GLOSSARY_SECTIONS=GLOSSARY_SECTIONS, LANGS=LANGS, EXPORT_FIELDS=EXPORT_FIELDS,
            funding_total=funding_total, figure_groups=figure_groups, home_view=home_view(self.archive),
            cite_link=self.cite_link, untranslated=self.untranslated,
            pairing_map=pairing_map(self.archive, load_places(self.templates), labels, lang),
            social_card=lambda: lang_root(lang) + card_path(self.page_path),
            testimony_neighbours=Neighbours(self.archive, lang),
            related_testimonies=lambda testimony: related(self.archive, testimony, lang),
        )
        # Passages are Chinese quotations on every page: found by the number as Chinese prints it.
        chinese = labels if lang == "zh" else Labels.load(self.templates, "zh")
        env.globals["passage"] = Passages(self.archive, lambda figure: chinese_number(
            figure.value, getattr(figure, "unit", None) or "yuan", chinese, figure.qualifier)).of_figure
        self.env = env

    def render(self, page: PageSpec) -> str:
        self.page_path = page.path
        return self.env.get_template(page.template).render(**page.context)

    def format_figure(self, figure, unit: str | None = None) -> str:
        """Money in the language's currency format, any other figure with its unit."""
        if isinstance(figure, Amount):
            return format_amount(figure.value, self.lang, self.labels, figure.qualifier)
        return format_quantity(figure.value, unit or figure.unit, self.lang, self.labels, figure.qualifier)

    def render_social_card(self, page_markdown: str) -> str:
        return self.env.get_template("social_card.svg.j2").render(
            site_name=self.labels.get("site.name"), title_lines=title_lines(title_of(page_markdown)))

    def cite_link(self, file: str) -> Markup:
        """The citation link of a source; it depends only on the page's depth, so each is
        rendered once per depth instead of once per figure."""
        depth = page_url(self.page_path).count("/")
        cached = self._citations.get((file, depth))
        if cached is None:
            template = self.env.get_template("_cite.html.j2")
            cached = self._citations[(file, depth)] = Markup(template.render(source=self.archive.sources[file]).strip())
        return cached

    def untranslated(self, record) -> bool:
        return self.archive.lacks(record, self.lang)

    # Links are relative to the page being rendered. Keeping its path here rather than in the
    # template context lets the macro library be imported once, not once per page.
    def url(self, to_path: str) -> str:
        return relative_url(self.page_path, to_path)

    def shared_url(self, file_path: str) -> str:
        """A file built once for both languages (downloads) sits under the default language's
        root; pages of the other languages live one folder deeper (en/)."""
        up = "" if self.lang == LANGS[0] else "../"
        return up + relative_url(self.page_path, "index") + file_path


@dataclass
class FigureGroup:
    figures: list

    @property
    def disagree(self) -> bool:
        return len({(f.value, f.qualifier) for f in self.figures}) > 1

    @property
    def covers(self) -> str | None:
        """The part of a budget the group's amounts cover, for money."""
        return getattr(self.figures[0], "covers", None)

    @property
    def label(self) -> Text | None:
        """What a fact or a count is about, for anything else."""
        first = self.figures[0]
        return getattr(first, "label", None) or getattr(first, "what", None)


def figure_groups(figures: list) -> list[FigureGroup]:
    """Figures grouped by what they count, in first-seen order: a group holding two
    different values is a disagreement between sources, shown as such."""
    groups: dict[tuple, FigureGroup] = {}
    for figure in figures:
        subject = (getattr(figure, "covers", None), getattr(figure, "unit", None),
                   _text_key(getattr(figure, "what", None)), _text_key(getattr(figure, "label", None)))
        groups.setdefault(subject, FigureGroup([])).figures.append(figure)
    return list(groups.values())


def _text_key(text) -> tuple | None:
    return (text.zh, text.en) if text is not None else None


def _computed(figure, exact: bool) -> bool:
    return isinstance(figure, Total) and not exact


def _json_string(value: object) -> Markup:
    """A YAML-safe quoted string for front matter (JSON strings are valid YAML)."""
    return Markup(json.dumps(str(value), ensure_ascii=False))


def render_language(archive: Archive, templates: Path, lang: str, site_url: str) -> dict[str, str | bytes]:
    """Every generated file of one language: {"counties/linxi.zh.md": text, ..., "feed.zh.xml": xml}.
    The feed is named feed.<lang>.xml: mkdocs-static-i18n puts each in its language root."""
    labels = Labels.load(templates, lang)
    renderer = Renderer(archive, lang, labels, templates)
    files: dict[str, str | bytes] = {f"{page.path}.{lang}.md": renderer.render(page) for page in site_pages(archive)}
    for page in site_pages(archive):
        files[f"{card_path(page.path)[:-len('.svg')]}.{lang}.svg"] = renderer.render_social_card(files[f"{page.path}.{lang}.md"])
    files[f"feed.{lang}.xml"] = testimony_feed(archive, lang, labels, site_url, lang_root(lang))
    return files


def generate(archive: Archive, templates: Path, content: Path, site_url: str) -> dict[str, str | bytes]:
    """The whole docs tree MkDocs builds from: the hand-written pages of `content` as they
    are, every generated page and feed in every language, and the downloads. A hand-written
    file where a generated one belongs is a problem, never silently overwritten."""
    files: dict[str, str | bytes] = export_files(archive)
    for lang in LANGS:
        files.update(render_language(archive, templates, lang, site_url))
    hand_written = hand_written_pages(content)
    clashes = sorted(set(hand_written) & set(files))
    if clashes:
        raise ArchiveError([Problem(f"{content.name}/{name}", None, None, Message("file.generated_place"))
                            for name in clashes])
    return {**files, **hand_written}
