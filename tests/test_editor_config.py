"""The form editor's configuration is derived from the models: every field is in the form,
ids are chosen from lists, dates are checked, and a new field needs no second edit."""
from typing import Optional

import pytest

from archive import editor_config as editor
from archive import models
from archive.models import RECORD_KINDS, Project, Text
from sitebuild import ROOT

LABELS = ROOT / "overrides" / "archive"


def collections(config) -> dict:
    return {collection["name"]: collection for collection in config["collections"]}


def by_name(fields) -> dict:
    return {field["name"]: field for field in fields}


@pytest.fixture
def config():
    return editor.editor_config("http://127.0.0.1:8081/api/v1", LABELS)


def test_every_field_of_every_model_is_in_the_form(config):
    forms = collections(config)
    for kind, model in RECORD_KINDS.items():
        assert set(by_name(forms[kind]["fields"])) == set(model.model_fields), kind
    assert set(by_name(forms["testimonies"]["fields"])) == set(models.TestimonyMeta.model_fields) | {"body"}


def test_ids_of_other_records_are_chosen_from_lists(config):
    project = by_name(collections(config)["projects"]["fields"])
    assert project["county"]["widget"] == "relation" and project["county"]["collection"] == "counties"
    assert project["sources"]["widget"] == "relation" and project["sources"]["multiple"] is True
    funding = by_name(project["funding"]["fields"])
    assert funding["source"]["widget"] == "relation" and funding["source"]["value_field"] == "file"
    assert funding["covers"]["widget"] == "select" and "municipal" in funding["covers"]["options"]
    milestone = by_name(collections(config)["milestones"]["fields"])
    assert milestone["projects"]["collection"] == "projects" and milestone["projects"]["multiple"] is True


def test_texts_have_both_languages_and_dates_accept_three_precisions(config):
    import re

    project = by_name(collections(config)["projects"]["fields"])
    assert [field["name"] for field in project["summary"]["fields"]] == ["zh", "en"]
    assert project["summary"]["fields"][0]["widget"] == "text" and project["title"]["fields"][0]["widget"] == "string"
    date = by_name(collections(config)["milestones"]["fields"])["date"]
    pattern = re.compile(date["pattern"][0])
    assert all(pattern.match(value) for value in ("2018", "2018-08", "2018-08-01"))
    assert not any(pattern.match(value) for value in ("2018-13", "18-08", "2018/08"))


def test_an_account_is_one_entry_written_as_two_files(config):
    testimonies = collections(config)["testimonies"]
    assert config["i18n"]["structure"] == "multiple_files" and testimonies["folder"] == "content/testimonies"
    fields = by_name(testimonies["fields"])
    shared = set(models.TestimonyMeta.SHARED)
    objects = {name for name in shared if fields[name]["widget"] == "object"}
    assert {name for name, field in fields.items() if field["i18n"] == "duplicate"} == shared - objects
    for name in objects:  # the editor wants the mode on the fields inside an object
        assert fields[name]["i18n"] is True and {f["i18n"] for f in fields[name]["fields"]} == {"duplicate"}
    assert fields["narrator"]["i18n"] is True and fields["body"]["i18n"] is True


def test_a_field_added_to_a_model_appears_in_the_form(monkeypatch):
    class ProjectWithContact(Project):
        contact: Optional[Text] = None

    monkeypatch.setitem(editor.RECORD_KINDS, "projects", ProjectWithContact)
    config = editor.editor_config("http://127.0.0.1:8081/api/v1", LABELS)
    contact = by_name(collections(config)["projects"]["fields"])["contact"]
    assert contact["required"] is False and [field["name"] for field in contact["fields"]] == ["zh", "en"]


def test_the_editor_talks_only_to_the_local_backend(config):
    assert config["backend"] == {"name": "proxy", "proxy_url": "http://127.0.0.1:8081/api/v1", "branch": "main"}
