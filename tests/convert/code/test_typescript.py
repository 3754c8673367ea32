"""The generated TypeScript: the same bytes and decisions as the Python runtime, and TS idioms.

Every catalog (the five seed systems, ``SHOP`` and the hostile one) is generated
with the conformance driver and compiled in one ``tsc`` run under ``strict``,
``noUncheckedIndexedAccess`` and ``exactOptionalPropertyTypes``; each driver's
answers must equal ``errdex.render`` / ``errdex.decode`` case by case. The idioms
(``instanceof`` and getters on ES5 and ES2022 targets, the discriminated union,
``is()`` as a type guard, typed constructors, ``.d.ts``) are a real program,
compiled for both targets and run with node.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from driver_checks import (
    SEED_JSONRPC,
    assert_answers_like_python,
    assert_jsonrpc_round_trip,
    assert_retry_advice_read_back,
)
from drivers import TS_FLAGS, compile_typescript, write_typescript
from langs_catalogs import CATALOGS, EXAMPLES, load_catalog

from errdex.convert.code import generate


@pytest.fixture(scope="session")
def ts_drivers(
    tsc: list[str], node: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[str]]:
    """One compiled driver per catalog, all from one tsc run (tsc starts slowly)."""
    root = tmp_path_factory.mktemp("ts")
    folders = {name: root / name for name in CATALOGS}
    for name, folder in folders.items():
        write_typescript(load_catalog(name), folder)
    compile_typescript(tsc, list(folders.values()))
    return {name: [node, str(folder / "main.js")] for name, folder in folders.items()}


@pytest.mark.parametrize("name", CATALOGS)
def test_typescript_renders_and_decodes_like_the_python_runtime(
    name: str, ts_drivers: dict[str, list[str]]
) -> None:
    assert_answers_like_python(ts_drivers[name], load_catalog(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_typescript_reads_back_each_entrys_retry_advice(
    name: str, ts_drivers: dict[str, list[str]]
) -> None:
    assert_retry_advice_read_back(ts_drivers[name], load_catalog(name))


@pytest.mark.parametrize(("name", "code", "status"), SEED_JSONRPC)
def test_typescript_seed_jsonrpc_render_and_decode(
    name: str, code: int, status: int, ts_drivers: dict[str, list[str]]
) -> None:
    assert_jsonrpc_round_trip(ts_drivers[name], load_catalog(name), code, status)


IDIOMS = r"""
import * as shop from "./shop.js";
import { ShopError, is, newInvalidJWT, newTooManyLogins, decode, render } from "./shop.js";

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error("failed: " + what);
}

const err = newInvalidJWT(5, "alice");
check(err instanceof ShopError && err instanceof Error, "instanceof");
check(err.code === "AUTH-ERR-4" && err.status === 401 && err.space === "app", "getters");
check(err.message === "The token expired 5 seconds ago.", "message getter");
check(String(err) === "[AUTH-ERR-4] The token expired 5 seconds ago.", "toString");
check(err.kind === "InvalidJWT", "kind");

// is() is a type guard: after it the kind is narrowed to the literal type.
const unknownValue: unknown = decode({ status: 429, body: '{"code":"AUTH-ERR-5"}' });
if (is(unknownValue, "TooManyLogins")) {
  const kind: "TooManyLogins" = unknownValue.kind;
  check(kind === "TooManyLogins" && unknownValue.retryable === true, "decoded kind");
} else {
  check(false, "is() matches the decoded error");
}
check(!is(new Error("x"), "InvalidJWT") && ShopError.is(err), "guards");

// The discriminated union: a switch over kind narrows, never reaches the default.
function describe(e: shop.AnyShopError): string {
  switch (e.kind) {
    case "InvalidJWT":
      return "jwt";
    case null:
      return "unknown";
    default:
      return "other " + e.kind;
  }
}
check(describe(err as shop.AnyShopError) === "jwt", "union");
const nope = decode({ body: '{"code":"NOPE-1"}' }) as shop.AnyShopError;
check(describe(nope) === "unknown", "null kind");

// Typed constructors: a wrong type or a missing parameter does not compile.
// @ts-expect-error age is a number
newInvalidJWT("5", "alice");
// @ts-expect-error user is missing
newInvalidJWT(5);
newTooManyLogins("bob", 0.5, true);

const cause = new Error("root cause");
const wrapped = shop.newInternalError({ cause });
check((wrapped as unknown as { cause: unknown }).cause === cause, "cause");
const leak = render(new Error("secret"), "problem").body;
check(leak.indexOf("secret") < 0, "nothing of a plain error leaks");
check(render(err, "problem", { locale: "zh" }).headers.length === 2, "locale header");

// A known variant, chosen with the error options (its message and retryable).
const busy = shop.newEMinus32000({ variant: " BUSY, try again " });
check(busy.variant === "busy, try again" && busy.publicMessage === "busy, try again", "variant");
check(busy.retryable === true && shop.newEMinus32000().variant === null, "variant retryable");
// Sub-errors say where they point.
const subs = [
  shop.newFieldMissing("qty", { pointer: "#/items/0/qty" }),
  shop.newFieldMissing("page", { parameter: "page" }),
];
const fields = render(shop.newInvalidFields(2, { subErrors: subs }), "problem").body;
check(fields.indexOf('"pointer":"#/items/0/qty"}') > 0, "pointer");
check(fields.indexOf('"parameter":"page"}') > 0, "parameter");
console.log("ok");
"""


@pytest.mark.parametrize(("target", "module"), [("es5", "commonjs"), ("es2022", "es2022")])
def test_typescript_idioms_on_es5_and_es2022(
    target: str, module: str, tsc: list[str], node: str, tmp_path: Path
) -> None:
    for name, data in generate(load_catalog("shop"), "typescript").items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "main.ts").write_text(IDIOMS)
    if module != "commonjs":
        (tmp_path / "package.json").write_text('{"type": "module"}\n')
    lib = ["--lib", "es2020,dom"] if target == "es5" else []
    build = subprocess.run(
        [
            *tsc,
            *TS_FLAGS,
            "--target",
            target,
            "--module",
            module,
            *lib,
            "--outDir",
            "out",
            "shop.ts",
            "main.ts",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    assert (tmp_path / "out" / "shop.d.ts").is_file()
    done = subprocess.run([node, "out/main.js"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr


def test_typescript_module_names_its_error_class_after_the_catalog() -> None:
    ((name, source),) = generate(load_catalog("csghub"), "typescript").items()
    assert name == "csghub.ts"
    assert b"export const CsghubError = CatalogError;" in source
    assert source.startswith(b"// Code generated by errdex")
    assert source.count(b"// autogenerated: start") == 1
