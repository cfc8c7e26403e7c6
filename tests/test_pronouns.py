"""No gender the articles do not give: a pronoun for a person needs a `gender` that cites
the article stating it, and records, which speak of many people, use none."""
import re

import pytest

from archive.archive import build_archive
from archive_texts import record_passages, account_passages
from sitebuild import ROOT

# 其他 (other), 他们 (they), 他人 (others) and 他乡 (elsewhere) hold 他 without naming a man.
PRONOUNS = {
    "zh": {"male": re.compile(r"(?<!其)他(?![们人乡])"), "female": re.compile(r"她")},
    "en": {"male": re.compile(r"\b(he|him|his|himself)\b", re.I),
           "female": re.compile(r"\b(she|her|hers|herself)\b", re.I)},
}
# Quoted words are the article's own; the pronouns in them are the article's.
QUOTED = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"|<q>.*?</q>", re.S)


def pronouns(text: str, lang: str) -> dict[str, list[str]]:
    unquoted = QUOTED.sub("", text)
    return {gender: pattern.findall(unquoted) for gender, pattern in PRONOUNS[lang].items()}


@pytest.fixture(scope="module")
def archive():
    return build_archive(ROOT)


def test_the_pattern_finds_pronouns_and_spares_other_words():
    assert pronouns("他与同事一起；其他部门和他们", "zh") == {"male": ["他"], "female": []}
    assert pronouns("Her clinic; the hospital's history, “she said”", "en") == {"male": [], "female": ["Her"]}
    assert pronouns('"He came," the report says.', "en") == {"male": [], "female": []}


def test_a_pronoun_in_an_account_matches_a_gender_the_article_gives(archive):
    wrong = []
    for passage in account_passages(archive):
        testimony = archive.testimonies[passage.where.split("/")[-1].split(".")[0]]
        gender = testimony.meta.gender
        for found_gender, found in pronouns(passage.text, passage.lang).items():
            if found and (gender is None or gender.value != found_gender):
                wrong.append(f"{passage.where} ({passage.lang}): {sorted(set(found))} "
                             f"but gender is {gender.value if gender else 'not given by the article'}")
    assert not wrong, "\n".join(wrong)


def test_records_use_no_pronoun_for_a_person(archive):
    found = [f"{p.where} ({p.lang}): {sorted(set(sum(pronouns(p.text, p.lang).values(), [])))}"
             for p in record_passages(archive) if any(pronouns(p.text, p.lang).values())]
    assert not found, "\n".join(found)
