"""`make bench`: time full builds of synthetic archives against the floor MkDocs sets.

For each size N: write a synthetic archive, time full builds (generated pages removed first)
and, as the floor, builds of the very same output pages as plain Markdown with the same theme
and i18n but without the hooks. Prints per-phase times, peak memory, page weight and, last:
bench: records=N pages=P build_s=B floor_s=F ratio=B/F linear=T_big/T_small peak_mb=M
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from servetools import Server  # noqa: E402
from sitebuild import ROOT, make_project  # noqa: E402
from synthetic import write_archive  # noqa: E402


def timed_build(project: Path) -> tuple[float, dict[str, float]]:
    """Seconds for one `mkdocs build`, and the hooks' phases read from its log. (The languages
    build side by side, so the log no longer tells where one language ends.)"""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
    env.pop("CI", None)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build"], cwd=project,
                               env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    phases: dict[str, float] = {}
    for line in process.stderr:
        if "archive: load_validate_s=" in line and "load_validate_s" not in phases:
            phases.update({k: float(v) for k, v in re.findall(r"(\w+_s)=([\d.]+)", line)})
    if process.wait() != 0:
        raise SystemExit(f"build failed in {project}")
    return time.perf_counter() - started, phases


def clear_generated(project: Path) -> None:
    """Back to a fresh clone: no generated file and no folder left empty by their removal
    (creating thousands of files in a folder that just lost as many is several times slower
    on this machine's disk than in a new folder, which would time the disk, not the build)."""
    content = project / "content"
    manifest = content / ".generated"
    if manifest.exists():
        for name in manifest.read_text(encoding="utf-8").split():
            (content / name).unlink(missing_ok=True)
        manifest.unlink()
    for folder in sorted((path for path in content.rglob("*") if path.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    shutil.rmtree(project / "site", ignore_errors=True)


def floor_project(project: Path, folder: Path) -> Path:
    """The same output pages as plain Markdown: the generated files, no hooks."""
    shutil.copytree(project / "content", folder / "content")
    (folder / ".generated").unlink(missing_ok=True)
    shutil.copytree(project / "overrides", folder / "overrides")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\n(hooks|watch):\n(  - .*\n)+", "\n", config)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder


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
    """Page weight of the home page and one county profile, and of the search indexes."""
    return {"home": page_weight(site, ""), "profile": page_weight(site, profile), **search_index_weight(site)}


def search_index_weight(site: Path) -> dict[str, int]:
    """Each language's search index, raw and gzipped (it is fetched on the first search)."""
    weights = {}
    for lang, index in (("zh", site / "search/search_index.json"), ("en", site / "en/search/search_index.json")):
        data = index.read_bytes()
        weights[f"search_{lang}_kb"] = len(data) // 1024
        weights[f"search_{lang}_gzip_kb"] = len(gzip.compress(data)) // 1024
    return weights


def measure(records: int, runs: int, work: Path) -> dict:
    project = make_project(work / f"n{records}")
    shutil.rmtree(project / "data")
    shutil.rmtree(project / "content" / "testimonies")
    counts = write_archive(project, records)
    builds, phases = [], []
    for _ in range(runs):
        clear_generated(project)
        seconds, phase = timed_build(project)
        builds.append(seconds)
        phases.append(phase)
    pages = sum(1 for _ in (project / "site").rglob("index.html"))
    floor = floor_project(project, work / f"floor{records}")
    floors = []
    for _ in range(runs):
        shutil.rmtree(floor / "site", ignore_errors=True)
        floors.append(timed_build(floor)[0])
    weights = site_weight(project / "site", "counties/county-0")
    median_phases = {k: statistics.median(p.get(k, 0.0) for p in phases) for k in phases[0]}
    return {"records": records, "counts": counts, "pages": pages, "build_s": statistics.median(builds),
            "floor_s": statistics.median(floors), "phases": median_phases, "weights": weights}


def real_archive(work: Path, runs: int) -> dict[str, float]:
    """The real archive: full build time, and save-to-reload time in `mkdocs serve` (an edit
    of one project record until the served page shows it)."""
    project = make_project(work / "real", fixture=None)
    builds = []
    for _ in range(runs):
        clear_generated(project)
        builds.append(timed_build(project)[0])
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
    return {"build_s": statistics.median(builds), "save_to_reload_s": statistics.median(reloads),
            "weights": site_weight(project / "site", "counties/linxi")}


def main() -> None:
    sizes = [int(n) for n in os.environ.get("BENCH_SIZES", "1000 10000").split()]
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    print(f"machine: {os.cpu_count()} cores, {os.uname().machine}, Python {sys.version.split()[0]}")
    results = []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as work:
        if os.environ.get("BENCH_REAL", "1") == "1":
            real = real_archive(Path(work), runs)
            print(f"real archive: build_s={real['build_s']:.2f} save_to_reload_s={real['save_to_reload_s']:.2f}")
            print(f"  weight: {real['weights']}")
        for records in sizes:
            result = measure(records, runs, Path(work))
            results.append(result)
            core = sum(result["phases"].get(k, 0) for k in ("load_validate_s", "generate_s", "write_s"))
            print(f"N={records} {result['counts']} pages={result['pages']} build_s={result['build_s']:.2f} "
                  f"floor_s={result['floor_s']:.2f} core_share={core / result['build_s']:.1%}")
            print(f"  phases (median): " + " ".join(f"{k}={v:.2f}" for k, v in result["phases"].items()))
            print(f"  weight: {result['weights']}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    last, first = results[-1], results[0]
    linear = last["build_s"] / first["build_s"] if len(results) > 1 else 1.0
    print(f"bench: records={last['records']} pages={last['pages']} build_s={last['build_s']:.2f} "
          f"floor_s={last['floor_s']:.2f} ratio={last['build_s'] / last['floor_s']:.2f} "
          f"linear={linear:.2f} peak_mb={peak_mb}")


if __name__ == "__main__":
    main()
