"""The immutable model: catalog metadata, code spaces, modules, entries and their parts.

Every class here is a ``NamedTuple``: immutable, cheap to build at load time
(a catalog of 100,000 entries builds in well under a second), and compared by
value. Values are *effective*: an entry's ``http_status``, ``jsonrpc_code``,
``retryable`` and ``retry_after`` already hold the module's or space's default
when the entry sets none, and ``space`` is always resolved.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from errdex.model.codes import Code

EMPTY: Mapping[str, Any] = MappingProxyType({})
"""The shared empty mapping used for absent tables."""

STATUSES = ("active", "deprecated", "removed")
SPACE_KINDS = ("app", "http", "jsonrpc")
FAULTS = ("client", "server", "dependency")
"""Whose fault an error is (``fault``): the caller's, the service's, or a service it depends on."""
RETRY_CLASSES = ("safe", "idempotent-only", "never", "outcome-unknown")
"""When a client may retry (``retry``); the decision is :func:`errdex.runtime.retry.decide`."""


class CatalogMeta(NamedTuple):
    """The ``[catalog]`` table: identity and defaults of a catalog."""

    id: str
    title: str | None = None
    version: str | None = None
    description: str | None = None
    default_locale: str = "en"
    locales: tuple[str, ...] = ()
    docs_url: str | None = None
    homepage: str | None = None
    default_space: str | None = None
    internal_error: Code | None = None


class Space(NamedTuple):
    """A code space (``[spaces.NAME]``): a numbering inside which codes are unique."""

    id: str
    kind: str = "app"
    title: str | None = None
    description: str | None = None
    http_status: int | None = None
    jsonrpc_code: int | None = None
    retryable: bool | None = None
    retry_after: int | None = None
    fault: str | None = None
    retry: str | None = None
    server_defined: tuple[int, int] | None = None
    carried_in: str | None = None


class Module(NamedTuple):
    """A module (``[modules.NAME]``): a group of entries with a code pattern and defaults."""

    id: str
    space: str
    title: str | None = None
    description: str | None = None
    prefix: str | None = None
    range: tuple[int, int] | None = None
    http_status: int | None = None
    jsonrpc_code: int | None = None
    retryable: bool | None = None
    retry_after: int | None = None
    fault: str | None = None
    retry: str | None = None
    order: int | None = None
    locale: str | None = None


class Param(NamedTuple):
    """A typed message parameter (``params.NAME``)."""

    type: str = "str"
    description: str | None = None
    public: bool = True


class Variant(NamedTuple):
    """A known message sent under one code (Alchemy's ``"already known"`` under -32000)."""

    message: str
    description: str | None = None
    solution: str | None = None
    retryable: bool | None = None


class Request(NamedTuple):
    """A request that must make a service send an entry's error (``errdex verify``).

    ``path`` is relative to the service's base URL. A JSON-RPC call names its
    ``jsonrpc`` method and ``params``; errdex then sends the 2.0 request object as
    the body. Strings may hold ``${NAME}`` templates, filled from the environment
    and from values captured by ``[[verify.setup]]`` requests.
    """

    method: str = "GET"
    path: str = "/"
    query: Mapping[str, str] = EMPTY
    headers: Mapping[str, str] = EMPTY
    body: str | None = None
    json: Any = None
    jsonrpc: str | None = None
    params: Any = None


class Expect(NamedTuple):
    """What a request example must produce, beyond the entry itself.

    Unset fields are what the catalog declares: the status, headers and retry
    advice of the entry rendered in the verified profile.
    """

    status: int | None = None
    profile: str | None = None
    headers: Mapping[str, str] = EMPTY
    params: Mapping[str, Any] = EMPTY
    retryable: bool | None = None
    retry_after: int | None = None


class Example(NamedTuple):
    """An example of an entry: a response shown in the docs (``body``), a request
    that must produce the entry (``request``, checked by ``errdex verify``), or both."""

    body: str = ""
    title: str | None = None
    lang: str | None = None
    request: Request | None = None
    expect: Expect | None = None


class SetupStep(NamedTuple):
    """A request ``errdex verify`` sends before the examples (``[[verify.setup]]``);
    ``capture`` names values of its JSON response (by JSON pointer) for ``${NAME}``."""

    request: Request
    capture: Mapping[str, str] = EMPTY


class Verify(NamedTuple):
    """How ``errdex verify`` reaches the service (``[verify]``)."""

    profile: str | None = None
    base_url: str | None = None
    timeout: int = 10
    concurrency: int = 4
    headers: Mapping[str, str] = EMPTY
    setup: tuple[SetupStep, ...] = ()
    hosts: tuple[str, ...] = ()


class Translation(NamedTuple):
    """An entry's texts in one locale; ``source_hash`` records the source they translate."""

    title: str | None = None
    message: str | None = None
    description: str | None = None
    solution: str | None = None
    source_hash: str | None = None


class Profile(NamedTuple):
    """A plain JSON envelope a catalog declares (``[profiles.NAME]``)."""

    id: str
    body: Any
    content_type: str = "application/json"
    status: int | None = None


class Target(NamedTuple):
    """A build target (``[[targets]]``): a doc or code file ``errdex build`` writes."""

    kind: str
    output: str
    format: str | None = None
    style: str | None = None
    lang: str | None = None
    locale: str | None = None


class CompatAllow(NamedTuple):
    """An accepted breaking change (``[[compat.allow]]``)."""

    code: Code
    change: str
    reason: str


class ScanPattern(NamedTuple):
    """A regex that finds codes in source files of one kind (``[[scan.patterns]]``).

    ``regex`` has a named group ``code`` and may have ``message`` (the text the
    source sends with the code, compared with the catalog's to find swaps).
    """

    files: tuple[str, ...]
    regex: str
    space: str | None = None


class Scan(NamedTuple):
    """How ``errdex scan`` finds codes in source code (``[scan]``)."""

    calls: tuple[str, ...] = ("error",)
    patterns: tuple[ScanPattern, ...] = ()
    ignore: tuple[Code, ...] = ()
    spaces: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


class Entry(NamedTuple):
    """One error of the catalog: its code, texts, mappings, lifecycle and translations."""

    code: Code
    key: Code
    space: str
    module: str | None = None
    name: str | None = None
    title: str | None = None
    message: str | None = None
    description: str | None = None
    solution: str | None = None
    http_status: int | None = None
    jsonrpc_code: int | None = None
    retryable: bool | None = None
    retry_after: int | None = None
    fault: str | None = None
    retry: str | None = None
    status: str = "active"
    since: str | None = None
    replaced_by: Code | None = None
    reason: str | None = None
    params: Mapping[str, Param] = EMPTY
    variants: tuple[Variant, ...] = ()
    examples: tuple[Example, ...] = ()
    tags: tuple[str, ...] = ()
    docs_url: str | None = None
    translations: Mapping[str, Translation] = EMPTY
    locale: str | None = None
    """Language the entry's own texts are written in; None means the catalog's default."""
    no_example: str | None = None
    """Why the entry has no request example (opts out of the missing-example rule)."""

    @property
    def display_title(self) -> str:
        """The stable short title: ``title``, else ``name``, else ``message``, else the code."""
        return self.title or self.name or self.message or str(self.code)

    @property
    def is_removed(self) -> bool:
        """Whether the entry is a tombstone (``status = "removed"``)."""
        return self.status == "removed"
