"""``errdex i18n extract|update|compile`` end to end on a folder catalog."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from catalogs import HEAD
from errdex.cli.main import cli
from errdex.convert import gettext
from errdex.io import load
from errdex.model import source_hash

MAIN = (
    HEAD
    + """\
default_locale = "en"
locales = ["en", "zh-CN"]
"""
)
MODULE = """\
# the auth module
[module]
prefix = "AUTH-ERR-"

[[errors]]
code = "AUTH-ERR-0"
name = "expired"
message = "The token expired {age} seconds ago."
description = "Log in again."
"""


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    (tmp_path / "modules").mkdir()
    (tmp_path / "errdex.toml").write_text(MAIN, encoding="utf-8")
    (tmp_path / "modules" / "auth.toml").write_text(MODULE, encoding="utf-8")
    return tmp_path


def translate(po_path: Path, strings: dict[str, str]) -> None:
    """What a translator does: fill msgstr (and clear fuzzy) in the .po."""
    with po_path.open("rb") as fh:
        po = read_po(fh)
    for message in po:
        if message.context in strings:
            message.string = strings[message.context]
            message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, po, include_previous=True)
    po_path.write_bytes(buffer.getvalue())


ZH = {
    "app:AUTH-ERR-0:message": "令牌已于 {age} 秒前过期。",
    "app:AUTH-ERR-0:description": "请重新登录。",
}


def test_extract_prints_a_template(shop):
    result = run("i18n", "extract", str(shop))
    assert result.exit_code == 0
    assert 'msgctxt "app:AUTH-ERR-0:message"' in result.stdout
    assert "#: modules/auth.toml:8" in result.stdout
    assert "#, python-brace-format" in result.stdout


def test_update_translate_compile_round_trip(shop):
    result = run("i18n", "update", str(shop), "--locale", "zh-CN")
    assert result.exit_code == 0, result.output
    po_path = shop / "i18n" / "zh-CN.po"
    assert "2 new" in result.stderr
    translate(po_path, ZH)
    result = run("i18n", "compile", str(shop))
    assert result.exit_code == 0, result.output
    assert "1 entries translated" in result.stderr
    tr = load(shop).get("AUTH-ERR-0").translations["zh-CN"]
    assert tr.message == "令牌已于 {age} 秒前过期。"
    assert tr.description == "请重新登录。"
    assert tr.source_hash == source_hash(
        "The token expired {age} seconds ago.", "Log in again.", None
    )
    # a second update changes nothing
    before = po_path.read_bytes()
    result = run("i18n", "update", str(shop), "-l", "zh-CN")
    assert "up to date" in result.stderr
    assert po_path.read_bytes() == before


def test_changed_source_is_fuzzy_in_po_and_stale_in_check(shop):
    run("i18n", "update", str(shop), "-l", "zh-CN")
    translate(shop / "i18n" / "zh-CN.po", ZH)
    run("i18n", "compile", str(shop))
    auth = shop / "modules" / "auth.toml"
    auth.write_text(MODULE.replace("Log in again.", "Sign in again."), encoding="utf-8")
    # the catalog keeps the old translation: its hash no longer matches (check: W302)
    tr = load(shop).get("AUTH-ERR-0").translations["zh-CN"]
    assert tr.source_hash != source_hash(
        "The token expired {age} seconds ago.", "Sign in again.", None
    )
    stale = run("check", str(shop))
    assert "W302" in stale.output
    result = run("i18n", "update", str(shop), "-l", "zh-CN")
    assert "1 changed (fuzzy)" in result.stderr
    po_path = shop / "i18n" / "zh-CN.po"
    text = po_path.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid "Log in again."\nmsgctxt "app:AUTH-ERR-0:description"' in text
    # a second update keeps the old source for the translator (Babel's reader alone drops it)
    assert "up to date" in run("i18n", "update", str(shop), "-l", "zh-CN").stderr
    assert po_path.read_text(encoding="utf-8") == text
    po = gettext.read_po_file(po_path, "zh-CN")
    (changed,) = [m for m in po if m.context == "app:AUTH-ERR-0:description"]
    assert changed.fuzzy and changed.previous_id == ["Log in again."]
    assert (changed.id, changed.string) == ("Sign in again.", "请重新登录。")
    # compile leaves the stale translation alone until the fuzzy one is reviewed
    run("i18n", "compile", str(shop))
    assert load(shop).get("AUTH-ERR-0").translations["zh-CN"] == tr
    translate(shop / "i18n" / "zh-CN.po", {"app:AUTH-ERR-0:description": "请再次登录。"})
    run("i18n", "compile", str(shop))
    fresh = load(shop).get("AUTH-ERR-0").translations["zh-CN"]
    assert fresh.description == "请再次登录。"
    assert fresh.source_hash == source_hash(
        "The token expired {age} seconds ago.", "Sign in again.", None
    )
    assert "W302" not in run("check", str(shop)).output


def test_compile_refuses_a_single_file_catalog(tmp_path):
    single = tmp_path / "shop.toml"
    single.write_text(MAIN, encoding="utf-8")
    result = run("i18n", "compile", str(single))
    assert result.exit_code == 2
    assert "is a single file" in result.stderr
    assert "shop/errdex.toml" in result.stderr


def test_compile_refuses_to_translate_an_entry_twice(shop):
    inline = MODULE + '\n[errors.translations.zh-CN]\nmessage = "令牌已于 {age} 秒前过期。"\n'
    (shop / "modules" / "auth.toml").write_text(inline, encoding="utf-8")
    assert run("i18n", "update", str(shop), "-l", "zh-CN").exit_code == 0
    result = run("i18n", "compile", str(shop), "-l", "zh-CN")
    assert result.exit_code == 2
    assert "modules/auth.toml:11:1: 'AUTH-ERR-0' has an inline zh-CN translation" in result.stderr
    assert not (shop / "locales").exists()


def test_broken_po_is_a_clear_error(shop):
    (shop / "i18n").mkdir()
    (shop / "i18n" / "zh-CN.po").write_text('msgid "x"\nfoo bar\n', encoding="utf-8")
    result = run("i18n", "compile", str(shop))
    assert result.exit_code == 2
    assert "zh-CN.po" in result.stderr
    assert "Traceback" not in result.output


def test_a_missing_po_or_catalog_is_named_with_the_way_out(shop, tmp_path):
    result = run("i18n", "compile", str(shop), "-l", "fr")
    assert result.exit_code == 2
    assert "no such file: " in result.stderr and "fr.po" in result.stderr
    assert "errdex i18n update CATALOG --locale fr" in result.stderr
    result = run("i18n", "compile", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no such folder:" in result.stderr
    assert "single file" not in result.stderr


def test_an_unclosed_string_in_a_po_is_refused_not_dropped(shop):
    assert run("i18n", "update", str(shop), "-l", "zh-CN").exit_code == 0
    po_path = shop / "i18n" / "zh-CN.po"
    translate(po_path, ZH)
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(text.replace('"请重新登录。"', '"请重新登录。'), encoding="utf-8")
    result = run("i18n", "compile", str(shop))
    assert result.exit_code == 2
    assert "zh-CN.po:" in result.stderr and "the string is not closed" in result.stderr
    assert not (shop / "locales").exists()


def test_update_and_compile_report_as_json(shop):
    import orjson

    result = run("i18n", "update", str(shop), "--locale", "zh-CN", "--json")
    assert result.exit_code == 0, result.output
    (one,) = orjson.loads(result.stdout)["locales"]
    assert one["locale"] == "zh-CN" and one["written"] is True and one["added"] == 2
    translate(shop / "i18n" / "zh-CN.po", ZH)
    result = run("i18n", "compile", str(shop), "--format", "json")
    assert result.exit_code == 0, result.output
    (done,) = orjson.loads(result.stdout)["locales"]
    assert done["translated"] == 1 and done["written"] is True


HOSTILE_TOML = """\
[catalog]
id = "evil"

[spaces.app]
kind = "app"

[[errors]]
code = 1
name = "badToken"
message = "Token \\u001b]0;pwned\\u0007 {who}"
description = "abc \\u202e reversed"
params = { who = { type = "str" } }
"""


def _hostile(tmp_path: Path) -> Path:
    path = tmp_path / "evil.toml"
    path.write_text(HOSTILE_TOML, encoding="utf-8")
    return path


def test_extract_on_a_terminal_shows_controls_as_visible_escapes(tmp_path: Path) -> None:
    from cli_process import errdex_on_a_terminal

    code, out, err = errdex_on_a_terminal("i18n", "extract", str(_hostile(tmp_path)))
    assert code == 0, err
    text = out.decode("utf-8")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\x1b]0;pwned\\x07" in text and "\\u202e reversed" in text
    code, out, err = errdex_on_a_terminal("i18n", "extract", str(_hostile(tmp_path)), "--json")
    assert code == 0, err
    assert "\u202e" not in out.decode("utf-8") and "\\u202e reversed" in out.decode("utf-8")


def test_extract_into_a_pipe_or_a_file_keeps_the_template_byte_exact(tmp_path: Path) -> None:
    from cli_process import errdex as process

    catalog = _hostile(tmp_path)
    piped = process("i18n", "extract", str(catalog))
    assert piped.returncode == 0, piped.stderr
    assert "\u202e reversed" in piped.stdout and "\x07" in piped.stdout  # gettext's data
    pot = tmp_path / "evil.pot"
    written = process("i18n", "extract", str(catalog), "-o", str(pot))
    assert written.returncode == 0, written.stderr
    assert pot.read_text(encoding="utf-8") == piped.stdout
