"""Code allocation: next free code per module, tombstones reserved, clear refusals."""

from __future__ import annotations

import pytest

from catalogs import HEAD
from errdex.io import loads
from errdex.model.allocate import AllocationError, allocate, check_name

CATALOG = (
    HEAD
    + """
[spaces.app]
kind = "app"

[spaces.http]
kind = "http"

[spaces.rpc]
kind = "jsonrpc"

[modules.auth]
space = "app"
prefix = "AUTH-ERR-"

[modules.orders]
space = "app"
range = [1000, 1004]

[modules.billing]
space = "app"
range = [2000, 2099]

[modules.rpc]
space = "rpc"
range = [-32010, -32000]

[modules.status]
space = "http"

[[errors]]
code = "AUTH-ERR-0"
name = "unauthorized"
module = "auth"

[[errors]]
code = "AUTH-ERR-1"
name = "expired"
module = "auth"

[[errors]]
code = "AUTH-ERR-2"
name = "oldToken"
module = "auth"
status = "removed"
reason = "merged into expired"

[[errors]]
code = 1000
name = "noOrder"
module = "orders"

[[errors]]
code = 1002
name = "gone"
module = "orders"
status = "removed"

[[errors]]
code = 1003
name = "late"
module = "orders"

[[errors]]
code = 2000
name = "unpaid"
module = "billing"

[[errors]]
code = 2001
space = "http"
name = "httpOddity"

[[errors]]
code = -32000
name = "server"
module = "rpc"

[[errors]]
code = 404
name = "notFound"
module = "status"
"""
)


@pytest.fixture
def cat():
    return loads(CATALOG, lenient=True)  # code 2001 in the http space is invalid (E109)


def test_prefix_module_gets_next_number_after_a_tombstone(cat):
    # AUTH-ERR-2 is removed: it stays reserved, the next code is 3
    assert allocate(cat, "auth").code == "AUTH-ERR-3"


def test_range_continues_after_highest_code_never_filling_gaps(cat):
    # 1001 is a gap (maybe deleted in an old release) and 1002 a tombstone
    assert allocate(cat, "orders").code == 1004


def test_code_held_by_another_space_is_skipped(cat):
    # 2001 is an HTTP-space entry: an app code 2001 would make lookups ambiguous
    got = allocate(cat, "billing")
    assert got.code == 2002
    assert got.space == "app"


def test_negative_range_grows_away_from_zero(cat):
    assert allocate(cat, "rpc").code == -32001


def test_module_without_range_continues_its_codes(cat):
    assert allocate(cat, "status").code == 405


def test_full_range_is_refused_with_the_gap_named(cat):
    late = 'name = "late"\nmodule = "orders"\n'
    full = loads(
        CATALOG.replace(late, late + '\n[[errors]]\ncode = 1004\nmodule = "orders"\n'),
        lenient=True,
    )
    with pytest.raises(AllocationError) as info:
        allocate(full, "orders")
    assert "[1000, 1004] is full" in info.value.message
    assert "--code 1001" in (info.value.hint or "")


def test_unknown_module_suggests_the_close_one(cat):
    with pytest.raises(AllocationError) as info:
        allocate(cat, "order")
    assert "no module 'order'" in info.value.message
    assert info.value.hint == "did you mean 'orders'?"


def test_requested_tombstone_is_refused(cat):
    with pytest.raises(AllocationError, match="tombstone"):
        allocate(cat, "orders", code="1002")


def test_requested_taken_or_outside_code_is_refused(cat):
    with pytest.raises(AllocationError, match="taken"):
        allocate(cat, "orders", code="1003")
    with pytest.raises(AllocationError, match="outside"):
        allocate(cat, "orders", code="1005")
    with pytest.raises(AllocationError, match="prefix"):
        allocate(cat, "auth", code="AUTHERR7")


def test_requested_free_code_is_accepted(cat):
    assert allocate(cat, "orders", code="1001").code == 1001
    assert allocate(cat, "auth", code="auth-err-9").code == "auth-err-9"


def test_taken_name_is_refused_case_insensitively(cat):
    check_name(cat, "brandNew")
    with pytest.raises(AllocationError, match="taken by 'AUTH-ERR-1'"):
        check_name(cat, "Expired")


OPEN = """
[catalog]
id = "gateway"

[spaces.app]
kind = "app"

[spaces.rpc]
kind = "jsonrpc"

[modules.standard]
space = "rpc"

[modules.parity]
space = "rpc"
range = [-32099, -32000]

[modules.legacy]
space = "app"

[modules.extra]
space = "app"

[[errors]]
code = -31999
module = "standard"

[[errors]]
code = 1
module = "legacy"

[[errors]]
code = 2
module = "extra"
"""


def test_an_open_sequence_skips_the_ranges_of_its_space():
    # -32000 ... -32099 belong to parity, even where parity has no entry yet
    assert allocate(loads(OPEN), "standard").code == -32100


def test_two_open_sequences_in_one_space_are_refused():
    # on two branches legacy and extra would both take 3, in two places: a clean,
    # silent merge of two entries with one code
    with pytest.raises(AllocationError) as exc:
        allocate(loads(OPEN), "legacy")
    assert "neither has 'extra' in space 'app'" in exc.value.message
    assert "give module 'legacy' a range" in (exc.value.hint or "")
    assert allocate(loads(OPEN), "legacy", code=7).code == 7  # an explicit code still works
