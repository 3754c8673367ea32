"""``errdex.model.urls``: one per-code documentation URL for runtime, docs and directory."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.model import Entry
from errdex.model.urls import fill_docs_url, permalink_path, unservable_segment


def test_every_field_is_filled_and_percent_quoted() -> None:
    entry = Entry(
        code="AUTH/ERR 4", key="AUTH/ERR 4", space="app", module="auth", name="invalidJWT"
    )
    url = fill_docs_url("https://e.com/{catalog}/{space}/{module}/{code}#{name}", "shop", entry)
    assert url == "https://e.com/shop/app/auth/AUTH%2FERR%204#invalidJWT"


def test_absent_module_and_name_are_empty_and_other_braces_stay() -> None:
    entry = Entry(code=-32000, key=-32000, space="rpc")
    assert fill_docs_url("/{module}/{code}/{name}/{other}", "c", entry) == "//-32000//{other}"


def test_the_permalink_path_is_the_docs_url_path_else_catalog_space_code() -> None:
    entry = Entry(code="A/B", key="A/B", space="app")
    assert permalink_path("https://e.com/odd/A%2FB?x=1#f", "odd", entry) == "/odd/A%2FB"
    assert permalink_path(None, "odd", entry) == "/odd/app/A%2FB"
    assert permalink_path("https://e.com/", "odd", entry) == "/odd/app/A%2FB"


@pytest.mark.parametrize(
    ("path", "segment"),
    [
        ("/odd/A%2FB", "A/B"),
        ("/odd/..%2F..%2Fetc", "../../etc"),
        ("/odd/%2e%2E", ".."),
        ("/odd/.", "."),
        ("/odd/a%5Cb", "a\\b"),
        ("/odd/a%00b", "a\x00b"),
        ("/odd/" + "é" * 101, "é" * 101),  # 202 bytes
        ("/odd/%252e%252e", None),  # the folder '%2e%2e'
        ("/odd/Q%3Fx%3D1%23frag", None),
        ("/odd/%E4%B8%AD%E6%96%87", None),
        ("/odd/" + "é" * 100, None),
        ("//odd//x/", None),
    ],
)
def test_a_segment_a_static_host_cannot_serve_as_a_folder_is_named(
    path: str, segment: str | None
) -> None:
    assert unservable_segment(path) == segment


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["http://", "https://", "HTTPS://", "ftp://", "//", ""]),
    st.text(alphabet="ab.:@[]", max_size=6),
    st.text(alphabet="/ab?#%.=&\t\n", max_size=12),
)
def test_url_path_reads_the_path_as_urlsplit_does(scheme: str, host: str, rest: str) -> None:
    from urllib.parse import urlsplit

    from errdex.model.urls import url_path

    url = scheme + host + rest
    try:
        expected = urlsplit(url).path
    except ValueError:  # an invalid IPv6 host: not a URL a catalog can have
        return
    assert url_path(url) == expected, url
