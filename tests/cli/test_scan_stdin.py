"""``errdex scan`` with ``-``: the catalog or one source from standard input, named ``<stdin>``."""

from __future__ import annotations

import json

from cli_process import EXAMPLES, errdex

CATALOG = EXAMPLES / "zan" / "errdex.toml"


def test_a_source_on_stdin_is_scanned_and_named_stdin():
    done = errdex("scan", "-c", str(CATALOG), "-", stdin=b"def f():\n    raise error(-99999)\n")
    assert done.returncode == 1
    assert "<stdin>:2:17: error[S001 undocumented-code]" in done.stdout
    assert "errdex-stdin-" not in done.stdout + done.stderr
    assert "scanned 1 files: 1 uses of 1 codes" in done.stderr


def test_stdin_filename_picks_the_reader():
    go = b"package x\nfunc f() { Err(-32700) }\n"
    done = errdex("scan", "-c", str(CATALOG), "--stdin-filename", "main.go", "-", stdin=go)
    assert "1 .go files not scanned" in done.stderr


def test_the_catalog_on_stdin_is_named_stdin_in_every_format(tmp_path):
    source = tmp_path / "a.py"
    source.write_text("def f():\n    raise error(-32700)\n")
    text = errdex("scan", "-c", "-", str(source), stdin=CATALOG.read_bytes())
    assert text.returncode == 1
    assert "<stdin>:" in text.stdout and "errdex-stdin-" not in text.stdout
    as_json = errdex("scan", "-c", "-", str(source), "--format", "json", stdin=CATALOG.read_bytes())
    files = {d["file"] for d in json.loads(as_json.stdout)["diagnostics"]}
    assert files == {"<stdin>"}


def test_stdin_as_both_catalog_and_source_is_a_usage_error():
    done = errdex("scan", "-c", "-", "-", stdin=CATALOG.read_bytes())
    assert done.returncode == 2
    assert "not both" in done.stderr
    assert "Traceback" not in done.stderr
