"""``errdex.io.fmt``: canonical layout of catalog files that keeps comments and the catalog.

Golden pairs in ``golden/`` (``NAME.in.toml`` → ``NAME.out.toml``) show the
layout rules; set ``ERRDEX_UPDATE_GOLDEN=1`` to rewrite the ``.out`` files
after an intended change, then review the diff. Every example catalog and
hypothesis-generated catalogs are formatted too: the result must load to the
same catalog and be a fixed point.
"""

from __future__ import annotations

import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errdex.io import load, reads
from errdex.io.export import to_data
from errdex.io.fmt import FORMAT_REFUSED, format_checked, format_paths, format_text
from errdex.io.fmt import files as fmt_files

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = sorted(
    p for p in (ROOT / "examples").iterdir() if (p / "errdex.toml").is_file() or p.suffix == ".toml"
)
UPDATE = os.environ.get("ERRDEX_UPDATE_GOLDEN") == "1"

# Module and locale files only load inside a folder catalog: these are the
# errdex.toml files their golden cases are formatted in.
FOLDER_MAIN = {
    "module": '[catalog]\nid = "folder"\n',
    "locale": (
        '[catalog]\nid = "folder"\nlocales = ["en", "zh-CN"]\n\n'
        '[[errors]]\ncode = "AUTH-ERR-0"\nmessage = "Not logged in."\n\n'
        '[[errors]]\ncode = "AUTH-ERR-4"\nmessage = "The token has expired."\n'
    ),
}
FOLDER_FILE = {"module": "modules/auth.toml", "locale": "locales/zh-CN.toml"}


def golden_cases() -> list[str]:
    return sorted(p.name.removesuffix(".in.toml") for p in GOLDEN.glob("*.in.toml"))


def role_of(case: str) -> str:
    return case.split("_")[0] if case.split("_")[0] in FOLDER_FILE else "main"


def place(case: str, tmp_path: Path) -> Path:
    """Copy a golden input where it loads: alone, or inside a small folder catalog."""
    role = role_of(case)
    source = GOLDEN / f"{case}.in.toml"
    if role == "main":
        target = tmp_path / f"{case}.toml"
    else:
        (tmp_path / "errdex.toml").write_text(FOLDER_MAIN[role], encoding="utf-8")
        target = tmp_path / FOLDER_FILE[role]
        target.parent.mkdir(parents=True)
    shutil.copyfile(source, target)
    return target


@pytest.mark.parametrize("case", golden_cases())
def test_golden(case: str, tmp_path: Path) -> None:
    target = place(case, tmp_path)
    catalog_before = load(tmp_path if role_of(case) != "main" else target)
    [result] = format_paths([target])
    assert result.problems == []
    expected = GOLDEN / f"{case}.out.toml"
    if UPDATE:
        expected.write_text(result.after or "", encoding="utf-8")
    assert result.after == expected.read_text(encoding="utf-8")
    # The canonical text is a fixed point and loads to the same catalog.
    assert format_text(result.after, "toml", role_of(case)) == result.after
    target.write_text(result.after, encoding="utf-8")
    catalog_after = load(tmp_path if role_of(case) != "main" else target)
    assert to_data(catalog_after) == to_data(catalog_before)


def test_golden_inputs_really_change() -> None:
    """Each golden case exercises a rule: its input is not already canonical."""
    for case in golden_cases():
        before = (GOLDEN / f"{case}.in.toml").read_text(encoding="utf-8")
        assert format_text(before, "toml", role_of(case)) != before, case


def test_comment_above_key_moves_with_the_key() -> None:
    text = '[catalog]\ntitle = "T"\n# why this id\nid = "x"\n'
    out = format_text(text)
    assert out == '[catalog]\n# why this id\nid = "x"\ntitle = "T"\n'


def test_comment_above_table_moves_with_the_table() -> None:
    text = '[[errors]]\ncode = 1\n\n# about the catalog\n[catalog]\nid = "x"\n'
    out = format_text(text)
    assert out.startswith('# about the catalog\n[catalog]\nid = "x"\n\n[[errors]]\ncode = 1\n')


def test_entries_keep_their_order() -> None:
    text = "".join(f'[[errors]]\ncode = {c}\nmessage = "m{c}"\n\n' for c in (3, 1, 2))
    out = format_text('[catalog]\nid = "x"\n\n' + text)
    codes = [int(line.split("=")[1]) for line in out.splitlines() if line.startswith("code")]
    assert codes == [3, 1, 2]


def test_maps_keep_their_order_and_fields_are_sorted() -> None:
    text = (
        '[catalog]\nid = "x"\n'
        '[modules.zeta]\nrange = [1, 9]\ntitle = "Z"\n'
        '[modules.alpha]\ntitle = "A"\n'
    )
    out = format_text(text)
    assert out.index("[modules.zeta]") < out.index("[modules.alpha]")
    assert out.index('title = "Z"') < out.index("range = [1, 9]")


def test_crlf_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b'[catalog]\r\ntitle = "T"\r\nid = "x"\r\n')
    [result] = format_paths([path])
    assert result.after == '[catalog]\r\nid = "x"\r\ntitle = "T"\r\n'


def test_syntax_error_is_reported_with_position_and_nothing_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(b'[catalog]\nid = "x"\ntitle = "unclosed\n')
    [result] = format_paths([path])
    assert result.after is None and not result.changed
    [problem] = result.problems
    assert problem.rule.id == "E001"
    assert problem.line == 3


def test_unknown_keys_keep_their_place_after_known_ones() -> None:
    text = '[catalog]\nzzz = 1\ntitle = "T"\naaa = 2\nid = "x"\n'
    assert format_text(text) == '[catalog]\nid = "x"\ntitle = "T"\nzzz = 1\naaa = 2\n'


def test_json_is_indented_with_keys_in_spec_order(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(
        '{"errors": [{"message": "m", "code": 1}], "catalog": {"title": "T", "id": "x"}}'
    )
    [result] = format_paths([path])
    assert result.problems == []
    assert result.after == (
        '{\n  "catalog": {\n    "id": "x",\n    "title": "T"\n  },\n'
        '  "errors": [\n    {\n      "code": 1,\n      "message": "m"\n    }\n  ]\n}\n'
    )


def test_exported_json_collections_are_ordered_with_id_first() -> None:
    text = '{"catalog": {"id": "x"}, "spaces": [{"kind": "app", "id": "app"}]}'
    out = format_text(text, "json")
    assert out.index('"id": "app"') < out.index('"kind": "app"')


def test_yaml_is_left_alone_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("catalog:\n    title: T   # comment\n    id: x\n")
    [result] = format_paths([path])
    assert result.skipped and "YAML" in result.skipped
    assert not result.changed and result.problems == []


def test_refuses_when_the_data_would_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.toml"
    # Not the writer's spelling (two spaces before "="), so the formatter does run.
    path.write_text('[catalog]\ntitle  = "T"\nid = "x"\n')
    monkeypatch.setattr(fmt_files, "format_toml", lambda text, shape: text.replace('"T"', '"U"'))
    [result] = format_paths([path])
    assert result.after is None
    [problem] = result.problems
    assert problem.rule is FORMAT_REFUSED
    assert "catalog.title" in problem.message


def test_refuses_when_not_idempotent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fmt_files, "format_toml", lambda text, shape: text + "\n")
    with pytest.raises(fmt_files.FormatError, match="again"):
        format_checked('[catalog]\nid = "x"\n')


def test_refuses_when_the_catalog_would_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same data, different catalog: two modules swapped change the documented order."""
    path = tmp_path / "c.toml"
    # Not canonical as written (two spaces before "="), so the formatter does run.
    original = '[catalog]\nid  = "x"\n\n[modules.b]\ntitle = "B"\n\n[modules.a]\ntitle = "A"\n'
    swapped = '[catalog]\nid = "x"\n\n[modules.a]\ntitle = "A"\n\n[modules.b]\ntitle = "B"\n'
    path.write_text(original)
    monkeypatch.setattr(fmt_files, "format_toml", lambda text, shape: swapped)
    [result] = format_paths([path])
    assert result.after is None
    assert "different catalog" in result.problems[0].message


# -- every example catalog ---------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_examples_format_to_a_fixed_point_and_the_same_catalog(
    example: Path, tmp_path: Path
) -> None:
    copy = tmp_path / example.name
    if example.is_dir():
        shutil.copytree(example, copy)
    else:
        shutil.copyfile(example, copy)
    before = to_data(load(copy))
    results = format_paths([copy])
    assert results and all(r.problems == [] for r in results)
    for result in results:
        assert result.after is not None
        role = {"modules": "module", "locales": "locale"}.get(result.path.parent.name, "main")
        assert format_text(result.after, "toml", role) == result.after, result.path
        # Formatting keeps every comment line, in the same order.
        assert comments(result.after) == comments(result.before or "")
        result.path.write_text(result.after, encoding="utf-8")
    assert to_data(load(copy)) == before
    assert not any(r.changed for r in format_paths([copy]))


ML_STRING = re.compile(r'"""[\s\S]*?"""' + r"|'''[\s\S]*?'''")


def comments(text: str) -> list[str]:
    """Comment lines outside multi-line strings (compared as a multiset: comments move)."""
    lines = ML_STRING.sub('""', text).splitlines()
    return sorted(line.strip() for line in lines if line.strip().startswith("#"))


# -- generated catalogs ---------------------------------------------------------------------

TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x7f"), max_size=20
)
NOTE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=15)


def toml_string(value: str, style: int) -> str:
    """``value`` as a TOML string in one of the four spellings, when that spelling can hold it."""
    ok_literal = "'" not in value and not any(
        (ord(c) < 32 and c != "\t") or c == "\x7f" for c in value
    )
    if style == 1 and ok_literal:
        return "'" + value + "'"
    if style == 2 and "'''" not in value and ok_literal and not value.endswith("'"):
        return "'''" + value + "'''"
    if style == 3:
        body = value.replace("\\", "\\\\").replace('"', '\\"')
        body = "".join(c if ord(c) >= 32 or c in "\n\t" else f"\\u{ord(c):04x}" for c in body)
        return '"""\n' + body.replace("\x7f", "\\u007f") + '"""'
    body = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + "".join(c if ord(c) >= 32 else f"\\u{ord(c):04x}" for c in body) + '"'


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[str, list[str]]:
    """Catalog TOML text with random key order, quoting, spacing, comments and blank lines.

    Returns the text and its comments; each comment starts with a unique
    marker (``# c7:``) so that the test can find it wherever it moved.
    """
    notes: list[str] = []

    def comment() -> str:
        notes.append(f"# c{len(notes)}: {draw(NOTE)}".rstrip())
        return notes[-1] + draw(st.sampled_from(["", " ", "\t"]))

    def dressed(key: str, value: str) -> list[str]:
        lines = []
        if draw(st.booleans()):
            lines.append("")
        if draw(st.integers(0, 3)) == 0:
            lines.append(comment())
        eq = draw(st.sampled_from(["=", " = ", "  =   ", "\t=\t"]))
        line = key + eq + value
        if draw(st.integers(0, 3)) == 0:
            line += " " * draw(st.integers(0, 4)) + comment()
        elif draw(st.booleans()):
            line += " "
        return [*lines, line]

    def table(header: str, pairs: list[tuple[str, str]]) -> list[str]:
        out = [""] * draw(st.integers(0, 2))
        if draw(st.booleans()):
            out.append(comment())
        out.append(header)
        for key, value in draw(st.permutations(pairs)):
            out += dressed(key, value)
        return out

    def string(value: str) -> str:
        return toml_string(value, draw(st.integers(0, 3)))

    tables: list[list[str]] = []
    catalog = [("id", '"gen"'), ("title", string(draw(TEXT)))]
    if draw(st.booleans()):
        catalog.append(("locales", '["en", "zh-CN"]'))
    tables.append(table("[catalog]", catalog))
    modules = draw(
        st.lists(st.sampled_from(["core", "auth", "billing", "z"]), unique=True, max_size=3)
    )
    for name in modules:
        tables.append(
            table(f"[modules.{name}]", [("title", string(draw(TEXT))), ("retryable", "true")])
        )
    codes = draw(st.lists(st.integers(-5000, 5000), unique=True, max_size=6))
    entries = []
    for code in codes:
        pairs = [("code", str(code)), ("message", string(draw(TEXT)))]
        if modules and draw(st.booleans()):
            pairs.append(("module", f'"{draw(st.sampled_from(modules))}"'))
        if draw(st.booleans()):
            pairs.append(("description", string(draw(TEXT))))
        if draw(st.booleans()):
            variant = f"{{ description = {string(draw(TEXT))}, message = {string(draw(TEXT))} }}"
            pairs.append(("variants", f"[{variant}]"))
        if draw(st.booleans()):
            tags = [string(draw(TEXT)) for _ in range(draw(st.integers(0, 3)))]
            if draw(st.booleans()):  # spread over lines, with comments between the items
                body = "".join(f"\n  {comment()}\n {tag} ," for tag in tags)
                pairs.append(("tags", "[" + body + "\n" + comment() + "\n]"))
            else:
                pairs.append(("tags", "[" + ",".join(tags) + "]"))
        entry = table("[[errors]]", pairs)
        if draw(st.booleans()):
            entry += table(
                draw(
                    st.sampled_from(
                        ['[errors.translations."zh-CN"]', "[errors.translations.zh-CN]"]
                    )
                ),
                [("message", string(draw(TEXT)))],
            )
        entries.append(entry)
    # Top-level tables in any order; entries keep theirs.
    blocks = draw(st.permutations([*tables, [line for e in entries for line in e]]))
    text = "\n".join(line for block in blocks for line in block)
    if draw(st.booleans()):
        text += "\n" + comment()
    return text + draw(st.sampled_from(["", "\n", "\n\n"])), notes


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_generated_catalogs_format_safely_and_stably(generated: tuple[str, list[str]]) -> None:
    text, notes = generated
    after = format_checked(text)
    assert tomllib.loads(after) == tomllib.loads(text)
    assert format_text(after) == after
    outside_strings = ML_STRING.sub('""', after)
    assert not any(line != line.rstrip() for line in outside_strings.split("\n"))
    assert "\n\n\n" not in after and after.endswith("\n")
    for note in notes:  # every comment is kept, once, at the end of a line
        assert after.count(note.split(":")[0] + ":") == 1
        assert note + "\n" in after
    before_catalog, found = reads(text)
    if before_catalog is not None and not any(d.severity == "error" for d in found):
        after_catalog, _ = reads(after)
        assert after_catalog is not None
        assert to_data(after_catalog) == to_data(before_catalog)


# -- the fast path: a file already canonical is recognised without the formatter ----------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_a_file_taken_as_canonical_is_a_fixed_point_of_the_formatter(
    generated: tuple[str, list[str]],
) -> None:
    text, _ = generated
    for candidate in (text, format_checked(text)):
        if fmt_files.canonical_already(candidate, tomllib.loads(candidate)):
            assert format_text(candidate) == candidate


def test_the_writers_text_is_taken_as_canonical_with_its_quoted_keys() -> None:
    from errdex.io.fmt.toml_writer import to_toml

    data = {
        "catalog": {"id": "shop"},
        "errors": [{"code": 1, "message": "m", "translations": {"zh-CN": {"message": "坏"}}}],
    }
    for quoted in (set(), {"zh-CN"}, {"zh-CN", "message"}):
        text = to_toml(data, quoted=quoted)
        assert fmt_files.canonical_already(text, tomllib.loads(text)), quoted
        assert format_text(text) == text
    # a comment, another order or another spelling is not the writer's text: full path
    plain = to_toml(data)
    for other in (
        "# a comment\n" + plain,
        plain.replace('id = "shop"', "id = 'shop'"),
        plain.replace("code = 1\nmessage", 'message = "m"\ncode = 1\nmessagex').replace(
            'messagex = "m"\n', ""
        ),
    ):
        assert not fmt_files.canonical_already(other, tomllib.loads(other))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_fast_path_gives_what_the_formatter_gives(
    example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from errdex.io.fmt.toml_writer import to_toml

    copy = tmp_path / "fast"
    copy.mkdir()
    main = copy / "errdex.toml"
    data = tomllib.loads(
        (example / "errdex.toml" if example.is_dir() else example).read_text("utf-8")
    )
    main.write_text(to_toml(data, quoted={"zh-CN"}), encoding="utf-8")
    fast = [(r.after, r.problems) for r in format_paths([main])]
    monkeypatch.setattr(fmt_files, "formatted_already", lambda text, data: False)
    slow = [(r.after, r.problems) for r in format_paths([main])]
    assert fast == slow
