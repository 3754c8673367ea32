"""Which catalogs a registry holds: arguments > ERRDEX_CATALOGS > config file > examples."""

from __future__ import annotations

import os
from pathlib import Path

from errdex.directory import Registry
from errdex.directory.config import CONFIG_NAME, ENV_VAR, resolve


def test_without_configuration_the_bundled_examples_are_the_registry(tmp_path: Path) -> None:
    registry = Registry.default(environ={}, cwd=tmp_path)
    assert registry.origin == "bundled examples"
    assert set(registry.catalogs) == {
        "alchemy",
        "csghub",
        "subquery-indexer-proxy",
        "yuanrong",
        "zan",
    }
    assert registry.problems == ()


def test_the_environment_variable_lists_paths(tmp_path: Path, examples_path: Path) -> None:
    value = os.pathsep.join([str(examples_path / "zan"), str(examples_path / "alchemy")])
    registry = Registry.default(environ={ENV_VAR: value}, cwd=tmp_path)
    assert registry.origin == ENV_VAR
    assert list(registry.catalogs) == ["zan", "alchemy"]


def test_an_empty_environment_variable_is_ignored(tmp_path: Path) -> None:
    assert resolve(environ={ENV_VAR: "  "}, cwd=tmp_path).origin == "bundled examples"


def test_the_config_file_paths_are_relative_to_it(tmp_path: Path, examples_path: Path) -> None:
    (tmp_path / "cats").mkdir()
    config = tmp_path / CONFIG_NAME
    config.write_text(
        f'catalogs = ["{(examples_path / "csghub").as_posix()}", "cats"]\n', encoding="utf-8"
    )
    (tmp_path / "cats" / "one.toml").write_text(
        '[catalog]\nid = "one"\n\n[[errors]]\ncode = 1\nmessage = "m"\n'
    )
    registry = Registry.default(environ={}, cwd=tmp_path)
    assert registry.origin == str(config)
    assert list(registry.catalogs) == ["csghub", "one"]


def test_explicit_paths_win_over_environment_and_config(
    tmp_path: Path, examples_path: Path
) -> None:
    (tmp_path / CONFIG_NAME).write_text('catalogs = ["nowhere"]\n', encoding="utf-8")
    env = {ENV_VAR: str(examples_path / "alchemy")}
    assert list(Registry.default([examples_path / "zan"], environ=env, cwd=tmp_path).catalogs) == [
        "zan"
    ]
    assert list(Registry.default(environ=env, cwd=tmp_path).catalogs) == ["alchemy"]


def test_a_broken_config_file_is_reported_with_its_position(tmp_path: Path) -> None:
    config = tmp_path / CONFIG_NAME
    config.write_text('catalogs = "examples"\nport = 1\n', encoding="utf-8")
    registry = Registry.default(environ={}, cwd=tmp_path)
    assert not registry.catalogs
    messages = {p.message: p.location for p in registry.problems}
    assert messages["'catalogs' must be a list of paths"].endswith(f"{CONFIG_NAME}:1:1")
    assert messages["unknown key 'port' in the registry config"].endswith(f"{CONFIG_NAME}:2:1")
    config.write_text("catalogs = [\n", encoding="utf-8")
    (problem,) = Registry.default(environ={}, cwd=tmp_path).problems
    assert problem.rule.slug == "syntax"


def test_missing_catalogs_named_by_the_config_are_problems(tmp_path: Path) -> None:
    (tmp_path / CONFIG_NAME).write_text('catalogs = ["gone"]\n', encoding="utf-8")
    registry = Registry.default(environ={}, cwd=tmp_path)
    assert not registry.catalogs
    assert any("gone" in p.message for p in registry.problems)
