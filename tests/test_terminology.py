"""One terminology: the glossary (data/glossary/) is the rule for the site's English. Where a
Chinese text uses a glossary term, its English twin uses the preferred rendering or a variant
the glossary allows, and never one it lists to avoid; no Chinese is typed into English texts."""
import re

import pytest

from archive.archive import build_archive
from archive.labels import Labels
from archive.pages import PageSpec, site_pages
from archive.render import Renderer
from archive_texts import account_passages, account_twins, record_passages, record_twins
from sitebuild import ROOT

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def norm(text: str) -> str:
    """Lower case, dashes and hyphens as spaces, straight quotes, single spaces."""
    text = text.lower().translate(str.maketrans({"–": " ", "—": " ", "-": " ", "‐": " ", "“": '"', "”": '"', "’": "'"}))
    return " ".join(text.split())


@pytest.fixture(scope="module")
def archive():
    return build_archive(ROOT)


def test_english_twins_use_the_glossary_renderings(archive):
    wrong = []
    for twin in [*record_twins(archive), *account_twins(archive)]:
        english = norm(twin.en)
        for term in archive.glossary.values():
            for rule in term.rules():
                if rule.zh not in twin.zh:
                    continue
                if not any(norm(allowed) in english for allowed in [rule.en, *rule.variants]):
                    wrong.append(f"{twin.where}: {rule.zh} should be '{rule.en}' (glossary {term.id})")
                wrong.extend(f"{twin.where}: {rule.zh} is not '{avoided}' but '{rule.en}' (glossary {term.id})"
                             for avoided in rule.avoid if norm(avoided) in english)
    assert not wrong, f"{len(wrong)} renderings differ from the glossary:\n" + "\n".join(wrong)


def test_no_chinese_is_typed_into_english_texts(archive):
    # A glossary note explains Chinese words by showing them: the one place they belong.
    found = [f"{p.where}: {''.join(HAN.findall(p.text))}"
             for p in [*record_passages(archive), *account_passages(archive)]
             if p.lang == "en" and HAN.search(p.text) and not p.where.startswith("data/glossary/")]
    assert not found, f"{len(found)} English texts hold Chinese characters:\n" + "\n".join(found)


def test_the_glossary_page_is_generated_from_the_terms_in_both_languages(archive):
    assert PageSpec("glossary", "glossary.md.j2") in site_pages(archive)  # URL glossary/, as before
    templates = ROOT / "overrides" / "archive"
    for lang in ("zh", "en"):
        page = Renderer(archive, lang, Labels.load(templates, lang), templates).render(PageSpec("glossary", "glossary.md.j2"))
        for term in archive.glossary.values():
            assert "{#" + term.id + "}" in page and term.zh in page, (lang, term.id)
    assert "### Grade-3A hospital {#grade-3a-hospital}" in page.replace("\\", "")
