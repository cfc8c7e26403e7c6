"""Create both language files of a new testimony, so an editor only writes the account."""
from __future__ import annotations

import json
from pathlib import Path

# A body still holding this mark is refused by validation: a draft never goes out by accident.
PLACEHOLDER = "✎"

_BODY = {
    "zh": f"{PLACEHOLDER} 在这里用自己的话写下讲述（两到五段）；直接引语要简短并注明说话人。\n",
    "en": f"{PLACEHOLDER} Write the account here in your own words (two to five paragraphs); "
          "keep direct quotes short and attributed.\n",
}


def new_testimony(folder: Path, slug: str, county: str, source: str, narrator: dict[str, str],
                  role: dict[str, str]) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("zh", "en"):
        path = folder / f"{slug}.{lang}.md"
        if path.exists():
            raise FileExistsError(f"{path} exists already; choose another slug")
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
        path.write_text("\n".join(lines), encoding="utf-8")
        written.append(path)
    return written
