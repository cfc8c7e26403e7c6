"""The site's Chinese is its own: no run of more than 20 characters copied from an article,
except inside marked quotations (“…”, 「…」, <q>…</q>, a > blockquote) and 《》 titles."""
import re
import unicodedata

import pytest

from archive.archive import build_archive
from archive_texts import account_passages, record_passages
from sitebuild import ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
LONGEST = 20  # characters a text may share with an article in one run

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the source articles are not at {SEEDS}")

MARKED = re.compile(r"“[^”]*”|「[^」]*」|<q>.*?</q>|《[^》]*》|^>.*$", re.S | re.M)


def plain(text: str) -> str:
    """Characters only: the scans break lines mid-sentence and mix full-width and ASCII
    punctuation, so spaces and punctuation neither make nor break a run."""
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PSZ"))


def own(text: str) -> str:
    """The text without its marked quotations and titles; each leaves a gap no run crosses."""
    return MARKED.sub("\0", text)


def copied_runs(text: str, grams: set[str], article: str) -> list[str]:
    """Each longest run of more than LONGEST characters that `text` shares with the article."""
    runs = []
    for part in own(text).split("\0"):
        chars = plain(part)
        start = 0
        while start + LONGEST < len(chars):
            if chars[start:start + LONGEST + 1] in grams:
                end = start + LONGEST + 1
                while end < len(chars) and chars[start:end + 1] in article:
                    end += 1
                runs.append(chars[start:end])
                start = end
            else:
                start += 1
    return runs


def ngrams(text: str) -> set[str]:
    return {text[i:i + LONGEST + 1] for i in range(len(text) - LONGEST)}


@pytest.fixture(scope="module")
def articles():
    return {path.name: plain(path.read_text(encoding="utf-8")) for path in sorted(SEEDS.glob("*.txt"))}


def test_a_copied_run_is_found_and_a_quoted_one_is_not():
    article = plain("2018年10月，丰台扎赉特旗农副产品推介会召开后，短短几天魏佳米业就销售大米200余万斤。")
    grams = ngrams(article)
    assert copied_runs("推介会召开后，短短几天魏佳米业就销售大米200余万斤。", grams, article)
    assert not copied_runs("报道说，“推介会召开后，短短几天魏佳米业就销售大米200余万斤”。", grams, article)
    assert not copied_runs("推介会开过没几天，魏佳米业卖出的大米就超过200万斤。", grams, article)


def test_chinese_texts_are_in_the_sites_own_words(articles):
    archive = build_archive(ROOT)
    grams = {name: ngrams(text) for name, text in articles.items()}
    found = []
    for passage in [*record_passages(archive), *account_passages(archive)]:
        # An article's headline is the article's own title, not the site's prose.
        if passage.lang != "zh" or passage.where.startswith("data/sources/") and passage.where.endswith(" title"):
            continue
        for name, article in articles.items():
            for run in copied_runs(passage.text, grams[name], article):
                found.append(f"{passage.where}: {len(run)} characters from {name}: {run}")
    assert not found, f"{len(found)} runs copied from the articles:\n" + "\n".join(found)
