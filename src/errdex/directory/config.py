"""Which catalogs make up the registry: arguments, environment, config file, or examples.

Resolution order, first that applies wins:

1. paths given explicitly (``--catalog-path``, ``errdex serve PATH...``);
2. the ``ERRDEX_CATALOGS`` environment variable, paths separated by
   ``os.pathsep`` (``:`` on POSIX, ``;`` on Windows);
3. ``errdex-registry.toml`` in the current folder: ``catalogs = ["a", "b"]``,
   paths relative to the file;
4. the bundled example catalogs (:func:`errdex.examples.examples_dir`).

Each path is a catalog file, a catalog folder, or a folder of catalogs.
A broken config file is a diagnostic, not an exception.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from errdex.examples import examples_dir
from errdex.io import Diagnostic, SourceFile
from errdex.io.diagnostic import rule
from errdex.io.read import parse, read_text

ENV_VAR = "ERRDEX_CATALOGS"
CONFIG_NAME = "errdex-registry.toml"

BAD_CONFIG = rule("E502")


class RegistryConfig(NamedTuple):
    """The catalog paths of a registry, where they came from, and problems finding them.

    ``origin`` is ``"arguments"``, ``"ERRDEX_CATALOGS"``, the config file's
    path, or ``"bundled examples"``.
    """

    paths: tuple[Path, ...]
    origin: str
    problems: tuple[Diagnostic, ...] = ()


def resolve(
    paths: Sequence[str | Path] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
) -> RegistryConfig:
    """Return the registry's catalog paths by the resolution order of this module."""
    if paths:
        return RegistryConfig(tuple(Path(p) for p in paths), "arguments")
    env = os.environ if environ is None else environ
    value = env.get(ENV_VAR, "").strip()
    if value:
        return RegistryConfig(tuple(Path(p) for p in value.split(os.pathsep) if p.strip()), ENV_VAR)
    config = Path(cwd if cwd is not None else os.getcwd()) / CONFIG_NAME
    if config.is_file():
        return read_config(config)
    bundled = examples_dir()
    return RegistryConfig((bundled,) if bundled else (), "bundled examples")


def read_config(path: Path) -> RegistryConfig:
    """Read an ``errdex-registry.toml``; its problems come back as diagnostics."""
    origin = str(path)
    text, problem = read_text(path)
    if problem is not None:
        return RegistryConfig((), origin, (problem,))
    assert text is not None
    src = SourceFile(path, text, "toml")
    data, problem = parse(text, src)
    if problem is not None:
        return RegistryConfig((), origin, (problem,))
    assert data is not None
    problems = [
        Diagnostic(
            BAD_CONFIG,
            f"unknown key {key!r} in the registry config",
            source=src,
            path=(key,),
            hint='the registry config has one key: catalogs = ["path", ...]',
        )
        for key in data
        if key != "catalogs"
    ]
    catalogs = data.get("catalogs")
    if not isinstance(catalogs, list) or not all(isinstance(c, str) for c in catalogs):
        problems.append(
            Diagnostic(
                BAD_CONFIG,
                "'catalogs' must be a list of paths"
                if "catalogs" in data
                else "the registry config has no 'catalogs'",
                source=src,
                path=("catalogs",) if "catalogs" in data else (),
                position=None if "catalogs" in data else (1, 1),
                hint='write catalogs = ["examples", "../billing/errdex.toml"] '
                "(paths relative to this file)",
            )
        )
        return RegistryConfig((), origin, tuple(problems))
    base = path.parent
    return RegistryConfig(tuple(base / c for c in catalogs), origin, tuple(problems))
