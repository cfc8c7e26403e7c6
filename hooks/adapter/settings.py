"""Every setting of the archive's build, declared once with its type and default.

Paths are relative to the folder of mkdocs.yml. An environment variable overrides a setting
(ARCHIVE_<NAME>, e.g. ARCHIVE_PARALLEL_LANGUAGES=0); nothing else does. Whether missing
translations fail the build is MkDocs' own `strict` (`mkdocs build --strict`, which
`make build STRICT=1` and CI use), not a setting of its own.
"""
from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    data: Path = Path("data")
    """The records (YAML), one folder per kind."""
    content: Path = Path("content")
    """The editors' hand-written pages and accounts (content/testimonies/)."""
    templates: Path = Path("overrides/archive")
    """Page templates and the label catalogues."""
    generated: Path = Path("build/docs")
    """The docs tree MkDocs builds from: each build makes it exactly the pages it produced.
    Git-ignored; never edit it."""
    parallel_languages: bool = True
    """`mkdocs build` builds the English pages in a forked process while the Chinese ones
    build (see adapter/language_builds.py); off, one after the other. Same bytes either way."""

    @classmethod
    def from_environment(cls, environ=os.environ) -> "Settings":
        overrides = {name: environ[f"ARCHIVE_{name.upper()}"] for name in cls.model_fields
                     if f"ARCHIVE_{name.upper()}" in environ}
        try:
            return cls(**overrides)
        except ValidationError as error:
            raise ValueError(f"a setting given in the environment is not valid: {error}") from None

    def resolved(self, root: Path) -> "Settings":
        """The same settings with every path made absolute from the project folder."""
        return self.model_copy(update={name: root / getattr(self, name) for name, field in type(self).model_fields.items()
                                       if field.annotation in (Path, "Path")})
