"""Column roles and their labels: what generators print as headers and importers recognise.

A *role* is the catalog field a table column (or a ``- **Label:**`` bullet)
holds. Generators take every heading and label they write (column headers,
bullet labels, captions, lifecycle states, yes/no, "use X instead") from one
table, :data:`LABELS`, by the language of the locale (``zh-CN`` → ``zh``),
English for a language it does not have; importers map a header back to its
role from many spellings, in both languages, as real error documents write
them ("Possible Return message", "消息描述", "Meaning"), and a translated state
or yes/no back to its value.
"""

from __future__ import annotations

import re

from errdex.convert.escape import strip_code_span

ROLES = (
    "code",
    "space",
    "module",
    "name",
    "title",
    "message",
    "name_or_message",
    "description",
    "solution",
    "http_status",
    "jsonrpc_code",
    "carried",
    "retryable",
    "retry_after",
    "fault",
    "retry",
    "status",
    "reason",
    "replaced_by",
)
"""Every column role. ``carried``: on an HTTP status, the codes of other spaces sent
with it (ZAN's 对应错误码); ``name_or_message``: one column holding a name where the
entry has one, else its message (yuanrong's REST "Error Message"); ``fault`` and
``retry``: whose fault the error is and its retry class (docs/wire.md, "Retry decision")."""

_EN = {
    "code": "Error Code",
    "code_http": "Status Code",
    "space": "Space",
    "module": "Module",
    "name": "Error Name",
    "title": "Title",
    "message": "Error Message",
    "name_or_message": "Error Name or Message",
    "description": "Description",
    "solution": "Solution",
    "http_status": "HTTP Status",
    "jsonrpc_code": "JSON-RPC Code",
    "carried": "JSON-RPC Codes",
    "retryable": "Retryable",
    "retry_after": "Retry After",
    "fault": "Fault",
    "retry": "Retry Class",
    "status": "Status",
    "reason": "Reason",
    "replaced_by": "Replaced By",
    "example": "Example",
    "variants": "Known Messages",
    "status_active": "active",
    "status_deprecated": "deprecated",
    "status_removed": "removed",
    "yes": "yes",
    "no": "no",
    "use_instead": "use {code} instead",
}
_ZH = {
    "code": "错误码",
    "code_http": "状态码",
    "space": "代码空间",
    "module": "模块",
    "name": "错误名称",
    "title": "标题",
    "message": "消息描述",
    "name_or_message": "名称或消息",
    "description": "说明",
    "solution": "处理措施",
    "http_status": "HTTP 状态码",
    "jsonrpc_code": "JSON-RPC 错误码",
    "carried": "对应错误码",
    "retryable": "可重试",
    "retry_after": "重试间隔",
    "fault": "责任方",
    "retry": "重试类别",
    "status": "状态",
    "reason": "原因",
    "replaced_by": "替代错误码",
    "example": "示例",
    "variants": "已知消息",
    "status_active": "有效",
    "status_deprecated": "已弃用",
    "status_removed": "已移除",
    "yes": "是",
    "no": "否",
    "use_instead": "请改用 {code}",
}

LABELS: dict[str, dict[str, str]] = {"en": _EN, "zh": _ZH}
"""Every heading and label generators write, by language (the locale's first subtag).
Each language has every key English has; ``use_instead`` holds ``{code}``."""


def labels_for(locale: str | None) -> dict[str, str]:
    """The labels for ``locale`` (``zh-CN``, ``zh_TW``, ``zh`` → Chinese), English for a
    language :data:`LABELS` does not have."""
    language = re.split(r"[-_]", locale, maxsplit=1)[0].lower() if locale else "en"
    return LABELS.get(language, _EN)


def status_label(status: str, labels: dict[str, str]) -> str:
    """A lifecycle state (``deprecated``) as ``labels`` write it (已弃用)."""
    return labels.get(f"status_{status}", status)


def lifecycle_of(text: str) -> tuple[str, str | None, str | None] | None:
    """A lifecycle cell as the exports write it — ``STATE[: reason][ (use X instead)]``,
    in any language of :data:`LABELS` — as (state, reason, replacement); None when its
    state is no lifecycle state or its bracket is no replacement note. The replacement
    may be written as a code span or a link to its anchor (``[`X`](#app-X)``, as the
    Markdown export writes it). Plain string splitting: linear in the cell, whatever
    text a document holds."""
    head, replacement = text.strip().translate(_FULL_WIDTH), None
    if head.endswith(")") and "(" in head:
        for labels in LABELS.values():
            before, _, after = labels["use_instead"].partition("{code}")
            cut = head.rfind("(" + before)
            if cut < 0 or not head[:-1].endswith(after):
                continue
            note = head[cut + 1 + len(before) : len(head) - 1 - len(after)]
            replacement = _replacement_code(note)
            if replacement is not None:
                head = head[:cut].rstrip()
                break
        if replacement is None:
            return None  # a bracket that is no replacement note: not a cell errdex wrote
    state, colon, reason = head.partition(":")
    value = value_of(state)
    if value not in ("active", "deprecated", "removed"):
        return None
    return value, reason.strip() or None if colon else None, replacement


def _replacement_code(note: str) -> str | None:
    """The code a replacement note names: ``X``, ```X``` or ``[`X`](#anchor)``."""
    note = note.strip()
    if note.startswith("[") and note.endswith(")") and "](" in note:
        note = note[1 : note.rindex("](")]
    return strip_code_span(note) or None


_FULL_WIDTH = str.maketrans({"：": ":", "（": "(", "）": ")"})


def value_of(text: str) -> str | None:
    """The lifecycle state or yes/no a translated label names (已移除 → ``removed``,
    是 → ``yes``), in any language of :data:`LABELS`; None for other text."""
    key = text.strip().lower()
    for labels in LABELS.values():
        for name in ("status_active", "status_deprecated", "status_removed", "yes", "no"):
            if labels[name].lower() == key:
                return name.removeprefix("status_")
    return None


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": (
        "code",
        "error code",
        "status code",
        "errcode",
        "err code",
        "错误码",
        "状态码",
        "错误代码",
        "代码",
        "编码",
        "返回码",
    ),
    "space": ("space", "code space", "代码空间"),
    "module": ("module", "group", "category", "模块", "分类"),
    "name": ("name", "error name", "identifier", "constant", "名称", "错误名称", "错误名"),
    "title": ("title", "标题"),
    "message": (
        "message",
        "error message",
        "possible return message",
        "return message",
        "error information",
        "error info",
        "msg",
        "消息",
        "消息描述",
        "错误信息",
        "错误消息",
        "返回消息",
        "提示信息",
    ),
    "name_or_message": ("error name or message", "name or message", "名称或消息"),
    "description": (
        "description",
        "meaning",
        "details",
        "detail",
        "explanation",
        "error description",
        "error detail",
        "error details",
        "说明",
        "描述",
        "含义",
        "错误描述",
        "详细说明",
    ),
    "solution": (
        "solution",
        "solutions",
        "fix",
        "resolution",
        "how to fix",
        "handling measure",
        "handling measures",
        "handling suggestion",
        "action",
        "处理措施",
        "解决方案",
        "解决方法",
        "处理方法",
        "处理建议",
        "建议",
    ),
    "http_status": (
        "http status",
        "http status code",
        "http code",
        "http",
        "http 状态码",
        "http状态码",
    ),
    "jsonrpc_code": ("json-rpc code", "jsonrpc code", "jsonrpc_code", "json-rpc 错误码"),
    "carried": ("json-rpc codes", "jsonrpc codes", "对应错误码"),
    "retryable": ("retryable", "retry", "可重试"),
    "retry_after": ("retry after", "retry_after", "重试间隔"),
    "fault": ("fault", "责任方"),
    "retry": ("retry class", "retry policy", "重试类别"),
    "status": ("status", "lifecycle", "状态"),
    "reason": ("reason", "原因"),
    "replaced_by": ("replaced by", "replaced_by", "replacement", "替代错误码"),
}
_BY_LABEL = {label: role for role, labels in _SYNONYMS.items() for label in labels}
_BY_LABEL.update({role: role for role in ROLES})
_STRIP = re.compile(r"[*_`:：]+")


def role_of(header: str) -> str | None:
    """The role a header or bullet label names (``**消息描述**`` → ``message``), or None."""
    key = " ".join(_STRIP.sub(" ", header).split()).lower()
    return _BY_LABEL.get(key)


def is_example_label(text: str) -> bool:
    """Whether ``text`` is the default caption generators give an untitled example."""
    return text in (_EN["example"], _ZH["example"])


def is_variants_label(text: str) -> bool:
    """Whether ``text`` introduces a list of known messages under one code."""
    return text in (_EN["variants"], _ZH["variants"])
