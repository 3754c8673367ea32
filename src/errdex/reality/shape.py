"""The key shape of a JSON body: how an envelope is told apart without re-decoding it.

Two bodies are in the same envelope when they have the same keys, two levels
deep (``{"error": {"code", "message"}}`` → ``error``, ``error.code``,
``error.message``). The keys inside ``data``, ``context`` and ``params`` are the
error's own data, not the envelope's, and are left out.
"""

from __future__ import annotations

from typing import Any

FREE = frozenset({"data", "context", "params"})
"""Members whose keys are the error's own data, not the envelope's."""


def body_shape(body: Any) -> frozenset[str]:
    """The key paths of a JSON body, two levels deep; a batch is judged by its first member."""
    if isinstance(body, list):
        body = body[0] if body else None
    if not isinstance(body, dict):
        return frozenset()
    nested = [(k, v) for k, v in body.items() if isinstance(v, dict) and k not in FREE]
    if not nested:  # the common case: one level
        return frozenset(map(str, body))
    keys = set(map(str, body))
    for key, value in nested:
        keys.update(f"{key}.{inner}" for inner in value)
    return frozenset(keys)
