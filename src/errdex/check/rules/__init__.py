"""The check rules, one module per concept; importing this package registers them all.

Rule ids: E1xx are errors, W2xx warnings (and notes) about texts and
mappings, W3xx warnings about translations. ``docs/rules.md`` explains each.
"""

from errdex.check.rules import (
    codes,
    http,
    jsonrpc,
    lifecycle,
    permalinks,
    spelling,
    style,
    texts,
    translations,
    validity,
    verification,
)

__all__ = [
    "codes",
    "http",
    "jsonrpc",
    "lifecycle",
    "permalinks",
    "spelling",
    "style",
    "texts",
    "translations",
    "validity",
    "verification",
]
