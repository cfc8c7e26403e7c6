"""Command line for editors and maintainers: `python -m archive check` and friends."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .archive import build_archive
from .json_schemas import write_schemas
from .problems import ArchiveError
from .scaffold import new_testimony


def check(args) -> int:
    try:
        archive = build_archive(Path(args.root))
    except ArchiveError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for gap in archive.gaps:
        print(f"translation missing: {gap}", file=sys.stderr)
    print(f"ok: {len(archive.counties)} counties, {len(archive.projects)} projects, "
          f"{len(archive.milestones)} milestones, {len(archive.sources)} sources, "
          f"{len(archive.testimonies)} testimonies, {len(archive.glossary)} glossary terms")
    return 1 if args.strict and archive.gaps else 0


def translations(args) -> int:
    """What lacks which language, grouped by file."""
    try:
        archive = build_archive(Path(args.root))
    except ArchiveError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if not archive.gaps:
        print("every record and testimony exists in both languages")
        return 0
    by_file: dict[str, list] = {}
    for gap in archive.gaps:
        by_file.setdefault(gap.file, []).append(gap)
    for file, gaps in sorted(by_file.items()):
        print(file)
        for gap in gaps:
            line = f"line {gap.line}: " if gap.line else ""
            print(f"  {line}{gap.field} lacks {gap.missing}")
    print(f"{len(archive.gaps)} missing translation(s) in {len(by_file)} file(s)")
    return 0


def scaffold(args) -> int:
    root = Path(args.root)
    try:
        written = new_testimony(root / "content" / "testimonies", args.slug, args.county, args.source,
                                {"zh": args.narrator_zh, "en": args.narrator_en}, {"zh": args.role_zh, "en": args.role_en})
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    for path in written:
        print(f"written: {path}")
    print("Now replace the ✎ line in each file with the account, then run `make check`.")
    return 0


def schemas(args) -> int:
    for path in write_schemas(Path(args.root) / "schemas"):
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
    for name in ("slug", "county", "source", "narrator-zh", "narrator-en", "role-zh", "role-en"):
        new.add_argument(f"--{name}", required=True)
    new.set_defaults(run=scaffold)
    commands.add_parser("schemas", help="write the JSON Schemas that text editors read").set_defaults(run=schemas)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
