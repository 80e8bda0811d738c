"""Which script a report is written in, and the refusal of reports launchmap cannot read.

The extractor reads English wire copy only. Korean and Japanese copy is common in this field
(Yonhap, KBS, NHK, Kyodo publish first in their own language), and would otherwise come back
as "no launch found", which an editor could take for a verdict on the report. So a report
whose letters are mostly Hangul, kana or CJK ideographs is refused by name.

The test is on letters, not words: a Korean report quoting "ICBM" or "Hwasong-18" is still
Korean, and an English report quoting one Korean name is still English.

>>> report_language("북한이 동해상으로 탄도미사일을 발사했다고 합참이 밝혔다.")
'Korean'
>>> report_language("North Korea fired a ballistic missile, the JCS said.") is None
True
"""

from __future__ import annotations

from geodata.errors import UnsupportedLanguage

__all__ = ["CJK_SHARE", "refuse_non_english", "report_language"]

# Over half of a text's letters in Hangul, kana or ideographs: the text is in that language (a Korean
# report quoting "ICBM" stays Korean; an English one quoting a Korean sentence stays English).
CJK_SHARE = 0.5

_HANGUL = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xD7B0, 0xD7FF))
_KANA = ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9F))
_IDEOGRAPHS = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))


def _within(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in ranges)


def report_language(text: str) -> str | None:
    """``'Korean'``, ``'Japanese'`` or ``'Chinese'`` when that script dominates the letters; else None."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    hangul = sum(1 for ch in letters if _within(ch, _HANGUL))
    kana = sum(1 for ch in letters if _within(ch, _KANA))
    ideographs = sum(1 for ch in letters if _within(ch, _IDEOGRAPHS))
    if hangul + kana + ideographs <= CJK_SHARE * len(letters):
        return None
    if hangul >= kana + ideographs:  # Korean copy may carry a few hanja; Japanese has none of Hangul
        return "Korean"
    # Kana marks Japanese: kanji-heavy Japanese still has particles (の, が, を) in kana.
    return "Japanese" if kana else "Chinese"


def refuse_non_english(text: str, name: str | None = None) -> None:
    """Raise :class:`~geodata.errors.UnsupportedLanguage` naming the language of a Korean, Japanese or Chinese report."""
    language = report_language(text)
    if language is not None:
        which = f"{name} is" if name else "this report is"
        raise UnsupportedLanguage(
            f"{which} in {language}; launchmap extracts English reports only "
            "(paste the English edition of the report, or enter the launch on the Data page)",
            language,
        )
