"""The archive: every record, references resolved, figures summed, problems collected.

`build_archive` is the one entry point: it loads, validates and cross-checks, and either
returns an Archive or raises ArchiveError listing every problem together.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel

from .dates import PartialDate
from .load import Loaded, Origin, TestimonyVersion, load_records, load_testimonies
from .messages import Message
from .models import LANGS, County, Figure, GlossaryTerm, Milestone, Project, Source, TestimonyMeta, Text, key_field
from .plausibility import plausibility_warnings
from .problems import ArchiveError, Problem, dotted
from .revisions import last_changed


@dataclass
class Testimony:
    slug: str
    versions: dict[str, TestimonyVersion]

    @property
    def meta(self) -> TestimonyMeta:
        return next(iter(self.versions.values())).meta

    def version(self, lang: str) -> TestimonyVersion:
        return self.versions.get(lang) or next(iter(self.versions.values()))


@dataclass
class Total:
    """A sum computed from records, with the qualifier its parts allow."""

    value: Decimal
    qualifier: str
    parts: int


@dataclass
class TranslationGap:
    file: str
    line: int | None
    field: str
    missing: str  # the language that is missing

    def text(self, lang: str | None = None) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {Message('report.translation_missing', field=self.field, lang=self.missing).text(lang)}"

    def __str__(self) -> str:
        return self.text()


@dataclass
class Archive:
    counties: dict[str, County] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    milestones: dict[str, Milestone] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    testimonies: dict[str, Testimony] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    gaps: list[TranslationGap] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # published anyway; listed for editors
    coverage: list[Loaded] = field(default_factory=list)
    root: Path = Path(".")  # the folder record files are named from
    revisions: dict[str, PartialDate] = field(default_factory=dict)  # file -> last commit day

    # Languages each record lacks some text in, by id(): the archive keeps every record alive.
    missing_languages: dict[int, set[str]] = field(default_factory=dict)

    def files_of(self, kind: str, record=None) -> list[str]:
        """The files holding one record of `kind` (both language files of an account), or
        every record of it: what the "last updated" day of their pages comes from."""
        if kind == "testimonies":
            testimonies = [record] if record is not None else self.testimonies.values()
            return [version.origin.file for testimony in testimonies for version in testimony.versions.values()]
        if record is not None:
            return [self.origins[(kind, _key(kind, record))].file]
        return [origin.file for (of_kind, _), origin in self.origins.items() if of_kind == kind]

    def last_changed(self, files: list[str]) -> PartialDate | None:
        """The newest day a commit changed any of `files` (relative to root), if git knows one."""
        return max((self.revisions[file] for file in files if file in self.revisions), default=None)

    def file_changed(self, path: Path) -> PartialDate | None:
        """The same for a file given by its path, such as a hand-written page."""
        try:
            return self.last_changed([Path(path).resolve().relative_to(self.root.resolve()).as_posix()])
        except ValueError:  # not under root: git was not asked about it
            return None

    def lacks(self, record, lang: str) -> bool:
        """True when a record has any text missing in `lang`: its pages say so."""
        return lang in self.missing_languages.get(id(record), ())

    # Indexes, built once so that no page does a search over all records.
    def projects_of(self, county_id: str) -> list[Project]:
        return self._by_county["projects"].get(county_id, [])

    def milestones_of(self, county_id: str) -> list[Milestone]:
        return self._by_county["milestones"].get(county_id, [])

    def testimonies_of(self, county_id: str) -> list[Testimony]:
        return self._by_county["testimonies"].get(county_id, [])

    def testimonies_of_project(self, project_id: str) -> list[Testimony]:
        return self._testimonies_by_project.get(project_id, [])

    def milestones_of_project(self, project_id: str) -> list[Milestone]:
        return self._milestones_by_project.get(project_id, [])

    def citations_of(self, source_file: str) -> dict[str, list]:
        """What cites an article: {"counties": [...], "projects": [...], "milestones": [...], "testimonies": [...]}."""
        cited = self._citations.get(source_file, {})
        return {kind: cited.get(kind, []) for kind in ("counties", "projects", "milestones", "testimonies")}

    def sorted_milestones(self) -> list[Milestone]:
        return sorted(self.milestones.values(), key=lambda m: (m.date, m.id))

    def index(self) -> None:
        by_county: dict[str, dict[str, list]] = {kind: defaultdict(list) for kind in ("projects", "milestones", "testimonies")}
        self._testimonies_by_project: dict[str, list] = defaultdict(list)
        self._milestones_by_project: dict[str, list] = defaultdict(list)
        citations: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        for project in sorted(self.projects.values(), key=lambda p: (p.years[:1], p.id)):
            by_county["projects"][project.county].append(project)
            for file in cited_sources(project):
                citations[file]["projects"].append(project)
        for milestone in self.sorted_milestones():
            by_county["milestones"][milestone.county].append(milestone)
            for project_id in milestone.projects:
                self._milestones_by_project[project_id].append(milestone)
            for file in cited_sources(milestone):
                citations[file]["milestones"].append(milestone)
        for county in self.counties.values():
            for file in cited_sources(county):
                citations[file]["counties"].append(county)
        for testimony in sorted(self.testimonies.values(), key=lambda t: t.slug):
            by_county["testimonies"][testimony.meta.county].append(testimony)
            for project_id in testimony.meta.projects:
                self._testimonies_by_project[project_id].append(testimony)
            citations[testimony.meta.source]["testimonies"].append(testimony)
        self._by_county = by_county
        self._citations = citations


def cited_sources(record: BaseModel) -> list[str]:
    """Every source file a record cites, in its sources list or on any of its figures."""
    return list(dict.fromkeys(file for _, file in source_citations(record)))


def translation_gaps(record: BaseModel, origin: Origin | None = None, path: tuple = ()) -> list[TranslationGap]:
    """Every text of a record missing a language; `origin` says where, when known."""
    gaps = []
    if isinstance(record, Text):
        file, line = (origin.file, origin.line(*path)) if origin else ("", None)
        return [TranslationGap(file, line, dotted(path), lang) for lang in record.missing()]
    for name in type(record).model_fields:
        value = getattr(record, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                gaps += translation_gaps(item, origin, path + ((name,) if index is None else (name, index)))
    return gaps


def funding_total(project: Project) -> Figure | Total | None:
    """What a project cost: its first 'total' figure, else the first figure of each part."""
    totals = [a for a in project.funding if a.covers == "total"]
    if totals:
        return totals[0]
    firsts = {}
    for amount in project.funding:
        firsts.setdefault(amount.covers, amount)
    if not firsts:
        return None
    parts = list(firsts.values())
    return Total(sum((a.value for a in parts), Decimal(0)), combined_qualifier(parts), len(parts))


def people_reached(project: Project) -> Figure | None:
    people = [c for c in project.beneficiaries if c.unit == "people"]
    return people[0] if people else None


def combined_qualifier(figures: list[Figure]) -> str:
    qualifiers = {f.qualifier for f in figures}
    if qualifiers <= {"exact"}:
        return "exact"
    if qualifiers <= {"exact", "more_than"}:
        return "more_than"
    return "about"


def sum_figures(figures: list[Figure | Total | None]) -> Total | None:
    present = [f for f in figures if f is not None]
    if not present:
        return None
    return Total(sum((f.value for f in present), Decimal(0)), combined_qualifier(present), len(present))


@dataclass
class Totals:
    """Funds and people summed over individual projects; aggregates are left out because
    they already include other projects."""

    funds: Total | None
    people: Total | None
    projects: int  # the individual projects giving either figure


def totals(projects) -> Totals:
    individual = [project for project in projects if not project.aggregate]
    funds, people = [funding_total(p) for p in individual], [people_reached(p) for p in individual]
    giving = sum(1 for fund, reached in zip(funds, people) if fund is not None or reached is not None)
    return Totals(sum_figures(funds), sum_figures(people), giving)


def _key(kind: str, record) -> str:
    """How the archive knows a record of `kind` (models.key_field)."""
    return getattr(record, key_field(kind))


def _register(archive: Archive, kind: str, key: str, loaded: Loaded, problems: list[Problem]) -> None:
    table = getattr(archive, kind)
    field_name = key_field(kind)
    if key in table:
        first = archive.origins[(kind, key)]
        problems.append(Problem(loaded.origin.file, loaded.origin.line(field_name), field_name,
                                Message("reference.duplicate", field=field_name, file=first.file,
                                        line=first.line(field_name)), key))
        return
    table[key] = loaded.record
    archive.origins[(kind, key)] = loaded.origin


def _check_references(archive: Archive, problems: list[Problem], invalid: set[str]) -> None:
    def check(origin: Origin, path: tuple, value: str, table: dict, what: str) -> None:
        if value not in table and value not in invalid:
            problems.append(Problem(origin.file, origin.line(*path), dotted(path), _unknown_id(value, table, what), value))

    for (kind, key), origin in archive.origins.items():
        record = getattr(archive, kind)[key]
        if kind in ("projects", "milestones"):
            check(origin, ("county",), record.county, archive.counties, "county")
        for project_index, project_id in enumerate(getattr(record, "projects", []) if kind == "milestones" else []):
            check(origin, ("projects", project_index), project_id, archive.projects, "project")
        for path, file in source_citations(record):
            check(origin, path, file, archive.sources, "source")
    holders = {**archive.projects, **archive.milestones, **archive.counties, **archive.testimonies}
    for loaded in archive.coverage:
        check(loaded.origin, ("article",), loaded.record.article, archive.sources, "source")
        for index, passage in enumerate(loaded.record.passages):
            for record_index, record_id in enumerate(passage.records):
                check(loaded.origin, ("passages", index, "records", record_index), record_id, holders,
                      "record")
    for testimony in archive.testimonies.values():
        for version in testimony.versions.values():
            meta, origin = version.meta, version.origin
            check(origin, ("county",), meta.county, archive.counties, "county")
            for index, project_id in enumerate(meta.projects):
                check(origin, ("projects", index), project_id, archive.projects, "project")
            check(origin, ("source",), meta.source, archive.sources, "source")
            if meta.gender:
                check(origin, ("gender", "source"), meta.gender.source, archive.sources, "source")


def _unknown_id(value: str, table: dict, what: str, listed: int = 12) -> Message:
    """What an editor could have meant: the whole list while it is short, else the closest ids
    (a list of thousands of ids would bury the message)."""
    kind = Message(f"kind.{what}")
    if not table:
        return Message("reference.unknown_none", kind=kind)
    if len(table) <= listed:
        return Message("reference.unknown_listed", kind=kind, expected=", ".join(sorted(table)))
    close = difflib.get_close_matches(value, table, n=3, cutoff=0.5)
    if close:
        return Message("reference.unknown_close", kind=kind, close=" / ".join(repr(c) for c in close), count=len(table))
    return Message("reference.unknown_many", kind=kind, count=len(table))


def source_citations(record: BaseModel, path: tuple = ()):
    """(path, file) of every source citation inside a record."""
    for name in type(record).model_fields:
        value = getattr(record, name)
        if name == "sources":
            yield from (((path + (name, i)), file) for i, file in enumerate(value))
        elif name == "source" and isinstance(value, str) and not isinstance(record, Source):
            yield path + (name,), value
        elif isinstance(value, BaseModel):
            yield from source_citations(value, path + (name,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from source_citations(item, path + (name, index))


def _check_testimony_languages(archive: Archive, problems: list[Problem]) -> None:
    for testimony in archive.testimonies.values():
        versions = [testimony.versions[lang] for lang in LANGS if lang in testimony.versions]
        for lang in LANGS:
            if lang not in testimony.versions:
                other = versions[0].origin
                archive.gaps.append(TranslationGap(other.file.replace(f".{versions[0].lang}.md", f".{lang}.md"),
                                                   None, "(whole account)", lang))
        for version in versions[1:]:
            for name in TestimonyMeta.SHARED:
                if getattr(version.meta, name) != getattr(versions[0].meta, name):
                    problems.append(Problem(version.origin.file, version.origin.line(name), name,
                                            Message("testimony.languages_differ", file=versions[0].origin.file, field=name),
                                            str(getattr(version.meta, name))))


def build_archive(root: Path, data_dir: Path | None = None, testimonies_dir: Path | None = None) -> Archive:
    """Load everything under `root` (data/ and content/testimonies/ by default)."""
    root = Path(root)
    problems: list[Problem] = []
    invalid: set[str] = set()
    loaded = load_records(data_dir or root / "data", root, problems, invalid)
    testimonies = load_testimonies(testimonies_dir or root / "content" / "testimonies", root, problems, invalid)
    archive = Archive()
    archive.coverage = loaded.pop("coverage")
    for kind, items in loaded.items():
        for item in items:
            _register(archive, kind, _key(kind, item.record), item, problems)
            gaps = translation_gaps(item.record, item.origin)
            if gaps:
                archive.gaps += gaps
                archive.missing_languages[id(item.record)] = {gap.missing for gap in gaps}
    archive.testimonies = {slug: Testimony(slug, versions) for slug, versions in testimonies.items()}
    _check_references(archive, problems, invalid)
    _check_testimony_languages(archive, problems)
    archive.warnings = [problem for problem in problems if problem.warning]
    errors = [problem for problem in problems if not problem.warning]
    if errors:
        raise ArchiveError(errors, archive.warnings)
    archive.warnings += plausibility_warnings(archive)
    archive.index()
    archive.root = root
    # Hand-written pages sit beside the accounts, in the editors' folder.
    folders = [data_dir or root / "data", (testimonies_dir or root / "content" / "testimonies").parent]
    archive.revisions = last_changed(root, folders)
    return archive
