"""Changes of a catalog as a whole that a client feels on every error it receives.

Entry comparisons (:mod:`errdex.check.compat.diff`) cannot see these: the
catalog ``id`` (the google profile's ``ErrorInfo.domain``, generated package
names), the docs URL template (every problem+json ``type`` URI), the code of
``internal_error`` (what every unexpected failure is sent as), and the plain
envelopes a catalog declares (``[profiles.NAME]``: a renamed key breaks every
client parsing that envelope). Each change is reported on the ``[catalog]`` or
``[profiles]`` key that changed, under the code ``"catalog"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from errdex.check.compat import kinds as K
from errdex.check.compat.change import Change
from errdex.model import Catalog, normalize_code

CATALOG = "catalog"
"""The code a catalog-level change carries: ``[[compat.allow]] code = "catalog"`` accepts it."""


def catalog_changes(old: Catalog, new: Catalog) -> list[Change]:
    """Every catalog-level change from ``old`` to ``new`` (see the module docstring)."""
    out: list[Change] = []
    source = new.sources[0] if new.sources else None

    def add(kind: K.Kind, path: tuple[Any, ...], message: str, before: Any, after: Any) -> None:
        out.append(
            Change(
                kind,
                code=CATALOG,
                space="",
                name=None,
                message=message,
                old=before,
                new=after,
                source=source,
                path=path,
                keys=(normalize_code(CATALOG),),
            )
        )

    a, b = old.meta, new.meta
    if a.id != b.id:
        add(
            K.CATALOG_ID_CHANGED,
            ("catalog", "id"),
            f"the catalog id changed from {a.id!r} to {b.id!r} (the google ErrorInfo domain)",
            a.id,
            b.id,
        )
    if a.docs_url != b.docs_url:
        add(
            K.DOCS_URL_CHANGED,
            ("catalog", "docs_url"),
            f"the docs URL template changed from {a.docs_url!r} to {b.docs_url!r}: "
            "every problem type URI changes",
            a.docs_url,
            b.docs_url,
        )
    if a.internal_error != b.internal_error:
        add(
            K.INTERNAL_ERROR_CHANGED,
            ("catalog", "internal_error"),
            f"internal errors are now sent as {b.internal_error!r} (were {a.internal_error!r})",
            a.internal_error,
            b.internal_error,
        )
    for pid, profile in old.profiles.items():
        other = new.profiles.get(pid)
        path = ("profiles", pid)
        if other is None:
            add(K.ENVELOPE_CHANGED, path, f"envelope {pid!r} was dropped", pid, None)
            continue
        before, after = dict(_leaves(profile.body)), dict(_leaves(other.body))
        lost = [k for k in before if k not in after]
        changed = [k for k in before if k in after and before[k] != after[k]]
        gained = [k for k in after if k not in before]
        if lost or changed:
            parts = []
            if lost and gained:
                parts.append(f"key {_names(lost)} is now {_names(gained)}")
            elif lost:
                parts.append(f"key {_names(lost)} was removed")
            if changed:
                parts.append(
                    f"{_names(changed)} now hold{'s' if len(changed) == 1 else ''} another value"
                )
            add(
                K.ENVELOPE_CHANGED,
                path,
                f"envelope {pid!r}: " + "; ".join(parts),
                {k: before[k] for k in lost + changed},
                {k: after[k] for k in gained + changed},
            )
        for field in ("status", "content_type"):
            x, y = getattr(profile, field), getattr(other, field)
            if x != y:
                add(
                    K.ENVELOPE_CHANGED,
                    (*path, field),
                    f"envelope {pid!r}: {field} changed from {x!r} to {y!r}",
                    x,
                    y,
                )
    return out


def _leaves(body: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """``("error.code", "{code}")`` for every non-table value of an envelope body."""
    if isinstance(body, dict):
        for key, value in body.items():
            yield from _leaves(value, f"{prefix}.{key}" if prefix else str(key))
    else:
        yield prefix, body


def _names(keys: list[str]) -> str:
    return ", ".join(repr(k) for k in keys)
