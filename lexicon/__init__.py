"""The vocabulary of UN papers in Chinese and English, kept in one place for every extractor.

`lexicon.numerals` reads and writes Chinese numerals, roman numerals and English number words and
ordinals; `lexicon.dates` finds dates and date ranges in either language (their regular expressions
are in `lexicon.patterns`).
"""
