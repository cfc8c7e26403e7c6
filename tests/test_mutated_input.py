"""Property: whatever an editor saves, the core either builds (and renders and exports) the
archive or lists problems that name the file, never an unexpected exception. Real records
and accounts of the tiny archive are mutated the way files really get broken."""
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.archive import build_archive
from archive.export import export_files
from archive.problems import ArchiveError
from archive.render import render_language
from sitebuild import FIXTURES, ROOT

TINY = FIXTURES / "tiny"
FILES = sorted(path.relative_to(TINY).as_posix() for path in TINY.rglob("*") if path.is_file())
ODD_SCALARS = ["0100", "1:30", "0x10", ".nan", "-.inf", "1e+9", "1_000", "~", "[]", "{}", "? [a, b]", "&a x",
               "*a", "!!binary aGk=", "!!python/object:os.system x", '"', "'", "yes", "-", ":", "9" * 400,
               "2099-12-31", "0", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "{{ 7*7 }}", "\t", "a" * 300]
CONTROL = [chr(code) for code in (*range(0, 9), 11, 12, *range(14, 32), 127, 133, 0xFFFE)]
ALIASES = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}' if n else 'x'] * 9)}]\n" for n in range(9))


@st.composite
def mutations(draw):
    """(file, new bytes): one real file, broken one way."""
    name = draw(st.sampled_from(FILES))
    data = (TINY / name).read_bytes()
    lines = data.split(b"\n")
    where = draw(st.integers(0, len(data)))
    line = draw(st.integers(0, max(len(lines) - 1, 0)))
    kind = draw(st.sampled_from(["bytes", "control", "truncate", "duplicate", "delete", "aliases", "scalar"]))
    if kind == "bytes":
        data = data[:where] + draw(st.binary(min_size=1, max_size=8)) + data[where:]
    elif kind == "control":
        data = data[:where] + draw(st.sampled_from(CONTROL)).encode("utf-8") + data[where:]
    elif kind == "truncate":
        data = data[:where]
    elif kind == "duplicate":
        data = b"\n".join(lines[: line + 1] + lines[line:])
    elif kind == "delete":
        data = b"\n".join(lines[:line] + lines[line + 1:])
    elif kind == "aliases":
        data = b"\n".join(lines[:line] + [ALIASES.encode()] + lines[line:])
    else:
        text = lines[line].decode("utf-8", errors="replace")
        key = text.split(":", 1)[0] if ":" in text else text
        lines[line] = f"{key}: {draw(st.sampled_from(ODD_SCALARS))}".encode("utf-8")
        data = b"\n".join(lines)
    return name, data


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_a_mutated_file_builds_or_is_named_in_the_problems(mutation):
    name, data = mutation
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        shutil.copytree(TINY, root, dirs_exist_ok=True)
        (root / name).write_bytes(data)
        try:
            archive = build_archive(root)
        except ArchiveError as error:
            assert error.problems
            report = error.report()
            # A changed id may leave only other files' references unknown: those name the id.
            assert name in report or all(p.message.key.startswith("reference.unknown") for p in error.problems), report
            return
        for lang in ("zh", "en"):
            render_language(archive, ROOT / "overrides" / "archive", lang, "https://example.org/")
        export_files(archive)
