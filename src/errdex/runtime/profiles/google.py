"""google.rpc.Status as JSON, the error model of Google APIs (AIP-193).

``{"error": {"code": <HTTP status>, "message", "status": "<google.rpc.Code name>",
"details": [...]}}``. ``code`` is the HTTP status, as in Google's JSON APIs;
``status`` its google.rpc.Code name (see :mod:`errdex.runtime.status`).
``details`` holds, in this order:

- ``ErrorInfo`` — ``reason`` (UPPER_SNAKE_CASE of the entry name, else of the
  code), ``domain`` (the catalog id), ``metadata`` (``code``, ``space`` when the
  code is in several spaces, and the public parameters, all as strings);
- ``LocalizedMessage`` — when a locale was asked for: the negotiated locale and
  the message in it (``message`` above stays in the catalog's own language);
- ``RetryInfo`` — ``retryDelay`` (``"5s"``) when the error has ``retry_after``;
- ``Help`` — a link to the entry's docs when the catalog has a docs URL;
- ``BadRequest`` — one ``fieldViolation`` per sub-error (``field`` from the
  sub-error's ``field`` parameter, ``description`` its message, ``reason`` its reason).
"""

from __future__ import annotations

from typing import Any

from errdex.runtime.errors import Error
from errdex.runtime.profiles.common import (
    Rendered,
    dumps,
    headers,
    retry_after_sent,
    retry_seconds,
)
from errdex.runtime.retry import format_duration
from errdex.runtime.spec import EntrySpec, Texts
from errdex.runtime.status import google_status
from errdex.runtime.text import safe_str

MEDIA_TYPE = "application/json"
TYPE_PREFIX = "type.googleapis.com/google.rpc."
_new = tuple.__new__


def _text(value: Any) -> str:
    if type(value) is bool:
        return "true" if value else "false"
    return safe_str(value)


def render_google(
    error: Error, spec: EntrySpec, message: str, texts: Texts | None, id: Any
) -> Rendered:
    """Render ``error`` as a google.rpc.Status JSON body (``id`` is not part of it)."""
    status = error.status
    catalog = error.catalog
    metadata: dict[str, str] = {}
    if error.code is not None:
        metadata["code"] = str(error.code)
    if spec.ambiguous and error.space:
        metadata["space"] = error.space
    if error.params:
        for key, value in error.public_params.items():
            if key not in ("code", "space") and value is not None:
                metadata[key] = _text(value)
    details: list[dict[str, Any]] = [
        {
            "@type": TYPE_PREFIX + "ErrorInfo",
            "reason": spec.reason,
            "domain": catalog.meta.id if catalog is not None else "errdex",
            "metadata": metadata,
        }
    ]
    if texts is not None:
        details.append(
            {
                "@type": TYPE_PREFIX + "LocalizedMessage",
                "locale": texts.locale,
                "message": message,
            }
        )
    seconds = retry_seconds(retry_after_sent(error))
    if seconds is not None:
        details.append({"@type": TYPE_PREFIX + "RetryInfo", "retryDelay": format_duration(seconds)})
    if spec.type_url != "about:blank":
        details.append(
            {
                "@type": TYPE_PREFIX + "Help",
                "links": [{"description": spec.title, "url": spec.type_url}],
            }
        )
    if error.sub_errors:
        violations = []
        for sub in error.sub_errors:
            field = sub.public_params.get("field")
            violations.append(
                {
                    "field": safe_str(field) if field is not None else "",
                    "description": sub.message,
                    "reason": sub._spec.reason if sub._spec is not None else "UNKNOWN",
                }
            )
        details.append({"@type": TYPE_PREFIX + "BadRequest", "fieldViolations": violations})
    body = {
        "error": {
            "code": status,
            "message": error.message,
            "status": google_status(status),
            "details": details,
        }
    }
    return _new(
        Rendered,
        (status, headers(error, spec, texts, MEDIA_TYPE, "h:google"), dumps(body), MEDIA_TYPE),
    )


def read_google(body: Any) -> dict[str, Any] | None:
    """Return the fields of a google.rpc.Status body, or None if it is not one."""
    if type(body) is not dict:
        return None
    err = body.get("error")
    if type(err) is not dict or "jsonrpc" in body:
        return None
    if not ("status" in err or "details" in err):
        return None
    fields: dict[str, Any] = {
        "code": None,
        "space": None,
        "reason": None,
        "message": err.get("message"),
        "status": err.get("code") if type(err.get("code")) is int else None,
        "params": None,
        "subs": None,
        "retry_delay": None,
        "data": None,
    }
    details = err.get("details")
    for detail in details if type(details) is list else ():
        if type(detail) is not dict:
            continue
        kind = str(detail.get("@type", "")).rpartition(".")[2]
        if kind == "ErrorInfo":
            fields["reason"] = detail.get("reason")
            metadata = detail.get("metadata")
            if type(metadata) is dict:
                metadata = dict(metadata)
                fields["code"] = metadata.pop("code", None)
                fields["space"] = metadata.pop("space", None)
                fields["params"] = metadata or None
        elif kind == "RetryInfo":
            fields["retry_delay"] = detail.get("retryDelay")
        elif kind == "BadRequest":
            violations = detail.get("fieldViolations")
            if type(violations) is list:
                fields["subs"] = [
                    {
                        "reason": v.get("reason"),
                        "message": v.get("description"),
                        "params": {"field": v["field"]} if v.get("field") else None,
                    }
                    for v in violations
                    if type(v) is dict
                ]
    return fields
