"""`mkdocs serve` rebuilds when a record changes, drops a deleted record's pages, and does not
rebuild in a loop on its own output. Timeouts here bound a hang; they are not speed goals."""
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


def test_serve_settles_and_follows_record_edits_and_deletions(served):
    project, server = served
    settled = server.builds
    time.sleep(4)
    assert server.builds == settled, "serve rebuilt without any edit: a rebuild loop"

    path = project / "data/projects/linxi-clinic.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Linxi health aid", "Linxi clinics renovated"),
                    encoding="utf-8")
    server.wait_for(lambda: "Linxi clinics renovated" in server.get("en/projects/linxi-clinic/")[1])

    path.unlink()
    server.wait_for(lambda: server.get("en/projects/linxi-clinic/")[0] == 404)
    assert "linxi-clinic" not in server.get("counties/linxi/")[1]
    time.sleep(4)
    builds = server.builds
    time.sleep(3)
    assert server.builds == builds, "serve kept rebuilding after the deletion"
