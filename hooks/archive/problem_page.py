"""The page an editor sees in the preview while the archive cannot be built: every problem,
in the same words as in the terminal, under a heading in each language."""
from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from .labels import Labels
from .models import LANGS


def problem_page(problems: list[str], templates: Path) -> str:
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=True)
    langs = [Labels.load(templates, lang) for lang in LANGS]
    return env.get_template("problems.html.j2").render(problems=problems, langs=langs)
