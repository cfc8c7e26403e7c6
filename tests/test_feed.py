"""Each language's feed holds the accounts changed last, newest first, dated by git."""
import subprocess
from pathlib import Path
from xml.etree import ElementTree

from archive.archive import build_archive
from archive import feed
from archive.labels import Labels
from synthetic import write_archive
from test_revisions import commit

ROOT = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(archive, lang: str) -> list[tuple[str, str]]:
    xml = feed.testimony_feed(archive, lang, Labels.load(ROOT / "overrides" / "archive", lang), "https://example.org/", "")
    return [(entry.find(f"{ATOM}id").text.rsplit("/", 2)[-2], entry.find(f"{ATOM}updated").text)
            for entry in ElementTree.fromstring(xml).findall(f"{ATOM}entry")]


def test_the_feed_lists_the_accounts_changed_last_newest_first(tmp_path):
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    counts = write_archive(tmp_path, 700)
    assert counts["testimonies"] > feed.FEED_SIZE
    commit(tmp_path, "2024-03-01", "the archive")
    corrected = tmp_path / "content" / "testimonies" / "person-7.zh.md"
    corrected.write_text(corrected.read_text(encoding="utf-8") + "\n补记。\n", encoding="utf-8")
    commit(tmp_path, "2025-06-30", "a correction")
    archive = build_archive(tmp_path, data_dir=tmp_path / "data", testimonies_dir=tmp_path / "content" / "testimonies")

    chinese = entries(archive, "zh")
    assert len(chinese) == feed.FEED_SIZE
    assert chinese[0] == ("person-7", "2025-06-30T00:00:00+00:00")
    assert {updated for _, updated in chinese[1:]} == {"2024-03-01T00:00:00+00:00"}
    english = entries(archive, "en")  # the English file did not change: same day for all, by name
    assert [slug for slug, _ in english] == sorted(slug for slug, _ in english)
    assert "person-7" not in [slug for slug, _ in english][:1]
