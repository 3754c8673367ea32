"""W210: a code whose permalink no static host can serve from folders."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from check_helpers import at, lint, only, places

from catalogs import ODD


def test_codes_that_decode_to_steps_or_slashes_are_found_at_their_code() -> None:
    body = """
        docs_url = "https://e.example.com/t/{code}"
        [[errors]]
        code = "A/B"
        [[errors]]
        code = "../../etc"
        [[errors]]
        code = ".."
        [[errors]]
        code = "a\\\\b"
        [[errors]]
        code = "%2e%2e"
        [[errors]]
        code = "Q?x=1#frag"
        [[errors]]
        code = "OK-1"
        """
    found = lint(body)
    assert places(found, "W210") == [
        at(body, 'code = "A/B"'),
        at(body, 'code = "../../etc"'),
        at(body, 'code = ".."'),
        at(body, 'code = "a'),
    ]
    slash, steps, dots, backslash = only(found, "W210")
    assert slash.severity == "warning"
    assert "/t/A%2FB" in slash.message and "'A/B' holds '/'" in slash.message
    assert "'../../etc' holds '/'" in steps.message
    assert "'..' is a step up or in place" in dots.message
    assert backslash.message.endswith("holds '\\'")
    assert "errdex build --site" in slash.hint and "docs_url" in slash.hint


def test_without_a_template_the_default_path_is_checked_and_an_own_url_is_pointed_at() -> None:
    body = """
        [[errors]]
        code = "A/B"
        [[errors]]
        code = "A/C"
        docs_url = "https://e.example.com/ok/A-C"
        [[errors]]
        code = 3
        docs_url = "https://e.example.com/../x"
        [[errors]]
        code = "LONG"
        docs_url = "https://e.example.com/%s"
        """ % ("é" * 101)
    found = lint(body)
    assert places(found, "W210") == [
        at(body, 'code = "A/B"'),
        at(body, 'docs_url = "https://e.example.com/../x"'),
        at(body, 'docs_url = "https://e.example.com/' + "é"),
    ]
    default, steps, long = only(found, "W210")
    assert "/t/app/A%2FB" in default.message
    assert "its part '..' is a step up or in place" in steps.message
    assert "is longer than 200 bytes" in long.message


def test_errdex_check_warns_and_exits_0_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "errdex.toml").write_text(ODD, encoding="utf-8")
    run = [sys.executable, "-m", "errdex", "check", str(tmp_path)]
    plain = subprocess.run(run, capture_output=True, text=True)
    strict = subprocess.run([*run, "--strict"], capture_output=True, text=True)
    out = plain.stdout + plain.stderr
    assert plain.returncode == 0 and strict.returncode == 1, out
    assert out.count("warning[W210 static-permalink]") == 2
    line = ODD.splitlines().index('code = "A/B"') + 1
    assert f"{tmp_path / 'errdex.toml'}:{line}:1: warning[W210" in out
    assert "= help: errdex serve serves it" in out
