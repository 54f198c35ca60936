"""Write the UDHR twin's `.paper` sources from the published XML beside this file (see corpus/SOURCES.md).

Usage: python corpus/sources/udhr/make_udhr.py. Writes `udhr.zh.paper` and `udhr.en.paper` (the
preamble and the 30 articles as the XML has them, each `<para>` one block, list items with their
printed labels: `㈠` in Chinese, `1.` in English) and the Chinese with planted slips,
`udhr.zh.article-and-year.paper` (article 14 numbered 十五, the year of adoption 一九四九) and
`udhr.zh.day.paper` (adopted on the 十一日). The PDFs are rendered by `tests/fixtures/twins/make_twins.py udhr`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
NS = {"u": "http://efele.net/udhr"}
FRONT = {
    "zh": {"symbol": "A/RES/217(III)", "language": "zh", "date": "1948 年 12 月 10 日", "title": "世界人权宣言",
           "organization": "联合国"},
    "en": {"symbol": "A/RES/217(III)", "language": "en", "date": "10 December 1948",
           "title": "Universal Declaration of Human Rights", "organization": "United Nations"},
}
# the line under the title: the Chinese XML has it (its <note>'s first paragraph); the English XML has
# none, so the English is the line of the United Nations' printed English edition
ADOPTION_EN = "Adopted and proclaimed by General Assembly resolution 217 A (III) of 10 December 1948"
XML = {"zh": HERE / "udhr_cmn_hans.xml", "en": HERE / "udhr_eng.xml"}
# (what the slip changes in the Chinese source, the text it had, the text it gets)
SLIPS = {
    "article-and-year": [("H2 第十四条", "第十四条", "第十五条"), ("一九四八年十二月十日", "一九四八年", "一九四九年")],
    "day": [("一九四八年十二月十日", "十二月十日", "十二月十一日")],
}


def paper_lines(language: str) -> list[str]:
    root = ET.parse(XML[language]).getroot()
    front = FRONT[language]
    lines = ["---", *(f"{key}: {value}" for key, value in front.items()), "---"]
    note = root.find("u:note/u:para", NS)
    lines.append(f"P {note.text.strip() if note is not None else ADOPTION_EN}")
    preamble = root.find("u:preamble", NS)
    lines.append(f"H1 {preamble.find('u:title', NS).text.strip()}")
    lines += [f"P {para.text.strip()}" for para in preamble.findall("u:para", NS)]
    for article in root.findall("u:article", NS):
        lines.append(f"H2 {article.find('u:title', NS).text.strip()}")
        for child in article:
            if child.tag == f"{{{NS['u']}}}para":
                lines.append(f"P {child.text.strip()}")
            elif child.tag == f"{{{NS['u']}}}orderedlist":
                for number, item in enumerate(child.findall("u:listitem", NS), start=1):
                    label = item.get("tag") or f"{number}."
                    lines.append(f"P [{label}] {item.find('u:para', NS).text.strip()}")
    return lines


def planted(lines: list[str], slips: list[tuple[str, str, str]]) -> list[str]:
    out = list(lines)
    for needle, old, new in slips:
        (index,) = [i for i, line in enumerate(out) if needle in line]
        out[index] = out[index].replace(old, new, 1)
    return out


def main() -> None:
    for language in ("zh", "en"):
        lines = paper_lines(language)
        (HERE / f"udhr.{language}.paper").write_text("\n".join(lines) + "\n", encoding="utf-8")
        if language == "zh":
            for name, slips in SLIPS.items():
                (HERE / f"udhr.zh.{name}.paper").write_text("\n".join(planted(lines, slips)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
