# A copy of src/errdex/runtime/locale.py (errdex.convert.code.embedded.copy_of): edit
# that module, then run UPDATE_EMBEDDED=1 pytest tests/convert/code/embedded/test_embedded_copies.py
"""``Accept-Language`` negotiation: pick one of a catalog's locales for a request.

:func:`parse_accept_language` reads an ``Accept-Language`` header (RFC 9110
quality values); :func:`negotiate` picks the best available locale for each
preferred tag in turn: exact match, then RFC 4647 *lookup* (drop subtags from
the end: ``zh-Hans-CN`` → ``zh-Hans`` → ``zh``), then the same language with the
same region (``zh-Hans-CN`` → ``zh-CN``) or, for a bare language, its first
regional locale (``zh`` → ``zh-CN``), then Babel's locale aliases (``no`` → ``nb-NO``).
``*`` or nothing matching → the catalog's default locale, unless the header refuses
it with ``q=0`` (``en;q=0, *``): then the first locale it does not refuse. Tags
compare case-insensitively and ``_`` equals ``-``. Babel is imported only when the
alias step is reached.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_HEADER = 4096
"""Longest ``Accept-Language`` value looked at; the rest is ignored."""
MAX_TAGS = 32
"""Most language ranges looked at in one header."""


def normalize_tag(tag: str) -> str:
    """Return the comparison form of a language tag: lower case, ``-`` separated."""
    return tag.strip().replace("_", "-").lower()


def parse_accept_language(header: str) -> list[str]:
    """Return the language ranges of an ``Accept-Language`` header, best first.

    ``"zh-CN,zh;q=0.9,en;q=0.8"`` → ``["zh-CN", "zh", "en"]``. Ranges with
    ``q=0`` or a malformed weight are dropped; equal weights keep header order;
    parameters other than ``q`` are ignored. A plain tag (``"zh-CN"``) is a
    header of one range. Never raises.
    """
    return _ranges(header)[0]


def _ranges(header: str) -> tuple[list[str], list[str]]:
    """Return the accepted ranges, best first, and the refused ones (``q=0``), normalised."""
    weighted: list[tuple[float, int, str]] = []
    refused: list[str] = []
    for index, item in enumerate(header[:MAX_HEADER].split(",")[:MAX_TAGS]):
        tag, *params = item.split(";")
        tag = tag.strip()
        if not tag or len(tag) > 64:
            continue
        q: float | None = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = None
                break
        if q is None or not 0.0 <= q <= 1.0:  # NaN fails this too
            continue
        if q > 0.0:
            weighted.append((-q, index, tag))
        else:
            refused.append(normalize_tag(tag))
    weighted.sort()
    return [tag for _, _, tag in weighted], refused


def _refused(locale: str, refused: Sequence[str]) -> bool:
    norm = normalize_tag(locale)
    return any(norm == r or norm.startswith(r + "-") for r in refused)


LOCALE_ALIASES = {
    "ar": "ar_SY", "bg": "bg_BG", "bs": "bs_BA", "ca": "ca_ES", "cs": "cs_CZ", "da": "da_DK",
    "de": "de_DE", "el": "el_GR", "en": "en_US", "es": "es_ES", "et": "et_EE", "fa": "fa_IR",
    "fi": "fi_FI", "fr": "fr_FR", "gl": "gl_ES", "he": "he_IL", "hu": "hu_HU", "id": "id_ID",
    "is": "is_IS", "it": "it_IT", "ja": "ja_JP", "km": "km_KH", "ko": "ko_KR", "lt": "lt_LT",
    "lv": "lv_LV", "mk": "mk_MK", "nl": "nl_NL", "nn": "nn_NO", "no": "nb_NO", "pl": "pl_PL",
    "pt": "pt_PT", "ro": "ro_RO", "ru": "ru_RU", "sk": "sk_SK", "sl": "sl_SI", "sv": "sv_SE",
    "th": "th_TH", "tr": "tr_TR", "uk": "uk_UA",
}  # fmt: skip
"""Bare language → locale, the last step of negotiation (Babel's ``LOCALE_ALIASES``)."""


def _babel_alias(tag: str, available: Sequence[str]) -> str | None:
    """The alias table's locale for a bare language, when ``available`` has it (no Babel)."""
    alias = LOCALE_ALIASES.get(tag.replace("-", "_").lower())
    if alias is None:
        return None
    wanted = normalize_tag(alias)
    for locale in available:
        if normalize_tag(locale) == wanted:
            return locale
    return None


def negotiate(preferred: str | Sequence[str] | None, available: Sequence[str], default: str) -> str:
    """Return the locale of ``available`` that best serves ``preferred``, else ``default``.

    ``preferred`` is an ``Accept-Language`` header, a single tag, or a list of
    tags best first. The result is spelled as in ``available``.
    """
    if not preferred:
        return default
    refused: list[str] = []
    if isinstance(preferred, str):
        tags, refused = _ranges(preferred)
    else:
        tags = list(preferred)
    by_norm = {normalize_tag(a): a for a in available}
    # What "*" and the final fallback give: the default, unless the client refused it (q=0).
    fallback = next((a for a in (default, *available) if not _refused(a, refused)), default)
    for tag in tags:
        if type(tag) is not str:
            continue
        norm = normalize_tag(tag)
        if norm == "*":
            return fallback
        # RFC 4647 lookup: exact, then drop trailing subtags (and single-letter extensions).
        probe = norm
        while probe:
            if probe in by_norm:
                return by_norm[probe]
            probe = probe.rpartition("-")[0]
            if probe.endswith("-x") or (len(probe) > 2 and probe[-2] == "-"):
                probe = probe[:-2]
        subtags = norm.split("-")
        region = next(
            (t for t in subtags[1:] if len(t) == 2 or (len(t) == 3 and t.isdigit())), None
        )
        for key, locale in by_norm.items():
            parts = key.split("-")
            if parts[0] != subtags[0]:
                continue
            # a bare language takes its first regional locale (zh -> zh-CN); a tag
            # with a region takes the locale of that language and region (zh-Hans-CN -> zh-CN)
            if (region is None and len(subtags) == 1) or (
                region is not None and region in parts[1:]
            ):
                return locale
        alias = _babel_alias(tag, available)
        if alias is not None:
            return alias
    return fallback
