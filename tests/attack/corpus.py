"""The attack corpus: hostile catalogs and inputs, each one a known way to break a tool.

:func:`broken` yields catalogs every command must refuse (exit non-zero, no
traceback, no hang): syntax errors in each format, wrong types and
out-of-range values for every integer and text field, duplicate codes and
keys, bad locale tags, deep nesting, NUL bytes, invalid UTF-8, NaN, huge
lines. :func:`findings` yields catalogs that are imperfect, not invalid: they
load, and ``check`` reports them. :func:`hostile_valid` yields catalogs that
load but carry hostile texts (markup, links, terminal escapes): commands may
succeed on them, but never with a traceback. Each item is ``(name, file name, bytes)``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

Item = tuple[str, str, bytes]

HEAD = '[catalog]\nid = "attack"\n\n'
GOOD_ENTRY = '[[errors]]\ncode = 1001\nname = "ok"\nmessage = "Fine."\n'

_BAD_INTEGERS = {
    "huge": "18446744073709551617",
    "negative-huge": "-18446744073709551617",
    "float": "1.5",
    "nan": "nan",
    "inf": "inf",
    "string": '"12x"',
    "bool": "true",
    "list": "[1, 2]",
    "table": "{ a = 1 }",
}
_INTEGER_FIELDS = ("http_status", "jsonrpc_code", "retry_after")
_BAD_STATUS = ("0", "99", "600", "1000", "-1")
_BAD_TEXT = {"int": "5", "list": '["a"]', "table": "{ a = 1 }", "bool": "false"}
_TEXT_FIELDS = ("name", "message", "description", "solution", "title")
_BAD_LOCALES = ("../../etc", "en/US", "zh\\CN", "en\r\nX-Injected: 1", "", "x" * 300)


def _toml_entry(**fields: str) -> str:
    body = {"code": "1001", "name": '"ok"', "message": '"Fine."'}
    body.update(fields)
    return "[[errors]]\n" + "".join(f"{k} = {v}\n" for k, v in body.items())


def broken() -> Iterator[Item]:
    """Catalogs that are wrong: every command must refuse them."""
    # TOML syntax
    for name, text in {
        "toml-unclosed-string": HEAD + '[[errors]]\ncode = 1\nmessage = "open\n',
        "toml-unclosed-table": "[catalog\nid = 'x'\n",
        "toml-duplicate-key": HEAD + _toml_entry() + 'name = "again"\n',
        "toml-duplicate-table": HEAD + "[modules.a]\n[modules.a]\n",
        "toml-bare-value": HEAD + "[[errors]]\ncode = oops\n",
        "toml-nul": HEAD + _toml_entry(message='"a\x00b"'),
        "toml-deep-inline": HEAD + "x = " + "[" * 2000 + "]" * 2000 + "\n",
        "toml-deep-dotted": HEAD + "a" + ".a" * 1000 + " = 1\n",
        "toml-huge-line": HEAD + "[[errors]]\ncode = 1\nmessage = " + "x" * 2_000_000 + "\n",
        "toml-only-garbage": "\x00\x01\x02\xff",
        "toml-empty": "",
        "toml-no-catalog": _toml_entry(),
        "toml-catalog-not-table": 'catalog = "x"\n',
        "toml-errors-not-array": HEAD + "errors = 5\n",
        "toml-no-id": "[catalog]\ntitle = 'x'\n" + _toml_entry(),
        "toml-bad-id": '[catalog]\nid = "../x"\n' + _toml_entry(),
    }.items():
        yield name, "errdex.toml", text.encode("utf-8", "surrogatepass")
    yield (
        "toml-bad-utf8",
        "errdex.toml",
        HEAD.encode() + b'[[errors]]\ncode = 1\nmessage = "\xff\xfe"\n',
    )
    yield "toml-utf16", "errdex.toml", (HEAD + _toml_entry()).encode("utf-16")
    # JSON and YAML syntax and duplicates
    for name, text in {
        "json-truncated": '{"catalog": {"id": "x"}, "errors": [{"code": 1',
        "json-trailing-comma": '{"catalog": {"id": "x"},}',
        "json-top-list": "[1, 2, 3]",
        "json-top-string": '"catalog"',
        "json-nan": '{"catalog": {"id": "x"}, "errors": [{"code": NaN}]}',
        "json-deep": '{"catalog": {"id": "x"}, "x": ' + "[" * 5000 + "]" * 5000 + "}",
        "json-duplicate-code": json.dumps(
            {"catalog": {"id": "x"}, "errors": [{"code": 1, "name": "a"}, {"code": 1, "name": "b"}]}
        ),
        "json-huge-int": '{"catalog": {"id": "x"}, "errors": [{"code": 1234567890123456789012}]}',
        "json-duplicate-key": '{"catalog": {"id": "x"}, "errors": [{"code": 1, "code": 2}]}',
        "json-duplicate-top-key": '{"catalog": {"id": "x"}, "catalog": {"id": "y"}}',
        "json-duplicate-escaped-key": '{"catalog": {"id": "x", "\\u0069d": "y"}}',
        "json-duplicate-key-hidden-by-escaped-colon": '{"catalog": {"id": "x"}, '
        '"errors": [{"code": 1, "message": "\\u003a", "code": 2}]}',
    }.items():
        yield name, "errdex.json", text.encode()
    for name, text in {
        "yaml-bad-indent": "catalog:\n  id: x\n errors: []\n",
        "yaml-tab": "catalog:\n\tid: x\n",
        "yaml-alias-bomb": "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "catalog: {id: x}\n",
        "yaml-python-tag": "catalog: !!python/object/apply:os.system ['echo owned']\n",
        "yaml-top-scalar": "just a string\n",
        "yaml-unclosed-quote": 'catalog:\n  id: "x\n',
        "yaml-duplicate-key": "catalog:\n  id: x\nerrors:\n  - code: 1\n    code: 2\n",
        "yaml-duplicate-flow-key": "catalog: {id: x, id: y}\n",
        "yaml-duplicate-bool-key": "catalog: {id: x}\nerrors:\n"
        "  - {code: 1, retryable: true, retryable: no}\n",
    }.items():
        yield name, "errdex.yaml", text.encode()
    # wrong integers in every integer field
    for field in _INTEGER_FIELDS:
        for label, value in _BAD_INTEGERS.items():
            yield f"{field}-{label}", "errdex.toml", (HEAD + _toml_entry(**{field: value})).encode()
    for label, value in _BAD_INTEGERS.items():
        if label in ("string",):
            continue  # a string code is a valid code
        yield f"code-{label}", "errdex.toml", (HEAD + _toml_entry(code=value)).encode()
    for value in _BAD_STATUS:
        yield (
            f"http-status-{value}",
            "errdex.toml",
            (HEAD + _toml_entry(http_status=value)).encode(),
        )
    # wrong types of every text field
    for field in _TEXT_FIELDS:
        for label, value in _BAD_TEXT.items():
            yield f"{field}-{label}", "errdex.toml", (HEAD + _toml_entry(**{field: value})).encode()
    # the catalog table
    for field, value in {
        "default_locale": '"../../x"',
        "locales": '["en", "../x"]',
        "docs_url": "5",
        "version": "[1]",
        "internal_error": "99999",
        "title": "{ a = 1 }",
    }.items():
        text = f'[catalog]\nid = "attack"\n{field} = {value}\n\n' + GOOD_ENTRY
        yield f"catalog-{field}", "errdex.toml", text.encode()
    for i, tag in enumerate(_BAD_LOCALES):
        text = HEAD + GOOD_ENTRY + f'[errors.translations.{json.dumps(tag)}]\nmessage = "x"\n'
        yield f"translation-locale-{i}", "errdex.toml", text.encode()
    # structure
    for name, text in {
        "duplicate-code": HEAD + GOOD_ENTRY + _toml_entry(name='"other"'),
        "duplicate-name": HEAD + GOOD_ENTRY + _toml_entry(code="1002"),
        "unknown-module": HEAD + _toml_entry(module='"nowhere"'),
        "unknown-space": HEAD + _toml_entry(space='"nowhere"'),
        "bad-status": HEAD + _toml_entry(status='"zombie"'),
        "replaced-by-missing": HEAD + _toml_entry(status='"removed"', replaced_by="4242"),
        "example-not-table": HEAD + _toml_entry(examples="5"),
        "variants-not-array": HEAD + _toml_entry(variants='"x"'),
        "params-bad-type": HEAD
        + _toml_entry(message='"{n}"', params='{ n = { type = "banana" } }'),
        "module-range-reversed": HEAD + "[modules.m]\nrange = [10, 1]\n" + _toml_entry(),
        "module-prefix-int": HEAD + "[modules.m]\nprefix = 5\n" + _toml_entry(),
        "space-kind-bad": HEAD + '[spaces.s]\nkind = "smtp"\n' + _toml_entry(),
        "targets-escape": HEAD + GOOD_ENTRY + '[[targets]]\nkind = "docs"\nformat = "markdown"\n'
        'output = "../../escaped.md"\n',
        "targets-absolute": HEAD + GOOD_ENTRY + '[[targets]]\nkind = "docs"\nformat = "markdown"\n'
        'output = "/tmp/errdex-attack-absolute.md"\n',
        "unknown-top-key": HEAD + GOOD_ENTRY + "surprise = 1\n",
        "unknown-entry-key": HEAD + _toml_entry(surprise="1"),
        "code-empty-string": HEAD + _toml_entry(code='""'),
        "code-whitespace": HEAD + _toml_entry(code='"   "'),
        "code-newline": HEAD + _toml_entry(code='"A\\nB"'),
        "retryable-string": HEAD + _toml_entry(retryable='"no"'),
        "profile-body-nan": HEAD
        + '[profiles.p]\nbody = { code = "$code", x = nan }\n'
        + _toml_entry(),
        "profile-body-inf-in-list": HEAD
        + "[profiles.p]\nbody = { x = [1, -inf] }\n"
        + _toml_entry(),
        "order-nan": HEAD + _toml_entry(order="nan"),
    }.items():
        yield name, "errdex.toml", text.encode()


def findings() -> Iterator[tuple[str, str, bytes, str]]:
    """Catalogs imperfect in content, not invalid (``docs/rules.md``): every command uses
    them, ``check`` reports the rule named last. Each is ``(name, file name, bytes, rule)``."""
    for name, message in {
        "template-unclosed": "Hello {name",
        "template-bad-name": "Hello {1x}",
        "template-attribute": "Hello {user.name}",
        "template-positional": "Hello {0} {}",
        "template-lone-close": "Hello name}",
    }.items():
        text = HEAD + _toml_entry(message=json.dumps(message))
        yield name, "errdex.toml", text.encode(), "E108"


def hostile_valid() -> Iterator[Item]:
    """Catalogs that load but whose texts attack whatever shows them."""
    from hostile_docs import PAYLOADS

    for i, payload in enumerate(PAYLOADS):
        text = payload.replace("{secret}", "/etc/hostname").replace("{{", "{").replace("}}", "}")
        body = json.dumps(text)
        toml = (
            '[catalog]\nid = "hostile"\ntitle = ' + body + "\n\n"
            f'[[errors]]\ncode = {1000 + i}\nname = "e{i}"\nmessage = {body}\n'
            f"description = {body}\nsolution = {body}\n"
        )
        yield f"hostile-text-{i}", "errdex.toml", toml.encode()
