"""Diagnostics never hand the terminal a control sequence, and long source lines are cut."""

from __future__ import annotations

from click.testing import CliRunner

from errdex.cli.main import cli
from errdex.io.terminal import clip, safe, safe_line

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil\u2066"


def test_safe_shows_every_control_visibly():
    shown = safe(HOSTILE + "\ttab\nline")
    assert not any(ch in shown for ch in "\x1b\x07\x9b\u202e\u2066")
    assert "\\x1b]0;owned\\x07" in shown and "\\u202e" in shown
    assert shown.endswith("\ttab\nline")  # TAB and LF are harmless
    assert "\n" not in safe_line("a\nb\rc\u2028d")
    assert safe("plain ascii") == "plain ascii" and safe("中文 ✓") == "中文 ✓"


def test_clip_centres_on_the_column():
    text = "a" * 1000 + "X" + "b" * 1000
    cut = clip(text, 101, around=1000)
    assert len(cut) <= 103 and "X" in cut and cut.startswith("…") and cut.endswith("…")


def test_check_echoes_source_lines_without_escapes(tmp_path):
    path = tmp_path / "errdex.toml"
    path.write_text(
        '[catalog]\nid = "t"\n\n[[errors]]\ncode = "x"\nhttp_status = "\x1b]0;owned\x07 \x1b[2J"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code in (1, 2), result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;owned" in result.output


def test_a_syntax_error_on_a_huge_line_prints_a_short_excerpt(tmp_path):
    path = tmp_path / "errdex.json"
    path.write_text('{"catalog": {"id": "t"}, "x": "' + "a" * 5_000_000 + '" !}', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code in (1, 2)
    assert len(result.output) < 2_000, len(result.output)
    assert "^" in result.output
