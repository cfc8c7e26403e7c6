"""The records-to-pages core of the archive. It has no MkDocs import on purpose: the thin
adapter in hooks/mkdocs_hooks.py feeds it to MkDocs, and another engine could use it too."""
