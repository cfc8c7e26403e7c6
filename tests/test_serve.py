"""`mkdocs serve --dirty` (`make serve`) rebuilds when a record changes, updates every page that
shows the record, drops a deleted record's pages, keeps search in step, and does not rebuild in
a loop on its own output. Timeouts here bound a hang; they are not speed goals."""
import time

import pytest

from servetools import Server
from sitebuild import make_project


@pytest.fixture
def served(tmp_path):
    project = make_project(tmp_path)
    server = Server(project)
    server.wait_for(lambda: server.get("counties/linxi/")[0] == 200)
    yield project, server
    server.stop()


def _pages_indexed_twice(locations: list[str]) -> list[str]:
    return [location for location in set(locations) if locations.count(location) > 1]


def test_serve_settles_and_follows_record_edits_and_deletions(served):
    project, server = served
    settled = server.builds
    time.sleep(4)
    assert server.builds == settled, "serve rebuilt without any edit: a rebuild loop"
    indexed = {root: server.search_locations(root) for root in ("", "en/")}

    path = project / "data/projects/linxi-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Linxi health aid", "Linxi clinics renovated"),
                    encoding="utf-8")
    server.wait_for(lambda: "Linxi clinics renovated" in server.get("en/projects/linxi-clinic/")[1])
    assert "Linxi clinics renovated" in server.get("en/counties/linxi/")[1]

    # A testimony page is written by an editor, but its card shows the titles of its projects.
    egg_farm = project / "data/projects/linxi-egg-farm.yaml"
    egg_farm.write_text(egg_farm.read_text(encoding="utf-8").replace("en: Linxi poverty-relief eggs", "en: Linxi hen farm"),
                        encoding="utf-8")
    server.wait_for(lambda: "Linxi hen farm" in server.get("en/testimonies/dai-shusen/")[1])

    # The theme draws every page, so an edit of it rebuilds them all.
    theme = project / "overrides/theme/main.html"
    theme.write_text(theme.read_text(encoding="utf-8").replace(
        '<meta charset="utf-8">', '<meta charset="utf-8"><meta name="theme-edit" content="1">'), encoding="utf-8")
    server.wait_for(lambda: 'name="theme-edit"' in server.get("en/projects/linxi-egg-farm/")[1])
    assert 'name="theme-edit"' in server.get("testimonies/dai-shusen/")[1]

    path.unlink()
    server.wait_for(lambda: server.get("en/projects/linxi-clinic/")[0] == 404)
    assert server.get("projects/linxi-clinic/")[0] == 404
    assert "linxi-clinic" not in server.get("counties/linxi/")[1]
    time.sleep(4)
    builds = server.builds
    time.sleep(3)
    assert server.builds == builds, "serve kept rebuilding after the deletion"

    # Editors see warnings about their files and requests only, none about partial rebuilds.
    assert not [line for _, line in server.log if line.startswith("WARNING") and "dirty" in line]

    # Search: the rebuilt pages are indexed once, the deleted page not at all, the rest kept.
    for root in ("", "en/"):
        locations = server.search_locations(root)
        assert not _pages_indexed_twice(locations), root
        assert not [location for location in locations if "linxi-clinic" in location], root
        pages = {location.split("#")[0] for location in locations}
        assert pages == {location.split("#")[0] for location in indexed[root] if "linxi-clinic" not in location}, root


def test_a_save_that_breaks_the_build_shows_its_problems_until_the_next_good_save(served):
    project, server = served
    path = project / "data/projects/linxi-clinic.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("county: linxi", "county: nowhere"), encoding="utf-8")
    # Every address answers at once with the problem list, instead of waiting for a good build.
    server.wait_for(lambda: "档案有错误" in server.get("en/counties/linxi/")[1])
    for address in ("", "en/projects/linxi-clinic/", "testimonies/dai-shusen/"):
        status, text = server.get(address)
        assert status == 200 and "The archive has problems" in text, address
        assert "data/projects/linxi-clinic.yaml" in text and "nowhere" in text, address
    path.write_text(original.replace("en: Linxi health aid", "en: Linxi health aid again"), encoding="utf-8")
    server.wait_for(lambda: "Linxi health aid again" in server.get("en/projects/linxi-clinic/")[1])
    for address in ("", "en/counties/linxi/", "testimonies/dai-shusen/", "en/projects/"):
        status, text = server.get(address)
        assert status == 200 and "The archive has problems" not in text and "</html>" in text, address
