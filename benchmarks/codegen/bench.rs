// Benchmark of the generated Rust against the language's own serialisation:
// render ≤ 2× a format!-built string of the same literal, decode ≤ 4× parsing
// the body (with the module's own std-only parser: std has no JSON). Prints one
// JSON line of nanoseconds per op.
mod gen;

use std::hint::black_box;
use std::time::Instant;

/// Times `op` and `floor` in alternating rounds (the same machine load for both);
/// the best nanoseconds per call of each.
fn pair(n: u32, mut op: impl FnMut(), mut floor: impl FnMut()) -> (f64, f64) {
    let mut best = [f64::MAX; 2];
    for _ in 0..15 {
        for (k, slot) in best.iter_mut().enumerate() {
            let start = Instant::now();
            for _ in 0..n {
                if k == 0 {
                    op()
                } else {
                    floor()
                }
            }
            *slot = slot.min(start.elapsed().as_nanos() as f64 / n as f64);
        }
    }
    (best[0], best[1])
}

fn main() {
    let body = gen::render(&gen::new_invalid_jwt(5, "alice"), "problem", None, None).unwrap().body;
    let parsed = gen::parse_json(&body).unwrap();
    let text = |k: &str| match parsed.get(k) {
        Some(gen::Value::Str(s)) => s.clone(),
        _ => String::new(),
    };
    let (ty, title, detail, code, name) = (text("type"), text("title"), text("detail"), text("code"), text("name"));
    let n = 20000;
    let err = gen::new_invalid_jwt(5, "alice");
    let (render, floor_render) = pair(n, || {
        black_box(gen::render(black_box(&err), "problem", None, None).unwrap());
    }, || {
        black_box(format!(
            "{{\"type\":\"{}\",\"title\":\"{}\",\"status\":{},\"detail\":\"{}\",\"code\":\"{}\",\"name\":\"{}\",\"params\":{{\"age\":{}}}}}",
            ty, title, black_box(401), detail, code, name, black_box(5)
        ));
    });
    let (decode, floor_decode) = pair(n, || {
        black_box(gen::decode(Some(401), &[], black_box(body.as_bytes()), 0.0));
    }, || {
        black_box(gen::parse_json(black_box(&body)));
    });
    println!("{{\"render\": {render}, \"floor_render\": {floor_render}, \"decode\": {decode}, \"floor_decode\": {floor_decode}}}");
}
