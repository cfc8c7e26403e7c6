"""Search as a reader's browser pays for it, for `make bench`: the size of each language's
index (raw and gzipped), the bytes a first query transfers (gzipped, as a server compressing
its responses sends them), and the time from typing into a freshly loaded page to the first
result shown (from a freshly loaded page: whatever loads before the first query counts), in Debian's Chromium with the CPU slowed 4× (Emulation.setCPUThrottlingRate).

Chromium slows only a page's main thread this way, not its workers: the archive's search
runs on the main thread, so the time measured is the reader's whole wait.
"""
from __future__ import annotations

import functools
import gzip
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
THROTTLING = 4
# Queries in each language (tests/synthetic.py): a place's name, as readers mostly search,
# and a word that 70 % of the synthetic pages hold (its vocabulary has only 20 words).
QUERIES = {"zh": ("", {"name": "测试旗7", "word": "草莓"}), "en": ("en/", {"name": "Test Banner 7", "word": "strawberry"})}
BUSY = "/Initializing|初始化/"


def gzipped_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data))  # Pagefind's files come gzipped


def index_files(site: Path, lang: str) -> list[Path]:
    """Every file of a language's search index: Pagefind's metadata, index chunks, fragments
    and its WebAssembly for that language, plus the script shared by both languages."""
    folder = site / "pagefind"
    if not folder.is_dir():
        return []
    own = [path for path in folder.glob(f"pagefind.{lang}_*.pf_meta")]
    hashes = {path.name.split("_", 1)[1].split(".")[0] for path in own}
    chunks = [path for path in (folder / "index").glob("*") if path.name.startswith(f"{lang}_")]
    fragments = [path for path in (folder / "fragment").glob("*") if path.name.startswith(f"{lang}_")]
    wasm = [folder / name for name in (f"wasm.{lang}.pagefind", "wasm.unknown.pagefind")
            if (folder / name).is_file()][:1]
    return own + chunks + fragments + wasm + [folder / "pagefind.js"] if hashes else []


def index_weight(site: Path) -> dict[str, int]:
    weights = {}
    for lang in QUERIES:
        files = index_files(site, lang)
        weights[f"{lang}_index_kb"] = sum(path.stat().st_size for path in files) // 1024
        weights[f"{lang}_index_gzip_kb"] = sum(gzipped_size(path) for path in files) // 1024
    return weights


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def first_query(site: Path, runs: int = 3) -> dict[str, float]:
    """For each language, the median over `runs` cold loads of the time to the first result
    and the gzipped bytes of everything requested for the query."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    figures = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for lang, (root, queries) in QUERIES.items():
                for kind, query in queries.items():
                    times, sizes = [], []
                    for _ in range(runs):
                        seconds, transferred = _one_query(browser, base, root, query, site)
                        times.append(seconds)
                        sizes.append(transferred)
                    figures[f"{lang}_{kind}_first_query_kb"] = sorted(sizes)[len(sizes) // 2] // 1024
                    figures[f"{lang}_{kind}_first_result_s"] = round(sorted(times)[len(times) // 2], 2)
            browser.close()
    finally:
        server.shutdown()
    return figures


def _one_query(browser, base: str, root: str, query: str, site: Path) -> tuple[float, int]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base + root, wait_until="load")
    started = time.perf_counter()
    search = page.locator("input.md-search__input")
    search.click()
    # Material's lunr search (measured for BENCHMARKS.md) drops a query typed while its
    # index still loads, and says so; a reader waits for it, and so does this.
    page.wait_for_function(f"!document.querySelector('.md-search-result__meta').textContent.match({BUSY})",
                           timeout=300_000)
    search.fill(query)
    search.dispatch_event("keyup")  # Material's lunr search reads the box on keyup
    page.locator(".md-search-result__item a").first.wait_for(timeout=120_000)
    seconds = time.perf_counter() - started
    context.close()
    # What the page loads for search (scripts, index, WebAssembly), whenever it asks for it.
    files = [site / unquote(urlsplit(url).path).lstrip("/") for url in requested
             if url.startswith(base) and "search" in url or "pagefind" in url]
    return seconds, sum(gzipped_size(path) for path in files if path.is_file())
