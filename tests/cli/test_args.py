"""Negative codes as plain arguments through the real entry point (``python -m errdex``)."""

from __future__ import annotations

import click
import orjson
from cli_process import EXAMPLES, errdex

from errdex.cli.args import did_you_mean, numbers_as_arguments


def test_negative_codes_are_plain_arguments() -> None:
    explained = errdex("explain", "-32000", "--catalog-path", str(EXAMPLES))
    assert explained.returncode == 0, explained.stderr
    assert "error[-32000]" in explained.stdout and "zan" in explained.stdout
    found = errdex("search", "-32000", "--json", "--catalog-path", str(EXAMPLES))
    data = orjson.loads(found.stdout)
    assert {h["code"] for h in data["hits"][:3]} == {-32000}
    before = errdex("explain", "--catalog", "zan", "-32000", "--catalog-path", str(EXAMPLES))
    assert before.returncode == 0 and "Unauthorized" in before.stdout
    hexed = errdex("explain", "-0x7D00", "--catalog-path", str(EXAMPLES), "--json")
    assert hexed.returncode == 0 and orjson.loads(hexed.stdout)["matches"]


def test_an_option_value_that_looks_negative_stays_the_options() -> None:
    result = errdex("search", "limit", "--offset", "-1", "--catalog-path", str(EXAMPLES))
    assert result.returncode == 2 and "-1" in result.stderr  # --offset refuses it, as before


@click.command()
@click.argument("codes", nargs=-1)
@click.option("--catalog")
@click.option("--limit", type=int)
@click.option("--json", "as_json", is_flag=True)
def _explain(codes: tuple[str, ...], catalog: str | None, limit: int | None, as_json: bool) -> None:
    """A command shaped like ``errdex explain``, for the reordering."""


def test_negative_numbers_move_behind_a_double_dash_options_keep_their_values() -> None:
    args = ["--catalog", "zan", "-32000", "--json", "-0x7D00"]
    assert numbers_as_arguments(_explain, args) == [
        "--catalog",
        "zan",
        "--json",
        "--",
        "-32000",
        "-0x7D00",
    ]
    # an option's own (negative) value stays with it
    assert numbers_as_arguments(_explain, ["--limit", "-5", "-32000"]) == [
        "--limit",
        "-5",
        "--",
        "-32000",
    ]
    assert numbers_as_arguments(_explain, ["--limit=-5", "-1"]) == ["--limit=-5", "--", "-1"]


def test_arguments_without_a_negative_number_are_left_as_they_are() -> None:
    assert numbers_as_arguments(_explain, ["--json", "1003"]) == ["--json", "1003"]
    assert numbers_as_arguments(_explain, ["--", "-1"]) == ["--", "-1"]


def test_did_you_mean_names_the_closest_commands() -> None:
    known = ["search", "serve", "explain", "export"]
    assert did_you_mean("serch", known) == (
        "no such command 'serch'; did you mean 'search' or 'serve'?"
    )
    assert did_you_mean("exprt", known) == ("no such command 'exprt'; did you mean 'export'?")
    assert did_you_mean("zzz", known) == "no such command 'zzz'"
