"""Build a real site from a small archive in a temporary folder, as the tests' one entry point."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def make_project(folder: Path, fixture: str | None = "tiny") -> Path:
    """A project folder with the real config, hooks, templates and hand-written pages, and the
    records and testimonies of `fixture` (None: the real archive)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    archive = FIXTURES / fixture if fixture else ROOT
    for name in ("mkdocs.yml", "Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, folder / name)
    # With their times, so that the Makefile finds the project's npm install (linked below)
    # up to date, as it is, and leaves it alone.
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, folder / name)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "content").mkdir()
    for page in (ROOT / "content").glob("*.md"):
        if not page.name.startswith("index."):
            shutil.copy(page, folder / "content" / page.name)
    shutil.copytree(archive / "data", folder / "data")
    shutil.copytree(archive / "content" / "testimonies", folder / "content" / "testimonies",
                    ignore=shutil.ignore_patterns("index.*.md"))
    (folder / "node_modules").symlink_to(ROOT / "node_modules")  # Pagefind, which the build runs
    return folder


def build(project: Path, *extra: str, env: dict | None = None, strict: bool = True) -> subprocess.CompletedProcess:
    """Run `mkdocs build` (with --strict: any warning fails) in `project`; the result keeps
    stdout and stderr for messages."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(Path(project) / "hooks")}
    environment.pop("CI", None)
    environment.update(env or {})
    flags = ["--strict"] if strict else []
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", *flags, *extra], cwd=project, env=environment,
                          capture_output=True, text=True, timeout=300)


def page(project: Path, url: str) -> str:
    """The HTML of a built page by its URL path: "counties/linxi/" or "en/counties/linxi/"."""
    return (Path(project) / "site" / url / "index.html").read_text(encoding="utf-8")


def indexed_pages(site_dir: Path) -> dict[str, dict[str, str]]:
    """What the search index holds: language -> page address -> indexed text, read from
    Pagefind's fragments (one gzipped JSON file a page, its name starting with the language;
    Chinese words are separated there by zero-width spaces, removed here)."""
    pages: dict[str, dict[str, str]] = {}
    for fragment in (Path(site_dir) / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages.setdefault(fragment.name.split("_", 1)[0], {})[data["url"]] = data["content"].replace("\u200b", "")
    return pages
