"""Fixtures of the convert tests: a small catalog every document generator is tested on."""

from __future__ import annotations

from pathlib import Path

import pytest

import errdex
from errdex.model import Catalog

DOC_CATALOG = """
[catalog]
id = "shop"
title = "Shop API"
description = "Errors of the shop."
default_locale = "en"

[spaces.app]
kind = "app"

[modules.auth]
title = "Auth Errors"
space = "app"
prefix = "AUTH-"
http_status = 401

[[errors]]
code = "AUTH-1"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
description = "The token is *bad*."
solution = "Log in again."
retryable = false
[errors.translations.zh-CN]
message = "令牌已于 {age} 秒前过期。"

[[errors]]
code = "AUTH-2"
module = "auth"
message = "=cmd|' /C calc'!A0"
http_status = 403

[[errors]]
code = "AUTH-3"
module = "auth"
message = "Gone."
status = "removed"
reason = "merged"
"""
"""One module with a default status, a translation, a formula-like message, a tombstone."""


@pytest.fixture(scope="session")
def doc_catalog() -> Catalog:
    """:data:`DOC_CATALOG` loaded."""
    return errdex.loads(DOC_CATALOG, "toml")


REVIEW = Path(__file__).parent / "fixtures" / "review"
"""An outside reviewer's catalog: hostile texts (HTML, ESC/BEL/OSC sequences, an RLO, a
``javascript:`` link, a heading and a table in a solution), a removed ``AUTH-2`` and a
deprecated ``AUTH-3``, both with a reason and ``replaced_by = "AUTH-1"``."""


@pytest.fixture(scope="session")
def review_catalog() -> Catalog:
    """:data:`REVIEW` loaded."""
    return errdex.load(REVIEW)
