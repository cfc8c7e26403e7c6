"""The published site under faults: killed builds, direct `mkdocs build`, unknown upstream versions."""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from sitebuild import ROOT, build, make_project

GHOST = """id: a-ghost
county: taibus
title: {zh: 幽灵项目, en: Ghost project}
sector: consumption
summary: {zh: 不该留下的项目。, en: A project that must leave no trace.}
sources: [004_68cbcf0a421c36e5.txt]
"""


def _environment(project: Path) -> dict:
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    environment.pop("CI", None)
    return environment


def _start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            env=_environment(project), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)  # its own process group, to kill it whole


def _wait_until_gone(group: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def _traces_of_ghost(site: Path) -> list[str]:
    found = [str(p.relative_to(site)) for p in site.rglob("*a-ghost*")]
    for name in ("sitemap.xml", "feed.xml", "en/feed.xml", "search/search_index.json", "en/search/search_index.json",
                 "data/projects.json", "projects/index.html", "en/projects/index.html"):
        if (site / name).exists() and "a-ghost" in (site / name).read_text(encoding="utf-8"):
            found.append(name)
    return found


class SiteWatcher(threading.Thread):
    """Looks at the published site again and again: it must always be a complete site."""

    def __init__(self, site: Path) -> None:
        super().__init__(daemon=True)
        self.site, self.looks, self.incomplete = site, 0, []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            missing = [name for name in ("index.html", "en/index.html", "sitemap.xml", "search/search_index.json",
                                         "en/search/search_index.json") if not (self.site / name).is_file()]
            if missing:
                self.incomplete.append(missing)
            self.looks += 1
            time.sleep(0.005)


@pytest.mark.parametrize("whom", ["group", "parent"])
def test_a_killed_build_leaves_a_complete_site_and_no_page_of_a_deleted_record(tmp_path, whom):
    project = make_project(tmp_path)
    assert build(project).returncode == 0
    started = time.monotonic()
    assert build(project).returncode == 0
    duration = time.monotonic() - started
    ghost = project / "data/projects/a-ghost.yaml"
    watcher = SiteWatcher(project / "site")
    watcher.start()
    try:
        for fraction in (0.2, 0.45, 0.7, 0.95):
            ghost.write_text(GHOST, encoding="utf-8")
            process = _start_build(project)
            time.sleep(duration * fraction)
            if whom == "group":
                os.killpg(process.pid, signal.SIGKILL)
            else:  # what the OOM killer does: the parent alone; its forked build must die with it
                process.kill()
            process.wait()
            assert _wait_until_gone(process.pid), "a process of the killed build is still running"
            ghost.unlink()
            assert build(project).returncode == 0
            assert _traces_of_ghost(project / "site") == []
            assert not list(project.glob(".site.building-*"))
    finally:
        watcher.stopping.set()
        watcher.join()
    assert watcher.looks > 100 and watcher.incomplete == []


def _commit(project: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run([*git, "commit", "-qm", "archive"], cwd=project, check=True,
                   env={**os.environ, "GIT_COMMITTER_DATE": "2024-03-01T12:00:00Z", "GIT_AUTHOR_DATE": "2024-03-01T12:00:00Z"})


def _digest(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_mkdocs_build_and_make_build_give_the_same_site_dated_by_the_last_commit(tmp_path):
    project = make_project(tmp_path)
    _commit(project)
    environment = _environment(project)
    environment.pop("SOURCE_DATE_EPOCH", None)
    make = subprocess.run(["make", "-s", "build", f"VENV={ROOT / '.venv'}"], cwd=project, env=environment,
                          capture_output=True, text=True)
    assert make.returncode == 0, make.stderr
    by_make = _digest(project / "site")
    direct = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, env=environment,
                            capture_output=True, text=True)
    assert direct.returncode == 0, direct.stderr
    assert _digest(project / "site") == by_make
    assert "<updated>2024-03-01T12:00:00+00:00</updated>" in (project / "site/feed.xml").read_text(encoding="utf-8")
    assert "<lastmod>2024-03-01</lastmod>" in (project / "site/sitemap.xml").read_text(encoding="utf-8")


def test_the_build_refuses_upstream_versions_its_compatibility_module_does_not_know():
    from mkdocs.exceptions import PluginError

    from adapter import compat

    compat.check_versions()  # the pinned versions are known
    newer = {"mkdocs": "1.6.1", "mkdocs-material": "9.9.0", "mkdocs-static-i18n": "1.3.1"}
    with pytest.raises(PluginError) as refused:
        compat.check_versions(newer.get)
    message = str(refused.value)
    assert "mkdocs-material 9.9.0 (written for 9.8.1)" in message and "compat.py" in message
    assert "mkdocs-static-i18n" not in message.split("\n")[1]


def test_no_module_but_compat_touches_another_packages_internals():
    internals = ("search_index_prev", "is_dirty", "get_language_config", "clean_directory", "mkdocs_static_i18n",
                 "i18n.building", "i18n.current_language", "i18n.search_entries", "search.a7633da7")
    offenders = []
    for path in [*(ROOT / "hooks").rglob("*.py"), *(ROOT / "overrides").rglob("*.html")]:
        if path.name == "compat.py":
            continue
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(ROOT)}: {name}" for name in internals if name in text]
    assert offenders == []
