"""The page renderer's Jinja2 environment reads templates exactly as plain Jinja2 does."""

from __future__ import annotations

import pytest

pytest.importorskip("jinja2")

import jinja2

from errdex.directory.web.i18n import language_name
from errdex.directory.web.pages import _Environment


class _Object:
    code = "attr"


@pytest.mark.parametrize(
    "source",
    [
        "{{ d.code }}",
        "{{ d.items is callable }}",
        "{{ d.get('code') }}",
        "{{ o.code }}",
        "{{ d.missing is defined }}",
        "{{ d.nested.code }}",
    ],
)
def test_dot_access_reads_what_plain_jinja2_reads(source: str) -> None:
    data = {"code": 1003, "items": "an item named items", "nested": {"code": "x"}}
    context = {"d": data, "o": _Object()}
    plain = jinja2.Environment(autoescape=True).from_string(source).render(**context)
    ours = _Environment(autoescape=True).from_string(source).render(**context)
    assert ours == plain


def test_a_missing_key_is_still_an_error_under_strict_undefined() -> None:
    env = _Environment(undefined=jinja2.StrictUndefined)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})


def test_language_names_are_the_languages_own() -> None:
    pytest.importorskip("babel")
    assert language_name("zh-CN") == language_name("zh-CN") and language_name("zh-CN") != "zh-CN"
    assert language_name("not a tag!") == "not a tag!"
