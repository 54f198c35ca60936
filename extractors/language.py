"""Tell a document's language from its text: zh and en, and name anything else."""

from __future__ import annotations

import re
from collections import Counter

from extractors.scripts import is_han

UNDETERMINED = "und"
WORD = re.compile(r"[a-zà-ÿœ]+")
STOPWORDS = {
    "en": {"the", "of", "and", "to", "in", "for", "on", "with", "that", "is", "by", "as", "its"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "est", "pour", "dans", "sur", "au", "aux"},
    "es": {"el", "los", "las", "del", "y", "una", "para", "por", "con", "que", "en", "su"},
    "de": {"der", "die", "das", "und", "zu", "mit", "für", "von", "ist", "nicht", "dem", "den"},
}
HAN_SHARE = 0.2  # Han characters among all letters that make a text Chinese


def detect_language(text: str) -> str:
    han = latin = cyrillic = arabic = 0
    for char in text:
        if is_han(char):
            han += 1
        elif char.isalpha():
            code = ord(char)
            if 0x0400 <= code <= 0x04FF:
                cyrillic += 1
            elif 0x0600 <= code <= 0x06FF:
                arabic += 1
            elif code < 0x0250:
                latin += 1
    letters = han + latin + cyrillic + arabic
    if letters == 0:
        return UNDETERMINED
    if han / letters >= HAN_SHARE:
        return "zh"
    if cyrillic > latin and cyrillic >= arabic:
        return "ru"
    if arabic > latin:
        return "ar"
    words = Counter(WORD.findall(text.lower()))
    scores = {language: sum(words[w] for w in stopwords) for language, stopwords in STOPWORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] >= 3 else UNDETERMINED
