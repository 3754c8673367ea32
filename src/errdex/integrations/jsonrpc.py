"""A JSON-RPC 2.0 method table whose errors are catalog errors; works under any server.

    rpc = JsonRpc(cat)

    @rpc.method
    def eth_getBalance(address: str, block: str = "latest") -> str:
        raise cat.error(-32003, space="jsonrpc")          # ZAN: "Cu limited per second"

    rpc.dispatch({"jsonrpc": "2.0", "method": "eth_getBalance", "params": ["0x0"], "id": 1})
    # {"jsonrpc": "2.0", "error": {"code": -32003, "message": "Cu limited per second"}, "id": 1}
    rpc.handle(b'[...]', locale="zh-CN")     # bytes in, Rendered (status, headers, body) out

:meth:`JsonRpc.dispatch` takes a parsed request (an object or a batch list) and
returns the response object, a list for a batch, or None when nothing is to
be sent (notifications). :meth:`JsonRpc.handle` works on the wire: body bytes
in, :class:`errdex.Rendered` out (None for notifications); a single error keeps
the HTTP status and ``Retry-After`` the catalog gives it (ZAN's mapping table),
unless ``http_200=True`` (Alchemy's convention). The ``*_async`` variants await
coroutine methods.

Errors: a method's catalog error is rendered as it is; any other exception
becomes the catalog's internal error (nothing of it is sent). Protocol errors
(-32700 parse error, -32600 invalid request, -32601 method not found, -32602
invalid params) use the catalog's own entry for that code when it has one in
a ``jsonrpc`` space (ZAN's "Invalid JSON"), else the JSON-RPC 2.0 standard text.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from errdex.integrations.common import OnError, notify
from errdex.model import Catalog
from errdex.runtime import (
    Error,
    Rendered,
    as_error,
    decode,
    errors_of,
    jsonrpc_profile,
    render,
    render_batch,
)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603

STANDARD = {
    PARSE_ERROR: "Parse error",
    INVALID_REQUEST: "Invalid Request",
    METHOD_NOT_FOUND: "Method not found",
    INVALID_PARAMS: "Invalid params",
}
"""The JSON-RPC 2.0 specification's messages for its protocol errors."""

MEDIA_TYPE = "application/json"
_HEADERS = (("Content-Type", MEDIA_TYPE),)
_MISSING = object()

Method = Callable[..., Any]


class _Call:
    """One request's facts once it is validated: method, arguments and id."""

    __slots__ = ("args", "func", "id", "kwargs", "notification")

    def __init__(
        self, func: Method, args: list[Any], kwargs: dict[str, Any], request: dict[str, Any]
    ) -> None:
        self.func = func
        self.args = args
        self.kwargs = kwargs
        self.notification = "id" not in request
        self.id = request.get("id")


class JsonRpc:
    """A table of JSON-RPC methods that answers with catalog errors.

    ``methods`` maps method names to functions; :meth:`method` adds one as a
    decorator. Positional ``params`` (a list) are passed as arguments, named
    ones (an object) as keyword arguments; params that do not fit the
    function's signature are an invalid-params error, not a crash.
    ``on_error(error, exc)`` is called for every error sent (see
    :mod:`errdex.integrations.common`).
    """

    def __init__(
        self,
        catalog: Catalog,
        methods: Mapping[str, Method] | None = None,
        *,
        http_200: bool = False,
        on_error: OnError | None = None,
    ) -> None:
        self.catalog = catalog
        self.methods: dict[str, Method] = dict(methods or {})
        self.on_error = on_error
        self.profile = jsonrpc_profile(http_200=http_200)
        self.http_200 = http_200
        self._signatures: dict[Method, inspect.Signature | None] = {}
        kinds = {s.id: s.kind for s in catalog.spaces.values()}
        self._protocol: dict[int, type[Error]] = {}
        for code in (*STANDARD, INTERNAL_ERROR):
            for entry in catalog.find(code):
                if kinds.get(entry.space) == "jsonrpc" and entry.status != "removed":
                    self._protocol[code] = errors_of(catalog)[entry.space, code]
                    break

    # -- the table -------------------------------------------------------------------

    def method(self, func: Method | None = None, *, name: str | None = None) -> Any:
        """Register a method: ``@rpc.method`` or ``@rpc.method(name="eth_call")``."""

        def add(f: Method) -> Method:
            self.methods[name or f.__name__] = f
            return f

        return add if func is None else add(func)

    # -- errors ------------------------------------------------------------------------

    def protocol_error(self, code: int) -> Error:
        """Return the error for a protocol code: the catalog's entry, else the standard text."""
        cls = self._protocol.get(code)
        if cls is not None:
            return cls()
        body = {"jsonrpc": "2.0", "error": {"code": code, "message": STANDARD[code]}, "id": None}
        error = decode(None, None, body, catalog=self.catalog)
        error.status = 200
        return error

    def as_error(self, exc: BaseException) -> Error:
        """``exc`` as a catalog error; an unexpected exception becomes the catalog's
        ``internal_error``, else its JSON-RPC -32603 entry, else a bare -32603."""
        if isinstance(exc, Error) or self.catalog.meta.internal_error is not None:
            return as_error(exc, self.catalog)
        cls = self._protocol.get(INTERNAL_ERROR)
        if cls is None:
            return as_error(exc, self.catalog)
        error = cls()
        error.__cause__ = exc
        return error

    def error_response(
        self, exc: BaseException, id: Any, locale: str | None = None
    ) -> dict[str, Any]:
        """Return the JSON-RPC error response object for ``exc`` (and report it)."""
        response: dict[str, Any] = self._object(self._failure(exc, id), locale)
        return response

    def _failure(self, exc: BaseException, id: Any) -> tuple[Error, Any]:
        error = self.as_error(exc)
        notify(self.on_error, error, exc)
        return error, id

    def _object(self, answer: Any, locale: str | None) -> Any:
        """A response object from ``_answer``'s result (an ``(error, id)`` pair is rendered)."""
        if type(answer) is tuple:
            error, id = answer
            return orjson.loads(render(error, "jsonrpc", locale=locale, id=id).body)
        return answer

    # -- one request -------------------------------------------------------------------

    def _prepare(self, request: Any) -> _Call | Error:
        if type(request) is not dict or request.get("jsonrpc") != "2.0":
            return self.protocol_error(INVALID_REQUEST)
        name = request.get("method")
        params = request.get("params", _MISSING)
        rid = request.get("id")
        bad_id = not (rid is None or type(rid) in (str, int, float))
        bad_params = params is not _MISSING and type(params) not in (list, dict)
        if type(name) is not str or bad_id or bad_params:
            return self.protocol_error(INVALID_REQUEST)
        func = self.methods.get(name)
        if func is None:
            return self.protocol_error(METHOD_NOT_FOUND)
        args: list[Any] = params if type(params) is list else []
        kwargs: dict[str, Any] = params if type(params) is dict else {}
        if not self._fits(func, args, kwargs):
            return self.protocol_error(INVALID_PARAMS)
        return _Call(func, args, kwargs, request)

    def _fits(self, func: Method, args: list[Any], kwargs: dict[str, Any]) -> bool:
        if func in self._signatures:
            sig = self._signatures[func]
        else:
            try:
                sig = inspect.signature(func)
            except (TypeError, ValueError):
                sig = None
            self._signatures[func] = sig
        if sig is None:
            return True
        try:
            sig.bind(*args, **kwargs)
        except TypeError:
            return False
        return True

    def _request_id(self, request: Any) -> Any:
        if type(request) is dict:
            rid = request.get("id")
            if rid is None or type(rid) in (str, int, float):
                return rid
        return None

    def _refused(self, request: Any, error: Error) -> tuple[Error, Any] | None:
        """A request refused before its method ran; notifications get no answer."""
        notify(self.on_error, error, error)
        if type(request) is dict and "id" not in request and error.code != INVALID_REQUEST:
            return None
        return error, self._request_id(request)

    def _done(self, call: _Call, result: Any) -> dict[str, Any] | None:
        return None if call.notification else {"jsonrpc": "2.0", "result": result, "id": call.id}

    def _failed(self, call: _Call, exc: Exception) -> tuple[Error, Any] | None:
        answer = self._failure(exc, call.id)
        return None if call.notification else answer

    def _answer(self, request: Any) -> Any:
        """Run one request: None, a success object, or an ``(error, id)`` pair to render."""
        call = self._prepare(request)
        if isinstance(call, Error):
            return self._refused(request, call)
        try:
            result = call.func(*call.args, **call.kwargs)
            if inspect.isawaitable(result):
                close = getattr(result, "close", None)
                if close is not None:
                    close()
                raise TypeError(f"method {call.func!r} is a coroutine: use the *_async calls")
        except Exception as exc:
            return self._failed(call, exc)
        return self._done(call, result)

    async def _answer_async(self, request: Any) -> Any:
        call = self._prepare(request)
        if isinstance(call, Error):
            return self._refused(request, call)
        try:
            result = call.func(*call.args, **call.kwargs)
            if inspect.isawaitable(result):
                result = await result
        except Exception as exc:
            return self._failed(call, exc)
        return self._done(call, result)

    # -- parsed requests -----------------------------------------------------------------

    def _collect(self, answers: list[Any], locale: str | None) -> list[Any] | None:
        out = [self._object(a, locale) for a in answers if a is not None]
        return out or None

    def dispatch(self, request: Any, *, locale: str | None = None) -> Any:
        """Answer a parsed request (object or batch list): a response object, a list, or None.

        ``locale`` is a locale tag or an ``Accept-Language`` value for the messages.
        """
        if type(request) is not list:
            return self._object(self._answer(request), locale)
        if not request:
            return self._object(self._refused(None, self.protocol_error(INVALID_REQUEST)), locale)
        return self._collect([self._answer(r) for r in request], locale)

    async def dispatch_async(self, request: Any, *, locale: str | None = None) -> Any:
        """:meth:`dispatch` that awaits coroutine methods (batch members in order)."""
        if type(request) is not list:
            return self._object(await self._answer_async(request), locale)
        if not request:
            return self._object(self._refused(None, self.protocol_error(INVALID_REQUEST)), locale)
        return self._collect([await self._answer_async(r) for r in request], locale)

    # -- the wire ----------------------------------------------------------------------

    def _parse(self, body: bytes | str) -> Any:
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            return _MISSING

    def _rendered(self, answer: Any, locale: str | None) -> Rendered | None:
        """One answer on the wire: an error keeps its catalog HTTP status and headers."""
        if answer is None:
            return None
        if type(answer) is tuple:
            error, id = answer
            return render(error, self.profile, locale=locale, id=id)
        return Rendered(200, _HEADERS, orjson.dumps(answer, default=str), MEDIA_TYPE)

    def _batch(self, answers: list[Any], locale: str | None) -> Rendered | None:
        items = [a for a in answers if a is not None]
        if not items:
            return None
        return render_batch(items, locale=locale, catalog=self.catalog)

    def handle(self, body: bytes | str, *, locale: str | None = None) -> Rendered | None:
        """Answer a request body: the response to send, or None (only notifications)."""
        request = self._parse(body)
        if request is _MISSING:
            return self._rendered(self._refused(None, self.protocol_error(PARSE_ERROR)), locale)
        if type(request) is not list:
            return self._rendered(self._answer(request), locale)
        if not request:
            return self._rendered(self._refused(None, self.protocol_error(INVALID_REQUEST)), locale)
        return self._batch([self._answer(r) for r in request], locale)

    async def handle_async(
        self, body: bytes | str, *, locale: str | None = None
    ) -> Rendered | None:
        """:meth:`handle` that awaits coroutine methods."""
        request = self._parse(body)
        if request is _MISSING:
            return self._rendered(self._refused(None, self.protocol_error(PARSE_ERROR)), locale)
        if type(request) is not list:
            return self._rendered(await self._answer_async(request), locale)
        if not request:
            return self._rendered(self._refused(None, self.protocol_error(INVALID_REQUEST)), locale)
        return self._batch([await self._answer_async(r) for r in request], locale)
