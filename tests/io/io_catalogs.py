"""Catalog texts shared by the io tests: one hand-written catalog using every field.

``FULL`` exercises every key the format defines (catalog, spaces of each kind,
modules with prefix and range and defaults, entries with params, variants,
examples, tags, translations, lifecycle states, profiles, targets, compat), so
round-trip and schema tests cover the whole format from one file.
"""

from __future__ import annotations

FULL = """\
"$schema" = "https://errdex.dev/schema/catalog.schema.json"

[catalog]
id = "shop"
title = "Shop API"
version = "2.3.0"
description = "Errors of the *shop* services."
default_locale = "en"
locales = ["en", "zh-CN"]
docs_url = "https://errors.example.com/shop/{code}"
homepage = "https://git.example.com/shop"
default_space = "app"
internal_error = "SYS-ERR-0"

[spaces.app]
kind = "app"
title = "Shop error codes"
description = "The services' own codes."
retryable = false

[spaces.http]
kind = "http"
title = "HTTP statuses"

[spaces.rpc]
kind = "jsonrpc"
title = "JSON-RPC"
description = "Gateway errors."
http_status = 500
jsonrpc_code = -32000
retryable = true
retry_after = 5
server_defined = [-32099, -32000]

[spaces.sub]
kind = "app"
carried_in = "rpc"

[modules.auth]
title = "Auth Errors"
description = "Logging in and tokens."
space = "app"
prefix = "AUTH-ERR-"
http_status = 401
order = 1

[modules.sys]
title = "System Errors"
prefix = "SYS-ERR-"
http_status = 500
jsonrpc_code = -32603
retryable = true
retry_after = 30
order = 2
locale = "en-GB"

[modules.legacy]
title = "Legacy"
space = "rpc"
range = [-32099, -32000]

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
title = "Invalid token"
message = "The token expired {age} seconds ago."
description = "The authentication token (JWT) is malformed, invalid, or has expired."
solution = "Log in again."
since = "1.0"
tags = ["auth", "jwt"]
docs_url = "https://errors.example.com/shop/jwt"
params = { age = { type = "int", description = "seconds since expiry" }, user = { public = false } }

[errors.translations.zh-CN]
title = "令牌无效"
message = "令牌已于 {age} 秒前过期。"
description = "身份验证令牌 (JWT) 格式错误、无效或已过期。"
solution = "请重新登录。"
source_hash = "5f0c2b9a1e44"

[[errors.examples]]
title = "Expired"
lang = "json"
body = '{"code": "AUTH-ERR-4", "msg": "The token expired 5 seconds ago."}'

[[errors]]
code = "AUTH-ERR-5"
module = "auth"
message = "Old login."
status = "deprecated"
replaced_by = "AUTH-ERR-4"
reason = "merged into AUTH-ERR-4"
http_status = 403
retryable = true

[[errors]]
code = "SYS-ERR-0"
name = "internal"
module = "sys"
message = "Internal error."

[[errors]]
code = "SYS-ERR-1"
module = "sys"
message = "Gone."
status = "removed"
reason = "the feature was dropped"
retryable = false

[[errors]]
code = 429
space = "http"
name = "TOO_MANY_REQUESTS"
message = "Too many requests."
http_status = 429
retryable = true
retry_after = 60

[[errors]]
code = -32000
module = "legacy"
message = "Server error."

[[errors.variants]]
message = "already known"
description = "The transaction is already in the pool."
solution = "Do not resend it."
retryable = false

[[errors.variants]]
message = "nonce too low"

[[errors]]
code = 429
space = "rpc"
name = "rpcRateLimited"
message = "Rate limited."
locale = "fr"

[[errors]]
code = 101
space = "sub"
message = "Sub-code."

[profiles.plain]
body = { code = "$code", error = "$message", meta = { retry = "$retryable", list = [1, "$$x"] } }
content_type = "application/vnd.shop+json"
status = 400

[[targets]]
kind = "docs"
format = "markdown"
style = "table"
locale = "zh-CN"
output = "docs/errors.md"

[[targets]]
kind = "code"
lang = "python"
output = "shop/errors.py"

[[compat.allow]]
code = "SYS-ERR-1"
change = "removed"
reason = "nobody used it"
"""
"""Every key of the format, once at least."""

MINIMAL = '[catalog]\nid = "x"\n'
"""The smallest valid catalog."""
