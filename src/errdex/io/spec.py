"""The catalog format as data: every table, key, type and meaning, in one place.

The builder validates against these specs, the JSON Schema is generated from
them (``errdex schema``), and the format documentation describes them. A key
missing here is an unknown field everywhere at once.
"""

from __future__ import annotations

from typing import NamedTuple

from errdex.model.types import FAULTS, RETRY_CLASSES, SPACE_KINDS, STATUSES


class Field(NamedTuple):
    """One key of a table: its kind, meaning, and constraints.

    Kinds: ``str``, ``int``, ``bool``, ``code`` (int or str), ``strs`` (list of
    strings), ``pair`` (``[lo, hi]`` integers), ``enum`` (one of ``choices``),
    ``table`` (a closed table of ``sub``), ``tables`` (a list of ``sub``),
    ``map`` (name → ``sub`` table), ``any`` (any JSON value).
    """

    kind: str
    doc: str
    choices: tuple[str, ...] = ()
    sub: dict[str, Field] | None = None
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    """A regular expression the whole string must match (``str`` fields)."""


TEXT = "str"

CATALOG: dict[str, Field] = {
    "id": Field(
        "str", "slug identifying the catalog", required=True, pattern=r"[a-z0-9][a-z0-9._-]*"
    ),
    "title": Field(TEXT, "human title"),
    "version": Field("str", "the catalog's release version"),
    "description": Field(TEXT, "Markdown paragraph about the catalog"),
    "default_locale": Field("str", "BCP 47 language of the entry texts (default en)"),
    "locales": Field("strs", "every locale the catalog promises"),
    "docs_url": Field(
        "str", "per-code docs URL template: {catalog} {space} {module} {code} {name}"
    ),
    "homepage": Field("str", "where the catalog's source lives"),
    "default_space": Field("str", "space of entries and modules that name none"),
    "internal_error": Field("code", "entry rendered for unexpected non-catalog exceptions"),
}

_DEFAULTS: dict[str, Field] = {
    "http_status": Field("int", "default HTTP status", minimum=100, maximum=599),
    "jsonrpc_code": Field("int", "default JSON-RPC error code"),
    "retryable": Field("bool", "default retry hint"),
    "retry_after": Field("int", "default seconds before a retry", minimum=0),
    "fault": Field("enum", "whose fault: client, server or dependency", choices=FAULTS),
    "retry": Field(
        "enum",
        "when a client may retry: safe, idempotent-only, never or outcome-unknown",
        choices=RETRY_CLASSES,
    ),
}

SPACE: dict[str, Field] = {
    "kind": Field("enum", "app, http or jsonrpc", choices=SPACE_KINDS),
    "title": Field(TEXT, "human title"),
    "description": Field(TEXT, "Markdown description"),
    **_DEFAULTS,
    "server_defined": Field("pair", "declared server-defined JSON-RPC range [lo, hi]"),
    "carried_in": Field("str", "space whose error data carries this space's codes"),
}

MODULE: dict[str, Field] = {
    "title": Field(TEXT, "human title"),
    "description": Field(TEXT, "Markdown description"),
    "space": Field("str", "the module's code space"),
    "prefix": Field("str", "string codes are <prefix><n>"),
    "range": Field("pair", "integer codes lie in [lo, hi]"),
    **_DEFAULTS,
    "order": Field("int", "position in generated docs"),
    "locale": Field("str", "language of the module's texts, when not the catalog's default"),
}

PARAM: dict[str, Field] = {
    "type": Field("enum", "parameter type", choices=("str", "int", "float", "bool")),
    "description": Field(TEXT, "what the parameter holds"),
    "public": Field("bool", "whether the value may appear in public output (default true)"),
}

VARIANT: dict[str, Field] = {
    "message": Field(TEXT, "the message sent", required=True),
    "description": Field(TEXT, "what it means"),
    "solution": Field(TEXT, "what to do"),
    "retryable": Field("bool", "retry hint for this message"),
}

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

REQUEST: dict[str, Field] = {
    "method": Field("enum", "HTTP method (default GET)", choices=METHODS),
    "path": Field("str", "path and query below the base URL", pattern=r"/[^\s]*"),
    "query": Field("any", "query parameters (a table of strings)"),
    "headers": Field("any", "request headers (a table of strings; ${NAME} from the environment)"),
    "body": Field("str", "raw request body"),
    "json": Field("any", "a JSON request body"),
    "jsonrpc": Field("str", "JSON-RPC method: the body becomes a 2.0 call of it"),
    "params": Field("any", "JSON-RPC params (a list or a table)"),
}

EXPECT: dict[str, Field] = {
    "status": Field(
        "int",
        "HTTP status (default: the entry's, in the verified profile)",
        minimum=100,
        maximum=599,
    ),
    "profile": Field("str", "envelope the response is in (default: [verify] profile)"),
    "headers": Field("any", "headers the response must carry (a table of strings)"),
    "params": Field("any", "message parameters the error must carry (a table)"),
    "retryable": Field("bool", "retry hint the client must decide"),
    "retry_after": Field("int", "seconds the client must wait", minimum=0),
}

# Caption and syntax come first so that a formatted file shows them above a long body.
EXAMPLE: dict[str, Field] = {
    "title": Field(TEXT, "caption"),
    "lang": Field("str", "syntax of the body: json, javascript, text …"),
    "body": Field(TEXT, "an example response, verbatim (required unless request is given)"),
    "request": Field(
        "table", "a request that must produce this error (errdex verify)", sub=REQUEST
    ),
    "expect": Field("table", "what that request must produce besides the entry", sub=EXPECT),
}

SETUP: dict[str, Field] = {
    **REQUEST,
    "capture": Field("any", 'values of the JSON response to keep: NAME = "/json/pointer"'),
}

VERIFY: dict[str, Field] = {
    "profile": Field("str", "envelope the service sends (default problem)"),
    "base_url": Field("str", "the service's URL (errdex verify --base-url overrides it)"),
    "timeout": Field("int", "seconds before a request fails (default 10)", minimum=1, maximum=3600),
    "concurrency": Field("int", "requests in flight at once (default 4)", minimum=1, maximum=64),
    "headers": Field("any", "headers sent with every request (${NAME} from the environment)"),
    "hosts": Field("strs", "further hosts requests may reach (redirects included)"),
    "setup": Field("tables", "requests sent before the examples", sub=SETUP),
}

TRANSLATION: dict[str, Field] = {
    "title": Field(TEXT, "translated title"),
    "message": Field(TEXT, "translated message template"),
    "description": Field(TEXT, "translated description"),
    "solution": Field(TEXT, "translated solution"),
    "source_hash": Field("str", "hash of the source texts this translation was made from"),
}

ENTRY: dict[str, Field] = {
    "code": Field("code", "the code, unique in its space", required=True),
    "name": Field("str", "identifier, unique in the catalog"),
    "module": Field("str", "module key"),
    "space": Field("str", "code space (default: the module's)"),
    "title": Field(TEXT, "stable short title"),
    "message": Field(TEXT, "message template with {placeholders}"),
    "description": Field(TEXT, "what happened (Markdown)"),
    "solution": Field(TEXT, "what to do (Markdown)"),
    **_DEFAULTS,
    "status": Field("enum", "lifecycle state", choices=STATUSES),
    "since": Field("str", "version the code appeared in"),
    "replaced_by": Field("code", "code to use instead"),
    "reason": Field(TEXT, "why deprecated or removed"),
    "params": Field("map", "typed message parameters", sub=PARAM),
    "variants": Field("tables", "known messages under this code", sub=VARIANT),
    "examples": Field("tables", "example responses", sub=EXAMPLE),
    "tags": Field("strs", "labels for search"),
    "docs_url": Field("str", "docs URL of this entry"),
    "translations": Field("map", "texts per locale", sub=TRANSLATION),
    "locale": Field("str", "language of the entry's texts, when not the module's or catalog's"),
    "no_example": Field(TEXT, "why the entry has no request example (errdex verify)"),
}

PROFILE: dict[str, Field] = {
    "body": Field("any", "JSON template; $name strings are references", required=True),
    "content_type": Field("str", "media type (default application/json)"),
    "status": Field("int", "fixed HTTP status", minimum=100, maximum=599),
}

TARGET: dict[str, Field] = {
    "kind": Field("enum", "docs or code", choices=("docs", "code"), required=True),
    "output": Field("str", "output path, relative to the catalog", required=True),
    "format": Field(
        "enum", "doc format", choices=("markdown", "myst", "rst", "csv", "html", "openapi", "json")
    ),
    "style": Field("enum", "Markdown layout", choices=("list", "table", "sections")),
    "lang": Field("enum", "code language", choices=("python", "typescript", "go", "rust")),
    "locale": Field("str", "locale of the texts"),
}

COMPAT_ALLOW: dict[str, Field] = {
    "code": Field("code", "the code", required=True),
    "change": Field("str", "the kind of breaking change accepted", required=True),
    "reason": Field(TEXT, "why it is accepted", required=True),
}

COMPAT: dict[str, Field] = {
    "allow": Field("tables", "accepted breaking changes", sub=COMPAT_ALLOW),
}

SCAN_PATTERN: dict[str, Field] = {
    "files": Field("strs", "glob patterns of the files this regex reads (*.rs)", required=True),
    "regex": Field("str", "Python regex with groups 'code' (and 'message')", required=True),
    "space": Field("str", "code space of the codes it finds"),
}

SCAN: dict[str, Field] = {
    "calls": Field("strs", "Python function or method names whose first argument is a code"),
    "patterns": Field("tables", "regexes finding codes in other languages", sub=SCAN_PATTERN),
    "ignore": Field("any", "codes never raised by the scanned source (a list of codes)"),
    "spaces": Field("strs", "spaces whose codes must each be raised somewhere (default: all)"),
    "exclude": Field("strs", "glob patterns of files not to scan"),
}

TOP: dict[str, Field] = {
    "$schema": Field("str", "JSON Schema reference for editors"),
    "catalog": Field("table", "catalog metadata", sub=CATALOG),
    "spaces": Field("map", "code spaces", sub=SPACE),
    "modules": Field("map", "modules", sub=MODULE),
    "errors": Field("tables", "entries", sub=ENTRY),
    "profiles": Field("map", "plain JSON envelopes", sub=PROFILE),
    "targets": Field("tables", "build targets", sub=TARGET),
    "compat": Field("table", "compatibility settings", sub=COMPAT),
    "scan": Field("table", "how errdex scan finds codes in source code", sub=SCAN),
    "verify": Field("table", "how errdex verify reaches the service", sub=VERIFY),
}

MODULE_FILE: dict[str, Field] = {
    "$schema": TOP["$schema"],
    "module": Field("table", "the module of this file", sub=MODULE),
    "errors": TOP["errors"],
}

LOCALE_FILE: dict[str, Field] = {
    "$schema": TOP["$schema"],
    "errors": Field("map", "translations by code", sub={**TRANSLATION, "space": ENTRY["space"]}),
}


def type_name(field: Field) -> str:
    """Human name of a field's type, as error messages say it."""
    return {
        "str": "a string",
        "int": "an integer",
        "bool": "true or false",
        "code": "an integer or a string",
        "strs": "a list of strings",
        "pair": "a list of two integers [lo, hi]",
        "enum": "one of " + ", ".join(repr(c) for c in field.choices),
        "table": "a table",
        "tables": "a list of tables",
        "map": "a table of tables",
        "any": "any value",
    }[field.kind]
