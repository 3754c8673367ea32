"""Importing source code end to end: folders, the CLI, the failure message, and any input."""

from __future__ import annotations

import tomllib

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_cases import FIXTURES

from errdex.cli.main import cli
from errdex.convert.importers.source import read_source

pytest.importorskip("tree_sitter", reason="the import-source extra is not installed")


def test_a_folder_imports_every_language_below_it_with_from_comments(tmp_path):
    out = tmp_path / "errdex.toml"
    result = CliRunner().invoke(cli, ["import", str(FIXTURES / "go"), "-o", str(out)])
    assert result.exit_code == 0, result.output  # the csghub doc-comment notes: warnings only
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert len(data["errors"]) == 27 + 24 + 51 + 22  # iam, csghub, smartassistant, gf
    assert text.count("\n# from ") == len(data["errors"])
    assert "doc-comment notes not imported" in result.output


def test_nothing_imported_names_each_structure_why_and_the_from_that_forces_it(tmp_path):
    (tmp_path / "colors.go").write_text("package x\n\nconst (\n\tRed = iota\n\tGreen\n)\n")
    (tmp_path / "shapes.proto").write_text('syntax = "proto3";\nenum Shape { SQUARE = 0; }\n')
    result = CliRunner().invoke(cli, ["import", str(tmp_path)])
    assert result.exit_code == 2
    assert "colors.go:3:1: error[I001" in result.output
    assert "const block Red… not imported: its names do not say it holds errors" in result.output
    assert "force it with `--from go`" in result.output
    assert "shapes.proto:2:1: error[I001" in result.output and "`--from proto`" in result.output
    assert "nothing imported" in result.output
    forced = CliRunner().invoke(cli, ["import", "--from", "proto", str(tmp_path / "shapes.proto")])
    assert forced.exit_code == 0 and 'name = "SQUARE"' in forced.output


def test_a_missing_path_is_a_usage_error():
    result = CliRunner().invoke(cli, ["import", "no/such/folder"])
    assert result.exit_code == 2 and "no such file or folder" in result.output


LANGUAGES = (
    "go",
    "proto",
    "python",
    "rust",
    "typescript",
    "javascript",
    "java",
    "c",
    "cpp",
    "openapi",
)
source_text = st.text(
    st.sampled_from(list("const var enum ( ) { } = ; , \" ' / * \n 0 1 x Err iota + [ ] :")),
    max_size=200,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source_text, st.sampled_from(LANGUAGES), st.booleans())
def test_any_text_in_any_language_gives_findings_never_a_traceback(text, language, force):
    found = read_source(text, "fuzz", language, force)
    for item in found.found:
        assert isinstance(item.code, (int, str))


def test_a_missing_grammar_is_the_one_error_not_a_misleading_no_codes_hint(tmp_path, monkeypatch):
    from errdex.convert.importers.source import run as runner
    from errdex.convert.importers.source.treesit import MissingGrammar

    def missing(text, display, lang, force=False):
        raise MissingGrammar(
            "reading go needs the tree-sitter grammar tree-sitter-go; install errdex[import-source]"
        )

    monkeypatch.setattr(runner, "read_source", missing)
    source = tmp_path / "codes.go"
    source.write_text("package x\n\nconst ErrA = 1\n", encoding="utf-8")
    result = runner.import_sources([source])
    assert result.data is None
    assert [(d.severity, d.message) for d in result.diagnostics] == [
        (
            "error",
            "the file not imported: reading go needs the tree-sitter grammar tree-sitter-go; "
            "install errdex[import-source]",
        )
    ]
