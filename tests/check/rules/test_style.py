"""Message style within a module: the minority is reported, the majority is the hint."""

from check_helpers import at, lint, only, places


def _module(*messages: str) -> str:
    lines = ["\n[modules.m]\nrange = [1, 99]\n"]
    for n, message in enumerate(messages, 1):
        lines.append(f'[[errors]]\ncode = {n}\nmodule = "m"\nmessage = "{message}"\n')
    return "".join(lines)


def test_trailing_period_minority():
    body = _module("Token expired.", "Token invalid.", "Token missing")
    found = lint(body)
    assert places(found, "W201") == [at(body, "missing")]
    (d,) = only(found, "W201")
    assert "ends without a period, unlike 2 of the 3 messages in module 'm'" in d.message
    assert d.hint.startswith("end it with a period")


def test_capitalisation_minority():
    body = _module("Token expired.", "Token invalid.", "etcd access failed.", "K8S unreachable.")
    found = lint(body)
    assert places(found, "W201") == [at(body, "etcd")]
    assert only(found, "W201")[0].hint.startswith("start it with a capital letter")


def test_consistent_module_passes():
    body = _module("token expired", "token invalid", "K8S unreachable", "eth_call failed")
    assert only(lint(body), "W201") == []


def test_tie_is_settled_by_the_catalog_majority():
    body = (
        _module("A.", "B")
        + "[modules.n]\nrange = [100, 199]\n"
        + "".join(
            f'[[errors]]\ncode = {100 + n}\nmodule = "n"\nmessage = "Text {n}."\n' for n in range(3)
        )
    )
    found = lint(body)
    assert places(found, "W201") == [at(body, 'B"')]
