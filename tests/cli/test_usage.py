"""Bad usage in the project's refusal format: ``errdex COMMAND: message`` and ``= help:``.

Through the real entry point: click's ``Usage: … Error: …`` banner is gone from
every usage error, the exit code stays 2, and a mistyped choice gets "did you mean".
"""

from __future__ import annotations

import pytest
from cli_process import EXAMPLES, errdex

ZAN = str(EXAMPLES / "zan")
CASES = [
    (
        ("explain", ""),
        "errdex explain: CODE is empty: give a code, a hex number or a name (e.g. 1003)",
        "  = help: run 'errdex explain --help' for the options",
    ),
    (
        ("search", "--limit", "0", "x"),
        "errdex search: invalid value for '--limit': 0 is not in the range 1<=x<=100",
        "  = help: run 'errdex search --help' for the options",
    ),
    (
        ("export", ZAN, "--format", "mardown"),
        "errdex export: invalid value for '--format': 'mardown' is not one of 'json', "
        "'markdown', 'myst', 'rst', 'csv', 'html', 'openapi'; did you mean 'markdown'?",
        "  = help: run 'errdex export --help' for the options",
    ),
    (
        ("conformance", "run", ZAN),
        "errdex conformance run: missing option '--lang'; "
        "choose from: python, typescript, go, rust",
        "  = help: run 'errdex conformance run --help' for the options",
    ),
    (
        ("check", "--bogus"),
        "errdex check: no such option '--bogus'",
        "  = help: run 'errdex check --help' for the options",
    ),
    (
        ("search", "--retryabel", "x"),
        "errdex search: no such option '--retryabel'; "
        "did you mean '--no-retryable' or '--retryable'?",
        "  = help: run 'errdex search --help' for the options",
    ),
    (
        ("--colr", "never", "check", ZAN),
        "errdex: no such option '--colr'; did you mean '--color'?",
        "  = help: run 'errdex --help' for the commands",
    ),
    (
        ("serch", "jwt"),
        "errdex: no such command 'serch'; did you mean 'search' or 'serve'?",
        "  = help: run 'errdex --help' for the commands",
    ),
    (
        ("export",),
        "errdex export: missing argument 'PATH'",
        "  = help: run 'errdex export --help' for the options",
    ),
]


@pytest.mark.parametrize(("args", "line", "hint"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_is_a_refusal_with_help(args, line, hint):
    done = errdex(*args)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [line, hint]
    assert done.stdout == ""


def test_a_mistyped_choice_of_a_subcommand_gets_did_you_mean():
    done = errdex("diff", ZAN, ZAN, "--format", "mardown")
    assert done.returncode == 2
    assert "did you mean 'markdown'?" in done.stderr.splitlines()[0]
    far = errdex("check", ZAN, "--format", "qqqq")
    assert far.returncode == 2 and "did you mean" not in far.stderr


def test_an_empty_path_keeps_its_own_fix():
    done = errdex("fmt", "")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "errdex fmt: the catalog path (PATHS) is empty (an unset shell variable?)",
        "  = help: give a catalog file or folder, or . for the current folder",
    ]


def test_help_and_version_still_exit_0():
    assert errdex("--version").returncode == 0
    helped = errdex("check", "--help")
    assert helped.returncode == 0 and helped.stdout.startswith("Usage: errdex check")
    bare = errdex()
    assert bare.returncode == 2 and "Commands:" in bare.stdout + bare.stderr


def test_the_groups_own_color_choice_gets_did_you_mean_too():
    done = errdex("--color", "alwyas", "check", ZAN)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "errdex: invalid value for '--color': 'alwyas' is not one of 'auto', 'always', 'never'; "
        "did you mean 'always'?"
    )
