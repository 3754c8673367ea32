"""Templates and translations: syntax, placeholders, missing and stale translations."""

from pathlib import Path

from check_helpers import at, lint, only, places

from errdex.check import run
from errdex.model import source_hash


def test_template_syntax_errors():
    body = """
        [[errors]]
        code = 1
        message = "Token {user.name} expired"
        [[errors]]
        code = 2
        message = "Retry in {seconds:>3} s"
        [[errors]]
        code = 3
        message = "Unbalanced {brace"
        [[errors]]
        code = 4
        message = "Fine {age} and {{literal}}"
        [[errors]]
        code = 5
        message = "Index {items[0]}"
        """
    found = lint(body)
    assert places(found, "E108") == [
        at(body, "{user.name}"),
        at(body, "{seconds:>3}"),
        at(body, "{brace"),
        at(body, "{items[0]}"),
    ]
    assert "an attribute in placeholder '{user.name}'" in only(found, "E108")[0].message


def test_translation_placeholders_must_match_the_source():
    body = """
        [[errors]]
        code = 1
        message = "The token expired {age} seconds ago."
        [errors.translations.zh-CN]
        message = "令牌已于 {seconds} 秒前过期。"
        [errors.translations.fr]
        message = "Le jeton a expiré il y a {age} secondes."
        """
    found = lint(body)
    assert places(found, "E107") == [at(body, 'message = "令牌')]
    assert only(found, "E107")[0].message == (
        "the zh-CN message of 1 lacks {age} and has {seconds}, which the source message does not"
    )


def test_missing_translation_for_a_declared_locale():
    body = """
        [catalog]
        id = "t"
        default_locale = "en"
        locales = ["en", "zh-CN", "de"]
        [modules.cn]
        locale = "zh-CN"
        [[errors]]
        code = 1
        message = "Translated"
        [errors.translations.zh-CN]
        message = "已翻译"
        [errors.translations.de]
        message = "Übersetzt"
        [[errors]]
        code = 2
        message = "Not translated"
        [errors.translations.de]
        message = "Nicht übersetzt"
        [[errors]]
        code = 3
        module = "cn"
        message = "中文原文"
        [errors.translations.de]
        message = "Chinesischer Text"
        [[errors]]
        code = 4
        status = "removed"
        message = "Gone"
        [[errors]]
        code = 5
        name = "nothingToTranslate"
        description = ""
        """
    found = lint(body, header=False)
    # not required: en (the catalog's language), zh-CN for entry 3 (written in zh-CN),
    # anything for the tombstone 4 and for 5, which has no text
    assert places(found, "W301") == [at(body, "[[errors]]", 1, header=False)]
    assert [d.message for d in only(found, "W301")] == [
        "2 has no zh-CN translation, and the catalog declares locale 'zh-CN'"
    ]


def test_stale_translation():
    current = source_hash("Token expired.", None, None)
    body = f"""
        [[errors]]
        code = 1
        message = "Token expired."
        [errors.translations.de]
        message = "Token abgelaufen."
        source_hash = "{current}"
        [[errors]]
        code = 2
        message = "Token missing."
        [errors.translations.de]
        message = "Token abgelaufen."
        source_hash = "{current}"
        [[errors]]
        code = 3
        message = "No hash, never stale."
        [errors.translations.de]
        message = "Kein Hash."
        """
    found = lint(body)
    assert places(found, "W302") == [at(body, "source_hash", 1)]
    assert source_hash("Token missing.", None, None) in only(found, "W302")[0].hint


def test_a_translation_in_a_locale_file_is_reported_there_even_when_it_comes_first(tmp_path):
    # The first table of a locale file starts on the same line as its `errors`
    # parent: the diagnostic must still point into the locale file, at the message.
    (tmp_path / "modules").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "errdex.toml").write_text('[catalog]\nid = "t"\n')
    (tmp_path / "modules" / "a.toml").write_text(
        '[module]\nprefix = "A-"\n\n[[errors]]\ncode = "A-1"\nmessage = "Hi {x}."\n'
    )
    (tmp_path / "locales" / "zh-CN.toml").write_text('[errors."A-1"]\nmessage = "你好 {y}"\n')
    (d,) = [d for d in run([tmp_path]).diagnostics if d.rule.id == "E107"]
    assert (Path(d.file).name, d.line, d.col) == ("zh-CN.toml", 2, 1)
    assert d.source_line == 'message = "你好 {y}"'
