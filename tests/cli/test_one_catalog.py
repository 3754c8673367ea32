"""A single-catalog command given a folder without errdex.toml: the one catalog found in it
(the discovery ``errdex check`` uses), or a refusal naming the several (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_process import EXAMPLES, errdex

APPS = EXAMPLES / "apps"  # shop.toml beside the source files of four web apps


@pytest.fixture
def apps(tmp_path: Path) -> Path:
    """A copy of examples/apps, so no command writes into the repository."""
    folder = tmp_path / "apps"
    shutil.copytree(APPS, folder)
    return folder


def test_check_finds_the_one_catalog_the_other_commands_read(apps: Path) -> None:
    assert not (apps / "errdex.toml").exists() and (apps / "shop.toml").is_file()
    checked = errdex("check", str(apps))
    assert checked.returncode == 0 and "checked 1 catalog:" in checked.stdout + checked.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("export", "{apps}"),
        ("export", "{apps}", "--format", "markdown"),
        ("i18n", "extract", "{apps}"),
        ("i18n", "update", "{apps}", "-l", "zh-CN"),
        ("diff", "{apps}", "{apps}"),
        ("build", "{apps}"),
        ("gen", "{apps}", "--lang", "python", "-o", "{apps}/gen"),
    ],
    ids=lambda args: " ".join(args[:2]),
)
def test_a_folder_holding_one_catalog_is_that_catalog(apps: Path, args: tuple[str, ...]) -> None:
    done = errdex(*(a.format(apps=apps) for a in args))
    assert done.returncode == 0, done.stderr
    assert "E006" not in done.stderr and "holds no errdex.toml" not in done.stderr


def test_hash_reads_the_one_catalog_too(apps: Path) -> None:
    code = json.loads(errdex("export", str(apps / "shop.toml")).stdout)["errors"][0]["code"]
    done = errdex("hash", str(apps), str(code))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == errdex("hash", str(apps / "shop.toml"), str(code)).stdout.strip()


def test_a_folder_holding_several_catalogs_is_refused_naming_them(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.toml").write_text(f'[catalog]\nid = "{name}"\n', encoding="utf-8")
    for args in (("export", str(tmp_path)), ("hash", str(tmp_path), "1")):
        done = errdex(*args)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.splitlines() == [
            f"errdex {args[0]}: {tmp_path} holds 2 catalogs (a.toml, b.toml); "
            "this command reads one",
            f"  = help: name one of them, e.g. {tmp_path / 'a.toml'}, "
            f"or run errdex check {tmp_path} for all of them",
        ]


def test_an_empty_folder_still_says_what_it_lacks(tmp_path: Path) -> None:
    done = errdex("export", str(tmp_path))
    assert done.returncode == 2 and "holds no errdex.toml" in done.stderr
