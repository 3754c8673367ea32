"""``errdex.io.entries``: the entries of a catalog file, by the fast path or the checked one.

``build_entries`` is reached through loading (its inputs are the builder's own tables), so
these tests load text: an entry of plain values takes the fast path, any other is validated
first, and both give entries merged over their module's and space's values by field name.
"""

from __future__ import annotations

from catalogs import HEAD
from errdex.io import reads

MODULE = (
    "[spaces.app]\nhttp_status = 500\nretryable = true\n"
    '[modules.auth]\nspace = "app"\nprefix = "A-"\nhttp_status = 401\nlocale = "fr"\n'
)


def test_plain_and_checked_entries_give_the_same_entry() -> None:
    plain = HEAD + MODULE + '[[errors]]\ncode = "A-1"\nmodule = "auth"\nmessage = "m"\n'
    checked = plain + 'tags = ["t"]\n'  # a list: not a plain value, so validated first
    (fast,), problems = reads(plain)[0].entries, reads(plain)[1]
    (slow,) = reads(checked)[0].entries
    assert problems == []
    assert fast == slow._replace(tags=())
    assert (fast.space, fast.http_status, fast.retryable, fast.locale) == ("app", 401, True, "fr")


def test_the_entrys_own_value_wins_over_its_module_and_space() -> None:
    text = (
        HEAD
        + MODULE
        + '[[errors]]\ncode = "A-1"\nmodule = "auth"\nhttp_status = 403\nretryable = false\n'
    )
    (entry,) = reads(text)[0].entries
    assert (entry.http_status, entry.retryable) == (403, False)


def test_key_order_in_the_file_does_not_matter() -> None:
    one = HEAD + '[[errors]]\ncode = 1\nname = "a"\nmessage = "m"\nhttp_status = 404\n'
    other = HEAD + '[[errors]]\nhttp_status = 404\nmessage = "m"\nname = "a"\ncode = 1\n'
    assert reads(one)[0].entries == reads(other)[0].entries


def test_a_bad_value_is_dropped_a_bad_entry_left_out_and_the_rest_kept() -> None:
    text = HEAD + (
        '[[errors]]\ncode = 1\n[[errors]]\ncode = 2\nhttp_status = "x"\n'
        '[[errors]]\ncode = " 3"\n[[errors]]\nmessage = "no code"\n[[errors]]\ncode = 5\n'
    )
    catalog, problems = reads(text)
    assert [(e.code, e.http_status) for e in catalog.entries] == [(1, None), (2, None), (5, None)]
    assert [(d.rule.id, d.line) for d in problems] == [("E003", 7), ("E005", 9), ("E004", 10)]
