"""Catalogs the runtime tests share: the example catalogs and ``SHOP``, which uses every feature."""

from __future__ import annotations

from pathlib import Path

import errdex
from errdex.model import Catalog

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = sorted(
    p.name for p in EXAMPLES.iterdir() if p.is_dir() and (p / "errdex.toml").is_file()
)

SHOP = """
[catalog]
id = "shop"
title = "Shop API"
default_locale = "en"
locales = ["en", "zh-CN"]
docs_url = "https://errors.example.com/shop/{code}"
internal_error = "SYS-ERR-0"

[spaces.app]
kind = "app"

[spaces.rpc]
kind = "jsonrpc"

[spaces.fields]
kind = "app"
carried_in = "app"

[modules.auth]
title = "Auth Errors"
space = "app"
prefix = "AUTH-ERR-"
http_status = 401

[modules.req]
title = "Request Errors"
space = "app"
prefix = "REQ-ERR-"
http_status = 422

[modules.sys]
title = "System Errors"
space = "app"
prefix = "SYS-ERR-"

[modules.rpc]
space = "rpc"
range = [-32099, -32000]

[profiles.flat]
body = { code = "$code", msg = "$message", data = "$data", context = "$context" }

[profiles.nested]
status = 200
[profiles.nested.body]
ok = false
cost = "$$5"
request = "$id"
error = { id = "$code", text = "$message", help = "$docs_url" }

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
description = "The authentication token (JWT) is malformed, invalid, or has expired."
solution = "Log in again."
[errors.params]
age = { type = "int", description = "seconds since expiry" }
user = { type = "str", public = false }

[errors.translations.zh-CN]
message = "令牌已于 {age} 秒前过期。"
title = "令牌无效"

[[errors]]
code = "AUTH-ERR-5"
name = "tooManyLogins"
module = "auth"
message = "Too many login attempts."
http_status = 429
retryable = true
retry_after = 30

[[errors]]
code = "REQ-ERR-1"
name = "invalidFields"
module = "req"
message = "The request has {count} invalid fields."
params = { count = { type = "int" } }

[[errors]]
code = "SYS-ERR-0"
name = "internalError"
module = "sys"
message = "Internal error."

[[errors]]
code = -32000
module = "rpc"
message = "Server error"
[[errors.variants]]
message = "busy, try again"
retryable = true

[[errors]]
code = 7
space = "fields"
name = "fieldMissing"
message = "Field {field} is missing."
params = { field = { type = "str" } }

[[errors]]
code = 8
space = "fields"
name = "fieldTooLong"
message = "Field {field} is longer than {max} characters."
params = { field = { type = "str" }, max = { type = "int" } }

[[errors]]
code = 7
space = "rpc"
name = "rpcSeven"
message = "Seven in the rpc space."

[[errors]]
code = "REQ-ERR-9"
name = "oldRequest"
module = "req"
message = "Gone."
status = "removed"
reason = "merged into REQ-ERR-1"
replaced_by = "REQ-ERR-1"
"""


def example(name: str) -> Catalog:
    """Load one example catalog."""
    return errdex.load(EXAMPLES / name)
