"""The catalogs tests of every layer share: one copy each, importable at collection time.

Import from here when a test needs the text or path while the module is imported
(``pytest.mark.parametrize``, module constants, helper modules)::

    from catalogs import HEAD, SHOP

Everywhere else use the fixtures of the root ``tests/conftest.py`` (``shop``,
``shop_text``, ``examples``, ``write_catalog`` …), which are built from these.

- ``SHOP``: the feature-complete catalog (``tests/shop/errdex.toml``): typed and
  private params, translations, variants, a code in two spaces, a carried space,
  two plain profiles, an internal-error entry, an ambiguous and a removed code. The
  conformance drivers run on the same file.
- ``HEAD``: the smallest valid ``[catalog]`` table; a test appends the tables it is
  about (``HEAD + '[[errors]]\\ncode = 1\\n'``).
- ``AUTH``: one module with a prefix and an HTTP status, one entry with a placeholder.
- ``ODD`` / ``ODD_CODES``: the catalog ``odd`` of string codes a URL path or a file
  name must escape (``A/B``, ``Q?x=1#frag``, ``../../etc``, ``%2e%2e``, ``中文码``,
  ``<img>``), each with a docs URL: an outside reviewer's catalog; ``ODD_MODULES``
  its modules, whose ids (``x/y``, ``a%2Fb``, ``..``) a URL path must escape too.
- ``CONTROLS``: the catalog ``evil`` whose texts hold terminal escapes (ESC, BEL),
  DEL, a C1 control and bidi overrides and isolates: an outside reviewer's catalog.
- ``EXAMPLES`` / ``EXAMPLE_NAMES``: the example catalogs of ``examples/``;
  ``APP_SHOP``: the example apps' shop catalog (``examples/apps/shop.toml``).

A test whose catalog differs from one of these for a reason writes it as "shared
catalog + this change" (``SHOP.replace(...)``, ``HEAD + ...``) next to the test.
"""

from __future__ import annotations

from pathlib import Path

import errdex
from errdex.model import Catalog

TESTS = Path(__file__).resolve().parent
"""The tests folder."""
ROOT = TESTS.parent
"""The repository."""
EXAMPLES = ROOT / "examples"
"""The example catalogs, one folder each."""
EXAMPLE_NAMES = sorted(
    p.name for p in EXAMPLES.iterdir() if p.is_dir() and (p / "errdex.toml").is_file()
)
"""The folder names of the example catalogs, sorted."""
APP_SHOP = EXAMPLES / "apps" / "shop.toml"
"""The catalog the example apps (and the gRPC integration tests) serve."""

SHOP_FOLDER = TESTS / "shop"
"""The feature-complete catalog as a catalog folder (what ``errdex`` commands take)."""
SHOP = (SHOP_FOLDER / "errdex.toml").read_text(encoding="utf-8")
"""The text of the feature-complete catalog (see the module docstring)."""

HEAD = '[catalog]\nid = "shop"\n'
"""The smallest valid catalog: only the ``[catalog]`` table."""

AUTH = (
    HEAD
    + """
[modules.auth]
title = "Auth Errors"
prefix = "AUTH-ERR-"
http_status = 401

[[errors]]
code = "AUTH-ERR-4"
name = "invalidJWT"
module = "auth"
message = "The token expired {age} seconds ago."
"""
)
"""One module (prefix ``AUTH-ERR-``, HTTP 401) with one entry, ``AUTH-ERR-4``, whose
message has the placeholder ``{age}``; its last table is that entry, so a test may
append fields of it (``AUTH + 'translations.zh-CN.message = "…"\\n'``)."""


ODD_CODES = {
    "A/B": "slashCode",
    "Q?x=1#frag": "queryCode",
    "../../etc": "dotCode",
    "%2e%2e": "pctCode",
    "中文码": "cjkCode",
    "<img>": "htmlCode",
}
"""The codes of :data:`ODD` and their names."""

ODD_MODULES = {
    "x/y": ("A/B", "Slash module"),
    "a%2Fb": ("%2e%2e", "Pct module"),
    "..": ("../../etc", "Dots module"),
}
"""Module ids a URL path must escape: id → (the code it holds, its title)."""

ODD = (
    '[catalog]\nid = "odd"\ndocs_url = "https://e.example.com/odd/{code}"\n'
    + "".join(f'\n[modules."{m}"]\ntitle = "{title}"\n' for m, (_, title) in ODD_MODULES.items())
    + "".join(
        f'\n[[errors]]\ncode = "{code}"\nname = "{name}"\nmessage = "{name} message"\n'
        + "".join(f'module = "{m}"\n' for m, (held, _) in ODD_MODULES.items() if held == code)
        for code, name in ODD_CODES.items()
    )
)
"""The catalog ``odd``: one entry per code of :data:`ODD_CODES`, in that order."""


CONTROLS = r"""[catalog]
id = "evil"
title = "Evil \u202eCatalog"
docs_url = "https://errors.example.com/evil/{code}"
locales = ["en", "zh-CN"]

[modules.auth]
title = "Auth \u001b[31mRED\u001b[0m"
prefix = "AUTH-"
http_status = 401

[[errors]]
code = "AUTH-1"
name = "badToken"
module = "auth"
message = "Token <b>bad</b> \u001b]0;pwned\u0007 {who}"
description = "See **bold** \u202e reversed \u2066isolated\u2069, DEL \u007f, NEL \u0085 end"
solution = "Tab\tand\nline feed stay"
params = { who = { type = "str" } }

[errors.translations.zh-CN]
message = "令牌错误 \u001b[2J {who}"

[[errors]]
code = "AUTH-3"
name = "depToken"
module = "auth"
status = "deprecated"
message = "Deprecated \u202d\u202a\u202b\u202c"
reason = "use AUTH-1 \u2067\u2068"
replaced_by = "AUTH-1"
"""
"""The catalog ``evil``: texts with ESC, BEL, DEL, NEL, every bidi embedding, override and
isolate (U+202A–U+202E, U+2066–U+2069), and a tab and a line feed that must stay."""


def example(name: str) -> Catalog:
    """Load the example catalog ``examples/<name>``."""
    return errdex.load(EXAMPLES / name)
