"""The retry advice for an entry in words: what the code page and ``errdex explain`` say.

One sentence per language saying :func:`errdex.model.effective.retry_advice` — the
answer search, the lookup API and every decoder give — so the words never
disagree with what errdex's clients do.
"""

from __future__ import annotations

from errdex.model import Catalog, Entry, Variant
from errdex.model.effective import http_status
from errdex.model.effective import retry_advice as advice_of

ADVICE = {
    "en": {
        "safe": "Safe to retry, with exponential backoff.",
        "after": "Safe to retry after {after} seconds (the response says so in Retry-After).",
        "never": "Do not retry as is: the same request fails again until what it asks is fixed.",
        "idempotent-only": "Retry only idempotent requests (GET, PUT, DELETE) or those sent "
        "with an Idempotency-Key.",
        "outcome-unknown": "The request may have taken effect: retry only safe requests (GET, "
        "HEAD) or those sent with an Idempotency-Key.",
        "unknown": "The catalog does not say whether retrying helps, and HTTP status {status} "
        "says nothing either: errdex's clients do not retry it unless the response asks "
        "(Retry-After, or a retryable member).",
        "by-status": " (the catalog does not say; this follows from HTTP status {status})",
        "by-fallback": " (the catalog does not say; this follows from HTTP status {status}, "
        "which the entry is sent with because it states none)",
        "variant": " (the catalog says so for this message)",
    },
    "zh": {
        "safe": "可以重试，请使用指数退避。",
        "after": "可以在 {after} 秒后重试（响应的 Retry-After 头给出等待时间）。",
        "never": "不要原样重试：在修正请求之前，同样的请求仍会失败。",
        "idempotent-only": "只重试幂等请求（GET、PUT、DELETE）或带 Idempotency-Key 的请求。",
        "outcome-unknown": "请求可能已经生效：只重试安全请求（GET、HEAD）"
        "或带 Idempotency-Key 的请求。",
        "unknown": "目录未说明重试是否有用，HTTP 状态码 {status} 也无法说明："
        "除非响应要求（Retry-After 或 retryable 字段），errdex 的客户端不会重试。",
        "by-status": "（目录未说明；依据 HTTP 状态码 {status}）",
        "by-fallback": "（目录未说明；依据 HTTP 状态码 {status}：条目未给出状态码时以此发送）",
        "variant": "（目录对这条消息如此说明）",
    },
}
"""The retry advice in each language of the directory's pages (``en`` for any other)."""


def retry_advice(catalog: Catalog, entry: Entry, lang: str = "en") -> str:
    """Whether and when a client should retry, as one sentence in ``lang`` (a tag).

    The words say :func:`errdex.model.effective.retry_advice` — the one answer that
    ``explain``, search, the lookup API and every decoder give — so the page says
    what errdex's clients do. A status below 400 (a JSON-RPC error over HTTP 200)
    says nothing, and the page says so instead of advising a fix.
    """
    words = ADVICE.get(lang.split("-")[0].lower(), ADVICE["en"])
    advice = advice_of(catalog, entry)
    if advice.source is None:
        return words["unknown"].format(status=advice.status)
    if advice.retry == "safe" and entry.retry_after:
        text = words["after"].format(after=entry.retry_after)
    else:
        text = words[advice.retry]
    if advice.source == "http-status":
        key = "by-status" if http_status(catalog, entry) is not None else "by-fallback"
        text = text.rstrip("。.") + words[key].format(status=advice.status)
        text += "。" if words is ADVICE["zh"] else "."
    return text


def variant_advice(
    catalog: Catalog, entry: Entry, variant: Variant, lang: str = "en"
) -> str | None:
    """What a known message variant of ``entry`` says about retrying, in ``lang``: a decoder
    that matches the message takes the variant's own ``retryable`` (docs/wire.md §6.2);
    None when the variant states none (it has the entry's advice)."""
    if variant.retryable is None:
        return None
    words = ADVICE.get(lang.split("-")[0].lower(), ADVICE["en"])
    text = words["safe" if variant.retryable else "never"]
    return text.rstrip("。.") + words["variant"] + ("。" if words is ADVICE["zh"] else ".")
