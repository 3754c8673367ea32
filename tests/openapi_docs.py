"""Reading OpenAPI documents in tests: errdex's own and the ones frameworks publish.

:func:`inlined_problems` finds problem+json schemas written out in place instead
of referenced, which a document that refers to one shared schema must not have.
"""

from __future__ import annotations

from typing import Any


def objects(node: Any) -> list[dict[str, Any]]:
    """Every JSON object in ``node``, itself first, then depth first in document order."""
    found: list[dict[str, Any]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return found


def inlined_problems(document: Any) -> list[dict[str, Any]]:
    """The schemas in ``document`` with both ``detail`` and ``title`` properties: problem
    objects spelled out in place."""
    return [n for n in objects(document) if {"detail", "title"} <= set(n.get("properties", {}))]
