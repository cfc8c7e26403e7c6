"""`make edit`'s form editor: Decap CMS in the browser, its local backend writing the files.

Two servers on 127.0.0.1, both stopped together:
- the admin page (overrides/editor/index.html), its configuration generated from the models, and
  the scripts it loads from node_modules (no CDN), among them editor/archive-yaml.js, which
  saves a record by changing only what the editor changed;
- decap-server, Decap's local backend, which reads and writes data/ and content/ directly,
  without a Git host or an account.
"""
from __future__ import annotations

import argparse
import functools
import os
import signal
import subprocess
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

from archive.editor_config import editor_config

PROJECT = Path(__file__).resolve().parents[2]
PAGES = PROJECT / "overrides" / "editor"  # the admin page and its YAML writer
DECAP = PROJECT / "node_modules" / "decap-cms" / "dist"
YAML = PROJECT / "node_modules" / "yaml" / "browser" / "dist"
DECAP_SERVER = PROJECT / "node_modules" / "decap-server" / "dist" / "index.js"


class AdminHandler(SimpleHTTPRequestHandler):
    """The admin page and its scripts from overrides/editor/, config.yml from memory, the YAML library
    under /yaml/, everything else (Decap and the chunks it loads) from Decap's dist."""

    FOLDERS = {"/yaml/": YAML, "/": DECAP}
    OWN = {"/": "index.html", "/index.html": "index.html", "/archive-yaml.js": "archive-yaml.js"}

    def __init__(self, *args, config: bytes, **kwargs):
        self.config = config
        super().__init__(*args, directory=str(DECAP), **kwargs)

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/config.yml":
            return self._send(self.config, "text/yaml; charset=utf-8")
        return super().do_GET()

    def translate_path(self, path: str) -> str:
        path = path.split("?", 1)[0]
        if path in self.OWN:
            return str(PAGES / self.OWN[path])
        prefix = next(prefix for prefix in self.FOLDERS if path.startswith(prefix))
        self.directory = str(self.FOLDERS[prefix])
        return super().translate_path("/" + path[len(prefix):])

    def _send(self, body: bytes, content_type: str):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def start_backend(root: Path, port: int) -> subprocess.Popen:
    if not DECAP_SERVER.exists():
        sys.exit("decap-server is missing: run `npm ci` (make edit does)")
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(root),
           "MODE": "fs", "LOG_LEVEL": "warn"}
    return subprocess.Popen(["node", str(DECAP_SERVER)], env=env, cwd=root)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="project folder holding data/ and content/")
    parser.add_argument("--port", type=int, default=8001, help="port of the editor page")
    parser.add_argument("--backend-port", type=int, default=8081, help="port of the local backend")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    config = editor_config(f"http://127.0.0.1:{args.backend_port}/api/v1", root / "overrides" / "archive")
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).encode("utf-8")
    backend = start_backend(root, args.backend_port)
    try:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), functools.partial(AdminHandler, config=text))
    except OSError as error:
        backend.terminate()
        sys.exit(f"cannot serve the editor on 127.0.0.1:{args.port} ({error.strerror}): is `make edit` "
                 "already running? Stop it, or choose another port with --port")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"editor: http://127.0.0.1:{server.server_port}/ (files in {root})", flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        server.server_close()
        backend.terminate()
        backend.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
