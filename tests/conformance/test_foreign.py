"""``errdex.conformance.foreign``: real responses of other servers, which decode never fails on."""

from __future__ import annotations

import pytest

import errdex
from catalogs import example
from errdex.conformance.foreign import SAMPLES, Foreign


def test_each_sample_is_distinct_and_says_where_it_comes_from() -> None:
    slugs = [s.slug for s in SAMPLES]
    assert len(slugs) == len(set(slugs)) >= 15
    for sample in SAMPLES:
        assert isinstance(sample, Foreign) and sample.source and isinstance(sample.body, bytes)
        assert sample.status is None or 100 <= sample.status <= 599
        assert all(type(k) is str and type(v) is str for k, v in sample.headers)


def test_the_hard_shapes_are_there() -> None:
    by_slug = {s.slug: s for s in SAMPLES}
    assert by_slug["cloudflare-520-empty"].body == b""
    assert by_slug["no-status-log-line"].status is None
    with pytest.raises(UnicodeDecodeError):
        by_slug["latin1-500"].body.decode("utf-8")
    assert by_slug["truncated-json-502"].body.startswith(b"{")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda s: s.slug)
def test_decode_never_fails_and_falls_back_by_http_class(shop, sample: Foreign) -> None:
    for catalog in (shop, example("alchemy")):
        err = errdex.decode(sample.status, list(sample.headers), sample.body, catalog=catalog)
        assert isinstance(err, catalog.errors.Error)
        if sample.status is not None and sample.status >= 500 and err.entry is None:
            assert isinstance(err, catalog.errors.ServerError)
