"""errdex verify against real apps: in-process ASGI and WSGI, and a real uvicorn on loopback."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from shop_service import ENV, catalog, flask_app, starlette_app

from errdex.reality.verify import VerifyError, verify

APPS = {"starlette": starlette_app, "flask": flask_app}


@pytest.mark.parametrize("kind", sorted(APPS))
def test_a_service_that_answers_as_declared_passes(kind: str) -> None:
    run = verify(catalog(), app=APPS[kind](), environ=ENV)
    assert [(o.case.label, o.passed, o.mismatches, o.error) for o in run.outcomes] == [
        ("AUTH-ERR-4 invalidJWT", True, (), None),
        ("AUTH-ERR-4 invalidJWT", True, (), None),
        ("AUTH-ERR-5 noToken", True, (), None),
        ("LIM-1 slowDown", True, (), None),
    ]
    assert (run.passed, run.failed) == (4, 0)
    # the tombstone needs no example; the entry that says why it has none is listed with it
    assert [(m.entry.code, m.reason) for m in run.missing] == [
        ("AUTH-ERR-9", "only the v0 API sends it")
    ]


def _failures(run: Any) -> dict[str, list[str]]:
    return {
        f"{o.case.label}#{o.case.example}": [m.what for m in o.mismatches]
        for o in run.outcomes
        if not o.passed
    }


@pytest.mark.parametrize("kind", sorted(APPS))
def test_a_changed_status_fails_with_the_status_diff(kind: str) -> None:
    run = verify(catalog(), app=APPS[kind](drift="status"), environ=ENV)
    assert _failures(run) == {
        "AUTH-ERR-4 invalidJWT#0": ["status"],
        "AUTH-ERR-4 invalidJWT#1": ["status"],
        "AUTH-ERR-5 noToken#0": ["status"],
        "LIM-1 slowDown#0": ["status"],
    }
    status = run.outcomes[0].mismatches[0]
    assert (status.expected, status.got) == ("401", "403")


@pytest.mark.parametrize("kind", sorted(APPS))
def test_swapped_codes_fail_on_the_entry(kind: str) -> None:
    run = verify(catalog(), app=APPS[kind](drift="swap"), environ=ENV)
    failures = _failures(run)
    assert failures["AUTH-ERR-5 noToken#0"][0] == "entry"
    assert failures["AUTH-ERR-4 invalidJWT#0"][0] == "entry"
    first = run.outcomes[0].mismatches[0]
    assert (first.expected, first.got) == ("AUTH-ERR-4 invalidJWT", "AUTH-ERR-5 (noToken)")
    assert "LIM-1 slowDown#0" not in failures


@pytest.mark.parametrize("kind", sorted(APPS))
def test_a_renamed_envelope_key_fails_on_the_envelope(kind: str) -> None:
    run = verify(catalog(), app=APPS[kind](drift="rename"), environ=ENV)
    envelope = [m for o in run.outcomes for m in o.mismatches if m.what == "envelope"]
    assert len(envelope) == 4
    assert "missing detail" in envelope[0].got and "has message" in envelope[0].got


@pytest.mark.parametrize("kind", sorted(APPS))
def test_a_missing_route_fails_with_every_difference(kind: str) -> None:
    run = verify(catalog(), app=APPS[kind](drift="missing"), environ=ENV)
    failures = _failures(run)
    assert failures["AUTH-ERR-5 noToken#0"][:2] == ["entry", "status"]
    assert "LIM-1 slowDown#0" not in failures
    got = run.outcomes[0].mismatches[0].got
    assert got == "no error code"


def test_the_language_asked_for_is_checked() -> None:
    cat = catalog()

    def english_only(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        import errdex

        err = cat.error("AUTH-ERR-4", age=5)
        rendered = errdex.render(err, "problem")  # ignores Accept-Language
        start_response(f"{rendered.status} X", list(rendered.headers))
        return [rendered.body]

    run = verify(cat, app=english_only, environ=ENV, select=["invalidJWT"])
    assert _failures(run) == {"AUTH-ERR-4 invalidJWT#1": ["header content-language"]}
    mismatch = run.outcomes[1].mismatches[0]
    assert (mismatch.expected, mismatch.got) == ("zh-CN", "absent")


def test_against_a_real_server_on_loopback() -> None:
    from live_server import serve

    with serve(starlette_app()) as url:
        good = verify(catalog(), base_url=url, environ=ENV)
    assert (good.passed, good.failed) == (4, 0)
    with serve(starlette_app(drift="swap")) as url:
        bad = verify(catalog(), base_url=url, environ=ENV)
    assert bad.failed == 3
    assert bad.target.startswith("http://127.0.0.1:")


def test_a_variable_nobody_set_fails_that_case_and_names_it() -> None:
    run = verify(catalog(), app=starlette_app(), environ={})
    errors = [o.error for o in run.outcomes if o.error]
    assert len(errors) == 2
    assert "SHOP_EXPIRED" in errors[0] and "environment variable" in errors[0]
    assert run.passed == 2


def _slow_app(delay: float) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await asyncio.sleep(delay)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    return app


def test_a_request_that_gets_no_answer_in_time_fails_without_hanging() -> None:
    started = time.monotonic()
    run = verify(catalog(), app=_slow_app(30), environ=ENV, timeout=0.3, select=["noToken"])
    assert time.monotonic() - started < 10
    assert run.outcomes[0].error == "no answer within 0.3 s"


def test_a_wsgi_app_that_hangs_is_reported_and_left_behind() -> None:
    release = threading.Event()

    def hanging(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        release.wait(20)
        start_response("200 OK", [])
        return [b"{}"]

    try:
        run = verify(catalog(), app=hanging, environ=ENV, timeout=0.3, select=["noToken"])
    finally:
        release.set()
    assert run.outcomes[0].error == "no answer within 0.3 s"


def _redirecting(target: str) -> Any:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        if scope["path"] == "/v1/repos":
            headers = [(b"location", target.encode())]
            await send({"type": "http.response.start", "status": 302, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await starlette_app()(scope, receive, send)

    return app


def test_redirects_are_followed_only_below_the_base_url() -> None:
    off = verify(catalog(), app=_redirecting("http://elsewhere.example/v1/repos"), environ=ENV)
    outcome = next(o for o in off.outcomes if o.case.entry.name == "noToken")
    status = next(m for m in outcome.mismatches if m.what == "status")
    assert status.got == (
        "302 (redirect to http://elsewhere.example/v1/repos not followed: it leaves the base URL)"
    )
    hosts = ["elsewhere.example"]
    allowed = verify(
        catalog(), app=_redirecting("http://elsewhere.example/x"), environ=ENV, hosts=hosts
    )
    # the allowed host is followed (an in-process app answers for every host)
    assert next(o for o in allowed.outcomes if o.case.entry.name == "noToken").answer is not None


def test_no_more_requests_in_flight_than_the_limit() -> None:
    state = {"now": 0, "most": 0}
    lock = threading.Lock()

    def counting(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.05)
        with lock:
            state["now"] -= 1
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"no"]

    verify(catalog(), app=counting, environ=ENV, concurrency=2)
    assert state["most"] == 2
    state["most"] = 0
    verify(catalog(), app=counting, environ=ENV, concurrency=1)
    assert state["most"] == 1


SETUP = """
[verify]
[[verify.setup]]
method = "POST"
path = "/login"
json = { user = "ci" }
capture = { token = "/data/token" }
"""


def _with_setup(text: str) -> Any:
    from shop_service import CATALOG

    import errdex

    block = '[verify]\nprofile = "problem"\nheaders = { X-Client = "errdex-verify" }\n'
    base = CATALOG.replace(block, "").replace(
        'Authorization = "Bearer ${SHOP_EXPIRED}"', 'Authorization = "Bearer ${token}"'
    )
    return errdex.loads(base.replace("[catalog]", text + "\n[catalog]", 1), name="s.toml")


def test_setup_requests_capture_values_for_the_examples() -> None:
    seen: list[str] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == "/login":
            seen.append("login")
            headers = [(b"content-type", b"application/json")]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send(
                {"type": "http.response.body", "body": b'{"data":{"token":"expired-token"}}'}
            )
            return
        await starlette_app()(scope, receive, send)

    run = verify(_with_setup(SETUP), app=app, environ={})
    assert seen == ["login"]
    assert (run.passed, run.failed) == (4, 0)


def test_a_failing_setup_stops_the_run_with_the_reason() -> None:
    with pytest.raises(VerifyError, match=r"setup request 1 \(POST /login\) answered 404"):
        verify(_with_setup(SETUP), app=starlette_app(), environ={})


def test_a_run_needs_a_target_and_a_known_profile() -> None:
    with pytest.raises(VerifyError, match="give --base-url URL"):
        verify(catalog())
    with pytest.raises(VerifyError, match="unknown profile 'soap'"):
        verify(catalog(), app=starlette_app(), profile="soap")
    with pytest.raises(VerifyError, match="is not an http"):
        verify(catalog(), base_url="ftp://example.com")
    with pytest.raises(VerifyError, match="cannot import no_such_module"):
        verify(catalog(), app="no_such_module:app")
