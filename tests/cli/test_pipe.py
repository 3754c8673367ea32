"""A reader that stops early: every command exits quietly with 141, never 1 (a finding)."""

from __future__ import annotations

import pytest
from cli_process import EXAMPLES, errdex_into_closed_pipe

from errdex.cli.pipe import EXIT_PIPE

ALCHEMY = str(EXAMPLES / "alchemy")
COMMANDS = [
    ("explain", "429", "--catalog-path", str(EXAMPLES)),  # rich console output
    ("search", "rate limit", "--catalog-path", str(EXAMPLES)),
    ("export", ALCHEMY, "--format", "json"),  # bytes written to stdout.buffer
    ("export", ALCHEMY, "--format", "markdown"),
    ("check", ALCHEMY),
    ("schema",),
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:3]) for a in COMMANDS])
def test_a_closed_pipe_exits_141_without_a_word(args):
    done = errdex_into_closed_pipe(*args)
    assert done.returncode == EXIT_PIPE == 141
    assert done.stderr == ""  # no traceback, no "Exception ignored", no "Aborted"
