"""Run `mkdocs serve` on a project and watch it rebuild: used by the serve test and the bench."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`mkdocs serve --dirty` in the background; counts the builds it reports."""

    def __init__(self, project: Path):
        self.port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(Path(project) / "hooks")}
        env.pop("CI", None)
        self.process = subprocess.Popen(
            # As `make serve` runs it.
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.log.append((time.monotonic(), line))

    @property
    def builds(self) -> int:
        return sum(1 for _, line in self.log if "Documentation built in" in line)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    # Straight to 127.0.0.1, whatever proxy the environment names.
    _opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self._opener.open(self.url(path), timeout=5) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return 0, ""

    def indexed_page_counts(self) -> dict[str, int]:
        """How many pages each language's search index holds, as served."""
        status, text = self.get("pagefind/pagefind-entry.json")
        languages = json.loads(text)["languages"] if status == 200 else {}
        return {lang: entry["page_count"] for lang, entry in languages.items()}

    def wait_for(self, condition, timeout: float = 90.0) -> float:
        """Seconds until `condition()` holds; raises after `timeout`."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if condition():
                return time.monotonic() - started
            if self.process.poll() is not None:
                raise RuntimeError("mkdocs serve stopped:\n" + "".join(line for _, line in self.log[-30:]))
            time.sleep(0.05)
        raise TimeoutError("condition not met; last log:\n" + "".join(line for _, line in self.log[-30:]))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
