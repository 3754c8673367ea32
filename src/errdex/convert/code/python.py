"""Python generator: an exception module plus a ``.pyi`` stub, fast to import at 10,000 codes.

Design (see docs/codegen.md):

- The module holds the catalog as *columns*: one tuple constant per field
  (identifiers, codes, spaces, modules, statuses, texts…). A tuple of
  constants is one object in the ``.pyc``; unmarshalling it is the whole
  import cost, and the indexes (code → row, identifier → row) are built with
  C-level ``dict(zip(...))`` on first use, not at import.
- The catalog base ``Error`` and one base per module are real ``class``
  statements (psycopg ``errors.py`` style: ``__init_subclass__(code=...,
  name=...)`` fills a plain registry dict). The per-entry classes
  (``InvalidJWT``) are created on first access through the module's
  ``__getattr__`` (PEP 562) and cached in the module's globals, so
  ``csghub.InvalidJWT is csghub.lookup("AUTH-ERR-4")`` and pickling works.
- Static typing and IDE completion come from the ``.pyi`` stub written beside
  the module: it declares every class with its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from errdex.convert.code.naming import snake_case
from errdex.convert.code.table import CodeTable, code_table, provenance
from errdex.model import Catalog, normalize_code

BEGIN = "# --- BEGIN GENERATED ---"
END = "# --- END GENERATED ---"

PUBLIC = ("Error", "CATALOG", "lookup", "error_for", "decode")
RESERVED = (*PUBLIC, "None", "True", "False", "Exception", "BaseException", "Any", "ClassVar")

COLUMNS: tuple[tuple[str, Callable[[Any], Any]], ...] = (
    ("_IDENTS", lambda r: r.ident),
    ("_CODES", lambda r: r.entry.code),
    ("_SPACES", lambda r: r.entry.space),
    ("_MODULES", lambda r: r.entry.module),
    ("_NAMES", lambda r: r.entry.name),
    ("_HTTP", lambda r: r.entry.http_status),
    ("_JSONRPC", lambda r: r.entry.jsonrpc_code),
    ("_RETRYABLE", lambda r: r.entry.retryable),
    ("_RETRY_AFTER", lambda r: r.entry.retry_after),
    ("_STATUS", lambda r: r.entry.status),
    ("_MESSAGE", lambda r: r.entry.message),
    ("_TITLE", lambda r: r.entry.title),
    ("_DESCRIPTION", lambda r: r.entry.description),
    ("_SOLUTION", lambda r: r.entry.solution),
)

TEXT_COLUMNS = frozenset(
    {"_IDENTS", "_SPACES", "_MODULES", "_NAMES", "_STATUS"}
    | {"_MESSAGE", "_TITLE", "_DESCRIPTION", "_SOLUTION"}
)
"""Columns of text (or None) that are packed into one string constant each."""

RUNTIME = '''
_registry = {}
"""(space, code key) -> exception class; filled by ``Error.__init_subclass__``."""


def _key(code):
    """The comparison key of a code: an int, or an upper-cased string."""
    if type(code) is int:
        return code
    text = str(code).strip()
    if text.lstrip("+-").isdigit():
        return int(text)
    return text.upper()


class Error(Exception):
    """Base of every error of this catalog; ``except Error`` catches them all.

    Class attributes describe the catalog entry (``code``, ``name``,
    ``http_status``, ``jsonrpc_code``, ``retryable``, ``retry_after``, the
    message ``template``…); an instance has the filled ``message`` and its
    ``params``. An instance of a base class made for a code the catalog lacks
    keeps that raw ``code``.
    """

    code = None
    name = None
    space = None
    module = None
    http_status = None
    jsonrpc_code = None
    retryable = None
    retry_after = None
    status = "active"
    template = None
    title = None
    description = None
    solution = None

    def __init_subclass__(cls, code=None, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if code is not None:
            cls.code = code
            cls.name = name
            _registry[(cls.space, _key(code))] = cls

    def __init__(self, message=None, /, *, code=None, **params):
        if code is not None:
            self.code = code
        if message is None:
            message = _fill(self.template, params) if self.template else (
                self.title or self.name or f"error {self.code}")
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self):
        return str(self.args[0]) if self.args else ""

    def __repr__(self):
        return f"{type(self).__qualname__}(code={self.code!r}, message={str(self)!r})"


def _fill(template, params):
    """Fill ``{name}`` from ``params``; ``{{``/``}}`` are braces; a missing one stays as is."""
    out, i, n = [], 0, len(template)
    while i < n:
        c = template[i]
        if c in "{}" and template[i + 1:i + 2] == c:
            out.append(c)
            i += 2
        elif c == "{" and "}" in template[i:]:
            j = template.index("}", i)
            field = template[i + 1:j]
            out.append(str(params[field]) if field in params else template[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


_index_cache = []


def _unpack(column):
    """A text column as a sequence: a packed one is NUL-separated (SOH stands for None)."""
    if type(column) is not str:
        return column
    return column.split("\\0") if _N else []


def _at(column, i):
    """Value ``i`` of a column, with the packed SOH turned back into None."""
    value = column[i]
    return None if value == "\\1" else value


def _index():
    """(identifier -> row, (space, key) -> row, key -> spaces), built on first use.

    The first call also unpacks the data columns (one string constant each,
    so that importing the module unmarshals a few large strings instead of
    tens of thousands of small objects).
    """
    if not _index_cache:
        g = globals()
        for name in _PACKED:
            g[name] = _unpack(g[name])
        keys = _CODES if _KEYS is None else _KEYS
        by_key = dict(zip(keys, zip(_SPACES)))  # key -> (space,)
        if len(by_key) < len(keys):  # some code sits in several spaces
            by_key = {}
            for space, key in zip(_SPACES, keys):
                by_key[key] = by_key.get(key, ()) + (space,)
        _index_cache.append((
            dict(zip(_IDENTS, range(len(_IDENTS)))),
            dict(zip(zip(_SPACES, keys), range(len(keys)))),
            by_key,
        ))
    return _index_cache[0]


def _make(i):
    """Create (once) the class of row ``i`` under its module's base."""
    ident = _IDENTS[i]
    cls = globals().get(ident)
    if cls is None:
        code, name, module = _CODES[i], _at(_NAMES, i), _at(_MODULES, i)
        description = _at(_DESCRIPTION, i)
        doc = f"``{code}``" + (f" {name}" if name else "") + (
            f": {description}" if description else "")
        ns = {
            "__module__": __name__, "__qualname__": ident, "__doc__": doc,
            "space": _SPACES[i], "module": module, "http_status": _HTTP[i],
            "jsonrpc_code": _JSONRPC[i], "retryable": _RETRYABLE[i],
            "retry_after": _RETRY_AFTER[i], "status": _STATUS[i],
            "template": _at(_MESSAGE, i), "title": _at(_TITLE, i),
            "description": description, "solution": _at(_SOLUTION, i),
        }
        cls = type(ident, (_BASES.get(module, Error),), ns, code=code, name=name)
        globals()[ident] = cls
    return cls


def __getattr__(attr):
    i = _index()[0].get(attr)
    if i is None:
        raise AttributeError(f"module {__name__!r} has no attribute {attr!r}")
    return _make(i)


def __dir__():
    _index()
    return sorted({*globals(), *_IDENTS})


def lookup(code, space=None):
    """Return the exception class of ``code`` (in ``space``); KeyError for an unknown code."""
    return _registry.get(pair := _pair(code, space)) or _make(_index()[1][pair])


def _pair(code, space):
    key = _key(code)
    if space is None:
        spaces = _index()[2].get(key) or tuple({s for (s, k) in _registry if k == key})
        if len(spaces) > 1:
            raise LookupError(
                f"code {code!r} exists in several spaces ({', '.join(spaces)}); pass space=...")
        if not spaces:
            raise KeyError(code)
        space = spaces[0]
    if (space, key) not in _registry and (space, key) not in _index()[1]:
        raise KeyError(code)
    return (space, key)


def _base_for(code):
    """The module base whose prefix or range covers ``code``, else ``Error``."""
    key = _key(code)
    for module, prefix, lo, hi in _PATTERNS:
        if prefix is not None and type(key) is str and key.startswith(prefix.upper()):
            return _BASES[module]
        if lo is not None and type(key) is int and lo <= key <= hi:
            return _BASES[module]
    return Error


def error_for(code, message=None, /, *, space=None, **params):
    """Return an exception instance for ``code``.

    A code the catalog lacks gives an instance of its module's base (found by
    prefix or range), else of ``Error``, that keeps the raw ``code``.
    """
    try:
        cls = lookup(code, space)
    except KeyError:
        return _base_for(code)(message, code=code, **params)
    return cls(message, **params)


def _dig(data, path):
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def decode(body, status=None):
    """Return the error a response body carries, or None when it carries none.

    Reads JSON-RPC ``{"error": {"code", "message"}}``, the catalog's plain
    envelopes and problem+json; ``status`` (an HTTP status) is the fallback
    when the body names no code. Unknown codes are kept raw (see ``error_for``).
    """
    import json

    try:
        data = json.loads(body) if isinstance(body, (str, bytes, bytearray)) else body
    except ValueError:
        data = None
    for code_path, message_paths, kind in _SHAPES:
        code = _dig(data, code_path)
        if type(code) is int or (type(code) is str and code.strip()):
            message = next((m for m in (_dig(data, p) for p in message_paths)
                            if type(m) is str), None)
            spaces = _index()[2].get(_key(code), ())
            preferred = [s for s in spaces if _SPACE_KINDS.get(s) == kind]
            space = (preferred or spaces or (None,))[0]
            error = error_for(code, message, space=space) if space else error_for(code, message)
            error.data = _dig(data, code_path[:-1] + ("data",))
            return error
    if status is not None:
        http = [s for s, k in _SPACE_KINDS.items() if k == "http"]
        spaces = [s for s in _index()[2].get(status, ()) if s in http]
        return error_for(status, space=spaces[0]) if spaces else error_for(status)
    return None
'''


def _lit(value: Any) -> str:
    return repr(value)


def _packed(values: list[str | None]) -> str | None:
    """A text column as adjacent string literals (one value per line), or None if unpackable."""
    if any(v is not None and ("\0" in v or "\1" in v) for v in values):
        return None
    if not values:
        return '""'
    parts = ["\1" if v is None else v for v in values]
    lines = [_lit(p + "\0") for p in parts[:-1]] + [_lit(parts[-1])]
    return "(\n" + "".join(f"    {line}\n" for line in lines) + ")"


def _tuple(values: list[Any]) -> str:
    if not values:
        return "()"
    return "(\n" + "".join(f"    {_lit(v)},\n" for v in values) + ")"


def _header(catalog: Catalog, module: str) -> list[str]:
    return [
        BEGIN,
        f"# Generated by {provenance(catalog)}. Do not edit:",
        f"# regenerate: `errdex gen CATALOG --lang python --package {module}` or `errdex build`.",
    ]


def _docstring(table: CodeTable, module: str) -> str:
    meta = table.catalog.meta
    lines = [
        f"Errors of the catalog {meta.id!r}" + (f" ({meta.title})" if meta.title else "") + ".",
        "",
        "Exception tree::",
        "",
        f"    {'Error':<27} every error of {meta.id}",
    ]
    for m in table.modules:
        pattern = m.prefix + "*" if m.prefix else (f"{m.range[0]}..{m.range[1]}" if m.range else "")
        lines.append(f"     +-- {m.ident:<22} {m.title or m.id} {pattern}".rstrip())
    lines += [
        "",
        f"One class per entry ({len(table.rows)} in all) under its module's base, e.g.",
        f"``{module}.{table.rows[0].ident}``; they are created on first use"
        if table.rows
        else "(this catalog has no entries)",
        f"(see ``{module}.pyi`` for the full list). ``lookup(code)`` returns a class,",
        "``error_for(code, message)`` an instance (unknown codes fall back to their",
        "module's base and keep the raw code), ``decode(body)`` reads a response body.",
    ]
    return f'"""{_pydoc(chr(10).join(lines))}\n"""'


def render_module(table: CodeTable, module: str) -> str:
    """The runtime module text: data columns, bases, lazy entry classes, lookup, decode."""
    catalog = table.catalog
    meta = catalog.meta
    out = [*_header(catalog, module), _docstring(table, module), ""]
    info = {"id": meta.id, "title": meta.title, "version": meta.version, "docs_url": meta.docs_url}
    out.append(f"CATALOG = {_lit(info)}")
    out.append(RUNTIME.rstrip("\n"))
    out.append("")
    for m in table.modules:
        title = _pydoc(m.title or m.id)
        out += [
            "",
            f"class {m.ident}(Error):",
            f'    """Base of the errors of module {m.id!r} ({title}); catches all of them."""',
            "",
            f"    module = {_lit(m.id)}",
        ]
    out += ["", ""]
    out.append("_BASES = {" + ", ".join(f"{_lit(m.id)}: {m.ident}" for m in table.modules) + "}")
    patterns = [
        (m.id, m.prefix, *(m.range or (None, None))) for m in table.modules if m.prefix or m.range
    ]
    out.append(f"_PATTERNS = {_lit(tuple(patterns))}")
    out.append(f"_SPACE_KINDS = {_lit(table.space_kinds)}")
    shapes = tuple((s.code, s.messages, s.kind) for s in table.shapes)
    out.append(f"_SHAPES = {_lit(shapes)}")
    out.append(f"_N = {len(table.rows)}")
    packed = []
    for name, get in COLUMNS:
        values = [get(r) for r in table.rows]
        text = None
        if name in TEXT_COLUMNS:
            text = _packed(values)
        if text is not None:
            packed.append(name)
        out.append(f"{name} = {text if text is not None else _tuple(values)}")
    out.append(f"_PACKED = {_lit(tuple(packed))}")
    keys = [normalize_code(r.entry.code) for r in table.rows]
    same = keys == [r.entry.code for r in table.rows]
    out.append(f"_KEYS = {'None' if same else _tuple(keys)}")
    bases = [m.ident for m in table.modules]
    out.append(f"__all__ = {_lit(list(PUBLIC) + bases)}")
    out.append(END)
    return "\n".join(out) + "\n"


_DOC_UNSAFE = re.compile(r"[\\\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ufeff]")


def _pydoc(text: str) -> str:
    """``text`` for the inside of a triple-quoted docstring whose value stays ``text``.

    Backslashes and control characters are escaped, and so are three quotes in
    a row and the quotes that end the text, so nothing can close the string early.
    """
    text = _DOC_UNSAFE.sub(_doc_escape, text).replace('"""', '\\"\\"\\"')
    body = text.rstrip('"')
    return body + '\\"' * (len(text) - len(body))


def _doc_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch == "\\":
        return "\\\\"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


STUB_BASE = '''from typing import Any, ClassVar

CATALOG: dict[str, str | None]

class Error(Exception):
    """Base of every error of this catalog."""

    code: ClassVar[int | str | None]
    name: ClassVar[str | None]
    space: ClassVar[str | None]
    module: ClassVar[str | None]
    http_status: ClassVar[int | None]
    jsonrpc_code: ClassVar[int | None]
    retryable: ClassVar[bool | None]
    retry_after: ClassVar[int | None]
    status: ClassVar[str]
    template: ClassVar[str | None]
    title: ClassVar[str | None]
    description: ClassVar[str | None]
    solution: ClassVar[str | None]
    message: str
    params: dict[str, Any]
    data: Any
    def __init__(
        self, message: str | None = None, /, *, code: int | str | None = None, **params: Any
    ) -> None: ...

def lookup(code: int | str, space: str | None = None) -> type[Error]: ...
def error_for(
    code: int | str, message: str | None = None, /, *, space: str | None = None, **params: Any
) -> Error: ...
def decode(body: str | bytes | dict[str, Any], status: int | None = None) -> Error | None: ...
'''


def render_stub(table: CodeTable, module: str) -> str:
    """The ``.pyi`` stub: every class with its docstring, for type checkers and IDEs."""
    out = [*_header(table.catalog, module), STUB_BASE]
    bases = {m.id: m.ident for m in table.modules}
    for m in table.modules:
        out.append(f"class {m.ident}(Error):")
        out.append(f'    """{_pydoc(m.title or m.id)}"""\n')
    for row in table.rows:
        e = row.entry
        doc = f"``{e.code}``" + (f" {e.name}" if e.name else "")
        if e.description:
            doc += f": {e.description}"
        base = bases.get(e.module or "", "Error")
        out.append(f"class {row.ident}({base}):")
        out.append(f'    """{_pydoc(doc)}"""\n')
        code_type = "int" if isinstance(e.code, int) else "str"
        out.append(f"    code: ClassVar[{code_type}]\n")
    out.append(END)
    return "\n".join(out) + "\n"


def generate(catalog: Catalog, package: str | None = None) -> dict[str, str]:
    """Return ``{filename: text}``: ``<package>.py`` and ``<package>.pyi``."""
    module = snake_case(package or catalog.meta.id)
    table = code_table(catalog, RESERVED)
    return {
        f"{module}.py": render_module(table, module),
        f"{module}.pyi": render_stub(table, module),
    }
