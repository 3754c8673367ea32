"""The gettext workflow: template, merge and compile, read back by Babel and msgfmt."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from catalogs import HEAD
from errdex.convert import gettext
from errdex.io import load
from errdex.model import source_hash

CATALOG = (
    HEAD
    + """\
default_locale = "en"
locales = ["en", "zh-CN"]

[modules.auth]
prefix = "AUTH-ERR-"

[[errors]]
code = "AUTH-ERR-0"
module = "auth"
name = "expired"
message = "The token expired {age} seconds ago."
description = "Log in again."

[[errors]]
code = "AUTH-ERR-1"
module = "auth"
name = "revoked"
message = "Log in again."
description = ""

[[errors]]
code = "AUTH-ERR-2"
module = "auth"
name = "old"
message = "Old."
status = "removed"

[[errors]]
code = "AUTH-ERR-3"
module = "auth"
name = "chinese"
locale = "zh-CN"
message = "已写成中文。"
"""
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "errdex.toml").write_text(CATALOG, encoding="utf-8")
    return tmp_path


def messages(po) -> dict[str, tuple[str, str, bool]]:
    return {m.context: (m.id, m.string, m.fuzzy) for m in po if m.id}


def test_template_has_one_message_per_text_with_context_and_location(folder):
    cat = load(folder)
    po = gettext.template(cat)
    got = messages(po)
    # identical texts stay distinct through their context; empty and removed texts are left out
    assert set(got) == {
        "app:AUTH-ERR-0:message",
        "app:AUTH-ERR-0:description",
        "app:AUTH-ERR-1:message",
        "app:AUTH-ERR-3:message",
    }
    assert got["app:AUTH-ERR-0:description"][0] == got["app:AUTH-ERR-1:message"][0]
    lines = CATALOG.splitlines()
    for message in po:
        if message.id:
            ((file, line),) = message.locations
            assert file == "errdex.toml"
            assert message.id in lines[line - 1]
    flagged = {m.context for m in po if "python-brace-format" in m.flags}
    assert flagged == {"app:AUTH-ERR-0:message"}


def test_template_for_a_locale_skips_entries_written_in_it(folder):
    po = gettext.template(load(folder), "zh-CN")
    assert "app:AUTH-ERR-3:message" not in messages(po)


def test_po_round_trips_through_babels_reader(folder):
    po, _ = gettext.merge(None, load(folder), "zh-CN")
    for message in po:
        if message.context == "app:AUTH-ERR-0:message":
            message.string = "令牌已于 {age} 秒前过期。"
    again = read_po(io.BytesIO(gettext.po_bytes(po)))
    assert messages(again) == messages(po)
    assert again.locale_identifier == "zh_CN"


def test_changed_source_becomes_fuzzy_with_the_previous_msgid(folder):
    cat = load(folder)
    po, _ = gettext.merge(None, cat, "zh-CN")
    for message in po:
        if message.context == "app:AUTH-ERR-0:description":
            message.string = "请重新登录。"
    changed = CATALOG.replace('description = "Log in again."', 'description = "Sign in again."')
    added = '\n[[errors]]\ncode = "AUTH-ERR-4"\nmodule = "auth"\nmessage = "New."\n'
    (folder / "errdex.toml").write_text(changed + added, encoding="utf-8")
    reread = read_po(io.BytesIO(gettext.po_bytes(po)))
    merged, report = gettext.merge(reread, load(folder), "zh-CN")
    text = gettext.po_bytes(merged).decode()
    got = messages(merged)
    assert got["app:AUTH-ERR-0:description"] == ("Sign in again.", "请重新登录。", True)
    assert '#| msgid "Log in again."' in text
    assert got["app:AUTH-ERR-4:message"] == ("New.", "", False)
    assert report.changed == 1 and report.added == 1


def test_vanished_entry_becomes_obsolete(folder):
    po, _ = gettext.merge(None, load(folder), "zh-CN")
    (folder / "errdex.toml").write_text(
        CATALOG.split('[[errors]]\ncode = "AUTH-ERR-1"')[0], encoding="utf-8"
    )
    merged, report = gettext.merge(po, load(folder), "zh-CN")
    assert report.obsolete == 1  # AUTH-ERR-3 is written in zh-CN: never in zh-CN.po
    assert '#~ msgctxt "app:AUTH-ERR-1:message"' in gettext.po_bytes(merged).decode()


def test_new_po_is_seeded_from_catalog_translations_stale_ones_fuzzy(folder):
    current = source_hash("The token expired {age} seconds ago.", "Log in again.", None)
    text = CATALOG.replace(
        'description = "Log in again."\n',
        'description = "Log in again."\n\n[errors.translations.zh-CN]\n'
        f'message = "令牌已于 {{age}} 秒前过期。"\ndescription = "请重新登录。"\n'
        f'source_hash = "{current}"\n',
    ).replace(
        'message = "Log in again."\ndescription = ""\n',
        'message = "Log in again."\ndescription = ""\n\n[errors.translations.zh-CN]\n'
        'message = "旧译文。"\nsource_hash = "000000000000"\n',
    )
    (folder / "errdex.toml").write_text(text, encoding="utf-8")
    po, report = gettext.merge(None, load(folder), "zh-CN")
    got = messages(po)
    assert got["app:AUTH-ERR-0:message"] == (
        "The token expired {age} seconds ago.",
        "令牌已于 {age} 秒前过期。",
        False,
    )
    assert got["app:AUTH-ERR-1:message"] == ("Log in again.", "旧译文。", True)
    assert report.seeded == 3


def test_compile_writes_complete_current_translations_with_the_source_hash(folder):
    cat = load(folder)
    po, _ = gettext.merge(None, cat, "zh-CN")
    strings = {
        "app:AUTH-ERR-0:message": "令牌已于 {age} 秒前过期。",
        "app:AUTH-ERR-0:description": "请重新登录。",
        "app:AUTH-ERR-1:message": "请重新登录 {oops}。",  # placeholder not in the source
    }
    for message in po:
        if message.context in strings:
            message.string = strings[message.context]
    translations, report = gettext.compile_translations(po, cat, "zh-CN")
    assert list(translations) == [0]
    tr = translations[0]
    assert tr.message == "令牌已于 {age} 秒前过期。"
    assert tr.source_hash == source_hash(
        "The token expired {age} seconds ago.", "Log in again.", None
    )
    assert report.bad_placeholders == ("app:AUTH-ERR-1:message",)


def test_compile_skips_fuzzy_partial_and_outdated_messages(folder):
    cat = load(folder)
    po, _ = gettext.merge(None, cat, "zh-CN")
    for message in po:
        if message.context == "app:AUTH-ERR-0:message":
            message.string = "令牌已于 {age} 秒前过期。"  # description untranslated: incomplete
        if message.context == "app:AUTH-ERR-1:message":
            message.string = "请重新登录。"
            message.id = "Log in, please."  # the .po was made from another text
    translations, report = gettext.compile_translations(po, cat, "zh-CN")
    assert translations == {}
    assert report.incomplete == ("AUTH-ERR-0",)
    assert report.outdated == ("app:AUTH-ERR-1:message",)


def test_locale_file_keeps_comments_and_other_codes(folder):
    cat = load(folder)
    existing = '# hand-written note\n\n[errors."AUTH-ERR-1"]\nmessage = "手写。"  # keep me\n'
    tr = gettext.Translation(message="新。", source_hash="abc")
    text = gettext.locale_file_text(existing, cat, "zh-CN", {0: tr})
    assert text.startswith(existing)
    assert '[errors."AUTH-ERR-0"]\nmessage = "新。"\nsource_hash = "abc"\n' in text


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        # Babel alone would read these silently: a message lost, a msgstr emptied
        ('msgid "a"\nmsgstr "b\n', "2:8", "the string is not closed on this line"),
        ('msgid "a\nmsgstr "b"\n', "1:7", "the string is not closed on this line"),
        ('msgid "a"\nmsgstr b\n', "2:8", "expected a quoted string"),
        ('msgid "a" msgstr "b"\n', "1:11", "unexpected text after the string"),
        ('msgid "a"\nmsgstr "b"\nfoo\n', "3:1", "expected msgctxt, msgid, msgstr or a quoted"),
        # what Babel finds is said with its place too
        ('msgid "a"\nmsgid "b"\nmsgstr ""\n', "1:1", "missing msgstr for msgid 'a'"),
    ],
)
def test_a_broken_po_is_refused_at_its_place(tmp_path, text, where, what):
    path = tmp_path / "zh-CN.po"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(gettext.GettextError) as exc:
        gettext.read_po_file(path, "zh-CN")
    assert exc.value.message.startswith(f"{path}:{where}: {what}")
    assert "msgfmt --check" in (exc.value.hint or "")


def test_a_valid_po_with_every_kind_of_line_is_read(tmp_path):
    path = tmp_path / "zh-CN.po"
    path.write_text(
        '# comment\n#, fuzzy\n#| msgid "old"\nmsgctxt "app:1:message"\nmsgid ""\n'
        '"multi \\"quoted\\" "\n  "line"\nmsgstr "x"\r\n\n#~ msgid "gone"\n#~ msgstr "y"\n',
        encoding="utf-8",
    )
    (message,) = [m for m in gettext.read_po_file(path, "zh-CN") if m.id]
    assert message.id == 'multi "quoted" line'


def test_placeholders_are_the_ones_the_runtime_fills():
    assert gettext.placeholders("{{{a}}} {{b}} {c} {d.e} {f:x}") == {"a", "c"}


MSGFMT = shutil.which("msgfmt")


def msgfmt_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt not installed (Debian: apt-get install gettext)")
def test_msgfmt_accepts_the_po_and_catches_a_lost_placeholder(folder, tmp_path):
    po, _ = gettext.merge(None, load(folder), "zh-CN")
    for message in po:
        if message.context == "app:AUTH-ERR-0:message":
            message.string = "令牌已于 {age} 秒前过期。"
    good = tmp_path / "good.po"
    good.write_bytes(gettext.po_bytes(po))
    result = msgfmt_check(good)
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr
    for message in po:
        if message.context == "app:AUTH-ERR-0:message":
            message.string = "令牌已过期。"
    bad = tmp_path / "bad.po"
    bad.write_bytes(gettext.po_bytes(po))
    result = msgfmt_check(bad)
    assert result.returncode != 0
    assert "age" in result.stderr


@pytest.mark.skipif(MSGFMT is None, reason="msgfmt not installed (Debian: apt-get install gettext)")
@pytest.mark.parametrize("po", ["examples/zan/i18n/en.po", "examples/csghub/i18n/zh-CN.po"])
def test_example_po_files_pass_msgfmt_check(po):
    path = Path(__file__).resolve().parents[2] / po
    result = msgfmt_check(path)
    assert result.returncode == 0, result.stderr


def test_previous_msgids_survive_a_read(tmp_path):
    path = tmp_path / "zh-CN.po"
    path.write_text(
        '# a translator\'s note\n#, fuzzy\n#| msgid ""\n#| "Log in "\n#| "again."\n'
        'msgctxt "app:1:description"\nmsgid "Sign in again."\nmsgstr "请重新登录。"\n',
        encoding="utf-8",
    )
    (message,) = [m for m in gettext.read_po_file(path, "zh-CN") if m.id]
    assert message.previous_id == ["Log in again."]
    assert message.user_comments == ["a translator's note"]
    assert '#| msgid "Log in again."' in gettext.po_bytes(gettext.read_po_file(path)).decode()
