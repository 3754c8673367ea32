"""An unknown filter value ends the command with its refusal (:mod:`errdex.cli.known_filters`)."""

from __future__ import annotations

import pytest

from errdex.cli.known_filters import check_or_exit
from errdex.directory.search import Filters

KNOWN = {
    "catalog": {"zan", "alchemy"},
    "module": {"auth", "repo"},
    "space": set(),
    "locale": {"en"},
}


def test_known_values_pass() -> None:
    check_or_exit("search", Filters(catalog="zan", module="auth", locale="en"), KNOWN)


def test_a_close_value_is_named_in_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        check_or_exit("search", Filters(module="auht"), KNOWN)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "errdex search: no module 'auht' (did you mean 'auth'?)" in err
    assert "= help: use --module auth" in err


def test_a_far_value_lists_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        check_or_exit("explain", Filters(catalog="nope"), KNOWN)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "catalogs: alchemy, zan" in err
    assert "= help: give --catalog one of the catalogs listed, or leave it out" in err
