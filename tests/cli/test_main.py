"""The ``errdex`` group: "did you mean" for a mistyped command, and one exit-code rule."""

from __future__ import annotations

from cli_process import EXAMPLES, errdex


def test_a_mistyped_command_gets_a_suggestion() -> None:
    result = errdex("serch", "jwt")
    assert result.returncode == 2
    assert "did you mean 'search'" in result.stderr
    assert "Traceback" not in result.stderr


def test_exit_codes_follow_one_rule() -> None:
    assert errdex("explain", "1003", "--catalog-path", str(EXAMPLES)).returncode == 0
    assert errdex("explain", "987654", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "zzzqqq", "--catalog-path", str(EXAMPLES)).returncode == 1
    assert errdex("search", "x", "--limit", "0").returncode == 2
    assert errdex("export", "/nonexistent/errdex.toml").returncode == 2
