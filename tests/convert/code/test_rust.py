"""The generated Rust: the same bytes and decisions as the Python runtime, and Rust's idioms.

Every catalog (the five seed systems, ``SHOP`` and the hostile one) is generated
with the conformance driver and built with one ``rustc -D warnings`` call (no
crates); its answers must equal ``errdex.render`` / ``errdex.decode`` case by
case. The idioms (``#[non_exhaustive]`` kinds, ``Display``, ``source()``, typed
constructors) are a real program, and ``cargo clippy -D warnings`` runs over the
hostile catalog's module when clippy is installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from driver_checks import BuiltDrivers, assert_answers_like_python, assert_retry_advice_read_back
from drivers import build_rust, run
from langs_catalogs import CATALOGS, EXAMPLES, load_catalog
from wire_cases import to_lines

from errdex.convert.code import generate


@pytest.fixture(scope="session")
def rust_drivers(rustc: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One built driver per catalog, made on first use (each build is one rustc call)."""
    return BuiltDrivers(
        lambda name: build_rust(rustc, load_catalog(name), tmp_path_factory.mktemp(f"rust-{name}"))
    )


@pytest.mark.parametrize("name", CATALOGS)
def test_rust_renders_and_decodes_like_the_python_runtime(
    name: str, rust_drivers: dict[str, list[str]]
) -> None:
    assert_answers_like_python(rust_drivers[name], load_catalog(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_rust_reads_back_each_entrys_retry_advice(
    name: str, rust_drivers: dict[str, list[str]]
) -> None:
    assert_retry_advice_read_back(rust_drivers[name], load_catalog(name))


def test_rust_seed_subquery_renders_its_envelope(rust_drivers: dict[str, list[str]]) -> None:
    """SubQuery's indexer proxy answers ``{"code":1051,"error":…}``."""
    catalog = load_catalog("subquery-indexer-proxy")
    case = {"kind": "render", "vector": "1051", "code": 1051, "params": {}, "profile": "subquery"}
    (answer,) = run(rust_drivers["subquery-indexer-proxy"], to_lines(catalog, [case]))
    body = answer["got"]["body"]
    assert body.startswith('{"code":1051,"error":"')
    assert list(json.loads(body)) == ["code", "error"]
    back = {
        "kind": "decode",
        "vector": "back",
        "status": answer["got"]["status"],
        "headers": [],
        "body": body,
    }
    (decoded,) = run(rust_drivers["subquery-indexer-proxy"], to_lines(catalog, [back]))
    assert decoded["got"]["code"] == 1051 and decoded["got"]["entry"] == "1051"


IDIOMS = r"""
mod shop;

use std::error::Error as _;

fn main() {
    let err = shop::new_invalid_jwt(5, "alice");
    assert_eq!(err.kind(), Some(shop::ErrorKind::InvalidJWT));
    assert_eq!(err.to_string(), "[AUTH-ERR-4] The token expired 5 seconds ago.");
    assert!(err.source().is_none());
    let io = std::io::Error::other("disk full");
    let wrapped = shop::new_internal_error().with_source(io);
    assert_eq!(wrapped.source().map(|s| s.to_string()), Some("disk full".to_string()));
    let _: fn(&str, f64, bool) -> shop::Error = shop::new_too_many_logins;
    let kind = shop::ErrorKind::ALL[0];
    // a match over a #[non_exhaustive] enum outside its crate needs a wildcard arm;
    // inside the crate it still names every kind
    let label = match kind {
        shop::ErrorKind::InvalidJWT => "jwt",
        _ => "other",
    };
    assert_eq!(label, "jwt");
    assert_eq!(kind.entry().code, Some(shop::Code::Str("AUTH-ERR-4")));
    let decoded = shop::decode(Some(429), &[], br#"{"code":"AUTH-ERR-5"}"#, shop::now());
    assert_eq!(decoded.kind(), Some(shop::ErrorKind::TooManyLogins));
    assert_eq!(decoded.retryable(), Some(true));
    let unknown = shop::decode(None, &[], b"not json", shop::now());
    assert!(unknown.kind().is_none());
    let rendered = shop::render(&err, "problem", Some("zh"), None).expect("a known profile");
    assert_eq!(rendered.headers.len(), 2);
    assert!(shop::render(&err, "xml", None, None).is_err());
    // a known variant: its message and retryable; a text that is none is sent as it is
    let busy = shop::new_e_minus_32000().with_variant(" BUSY, try again ");
    assert_eq!(busy.variant(), Some("busy, try again"));
    assert_eq!(busy.message(), "busy, try again");
    assert_eq!(busy.retryable(), Some(true));
    assert_eq!(shop::new_e_minus_32000().with_variant("odd").variant(), None);
    // sub-errors say where they point
    let mut sub = shop::new_field_missing("qty");
    sub.pointer = Some("#/items/0/qty".to_string());
    let mut at = shop::new_field_missing("page");
    at.parameter = Some("page".to_string());
    let mut parent = shop::new_invalid_fields(2);
    parent.sub_errors = vec![sub, at];
    let body = shop::render(&parent, "problem", None, None).expect("problem").body;
    assert!(body.contains(r##""pointer":"#/items/0/qty"}"##), "{body}");
    assert!(body.contains(r#""parameter":"page"}"#), "{body}");
    println!("ok");
}
"""


def test_rust_idioms(rustc: str, tmp_path: Path) -> None:
    (tmp_path / "shop.rs").write_bytes(generate(load_catalog("shop"), "rust")["shop.rs"])
    (tmp_path / "main.rs").write_text(IDIOMS)
    build = subprocess.run(
        [rustc, "--edition", "2021", "-D", "warnings", "-o", "prog", "main.rs"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stderr
    done = subprocess.run([str(tmp_path / "prog")], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_rust_kinds_are_non_exhaustive_and_documented() -> None:
    text = generate(load_catalog("shop"), "rust")["shop.rs"].decode()
    assert "#[non_exhaustive]\npub enum ErrorKind {" in text
    body = text.split("pub enum ErrorKind {", 1)[1].split("\n}", 1)[0].strip().splitlines()
    assert len(body) == 2 * len(load_catalog("shop").entries)
    assert all(line.strip().startswith("///") for line in body[::2])


def test_rust_escapes_every_invisible_character() -> None:
    text = generate(load_catalog("shop"), "rust")["shop.rs"].decode()
    assert "\u202e" not in text and "\\u{202e}" in text
    assert "\x07" not in text and "\\u{7}" in text


@pytest.mark.parametrize("names", [("shop", "nasty", "csghub")])
def test_rust_is_clippy_clean(names: tuple[str, ...], tmp_path: Path) -> None:
    cargo = shutil.which("cargo")
    clippy = shutil.which("cargo-clippy") or shutil.which("clippy-driver")
    if cargo is None or clippy is None:
        pytest.skip(
            "cargo clippy not found: install Rust with clippy (rustup component add clippy)"
        )
    (tmp_path / "src").mkdir()
    (tmp_path / "Cargo.toml").write_text(
        '[package]\nname = "gen"\nversion = "0.1.0"\nedition = "2021"\n'
    )
    lib = []
    for name in names:
        module = name.replace("-", "_")
        (tmp_path / "src" / f"{module}.rs").write_bytes(
            generate(load_catalog(name), "rust", module)[f"{module}.rs"]
        )
        lib.append(f"pub mod {module};")
    (tmp_path / "src" / "lib.rs").write_text("\n".join(lib) + "\n")
    done = subprocess.run(
        [cargo, "clippy", "--offline", "-q", "--", "-D", "warnings"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
