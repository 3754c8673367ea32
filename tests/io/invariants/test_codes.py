"""``errdex.io.invariants.codes``: one code once per space, one name once, tombstones kept."""

from __future__ import annotations

from errdex.io.invariants.codes import duplicate_codes, duplicate_names, tombstones


def test_a_code_twice_in_one_space(found) -> None:
    body = '[[errors]]\ncode = 1\nmessage = "a"\n[[errors]]\ncode = 1\nmessage = "b"\n'
    ((rule, place, message),) = found(duplicate_codes, body)
    assert rule == "E101" and place.startswith("7:") and "1" in message
    spaces = "[spaces.a]\n[spaces.b]\n" + (
        '[[errors]]\ncode = 1\nspace = "a"\n[[errors]]\ncode = 1\nspace = "b"\n'
    )
    assert found(duplicate_codes, spaces) == []


def test_a_name_on_two_entries_whatever_its_case(found) -> None:
    body = '[[errors]]\ncode = 1\nname = "x"\n[[errors]]\ncode = 2\nname = "X"\n'
    ((rule, place, message),) = found(duplicate_names, body)
    assert rule == "E102" and place.startswith("8:") and "'X'" in message
    assert (
        found(
            duplicate_names, '[[errors]]\ncode = 1\nname = "x"\n[[errors]]\ncode = 2\nname = "y"\n'
        )
        == []
    )


def test_numbered_names_alike_but_for_case_or_digits(found) -> None:
    def entries(*names: str) -> str:
        return "".join(f'[[errors]]\ncode = {n}\nname = "{name}"\n' for n, name in enumerate(names))

    # one shape (digits aside) for all: only the exact comparison tells them apart
    assert found(duplicate_names, entries("token1", "tok1en", "1token", "token12", "token21")) == []
    ((_, _, message),) = found(duplicate_names, entries("token1", "Token2", "TOKEN1"))
    assert message == "name 'TOKEN1' of 2 is already the name of 0 (as 'token1')"
    ((_, _, message),) = found(duplicate_names, entries("straße1", "STRASSE1"))
    assert "'STRASSE1'" in message  # casefolded, not lower-cased: ß is ss


def test_a_removed_code_is_never_reused(found) -> None:
    body = '[[errors]]\ncode = 1\nstatus = "removed"\n[[errors]]\ncode = 1\nmessage = "again"\n'
    ((rule, _, message),) = found(tombstones, body)
    assert rule == "E111" and "removed" in message
    assert found(tombstones, '[[errors]]\ncode = 1\nstatus = "removed"\n') == []
