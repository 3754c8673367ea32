"""What a client receives for a code: example responses rendered by the runtime, and the
retry advice in words, for the code's page in the web directory.

The examples are what errdex's runtime sends for the entry, not a sketch: the
entry's error is built from its catalog by the runtime (its exception class) and
rendered with each profile the catalog uses, so the page shows the exact
status, content type and body (placeholders shown as ``{name}``). The
profiles a catalog uses: ``jsonrpc`` for a code of a JSON-RPC space, else
the plain envelopes the catalog declares (``[profiles.NAME]``: what its
services send), else ``problem`` (RFC 9457 problem+json).
"""

from __future__ import annotations

from typing import Any

import orjson

from errdex.model import Catalog, Entry
from errdex.model.effective import http_status

MAX_BODY_CHARS = 4000
"""An example body longer than this (a huge description) is cut."""


def profiles_of(catalog: Catalog, entry: Entry) -> list[str]:
    """The names of the profiles a client may receive this entry in (see the module docstring)."""
    space = catalog.spaces.get(entry.space)
    if space is not None and space.kind == "jsonrpc":
        return ["jsonrpc"]
    return list(catalog.profiles) or ["problem"]


def example_responses(
    catalog: Catalog, entry: Entry, locale: str | None = None
) -> list[dict[str, Any]]:
    """One rendered response per profile, in ``locale`` where translated: ``profile``,
    ``status``, ``content_type``, ``body`` (indented JSON text). An entry the runtime
    cannot build (a removed code) has none."""
    if entry.status == "removed":
        return []
    params = {name: f"{{{name}}}" for name in entry.params}
    from errdex.runtime.raising import raisable_class
    from errdex.runtime.state import runtime_of

    try:
        cls = raisable_class(runtime_of(catalog).errors, entry.code, entry.space)
        error = cls(**params)
    except Exception:  # a page shows no example rather than failing
        return []
    from errdex.runtime.render import render

    out = []
    for name in profiles_of(catalog, entry):
        try:
            rendered = render(error, name, id=1, locale=locale, catalog=catalog)
        except Exception:  # an envelope this runtime cannot render: skip it
            continue
        try:
            body = orjson.dumps(orjson.loads(rendered.body), option=orjson.OPT_INDENT_2).decode()
        except orjson.JSONDecodeError:
            body = rendered.body.decode("utf-8", "replace")
        if len(body) > MAX_BODY_CHARS:
            body = body[: MAX_BODY_CHARS - 1] + "…"
        out.append(
            {
                "profile": name,
                "status": rendered.status,
                "content_type": rendered.media_type,
                "body": body,
            }
        )
    return out


ADVICE = {
    "en": {
        "safe": "Safe to retry, with exponential backoff.",
        "after": "Safe to retry after {after} seconds (the response says so in Retry-After).",
        "never": "Do not retry as is: the same request fails again until what it asks is fixed.",
        "idempotent-only": "Retry only idempotent requests (GET, PUT, DELETE) or those sent "
        "with an Idempotency-Key.",
        "outcome-unknown": "The request may have taken effect: retry only safe requests (GET, "
        "HEAD) or those sent with an Idempotency-Key.",
        "by-status": " (the catalog does not say; this follows from HTTP status {status})",
        "by-default": " (the catalog does not say)",
    },
    "zh": {
        "safe": "可以重试，请使用指数退避。",
        "after": "可以在 {after} 秒后重试（响应的 Retry-After 头给出等待时间）。",
        "never": "不要原样重试：在修正请求之前，同样的请求仍会失败。",
        "idempotent-only": "只重试幂等请求（GET、PUT、DELETE）或带 Idempotency-Key 的请求。",
        "outcome-unknown": "请求可能已经生效：只重试安全请求（GET、HEAD）"
        "或带 Idempotency-Key 的请求。",
        "by-status": "（目录未说明；依据 HTTP 状态码 {status}）",
        "by-default": "（目录未说明）",
    },
}
"""The retry advice in each language of the directory's pages (``en`` for any other)."""


def retry_advice(catalog: Catalog, entry: Entry, lang: str = "en") -> str:
    """Whether and when a client should retry, as one sentence in ``lang`` (a tag).

    The decision is the runtime's (:func:`errdex.runtime.retry.retry_class`: the
    entry's ``retry``, else ``retryable``, else its HTTP status), so the page
    says what errdex's clients do.
    """
    from errdex.runtime.retry import retry_class

    words = ADVICE.get(lang.split("-")[0].lower(), ADVICE["en"])
    status = http_status(catalog, entry)
    kind = retry_class(retry=entry.retry, retryable=entry.retryable, http_status=status)
    if kind == "safe" and entry.retry_after:
        text = words["after"].format(after=entry.retry_after)
    else:
        text = words.get(kind, words["never"])
    if entry.retry is None and entry.retryable is None:
        note = words["by-status"].format(status=status) if status is not None else ""
        text = text.rstrip("。.") + (note or words["by-default"]) + ("。" if "。" in text else ".")
    return text
