"""``--json`` is ``--format json`` on every command that reports, through the real entry point."""

from __future__ import annotations

import json

import pytest
from cli_process import EXAMPLES, errdex

ZAN = str(EXAMPLES / "zan" / "errdex.toml")
COMMANDS = [
    ("check", ZAN),
    ("diff", ZAN, ZAN),
    ("explain", "-32700", "--catalog-path", ZAN),
    ("search", "rate limit", "--catalog-path", ZAN),
    ("fmt", "--check", ZAN),
    ("reconcile", ZAN, "EVIDENCE"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[a[0] for a in COMMANDS])
def test_json_flag_prints_what_format_json_prints(tmp_path, args):
    evidence = tmp_path / "sent.jsonl"
    evidence.write_text('{"status": 429, "body": {"code": -32005, "message": "Rate limited"}}\n')
    args = tuple(str(evidence) if a == "EVIDENCE" else a for a in args)
    by_format = errdex(*args, "--format", "json")
    by_alias = errdex(*args, "--json")
    assert by_alias.returncode == by_format.returncode
    assert "Traceback" not in by_alias.stderr
    assert json.loads(by_alias.stdout) == json.loads(by_format.stdout)
