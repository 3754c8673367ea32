"""The generated Go: the same bytes and decisions as the Python runtime, and Go's idioms.

Every catalog (the five seed systems and ``SHOP``) is generated and built once
per session with the conformance driver; its answers to the vectors of
:mod:`wire_cases` must equal ``errdex.render`` / ``errdex.decode`` case by case.
The idioms are checked by a real Go test file run with ``go test -race``.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from driver_checks import (
    SEED_JSONRPC,
    BuiltDrivers,
    assert_answers_like_python,
    assert_jsonrpc_round_trip,
    assert_retry_advice_read_back,
)
from drivers import build_go, go_env, run, write_go
from langs_catalogs import CATALOGS, EXAMPLES, load_catalog
from wire_cases import to_lines

from errdex.convert.code import generate


@pytest.fixture(scope="session")
def go_drivers(go: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One built driver per catalog, made on first use (each build is one ``go build``)."""
    return BuiltDrivers(
        lambda name: build_go(go, load_catalog(name), tmp_path_factory.mktemp(f"go-{name}"))
    )


@pytest.mark.parametrize("name", CATALOGS)
def test_go_renders_and_decodes_like_the_python_runtime(
    name: str, go_drivers: dict[str, list[str]]
) -> None:
    assert_answers_like_python(go_drivers[name], load_catalog(name))


@pytest.mark.parametrize("name", EXAMPLES)
def test_go_reads_back_each_entrys_retry_advice(
    name: str, go_drivers: dict[str, list[str]]
) -> None:
    assert_retry_advice_read_back(go_drivers[name], load_catalog(name))


def test_go_seed_csghub_renders_its_envelope(go_drivers: dict[str, list[str]]) -> None:
    catalog = load_catalog("csghub")
    case = {
        "kind": "render",
        "vector": "jwt",
        "code": "AUTH-ERR-4",
        "space": "app",
        "params": {},
        "profile": "csghub",
        "locale": "zh-CN",
    }
    (answer,) = run(go_drivers["csghub"], to_lines(catalog, [case]))
    body = json.loads(answer["got"]["body"])
    assert list(body) == ["code", "msg", "data", "context"]
    assert body["code"] == "AUTH-ERR-4"
    assert answer["got"]["headers"][-1] == ["Content-Language", "zh-CN"]


@pytest.mark.parametrize(("name", "code", "status"), SEED_JSONRPC)
def test_go_seed_jsonrpc_status_mapping(
    name: str, code: int, status: int, go_drivers: dict[str, list[str]]
) -> None:
    assert_jsonrpc_round_trip(go_drivers[name], load_catalog(name), code, status)


IDIOMS = r"""package gen

import (
	"errors"
	"io"
	"strings"
	"sync"
	"testing"
)

func TestSentinelsAndNilSafety(t *testing.T) {
	err := NewInvalidJWT(5, "alice")
	if !errors.Is(err, ErrInvalidJWT) || errors.Is(err, ErrTooManyLogins) {
		t.Fatal("errors.Is must match the entry's sentinel only")
	}
	var nilErr *Error
	if errors.Is(nilErr, ErrInvalidJWT) || errors.Is(ErrInvalidJWT, nilErr) {
		t.Fatal("a nil *Error matches nothing")
	}
	_ = nilErr.Error()
	_ = nilErr.Message()
	var target *Error
	var plain error = errors.New("boom")
	if errors.As(plain, &target) {
		t.Fatal("errors.As on a plain error")
	}
	decoded := Decode(401, nil, []byte(`{"code":"AUTH-ERR-4","msg":"x"}`))
	if !errors.As(decoded, &target) || target.Entry != ErrInvalidJWT.Entry {
		t.Fatal("errors.As gives the decoded *Error")
	}
	if !errors.Is(decoded, ErrInvalidJWT) {
		t.Fatal("a decoded error is its entry's sentinel")
	}
	unknown := Decode(0, nil, []byte(`{"code":"NOPE"}`))
	if errors.Is(unknown, ErrInvalidJWT) || unknown.Entry != nil {
		t.Fatal("an unknown code matches no sentinel")
	}
}

func TestUnwrapGivesTheCause(t *testing.T) {
	err := NewInternalError().WithCause(io.EOF)
	if !errors.Is(err, io.EOF) || errors.Unwrap(err) != io.EOF {
		t.Fatal("Unwrap must give the cause")
	}
	resp, rerr := Render(err, "problem")
	if rerr != nil || resp.Status != 500 {
		t.Fatal("render of a wrapped error")
	}
}

func TestTypedConstructor(t *testing.T) {
	var build func(int, string) *Error = NewInvalidJWT
	var build2 func(string, float64, bool) *Error = NewTooManyLogins
	if build(3, "secret").Message() != "The token expired 3 seconds ago." ||
		build2("u", 1, true) == nil {
		t.Fatal("typed constructors fill the template")
	}
}

func TestVariantsAndPointers(t *testing.T) {
	base := NewEMinus32000()
	err := base.WithVariant("  BUSY, try again ")
	if err.Variant() != "busy, try again" || err.Message() != "busy, try again" {
		t.Fatal("WithVariant makes the error its known variant: " + err.Message())
	}
	if retry, known := err.Retryable(); !retry || !known {
		t.Fatal("the variant's retryable")
	}
	if base.Variant() != "" || base.Message() != "Server error" {
		t.Fatal("WithVariant returns a copy")
	}
	other := base.WithVariant("no such variant")
	if other.Variant() != "" || other.Message() != "no such variant" {
		t.Fatal("a text that is no variant is sent as it is")
	}
	var nilErr *Error
	if nilErr.WithVariant("x") != nil {
		t.Fatal("WithVariant on a nil *Error")
	}
	sub, at := NewFieldMissing("qty"), NewFieldMissing("page")
	sub.Pointer, at.Parameter = "#/items/0/qty", "page"
	parent := NewInvalidFields(2)
	parent.SubErrors = []*Error{sub, at}
	resp, _ := Render(parent, "problem")
	body := string(resp.Body)
	if !strings.Contains(body, `"pointer":"#/items/0/qty"}`) ||
		!strings.Contains(body, `"parameter":"page"}`) {
		t.Fatal("sub-errors carry their pointer and parameter: " + body)
	}
}

func TestUnknownProfile(t *testing.T) {
	if _, err := Render(NewInvalidJWT(1, "u"), "xml"); !errors.Is(err, ErrUnknownProfile) {
		t.Fatal("an unknown profile is ErrUnknownProfile")
	}
}

func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				_ = Lookup("AUTH-ERR-4", "")
				_ = Find("7")
				_ = Decode(429, [][2]string{{"Retry-After", "3"}}, []byte(`{"code":"AUTH-ERR-5"}`))
				_, _ = Render(NewInvalidJWT(i, "u"), "google", Locale("zh"), ID(j))
				_ = Negotiate("zh-Hans-CN, en;q=0.5")
			}
		}(i)
	}
	wg.Wait()
}
"""


def test_go_idioms_race_vet_and_gofmt(go: str, tmp_path: Path) -> None:
    """Sentinels, nil-safe errors.Is/As, Unwrap, typed constructors, -race, vet, gofmt -s."""
    pkg = write_go(load_catalog("shop"), tmp_path)
    (pkg / "idioms_test.go").write_text(IDIOMS)
    env = go_env(tmp_path)
    gofmt = subprocess.run(
        [str(Path(go).with_name("gofmt")), "-s", "-l", "gen"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert gofmt.returncode == 0 and gofmt.stdout == "", "gofmt -s would reformat: " + gofmt.stdout
    vet = subprocess.run(
        [go, "vet", "./..."], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert vet.returncode == 0, vet.stdout + vet.stderr
    test = subprocess.run(
        [go, "test", "-race", "-count=1", "./gen"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert test.returncode == 0, test.stdout + test.stderr


@pytest.mark.parametrize("name", CATALOGS)
def test_go_every_exported_name_has_a_doc_comment(name: str) -> None:
    files = generate(load_catalog(name), "go", "gen")
    for text in (t.decode() for t in files.values()):
        lines = text.splitlines()
        for i, line in enumerate(lines):
            found = re.match(r"(?:func|var|const|type) (?:\([^)]*\) )?([A-Z]\w*)", line)
            if found:
                start = i
                while start > 0 and lines[start - 1].startswith("//"):
                    start -= 1
                assert lines[start].startswith(f"// {found.group(1)} "), line


def test_go_files_say_they_are_generated() -> None:
    files = generate(load_catalog("csghub"), "go")
    assert list(files) == ["csghub.go"]
    first = files["csghub.go"].splitlines()[0]
    assert first.startswith(b"// Code generated by errdex") and first.endswith(b"DO NOT EDIT.")
    assert files["csghub.go"].count(b"\npackage ") == 1
    assert b"\npackage csghub\n" in files["csghub.go"]
