"""Command line for editors and maintainers: `python -m archive check` and friends. Messages
come from the catalogues, in the language of the locale (see messages.py)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .archive import build_archive
from .json_schemas import write_schemas
from .load import load_records
from .messages import Message
from .problems import ArchiveError
from .scaffold import check_arguments, new_testimony


def _say(key: str, stream=None, **params) -> None:
    print(Message(key, **params), file=stream or sys.stdout)


def _report_warnings(archive) -> None:
    for warning in archive.warnings:
        _say("command.warning", sys.stderr, problem=warning)


def check(args) -> int:
    try:
        archive = build_archive(Path(args.root))
    except ArchiveError as error:
        print(error.report(), file=sys.stderr)
        return 1
    _report_warnings(archive)
    for gap in archive.gaps:
        _say("command.translation_missing", sys.stderr, gap=gap)
    _say("command.ok", counties=len(archive.counties), projects=len(archive.projects),
         milestones=len(archive.milestones), sources=len(archive.sources), testimonies=len(archive.testimonies),
         glossary=len(archive.glossary))
    return 1 if args.strict and archive.gaps else 0


def translations(args) -> int:
    """What lacks which language, grouped by file."""
    try:
        archive = build_archive(Path(args.root))
    except ArchiveError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if not archive.gaps:
        _say("command.all_translated")
        return 0
    by_file: dict[str, list] = {}
    for gap in archive.gaps:
        by_file.setdefault(gap.file, []).append(gap)
    for file, gaps in sorted(by_file.items()):
        print(file)
        for gap in gaps:
            line = Message("command.gap_line", line=gap.line).text() if gap.line else ""
            print(f"  {line}{Message('command.lacks', field=gap.field, lang=gap.missing)}")
    _say("command.gaps_summary", count=len(archive.gaps), files=len(by_file))
    return 0


def scaffold(args) -> int:
    root = Path(args.root)
    folder = root / "content" / "testimonies"
    records = load_records(root / "data", root, [])  # the choices offered; their problems are `make check`'s
    texts = {"NARRATOR_ZH": args.narrator_zh, "NARRATOR_EN": args.narrator_en,
             "ROLE_ZH": args.role_zh, "ROLE_EN": args.role_en}
    mistakes = check_arguments(folder, args.slug, args.county, args.source, texts,
                               sorted(loaded.record.id for loaded in records["counties"]),
                               sorted(loaded.record.file for loaded in records["sources"]))
    if mistakes:
        _say("scaffold.arguments", sys.stderr)
        for mistake in mistakes:
            print(f"  - {mistake}", file=sys.stderr)
        return 1
    written = new_testimony(folder, args.slug, args.county, args.source,
                            {"zh": args.narrator_zh, "en": args.narrator_en}, {"zh": args.role_zh, "en": args.role_en})
    for path in written:
        _say("scaffold.written", file=path)
    _say("scaffold.next")
    return 0


def schemas(args) -> int:
    for path in write_schemas(Path(args.root) / "hooks" / "archive" / "schemas"):
        print(f"written: {path}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archive")
    parser.add_argument("--root", default=".", help="project folder holding data/ and content/")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate every record and testimony")
    check_parser.add_argument("--strict", action="store_true", help="missing translations are errors")
    check_parser.set_defaults(run=check)
    commands.add_parser("translations", help="list what lacks a language").set_defaults(run=translations)
    new = commands.add_parser("new-testimony", help="create both files of a new testimony")
    # Not required: `make new-testimony` passes an empty string for what was left out, and
    # the check then names every missing argument at once.
    for name in ("slug", "county", "source", "narrator-zh", "narrator-en", "role-zh", "role-en"):
        new.add_argument(f"--{name}", default="")
    new.set_defaults(run=scaffold)
    commands.add_parser("schemas", help="write the JSON Schemas that text editors read").set_defaults(run=schemas)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
