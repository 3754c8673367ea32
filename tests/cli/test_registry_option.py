"""The registry options of explain, search and serve: loading, left-out catalogs, exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from catalogs import AUTH, EXAMPLES
from errdex.cli.registry_option import (
    catalog_path_option,
    index_cache,
    no_cache_option,
    registry_or_exit,
    searchable_or_exit,
)


def test_the_options_parse_repeated_paths_and_the_no_cache_flag() -> None:
    seen: dict[str, object] = {}

    @click.command()
    @catalog_path_option
    @no_cache_option
    def command(catalog_paths: tuple[str, ...], no_cache: bool) -> None:
        seen.update(paths=catalog_paths, no_cache=no_cache)

    result = CliRunner().invoke(command, ["--catalog-path", "a", "--catalog-path", "b"])
    assert result.exit_code == 0 and seen == {"paths": ("a", "b"), "no_cache": False}
    CliRunner().invoke(command, ["--no-cache"])
    assert seen == {"paths": (), "no_cache": True}


def test_no_cache_means_no_index_cache() -> None:
    assert index_cache(True) is None
    assert index_cache(False) is not None


def test_a_registry_of_the_examples_loads(shop_folder: Path) -> None:
    registry = registry_or_exit((str(EXAMPLES / "zan"), str(shop_folder)))
    assert sorted(registry.catalog_ids) == ["shop", "zan"]
    assert registry_or_exit((str(shop_folder),), catalog="shop").catalog_ids == ("shop",)


def test_a_catalog_that_cannot_load_is_reported_and_left_out(
    shop_folder: Path, write_catalog: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    broken = write_catalog("[catalog\n", "broken.toml")
    registry = registry_or_exit((str(shop_folder), str(broken)))
    assert registry.catalog_ids == ("shop",)
    err = capsys.readouterr().err
    assert f"{broken}:1:" in err
    assert "errdex: some catalogs could not be loaded and are left out\n  = help: fix the" in err


def test_no_catalog_at_all_exits_2_with_how_to_pass_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        registry_or_exit((str(tmp_path),))
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "errdex: no catalogs to look in (from " in err
    assert "pass --catalog-path PATH or set ERRDEX_CATALOGS" in err


def test_an_unknown_catalog_id_exits_2_naming_the_loaded_ones(
    write_catalog: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_catalog(AUTH)
    with pytest.raises(SystemExit) as caught:
        searchable_or_exit((str(path),), catalog="nope")
    assert caught.value.code == 2
    assert capsys.readouterr().err == "errdex: no catalog 'nope'\n  = help: choose one of: shop\n"
