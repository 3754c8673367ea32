"""Catalogs the generated-code tests use besides the examples.

``SHOP`` is the shared catalog (``tests/shop``, :data:`catalogs.SHOP`) plus what
generated code must escape and type; it uses every feature the wire has: typed and
private parameters, translations, a carried space, variants, modules by prefix and range, two plain
profiles (one with a fixed status, ``$$`` and nested fields), a removed entry, and
catalog text that source code must escape (quotes, a bidi control, control
characters, ``*/``, a backtick, ``${``). ``CATALOG`` (the ``nasty`` one) holds every
text that is code in some language in every text field: quotes, backslashes,
comment ends, ``${``, a BOM, a NUL, line and paragraph separators, CRLF and wide
characters.
"""

from __future__ import annotations

import json

import errdex
from catalogs import EXAMPLE_NAMES, example
from catalogs import SHOP as SHARED_SHOP
from errdex.model import Catalog

EXAMPLES = EXAMPLE_NAMES


def _changed(text: str, old: str, new: str) -> str:
    """``text`` with its one ``old`` replaced by ``new`` (an ``old`` not found once fails)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


# SHOP: the shared catalog (tests/shop) plus what generated code must escape and type:
# a nested profile that lists values and holds the params,
SHOP = _changed(
    SHARED_SHOP,
    'error = { id = "$code", text = "$message", help = "$docs_url" }',
    'list = ["$status", 1, "$retryable"]\n'
    'error = { id = "$code", text = "$message", help = "$docs_url", params = "$params" }',
)
# a message that is code in some language, with private, float and bool parameters,
SHOP = _changed(
    SHOP,
    'message = "Too many login attempts."\n',
    'message = "Too many login attempts by {user}, {{literally}} {x.y} */ `${x}` \\u202e done."\n',
)
SHOP = _changed(
    SHOP,
    "retry_after = 30\n",
    "retry_after = 30\n[errors.params]\n"
    'user = { type = "str", public = false }\n'
    'ratio = { type = "float" }\nadmin = { type = "bool" }\n',
)
# and a description with quotes, a backslash, a tab, a bell and a line separator.
SHOP = _changed(
    SHOP,
    'message = "The request has {count} invalid fields."\n',
    'message = "The request has {count} invalid fields."\n'
    'description = "Quotes \\" and \\\\ and a tab\\t and a bell \\u0007 and \\u2028 here."\n',
)

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
    return example(name)
