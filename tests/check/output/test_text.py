"""The text report: place, source line, caret, hint and summary; colour only when asked."""

from __future__ import annotations

import textwrap

from check_helpers import HEADER

from errdex.check import CheckResult, check_catalog
from errdex.check.output import text
from errdex.io import reads


def test_text_report_has_place_line_caret_hint_and_summary(result):
    out = text(result)
    assert "cat,a:log.toml:6:30: warning[W203 unknown-word]: 'rockdb' is not an English word" in out
    assert ' 6 | message = "Failed to operate rockdb: 100% down, retry."\n' in out
    assert "   | " + " " * 29 + "^\n" in out
    assert "  = help: did you mean" in out
    assert "cat,a:log.toml:10:15: error[E106 empty-text]: the description of 1 is empty" in out
    assert out.rstrip().endswith("checked 1 catalog: 2 errors, 1 warning, 0 notes")
    assert "\x1b[" not in out


def test_text_report_in_colour(body):
    catalog, _ = reads(HEADER + body)
    out = text(CheckResult(check_catalog(catalog), 1, ()), color=True)
    assert "\x1b[" in out


def test_the_caret_stands_under_the_problem_after_wide_characters():
    body = """
        [[errors]]
        code = 1
        message = "Token {age} expired."
        [errors.translations.zh-CN]
        message = "令牌 {age.x} 已过期。"
        """
    catalog, _ = reads(HEADER + textwrap.dedent(body), name="t.toml")
    (d,) = [d for d in check_catalog(catalog) if d.rule.id == "E108"]
    lines = text(CheckResult([d], 1, ())).splitlines()
    source, caret = lines[1], lines[2]
    # 令牌 are two columns each on a terminal: the caret goes under '{', not two columns early
    assert source.index("{") + 2 == caret.index("^")
    assert source.split("| ", 1)[1].startswith('message = "令牌 {age.x}')
