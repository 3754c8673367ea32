"""``-`` for a catalog path: the catalog is read from standard input (``python -m errdex``)."""

from __future__ import annotations

import orjson
import pytest
from cli_process import EXAMPLES, errdex

from errdex.cli.stdin import _guess, display, resolve


def test_dash_reads_the_catalog_from_stdin() -> None:
    text = (EXAMPLES / "alchemy" / "errdex.toml").read_bytes()
    checked = errdex("check", "-", stdin=text)
    assert checked.returncode in (0, 1) and "<stdin>" in checked.stdout + checked.stderr
    exported = errdex("export", "-", "--format", "json", stdin=text)
    assert orjson.loads(exported.stdout)["catalog"]["id"] == "alchemy"
    assert errdex("hash", "-", "1", stdin=text).stdout.strip()
    explained = errdex("explain", "102", "--catalog-path", "-", stdin=text)
    assert "Gas too low" in explained.stdout
    formatted = errdex("fmt", "-", stdin=text)
    assert formatted.returncode == 0 and formatted.stdout == text.decode()


def test_fmt_dash_prints_the_formatted_text_and_check_exits_1() -> None:
    messy = (
        b'[catalog]\nid = "x"\n\n[spaces.app]\nkind = "app"\n\n'
        b'[[errors]]\nmessage = "Hi."\ncode = 1\n'
    )
    checked = errdex("fmt", "--check", "-", stdin=messy)
    assert checked.returncode == 1 and "<stdin> would be reformatted" in checked.stderr
    out = errdex("fmt", "-", stdin=messy)
    assert out.returncode == 0 and out.stdout.index("code = 1") < out.stdout.index("message")


def test_bad_stdin_is_a_located_diagnostic_exit_2() -> None:
    result = errdex("export", "-", "--format", "json", stdin=b"[catalog\nid=1\n")
    assert result.returncode == 2
    assert result.stderr.startswith("<stdin>:1:") and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"catalog": {"id": "x"}}', "json"),
        ('\ufeff  {"catalog": {}}', "json"),
        ('[catalog]\nid = "x"\n', "toml"),
        ("[catalog\nid = 'broken'\n", "toml"),  # broken TOML still looks like TOML
        ("catalog:\n  id: x\n", "yaml"),
    ],
)
def test_the_format_of_standard_input_is_guessed_from_its_text(text: str, kind: str) -> None:
    assert _guess(text) == kind


def test_a_path_other_than_dash_is_itself_and_text_is_unchanged_before_stdin_is_read() -> None:
    assert resolve("errdex.toml") == "errdex.toml"
    assert display("errdex.toml:1:1: bad") == "errdex.toml:1:1: bad"


C1 = b"""[catalog]
id = "c1"

[modules.auth]
prefix = "AUTH-"
http_status = 401

[[errors]]
code = "AUTH-1"
name = "badToken"
module = "auth"
message = "Bad token"
"""


def test_new_dash_prints_the_updated_catalog_and_reports_stdin() -> None:
    added = errdex("new", "-", "-m", "auth", "-n", "fresh", "--message", "Fresh", stdin=C1)
    assert added.returncode == 0, added.stderr
    assert added.stdout == C1.decode() + (
        '\n[[errors]]\ncode = "AUTH-2"\nname = "fresh"\nmodule = "auth"\nmessage = "Fresh"\n'
    )
    assert added.stderr == "added AUTH-2 (fresh) to <stdin>:14\n"
    again = errdex("check", "-", stdin=added.stdout.encode())
    assert again.returncode == 0, again.stdout
    as_json = errdex("new", "-", "-m", "auth", "-n", "fresh", "--message", "F", "--json", stdin=C1)
    report = orjson.loads(as_json.stdout)
    assert report["path"] == "<stdin>" and report["written"] is False
    assert report["toml"].startswith(C1.decode()) and 'code = "AUTH-2"' in report["toml"]
    dry = errdex("new", "-", "-m", "auth", "-n", "x", "--message", "X", "--dry-run", stdin=C1)
    assert dry.stdout.startswith("# would add AUTH-2 to <stdin>:14\n")


def test_no_command_shows_the_temporary_file_of_stdin() -> None:
    text = (EXAMPLES / "alchemy" / "errdex.toml").read_bytes()
    other = str(EXAMPLES / "alchemy" / "errdex.toml")
    diffed = errdex("diff", "-", other, stdin=text)
    assert diffed.stdout.startswith(f"errdex diff <stdin> -> {other}\n"), diffed.stdout
    as_json = errdex(
        "diff", "-", other, "--json", stdin=(EXAMPLES / "zan/errdex.toml").read_bytes()
    )
    assert orjson.loads(as_json.stdout)["old"] == "<stdin>"
    binary = errdex("check", "-", stdin=b"\x00\x01\xff\xfe[\x80")
    assert binary.returncode == 2
    assert "errdex check: no catalog at <stdin>" in binary.stderr
    broken = errdex("diff", "-", other, stdin=b"\xff\xfe")
    assert "errdex diff: cannot load OLD catalog <stdin>" in broken.stderr
    extracted = errdex("i18n", "extract", "-", stdin=text)
    assert "#: <stdin>:" in extracted.stdout and "stdin.toml" not in extracted.stdout
    for done in (diffed, as_json, binary, broken, extracted):
        assert "errdex-stdin-" not in done.stdout + done.stderr


def test_i18n_update_of_stdin_needs_the_po_folder(tmp_path) -> None:
    text = (EXAMPLES / "zan" / "errdex.toml").read_bytes()
    refused = errdex("i18n", "update", "-", "-l", "zh-CN", stdin=text, cwd=tmp_path)
    assert refused.returncode == 2 and not (tmp_path / "i18n").exists()
    assert refused.stderr.splitlines() == [
        "errdex i18n: a catalog read from standard input has no folder for its .po files",
        "  = help: name the folder of the .po files with -d DIR",
    ]
    done = errdex("i18n", "update", "-", "-l", "zh-CN", "-d", str(tmp_path / "po"), stdin=text)
    assert done.returncode == 0, done.stderr
    assert "#: <stdin>:" in (tmp_path / "po" / "zh-CN.po").read_text(encoding="utf-8")


@pytest.mark.parametrize("empty", [b"", b"\n  \n", b"# only a comment\n"])
def test_fmt_dash_refuses_what_check_dash_refuses_no_catalog_at_all(empty: bytes) -> None:
    checked = errdex("check", "-", stdin=empty)
    assert checked.returncode == 1 and "error[E004 missing-field]" in checked.stdout
    for args in (("fmt", "-"), ("fmt", "--check", "-")):
        formatted = errdex(*args, stdin=empty)
        assert formatted.returncode == 2
        assert formatted.stdout == ""
        assert formatted.stderr.startswith(
            "<stdin>:1:1: error[E004 missing-field]: the catalog has no [catalog] table\n"
        )


@pytest.mark.parametrize("given", [b"", b"[catalog\n"])
def test_fmt_dash_refuses_a_catalog_it_cannot_load_in_the_words_of_export(
    given: bytes,
) -> None:
    tails = {}
    for command in ("fmt", "export"):
        done = errdex(command, "-", stdin=given)
        assert done.returncode == 2, command
        assert done.stderr.startswith("<stdin>:1:"), command
        tails[command] = done.stderr.splitlines()[-2:]
    assert tails["fmt"] == [
        "errdex fmt: cannot load <stdin>",
        "  = help: fix the errors above (errdex check -)",
    ]
    assert tails["export"] == [line.replace("fmt", "export") for line in tails["fmt"]]


def test_fmt_dash_json_reports_stdin_with_the_formatted_text() -> None:
    messy = b'[catalog]\nid="x"\n'
    done = errdex("fmt", "-", "--json", stdin=messy)
    assert done.returncode == 0, done.stderr
    report = orjson.loads(done.stdout)
    assert report["files"] == [
        {"path": "<stdin>", "status": "reformatted", "text": '[catalog]\nid = "x"\n'}
    ]
    assert report["summary"] == {"changed": 1, "unchanged": 0, "failed": 0}
    checked = errdex("fmt", "--check", "-", "--json", stdin=messy)
    assert checked.returncode == 1
    assert orjson.loads(checked.stdout)["files"] == [
        {"path": "<stdin>", "status": "would-reformat"}
    ]
    empty = errdex("fmt", "-", "--json", stdin=b"")
    assert empty.returncode == 2
    (entry,) = orjson.loads(empty.stdout)["files"]
    assert entry["status"] == "failed" and entry["diagnostics"][0]["rule"] == "E004"
    assert entry["diagnostics"][0]["file"] == "<stdin>"


def test_fmt_dash_with_other_paths_is_bad_usage(tmp_path) -> None:
    done = errdex("fmt", "-", str(tmp_path), stdin=b'[catalog]\nid = "x"\n')
    assert done.returncode == 2
    assert done.stderr.startswith("errdex fmt: '-' (standard input) is the only catalog")
