"""The retry decision the clients share: the error's retry class, its request, its delay."""

from __future__ import annotations

from types import SimpleNamespace

import errdex
from catalogs import HEAD
from errdex.integrations.retrying import decision_for, request_of
from errdex.model import Catalog
from errdex.runtime.retry import RetryDecision

IDEMPOTENT = errdex.loads(
    HEAD + '[[errors]]\ncode = "WRITE-1"\nmessage = "m"\nretry = "idempotent-only"\n'
)


def _with_request(error: errdex.Error, method: str, **headers: str) -> errdex.Error:
    error.request = SimpleNamespace(method=method, headers=headers)  # type: ignore[attr-defined]
    return error


def test_a_safe_error_waits_what_the_server_said(shop: Catalog) -> None:
    assert decision_for(shop.error("AUTH-ERR-5")) == RetryDecision(True, "retry", 30.0, 30.0)


def test_an_error_that_states_nothing_is_not_retried_unless_unknown_is_asked(
    shop: Catalog,
) -> None:
    error = shop.error("AUTH-ERR-4")
    assert decision_for(error) == RetryDecision(False, "never", 0.0, 0.0)
    assert decision_for(error, unknown=True).retry is True


def test_the_requests_method_and_idempotency_key_decide_an_idempotent_only_error() -> None:
    post = _with_request(IDEMPOTENT.error("WRITE-1"), "POST")
    assert decision_for(post).retry is False
    keyed = _with_request(IDEMPOTENT.error("WRITE-1"), "POST", **{"Idempotency-Key": "k1"})
    assert decision_for(keyed).retry is True
    assert decision_for(_with_request(IDEMPOTENT.error("WRITE-1"), "PUT")).retry is True
    assert decision_for(IDEMPOTENT.error("WRITE-1")).retry is False  # no request: not idempotent


def test_attempts_and_the_cap_stop_retrying(shop: Catalog) -> None:
    error = shop.error("AUTH-ERR-5")
    assert decision_for(error, attempt=3, max_attempts=3).reason == "attempts-exhausted"
    late = shop.error("AUTH-ERR-5", retry_after=500)
    assert decision_for(late, cap=60).reason == "retry-after-exceeds-cap"


def test_request_of_prefers_the_decoded_responses_request(shop: Catalog) -> None:
    error = shop.error("AUTH-ERR-5")
    assert request_of(error) is None
    own = SimpleNamespace(method="GET")
    error.request = own  # type: ignore[attr-defined]
    assert request_of(error) is own
    sent = SimpleNamespace(method="POST")
    error.response = SimpleNamespace(_request=sent)  # type: ignore[attr-defined]
    assert request_of(error) is sent
