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
