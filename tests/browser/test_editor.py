"""An editor's journeys through `make edit`'s form (Decap CMS and its local backend), each on a
copy of the real archive: what the form saves must pass `make check` and reach the pages."""
from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from archive.__main__ import main as archive_command
from archive.load import split_front_matter
from archive.strict_yaml import parse
from conftest import SCREENSHOTS
from servetools import free_port
from sitebuild import ROOT, build, make_project, page

DECAP = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
pytestmark = pytest.mark.skipif(not DECAP.exists(), reason="Decap CMS is missing: run `npm ci` (make test does)")


def _answers(url: str) -> bool:
    """Whether a server answers at all (any HTTP status), straight to 127.0.0.1 whatever proxy
    the environment names."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        opener.open(url, timeout=2)
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False
    return True


class Editor:
    """hooks/editor/serve.py on free ports of 127.0.0.1, as `make edit` starts it."""

    def __init__(self, project):
        self.port, backend_port = free_port(), free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks")}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "hooks" / "editor" / "serve.py"), "--root", str(project), "--port", str(self.port),
             "--backend-port", str(backend_port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(300):
            if all(_answers(f"http://127.0.0.1:{port}/") for port in (self.port, backend_port)):
                return
            assert self.process.poll() is None, self.process.stdout.read()
            time.sleep(0.1)
        self.stop()
        raise TimeoutError("the editor did not start")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=15)


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "project", fixture=None)


@pytest.fixture
def editor(project):
    server = Editor(project)
    yield server
    server.stop()


def open_form(page_factory, editor, path: str):
    form = page_factory(1280, 1000)
    form.goto(editor.url)
    # The local backend needs no account: "Login" only opens the editor.
    form.get_by_role("button", name="Login").click()
    form.wait_for_selector("text=Collections")
    form.goto(editor.url + path)
    return form


class fields:
    """A top-level field's inputs, one per language pane of the form, in the order the panes
    stand (a field of the same name inside an object, such as gender's source, is not one)."""

    def __init__(self, form, name: str):
        self.form = form
        self.labels = form.locator("[class*='ControlPaneContainer'] > [class*='ControlContainer'] > "
                                   f"[class*='ControlTopbar'] > label[for^='{name}-field-']")

    def nth(self, index: int):
        return self.form.locator("#" + self.labels.nth(index).get_attribute("for"))


def pane_languages(form) -> list[str]:
    """Each pane's language, from its "Writing in ZH" switch."""
    switches = form.get_by_text(re.compile(r"^Writing in [A-Z]{2}$"))
    switches.first.wait_for()
    return [switches.nth(i).inner_text().split()[-1].lower() for i in range(switches.count())]


def choose(form, field, typed: str, option: str):
    """Pick `option` from a list field (never typed in full: the list offers it)."""
    field.click()
    field.press_sequentially(typed)
    form.locator("[class*='-option']", has_text=option).first.click()


def publish(form):
    form.get_by_role("button", name="Publish").first.click()
    form.get_by_text("Publish now").click()
    form.get_by_text(re.compile("^changes saved$", re.IGNORECASE)).wait_for()


def front_matter(path):
    return parse(split_front_matter(path.read_text(encoding="utf-8"))[0]).value


ACCOUNT = {
    "zh": {"narrator": "王测", "role": "志愿者", "body": "这是通过表单写下的讲述。"},
    "en": {"narrator": "Wang Ce", "role": "Volunteer", "body": "An account written through the form."},
}


def test_a_new_account_in_both_languages_is_saved_checked_and_shown_on_its_county(page_factory, editor, project,
                                                                                     capsys):
    form = open_form(page_factory, editor, "#/collections/testimonies/new")
    languages = pane_languages(form)
    assert sorted(languages) == ["en", "zh"]
    for pane, lang in enumerate(languages):
        for name in ("narrator", "role", "body"):
            fields(form, name).nth(pane).fill(ACCOUNT[lang][name])
    # Facts shared by both languages are entered once, in the form's first language (English).
    english = languages.index("en")
    choose(form, fields(form, "county").nth(english), "taib", "taibus")
    choose(form, fields(form, "source").nth(english), "004", "004_68cbcf0a421c36e5.txt")
    form.screenshot(path=SCREENSHOTS / "editor-new-account.png")
    publish(form)

    folder = project / "content" / "testimonies"
    saved = {lang: front_matter(folder / f"wang-ce.{lang}.md") for lang in ("zh", "en")}
    for lang, meta in saved.items():
        assert meta["narrator"] == ACCOUNT[lang]["narrator"] and meta["role"] == ACCOUNT[lang]["role"]
        assert meta["county"] == "taibus" and meta["source"] == "004_68cbcf0a421c36e5.txt"
        assert ACCOUNT[lang]["body"] in (folder / f"wang-ce.{lang}.md").read_text(encoding="utf-8")
    assert archive_command(["--root", str(project), "check", "--strict"]) == 0, capsys.readouterr().err

    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "王测" in page(project, "counties/taibus/")
    assert "Wang Ce" in page(project, "en/counties/taibus/")


def _key_order(value):
    if isinstance(value, dict):
        return [(key, _key_order(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [_key_order(item) for item in value]
    return None


NEW_SUMMARY = "Courses in Linxi for 469 poverty-relief officials and 340 local business leaders."


def test_editing_a_project_summary_in_english_changes_only_that_field(page_factory, editor, project):
    path = project / "data" / "projects" / "linxi-cadre-training.yaml"
    # An editor's comment and the file's own layout (flow maps, folded paragraphs) must survive.
    path.write_text("# Figures checked against article 001.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before_text = path.read_text(encoding="utf-8")
    before = parse(before_text).value
    form = open_form(page_factory, editor, "#/collections/projects/entries/linxi-cadre-training")
    summary = form.locator("label", has_text="summary").locator("xpath=following::textarea[2]")
    summary.wait_for()
    assert summary.input_value() == before["summary"]["en"]
    summary.fill(NEW_SUMMARY)
    publish(form)

    after_text = path.read_text(encoding="utf-8")
    after = parse(after_text).value
    assert after["summary"] == {"zh": before["summary"]["zh"], "en": NEW_SUMMARY}
    assert {**after, "summary": None} == {**before, "summary": None}
    assert _key_order(after) == _key_order(before)
    changed = [line for line in difflib.ndiff(before_text.splitlines(), after_text.splitlines()) if line[:2] in ("- ", "+ ")]
    assert [line for line in changed if line.startswith("+ ")] == ["+     " + NEW_SUMMARY]
    assert all(line[2:].strip() in before["summary"]["en"] for line in changed if line.startswith("- "))


def test_editing_an_account_in_english_leaves_the_chinese_file_as_it_was(page_factory, editor, project):
    folder = project / "content" / "testimonies"
    before = {lang: (folder / f"wang-enjie.{lang}.md").read_text(encoding="utf-8") for lang in ("zh", "en")}
    form = open_form(page_factory, editor, "#/collections/testimonies/entries/wang-enjie")
    summary = fields(form, "summary").nth(pane_languages(form).index("en"))
    old = summary.input_value()
    assert old == front_matter(folder / "wang-enjie.en.md")["summary"]
    summary.fill("A Fengtai gastroenterologist who brought endoscopic gastrostomy to Jalaid.")
    publish(form)

    assert (folder / "wang-enjie.zh.md").read_text(encoding="utf-8") == before["zh"]
    assert (folder / "wang-enjie.en.md").read_text(encoding="utf-8") == before["en"].replace(
        f"summary: {old}\n", "summary: A Fengtai gastroenterologist who brought endoscopic gastrostomy to Jalaid.\n")
