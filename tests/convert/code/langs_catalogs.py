"""Catalogs the generated-code tests use besides the examples.

``SHOP`` uses every feature the wire has: typed and private parameters,
translations, a carried space, variants, modules by prefix and range, two plain
profiles (one with a fixed status, ``$$`` and nested fields), a removed entry, and
catalog text that source code must escape (quotes, a bidi control, control
characters, ``*/``, a backtick, ``${``). ``CATALOG`` (the ``nasty`` one) holds every
text that is code in some language in every text field: quotes, backslashes,
comment ends, ``${``, a BOM, a NUL, line and paragraph separators, CRLF and wide
characters.
"""

from __future__ import annotations

import json
from pathlib import Path

import errdex
from errdex.model import Catalog

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_dir())

SHOP = r"""
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
list = ["$status", 1, "$retryable"]
error = { id = "$code", text = "$message", help = "$docs_url", params = "$params" }

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
message = "Too many login attempts by {user}, {{literally}} {x.y} */ `${x}` \u202e done."
http_status = 429
retryable = true
retry_after = 30
[errors.params]
user = { type = "str", public = false }
ratio = { type = "float" }
admin = { type = "bool" }

[[errors]]
code = "REQ-ERR-1"
name = "invalidFields"
module = "req"
message = "The request has {count} invalid fields."
description = "Quotes \" and \\ and a tab\t and a bell \u0007 and \u2028 here."
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

NASTY = (
    "\ufeff\x00q\"uote 's' back\\slash */ /* ${x} `tick` {{brace}} }} é中😀 \t tab\n"
    'new line\r\n crlf <script>&amp; | \\u0041 \\n ?? #{x} %s %d \u2028sep\u2029 """ end"'
)


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


TEXT = _toml(NASTY)
CATALOG = (
    "[catalog]\n"
    'id = "nasty"\n'
    f"title = {_toml('Title */ ' + NASTY)}\n"
    f"version = {_toml('1.0' + chr(10) + '*/ 2')}\n"
    f"\n[spaces.app]\ntitle = {TEXT}\n"
    f"\n[modules.m]\ntitle = {TEXT}\ndescription = {TEXT}\nprefix = 'M\"-'\n"
    "\n[profiles.weird]\n"
    f'body = {{ code = "$code", {_toml("we" + chr(34) + "i" + chr(92) + "rd */")} = '
    '{ msg = "$message" } }\n'
    "\n[[errors]]\n"
    "code = 'M\"-1'\n"
    'name = "weird*/name"\n'
    'module = "m"\n'
    f"title = {TEXT}\nmessage = {TEXT}\ndescription = {TEXT}\nsolution = {TEXT}\n"
    "\n[[errors]]\n"
    "code = 'M\"-2'\n"
    'name = "class"\n'
    'module = "m"\n'
    'message = "plain"\n'
    f"description = {_toml(NASTY + chr(34))}\n"
)


CATALOGS = [*EXAMPLES, "shop", "nasty"]
"""Every catalog the cross-language tests run: the seed systems, ``SHOP`` and ``CATALOG``."""


def load_catalog(name: str) -> Catalog:
    """An example by folder name, or ``"shop"``."""
    if name == "shop":
        return errdex.loads(SHOP, "toml")
    if name == "nasty":
        return errdex.loads(CATALOG, "toml")
    return errdex.load(ROOT / "examples" / name)
