"""The embedded Python runtime's locale negotiation: what the errdex runtime picks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from errdex.convert.code import embedded
from errdex.convert.code.embedded import py_locale
from errdex.runtime.locale import negotiate

tags = st.sampled_from(
    ["en", "en-US", "zh", "zh-CN", "zh-Hans-CN", "zh-TW", "no", "nb-NO", "fr", "de-AT", "*",
     "x-private", "EN_us", "i-klingon", "pt-BR", "sr-Latn-RS"]
)  # fmt: skip
weights = st.sampled_from(["", ";q=0", ";q=0.5", ";q=1", ";q=abc", ";q=0.001", ";level=1"])
headers = st.lists(st.tuples(tags, weights), max_size=5).map(
    lambda items: ", ".join(t + w for t, w in items)
)
available = st.lists(
    st.sampled_from(["en", "zh-CN", "zh-TW", "nb-NO", "fr-FR", "de", "pt"]),
    min_size=1,
    max_size=4,
    unique=True,
)


@settings(max_examples=400, deadline=None)
@given(headers, available)
def test_negotiation_picks_what_the_runtime_picks(header: str, locales: list[str]) -> None:
    want = negotiate(header, locales, locales[0])
    assert py_locale.negotiate(header, locales, locales[0]) == want


def test_the_locale_copy_uses_the_alias_table_not_babel() -> None:
    text = embedded.source("py_locale.py")
    assert "import babel" not in text and "from babel" not in text
    assert py_locale.negotiate("no", ["en", "nb-NO"], "en") == "nb-NO"
    assert py_locale.negotiate("pt", ["en", "pt_PT"], "en") == "pt_PT"
    assert py_locale.negotiate("pt", ["en", "pt-BR"], "en") == "pt-BR"  # same language first
