"""What a translator opens: a side-by-side HTML report of a pair of twins, and a TMX 1.4 memory.

The report is one self-contained file with no script: a summary of the flags at the top, each linking
to its locator, then every aligned pair with Chinese on the left and English on the right, the values
that differ marked.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors import PIPELINE_VERSION
from extractors.align import Twins
from extractors.crosscheck import check_twins
from flows.export import atomic
from models.alignment import Alignment, CheckedTwins, CrossCheck

STYLE = """
body { font-family: "Noto Sans", "WenQuanYi Micro Hei", sans-serif; margin: 1.5em; line-height: 1.5 }
table { border-collapse: collapse; width: 100%; table-layout: fixed }
th, td { border-top: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; overflow-wrap: anywhere }
#text td:first-child { width: 8em } #flags th:first-child { width: 8em }
tr.flagged { background: #fff7e6 }
tr.unmatched td.zh:empty, tr.unmatched td.en:empty { background: #fde2e2 }
mark { background: #ffb3b3; padding: 0 .1em }
.error { color: #a00000 } .warning { color: #9a6700 }
code { white-space: nowrap; font-size: .9em }
"""
VALUE_WORDS = re.compile(r"^(?:Resolution|Decision|Recommendation|Article) ")


def anchor(locator: str) -> str:
    return "p-" + re.sub(r"[^A-Za-z0-9]", "-", locator)


def html_report(twins: Twins, alignments: Sequence[Alignment], checks: Sequence[CrossCheck]) -> str:
    texts = {p.para_id: p.text for p in (*twins.zh.paragraphs, *twins.en.paragraphs)}
    flags_at: dict[str, list[CrossCheck]] = {}
    for check in checks:
        flags_at.setdefault(check.locator, []).append(check)
    methods = Counter(str(a.method) for a in alignments)
    severities = Counter(str(c.severity) for c in checks)
    escape = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>gbdocs cross-check: {escape(twins.symbol)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(twins.symbol)}: 中文 ↔ English</h1>",
        f"<p>{escape(twins.zh.document.doc_id)} and {escape(twins.en.document.doc_id)}: {len(alignments)} aligned pairs "
        f"({methods['locator']} by locator, {methods['content']} by content, {methods['unmatched']} unmatched).</p>",
        f'<section id="flags"><h2>{_count(len(checks), "flag")} ({_count(severities["error"], "error")}, '
        f'{_count(severities["warning"], "warning")})</h2>',
        "<table><thead><tr><th>where</th><th>check</th><th>中文</th><th>English</th><th>severity</th></tr></thead><tbody>",
    ]
    for check in checks:
        out.append(
            f'<tr class="{check.severity}"><td><a href="#{anchor(check.locator)}">{escape(check.locator)}</a></td>'
            f"<td>{escape(check.check)}</td><td>{escape(check.zh_value)}</td><td>{escape(check.en_value)}</td>"
            f"<td>{escape(str(check.severity))}</td></tr>"
        )
    out += ["</tbody></table></section>", '<section id="text"><h2>Side by side</h2><table><tbody>']
    for alignment in alignments:
        flags = flags_at.get(alignment.locator, [])
        zh = "".join(texts[i] for i in alignment.zh_para_ids)
        en = " ".join(texts[i] for i in alignment.en_para_ids)
        classes = " ".join(name for name, on in (("flagged", flags), ("unmatched", alignment.method == "unmatched")) if on)
        out.append(
            f'<tr id="{anchor(alignment.locator)}" class="{classes}"><td><code>{escape(alignment.locator)}</code></td>'
            f'<td class="zh" lang="zh">{_marked(zh, [c.zh_value for c in flags])}</td>'
            f'<td class="en" lang="en">{_marked(en, [c.en_value for c in flags])}</td></tr>'
        )
    out += ["</tbody></table></section></body></html>"]
    return "\n".join(out) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _marked(text: str, values: list[str]) -> str:
    """The text escaped, with every differing value marked (`Decision XIII/12` is marked as `XIII/12`)."""
    escaped = html.escape(text)
    tokens = {VALUE_WORDS.sub("", token.strip()) for value in values for token in value.split(",") if token.strip()}
    for token in sorted(tokens, key=len, reverse=True):
        escaped = re.sub(rf"(?<![\w>]){re.escape(html.escape(token))}(?![\w<])", lambda m: f"<mark>{m.group()}</mark>",
                         escaped, flags=re.IGNORECASE)
    return escaped


def tmx(twins: Twins, alignments: Sequence[Alignment]) -> str:
    """TMX 1.4: one translation unit per pair aligned on both sides, identified by its locator."""
    texts = {p.para_id: p.text for p in (*twins.zh.paragraphs, *twins.en.paragraphs)}
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(
        root, "header", creationtool="gbdocs", creationtoolversion=PIPELINE_VERSION, datatype="plaintext",
        segtype="paragraph", adminlang="en", srclang="zh-CN", **{"o-tmf": "gbdocs"},
    )
    body = ET.SubElement(root, "body")
    for alignment in alignments:
        if not (alignment.zh_para_ids and alignment.en_para_ids):
            continue
        unit = ET.SubElement(body, "tu", tuid=alignment.locator)
        ET.SubElement(unit, "prop", type="x-locator").text = alignment.locator
        for language, ids, joiner in (("zh-CN", alignment.zh_para_ids, ""), ("en", alignment.en_para_ids, " ")):
            variant = ET.SubElement(unit, "tuv", {"xml:lang": language})
            ET.SubElement(variant, "seg").text = joiner.join(texts[i] for i in ids)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def report_name(pair_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9~.-]", "-", pair_id)


@dataclass(frozen=True)
class TwinReport:
    """A pair of twins cross-checked, with what a translator opens: the HTML report and the TMX."""

    checked: CheckedTwins
    html: str
    tmx: str

    @property
    def name(self) -> str:
        return report_name(self.checked.pair_id)


def twin_report(twins: Twins) -> TwinReport:
    checked = check_twins(twins)
    return TwinReport(checked, html_report(twins, checked.alignments, checked.checks), tmx(twins, checked.alignments))


def write_twin_files(out: Path, report: TwinReport) -> Path:
    """`reports/NAME.html` and `tmx/NAME.tmx` under `out`; returns the report's path."""
    html_path = out / "reports" / f"{report.name}.html"
    for path, content in ((html_path, report.html), (out / "tmx" / f"{report.name}.tmx", report.tmx)):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic(path) as temporary:
            temporary.write_text(content, encoding="utf-8")
    return html_path
