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

on_startup = _plugin.on_startup
on_config = _plugin.on_config
on_pre_build = _plugin.on_pre_build
on_nav = _plugin.on_nav
on_env = _plugin.on_env
on_post_build = _plugin.on_post_build
on_build_error = _plugin.on_build_error
on_page_context = _plugin.on_page_context
