"""Reading error texts out of doc comments.

Two conventions are common in real code:

- ``ErrUserNotFound - 404: User not found.`` (marmotedu's codegen): the name,
  the HTTP status and the message;
- labelled paragraphs (CSGHub's errorx): ``Description: …``,
  ``Description_ZH: …``, ``en-US: …``, ``zh-CN: …``.

Any other comment is the entry's description, verbatim.
"""

from __future__ import annotations

import re
from typing import Any

_STATUS_LINE = re.compile(
    r"^\s*(?P<name>\w+)\s+-\s+(?P<status>[1-5]\d\d):\s*(?P<message>.+?)\s*$", re.S
)
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z_-]{1,20}):\s+(?P<value>.+)$", re.S)
_LOCALE = re.compile(r"[a-z]{2}(?:-[A-Z]{2}|-[A-Z][a-z]{3})?\Z")


def read_comment(comment: str, name: str | None = None) -> dict[str, Any]:
    """Entry fields stated by a doc comment: message, description, http_status, translations."""
    comment = comment.strip()
    if not comment:
        return {}
    match = _STATUS_LINE.match(comment)
    if match and "\n" not in comment and (name is None or match["name"] == name):
        return {"http_status": int(match["status"]), "message": match["message"]}
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", comment) if p.strip()]
    fields: dict[str, Any] = {}
    translations: dict[str, dict[str, str]] = {}
    rest: list[str] = []
    for para in paragraphs:
        label = _LABEL.match(para)
        if label is None:
            rest.append(para)
            continue
        key, value = label["label"], label["value"].strip()
        lowered = key.lower()
        if lowered == "description":
            fields["description"] = value
        elif lowered.startswith("description_"):
            locale = _locale(key.split("_", 1)[1])
            translations.setdefault(locale, {})["description"] = value
        elif lowered in ("message", "msg"):
            fields["message"] = value
        elif _LOCALE.match(key):
            if key.startswith("en"):
                fields["message"] = value
            else:
                translations.setdefault(key, {})["message"] = value
        else:
            rest.append(para)
    if not fields and not translations:
        return {"description": comment}
    if rest:
        fields["comment"] = "\n\n".join(rest)
    if translations:
        fields["translations"] = translations
    return fields


def _locale(tag: str) -> str:
    tag = tag.strip()
    return {"ZH": "zh-CN", "CN": "zh-CN", "HK": "zh-HK", "TW": "zh-TW", "EN": "en"}.get(
        tag.upper(), tag
    )
