"""errdex verify against the example apps of examples/apps/ (FastAPI, Flask, Django).

Each app raises the shop catalog's entries; the catalog's request examples say
which request produces which entry. Verified as written, every app passes; a
deliberately drifted copy of the catalog (a status changed, two codes swapped,
an envelope key renamed, an entry missing) fails with the diff that names it.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

import errdex
from errdex.reality.verify import verify

APPS_DIR = Path(__file__).resolve().parents[3] / "examples" / "apps"
CATALOG = APPS_DIR / "shop.toml"
APPS = {
    "fastapi": ("fastapi_app", "app"),
    "flask": ("flask_app", "app"),
    "django": ("django_app", "application"),
}


def _app(kind: str) -> Any:
    if not CATALOG.is_file():
        pytest.skip("examples/apps/ is not in this checkout")
    module, attr = APPS[kind]
    if str(APPS_DIR) not in sys.path:
        sys.path.insert(0, str(APPS_DIR))
    return getattr(importlib.import_module(module), attr)


def _catalog(text: str | None = None) -> errdex.Catalog:
    source = CATALOG.read_text("utf-8") if text is None else text
    return errdex.loads(source, name="shop.toml")


@pytest.mark.parametrize("kind", sorted(APPS))
def test_every_example_app_answers_as_its_catalog_declares(kind: str) -> None:
    run = verify(_catalog(), app=_app(kind))
    failures = {o.case.label: (o.mismatches, o.error) for o in run.outcomes if not o.passed}
    assert failures == {}
    assert run.passed >= 4
    assert not [m for m in run.missing if m.reason is None]


def _drifted(change: str) -> errdex.Catalog:
    text = CATALOG.read_text("utf-8")
    if change == "status":
        text = text.replace("http_status = 503", "http_status = 429", 1)
    elif change == "swap":
        text = (
            text.replace('path = "/busy"', 'path = "/BUSY"')
            .replace('path = "/orders/7"', 'path = "/busy"')
            .replace('path = "/BUSY"', 'path = "/orders/7"')
        )
    elif change == "rename":
        text += '\n[profiles.plain]\nbody = { code = "$code", message = "$message" }\n'
        text = text.replace('profile = "problem"', 'profile = "plain"', 1)
    elif change == "missing":
        text = text.replace('code = "SHOP-1"', 'code = "SHOP-11"', 1)
    return _catalog(text)


@pytest.mark.parametrize("kind", sorted(APPS))
@pytest.mark.parametrize(
    ("change", "what", "needle"),
    [
        ("status", "status", "expected 429"),
        ("swap", "entry", "SHOP-3"),
        ("rename", "envelope", "missing message"),
        ("missing", "entry", "'SHOP-1', which the catalog does not have"),
    ],
)
def test_a_drifted_catalog_fails_with_the_diff(
    kind: str, change: str, what: str, needle: str
) -> None:
    run = verify(_drifted(change), app=_app(kind))
    assert run.failed >= 1
    diffs = [
        f"{m.what}: expected {m.expected}, got {m.got}" for o in run.outcomes for m in o.mismatches
    ]
    assert any(d.startswith(what) and needle in d for d in diffs), diffs
