"""Every use of another package's internals, in one room.

MkDocs, Material for MkDocs and mkdocs-static-i18n give no public hook for some of what the
archive needs: showing an editor's mistakes in `mkdocs serve` instead of leaving the browser
waiting, knowing that mkdocs-static-i18n is running its nested build of a further language,
and taking that build over in a forked process (language_builds.py). Each such use is a
function here, written against the versions in KNOWN, and the build refuses to start on any
other version: an upgrade fails loudly, with what to check, instead of breaking the site
silently. Material's version is checked too: overrides/theme/partials/header.html and
search.html are copies of its partials (the search box shown without its search plugin), and
overrides/theme/assets/search.js draws results in its markup.
"""
from __future__ import annotations

from importlib import metadata

from mkdocs.exceptions import PluginError

# package -> versions the functions below were written and tested against
KNOWN = {
    "mkdocs": ("1.6.1",),
    "mkdocs-material": ("9.8.1",),
    "mkdocs-static-i18n": ("1.3.1",),
}


def installed_version(package: str) -> str:
    return metadata.version(package)


def check_versions(version_of=installed_version) -> None:
    unknown = [(package, version_of(package), known) for package, known in KNOWN.items()
               if version_of(package) not in known]
    if unknown:
        lines = [f"  - {package} {found} (written for {', '.join(known)})" for package, found, known in unknown]
        raise PluginError(
            "hooks/adapter/compat.py relies on internals of these packages and does not know the "
            "installed versions:\n" + "\n".join(lines) + "\nCheck each function of compat.py against the "
            "new version, run `make test` (test_site_build.py checks the parallel and sequential builds "
            "give the same site), then add the version to KNOWN; or pin the known version in requirements.txt.")


# --- mkdocs-static-i18n -------------------------------------------------------------------

def i18n(config):
    return config.plugins.get("i18n")


def building_further_language(config) -> bool:
    """True inside mkdocs-static-i18n's nested build of a further language (it runs a whole
    MkDocs build again, with the same config object, once the default language is built)."""
    plugin = i18n(config)
    return plugin is not None and bool(getattr(plugin, "building", False))


def further_languages(config) -> list[str]:
    """The languages built after the default one."""
    plugin = i18n(config)
    if plugin is None:
        return []
    return [lang for lang in plugin.build_languages if lang != plugin.default_language]


def set_language_built(config, lang: str, built: bool) -> None:
    """Whether mkdocs-static-i18n builds `lang` itself after the default language."""
    i18n(config).get_language_config(lang).build = built


def become_language_build(config, lang: str) -> None:
    """In a forked process: set mkdocs-static-i18n up as it is set up for its own nested
    build of `lang` (the site folder holds the default language's output and is not cleaned)."""
    from mkdocs import utils

    plugin = i18n(config)
    plugin.building = True
    plugin.current_language = lang
    utils.clean_directory = lambda directory: None


def i18n_logging_filter(*prefixes: str):
    """mkdocs-static-i18n's filter that hides a nested build's routine log lines."""
    from mkdocs_static_i18n.utils import I18nLoggingFilter

    quiet = I18nLoggingFilter()
    quiet.filtered_prefixes.update(prefixes)
    return quiet


# --- MkDocs ------------------------------------------------------------------------------

def wrap_serve_rebuilds(server, wrapper) -> None:
    """Have `mkdocs serve` rebuild through `wrapper(rebuild)`. MkDocs' live-reload server
    keeps its build function as an attribute and, when it raises, leaves every request
    waiting until a later build succeeds."""
    rebuild = server.builder
    server.builder = lambda *args, **kwargs: wrapper(lambda: rebuild(*args, **kwargs))

