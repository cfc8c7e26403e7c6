"""Fixtures shared by the test folders: the real archive is built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import build, make_project


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The real archive built as `make build` would, with --strict."""
    project = make_project(tmp_path_factory.mktemp("real-site"), fixture=None)
    result = build(project)
    assert result.returncode == 0, result.stderr[-5000:]
    return project / "site"
