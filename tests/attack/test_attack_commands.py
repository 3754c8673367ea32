"""The attack suite: every hostile catalog of the corpus through every command.

Each run is in-process (click's runner) under an alarm, so a hang fails the
test instead of stalling CI. For every broken catalog, every command that
consumes a catalog must refuse it (non-zero exit) without a traceback;
``fmt --check`` and ``build`` only formats or builds what loads and must never
crash. A catalog with a finding (imperfect content, not invalid) is reported by
``check`` at its place and used by every other command. Hostile but valid
catalogs may succeed, never with a traceback, and
never with a raw terminal escape in what ``check`` prints.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from corpus import broken, findings, hostile_valid

from errdex.cli.main import cli

TIMEOUT = 30
"""Seconds one command may take on one corpus item before it counts as a hang."""

MAX_OUTPUT = 100_000
"""Most a command may print about a broken catalog: diagnostics cut long lines (a 2 MB line
must not be echoed)."""

BROKEN = list(broken())
HOSTILE = list(hostile_valid())
FINDINGS = list(findings())

REFUSING = {
    "check": ["check", "{path}"],
    "export-json": ["export", "{path}", "--format", "json"],
    "export-markdown": ["export", "{path}", "--format", "markdown"],
    "export-rst": ["export", "{path}", "--format", "rst"],
    "export-csv": ["export", "{path}", "--format", "csv"],
    "export-html": ["export", "{path}", "--format", "html"],
    "gen-python": ["gen", "{path}", "--lang", "python", "-o", "{out}"],
    "gen-go": ["gen", "{path}", "--lang", "go", "-o", "{out}"],
    "diff": ["diff", "{path}", "{path}"],
    "gen-typescript": ["gen", "{path}", "--lang", "typescript", "-o", "{out}"],
    "gen-rust": ["gen", "{path}", "--lang", "rust", "-o", "{out}"],
    "explain": ["explain", "1001", "--catalog-path", "{path}", "--no-cache"],
    "search": ["search", "hello", "--catalog-path", "{path}", "--no-cache"],
    "hash": ["hash", "{path}", "1001"],
    "conformance": ["conformance", "{path}", "-o", "{evidence}.vectors"],
    "scan": ["scan", "--catalog", "{path}", "{dir}"],
    "new": ["new", "{path}", "-m", "auth", "-n", "AttackAdded", "--message", "x"],
    "i18n-extract": ["i18n", "extract", "{path}"],
    "reconcile": ["reconcile", "{path}", "{evidence}"],
    "verify": ["verify", "{path}", "--base-url", "http://127.0.0.1:9", "--timeout", "1"],
}
"""Commands that need a usable catalog: each must refuse a broken one."""

REFUSING_TO_START = {
    "serve": ["serve", "{path}", "--port", "0", "--no-cache"],
}
"""Commands that run until stopped once started: on a broken catalog they must refuse to
start (a sound catalog would keep them serving, so only the broken corpus runs them)."""

NEEDS_CONTENT = {"new", "scan"}
"""Refusing commands whose exit also speaks of content: ``new`` names a module the attack
catalogs lack, ``scan`` reports a documented code no scanned file raises (exit 1)."""

TOLERANT = {
    "fmt": ["fmt", "--check", "{path}"],
    "build": ["build", "{dir}"],
}
"""Commands that may succeed on a catalog that is wrong in content, never crash."""


class Hang(Exception):
    """A command ran longer than :data:`TIMEOUT` seconds."""


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def ring(signum: int, frame: object) -> None:
        raise Hang(f"no answer within {seconds} s")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _write(tmp_path: Path, name: str, file_name: str, data: bytes) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    path = folder / file_name
    path.write_bytes(data)
    return path


def _run(args: list[str], path: Path, tmp_path: Path) -> tuple[int, str, BaseException | None]:
    evidence = tmp_path / "evidence.jsonl"
    if not evidence.exists():
        evidence.write_text('{"status": 500, "response": {"body": "{}"}}\n', encoding="utf-8")
    filled = [
        a.format(path=path, dir=path.parent, out=tmp_path / "out", evidence=evidence) for a in args
    ]
    with deadline(TIMEOUT):
        result = CliRunner().invoke(cli, filled)
    crash = result.exception
    if isinstance(crash, SystemExit):
        crash = None
    return result.exit_code, result.output, crash


@pytest.mark.parametrize("name,file_name,data", BROKEN, ids=[b[0] for b in BROKEN])
def test_every_command_refuses_a_broken_catalog(tmp_path, name, file_name, data):
    path = _write(tmp_path, name, file_name, data)
    accepted = []
    for command, args in {**REFUSING, **TOLERANT, **REFUSING_TO_START}.items():
        code, output, crash = _run(args, path, tmp_path)
        assert crash is None, f"{command}: {crash!r}"
        assert "Traceback" not in output, command
        assert "internal error" not in output, f"{command}: {output}"
        assert len(output) < MAX_OUTPUT, f"{command}: {len(output)} characters of output"
        if command not in TOLERANT and code == 0:
            accepted.append(command)
    assert accepted == [], f"exit 0 on a broken catalog: {accepted}"


@pytest.mark.parametrize("name,file_name,data,rule_id", FINDINGS, ids=[f[0] for f in FINDINGS])
def test_a_finding_is_reported_by_check_and_stops_no_other_command(
    tmp_path, name, file_name, data, rule_id
):
    path = _write(tmp_path, name, file_name, data)
    for command, args in {**REFUSING, **TOLERANT}.items():
        code, output, crash = _run(args, path, tmp_path)
        assert crash is None, f"{command}: {crash!r}"
        assert "Traceback" not in output, command
        assert "internal error" not in output, f"{command}: {output}"
        if command == "check":
            assert code == 1 and f"{path}:" in output and f"[{rule_id} " in output, output
            assert "= help: " in output
        elif command in REFUSING and command not in NEEDS_CONTENT:
            assert code == 0, f"{command} refused a catalog with a finding: {output}"


@pytest.mark.parametrize("name,file_name,data", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_texts_never_crash_a_command_or_reach_the_terminal_raw(
    tmp_path, name, file_name, data
):
    path = _write(tmp_path, name, file_name, data)
    for command, args in {**REFUSING, **TOLERANT}.items():
        _, output, crash = _run(args, path, tmp_path)
        assert crash is None, f"{command}: {crash!r}"
        assert "Traceback" not in output, command
        assert "internal error" not in output, f"{command}: {output}"
        if command == "check":
            assert "\x1b" not in output and "\x07" not in output


def test_the_corpus_is_big_enough():
    assert len(BROKEN) + len(HOSTILE) + len(FINDINGS) >= 150
    assert len({b[0] for b in BROKEN}) == len(BROKEN)
