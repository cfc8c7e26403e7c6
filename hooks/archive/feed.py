"""An Atom feed of the accounts for each language, written with feedgen."""
from __future__ import annotations

import datetime
import os

from feedgen.feed import FeedGenerator
from markdown import Markdown

from .archive import Archive
from .labels import Labels
from .pages import page_url


def _build_time() -> datetime.datetime:
    # Reproducible builds: the time of the last commit (SOURCE_DATE_EPOCH), not the clock.
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)


def testimony_feed(archive: Archive, lang: str, labels: Labels, site_url: str, lang_root: str) -> bytes:
    """Atom XML; `lang_root` is "" for the default language and "en/" for English."""
    base = site_url.rstrip("/") + "/" + lang_root
    feed = FeedGenerator()
    feed.id(base + page_url("testimonies/index"))
    feed.title(f"{labels.get('site.name')} · {labels.get('page.testimonies')}")
    feed.subtitle(labels.get("page.testimonies_intro"))
    feed.link(href=base + page_url("testimonies/index"), rel="alternate")
    feed.link(href=base + "feed.xml", rel="self")
    feed.language(lang)
    feed.updated(_build_time())
    to_html = Markdown()  # one converter, reset for each account: building one costs more than converting
    for testimony in sorted(archive.testimonies.values(), key=lambda t: t.slug, reverse=True):
        version = testimony.version(lang)
        url = base + page_url(f"testimonies/{testimony.slug}")
        entry = feed.add_entry()
        entry.id(url)
        entry.link(href=url)
        entry.title(f"{version.meta.narrator} · {version.meta.role}")
        entry.updated(_build_time())
        if version.meta.summary:
            entry.summary(version.meta.summary)
        entry.content(to_html.reset().convert(version.body), type="html")
    return feed.atom_str(pretty=True)
