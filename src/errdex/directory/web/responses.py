"""What a client receives for a code: example responses rendered by the runtime, and the
retry advice in words (:mod:`errdex.directory.advice`), for the code's page in the web
directory.

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

from errdex.directory.advice import ADVICE, retry_advice
from errdex.model import Catalog, Entry

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


__all__ = ["ADVICE", "example_responses", "profiles_of", "retry_advice"]
