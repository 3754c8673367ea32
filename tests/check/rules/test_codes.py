"""Codes and names: duplicates, module ranges and prefix patterns."""

from check_helpers import lint, only, places


def test_duplicate_code_points_at_the_second_and_names_the_first():
    found = lint(
        """
        [[errors]]
        code = 1001
        message = "Bad token"

        [[errors]]
        code = "1001"
        message = "Token expired"
        """
    )
    assert places(found, "E101") == [(9, 1)]
    (d,) = only(found, "E101")
    assert "t.toml:5:1" in d.hint
    assert d.severity == "error"


def test_same_code_in_two_spaces_is_no_duplicate():
    found = lint(
        """
        [spaces.a]
        [spaces.b]
        [[errors]]
        code = 1
        space = "a"
        message = "One"
        [[errors]]
        code = 1
        space = "b"
        message = "Uno"
        """
    )
    assert only(found, "E101") == []


def test_duplicate_name_case_insensitive():
    found = lint(
        """
        [[errors]]
        code = 1
        name = "tokenExpired"
        message = "Expired"
        [[errors]]
        code = 2
        name = "TokenExpired"
        message = "Expired again"
        [[errors]]
        code = 3
        name = "other"
        message = "Other"
        """
    )
    assert places(found, "E102") == [(10, 1)]


def test_code_outside_module_range():
    src = """
        [modules.auth]
        range = [1000, 1099]
        [[errors]]
        code = 1100
        module = "auth"
        message = "Out"
        [[errors]]
        code = 1099
        module = "auth"
        message = "In"
        """
    found = lint(src)
    assert places(found, "E103") == [(7, 1)]
    assert "1000..1099" in only(found, "E103")[0].message


def test_code_not_matching_prefix():
    found = lint(
        """
        [modules.auth]
        prefix = "AUTH-ERR-"
        [[errors]]
        code = "AUTH-ERR-4"
        module = "auth"
        message = "Fine"
        [[errors]]
        code = "auth-err-5"
        module = "auth"
        message = "Fine too: codes compare case-insensitively"
        [[errors]]
        code = "AUTH-4"
        module = "auth"
        message = "Wrong"
        [[errors]]
        code = "AUTH-ERR-07"
        module = "auth"
        message = "Leading zero"
        [[errors]]
        code = 12
        module = "auth"
        message = "An integer"
        """
    )
    assert places(found, "E104") == [(15, 1), (19, 1), (23, 1)]


def test_string_code_in_range_module():
    found = lint(
        """
        [modules.m]
        range = [1, 9]
        [[errors]]
        code = "X-1"
        module = "m"
        message = "Wrong kind"
        """
    )
    assert places(found, "E104") == [(7, 1)]
