"""A tombstone's reason is rendered on its code page as the exports render it: the catalog's
Markdown subset, HTML in it shown as text."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from errdex.directory import Registry
from errdex.directory.web import create_app

REVIEW = Path(__file__).resolve().parents[2] / "convert" / "fixtures" / "review"


def test_the_reason_is_markdown_as_in_the_html_export() -> None:
    client = TestClient(create_app(Registry.from_paths([REVIEW])))
    page = client.get("/evil/AUTH-2")
    assert page.status_code == 200
    at = page.text.index("<dt>Reason</dt>")
    reason = page.text[at : page.text.index("</dd>", at)]
    assert "<em>AUTH-1</em>" in reason and "*AUTH-1*" not in reason
    assert "<u>" not in reason and "&lt;u&gt;now&lt;/u&gt;" in reason
