"""Services benchmarks (issue 9): a catalog error answered by each framework integration.

For Starlette, Flask and Django, the same app is timed twice in alternating
rounds, in process (no socket, no client):

- the subject: a route returns ``handlers.response(cat.error("SHOP-1", order_id=...))``
  (a 404 with one parameter, in the catalog's language; target 1.2x) — and, shown
  without a target, the same route *raising* the error for the integration to
  answer (``errdex.integrations.starlette.install``, ``...flask.install``, Django's
  ``ErrorMiddleware``), which adds the framework's own raise-and-handle cost;
- the floor: the same route returns the same problem document, built as a dict
  literal with an f-string message and serialised with ``orjson.dumps`` into the
  framework's plain ``Response``/``HttpResponse`` (not ``JSONResponse``, which is
  slower than a floor should be).

Starlette is called as ASGI (prepared scope, no-op receive/send,
one event loop), Flask as WSGI (``app.wsgi_app`` with a fresh copy of a
prepared environ each call, for both), Django through its ``WSGIHandler`` with
the example app's settings (``examples/apps/django_app.py``). The bodies of both
sides are checked equal before timing. Times are CPU time of the process
(:data:`CLOCK`), the best of alternating rounds.
"""

from __future__ import annotations

import io
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

import errdex
from bench_runtime import ASGI_CALLS, _Asgi
from timing import Result, best_of

SUITE = "services"
TARGET = 1.2
NO_TARGET = float("inf")
APPS = Path(__file__).resolve().parents[1] / "examples" / "apps"
PROBLEM = "application/problem+json"
WSGI_CALLS = 1_000
CLOCK = time.process_time
"""CPU time of this process: on a machine shared with other work, far steadier than wall
time (a neighbour's load moves the wall clock of both sides, not their CPU time)."""


def _asgi_pair(floor_app: Any, app: Any, path: str, repeat: int) -> tuple[float, float, list, list]:
    """Time two ASGI apps in alternating rounds (CPU time); seconds per request and what
    each sent first."""
    floor, subject = _Asgi(floor_app, path), _Asgi(app, path)
    try:
        floor()
        subject()  # warm: routes compiled, classes made
        floors, subjects = [], []
        for _ in range(repeat):
            floors.append(best_of(floor, repeat=1, clock=CLOCK))
            subjects.append(best_of(subject, repeat=1, clock=CLOCK))
    finally:
        floor.close()
        subject.close()
    return min(floors) / ASGI_CALLS, min(subjects) / ASGI_CALLS, floor.sent, subject.sent


def _catalog() -> Any:
    return errdex.load(APPS / "shop.toml")


def _doc(cat: Any, order_id: str) -> dict[str, Any]:
    return dict(orjson.loads(errdex.render(cat.error("SHOP-1", order_id=order_id), "problem").body))


def _floor_body(doc: dict[str, Any]) -> Callable[[str], bytes]:
    kind, title, status = doc["type"], doc["title"], doc["status"]

    def body(order_id: str) -> bytes:
        return orjson.dumps(
            {
                "type": kind,
                "title": title,
                "status": status,
                "detail": f"Order {order_id} does not exist.",
                "code": "SHOP-1",
                "name": "orderNotFound",
                "retryable": False,
                "params": {"order_id": order_id},
            }
        )

    return body


def _starlette(repeat: int) -> list[Result]:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    from errdex.integrations.starlette import install

    cat = _catalog()
    body = _floor_body(_doc(cat, "7"))

    async def raising(request: Request) -> Response:
        raise cat.error("SHOP-1", order_id=request.path_params["order_id"])

    async def returning(request: Request) -> Response:
        return handlers.response(
            cat.error("SHOP-1", order_id=request.path_params["order_id"]), request
        )

    async def hand_built(request: Request) -> Response:
        return Response(body(request.path_params["order_id"]), 404, media_type=PROBLEM)

    out = []
    for name, route, target in (("return", returning, TARGET), ("raise", raising, NO_TARGET)):
        app = Starlette(routes=[Route("/orders/{order_id}", route)])
        handlers = install(app, cat)
        floor_app = Starlette(routes=[Route("/orders/{order_id}", hand_built)])
        floor, took, floor_sent, sent = _asgi_pair(floor_app, app, "/orders/7", repeat)
        assert orjson.loads(floor_sent[1]["body"]) == orjson.loads(sent[1]["body"])
        label = f"Starlette: {name} catalog error"
        out.append(Result(SUITE, label, took, "route → orjson bytes", floor, target))
    return out


def _environ(path: str) -> dict[str, Any]:
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "bench",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "bench",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


class _Wsgi:
    """Calls a WSGI app in process with a fresh copy of one prepared environ per call."""

    def __init__(self, app: Any, path: str) -> None:
        self.app = app
        self.environ = _environ(path)
        self.body = b""

    def _start(self, status: str, headers: list[Any], exc_info: Any = None) -> None:
        self.status = status

    def __call__(self) -> None:
        app, environ, start = self.app, self.environ, self._start
        for _ in range(WSGI_CALLS):
            env = environ.copy()
            env["wsgi.input"] = io.BytesIO(b"")
            chunks = app(env, start)
            body = b"".join(chunks)
            close = getattr(chunks, "close", None)
            if close is not None:
                close()
        self.body = body


def _wsgi_pair(floor_app: Any, app: Any, path: str, repeat: int) -> tuple[float, float]:
    floor, subject = _Wsgi(floor_app, path), _Wsgi(app, path)
    floor()
    subject()
    assert orjson.loads(floor.body) == orjson.loads(subject.body), (floor.body, subject.body)
    floors, subjects = [], []
    for _ in range(repeat):
        floors.append(best_of(floor, repeat=1, clock=CLOCK))
        subjects.append(best_of(subject, repeat=1, clock=CLOCK))
    return min(floors) / WSGI_CALLS, min(subjects) / WSGI_CALLS


def _flask(repeat: int) -> list[Result]:
    from flask import Flask

    from errdex.integrations.flask import install

    cat = _catalog()
    body = _floor_body(_doc(cat, "7"))
    floor_app = Flask("bench_floor")

    @floor_app.get("/orders/<order_id>")
    def hand_built(order_id: str) -> Any:
        return floor_app.response_class(body(order_id), status=404, content_type=PROBLEM)

    out = []
    for name, target in (("return", TARGET), ("raise", NO_TARGET)):
        app = Flask(f"bench_{name}")
        handlers = install(app, cat)
        if name == "raise":

            @app.get("/orders/<order_id>")
            def raising(order_id: str) -> Any:
                raise cat.error("SHOP-1", order_id=order_id)

        else:

            @app.get("/orders/<order_id>")
            def returning(order_id: str, handlers: Any = handlers) -> Any:
                return handlers.response(cat.error("SHOP-1", order_id=order_id))

        floor, took = _wsgi_pair(floor_app.wsgi_app, app.wsgi_app, "/orders/7", repeat)
        label = f"Flask: {name} catalog error"
        out.append(Result(SUITE, label, took, "view → orjson bytes", floor, target))
    return out


def _django(repeat: int) -> list[Result]:
    sys.path.insert(0, str(APPS))
    import django_app
    from django.core.handlers.wsgi import WSGIHandler
    from django.http import HttpResponse
    from django.urls import clear_url_caches, path

    from errdex.integrations.django import configured

    cat = django_app.catalog
    body = _floor_body(_doc(cat, "7"))
    errors = configured()

    def raising(request: Any, order_id: str) -> Any:
        raise cat.error("SHOP-1", order_id=order_id)

    def returning(request: Any, order_id: str) -> Any:
        return errors.response(cat.error("SHOP-1", order_id=order_id), request)

    def hand_built(request: Any, order_id: str) -> Any:
        return HttpResponse(body(order_id), status=404, content_type=PROBLEM)

    django_app.urlpatterns += [
        path("bench/raise/<str:order_id>", raising),
        path("bench/return/<str:order_id>", returning),
        path("bench/floor/<str:order_id>", hand_built),
    ]
    clear_url_caches()
    handler = WSGIHandler()
    out = []
    for name, target in (("return", TARGET), ("raise", NO_TARGET)):
        floor_w, subject_w = _Wsgi(handler, "/bench/floor/7"), _Wsgi(handler, f"/bench/{name}/7")
        floor_w()
        subject_w()
        assert orjson.loads(floor_w.body) == orjson.loads(subject_w.body)
        floors, subjects = [], []
        for _ in range(repeat):
            floors.append(best_of(floor_w, repeat=1, clock=CLOCK))
            subjects.append(best_of(subject_w, repeat=1, clock=CLOCK))
        floor, took = min(floors) / WSGI_CALLS, min(subjects) / WSGI_CALLS
        label = f"Django: {name} catalog error"
        out.append(Result(SUITE, label, took, "view → orjson bytes", floor, target))
    return out


def run(quick: bool = False) -> list[Result]:
    """Run the services benchmarks; ``quick`` uses fewer repeats."""
    repeat = 5 if quick else 21
    logging.disable(logging.WARNING)  # Django logs every 4xx, on both sides alike
    try:
        return [*_starlette(repeat), *_flask(repeat), *_django(repeat)]
    finally:
        logging.disable(logging.NOTSET)


if __name__ == "__main__":
    for result in run("--quick" in sys.argv):
        print(f"{result.name}: {result.ratio:.2f}x (target {result.target}x)")
