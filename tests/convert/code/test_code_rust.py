"""The generated Rust builds warning-free with rustc alone and looks up and decodes every case."""

from __future__ import annotations

from pathlib import Path

import pytest
from codegen_cases import EXAMPLES, decode_cases, example, expected_output, lookups, run_rust

from errdex.convert.code import generate
from errdex.convert.code.rust import rust_string

PROGRAM = """mod gen;

use gen::RawCode;

fn main() {
    let lookups: &[(&str, &str, bool)] = &[LOOKUPS];
    for (code, space, is_int) in lookups {
        let raw = if *is_int {
            RawCode::Int(code.parse().unwrap())
        } else {
            RawCode::Str(code.to_string())
        };
        match gen::lookup(&raw, Some(space)) {
            Some(kind) => println!("L {:?}", kind),
            None => println!("L -"),
        }
    }
    let bodies: &[&str] = &[BODIES];
    for body in bodies {
        let e = gen::decode(body, None).expect("an error in the body");
        let kind = e.kind.map_or("-".to_string(), |k| format!("{:?}", k));
        println!("D {} {} {}", kind, e.code, e.message);
    }
}
"""


@pytest.mark.parametrize("name", EXAMPLES)
def test_rust_builds_and_runs(name: str, tmp_path: Path, rustc: str) -> None:
    catalog = example(name)
    ((_, source),) = generate(catalog, "rust", "gen").items()
    (tmp_path / "gen.rs").write_bytes(source)
    items = ", ".join(
        f"({rust_string(c)}, {rust_string(s)}, {'true' if i else 'false'})"
        for c, s, i in lookups(catalog)
    )
    bodies = ", ".join(rust_string(case.body) for case in decode_cases(catalog))
    program = PROGRAM.replace("LOOKUPS", items).replace("BODIES", bodies)
    (tmp_path / "main.rs").write_text(program)
    assert run_rust(rustc, tmp_path).splitlines() == expected_output(catalog, ("Self",))
