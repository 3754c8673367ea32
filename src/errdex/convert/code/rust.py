"""Rust generator: one ``.rs`` module, no external crates (std only, edition 2021).

The module declares ``ErrorKind`` (one variant per entry) with its static
``Entry`` (code, space, module, name, HTTP status, JSON-RPC code, retry
hint…), a ``codes`` module of constants, the typed ``Error`` (``kind:
Option<ErrorKind>``, raw ``code``, ``message``; ``Display`` +
``std::error::Error``), ``lookup`` and ``decode(body, status)`` for JSON-RPC,
problem+json and the catalog's plain envelopes. Decoding uses a small JSON
reader embedded in the file, so the module builds without serde or any crate
registry.
"""

from __future__ import annotations

import json
import re
from typing import Any

from errdex.convert.code.naming import snake_case
from errdex.convert.code.table import CodeTable, code_table, provenance
from errdex.model import Catalog

BEGIN = "// --- BEGIN GENERATED ---"
END = "// --- END GENERATED ---"


def rust_string(value: str) -> str:
    """A Rust string literal (JSON escapes except ``\\uXXXX``, which Rust spells ``\\u{X}``)."""
    text = json.dumps(value, ensure_ascii=False)
    return re.sub(
        r"(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})",
        lambda m: m.group(1) + "\\u{" + m.group(2) + "}",
        text,
    )


def _opt(value: Any, kind: str = "str") -> str:
    if value is None:
        return "None"
    if kind == "str":
        return f"Some({rust_string(value)})"
    if kind == "bool":
        return f"Some({'true' if value else 'false'})"
    return f"Some({value})"


def _code(code: int | str) -> str:
    return f"Code::Int({code})" if isinstance(code, int) else f"Code::Str({rust_string(code)})"


def screaming(ident: str) -> str:
    """``InvalidJWT`` → ``INVALID_JWT``, ``E1054`` → ``E1054``."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", ident)
    out = "_".join(w.upper() for w in words)
    return re.sub(r"(?<=[A-Z])_(?=[0-9])", "", out)


RUNTIME = r"""
/// A code as the catalog writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    Int(i64),
    Str(&'static str),
}

/// A code as met on the wire (owned): unknown codes are kept as they came.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RawCode {
    Int(i64),
    Str(String),
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Int(n) => write!(f, "{}", n),
            RawCode::Str(s) => write!(f, "{}", s),
        }
    }
}

impl RawCode {
    fn matches(&self, code: Code) -> bool {
        match (self, code) {
            (RawCode::Int(a), Code::Int(b)) => *a == b,
            (RawCode::Str(a), Code::Str(b)) => a.trim().eq_ignore_ascii_case(b),
            (RawCode::Str(a), Code::Int(b)) => a.trim().parse::<i64>() == Ok(b),
            (RawCode::Int(a), Code::Str(b)) => b.trim().parse::<i64>() == Ok(*a),
        }
    }
}

/// One entry of the catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub code: Code,
    pub space: &'static str,
    pub space_kind: &'static str,
    pub module: Option<&'static str>,
    pub name: Option<&'static str>,
    pub http_status: Option<u16>,
    pub jsonrpc_code: Option<i64>,
    pub retryable: Option<bool>,
    pub retry_after: Option<u32>,
    pub status: &'static str,
    pub message: Option<&'static str>,
    pub title: Option<&'static str>,
}

impl ErrorKind {
    /// The catalog entry of this kind.
    pub fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }

    /// The entry's code.
    pub fn code(self) -> Code {
        self.entry().code
    }

    /// The HTTP status the error is sent with, if the catalog sets one.
    pub fn http_status(self) -> Option<u16> {
        self.entry().http_status
    }

    /// Whether a client may retry (false when the catalog does not say).
    pub fn retryable(self) -> bool {
        self.entry().retryable.unwrap_or(false)
    }
}

/// The kinds whose code is `code`, across spaces, in catalog order.
pub fn find(code: &RawCode) -> Vec<ErrorKind> {
    KINDS.iter().copied().filter(|k| code.matches(k.code())).collect()
}

/// The kind of `code` in `space` (any space for None); None when the code is
/// unknown or, with no space, exists in several spaces.
pub fn lookup(code: &RawCode, space: Option<&str>) -> Option<ErrorKind> {
    let found: Vec<ErrorKind> = find(code)
        .into_iter()
        .filter(|k| space.map_or(true, |s| k.entry().space == s))
        .collect();
    if found.len() == 1 {
        Some(found[0])
    } else {
        None
    }
}

/// An error of this catalog; `kind` is None for a code the catalog lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub kind: Option<ErrorKind>,
    pub code: RawCode,
    pub message: String,
}

impl Error {
    /// An error of a known kind; an empty message takes the entry's text.
    pub fn new(kind: ErrorKind, message: &str) -> Error {
        let e = kind.entry();
        let text = if message.is_empty() {
            e.message.or(e.title).or(e.name).unwrap_or("").to_string()
        } else {
            message.to_string()
        };
        let code = match e.code {
            Code::Int(n) => RawCode::Int(n),
            Code::Str(s) => RawCode::Str(s.to_string()),
        };
        Error { kind: Some(kind), code, message: text }
    }

    /// The HTTP status the error is sent with, if known.
    pub fn http_status(&self) -> Option<u16> {
        self.kind.and_then(|k| k.http_status())
    }

    /// Whether a client may retry.
    pub fn retryable(&self) -> bool {
        self.kind.map_or(false, |k| k.retryable())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Error {}

/// A parsed JSON value (only what decoding needs).
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn eat(&mut self, lit: &str) -> Option<()> {
        if self.s[self.i..].starts_with(lit.as_bytes()) {
            self.i += lit.len();
            Some(())
        } else {
            None
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > 128 {
            return None;
        }
        self.ws();
        match *self.s.get(self.i)? {
            b'n' => self.eat("null").map(|_| Json::Null),
            b't' => self.eat("true").map(|_| Json::Bool(true)),
            b'f' => self.eat("false").map(|_| Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat("]").is_some() {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(",").is_none() {
                        self.eat("]")?;
                        return Some(Json::Arr(items));
                    }
                }
            }
            b'{' => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat("}").is_some() {
                    return Some(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    self.ws();
                    self.eat(":")?;
                    fields.push((key, self.value(depth + 1)?));
                    self.ws();
                    if self.eat(",").is_none() {
                        self.eat("}")?;
                        return Some(Json::Obj(fields));
                    }
                }
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len()
                    && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                let text = std::str::from_utf8(&self.s[start..self.i]).ok()?;
                text.parse::<f64>().ok()?;
                Some(Json::Num(text.to_string()))
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
        self.i += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        self.eat("\"")?;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.i < self.s.len() && self.s[self.i] != b'"' && self.s[self.i] != b'\\' {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).ok()?);
            match *self.s.get(self.i)? {
                b'"' => {
                    self.i += 1;
                    return Some(out);
                }
                _ => {
                    self.i += 1;
                    let c = *self.s.get(self.i)?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut cp = self.hex4()?;
                            if (0xD800..0xDC00).contains(&cp) {
                                self.eat("\\u")?;
                                let low = self.hex4()?;
                                let low = low.checked_sub(0xDC00)? & 0x3FF;
                                cp = 0x10000 + ((cp - 0xD800) << 10) + low;
                            }
                            out.push(char::from_u32(cp)?);
                        }
                        _ => return None,
                    }
                }
            }
        }
    }
}

fn parse(body: &str) -> Option<Json> {
    let mut reader = Reader { s: body.as_bytes(), i: 0 };
    let value = reader.value(0)?;
    reader.ws();
    if reader.i == reader.s.len() {
        Some(value)
    } else {
        None
    }
}

fn dig<'j>(data: &'j Json, path: &[&str]) -> Option<&'j Json> {
    let mut node = data;
    for part in path {
        match node {
            Json::Obj(fields) => node = &fields.iter().rev().find(|(k, _)| k == part)?.1,
            _ => return None,
        }
    }
    Some(node)
}

fn raw_code(value: &Json) -> Option<RawCode> {
    match value {
        Json::Num(text) => text.parse::<i64>().ok().map(RawCode::Int),
        Json::Str(text) if !text.trim().is_empty() => Some(match text.trim().parse::<i64>() {
            Ok(n) => RawCode::Int(n),
            Err(_) => RawCode::Str(text.clone()),
        }),
        _ => None,
    }
}

fn pick(code: &RawCode, kind: &str) -> Option<ErrorKind> {
    let found = find(code);
    found.iter().copied().find(|k| k.entry().space_kind == kind).or(found.first().copied())
}

/// The error a response body carries (JSON-RPC, problem+json or one of the
/// catalog's envelopes), or None when it carries none; `status` (HTTP) is the
/// fallback when the body names no code.
pub fn decode(body: &str, status: Option<u16>) -> Option<Error> {
    let data = parse(body).unwrap_or(Json::Null);
    for (code_path, message_paths, kind) in SHAPES {
        let code = match dig(&data, code_path).and_then(raw_code) {
            Some(code) => code,
            None => continue,
        };
        let message = message_paths
            .iter()
            .find_map(|p| match dig(&data, p) {
                Some(Json::Str(text)) => Some(text.clone()),
                _ => None,
            })
            .unwrap_or_default();
        return Some(Error { kind: pick(&code, kind), code, message });
    }
    let code = RawCode::Int(i64::from(status?));
    let kind = find(&code).into_iter().find(|k| k.entry().space_kind == "http");
    let message = kind
        .map(|k| k.entry())
        .and_then(|e| e.message.or(e.title).or(e.name))
        .unwrap_or("")
        .to_string();
    Some(Error { kind, code, message })
}
"""


def _strs(values: tuple[str, ...]) -> str:
    return "&[" + ", ".join(rust_string(v) for v in values) + "]"


def render(table: CodeTable) -> str:
    """The module text."""
    meta = table.catalog.meta
    n = len(table.rows)
    out = [
        BEGIN,
        f"// Generated by {provenance(table.catalog)}. Do not edit:",
        "// regenerate with `errdex gen CATALOG --lang rust` or `errdex build`.",
        f"//! Errors of the catalog {rust_string(meta.id)}: `ErrorKind`, `lookup`, `decode`.",
        "#![allow(dead_code, clippy::upper_case_acronyms)]",
        "",
        "use std::fmt;",
        "",
        "/// The id of the catalog this module was generated from.",
        f"pub const CATALOG_ID: &str = {rust_string(meta.id)};",
        "",
        "/// One variant per catalog entry.",
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]",
        "pub enum ErrorKind {",
        *(f"    {r.ident}," for r in table.rows),
        "}",
        "",
        "/// Every kind, in catalog order.",
        f"pub const KINDS: [ErrorKind; {n}] = [",
        *(f"    ErrorKind::{r.ident}," for r in table.rows),
        "];",
        "",
        "/// The code of every entry.",
        "pub mod codes {",
    ]
    for r in table.rows:
        kind = "i64" if isinstance(r.entry.code, int) else "&str"
        value = r.entry.code if isinstance(r.entry.code, int) else rust_string(r.entry.code)
        out.append(f"    pub const {screaming(r.ident)}: {kind} = {value};")
    out += ["}", "", f"static ENTRIES: [Entry; {n}] = ["]
    for r in table.rows:
        e = r.entry
        out += [
            "    Entry {",
            f"        code: {_code(e.code)},",
            f"        space: {rust_string(e.space)},",
            f"        space_kind: {rust_string(r.space_kind)},",
            f"        module: {_opt(e.module)},",
            f"        name: {_opt(e.name)},",
            f"        http_status: {_opt(e.http_status, 'int')},",
            f"        jsonrpc_code: {_opt(e.jsonrpc_code, 'int')},",
            f"        retryable: {_opt(e.retryable, 'bool')},",
            f"        retry_after: {_opt(e.retry_after, 'int')},",
            f"        status: {rust_string(e.status)},",
            f"        message: {_opt(e.message)},",
            f"        title: {_opt(e.title)},",
            "    },",
        ]
    out += ["];", "", "static SHAPES: &[(&[&str], &[&[&str]], &str)] = &["]
    for s in table.shapes:
        messages = "&[" + ", ".join(_strs(m) for m in s.messages) + "]"
        out.append(f"    ({_strs(s.code)}, {messages}, {rust_string(s.kind or '')}),")
    out.append("];")
    out.append(RUNTIME)
    out.append(END)
    return "\n".join(out) + "\n"


def generate(catalog: Catalog, package: str | None = None) -> dict[str, str]:
    """Return ``{"<package>.rs": text}`` (a module: ``mod <package>;``)."""
    name = snake_case(package or catalog.meta.id)
    return {f"{name}.rs": render(code_table(catalog, ("Self",)))}
