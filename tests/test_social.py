"""Link-preview cards: a page's title set on the card in lines that fit."""
from archive.social import title_lines


def test_link_preview_titles_are_broken_into_lines_that_fit_the_card():
    assert title_lines("Deqingyuan 'golden hen' egg farm (Linxi poverty-relief eggs)") == [
        "Deqingyuan 'golden hen' egg", "farm (Linxi poverty-relief", "eggs)"]
    assert title_lines("德青源“金鸡扶贫”项目（林西扶贫蛋）") == ["德青源“金鸡扶贫”项目（林西扶", "贫蛋）"]
    assert len(title_lines("很长的标题" * 20)) == 4
