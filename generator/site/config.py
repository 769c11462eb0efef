"""The plugin's options, and the theme it brings: what `on_config` settles before a build starts."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from generator.extract.ner import cache_dir
from generator.resources import THEME

STYLESHEET = "assets/stylesheets/dossier.css"
#: Material's offline plugin loads this Web Worker shim from a CDN unless a polyfill naming
#: "iframe-worker" is given: the theme ships it (the npm package iframe-worker 1.0.4, MIT).
OFFLINE_SHIM = "assets/javascripts/iframe-worker/shim.js"


class DossierConfig(base.Config):
    """The plugin's options, checked by MkDocs; a misspelt one is an error that names it."""

    seeds = c.Type(str, default="seeds")  # the articles, relative to mkdocs.yml
    cache = c.Type(str, default=".cache")  # the model's and the stages' caches, relative to mkdocs.yml
    scheduler = c.Type(str, default="")  # a Dask scheduler (tcp://host:8786); empty: this machine
    offline = c.Type(bool, default=False)  # the build opened from disk: no feeds, no sitemap
    open_data = c.Type(bool, default=True)  # data/ exports (never written by the live preview)


def unknown_option_errors(warnings: list[tuple[str, str]]) -> list[tuple[str, Exception]]:
    """MkDocs only warns of an option it does not know; a misspelt option silently ignored would
    build the wrong dossier, so each is an error here."""
    allowed = ", ".join(name for name, _ in DossierConfig._schema)
    return [(key, ValueError(f"unknown option '{key}'; the dossier plugin's options are {allowed}"))
            for key, message in warnings if message.startswith("Unrecognised configuration name")]


def seeds_dir(config: MkDocsConfig, options: DossierConfig) -> Path:
    return Path(config.config_file_path).parent / options.seeds


def ner_cache_dir(config: MkDocsConfig, options: DossierConfig) -> Path:
    return cache_dir(Path(config.config_file_path).parent, options.cache)


def add_theme(config: MkDocsConfig, options: DossierConfig) -> MkDocsConfig:
    """The dossier's theme under the curator's own overrides (if any) and above Material's; its
    stylesheet; and, offline, the search shim that would otherwise come from a CDN."""
    if config.theme.name != "material":
        raise Abort(f"The dossier plugin needs the Material theme (theme: name: material), not '{config.theme.name}'.")
    if not THEME.is_dir():
        raise Abort(f"The dossier's theme is missing ({THEME}); reinstall the generator from the wheel you "
                    f"installed it from: {shlex.quote(sys.executable)} -m pip install --force-reinstall WHEEL")
    dirs = [Path(folder).resolve() for folder in config.theme.dirs]
    if THEME.resolve() not in dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    if STYLESHEET not in [str(sheet) for sheet in config.extra_css]:
        config.extra_css.append(STYLESHEET)
    if options.offline and not any("iframe-worker" in str(polyfill) for polyfill in config.extra.get("polyfills") or []):
        config.extra["polyfills"] = [*(config.extra.get("polyfills") or []), OFFLINE_SHIM]
    return config


def theme_dirs(config: MkDocsConfig) -> set[Path]:
    """The dossier's own theme folders (its overrides and the project's): they shape every page."""
    dirs = {THEME.resolve()}
    if config.theme.custom_dir:
        dirs.add(Path(config.theme.custom_dir).resolve())
    return dirs
