"""Which entries must prove themselves with a request example (``errdex verify``).

rustc requires an example per error code that really emits it; errdex asks the
same of catalogs that use verification — a ``[verify]`` table, or any request
example. There, every entry a service can send (active or deprecated) needs a
request example, unless its ``no_example`` says why not. A tombstone never
needs one: it is never sent.
"""

from __future__ import annotations

from errdex.model.catalog import Catalog
from errdex.model.types import Entry, Verify


def wants_examples(catalog: Catalog) -> bool:
    """Whether the catalog uses verification: a ``[verify]`` table was written or
    some entry has a request example."""
    if catalog.verify != Verify():
        return True
    return any(ex.request is not None for e in catalog.entries for ex in e.examples)


def has_request_example(entry: Entry) -> bool:
    """Whether one of the entry's examples is a request."""
    return any(ex.request is not None for ex in entry.examples)


def needs_example(entry: Entry) -> bool:
    """Whether the entry, in a catalog that uses verification, lacks the request
    example it owes: not removed, none given, and no ``no_example`` reason."""
    return not entry.is_removed and entry.no_example is None and not has_request_example(entry)
