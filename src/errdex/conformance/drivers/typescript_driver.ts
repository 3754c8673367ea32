// The conformance driver for generated TypeScript (docs/wire.md, section 2):
// reads the vectors file on stdin and answers each case line with one JSON
// line, {"vector": id, "got": {...}} or {"vector": id, "error": "..."}, using
// only the public API of the generated module "./gen.js".
import * as gen from "./gen.js";

declare const process: {
  stdin: { setEncoding(e: string): void; on(ev: string, f: (chunk?: string) => void): void };
  stdout: { write(s: string): boolean };
};
declare function atob(data: string): string;

type Value = gen.Json;

/** A JSON parser that keeps member order (Map) and a float's form (gen.Float). */
function parse(text: string): Value {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && " \t\r\n".includes(text.charAt(i))) i++;
  };
  const value = (): Value => {
    ws();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      const out = new Map<string, Value>();
      ws();
      if (text.charAt(i) === "}") {
        i++;
        return out;
      }
      for (;;) {
        ws();
        const key = value();
        ws();
        i++; // ':'
        out.set(String(key), value());
        ws();
        if (text.charAt(i++) === "}") return out;
      }
    }
    if (c === "[") {
      i++;
      const out: Value[] = [];
      ws();
      if (text.charAt(i) === "]") {
        i++;
        return out;
      }
      for (;;) {
        out.push(value());
        ws();
        if (text.charAt(i++) === "]") return out;
      }
    }
    if (c === '"') {
      const start = i;
      i++;
      while (text.charAt(i) !== '"') i += text.charAt(i) === "\\" ? 2 : 1;
      i++;
      return JSON.parse(text.slice(start, i)) as string;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 400));
    if (m === null) throw new SyntaxError(`bad JSON at ${i}`);
    i += m[0].length;
    if (m[0] === "true") return true;
    if (m[0] === "false") return false;
    if (m[0] === "null") return null;
    const n = Number(m[0]);
    return m[1] !== undefined || m[2] !== undefined ? new gen.Float(n) : n;
  };
  return value();
}

function field(o: Value, key: string): Value | undefined {
  return o instanceof Map ? o.get(key) : undefined;
}

function num(v: Value | undefined): number | null {
  if (typeof v === "number") return v;
  if (v instanceof gen.Float) return v.value;
  return null;
}

function build(c: Value): unknown {
  const code = field(c, "code");
  if (code === null || code === undefined) return new Error("boom");
  const space = field(c, "space");
  const codeValue = typeof code === "string" ? code : num(code) ?? 0;
  const entry = gen.lookup(codeValue, typeof space === "string" ? space : undefined);
  if (entry === undefined) throw new Error(`no entry ${JSON.stringify(codeValue)} in space ${String(space)}`);
  const params = new Map<string, gen.ParamValue>();
  const given = field(c, "params");
  if (given instanceof Map) {
    given.forEach((v, k) => {
      if (v !== null) params.set(k, v as gen.ParamValue);
    });
  }
  const subs: gen.CatalogError[] = [];
  const rawSubs = field(c, "sub_errors");
  if (Array.isArray(rawSubs)) for (const s of rawSubs) subs.push(build(s) as gen.CatalogError);
  const options: { data?: Value; subErrors: gen.CatalogError[]; variant?: string; pointer?: string; parameter?: string } = {
    subErrors: subs,
  };
  const pointer = field(c, "pointer");
  if (typeof pointer === "string") options.pointer = pointer;
  const parameter = field(c, "parameter");
  if (typeof parameter === "string") options.parameter = parameter;
  if (c instanceof Map && c.has("data")) options.data = field(c, "data") ?? null;
  const variant = field(c, "variant");
  if (typeof variant === "string") options.variant = variant;
  return new gen.CatalogError(entry, params, options);
}

function response(r: gen.Rendered): Map<string, Value> {
  return new Map<string, Value>([
    ["status", r.status],
    ["headers", r.headers.map((h) => [h[0], h[1]])],
    ["body", r.body],
  ]);
}

function locale(c: Value): string | null {
  const l = field(c, "locale");
  return typeof l === "string" ? l : null;
}

function result(e: gen.CatalogError): Map<string, Value> {
  const params = new Map<string, Value>();
  e.params.forEach((v, k) => params.set(k, v));
  const entry = e.entry === null ? null : e.entry.name ?? String(e.entry.code);
  return new Map<string, Value>([
    ["code", e.code],
    ["space", e.space],
    ["entry", entry],
    ["variant", e.variant],
    ["message", e.publicMessage],
    ["status", e.status],
    ["params", params],
    ["retryable", e.retryable],
    ["retry_after", e.retryAfter],
    ["sub_errors", e.subErrors.map(result)],
  ]);
}

function bytes(b64: string): Uint8Array {
  const text = atob(b64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

function answer(c: Value, header: Value): Value {
  const kind = field(c, "kind");
  if (kind === "render") {
    const id = field(c, "id");
    const opts: { locale: string | null; id?: Value } = { locale: locale(c) };
    if (id !== undefined) opts.id = id;
    return response(gen.render(build(c), String(field(c, "profile")), opts));
  }
  if (kind === "render_batch") {
    const items: gen.BatchItem[] = [];
    const list = field(c, "items");
    for (const item of Array.isArray(list) ? list : []) {
      if (item instanceof Map && item.has("response")) items.push({ response: item.get("response") ?? null });
      else items.push({ error: build(item), id: field(item, "id") ?? null });
    }
    return response(gen.renderBatch(items, { locale: locale(c) }));
  }
  if (kind === "decode" || kind === "decode_batch") {
    const status = num(field(c, "status"));
    const headers: [string, string][] = [];
    const list = field(c, "headers");
    for (const h of Array.isArray(list) ? list : []) {
      if (Array.isArray(h)) headers.push([String(h[0]), String(h[1])]);
    }
    const b64 = field(c, "body_b64");
    const body = typeof b64 === "string" ? bytes(b64) : String(field(c, "body") ?? "");
    const now = num(field(c, "now")) ?? num(field(header, "now"));
    const r: gen.Response = now === null ? { status, headers, body } : { status, headers, body, now };
    if (kind === "decode") return result(gen.decode(r));
    return new Map<string, Value>([["items", gen.decodeBatch(r).map((e) => (e === null ? null : result(e)))]]);
  }
  throw new Error(`unknown case kind ${JSON.stringify(kind)}`);
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  input += chunk ?? "";
});
process.stdin.on("end", () => {
  const out: string[] = [];
  let header: Value = null;
  for (const raw of input.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    let c: Value = null;
    try {
      c = parse(line);
      if (field(c, "kind") === "header") {
        header = c;
        continue;
      }
      out.push(gen.toJson(new Map<string, Value>([["vector", field(c, "vector") ?? null], ["got", answer(c, header)]])));
    } catch (e) {
      out.push(gen.toJson(new Map<string, Value>([["vector", field(c, "vector") ?? null], ["error", String(e)]])));
    }
  }
  process.stdout.write(out.length > 0 ? out.join("\n") + "\n" : "");
});
