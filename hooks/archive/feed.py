"""An Atom feed of the accounts for each language, written with feedgen."""
from __future__ import annotations

import datetime
import os
import re

from feedgen.feed import FeedGenerator
from markdown import Markdown

from .archive import Archive
from .labels import Labels
from .pages import page_url


def _build_time() -> datetime.datetime:
    # Reproducible builds: the time of the last commit (SOURCE_DATE_EPOCH), not the clock.
    seconds = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc)


# What XML 1.0 cannot hold. Validation refuses control characters in editors' files; this is
# the last guard, so that no text can make the feed unreadable (or lxml raise).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("", text)


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
        entry.title(_xml(f"{version.meta.narrator} · {version.meta.role}"))
        entry.updated(_build_time())
        if version.meta.summary:
            entry.summary(_xml(version.meta.summary))
        entry.content(_xml(to_html.reset().convert(version.body)), type="html")
    return feed.atom_str(pretty=True)
