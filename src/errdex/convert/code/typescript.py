"""TypeScript generator: one ``.ts`` module, no dependencies, strict-mode clean.

The module exports ``Errors`` (identifier → entry, ``as const``), the
``ErrorKind`` union of those identifiers, ``Codes`` (identifier → code
constant), one error class ``<Package>Error`` with ``kind``, ``code``,
``httpStatus``, ``retryable`` and ``retryAfter`` (unknown codes keep the raw
code and a null ``kind``), ``lookup(code, space?)`` and ``decode(body,
status?)`` for JSON-RPC, problem+json and the catalog's plain envelopes.
"""

from __future__ import annotations

import json
from typing import Any

from errdex.convert.code.naming import pascal_case
from errdex.convert.code.table import CodeTable, code_table, comment_text, provenance
from errdex.model import Catalog

BEGIN = "// --- BEGIN GENERATED ---"
END = "// --- END GENERATED ---"


def _js(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


RUNTIME = """
export type Code = number | string;

/** One entry of the catalog. */
export interface ErrorEntry {
  readonly code: Code;
  readonly space: string;
  readonly module: string | null;
  readonly name: string | null;
  readonly httpStatus: number | null;
  readonly jsonrpcCode: number | null;
  readonly retryable: boolean | null;
  readonly retryAfter: number | null;
  readonly status: string;
  readonly message: string | null;
  readonly title: string | null;
}

/** The comparison key of a code: integers and integer strings are one code; strings ignore case. */
export function codeKey(code: Code): string {
  if (typeof code === "number") return String(code);
  const text = code.trim();
  return /^[+-]?[0-9]+$/.test(text) ? String(parseInt(text, 10)) : text.toUpperCase();
}

const ENTRIES: Readonly<Record<string, ErrorEntry>> = Errors;
let index: Map<string, ErrorKind[]> | null = null;

function kindsOf(code: Code): ErrorKind[] {
  if (index === null) {
    index = new Map();
    for (const kind of Object.keys(Errors) as ErrorKind[]) {
      const key = codeKey(ENTRIES[kind].code);
      const list = index.get(key);
      if (list) list.push(kind);
      else index.set(key, [kind]);
    }
  }
  return index.get(codeKey(code)) ?? [];
}

/**
 * The kind of `code` (in `space` when given), or undefined for an unknown code.
 * Throws when the code exists in several spaces and no space is given.
 */
export function lookup(code: Code, space?: string): ErrorKind | undefined {
  const kinds = kindsOf(code).filter((k) => space === undefined || ENTRIES[k].space === space);
  if (kinds.length > 1) {
    const spaces = kinds.map((k) => ENTRIES[k].space).join(", ");
    throw new Error(`code ${String(code)} exists in several spaces (${spaces}); pass a space`);
  }
  return kinds[0];
}

/** An error of this catalog; `kind` is null for a code the catalog lacks (the raw code is kept). */
export class CLASSNAME extends Error {
  readonly kind: ErrorKind | null;
  readonly entry: ErrorEntry | null;
  readonly code: Code;
  readonly data: unknown;

  constructor(code: Code, message?: string | null, kind?: ErrorKind | null, data?: unknown) {
    const found = kind === undefined ? safeLookup(code) : kind;
    const entry: ErrorEntry | null = found === null ? null : ENTRIES[found];
    super(message ?? entry?.message ?? entry?.title ?? entry?.name ?? `error ${String(code)}`);
    this.name = "CLASSNAME";
    this.kind = found;
    this.entry = entry;
    this.code = code;
    this.data = data;
  }

  /** HTTP status the error is sent with, or null. */
  get httpStatus(): number | null {
    return this.entry?.httpStatus ?? null;
  }

  /** Whether a client may retry (false when unknown). */
  get retryable(): boolean {
    return this.entry?.retryable ?? false;
  }

  /** Seconds to wait before retrying, or null. */
  get retryAfter(): number | null {
    return this.entry?.retryAfter ?? null;
  }

  /** Whether this error is of `kind`. */
  is(kind: ErrorKind): boolean {
    return this.kind === kind;
  }
}

function safeLookup(code: Code): ErrorKind | null {
  const kinds = kindsOf(code);
  return kinds.length > 0 ? kinds[0] : null;
}

function dig(data: unknown, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const part of path) {
    if (typeof node !== "object" || node === null || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * The error a response body carries (JSON-RPC, problem+json or one of the
 * catalog's envelopes), or null when it carries none; `status` (HTTP) is the
 * fallback when the body names no code.
 */
export function decode(body: string | unknown, status?: number): CLASSNAME | null {
  let data: unknown = body;
  if (typeof body === "string") {
    try {
      data = JSON.parse(body);
    } catch {
      data = undefined;
    }
  }
  for (const [codePath, messagePaths, spaceKind] of SHAPES) {
    const code = dig(data, codePath);
    if (typeof code !== "number" && (typeof code !== "string" || code.trim() === "")) continue;
    let message: string | null = null;
    for (const path of messagePaths) {
      const text = dig(data, path);
      if (typeof text === "string") {
        message = text;
        break;
      }
    }
    const kinds = kindsOf(code);
    const preferred = kinds.filter((k) => SPACE_KINDS[ENTRIES[k].space] === spaceKind);
    const kind = preferred[0] ?? kinds[0] ?? null;
    return new CLASSNAME(code, message, kind, dig(data, [...codePath.slice(0, -1), "data"]));
  }
  if (status !== undefined) {
    const kind = kindsOf(status).find((k) => SPACE_KINDS[ENTRIES[k].space] === "http") ?? null;
    return new CLASSNAME(status, null, kind);
  }
  return null;
}
"""


def render(table: CodeTable, class_name: str) -> str:
    """The module text."""
    meta = table.catalog.meta
    out = [
        BEGIN,
        f"// Generated by {provenance(table.catalog)}. Do not edit:",
        "// regenerate with `errdex gen CATALOG --lang typescript` or `errdex build`.",
        "",
        f"/** The catalog: {comment_text(meta.title or meta.id)}. */",
        "export const CATALOG = "
        + _js({"id": meta.id, "title": meta.title, "version": meta.version})
        + " as const;",
        "",
        "/** Every entry of the catalog, by identifier. */",
        "export const Errors = {",
    ]
    for row in table.rows:
        e = row.entry
        fields = {
            "code": e.code,
            "space": e.space,
            "module": e.module,
            "name": e.name,
            "httpStatus": e.http_status,
            "jsonrpcCode": e.jsonrpc_code,
            "retryable": e.retryable,
            "retryAfter": e.retry_after,
            "status": e.status,
            "message": e.message,
            "title": e.title,
        }
        body = ", ".join(f"{k}: {_js(v)}" for k, v in fields.items())
        out.append(f"  {row.ident}: {{ {body} }},")
    out += [
        "} as const satisfies Record<string, ErrorEntry>;",
        "",
        "/** The identifier of an entry: the kind of a typed error. */",
        "export type ErrorKind = keyof typeof Errors;",
        "",
        "/** The code of every entry, by identifier. */",
        "export const Codes = {",
        *(f"  {r.ident}: {_js(r.entry.code)}," for r in table.rows),
        "} as const;",
        "",
        f"const SPACE_KINDS: Record<string, string> = {_js(table.space_kinds)};",
        "",
        "type Shape = readonly [readonly string[], readonly (readonly string[])[], string | null];",
        "const SHAPES: readonly Shape[] = [",
        *(
            f"  [{_js(list(s.code))}, {_js([list(m) for m in s.messages])}, {_js(s.kind)}],"
            for s in table.shapes
        ),
        "];",
    ]
    out.append(RUNTIME.replace("CLASSNAME", class_name).rstrip("\n"))
    out.append(END)
    return "\n".join(out) + "\n"


def generate(catalog: Catalog, package: str | None = None) -> dict[str, str]:
    """Return ``{"<package>.ts": text}``; the error class is ``<Package>Error``."""
    name = package or catalog.meta.id
    class_name = (pascal_case(name) or "Catalog") + "Error"
    if class_name[0].isdigit():
        class_name = "E" + class_name
    table = code_table(catalog)
    file = name.replace("/", "_")
    return {f"{file}.ts": render(table, class_name)}
