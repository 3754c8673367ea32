"""Code pages read their request-independent parts from the fragment memo and their
frame from a kept one: the same bytes as rendering every part."""

from __future__ import annotations

import sys

import pytest
from markupsafe import Markup, escape

from errdex.directory import Registry
from errdex.directory.web.fragments import FragmentMemo
from errdex.directory.web.i18n import Language
from errdex.directory.web.pages import Links, Pages
from errdex.directory.web.views import Views
from errdex.directory.web.visible import visible


def _every_page(pages: Pages, registry: Registry) -> list[str]:
    """Every code page in every locale: negotiated, explicit, unknown, and static."""
    locales = list(pages.views.all_locales)
    out = []
    for cid, entry in registry.entries():
        path = registry.entry_url_path(cid, entry)
        found = registry.resolve_path_all(path)
        for tag in [*locales, "fr", None]:
            for explicit in (None, tag):
                lang = Language(explicit, tag, locales)
                out.append(pages.entries(found, lang, Links(path, lang=lang.explicit)))
            static = Links(path, static=True, lang=tag or locales[0], prefixes={locales[-1]: "/x"})
            out.append(pages.entries(found, Language(tag, None, locales), static))
    return out


@pytest.mark.parametrize("which", ["registry", "evil_registry"])
def test_pages_with_the_memo_equal_pages_without_it(
    which: str, request: pytest.FixtureRequest
) -> None:
    registry: Registry = request.getfixturevalue(which)
    views = Views(registry.warm())
    bare = Pages(views)
    bare.fragments = FragmentMemo(size=0)
    kept = Pages(views)
    without = _every_page(bare, registry)
    assert len(bare.fragments) == 0
    first = _every_page(kept, registry)
    assert len(kept.fragments) > 0
    again = _every_page(kept, registry)  # every part now from the memo
    assert first == without
    assert again == without


def _pair(n: int) -> tuple[Markup, Markup]:
    return (Markup("a" * n), Markup(""))


@pytest.mark.parametrize("which", ["registry", "evil_registry"])
def test_pages_in_a_kept_frame_equal_pages_rendered_whole(
    which: str, request: pytest.FixtureRequest
) -> None:
    registry: Registry = request.getfixturevalue(which)
    views = Views(registry.warm())
    whole = Pages(views)
    whole.keep_frames = False
    kept = Pages(views)
    assert _every_page(kept, registry) == _every_page(whole, registry)
    assert kept._frames and not whole._frames
    locales = list(views.all_locales)
    cid, entry = next(iter(registry.entries()))
    found = registry.resolve_path_all(registry.entry_url_path(cid, entry))
    for path in ["/a/<b>&\"c'", "/\x00title\x00/\x00page\x00/\x00main\x00"]:
        for explicit in (None, locales[-1]):
            lang = Language(explicit, None, locales)
            page = kept.entries(found, lang, Links(path, lang=lang.explicit))
            assert page == whole.entries(found, lang, Links(path, lang=lang.explicit))
            # a path holding the frame's markers is shown, never filled (its NULs visible)
            assert f'href="{visible(str(escape(path)))}?lang=' in page and "<a/<b>" not in page
            assert "\x00" not in page
            assert page.count("␀title␀") == path.count("\x00title") * len(views.all_locales)


def test_the_memo_is_bounded_by_count_and_bytes() -> None:
    one = sys.getsizeof(Markup("a" * 10)) * 2 + sys.getsizeof((1, 2))
    memo = FragmentMemo(size=2, max_bytes=64 * 1000)
    for i in range(3):
        memo.put(i, (Markup("a" * 10), Markup("b" * 10)))
    assert len(memo) == 2 and memo.get(0) is None and memo.get(2) is not None
    assert memo.bytes == 2 * one
    memo.put("big", _pair(1000))  # over max_bytes // 64: not kept
    assert memo.get("big") is None and memo.bytes == 2 * one
    each = sys.getsizeof(_pair(20)[0]) + sys.getsizeof(_pair(0)[1]) + sys.getsizeof((1, 2))
    memo = FragmentMemo(size=1000, max_bytes=each * 80)
    for i in range(100):
        memo.put(i, _pair(20))
    assert memo.bytes == each * 80 and len(memo) == 80
    assert memo.get(99) is not None and memo.get(19) is None


def test_a_memo_of_size_zero_keeps_nothing() -> None:
    memo = FragmentMemo(size=0)
    memo.put("k", _pair(1))
    assert len(memo) == 0 and memo.get("k") is None and memo.bytes == 0
