"""editor/archive-yaml.js, the form editor's YAML format, run by Node on small files: a save
changes only what the editor changed."""
import json
import shutil
import subprocess

import pytest

from archive.strict_yaml import parse
from sitebuild import ROOT

YAML_LIBRARY = ROOT / "node_modules" / "yaml" / "browser" / "dist"
pytestmark = pytest.mark.skipif(not YAML_LIBRARY.exists() or not shutil.which("node"),
                                reason="Node or node_modules is missing: run `npm ci` (make test does)")

RECORD = """\
# Checked against article 001.
id: linxi-clinic
county: linxi
title: {zh: 林西诊所, en: "Linxi clinic"}
sector: health
funding:
  - value: 970000  # as printed
    source: 001_a2282d97453cfedc.txt
summary:
  zh: 诊所。
  en: >-
    A clinic built with Fengtai's
    money.
sources: [001_a2282d97453cfedc.txt]
"""


def save(tmp_path, content: str, edit: str, format: str = "archiveYaml") -> str:
    """The text archive-yaml.js writes after reading `content` and applying the JavaScript
    statement `edit` to the record (`record`)."""
    shutil.copy(ROOT / "overrides" / "editor" / "archive-yaml.js", tmp_path / "archive-yaml.js")
    (tmp_path / "yaml").symlink_to(YAML_LIBRARY)
    script = (f"import {{ {format} as format }} from './archive-yaml.js';\n"
              f"const record = format.fromFile({json.dumps(content)});\n{edit};\n"
              "process.stdout.write(format.toFile(record));\n")
    (tmp_path / "run.mjs").write_text(script, encoding="utf-8")
    result = subprocess.run(["node", "run.mjs"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_changed_value_is_replaced_in_place_and_nothing_else_moves(tmp_path):
    saved = save(tmp_path, RECORD, "record.title.en = 'Linxi clinic, rebuilt'; record.funding[0].value = 980000")
    assert saved == (RECORD.replace('en: "Linxi clinic"', 'en: "Linxi clinic, rebuilt"')
                     .replace("value: 970000", "value: 980000"))


def test_a_text_that_would_read_as_a_number_keeps_quotes(tmp_path):
    saved = save(tmp_path, RECORD, "record.sector = '2018'")
    assert parse(saved).value["sector"] == "2018"


def test_an_added_list_item_keeps_comments_order_and_flow_style(tmp_path):
    saved = save(tmp_path, RECORD, "record.sources.push('000_8690be5daf756306.txt'); record.years = [2019]")
    value = parse(saved).value
    assert value["sources"] == ["001_a2282d97453cfedc.txt", "000_8690be5daf756306.txt"] and value["years"] == [2019]
    assert saved.startswith("# Checked against article 001.\n")
    assert "# as printed" in saved and "title: { zh: 林西诊所, en: \"Linxi clinic\" }" in saved
    assert list(value)[:-1] == list(parse(RECORD).value)


def test_an_emptied_optional_field_is_left_out(tmp_path):
    saved = save(tmp_path, RECORD, "record.funding[0].note = {zh: '', en: ''}")
    assert "note" not in parse(saved).value["funding"][0]


def test_a_file_holding_several_records_is_never_written(tmp_path):
    shutil.copy(ROOT / "overrides" / "editor" / "archive-yaml.js", tmp_path / "archive-yaml.js")
    (tmp_path / "yaml").symlink_to(YAML_LIBRARY)
    (tmp_path / "run.mjs").write_text(
        "import { archiveYaml } from './archive-yaml.js';\n"
        "const record = archiveYaml.fromFile('- id: a\\n  date: 2018\\n- id: b\\n  date: 2019\\n');\n"
        "console.log(record.id);\n"
        "try { archiveYaml.toFile(record); } catch (error) { console.log(error.message); }\n", encoding="utf-8")
    result = subprocess.run(["node", "run.mjs"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["a + b", "a + b: this file holds several records; edit it in a text editor"]


ACCOUNT = """\
---
narrator: Wang Enjie
role: Gastroenterologist  # as the article gives it
county: jalaid
period: {start: 2018-08-28, end: 2018-09-28}
projects: [jalaid-peoples-hospital-support]
source: 000_8690be5daf756306.txt
summary: A Fengtai gastroenterologist.
---
The gastroenterologist Wang Enjie went to Jalaid.

With the surgeon Hu Daxin he carried out a gastrostomy.
"""


def test_an_account_keeps_its_front_matter_layout_and_its_text(tmp_path):
    saved = save(tmp_path, ACCOUNT, "record.summary = 'A gastroenterologist from Fengtai.'", "archiveFrontMatter")
    assert saved == ACCOUNT.replace("A Fengtai gastroenterologist.", "A gastroenterologist from Fengtai.")


def test_an_account_body_is_written_as_typed(tmp_path):
    saved = save(tmp_path, ACCOUNT, "record.body = 'New text.\\n'; record.posting = 'Jalaid Banner'", "archiveFrontMatter")
    assert saved.endswith("---\nNew text.\n") and "# as the article gives it" in saved
    assert "period: {start: 2018-08-28, end: 2018-09-28}" in saved.replace("{ ", "{").replace(" }", "}")
