"""stamina's retry hook driven by catalog retry hints: the same decisions as tenacity's."""

from __future__ import annotations

import pytest
from retry_cases import Flaky, over_http

import errdex
from errdex.model import Catalog


def test_stamina_hook_decides_the_same_way(csghub: Catalog) -> None:
    import stamina

    from errdex.integrations.stamina import retry_on

    stamina.set_testing(True, attempts=3)
    try:
        for method, headers, expected in (
            ("POST", {}, 1),
            ("POST", {"Idempotency-Key": "k"}, 2),
        ):
            error = over_http(csghub, 502, method, headers)
            flaky = Flaky(error)

            @stamina.retry(on=retry_on(cap=30), attempts=3)
            def call(flaky: Flaky = flaky) -> str:
                return flaky()

            if expected == 1:
                with pytest.raises(errdex.Error):
                    call()
            else:
                assert call() == "ok"
            assert flaky.calls == expected
        hook = retry_on(cap=30)
        late = csghub.error("AUTH-ERR-4", retryable=True, retry_after=3600)
        assert hook(late) is False  # longer than the cap: give up
        wait = hook(csghub.error("AUTH-ERR-4", retryable=True, retry_after=2))
        assert isinstance(wait, float) and 2.0 <= wait <= 2.5
        assert hook(KeyError("x")) is False
    finally:
        stamina.set_testing(False)
