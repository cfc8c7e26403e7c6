"""The JSON Schemas a text editor reads (hooks/archive/schemas/) match the models, accept the whole archive
and refuse the mistakes a single file can show."""
import json
import shutil

import jsonschema
import pytest

from archive.json_schemas import as_text, schemas
from archive.load import split_front_matter
from archive.strict_yaml import YamlProblem, parse
from sitebuild import FIXTURES, ROOT
from test_validation import MISTAKES

SCHEMAS = ROOT / "hooks" / "archive" / "schemas"

# Mistakes that need more than the file itself (another record, the other language) or that
# are not YAML at all: `make check` reports them, a schema cannot.
NEEDS_THE_WHOLE_ARCHIVE = {"yaml-syntax", "duplicate-key", "unknown-county", "unknown-project", "unknown-source",
                           "duplicate-id", "testimony-languages-disagree", "gender-without-its-article"}


def test_the_committed_schemas_are_those_the_models_give():
    committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.schema.json")}
    generated = {name: as_text(schema) for name, schema in schemas().items()}
    assert committed == generated, "the models changed: run `make schemas` and commit hooks/archive/schemas/"


def test_vs_code_maps_every_data_folder_to_its_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    folders = {path.name for path in (ROOT / "data").iterdir() if path.is_dir()}
    assert {f"./hooks/archive/schemas/{folder}.schema.json" for folder in folders} <= set(settings)
    for folder in folders:
        assert settings[f"./hooks/archive/schemas/{folder}.schema.json"] == [f"data/{folder}/*.yaml", f"data/{folder}/*.yml"]


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _value(path):
    """What a YAML-aware text editor sees: the data file, or a testimony's front matter."""
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".md":
        text = split_front_matter(text)[0]
    return parse(text).value


def _schema_for(path) -> str:
    return "testimony.schema.json" if path.suffix == ".md" else f"{path.parent.name}.schema.json"


def _archive_files(root):
    testimonies = [path for path in (root / "content" / "testimonies").glob("*.md") if not path.name.startswith("index.")]
    return sorted((root / "data").glob("*/*.yaml")) + sorted(testimonies)


@pytest.mark.parametrize("root", [ROOT, FIXTURES / "tiny"], ids=["real-archive", "tiny-fixture"])
def test_every_record_and_testimony_of_the_archive_is_accepted(root):
    files = _archive_files(root)
    assert len(files) > 10
    for path in files:
        errors = [f"{'.'.join(map(str, error.absolute_path))}: {error.message}"
                  for error in _validator(_schema_for(path)).iter_errors(_value(path))]
        assert not errors, f"{path.relative_to(root)}: {errors}"


@pytest.mark.parametrize("name, old, new, expected", MISTAKES)
def test_a_text_editor_underlines_the_mistakes_one_file_shows(tmp_path, name, old, new, expected, request):
    path = tmp_path / name
    path.parent.mkdir(parents=True)
    shutil.copy(FIXTURES / "tiny" / name, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        value = _value(path)
    except YamlProblem:
        assert request.node.callspec.id in NEEDS_THE_WHOLE_ARCHIVE  # not YAML: the editor's parser says so
        return
    refused = not _validator(_schema_for(path)).is_valid(value)
    assert refused == (request.node.callspec.id not in NEEDS_THE_WHOLE_ARCHIVE)
