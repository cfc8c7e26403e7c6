import pytest


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Tests read the English catalogue whatever the machine's locale (LANG=zh_CN.UTF-8 would
    give Chinese); builds run as subprocesses inherit the setting."""
    monkeypatch.setenv("ARCHIVE_MESSAGES", "en")
