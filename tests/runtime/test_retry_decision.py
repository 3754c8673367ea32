"""The retry decision of docs/wire.md ("Retry decision"): class, method, key, attempts, delays."""

from __future__ import annotations

import pytest

import errdex
from errdex.runtime.retry import decide, fault_of, retry_class, retry_of


@pytest.mark.parametrize(
    ("retry", "method", "key", "reason"),
    [
        ("safe", "POST", False, "retry"),
        ("never", "GET", True, "never"),
        ("idempotent-only", "POST", False, "not-idempotent"),
        ("idempotent-only", "PATCH", False, "not-idempotent"),
        ("idempotent-only", "put", False, "retry"),
        ("idempotent-only", "POST", True, "retry"),
        ("outcome-unknown", "DELETE", False, "needs-idempotency-key"),
        ("outcome-unknown", None, False, "needs-idempotency-key"),
        ("outcome-unknown", "GET", False, "retry"),
        ("outcome-unknown", "POST", True, "retry"),
    ],
)
def test_method_and_idempotency_key_decide(
    retry: str, method: str | None, key: bool, reason: str
) -> None:
    decision = decide(retry, method=method, idempotency_key=key)
    assert decision.reason == reason
    assert decision.retry is (reason == "retry")


def test_attempts_and_a_server_delay_beyond_the_cap_give_up() -> None:
    assert decide("safe", attempt=3, max_attempts=3).reason == "attempts-exhausted"
    assert decide("safe", attempt=2, max_attempts=3).retry
    # the server asks for longer than the caller will wait: give up, never retry early
    assert decide("safe", server_delay=120, cap=30).reason == "retry-after-exceeds-cap"


def test_waits_honour_the_server_and_add_jitter() -> None:
    d = decide("safe", server_delay=7, cap=30, base=0.5)
    assert (d.low, d.high) == (7.0, 7.5)  # never earlier than asked
    assert d.delay(lambda: 0.0) == 7.0 and d.delay(lambda: 0.999) < 7.5
    d = decide("safe", server_delay=29.8, cap=30, base=0.5)
    assert (d.low, d.high) == (29.8, 30.0)
    # no server delay: full jitter over an exponential window, capped
    assert [decide("safe", attempt=n, max_attempts=99).high for n in (1, 2, 3, 4)] == [
        0.5,
        1.0,
        2.0,
        4.0,
    ]
    assert decide("safe", attempt=40, max_attempts=99, cap=10).high == 10
    assert decide("safe", attempt=1).low == 0.0


def test_retry_class_by_field_shorthand_server_and_status() -> None:
    assert retry_class(retry="outcome-unknown", retryable=True) == "outcome-unknown"
    assert retry_class(retryable=True, http_status=400) == "safe"
    assert retry_class(retryable=False, server_delay=5) == "never"
    assert retry_class(server_delay=5, http_status=400) == "safe"
    by_status = {s: retry_class(http_status=s) for s in (400, 408, 425, 429, 500, 502, 503, 504)}
    assert by_status == {
        400: "never",
        408: "safe",
        425: "safe",
        429: "safe",
        500: "never",
        502: "idempotent-only",
        503: "safe",
        504: "outcome-unknown",
    }
    assert retry_class() == "never"


def test_fault_defaults_by_status() -> None:
    assert [fault_of(None, s) for s in (404, 500, 502, 503, 504, 200, None)] == [
        "client",
        "server",
        "dependency",
        "dependency",
        "dependency",
        None,
        None,
    ]
    assert fault_of("client", 500) == "client"


CATALOG = """
[catalog]
id = "pay"
[[errors]]
code = "TIMEOUT"
http_status = 504
retry = "outcome-unknown"
[[errors]]
code = "BUSY"
http_status = 503
[[errors]]
code = "BAD"
http_status = 400
retryable = false
[[errors]]
code = "RPC"
http_status = 200
jsonrpc_code = -32000
message = "Server error"
[[errors.variants]]
message = "Request timed out. Client should retry."
retryable = true
[[errors]]
code = "LATER"
retry_after = 4
"""


def test_retry_of_raised_and_decoded_errors() -> None:
    cat = errdex.loads(CATALOG)
    assert retry_of(cat.error("TIMEOUT")) == "outcome-unknown"
    assert retry_of(cat.error("BUSY")) == "safe"  # 503 by status
    assert retry_of(cat.error("BAD")) == "never"
    assert retry_of(cat.error("BAD", retryable=True)) == "safe"  # the raiser's override
    rendered = errdex.render(cat.error("TIMEOUT"), "problem")
    decoded = errdex.decode(rendered.status, rendered.headers, rendered.body, catalog=cat)
    assert retry_of(decoded) == "outcome-unknown"
    unknown = errdex.decode(
        502, [("Content-Type", "application/json")], b'{"code":"NOPE"}', catalog=cat
    )
    assert retry_of(unknown) == "idempotent-only"
    told = errdex.decode(
        400, [("Retry-After", "3")], b'{"code":"NOPE","message":"slow down"}', catalog=cat
    )
    assert retry_of(told) == "safe"


def test_a_variants_own_word_and_a_sent_delay_give_the_class() -> None:
    cat = errdex.loads(CATALOG)
    # a JSON-RPC error over 200 says nothing; its "timed out" message says retry
    assert retry_of(cat.error("RPC")) == "never"
    timed_out = cat.error("RPC", variant="Request timed out. Client should retry.")
    assert retry_of(timed_out) == "safe"
    rendered = errdex.render(timed_out, "jsonrpc", id=1)
    decoded = errdex.decode(rendered.status, rendered.headers, rendered.body, catalog=cat)
    assert decoded.retryable is True and retry_of(decoded) == "safe"
    # an error sent with Retry-After is safe on both sides, not only once decoded
    later = cat.error("LATER")
    back = errdex.render(later, "problem")
    assert (
        retry_of(later)
        == "safe"
        == retry_of(errdex.decode(back.status, back.headers, back.body, catalog=cat))
    )
