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


# A feed reader wants what is new, not the archive: the accounts changed last, newest first.
# Every account stays on the site and in the downloads; a reader who subscribes late finds
# the rest on the Accounts page. (Converting each account's Markdown is also most of the
# feed's cost, so an archive of thousands of accounts does not pay it for each.)
FEED_SIZE = 50


def _changed(archive: Archive, testimony, lang: str, built: datetime.datetime) -> datetime.datetime:
    """When an account's file in `lang` last changed in git; the build's date if unknown."""
    day = archive.last_changed([testimony.version(lang).origin.file])
    if day is None:
        return built
    return datetime.datetime.combine(day.first_day(), datetime.time(), datetime.timezone.utc)


def newest_accounts(archive: Archive, lang: str, built: datetime.datetime) -> list[tuple[datetime.datetime, object]]:
    """The FEED_SIZE accounts changed last, with their dates: newest first, then by name."""
    dated = [(_changed(archive, testimony, lang, built), testimony) for testimony in archive.testimonies.values()]
    dated.sort(key=lambda pair: pair[1].slug)
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: equal dates keep the slug order
    return dated[:FEED_SIZE]


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
    built = _build_time()
    feed.updated(built)
    to_html = Markdown()  # one converter, reset for each account: building one costs more than converting
    for changed, testimony in newest_accounts(archive, lang, built):
        version = testimony.version(lang)
        url = base + page_url(f"testimonies/{testimony.slug}")
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.link(href=url)
        entry.title(_xml(f"{version.meta.narrator} · {version.meta.role}"))
        entry.updated(changed)
        if version.meta.summary:
            entry.summary(_xml(version.meta.summary))
        entry.content(_xml(to_html.reset().convert(version.body)), type="html")
    return feed.atom_str(pretty=True)
