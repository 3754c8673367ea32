"""``errdex.model.verification``: which entries owe a request example."""

from __future__ import annotations

import errdex
from catalogs import HEAD
from errdex.model.verification import has_request_example, needs_example, wants_examples

ENTRIES = (
    '[[errors]]\ncode = 1\nmessage = "a"\n'
    '[[errors]]\ncode = 2\nmessage = "b"\n[[errors.examples]]\nbody = "{}"\n'
    '[[errors]]\ncode = 3\nmessage = "c"\n[[errors.examples]]\nrequest = { path = "/c" }\n'
    '[[errors]]\ncode = 4\nmessage = "d"\nno_example = "needs a real outage"\n'
    '[[errors]]\ncode = 5\nstatus = "removed"\n'
)


def test_a_request_example_or_a_verify_table_turns_verification_on() -> None:
    assert wants_examples(errdex.loads(HEAD + ENTRIES))
    assert not wants_examples(errdex.loads(HEAD + '[[errors]]\ncode = 1\nmessage = "a"\n'))
    verify = HEAD + '[verify]\nbase_url = "http://localhost"\n[[errors]]\ncode = 1\nmessage = "a"\n'
    assert wants_examples(errdex.loads(verify))


def test_who_owes_an_example() -> None:
    entries = errdex.loads(HEAD + ENTRIES).entries
    assert [has_request_example(e) for e in entries] == [False, False, True, False, False]
    # a body example does not prove anything; a reason or a tombstone is excused
    assert [needs_example(e) for e in entries] == [True, True, False, False, False]
