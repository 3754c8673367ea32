"""Locale tags: which strings are well-formed BCP 47 language tags (RFC 5646).

A locale tag names translations, locale files (``locales/zh-CN.toml``), the
``Content-Language`` header and folders of a built site, so a tag is only ever
letters, digits and hyphens in the shape RFC 5646 §2.1 gives: never ``..``, a
path separator, a blank or a control character.
"""

from __future__ import annotations

import re

_LANGTAG = re.compile(
    r"""
    (?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})  # language (+ extlang)
    (?:-[A-Za-z]{4})?                                     # script
    (?:-(?:[A-Za-z]{2}|[0-9]{3}))?                        # region
    (?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*        # variants
    (?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*         # extensions
    (?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?                      # private use
    |[Xx](?:-[A-Za-z0-9]{1,8})+                           # a private-use tag alone
    """,
    re.X,
)


def is_locale_tag(tag: object) -> bool:
    """Whether ``tag`` is a well-formed BCP 47 language tag (``en``, ``zh-CN``, ``zh-Hant-TW``)."""
    return type(tag) is str and len(tag) <= 64 and _LANGTAG.fullmatch(tag) is not None
