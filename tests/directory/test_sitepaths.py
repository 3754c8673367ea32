"""Where the static site puts a code page its permalink cannot hold: a folder that can exist."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from errdex.directory.sitepaths import folder_name, folders, reserved, site_paths
from errdex.model.urls import unservable_segment


def test_a_servable_permalink_keeps_its_path() -> None:
    paths = ["/odd/%252e%252e", "/odd/Q%3Fx%3D1%23frag", "/odd/%E4%B8%AD", "/search/x"]
    assert site_paths(paths) == {p: p for p in paths}


@pytest.mark.parametrize(
    ("segment", "name"),
    [
        ("A/B", "A%2FB"),
        ("../../etc", "..%2F..%2Fetc"),
        ("..", "%2E%2E"),
        (".", "%2E"),
        ("a\\b\x00", "a%5Cb%00"),
        ("ok", "ok"),
        ("中文", "中文"),
    ],
)
def test_a_segment_that_is_no_folder_is_named_by_its_escape(segment: str, name: str) -> None:
    assert folder_name(segment) == name
    assert unservable_segment("/" + name.replace("%", "%25")) is None


def test_a_name_too_long_to_escape_is_a_hash() -> None:
    long = "/" * 100
    name = folder_name(long)
    assert name.startswith("~") and len(name) == 33 and folder_name("/" * 101) != name


def test_moved_pages_are_linked_once_decoded_back_to_their_folder() -> None:
    placed = site_paths(["/odd/A%2FB", "/odd/..%2F..%2Fetc"])
    assert placed == {"/odd/A%2FB": "/odd/A%252FB", "/odd/..%2F..%2Fetc": "/odd/..%252F..%252Fetc"}
    assert [folders(p) for p in placed.values()] == [("odd", "A%2FB"), ("odd", "..%2F..%2Fetc")]


def test_a_taken_folder_or_a_page_of_the_directory_gets_a_suffix() -> None:
    placed = site_paths(
        ["/odd/A%2FB", "/odd/A%252FB", "/catalogs/odd", "/search", "/static/errdex.css", "/odd/x"]
    )
    assert placed["/odd/A%252FB"] == "/odd/A%252FB"  # the code 'A%2FB' is at its permalink
    assert placed["/odd/A%2FB"] == "/odd/A%252FB~2"  # so 'A/B' moves on
    assert placed["/catalogs/odd"] == "/catalogs~2/odd"
    assert placed["/search"] == "/search~2"
    assert placed["/static/errdex.css"] == "/static~2/errdex.css"
    assert placed["/odd/x"] == "/odd/x"
    where = [folders(p) for p in placed.values()]
    assert len(set(where)) == len(where) and not any(reserved(w) for w in where)
    for path in placed.values():
        assert all(
            unquote(p) not in (".", "..") and "/" not in unquote(p) for p in path[1:].split("/")
        )
