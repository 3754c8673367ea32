"""``-`` for a catalog path: the catalog is read from standard input (``python -m errdex``)."""

from __future__ import annotations

import orjson
from cli_process import EXAMPLES, errdex


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
