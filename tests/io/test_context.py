"""``errdex.io.context``: what a rule sees of a catalog, and where it points a diagnostic."""

from __future__ import annotations

from pathlib import Path

from catalogs import HEAD
from errdex.io import read, reads
from errdex.io.context import Context, Spot
from errdex.io.diagnostic import rule

W = rule("W203")
TEXT = HEAD + (
    '[modules.auth]\nprefix = "A-"\n'
    '[[errors]]\ncode = "A-1"\nname = "token12"\nmodule = "auth"\nmessage = "Token gone."\n'
    '[errors.translations.fr]\nmessage = "Jeton perdu."\n'
    '[[errors]]\ncode = 2\nname = "token7"\nmessage = "Other."\n'
)


def context() -> Context:
    catalog, problems = reads(TEXT, name="c.toml")
    assert catalog is not None and not problems
    return Context(catalog)


def test_values_and_name_shapes_over_all_entries() -> None:
    ctx = context()
    assert ctx.values("module") == {"auth", None}
    assert ctx.values("module") is ctx.values("module")  # computed once per run
    assert ctx.name_shapes == {"token"}
    assert ctx.column("code") == ["A-1", 2] and ctx.column("code") is ctx.column("code")
    assert ctx.having("translations") == [0] and ctx.having("variants") == []
    ((index, locale, tr),) = ctx.translations
    assert (index, locale, tr.message) == (0, "fr", "Jeton perdu.")


def test_entry_module_and_top_diagnostics_are_placed() -> None:
    ctx = context()
    assert ctx.entry_diag(W, 0, ("message",), "m").location == "c.toml:9:1"
    assert ctx.entry_diag(W, 0, ("translations", "fr", "message"), "m").location == "c.toml:11:1"
    assert ctx.module_diag(W, "auth", "prefix", "m").location == "c.toml:4:1"
    assert ctx.top_diag(W, ("catalog", "id"), "m").location == "c.toml:2:1"
    assert ctx.location(1, "code") == "c.toml:13:1"
    assert ctx.origins([1, 0]) == [ctx.origin(1), ctx.origin(0)]
    assert ctx.origins([5]) == [ctx.origin(5)] == [(ctx.main, ())]  # past the entries: the file


def test_a_needle_points_inside_the_value() -> None:
    spot = context().entry_diag(W, 0, ("message",), "m", needle="gone")
    assert isinstance(spot, Spot) and spot.location == "c.toml:9:18"


def test_labels_name_code_and_name() -> None:
    ctx = context()
    assert (ctx.label(0), ctx.label(1)) == ("A-1 (token12)", "2 (token7)")


def test_a_folder_catalog_points_at_its_module_and_locale_files(tmp_path: Path) -> None:
    (tmp_path / "modules").mkdir()
    (tmp_path / "locales").mkdir()
    (tmp_path / "errdex.toml").write_text(HEAD + 'locales = ["en", "fr"]\n')
    (tmp_path / "modules" / "auth.toml").write_text(
        '[module]\nprefix = "A-"\n\n[[errors]]\ncode = "A-1"\nmessage = "Gone."\n'
    )
    (tmp_path / "locales" / "fr.toml").write_text('[errors."A-1"]\nmessage = "Perdu."\n')
    catalog, problems = read(tmp_path)
    assert catalog is not None and not problems
    ctx = Context(catalog)
    where = ctx.module_diag(W, "auth", "prefix", "m").location
    assert where.endswith("auth.toml:2:1")
    where = ctx.entry_diag(W, 0, ("translations", "fr", "message"), "m").location
    assert where.endswith("fr.toml:2:1")
