"""A code's page shows what a client receives: responses rendered by the runtime per
profile the catalog uses, and the retry advice in words."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from errdex.directory import Registry
from errdex.directory.web.responses import example_responses, profiles_of, retry_advice
from errdex.runtime.render import render


def _entry(examples: Registry, catalog: str, code: object):
    cat = examples.catalogs[catalog]
    return cat, next(e for e in cat.entries if e.code == code)


def test_each_profile_the_catalog_uses_is_rendered_by_the_runtime(examples: Registry) -> None:
    cat, entry = _entry(examples, "csghub", "AUTH-ERR-4")
    assert profiles_of(cat, entry) == ["csghub"]  # its declared envelope, not problem+json
    (shown,) = example_responses(cat, entry)
    import errdex

    bound = errdex.load(Path(__file__).resolve().parents[3] / "examples" / "csghub")
    sent = render(bound.error("AUTH-ERR-4"), "csghub", id=1, catalog=bound)
    assert shown["status"] == sent.status and shown["content_type"] == sent.media_type
    assert orjson.loads(shown["body"]) == orjson.loads(sent.body)


def test_a_jsonrpc_code_shows_the_jsonrpc_envelope(examples: Registry) -> None:
    cat, entry = _entry(examples, "zan", -32004)
    (shown,) = example_responses(cat, entry)
    assert shown["profile"] == "jsonrpc"
    assert orjson.loads(shown["body"])["error"] == {
        "code": -32004,
        "message": "Service rate limited",
    }


def test_a_translated_page_shows_the_translated_response(examples: Registry) -> None:
    cat, entry = _entry(examples, "csghub", "AUTH-ERR-4")
    (shown,) = example_responses(cat, entry, "zh-CN")
    assert "身份验证令牌" in orjson.loads(shown["body"])["msg"]


@pytest.mark.parametrize(
    ("catalog", "code", "words"),
    [
        ("zan", 429, "Safe to retry"),  # from its HTTP status
        ("csghub", "AUTH-ERR-4", "Do not retry"),
    ],
)
def test_retry_advice_is_the_runtimes_decision_in_words(
    examples: Registry, catalog: str, code: object, words: str
) -> None:
    cat, entry = _entry(examples, catalog, code)
    advice = retry_advice(cat, entry)
    assert advice.startswith(words) and "the catalog does not say" in advice
    assert retry_advice(cat, entry, "zh-CN") != advice


def test_the_code_page_has_the_responses_a_copy_button_and_the_advice(client) -> None:
    page = client.get("/zan/-32004").text
    assert "What a client receives" in page and 'class="copy"' in page
    assert "&#34;code&#34;: -32004" in page  # the rendered body, escaped
    assert "Retrying" in page
    zh = client.get("/zan/-32004", headers={"accept-language": "zh-CN"}).text
    assert "客户端收到的响应" in zh and "复制" in zh
