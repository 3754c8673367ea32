"""``errdex.model.types``: the immutable records of a catalog, and their defaults."""

from __future__ import annotations

import pytest

from errdex.model.types import Entry, Example, Request, Verify


def test_display_title_falls_back_title_name_message_code() -> None:
    entry = Entry(code=7, key=7, space="app")
    assert entry.display_title == "7"
    assert entry._replace(message="M").display_title == "M"
    assert entry._replace(message="M", name="n").display_title == "n"
    assert entry._replace(message="M", name="n", title="T").display_title == "T"


def test_an_entry_is_active_unless_removed() -> None:
    entry = Entry(code=1, key=1, space="app")
    assert entry.status == "active" and not entry.is_removed
    assert entry._replace(status="removed").is_removed
    assert not entry._replace(status="deprecated").is_removed


def test_defaults_of_requests_and_verification() -> None:
    assert Request() == Request(method="GET", path="/")
    assert Verify().timeout == 10 and Verify().concurrency == 4
    assert Example().body == "" and Example().request is None


def test_records_are_immutable() -> None:
    entry = Entry(code=1, key=1, space="app")
    with pytest.raises(AttributeError):
        entry.code = 2  # type: ignore[misc]
    with pytest.raises(TypeError):
        entry.params["x"] = None  # type: ignore[index]
