"""`make bench`: time full builds of synthetic archives against the floor MkDocs sets.

For each size N: write a synthetic archive, time full builds (generated tree removed first),
the same with the languages built one after the other (ARCHIVE_PARALLEL_LANGUAGES=0), and, as
the floor, builds of the very same docs tree as plain Markdown with the same theme and i18n
but without the hooks, followed by the same search indexing (Pagefind). Each build is timed on the wall clock and in CPU time (user + system
of every process it ran). The real archive is measured the same way, with its own floor.
Measures search as a reader's browser pays for it (tests/search_bench.py: index size per
language, bytes and time of a first query with the CPU slowed 4×; BENCH_SEARCH=0 skips the
browser; BENCH_BUILDS=0 builds each synthetic archive once, untimed, and measures search
only). Prints per-phase times, page weight, search and, last:
bench: records=N pages=P build_s=B floor_s=F ratio=B/F cpu_s=C cpu_floor_s=CF cpu_ratio=C/CF
       linear=T_big/T_small peak_mb=M
Sizes come from BENCH_SIZES (default "1000 10000"), runs from BENCH_RUNS (default 3).
"""
from __future__ import annotations

import gzip
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))

import search_bench  # noqa: E402
from servetools import Server  # noqa: E402
from sitebuild import ROOT, make_project  # noqa: E402
from synthetic import write_archive  # noqa: E402
from adapter import site_search  # noqa: E402


@dataclass
class Timing:
    wall_s: float
    cpu_s: float  # user + system of the build and every process it forked
    phases: dict[str, float]


def timed_build(project: Path, **settings: str) -> Timing:
    """One `mkdocs build`, and the hooks' phases read from its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks"), **settings}
    env.pop("CI", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                               env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    phases: dict[str, float] = {}
    for line in process.stderr:
        if "archive: load_validate_s=" in line and "load_validate_s" not in phases:
            phases.update({k: float(v) for k, v in re.findall(r"(\w+_s)=([\d.]+)", line)})
    if process.wait() != 0:
        raise SystemExit(f"build failed in {project}")
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu, phases)


def clear_generated(project: Path) -> None:
    """Back to a fresh clone: no generated tree, no site."""
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)


def floor_project(project: Path, folder: Path) -> Path:
    """The same docs tree as plain Markdown (the generated tree of a build), no hooks."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(project / "build" / "docs", folder / "content")
    shutil.copytree(project / "overrides", folder / "overrides")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", config)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall_s for t in timings), statistics.median(t.cpu_s for t in timings),
                  {k: statistics.median(t.phases.get(k, 0.0) for t in timings) for k in timings[0].phases})


def timed_builds(project: Path, runs: int, **settings: str) -> Timing:
    timings = []
    for _ in range(runs):
        clear_generated(project)
        timings.append(timed_build(project, **settings))
    return median_timing(timings)


def timed_floor(project: Path, folder: Path, runs: int) -> Timing:
    """The floor's build, then the same search indexing the site gets (Pagefind), timed together:
    the engine alone doing the same job."""
    floor = floor_project(project, folder)
    timings = []
    for _ in range(runs):
        shutil.rmtree(floor / "site", ignore_errors=True)
        built = timed_build(floor)
        indexed = timed_command(site_search.command(project, floor / "site"))
        timings.append(Timing(built.wall_s + indexed.wall_s, built.cpu_s + indexed.cpu_s, built.phases))
    return median_timing(timings)


def timed_command(command: list[str]) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), {})


def page_weight(site: Path, url: str) -> dict[str, int]:
    """Bytes of a page and what it loads from the site (HTML, CSS, JS), raw and gzipped."""
    html_path = site / url / "index.html"
    html = html_path.read_text(encoding="utf-8")
    files = [html_path]
    for ref in re.findall(r'(?:src|href)="([^"]+\.(?:css|js))"', html):
        target = (html_path.parent / ref).resolve()
        if target.exists():
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    packed = sum(len(gzip.compress(f.read_bytes())) for f in files)
    return {"files": len(files), "raw_kb": raw // 1024, "gzip_kb": packed // 1024}


def site_weight(site: Path, profile: str) -> dict:
    """Page weight of the home page and one county profile."""
    return {"home": page_weight(site, ""), "profile": page_weight(site, profile)}


def search_figures(site: Path, runs: int) -> dict:
    """Each language's search index (raw and gzipped) and, in Chromium, its first query."""
    figures = search_bench.index_weight(site)
    if os.environ.get("BENCH_SEARCH", "1") == "1" and Path(search_bench.CHROMIUM).exists():
        figures.update(search_bench.first_query(site, runs))
    return figures


def synthetic_project(records: int, work: Path) -> tuple[Path, dict[str, int]]:
    project = make_project(work / f"n{records}")
    shutil.rmtree(project / "data")
    shutil.rmtree(project / "content" / "testimonies")
    return project, write_archive(project, records)


def measure_search(records: int, runs: int, work: Path) -> dict:
    """Search only: one untimed build, then the browser."""
    project, counts = synthetic_project(records, work)
    timed_build(project)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    return {"records": records, "counts": counts, "pages": pages, "search": search_figures(project / "site", runs)}


def measure(records: int, runs: int, work: Path) -> dict:
    project, counts = synthetic_project(records, work)
    sequential = timed_builds(project, runs, ARCHIVE_PARALLEL_LANGUAGES="0")
    build = timed_builds(project, runs)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    floor = timed_floor(project, work / f"floor{records}", runs)
    return {"records": records, "counts": counts, "pages": pages, "build": build, "sequential": sequential,
            "floor": floor, "weights": site_weight(project / "site", "counties/county-0"),
            "search": search_figures(project / "site", runs)}


def real_archive(work: Path, runs: int) -> dict:
    """The real archive: full build against its floor, and save-to-reload time in
    `mkdocs serve` (an edit of one project record until the served page shows it)."""
    project = make_project(work / "real", fixture=None)
    sequential = timed_builds(project, runs, ARCHIVE_PARALLEL_LANGUAGES="0")
    build = timed_builds(project, runs)
    floor = timed_floor(project, work / "real-floor", runs)
    record = project / "data" / "projects" / "linxi-deqingyuan-egg-farm.yaml"
    original = record.read_text(encoding="utf-8")
    server = Server(project)
    reloads = []
    try:
        server.wait_for(lambda: server.get("en/projects/linxi-deqingyuan-egg-farm/")[0] == 200, timeout=300)
        for run in range(runs):
            marker = f"Benchmark edit {run}"
            record.write_text(original.replace("summary:\n  zh:", f"summary:\n  zh: {marker}", 1)
                              if "summary:\n  zh:" in original else original + f"# {marker}\n", encoding="utf-8")
            reloads.append(server.wait_for(
                lambda: marker in server.get("projects/linxi-deqingyuan-egg-farm/")[1], timeout=300))
            time.sleep(1)
    finally:
        server.stop()
        record.write_text(original, encoding="utf-8")
    return {"build": build, "sequential": sequential, "floor": floor,
            "save_to_reload_s": statistics.median(reloads), "weights": site_weight(project / "site", "counties/linxi")}


def against_floor(name: str, result: dict) -> str:
    build, sequential, floor = result["build"], result["sequential"], result["floor"]
    return (f"{name} build_s={build.wall_s:.2f} cpu_s={build.cpu_s:.2f} | one language after the other: "
            f"build_s={sequential.wall_s:.2f} cpu_s={sequential.cpu_s:.2f} | floor: build_s={floor.wall_s:.2f} "
            f"cpu_s={floor.cpu_s:.2f} | ratio wall={build.wall_s / floor.wall_s:.2f} cpu={build.cpu_s / floor.cpu_s:.2f}")


def main() -> None:
    sizes = [int(n) for n in os.environ.get("BENCH_SIZES", "1000 10000").split()]
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, Python {sys.version.split()[0]}")
    if os.environ.get("BENCH_BUILDS", "1") == "0":
        search_only(sizes, runs)
        return
    results = []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as work:
        if os.environ.get("BENCH_REAL", "1") == "1":
            real = real_archive(Path(work), runs)
            print(against_floor("real archive:", real) + f" save_to_reload_s={real['save_to_reload_s']:.2f}")
            print(f"  weight: {real['weights']}")
        for records in sizes:
            result = measure(records, runs, Path(work))
            results.append(result)
            build = result["build"]
            core = sum(build.phases.get(k, 0) for k in ("load_validate_s", "generate_s", "write_s"))
            print(against_floor(f"N={records} {result['counts']} pages={result['pages']}", result)
                  + f" core_share={core / build.wall_s:.1%}")
            print(f"  phases (median): " + " ".join(f"{k}={v:.2f}" for k, v in build.phases.items()))
            print(f"  weight: {result['weights']}")
            print(f"  search: {result['search']} load={load_average()}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    last, first = results[-1], results[0]
    linear = last["build"].wall_s / first["build"].wall_s if len(results) > 1 else 1.0
    build, floor = last["build"], last["floor"]
    print(f"bench: records={last['records']} pages={last['pages']} build_s={build.wall_s:.2f} "
          f"floor_s={floor.wall_s:.2f} ratio={build.wall_s / floor.wall_s:.2f} cpu_s={build.cpu_s:.2f} "
          f"cpu_floor_s={floor.cpu_s:.2f} cpu_ratio={build.cpu_s / floor.cpu_s:.2f} "
          f"linear={linear:.2f} peak_mb={peak_mb}")


def load_average() -> str:
    """The machine's load over the last 1, 5 and 15 minutes: times are only comparable with
    each other when it is low (or the same)."""
    return "/".join(f"{load:.1f}" for load in os.getloadavg())


def search_only(sizes: list[int], runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as work:
        for records in sizes:
            result = measure_search(records, runs, Path(work))
            print(f"N={records} {result['counts']} pages={result['pages']}")
            print(f"  search: {result['search']} load={load_average()}")
    print(f"bench: records={sizes[-1]} pages={result['pages']} search only")


if __name__ == "__main__":
    main()
