"""One verify run: set up, send every case (a bounded number at once), judge, close.

:func:`verify` raises :class:`VerifyError` when the run cannot happen at all
(no target, an unknown profile, a setup request that fails); a case that
cannot be sent (a timeout, a missing ``${NAME}``, a refused connection) is a
failed case with the reason, and the other cases still run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple
from urllib.parse import urlencode

import orjson

from errdex.model import Catalog, Request
from errdex.reality.profiles import unknown_profile
from errdex.reality.verify.cases import Case, Missing, cases
from errdex.reality.verify.expected import declared
from errdex.reality.verify.judge import Mismatch, judge
from errdex.reality.verify.transport import (
    Answer,
    AppTransport,
    HttpTransport,
    Sent,
    Transport,
    TransportError,
    load_app,
)
from errdex.reality.verify.variables import MissingVariable, fill, fill_any


class VerifyError(Exception):
    """Raised when a verify run cannot start or its setup fails; ``str()`` says
    what failed and how to fix it (the command exits 2)."""


class Outcome(NamedTuple):
    """The result of one case."""

    case: Case
    sent: Sent | None
    answer: Answer | None
    mismatches: tuple[Mismatch, ...] = ()
    error: str | None = None
    """Why the case could not be judged (no answer, a missing variable)."""

    @property
    def passed(self) -> bool:
        return self.error is None and not self.mismatches


class VerifyRun(NamedTuple):
    """Every case of a run, and the entries that have no request example."""

    catalog: Catalog
    target: str
    profile: str
    outcomes: tuple[Outcome, ...]
    missing: tuple[Missing, ...]

    @property
    def passed(self) -> int:
        return sum(1 for o in self.outcomes if o.passed)

    @property
    def failed(self) -> int:
        return len(self.outcomes) - self.passed


def check_profile(catalog: Catalog, profile: str) -> None:
    """Raise :class:`VerifyError` unless ``profile`` is one the catalog can render."""
    problem = unknown_profile(catalog, profile)
    if problem is not None:
        raise VerifyError(problem)


def pointer(document: Any, path: str) -> Any:
    """The value at a JSON pointer (RFC 6901); ``KeyError`` when there is none."""
    if path == "":
        return document
    node = document
    for raw in path[1:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(path)
    return node


def build(
    transport: Transport,
    request: Request,
    common: Mapping[str, str],
    values: Mapping[str, str],
    accept: str,
) -> Sent:
    """The request to send for ``request``, templates filled; raises
    :class:`MissingVariable`."""
    url = transport.url(fill(request.path, values))
    if request.query:
        query = urlencode([(k, fill(v, values)) for k, v in request.query.items()])
        url += ("&" if "?" in url else "?") + query
    headers: dict[str, tuple[str, str]] = {"accept": ("Accept", accept)}
    for name, value in (*common.items(), *request.headers.items()):
        headers[name.lower()] = (name, fill(value, values))
    body: bytes | None = None
    if request.jsonrpc is not None:
        call: dict[str, Any] = {"jsonrpc": "2.0", "id": 1, "method": fill(request.jsonrpc, values)}
        if request.params is not None:
            call["params"] = fill_any(request.params, values)
        body = orjson.dumps(call)
    elif request.json is not None:
        body = orjson.dumps(fill_any(request.json, values))
    elif request.body is not None:
        body = fill(request.body, values).encode()
    if body is not None and request.body is None:
        headers.setdefault("content-type", ("Content-Type", "application/json"))
    return Sent(request.method, url, tuple(headers.values()), body)


def _setup(catalog: Catalog, transport: Transport, values: dict[str, str]) -> None:
    for i, step in enumerate(catalog.verify.setup, 1):
        what = f"setup request {i} ({step.request.method} {step.request.path})"
        try:
            sent = build(
                transport, step.request, catalog.verify.headers, values, "application/json"
            )
            answer = transport.send(sent)
        except (MissingVariable, TimeoutError, OSError) as exc:
            raise VerifyError(f"{what}: {exc}") from None
        if not 200 <= answer.status < 300:
            raise VerifyError(f"{what} answered {answer.status}: {answer.body[:300]!r}")
        if not step.capture:
            continue
        try:
            document = orjson.loads(answer.body)
        except orjson.JSONDecodeError:
            raise VerifyError(f"{what}: the answer is not JSON, nothing to capture") from None
        for name, path in step.capture.items():
            try:
                value = pointer(document, path)
            except KeyError:
                raise VerifyError(
                    f"{what}: the answer has nothing at {path!r} for {name}"
                ) from None
            values[name] = value if isinstance(value, str) else orjson.dumps(value).decode()


def _one(
    catalog: Catalog, transport: Transport, case: Case, profile: str, values: Mapping[str, str]
) -> Outcome:
    chosen = case.expect.profile or profile
    try:
        check_profile(catalog, chosen)
    except VerifyError as exc:
        return Outcome(case, None, None, error=str(exc))
    locale = next(
        (v for k, v in case.request.headers.items() if k.lower() == "accept-language"), None
    )
    want = declared(catalog, case, chosen, locale)
    accept = f"{want.media_type}, application/json;q=0.9"
    try:
        sent = build(transport, case.request, catalog.verify.headers, values, accept)
    except MissingVariable as exc:
        return Outcome(case, None, None, error=str(exc))
    try:
        answer = transport.send(sent)
    except (TimeoutError, OSError) as exc:
        return Outcome(case, sent, None, error=str(exc) or type(exc).__name__)
    return Outcome(case, sent, answer, tuple(judge(catalog, case, want, answer)))


def _app_name(app: Any) -> str:
    """``module:name`` of an app object, as --app would name it."""
    named = app if hasattr(app, "__qualname__") else type(app)
    return f"{named.__module__}:{named.__qualname__}"


def verify(
    catalog: Catalog,
    *,
    base_url: str | None = None,
    app: Any = None,
    profile: str | None = None,
    timeout: float | None = None,
    concurrency: int | None = None,
    hosts: Iterable[str] = (),
    select: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
) -> VerifyRun:
    """Send every request example of ``catalog`` to ``base_url`` (a running
    service) or ``app`` (an ASGI/WSGI app, or ``"module:attr"``) and judge the
    answers. Unset options come from the catalog's ``[verify]`` table."""
    settings = catalog.verify
    chosen = profile or settings.profile or "problem"
    check_profile(catalog, chosen)
    wait = timeout if timeout is not None else settings.timeout
    width = max(1, concurrency if concurrency is not None else settings.concurrency)
    allowed = (*settings.hosts, *hosts)
    try:
        if app is not None:
            target = app if isinstance(app, str) else _app_name(app)
            loaded = load_app(app) if isinstance(app, str) else app
            transport: Transport = AppTransport(loaded, wait, allowed)
        else:
            url = base_url or settings.base_url
            if not url:
                raise VerifyError(
                    "nothing to verify against: give --base-url URL (a running service) "
                    "or --app module:attr (an ASGI or WSGI app), or base_url in [verify]"
                )
            target = url
            transport = HttpTransport(url, wait, allowed)
    except TransportError as exc:
        raise VerifyError(str(exc)) from None
    found, missing = cases(catalog, select)
    values = dict(os.environ if environ is None else environ)
    try:
        _setup(catalog, transport, values)
        with ThreadPoolExecutor(max_workers=width) as pool:
            outcomes = tuple(pool.map(lambda c: _one(catalog, transport, c, chosen, values), found))
    finally:
        transport.close()
    return VerifyRun(catalog, target, chosen, outcomes, tuple(missing))
