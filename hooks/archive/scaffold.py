"""Create both language files of a new testimony, so an editor only writes the account.
Every argument is checked before anything is written: a wrong one writes nothing and says
what would be right."""
from __future__ import annotations

import json
import re
from pathlib import Path

from .characters import has_control_characters
from .messages import Message
from .models import LANGS, SLUG_MAX, SLUG_PATTERN

# A body still holding this mark is refused by validation: a draft never goes out by accident.
PLACEHOLDER = "✎"

_BODY = {
    "zh": f"{PLACEHOLDER} 在这里用自己的话写下讲述（两到五段）；直接引语要简短并注明说话人。\n",
    "en": f"{PLACEHOLDER} Write the account here in your own words (two to five paragraphs); "
          "keep direct quotes short and attributed.\n",
}

_EXAMPLES = {"NARRATOR_ZH": "王丽", "NARRATOR_EN": "Wang Li", "ROLE_ZH": "挂职干部", "ROLE_EN": "Cadre on posting"}


def check_arguments(folder: Path, slug: str, county: str, source: str, texts: dict[str, str],
                    counties: list[str], sources: list[str]) -> list[Message]:
    """Every mistake in the arguments of `make new-testimony`; `texts` maps each argument name
    (NARRATOR_ZH, ...) to its value, `counties` and `sources` are the valid choices."""
    mistakes = []
    if not re.match(SLUG_PATTERN, slug) or len(slug) > SLUG_MAX:
        mistakes.append(Message("scaffold.slug", value=repr(slug), limit=SLUG_MAX))
    if county not in counties:
        mistakes.append(Message("scaffold.county", value=repr(county), expected=", ".join(counties)))
    if source not in sources:
        mistakes.append(Message("scaffold.source", value=repr(source), expected=", ".join(sources)))
    for name, value in texts.items():
        if not value.strip():
            mistakes.append(Message("scaffold.empty", name=name, example=_EXAMPLES.get(name, "")))
        elif has_control_characters(value) or "\n" in value:
            mistakes.append(Message("scaffold.control_character", name=name))
    if not mistakes:
        mistakes += [Message("scaffold.exists", file=str(path)) for path in _paths(folder, slug) if path.exists()]
    return mistakes


def _paths(folder: Path, slug: str) -> list[Path]:
    return [Path(folder) / f"{slug}.{lang}.md" for lang in LANGS]


def new_testimony(folder: Path, slug: str, county: str, source: str, narrator: dict[str, str],
                  role: dict[str, str]) -> list[Path]:
    """Write both files; the arguments have passed check_arguments."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang, path in zip(LANGS, _paths(folder, slug)):
        lines = [
            "---",
            f"narrator: {json.dumps(narrator[lang], ensure_ascii=False)}",
            f"role: {json.dumps(role[lang], ensure_ascii=False)}",
            f"county: {county}",
            f"source: {source}",
            "# Optional: home_unit, posting (people sent there) or place (local residents), period: {start: 2018, end: 2020}, projects: [project-id], summary",
            "---",
            "",
            _BODY[lang],
        ]
        with path.open("x", encoding="utf-8") as created:  # "x": never overwrites, even in a race
            created.write("\n".join(lines))
        written.append(path)
    return written
