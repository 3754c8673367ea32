"""``Accept-Language`` negotiation for the generated Python runtime (docs/wire.md §4.3).

Part of the runtime ``errdex gen --lang python`` embeds (see :mod:`.python`).
"""

from __future__ import annotations

from collections.abc import Sequence

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


# -- locales -----------------------------------------------------------------------------


def _norm_tag(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


def _ranges(header: str) -> tuple[list[str], list[str]]:
    weighted: list[tuple[float, int, str]] = []
    refused: list[str] = []
    for index, item in enumerate(header[:4096].split(",")[:32]):
        tag, *options = item.split(";")
        tag = tag.strip()
        if not tag or len(tag) > 64:
            continue
        q: float | None = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value.strip())
                except ValueError:
                    q = None
                break
        if q is None or not 0.0 <= q <= 1.0:
            continue
        if q > 0.0:
            weighted.append((-q, index, tag))
        else:
            refused.append(_norm_tag(tag))
    weighted.sort()
    return [tag for _, _, tag in weighted], refused


def negotiate(header: str | None, available: Sequence[str], default: str) -> str:
    """The locale of ``available`` that best serves an ``Accept-Language`` value."""
    if not header:
        return default
    tags, refused = _ranges(header)

    def is_refused(locale: str) -> bool:
        norm = _norm_tag(locale)
        return any(norm == r or norm.startswith(r + "-") for r in refused)

    by_norm = {_norm_tag(a): a for a in available}
    fallback = next((a for a in (default, *available) if not is_refused(a)), default)
    for tag in tags:
        norm = _norm_tag(tag)
        if norm == "*":
            return fallback
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
            if (region is None and len(subtags) == 1) or (
                region is not None and region in parts[1:]
            ):
                return locale
        alias = LOCALE_ALIASES.get(tag.replace("-", "_").lower())
        if alias is not None and _norm_tag(alias) in by_norm:
            return by_norm[_norm_tag(alias)]
    return fallback
