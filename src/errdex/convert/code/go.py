"""Go generator: one ``.go`` file, standard library only (Go 1.19), gofmt -s and vet clean.

The file is the catalog's data followed by the errdex runtime for Go. The
runtime is a real source file of this package, ``embedded/errdex.go`` (rendering
in every profile, locale negotiation, JSON in errdex's byte form, ``Decode``),
copied in after the data; only its package clause and imports move to the top.
The data is the typed ``Code`` constants, one ``Err<X>`` sentinel per entry (for
``errors.Is``), one ``New<X>`` constructor per entry with typed parameters
(``NewInvalidJWT(age int)``), each with a doc comment, and the entries'
precomputed wire facts (:mod:`errdex.convert.code.facts`).
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from errdex.convert.code import embedded
from errdex.convert.code.facts import (
    CatalogFacts,
    EntryFacts,
    ProfileFacts,
    Texts,
    catalog_facts,
    code_json,
)
from errdex.convert.code.naming import snake_case
from errdex.convert.code.table import comment_text, provenance
from errdex.model import Catalog

RESERVED = ("UnknownProfile",)
"""Entry identifiers the runtime uses itself (``ErrUnknownProfile``)."""

_GO_RAW = {
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
    "\ufeff": "\\ufeff",
    **{chr(c): f"\\u{c:04x}" for c in (0x200E, 0x200F, *range(0x202A, 0x202F))},
    **{chr(c): f"\\u{c:04x}" for c in range(0x2066, 0x206A)},
}
"""Characters JSON leaves raw that Go source must escape: the compiler rejects a BOM, and
bidi controls would make the source read differently from what it compiles to."""
_GO_RAW_RE = re.compile("[" + "".join(_GO_RAW) + "]")

_KEYWORDS = frozenset(
    {
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    }
)
_GO_TYPES = {"str": "string", "int": "int", "float": "float64", "bool": "bool"}


def go_string(text: str) -> str:
    """A Go interpreted string literal of ``text`` (JSON escapes are valid Go escapes)."""
    literal = json.dumps(text, ensure_ascii=False)
    return _GO_RAW_RE.sub(lambda m: _GO_RAW[m.group(0)], literal)


def _opt(text: str | None) -> str:
    return "nil" if text is None else f"strp({go_string(text)})"


def _bool(flag: bool) -> str:
    return "true" if flag else "false"


def _tri(flag: bool | None) -> str:
    return "-1" if flag is None else ("1" if flag else "0")


def _texts(t: Texts) -> str:
    pairs = ", ".join(f"{{{go_string(n)}, {go_string(a)}}}" for n, a in t.pairs)
    return (
        f"{{locale: {go_string(t.locale)}, lead: {go_string(t.lead)}, pairs: []pair{{{pairs}}}, "
        f"title: {go_string(t.title)}, description: {_opt(t.description)}, "
        f"solution: {_opt(t.solution)}}}"
    )


def _strings(values: tuple[str, ...] | list[str]) -> str:
    return "[]string{" + ", ".join(go_string(v) for v in values) + "}"


def problem_head(e: EntryFacts) -> str:
    """The entry's problem body up to its detail, as JSON (wire.md §5.1):
    ``{"type":…,"title":…,"status":N,"detail":``."""
    type_url, title = orjson.dumps(e.type_url).decode(), orjson.dumps(e.title).decode()
    return f'{{"type":{type_url},"title":{title},"status":{e.status},"detail":'


def problem_ids(e: EntryFacts) -> str:
    """The entry's problem ``code`` and ``name`` members, as JSON: ``,"code":…,"name":…``."""
    out = "" if e.code is None else ',"code":' + orjson.dumps(e.code).decode()
    return out if e.name is None else out + ',"name":' + orjson.dumps(e.name).decode()


def _entry(e: EntryFacts) -> str:
    params = ", ".join(f"{{{go_string(n)}, {go_string(k)}, {_bool(p)}}}" for n, k, p in e.params)
    variants = ", ".join(f"{{{go_string(v.message)}, {_tri(v.retryable)}}}" for v in e.variants)
    fields = [
        f"Ident: {go_string(e.ident)}",
        f"Code: {go_string('' if e.code is None else str(e.code))}",
        f"Space: {go_string(e.space)}",
        f"Module: {go_string(e.module or '')}",
        f"Name: {go_string(e.name or '')}",
        f"Status: {e.status}",
        f"RetryAfter: {-1 if e.retry_after is None else e.retry_after}",
        f"Removed: {_bool(e.removed)}",
        f"codeJSON: {go_string(code_json(e.code))}",
        f"codeIsInt: {_bool(isinstance(e.code, int))}",
        f"key: {go_string(e.key)}",
        f"moduleJSON: {go_string(json.dumps(e.module, ensure_ascii=False))}",
        f"rpcStatus: {e.rpc_status}",
        f"rpcCode: {e.rpc_code}",
        f"rpcKnown: {_bool(e.rpc_known)}",
        f"rpcBare: {_bool(e.rpc_bare)}",
        f"ambiguous: {_bool(e.ambiguous)}",
        f"typeURL: {go_string(e.type_url)}",
        f"problemHead: {go_string(problem_head(e))}",
        f"problemIDs: {go_string(problem_ids(e))}",
        f"title: {go_string(e.title)}",
        f"reason: {go_string(e.reason)}",
        f"google: {go_string(e.google_status)}",
        f"retryable: {_tri(e.retryable)}",
        f"httpStatus: {e.http_status or 0}",
        f"params: []paramSpec{{{params}}}",
        f"own: texts{_texts(e.own)}",
        "texts: []texts{" + ", ".join(_texts(t) for t in e.texts) + "}",
        f"match: {_strings(e.match_texts)}",
        f"head: {go_string(e.message_head or '')}",
        f"variants: []variant{{{variants}}}",
        f"carried: {_strings(e.carried)}",
    ]
    return "{" + ", ".join(fields) + "}"


def _literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _node(node: Any, refs: frozenset[str], typed: bool = True) -> str:
    """A ``node`` literal; ``typed=False`` inside a ``[]node`` (gofmt -s drops the type)."""
    kind = "node" if typed else ""
    if isinstance(node, str) and node.startswith("$$"):
        return f"{kind}{{literal: {go_string(_literal(node[1:]))}}}"
    if isinstance(node, str) and node.startswith("$") and node[1:] in refs:
        return f"{kind}{{ref: {go_string(node[1:])}}}"
    if isinstance(node, dict):
        keys = _strings([str(k) for k in node])
        items = ", ".join(_node(v, refs, False) for v in node.values())
        return f"{kind}{{isObj: true, keys: {keys}, items: []node{{{items}}}}}"
    if isinstance(node, (list, tuple)):
        items = ", ".join(_node(v, refs, False) for v in node)
        return f"{kind}{{isList: true, items: []node{{{items}}}}}"
    return f"{kind}{{literal: {go_string(_literal(node))}}}"


REFERENCES = frozenset(
    {
        "code",
        "name",
        "message",
        "title",
        "description",
        "solution",
        "status",
        "jsonrpc_code",
        "retryable",
        "retry_after",
        "data",
        "context",
        "params",
        "id",
        "docs_url",
        "catalog",
        "module",
        "space",
    }
)
"""The ``$references`` a plain profile body may use (as the Python runtime knows them)."""


def field_paths(node: Any, path: tuple[str | int, ...] = ()) -> dict[str, tuple[str | int, ...]]:
    """Where each ``$reference`` first sits in a body template (what a decoder reads)."""
    found: dict[str, tuple[str | int, ...]] = {}
    if isinstance(node, str) and node.startswith("$") and not node.startswith("$$"):
        found.setdefault(node[1:], path)
    elif isinstance(node, dict):
        for key, value in node.items():
            for ref, where in field_paths(value, (*path, str(key))).items():
                found.setdefault(ref, where)
    elif isinstance(node, (list, tuple)):
        for i, value in enumerate(node):
            for ref, where in field_paths(value, (*path, i)).items():
                found.setdefault(ref, where)
    return found


def _profile(p: ProfileFacts) -> str:
    fields = []
    for ref, path in field_paths(p.body).items():
        steps = ", ".join(
            f"{{index: {s}}}" if isinstance(s, int) else f"{{key: {go_string(s)}, index: -1}}"
            for s in path
        )
        fields.append(f"{{{go_string(ref)}, []step{{{steps}}}}}")
    size = len(p.body) if isinstance(p.body, dict) else -1
    return (
        f"{{name: {go_string(p.name)}, contentType: {go_string(p.content_type)}, "
        f"status: {p.status or 0}, body: {_node(p.body, REFERENCES)}, "
        f"fields: []field{{{', '.join(fields)}}}, size: {size}}}"
    )


def _ident(name: str, taken: set[str]) -> str:
    words: list[str] = re.findall(r"[A-Za-z0-9]+", name) or ["p"]
    text = words[0][:1].lower() + words[0][1:] + "".join(w[:1].upper() + w[1:] for w in words[1:])
    if text[0].isdigit() or text in _KEYWORDS or text in _GO_TYPES.values():
        text = "p" + text[:1].upper() + text[1:]
    candidate, n = text, 2
    while candidate in taken:
        candidate, n = f"{text}{n}", n + 1
    taken.add(candidate)
    return candidate


def _doc(e: EntryFacts) -> str:
    return comment_text(e.doc)


def render(facts: CatalogFacts, catalog: Catalog, package: str) -> str:
    """The file's text: header, package clause, the runtime's imports, data, runtime."""
    imports, body = runtime_parts()
    out = [
        f"// Code generated by {provenance(catalog)}. DO NOT EDIT.",
        "// Regenerate with `errdex gen CATALOG --lang go` or `errdex build`.",
        "",
        f"// Package {package} holds the errors of the catalog {comment_text(facts.id)}: typed",
        "// codes, sentinels for errors.Is, constructors, Render and Decode.",
        f"package {package}",
        "",
        imports,
        "",
        "// CatalogID is the id of the catalog this package was generated from.",
        f"const CatalogID = {go_string(facts.id)}",
        "",
        "// Locales are the locales the catalog has texts in, the default first.",
        f"var Locales = {_strings(facts.locales)}",
        "",
        f"const defaultLocale = {go_string(facts.default_locale)}",
        "",
        f"var internalEntry = {-1 if facts.internal is None else facts.internal}",
        "",
        f"const internalCode = {go_string(facts.internal_code or '')}",
        "",
        "var localeAliases = map[string]string{"
        + ", ".join(f"{go_string(k)}: {go_string(v)}" for k, v in facts.aliases)
        + "}",
        "",
        "var spaces = [][2]string{"
        + ", ".join(f"{{{go_string(i)}, {go_string(k)}}}" for i, k in facts.spaces)
        + "}",
        "",
        "var modules = []moduleFacts{"
        + ", ".join(
            f"{{id: {go_string(m.id)}, space: {go_string(m.space)}, "
            f"prefix: {go_string(m.prefix or '')}, hasRange: {_bool(m.lo is not None)}, "
            f"lo: {m.lo or 0}, hi: {m.hi or 0}}}"
            for m in facts.modules
        )
        + "}",
        "",
        "var plainProfiles = []plainProfile{"
        + ", ".join(_profile(p) for p in facts.profiles)
        + "}",
        "",
        f"var genericEntry = Entry{_entry(facts.generic)}",
        "",
        "var entries = []Entry{",
    ]
    out += [f"\t{_entry(e)}," for e in facts.entries]
    out.append("}")
    for i, e in enumerate(facts.entries):
        doc = _doc(e)
        out += [
            "",
            f"// Code{e.ident} is the code of {doc}",
            f"const Code{e.ident} Code = {go_string(str(e.code))}",
            "",
            f"// Err{e.ident} is the sentinel of {doc}",
            f"// errors.Is(err, Err{e.ident}) is true for every error of this entry.",
            f"var Err{e.ident} = newError(&entries[{i}], nil)",
        ]
        if e.removed:
            continue
        taken: set[str] = set()
        args = [(_ident(n, taken), n, _GO_TYPES.get(k, "interface{}")) for n, k, _ in e.params]
        signature = ", ".join(f"{a} {t}" for a, _, t in args)
        values = ", ".join(f"{{{go_string(n)}, {a}}}" for a, n, _ in args)
        out += [
            "",
            f"// New{e.ident} returns an error of {doc}",
            f"func New{e.ident}({signature}) *Error {{",
            f"\treturn newError(&entries[{i}], {'[]Param{' + values + '}' if args else 'nil'})",
            "}",
        ]
    out += ["", "// --- the errdex runtime for Go (errdex/convert/code/embedded/errdex.go) ---", ""]
    return "\n".join(out) + "\n" + body


def runtime_parts() -> tuple[str, str]:
    """The Go runtime source split into its import block and the rest (after the imports)."""
    text = embedded.source("errdex.go")
    start = text.index("\nimport (\n") + 1
    end = text.index("\n)\n", start) + 3
    return text[start : end - 1], text[end:].lstrip("\n")


def generate(catalog: Catalog, package: str | None = None) -> dict[str, str]:
    """Return ``{"<package>.go": text}`` declaring ``package <package>``."""
    name = snake_case(package or catalog.meta.id).replace("_", "")
    if name[0].isdigit():
        name = "e" + name
    facts = catalog_facts(catalog, RESERVED)
    return {f"{name}.go": render(facts, catalog, name)}
