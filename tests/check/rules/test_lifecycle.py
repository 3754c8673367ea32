"""Lifecycle: tombstones reused, references to codes that do not exist."""

from check_helpers import at, lint, only, places


def test_tombstone_reused():
    body = """
        [[errors]]
        code = 4010
        status = "removed"
        message = "Old meaning"
        [[errors]]
        code = 4010
        message = "New meaning"
        [[errors]]
        code = 4011
        status = "removed"
        message = "Still a tombstone"
        """
    found = lint(body)
    assert places(found, "E111") == [at(body, "code = 4010", 1)]
    assert only(found, "E101") == []


def test_unknown_replacement_and_internal_error():
    body = """
        [catalog]
        id = "t"
        internal_error = "SYS-ERR-9"
        [[errors]]
        code = 1
        status = "deprecated"
        message = "Old"
        replaced_by = 2
        [[errors]]
        code = 2
        message = "New"
        [[errors]]
        code = 3
        status = "removed"
        message = "Gone"
        replaced_by = 99
        """
    found = lint(body, header=False)
    assert places(found, "E112") == [
        at(body, "internal_error", header=False),
        at(body, "replaced_by = 99", header=False),
    ]
