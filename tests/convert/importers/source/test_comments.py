"""Doc comments read for error texts: a ``Name - 404: message`` line, labelled paragraphs."""

from __future__ import annotations

from errdex.convert.importers.source.comments import read_comment


def test_a_name_status_message_line() -> None:
    assert read_comment("ErrUserNotFound - 404: User not found.") == {
        "http_status": 404,
        "message": "User not found.",
    }


def test_the_status_line_must_name_the_constant_it_documents() -> None:
    line = "ErrUserNotFound - 404: User not found."
    assert read_comment(line, "ErrUserNotFound")["http_status"] == 404
    assert read_comment(line, "ErrOther") == {"description": line}


def test_labelled_paragraphs_give_fields_and_translations() -> None:
    comment = (
        "Description: The repo is gone.\n\n"
        "Description_ZH: 仓库不存在。\n\n"
        "en-US: Repository not found\n\n"
        "zh-CN: 仓库未找到\n\n"
        "See the docs."
    )
    assert read_comment(comment) == {
        "description": "The repo is gone.",
        "message": "Repository not found",
        "comment": "See the docs.",
        "translations": {
            "zh-CN": {"description": "仓库不存在。", "message": "仓库未找到"},
        },
    }


def test_msg_and_a_locale_suffix_spelled_otherwise() -> None:
    assert read_comment("msg: Bad input\n\nDescription_TW: 輸入錯誤") == {
        "message": "Bad input",
        "translations": {"zh-TW": {"description": "輸入錯誤"}},
    }


def test_any_other_comment_is_the_description_verbatim() -> None:
    text = "Returned when the user\nhas no access.\n\nNote: see RFC 7235."
    assert read_comment("  " + text + "\n") == {"description": text}
    assert read_comment("   ") == {}
