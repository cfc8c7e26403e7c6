"""Search entries carried over a partial rebuild (`mkdocs serve --dirty`)."""
from archive.search_index import carry_over


def entry(location: str) -> dict:
    return {"location": location, "title": location, "text": ""}


def test_a_partial_rebuild_replaces_rebuilt_pages_keeps_the_others_and_drops_deleted_ones():
    previous = [entry("counties/linxi/"), entry("counties/linxi/#funds"), entry("projects/egg-farm/"),
                entry("projects/clinic/")]
    fresh = [entry("counties/linxi/"), entry("counties/linxi/#people")]
    existing = {"counties/linxi/", "projects/egg-farm/"}  # projects/clinic/ was deleted

    entries = carry_over(previous, fresh, lambda page: page in existing)

    assert [e["location"] for e in entries] == ["projects/egg-farm/", "counties/linxi/", "counties/linxi/#people"]
