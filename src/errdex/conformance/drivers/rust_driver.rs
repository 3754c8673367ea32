// The conformance driver for generated Rust (docs/wire.md, section 2): reads
// the vectors file on stdin and answers each case line with one JSON line,
// {"vector": id, "got": {...}} or {"vector": id, "error": "..."}, using only
// the public API of the generated module `gen` (built with one rustc call).
mod gen;

use gen::Value;
use std::io::{BufRead, Write};

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::Str(s)) => s.clone(),
        Some(Value::Int(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn num(v: Option<&Value>) -> Option<f64> {
    match v {
        Some(Value::Int(n)) => Some(*n as f64),
        Some(Value::Float(f)) => Some(*f),
        _ => None,
    }
}

#[derive(Debug)]
struct Boom;

impl std::fmt::Display for Boom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "boom")
    }
}

impl std::error::Error for Boom {}

fn build(c: &Value) -> Result<gen::Error, String> {
    let code = match c.get("code") {
        None | Some(Value::Null) => return Ok(gen::internal_error(Boom)),
        Some(code) => code,
    };
    let space = c.get("space").and_then(|s| match s {
        Value::Str(s) => Some(s.as_str()),
        _ => None,
    });
    let mut params = Vec::new();
    if let Some(Value::Object(members)) = c.get("params") {
        for (k, v) in members {
            if *v != Value::Null {
                params.push((k.clone(), v.clone()));
            }
        }
    }
    let mut err = gen::Error::of(code, space, params)
        .ok_or_else(|| format!("no entry {} in space {:?}", code.to_json(), space))?;
    if let Some(Value::Str(variant)) = c.get("variant") {
        err = err.with_variant(variant);
    }
    if let Some(Value::Str(pointer)) = c.get("pointer") {
        err.pointer = Some(pointer.clone());
    }
    if let Some(Value::Str(parameter)) = c.get("parameter") {
        err.parameter = Some(parameter.clone());
    }
    if let Some(data) = c.get("data") {
        err.data = Some(data.clone());
    }
    if let Some(Value::Array(subs)) = c.get("sub_errors") {
        for s in subs {
            err.sub_errors.push(build(s)?);
        }
    }
    Ok(err)
}

fn response(r: gen::Rendered) -> Value {
    let headers = r
        .headers
        .into_iter()
        .map(|(k, v)| Value::Array(vec![Value::Str(k), Value::Str(v)]))
        .collect();
    Value::Object(vec![
        ("status".to_string(), Value::Int(r.status as i128)),
        ("headers".to_string(), Value::Array(headers)),
        ("body".to_string(), Value::Str(r.body)),
    ])
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::Str(s.to_string()))
}

fn result(e: &gen::Error) -> Value {
    let entry = e.entry().map_or(Value::Null, |entry| match (entry.name, &entry.code) {
        (Some(n), _) => Value::Str(n.to_string()),
        (None, Some(gen::Code::Int(n))) => Value::Str(n.to_string()),
        (None, Some(gen::Code::Str(s))) => Value::Str(s.to_string()),
        (None, None) => Value::Null,
    });
    Value::Object(vec![
        ("code".to_string(), e.code().cloned().unwrap_or(Value::Null)),
        ("space".to_string(), opt(e.space())),
        ("entry".to_string(), entry),
        ("variant".to_string(), opt(e.variant())),
        ("message".to_string(), Value::Str(e.message())),
        ("status".to_string(), Value::Int(e.status() as i128)),
        ("params".to_string(), Value::Object(e.params.clone())),
        ("retryable".to_string(), e.retryable().map_or(Value::Null, Value::Bool)),
        ("retry_after".to_string(), e.retry_after().map_or(Value::Null, Value::Float)),
        ("sub_errors".to_string(), Value::Array(e.sub_errors.iter().map(result).collect())),
    ])
}

fn b64(text: &str) -> Result<Vec<u8>, String> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for b in text.bytes().filter(|b| *b != b'=') {
        let v = ALPHABET.iter().position(|a| *a == b).ok_or("body_b64 is not base64")? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Ok(out)
}

fn answer(c: &Value, header: &Value) -> Result<Value, String> {
    let locale = match c.get("locale") {
        Some(Value::Str(s)) => Some(s.as_str()),
        _ => None,
    };
    match text(c.get("kind")).as_str() {
        "render" => {
            let err = build(c)?;
            let rendered = gen::render(&err, &text(c.get("profile")), locale, c.get("id"));
            rendered.map(response).map_err(|e| e.to_string())
        }
        "render_batch" => {
            let mut errors = Vec::new();
            let items = match c.get("items") {
                Some(Value::Array(items)) => items.clone(),
                _ => Vec::new(),
            };
            for item in &items {
                if item.get("response").is_none() {
                    errors.push(build(item)?);
                }
            }
            let mut errs = errors.iter();
            let mut batch = Vec::new();
            for item in &items {
                match item.get("response") {
                    Some(r) => batch.push(gen::BatchItem::Response(r.clone())),
                    None => {
                        let id = item.get("id").cloned().unwrap_or(Value::Null);
                        batch.push(gen::BatchItem::Error(errs.next().ok_or("batch")?, id));
                    }
                }
            }
            Ok(response(gen::render_batch(&batch, locale)))
        }
        kind @ ("decode" | "decode_batch") => {
            let status = num(c.get("status")).map(|s| s as u16);
            let mut headers = Vec::new();
            if let Some(Value::Array(list)) = c.get("headers") {
                for h in list {
                    if let Value::Array(pair) = h {
                        headers.push((text(pair.first()), text(pair.get(1))));
                    }
                }
            }
            let body = match c.get("body_b64") {
                Some(Value::Str(s)) => b64(s)?,
                _ => text(c.get("body")).into_bytes(),
            };
            let now = num(c.get("now")).or_else(|| num(header.get("now"))).unwrap_or_else(gen::now);
            if kind == "decode" {
                return Ok(result(&gen::decode(status, &headers, &body, now)));
            }
            let items = gen::decode_batch(status, &headers, &body, now)
                .iter()
                .map(|e| e.as_ref().map_or(Value::Null, result))
                .collect();
            Ok(Value::Object(vec![("items".to_string(), Value::Array(items))]))
        }
        other => Err(format!("unknown case kind {other:?}")),
    }
}

fn main() {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut header = Value::Null;
    for line in stdin.lock().lines() {
        let line = line.expect("stdin is UTF-8");
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let case = gen::parse_json(line).unwrap_or(Value::Null);
        if text(case.get("kind")) == "header" {
            header = case;
            continue;
        }
        let vector = case.get("vector").cloned().unwrap_or(Value::Null);
        let reply = match answer(&case, &header) {
            Ok(got) => Value::Object(vec![("vector".to_string(), vector), ("got".to_string(), got)]),
            Err(e) => Value::Object(vec![("vector".to_string(), vector), ("error".to_string(), Value::Str(e))]),
        };
        writeln!(out, "{}", reply.to_json()).expect("stdout");
    }
}
