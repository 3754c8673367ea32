"""What commands share: diagnostics on stderr, loading or exit 2, refusals, confined writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from catalogs import AUTH
from errdex.cli.common import fail, inside, load_or_exit, print_diagnostics, save
from errdex.io import Diagnostic, SourceFile, read_valid
from errdex.io.rules import rule


def test_load_or_exit_returns_a_usable_catalog(shop_folder: Path) -> None:
    assert load_or_exit(shop_folder).meta.id == "shop"


def test_load_or_exit_prints_the_errors_and_exits_2(
    write_catalog: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_catalog(AUTH + 'http_status = "x"\n')
    with pytest.raises(SystemExit) as caught:
        load_or_exit(path)
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert f"{path}:" in err and " error[E" in err
    assert err.rstrip().endswith(
        f"errdex: cannot load {path}\n  = help: fix the errors above (errdex check {path})"
    )


def test_print_diagnostics_is_location_severity_rule_message_and_hint(
    write_catalog: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_catalog(AUTH + 'message = "dup"\n')
    _, diagnostics = read_valid(path)
    assert diagnostics
    print_diagnostics(diagnostics)
    lines = capsys.readouterr().err.splitlines()
    first = diagnostics[0]
    # the one diagnostic format of every command: errdex check's
    assert lines[0] == (
        f"{first.location}: {first.severity}[{first.rule.id} {first.rule.slug}]: {first.message}"
    )
    assert first.source_line is not None and first.hint
    assert lines[1].startswith(f" {first.line} | ")
    assert lines[2].rstrip().endswith("^")
    assert lines[3] == f"  = help: {first.hint}"


def test_print_diagnostics_shows_terminal_escapes_as_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    source = SourceFile(None, "x = 1\n", "toml", display="\x1b]0;title\x07cat.toml")
    hostile = Diagnostic(
        rule("E003"), "bad \x1b[31mred", source=source, position=(1, 1), hint="\x1b[2Jhint"
    )
    print_diagnostics([hostile])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "E003" in err and "red" in err and "hint" in err


def test_fail_names_the_command_prints_the_hint_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as caught:
        fail("gen", "no such language 'cobol'", "choose python, go, rust or typescript")
    assert caught.value.code == 2
    assert capsys.readouterr().err == (
        "errdex gen: no such language 'cobol'\n  = help: choose python, go, rust or typescript\n"
    )


def test_save_writes_the_bytes_or_names_the_file_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save("export", tmp_path / "out.json", b"{}")
    assert (tmp_path / "out.json").read_bytes() == b"{}"
    with pytest.raises(SystemExit) as caught:
        save("export", tmp_path / "out.json" / "inner.json", b"{}")  # a file is no folder
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"errdex export: cannot write {tmp_path / 'out.json' / 'inner.json'}: ")
    assert "= help: check that the folder exists and is writable" in err


def test_inside_confines_a_name_to_its_root(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert inside("gen", tmp_path, "pkg/errors.py") == tmp_path / "pkg" / "errors.py"
    with pytest.raises(SystemExit) as caught:
        inside("gen", tmp_path, "../escape.py")
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("errdex gen: refusing to write '../escape.py': ")
    assert f"= help: every file errdex writes must lie inside {tmp_path}" in err
