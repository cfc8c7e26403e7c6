"""Give each language its own search index.

mkdocs-static-i18n merges every language into one site-wide index, so an English search
would list Chinese pages. Splitting it by the language folder of each entry keeps results
in the reader's language; overrides/theme/main.html points English pages at theirs.
"""
from __future__ import annotations

import json
from pathlib import Path


def split_search_index(site_dir: Path, default_lang: str, other_langs: list[str]) -> dict[str, int]:
    """Rewrite site/search/search_index.json per language; return entries per language."""
    index_file = Path(site_dir) / "search" / "search_index.json"
    index = json.loads(index_file.read_text(encoding="utf-8"))
    buckets: dict[str, list] = {lang: [] for lang in [default_lang, *other_langs]}
    for entry in index["docs"]:
        lang = next((lang for lang in other_langs if entry["location"].startswith(f"{lang}/")), default_lang)
        if lang != default_lang:
            entry = {**entry, "location": entry["location"][len(lang) + 1:]}
        buckets[lang].append(entry)
    for lang, entries in buckets.items():
        target = index_file if lang == default_lang else Path(site_dir) / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        # Each index gets only its own language's lunr pipeline: with Chinese added, lunr's
        # multi-language pipeline found no English word at all.
        config = {**index["config"], "lang": [lang]}
        target.write_text(json.dumps({**index, "config": config, "docs": entries}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
    return {lang: len(entries) for lang, entries in buckets.items()}
