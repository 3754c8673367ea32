"""``errdex fmt``: rewrites catalogs in canonical layout, or checks that they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from catalogs import ROOT
from errdex.cli.main import cli

MESSY = '[[errors]]\nmessage = "m"\ncode = 1\n\n[catalog]\ntitle = "T"   # the title\nid = "x"\n'
CANONICAL = (
    '[catalog]\nid = "x"\ntitle = "T"   # the title\n\n[[errors]]\ncode = 1\nmessage = "m"\n'
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["fmt", *args])


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_fmt_rewrites_and_lists_changed_files(messy: Path) -> None:
    result = run(str(messy))
    assert result.exit_code == 0, result.output
    assert "reformatted" in result.stdout and "c.toml" in result.stdout
    assert messy.read_text(encoding="utf-8") == CANONICAL
    again = run(str(messy))
    assert again.exit_code == 0
    assert "reformatted" not in again.stdout
    assert "0 files reformatted, 1 already formatted" in again.stderr


def test_check_changes_nothing_and_exits_1(messy: Path) -> None:
    result = run("--check", str(messy))
    assert result.exit_code == 1
    assert "would reformat" in result.stdout
    assert messy.read_text(encoding="utf-8") == MESSY


def test_check_passes_on_a_formatted_file(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(CANONICAL, encoding="utf-8")
    result = run("--check", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""


def test_diff_shows_a_unified_diff_and_implies_check(messy: Path) -> None:
    result = run("--diff", str(messy))
    assert result.exit_code == 1
    assert "--- " in result.stdout and "+++ " in result.stdout and "(formatted)" in result.stdout
    assert '+id = "x"' in result.stdout and '-id = "x"' in result.stdout
    assert messy.read_text(encoding="utf-8") == MESSY


def test_syntax_error_exits_2_with_position_and_leaves_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    data = b'[catalog]\nid = "x"\ntitle = = "T"\n'
    path.write_bytes(data)
    result = run(str(path))
    assert result.exit_code == 2
    assert "bad.toml:3:" in result.stderr and "E001" in result.stderr
    assert "Traceback" not in result.output
    assert path.read_bytes() == data


def test_other_files_are_still_formatted_when_one_is_broken(tmp_path: Path, messy: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[catalog\n")
    result = run(str(bad), str(messy))
    assert result.exit_code == 2
    assert messy.read_text(encoding="utf-8") == CANONICAL
    assert bad.read_bytes() == b"[catalog\n"


def test_missing_path_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope.toml"))
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr and "no such file" in result.stderr


def test_yaml_is_reported_as_not_formatted(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    text = "catalog:\n  title: T  # kept\n  id: x\n"
    path.write_text(text, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "not formatted" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_folder_catalog_formats_its_module_files(tmp_path: Path) -> None:
    folder = tmp_path / "cat"
    shutil.copytree(ROOT / "examples" / "csghub", folder)
    module = folder / "modules" / "auth.toml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("[module]\n", "[module]   \n\n\n", 1), encoding="utf-8")
    result = run("--check", str(folder))
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert line.startswith("would reformat") and line.endswith("modules/auth.toml")
    assert run(str(folder)).exit_code == 0
    assert module.read_text(encoding="utf-8") == text


def test_fmt_then_check_passes_on_a_folder_of_catalogs(tmp_path: Path) -> None:
    """Every example catalog (a copy) formats without refusal, and then checks clean."""
    copy = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", copy)
    result = run(str(copy))
    assert result.exit_code == 0, result.output
    check = run("--check", str(copy))
    assert check.exit_code == 0, check.output
    assert check.stdout == ""


def test_a_file_that_cannot_be_written_is_reported_and_the_others_are_formatted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errdex.cli.fmt as fmt_command

    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    for path in (first, second):
        path.write_text(MESSY, encoding="utf-8")
    real = fmt_command.write_atomic

    def refuse_a(path: Path, data: bytes) -> None:
        if Path(path).name == "a.toml":
            raise PermissionError(13, "Permission denied")
        real(path, data)

    monkeypatch.setattr(fmt_command, "write_atomic", refuse_a)
    result = run(str(first), str(second))
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "errdex fmt: cannot write" in result.stderr and "Permission denied" in result.stderr
    assert first.read_text(encoding="utf-8") == MESSY
    assert second.read_text(encoding="utf-8") == CANONICAL
    assert "1 could not be formatted" in result.stderr


@pytest.mark.parametrize(
    ("body", "key", "line", "shown"),
    [
        (
            '[[errors]]\nmessage = "m"\ncode = 1\nretry_after = nan\n',
            "errors[0].retry_after",
            7,
            "nan",
        ),
        ('[[errors]]\ncode = 1\nmessage = "m"\norder = -inf\n', "errors[0].order", 7, "-inf"),
        (
            "[profiles.p]\nbody = { a = [1, +inf] }\n[[errors]]\ncode = 1\n",
            "profiles.p.body.a[1]",
            5,
            "inf",
        ),
    ],
)
def test_nan_and_infinity_are_located_errors_exit_2_and_nothing_is_written(
    tmp_path: Path, body: str, key: str, line: int, shown: str
) -> None:
    path = tmp_path / "c.toml"
    text = '[catalog]\nid = "x"\n\n' + body
    path.write_text(text, encoding="utf-8")
    for args in ([str(path)], ["--check", str(path)]):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert "internal error" not in result.output and "Traceback" not in result.output
        assert f"c.toml:{line}:" in result.stderr and "E005" in result.stderr
        assert f"{key} is {shown}" in result.stderr and "= help: write a finite number" in (
            result.stderr
        )
        assert path.read_text(encoding="utf-8") == text


def test_words_holding_nan_or_inf_are_formatted_as_usual(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[[errors]]\ncode = 1\nmessage = "info: nano"\n\n[catalog]\nid = "x"\n')
    assert run(str(path)).exit_code == 0
    assert path.read_text().startswith('[catalog]\nid = "x"\n')


def test_keys_nested_too_deeply_are_a_limit_not_an_internal_error(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    text = '[catalog]\nid = "x"\n\n' + "a" + ".a" * 1000 + " = 1\n"
    path.write_text(text, encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and "internal error" not in result.output
    # the parser (E001) or the formatter (E090) stops, depending on which recurses first
    assert "nested too deeply" in result.stderr and "flatten this structure" in result.stderr
    assert path.read_text(encoding="utf-8") == text
