"""The entry MkDocs loads (mkdocs.yml `hooks:`): one ArchivePlugin whose events it exposes.

MkDocs takes hooks as module functions; the plugin object (hooks/adapter/plugin.py) keeps the
state of a build and its settings (hooks/adapter/settings.py).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from adapter.plugin import ArchivePlugin  # noqa: E402

_plugin = ArchivePlugin()

# Every event the plugin handles, as the module functions MkDocs looks for.
globals().update({name: getattr(_plugin, name) for name in dir(_plugin) if name.startswith("on_")})
