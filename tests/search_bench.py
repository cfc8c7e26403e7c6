"""Search as a reader's browser pays for it, for `make bench`: the size of each language's
index (raw and gzipped), the bytes a first query transfers (gzipped, as a server compressing
its responses sends them) and the time a reader waits for it, in Debian's Chromium with the
CPU slowed 4× (Emulation.setCPUThrottlingRate).

What is measured is what a reader waits for: the page is loaded and left alone for a moment
(IDLE_S, as a reader glances at it before searching), then the search box is clicked and the
query entered. Entered at once (as an input method commits a word, or a paste), the time runs
from the input event's time stamp (the page, idle, receives it at once) to the first result
drawn (the frame after it is inserted), so that whatever still loads or runs when the reader
types counts, and the driver's own work around the typing (Playwright's checks of the box, in
the slowed page) does not. Typed key by key (TYPIST), it runs from the moment the last key
was pressed to the results drawn for the whole word. Whatever the page loads for search
before the click is counted apart (preload: Pagefind's script, WebAssembly and metadata,
loaded when the page is idle); the bytes after the click are the query's own: its words'
index parts and the excerpts of the results drawn.

Chromium slows only a page's main thread this way, not its workers: the archive's search
runs on the main thread, so the time measured is the reader's whole wait.
"""
from __future__ import annotations

import functools
import gzip
import statistics
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from synthetic import county_name

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
THROTTLING = 4
IDLE_S = 2
# Queries in each language (tests/synthetic.py): a county's name, as readers mostly search,
# and a word that nearly every synthetic page holds (its vocabulary has only 20 words): the
# worst case, since Pagefind's cost grows with the results. Each arrives at once, as a
# Chinese input method commits a word (or as a pasted word); the English word is also typed
# key by key (TYPIST), as readers type English.
QUERIES = {"zh": ("", {"name": (county_name(7)[0], False), "word": ("草莓", False)}),
           "en": ("en/", {"name": (county_name(7)[1], False), "word": ("strawberry", False),
                          "word_typed": ("strawberry", True)})}
# The page's clock (ms) at the input event's time stamp (set as the page receives it; the page
# is idle then) and at the frame after each drawing of the results list.
CLOCK = """
window.__drawn = [];
addEventListener("input", (event) => { window.__typed = event.timeStamp; }, true);
new MutationObserver((changes) => {
  if (!changes.some((change) => change.target.closest && change.target.closest(".md-search-result__list"))) return;
  requestAnimationFrame(() => setTimeout(() => { window.__drawn.push(performance.now()); }));
}).observe(document, {subtree: true, childList: true});
"""
# A brisk typist in the page: a key every KEY_DELAY_MS, each handled when the page's thread
# is free, as the browser holds a real key until then. The wait runs from when the last key
# was pressed, not handled; a key's lag is how late it was handled.
KEY_DELAY_MS = 150
TYPIST = """([text, delay]) => new Promise((typed) => {
  const box = document.querySelector("input.md-search__input");
  const start = performance.now();
  const lags = [];
  [...text].forEach((key, i) => setTimeout(() => {
    lags.push(performance.now() - (start + i * delay));
    box.value = text.slice(0, i + 1);
    box.dispatchEvent(new InputEvent("input", {inputType: "insertText", data: key, bubbles: true}));
    if (i === text.length - 1) typed({last: start + i * delay, lag: Math.max(...lags)});
  }, i * delay));
})"""
# The results of the whole typed word are drawn: the search box no longer marks its list busy
# (a search of one of the word's beginnings may have drawn first), and the frame after that
# drawing has been timed.
SETTLED = """() => new Promise((settled) => {
  const list = document.querySelector(".md-search-result__list");
  const check = () => list.hasAttribute("aria-busy") ? setTimeout(check, 100)
    : requestAnimationFrame(() => setTimeout(settled));
  check();
})"""


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
    chunks = [path for path in (folder / "index").glob("*") if path.name.startswith(f"{lang}_")]
    fragments = [path for path in (folder / "fragment").glob("*") if path.name.startswith(f"{lang}_")]
    wasm = [folder / name for name in (f"wasm.{lang}.pagefind", "wasm.unknown.pagefind")
            if (folder / name).is_file()][:1]
    return own + chunks + fragments + wasm + [folder / "pagefind.js"] if own else []


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
    """For each language and query, the median over `runs` fresh page loads of the wait for
    the first result, of the main thread's CPU in that wait, of the bytes of the query, and
    (per language) of the bytes preloaded."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    figures = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            for lang, (root, queries) in QUERIES.items():
                preloads = []
                for kind, (query, typed) in queries.items():
                    times, cpus, sizes, lags = [], [], [], []
                    for _ in range(runs):
                        seconds, cpu, preloaded, transferred, lag = _one_query(browser, base, root, query, typed, site)
                        times.append(seconds)
                        cpus.append(cpu)
                        preloads.append(preloaded)
                        sizes.append(transferred)
                        lags.append(lag)
                    figures[f"{lang}_{kind}_query_kb"] = int(statistics.median(sizes)) // 1024
                    figures[f"{lang}_{kind}_first_result_s"] = round(statistics.median(times), 2)
                    figures[f"{lang}_{kind}_main_thread_cpu_s"] = round(statistics.median(cpus), 3)
                    if typed:
                        figures[f"{lang}_{kind}_key_lag_ms"] = round(statistics.median(lags))
                figures[f"{lang}_preload_kb"] = int(statistics.median(preloads)) // 1024
            browser.close()
    finally:
        server.shutdown()
    return figures


def _one_query(browser, base: str, root: str, query: str, typed: bool, site: Path) -> tuple:
    """Seconds from typing the query (its last key) to its results drawn, and of the main
    thread's CPU until they are first drawn; gzipped bytes loaded for search before the click
    into the search box and after it; for a query typed key by key, the longest lag of a key
    (ms)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": THROTTLING})
    cdp.send("Performance.enable")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.add_init_script(CLOCK)
    page.goto(base + root, wait_until="load")
    page.wait_for_timeout(IDLE_S * 1000)
    before = len(requested)
    search = page.locator("input.md-search__input")
    search.click()
    cpu = _main_thread_cpu(cdp)
    lag = 0.0
    if typed:
        keys = page.evaluate(TYPIST, [query, KEY_DELAY_MS])
        page.evaluate("(last) => { window.__typed = last; }", keys["last"])
        lag = keys["lag"]
    else:
        search.fill(query)
    page.wait_for_function("window.__drawn.some((time) => time > window.__typed)", polling=100, timeout=120_000)
    cpu = _main_thread_cpu(cdp) - cpu
    if typed:
        page.evaluate(SETTLED)
    wait = page.evaluate("(Math.max(...window.__drawn) - window.__typed) / 1000")
    context.close()
    return wait, cpu, _bytes(requested[:before], base, site), _bytes(requested[before:], base, site), lag


def _main_thread_cpu(cdp) -> float:
    """Seconds of CPU the page's main thread has used (not slowed, not waiting for a core):
    on a shared machine, the figure to compare before and after a change."""
    return next(metric["value"] for metric in cdp.send("Performance.getMetrics")["metrics"]
                if metric["name"] == "ThreadTime")


def _bytes(urls: list[str], base: str, site: Path) -> int:
    """What the page loaded for search (its script, Pagefind's files), gzipped."""
    files = [site / unquote(urlsplit(url).path).lstrip("/") for url in urls
             if url.startswith(base) and ("search" in url or "pagefind" in url)]
    return sum(gzipped_size(path) for path in files if path.is_file())
