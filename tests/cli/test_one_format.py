"""One diagnostic format and one exit-code rule: every command reports a broken catalog alike.

Through the real entry point: the same broken file given to each command that
reads a catalog prints the same ``errdex check`` block on stderr (place,
``severity[RULE slug]``, source line, caret, ``= help:``), nothing on stdout,
no traceback; ``check`` exits 1 (a finding is its job), the others 2.
"""

from __future__ import annotations

import re

import pytest
from cli_process import EXAMPLES, errdex

BROKEN = '[catalog]\nid = "x\n'
HEADER = "bad.toml:2:8: error[E001 syntax]: invalid TOML"
BLOCK = re.compile(
    r"^bad\.toml:2:8: error\[E001 syntax\]: .+\n 2 \| id = \"x\n   \|        \^\n  = help: .+$",
    re.MULTILINE,
)

COMMANDS = [
    (("fmt", "bad.toml"), 2),
    (("fmt", "--check", "bad.toml"), 2),
    (("export", "bad.toml", "--format", "json"), 2),
    (("gen", "bad.toml", "--lang", "go"), 2),
    (("build", "bad.toml"), 2),
    (("hash", "bad.toml", "1"), 2),
    (("diff", "bad.toml", "bad.toml"), 2),
    (("explain", "1", "--catalog-path", "bad.toml"), 2),
    (("scan", "-c", "bad.toml", "bad.toml"), 2),
]


def test_check_prints_the_block_and_exits_1(tmp_path):
    (tmp_path / "bad.toml").write_text(BROKEN)
    done = errdex("check", "bad.toml", cwd=tmp_path)
    assert done.returncode == 1
    assert BLOCK.search(done.stdout), done.stdout


@pytest.mark.parametrize(("args", "code"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_every_command_prints_checks_block_on_stderr(tmp_path, args, code):
    (tmp_path / "bad.toml").write_text(BROKEN)
    done = errdex(*args, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert BLOCK.search(done.stderr), done.stderr
    assert "Traceback" not in done.stderr
    assert " hint: " not in done.stderr  # the old one-line form is gone
    if args[0] != "explain":  # explain goes on without the catalog and says so
        assert HEADER not in done.stdout


def test_a_refusal_without_a_place_gives_its_fix_as_help():
    zan = EXAMPLES / "zan" / "errdex.toml"
    done = errdex("hash", str(zan), "1")
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "errdex hash: catalog 'zan' has no error '1'",
        "  = help: pass a code or a name of an entry of this catalog",
    ]


def _refusals():
    """(args, files to make, the expected last lines of stderr) of refusals with no place."""
    return [
        (
            ("export", "bad.toml"),
            [
                "errdex export: cannot load bad.toml",
                "  = help: fix the errors above (errdex check bad.toml)",
            ],
        ),
        (
            ("build", str(EXAMPLES / "zan"), "--site", "full"),
            [
                "errdex build: cannot write the site: full is a folder with other files in it; "
                "give an empty or new folder",
                "  = help: give --site a new or empty folder (or an earlier site's)",
            ],
        ),
        (
            ("explain", "1", "--catalog-path", "nothing"),
            [
                "errdex explain: no catalogs to look in (from arguments)",
                "  = help: pass --catalog-path PATH or set ERRDEX_CATALOGS",
            ],
        ),
        (
            ("serve", str(EXAMPLES / "zan"), "--host", "999.1.1.1"),
            ["  = help: choose another --host"],
        ),
        (
            ("verify", str(EXAMPLES / "zan"), "--base-url", "http://x", "--app", "a:b"),
            [
                "errdex verify: give --base-url or --app, not both",
                "  = help: --base-url for a running service, --app for an ASGI or WSGI app "
                "in this process",
            ],
        ),
        (
            ("reconcile", str(EXAMPLES / "zan"), "absent.log"),
            [
                "errdex reconcile: absent.log: not a readable file",
                "  = help: give log, OTLP, HAR or dump files",
            ],
        ),
        (
            ("scan", "-c", str(EXAMPLES / "zan"), "nope.py"),
            [
                "errdex scan: no such file or folder: nope.py",
                "  = help: give source files or folders, or - for standard input",
            ],
        ),
    ]


@pytest.mark.parametrize(("args", "tail"), _refusals(), ids=lambda v: " ".join(v)[:40])
def test_a_refusal_names_the_command_and_gives_its_fix(tmp_path, args, tail):
    (tmp_path / "bad.toml").write_text(BROKEN)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "mine.txt").write_text("keep me")
    (tmp_path / "nothing").mkdir()
    done = errdex(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-len(tail) :] == tail
    assert not any(line.startswith("errdex: ") for line in lines)
    assert "Traceback" not in done.stderr


def test_serve_names_the_host_it_cannot_resolve():
    done = errdex("serve", str(EXAMPLES / "zan"), "--host", "999.1.1.1")
    assert done.returncode == 2
    first, hint = done.stderr.splitlines()[-2:]
    assert first.startswith("errdex serve: cannot resolve host '999.1.1.1': ")
    assert hint == "  = help: choose another --host" and "--port" not in done.stderr
