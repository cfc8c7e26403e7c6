"""The benchmark runs end to end at a tiny size (no timing is asserted here: see BENCHMARKS.md)."""
import os
import re
import subprocess
import sys

from sitebuild import ROOT


def test_bench_runs_and_prints_its_summary_line():
    env = {**os.environ, "BENCH_SIZES": "30", "BENCH_RUNS": "1", "BENCH_REAL": "0"}
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "bench.py")], env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"bench: records=30 pages=\d+ build_s=[\d.]+ floor_s=[\d.]+ ratio=[\d.]+ "
                        r"cpu_s=[\d.]+ cpu_floor_s=[\d.]+ cpu_ratio=[\d.]+ linear=[\d.]+ peak_mb=\d+", last), last


def test_synthetic_archive_is_valid_under_the_real_schema(tmp_path):
    from archive.archive import build_archive
    from synthetic import write_archive

    counts = write_archive(tmp_path, 120)
    archive = build_archive(tmp_path)
    assert len(archive.projects) == counts["projects"] and len(archive.testimonies) == counts["testimonies"]
    assert not archive.gaps
