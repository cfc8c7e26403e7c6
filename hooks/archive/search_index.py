"""Give each language its own search index.

mkdocs-static-i18n merges every language into one site-wide index, so an English search
would list Chinese pages. Splitting the entries by the language folder of each keeps results
in the reader's language; overrides/theme/main.html points English pages at theirs.

A partial rebuild (`mkdocs serve --dirty`) indexes only the pages it rebuilt; the entries of
the previous build are carried over for every other page that still exists.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

Entries = dict[str, list[dict]]  # language -> search entries, locations relative to its root


def page_of(entry: dict) -> str:
    """The page an entry belongs to: "counties/linxi/#funds" -> "counties/linxi/"."""
    return entry["location"].split("#", 1)[0]


def carry_over(previous: list[dict], fresh: list[dict], page_exists: Callable[[str], bool]) -> list[dict]:
    """Entries of a partial rebuild: the fresh ones, plus the previous entries of pages that
    were not rebuilt and still exist (a deleted record's page drops out of search)."""
    rebuilt = {page_of(entry) for entry in fresh}
    kept = [entry for entry in previous if page_of(entry) not in rebuilt and page_exists(page_of(entry))]
    return kept + fresh


def split_search_index(site_dir: Path, entries: list[dict], default_lang: str, other_langs: list[str],
                       previous: Entries | None = None) -> Entries:
    """Write one search index per language from the `entries` of every language (locations
    of further languages start with their folder, "en/…") and return the entries written.
    The index settings are those of site/search/search_index.json. With `previous` (a partial
    rebuild), pages not rebuilt keep their entries."""
    site_dir = Path(site_dir)
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    buckets: Entries = {lang: [] for lang in [default_lang, *other_langs]}
    for entry in entries:
        lang = next((lang for lang in other_langs if entry["location"].startswith(f"{lang}/")), default_lang)
        if lang != default_lang:
            entry = {**entry, "location": entry["location"][len(lang) + 1:]}
        buckets[lang].append(entry)
    for lang in buckets:
        root = site_dir if lang == default_lang else site_dir / lang
        if previous is not None:
            buckets[lang] = carry_over(previous.get(lang, []), buckets[lang],
                                       lambda page: (root / page / "index.html").is_file())
        target = root / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        # Each index gets only its own language's lunr pipeline: with Chinese added, lunr's
        # multi-language pipeline found no English word at all.
        config = {**index["config"], "lang": [lang]}
        target.write_text(json.dumps({**index, "config": config, "docs": buckets[lang]}, ensure_ascii=False,
                                     separators=(",", ":")), encoding="utf-8")
    return buckets
