"""Go generator: one ``.go`` file, standard library only (Go 1.18+), gofmt-clean.

The file declares ``Entry`` (one catalog entry) and ``Entries``, ``Code<X>``
constants, one sentinel ``Err<X>`` per entry for ``errors.Is``, the typed
``*Error`` (entry, raw code, message, data) for ``errors.As``, ``Lookup`` /
``Find``, and ``Decode(body, status)`` for JSON-RPC, problem+json and the
catalog's plain envelopes. Unknown codes give an ``*Error`` with a nil entry
and the raw code.
"""

from __future__ import annotations

import json
from typing import Any

from errdex.convert.code.naming import snake_case
from errdex.convert.code.table import CodeTable, code_table, provenance
from errdex.model import Catalog

BEGIN = "// --- BEGIN GENERATED ---"
END = "// --- END GENERATED ---"


_GO_RAW = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\ufeff": "\\ufeff"})
"""Characters JSON leaves raw that Go source must escape (the compiler rejects a BOM)."""


def _go(value: Any) -> str:
    """A Go literal: strings as interpreted literals (JSON escapes are valid Go escapes)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False).translate(_GO_RAW)


RUNTIME = """
// Entry describes one error code of the catalog. Zero values mean "not set".
type Entry struct {
	Ident       string // the entry's identifier in this package (ErrIdent, CodeIdent)
	Code        string // the code as the catalog writes it ("AUTH-ERR-4", "1054")
	Space       string
	Module      string
	Name        string
	HTTPStatus  int // 0 when the catalog sets none
	JSONRPCCode int // 0 when the catalog sets none
	Retryable   bool
	RetryAfter  int // seconds; 0 when the catalog sets none
	Status      string
	Message     string
	Title       string
}

// Error is an error of this catalog. Entry is nil for a code the catalog
// lacks; Code keeps the raw code either way.
type Error struct {
	Entry   *Entry
	Code    string
	Message string
	Data    interface{}
}

// Error returns "CODE: message".
func (e *Error) Error() string {
	return e.Code + ": " + e.Message
}

// Is reports whether target is an *Error of the same catalog entry.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && e.Entry != nil && t.Entry == e.Entry
}

// HTTPStatus is the status the error is sent with (0 when unknown).
func (e *Error) HTTPStatus() int {
	if e.Entry == nil {
		return 0
	}
	return e.Entry.HTTPStatus
}

// Retryable tells whether a client may retry (false when unknown).
func (e *Error) Retryable() bool {
	return e.Entry != nil && e.Entry.Retryable
}

// New returns an *Error for an entry; an empty message takes the entry's text.
func New(entry *Entry, message string) *Error {
	if message == "" {
		message = firstNonEmpty(entry.Message, entry.Title, entry.Name, entry.Code)
	}
	return &Error{Entry: entry, Code: entry.Code, Message: message}
}

func firstNonEmpty(texts ...string) string {
	for _, t := range texts {
		if t != "" {
			return t
		}
	}
	return ""
}

// CodeKey is the comparison key of a code: integer strings are canonical
// decimals, other strings are upper-cased.
func CodeKey(code string) string {
	text := strings.TrimSpace(code)
	if n, err := strconv.ParseInt(text, 10, 64); err == nil {
		return strconv.FormatInt(n, 10)
	}
	return strings.ToUpper(text)
}

var index map[string][]*Entry

// Find returns every entry with the code, across spaces (nil when none).
func Find(code string) []*Entry {
	if index == nil {
		index = make(map[string][]*Entry, len(Entries))
		for i := range Entries {
			key := CodeKey(Entries[i].Code)
			index[key] = append(index[key], &Entries[i])
		}
	}
	return index[CodeKey(code)]
}

// Lookup returns the entry of code in space ("" for any), or nil when the
// code is unknown or, with no space, exists in several spaces.
func Lookup(code string, space string) *Entry {
	var found *Entry
	for _, e := range Find(code) {
		if space == "" || e.Space == space {
			if found != nil {
				return nil
			}
			found = e
		}
	}
	return found
}

type shape struct {
	code     []string
	messages [][]string
	kind     string
}

func dig(data interface{}, path []string) interface{} {
	for _, part := range path {
		m, ok := data.(map[string]interface{})
		if !ok {
			return nil
		}
		data = m[part]
	}
	return data
}

func codeText(v interface{}) (string, bool) {
	switch c := v.(type) {
	case json.Number:
		if _, err := c.Int64(); err == nil {
			return c.String(), true
		}
	case string:
		if strings.TrimSpace(c) != "" {
			return c, true
		}
	}
	return "", false
}

func pick(code string, kind string) *Entry {
	found := Find(code)
	for _, e := range found {
		if spaceKinds[e.Space] == kind {
			return e
		}
	}
	if len(found) > 0 {
		return found[0]
	}
	return nil
}

// Decode returns the error a response body carries (JSON-RPC, problem+json
// or one of the catalog's envelopes), or nil when it carries none; status
// (HTTP, 0 for none) is the fallback when the body names no code.
func Decode(body []byte, status int) *Error {
	var data interface{}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&data) != nil {
		data = nil
	}
	for _, s := range shapes {
		code, ok := codeText(dig(data, s.code))
		if !ok {
			continue
		}
		message := ""
		for _, p := range s.messages {
			if text, isText := dig(data, p).(string); isText {
				message = text
				break
			}
		}
		dataPath := append(append([]string{}, s.code[:len(s.code)-1]...), "data")
		entry := pick(code, s.kind)
		return &Error{Entry: entry, Code: code, Message: message, Data: dig(data, dataPath)}
	}
	if status != 0 {
		code := strconv.Itoa(status)
		var entry *Entry
		for _, e := range Find(code) {
			if spaceKinds[e.Space] == "http" {
				entry = e
				break
			}
		}
		err := &Error{Entry: entry, Code: code}
		if entry != nil {
			err.Message = firstNonEmpty(entry.Message, entry.Title, entry.Name)
		}
		return err
	}
	return nil
}
"""


def _strings(values: tuple[str, ...]) -> str:
    return "[]string{" + ", ".join(_go(v) for v in values) + "}"


def render(table: CodeTable, package: str) -> str:
    """The file text."""
    meta = table.catalog.meta
    out = [
        f"// Code generated by {provenance(table.catalog)}. DO NOT EDIT.",
        "",
        BEGIN,
        "// regenerate with `errdex gen CATALOG --lang go` or `errdex build`.",
        "",
        f"// Package {package} holds the errors of the catalog {_go(meta.id)}.",
        f"package {package}",
        "",
        "import (",
        '\t"bytes"',
        '\t"encoding/json"',
        '\t"strconv"',
        '\t"strings"',
        ")",
        "",
        "// CatalogID is the id of the catalog this file was generated from.",
        f"const CatalogID = {_go(meta.id)}",
    ]
    if table.rows:
        out += ["", "// The code of every entry.", "const ("]
        out += [f"\tCode{r.ident} = {_go(r.entry.code)}" for r in table.rows]
        out.append(")")
    out += [
        "",
        "// Entries holds every entry of the catalog, in catalog order.",
        "var Entries = []Entry{",
    ]
    for row in table.rows:
        e = row.entry
        fields = [
            ("Ident", row.ident),
            ("Code", str(e.code)),
            ("Space", e.space),
            ("Module", e.module),
            ("Name", e.name),
            ("HTTPStatus", e.http_status),
            ("JSONRPCCode", e.jsonrpc_code),
            ("Retryable", e.retryable),
            ("RetryAfter", e.retry_after),
            ("Status", e.status),
            ("Message", e.message),
            ("Title", e.title),
        ]
        body = ", ".join(f"{k}: {_go(v)}" for k, v in fields if v not in (None, "", False))
        out.append(f"\t{{{body}}},")
    out.append("}")
    if table.rows:
        out += ["", "// One sentinel per entry, for errors.Is.", "var ("]
        for i, r in enumerate(table.rows):
            out.append(f'\tErr{r.ident} = New(&Entries[{i}], "")')
        out.append(")")
    out += ["", "var spaceKinds = map[string]string{"]
    width = max((len(_go(k)) for k in table.space_kinds), default=0) + 1
    out += [f"\t{_go(k) + ':':<{width}} {_go(v)}," for k, v in table.space_kinds.items()]
    out += ["}", "", "var shapes = []shape{"]
    for s in table.shapes:
        messages = "[][]string{" + ", ".join(_strings(m) for m in s.messages) + "}"
        out.append(
            f"\t{{code: {_strings(s.code)}, messages: {messages}, kind: {_go(s.kind or '')}}},"
        )
    out.append("}")
    out.append(RUNTIME)
    out.append(END)
    return _align("\n".join(out) + "\n")


def _align(text: str) -> str:
    """Align the ``=`` of a const block and the comments of struct fields as gofmt does."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i] in ("const (", "var ("):
            j = i + 1
            while lines[j] != ")":
                j += 1
            block = lines[i + 1 : j]
            width = max(len(b.split(" = ", 1)[0]) for b in block)
            lines[i + 1 : j] = [
                f"{b.split(' = ', 1)[0]:<{width}} = {b.split(' = ', 1)[1]}" for b in block
            ]
            i = j
        i += 1
    return "\n".join(lines)


def generate(catalog: Catalog, package: str | None = None) -> dict[str, str]:
    """Return ``{"<package>.go": text}`` declaring ``package <package>``."""
    name = snake_case(package or catalog.meta.id).replace("_", "")
    table = code_table(catalog)
    return {f"{name}.go": render(table, name)}
