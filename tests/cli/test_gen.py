"""``errdex gen``: write a catalog as Python, TypeScript, Go or Rust source files."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from catalogs import ROOT
from errdex.cli.main import cli

CSGHUB = str(ROOT / "examples" / "csghub")


@pytest.mark.parametrize(
    ("lang", "files"),
    [
        ("python", ["errs.py", "errs.pyi"]),
        ("typescript", ["errs.ts"]),
        ("go", ["errs.go"]),
        ("rust", ["errs.rs"]),
    ],
)
def test_gen_writes_the_language_files(lang: str, files: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["gen", CSGHUB, "--lang", lang, "-o", str(tmp_path / "out"), "--package", "errs"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == files
    assert "InvalidJWT" in (tmp_path / "out" / files[0]).read_text()
    assert "wrote" in result.output


def test_gen_leaves_unchanged_files_alone(tmp_path: Path) -> None:
    args = ["gen", CSGHUB, "--lang", "go", "-o", str(tmp_path)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    target = tmp_path / "csghub.go"
    before = target.stat().st_mtime_ns
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and "unchanged" in again.output
    assert target.stat().st_mtime_ns == before


def test_gen_rejects_an_unknown_language(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["gen", CSGHUB, "--lang", "cobol", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "cobol" in result.output


def test_gen_rejects_a_bad_package_name(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["gen", CSGHUB, "--lang", "python", "--package", "a/b"])
    assert result.exit_code == 2 and "--package" in result.output


def test_gen_on_a_broken_catalog_exits_2_with_a_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[catalog]\nid = "x"\n\n[[errors]]\ncode = 1\nhttp_status = "four"\n')
    result = CliRunner().invoke(cli, ["gen", str(bad), "--lang", "python", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "bad.toml:6:" in result.output and "Traceback" not in result.output


def test_gen_into_an_unwritable_folder_exits_2_without_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(cli, ["gen", CSGHUB, "--lang", "go", "-o", str(blocker / "sub")])
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "errdex gen: cannot write" in result.output and "= help:" in result.output
