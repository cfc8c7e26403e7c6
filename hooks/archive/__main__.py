"""Command line for editors and maintainers: `python -m archive check` and friends."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .archive import build_archive
from .problems import ArchiveError


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
          f"{len(archive.testimonies)} testimonies")
    return 1 if args.strict and archive.gaps else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m archive")
    parser.add_argument("--root", default=".", help="project folder holding data/ and content/")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate every record and testimony")
    check_parser.add_argument("--strict", action="store_true", help="missing translations are errors")
    check_parser.set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
