"""What a translator opens: a side-by-side HTML report of a pair of twins, and a TMX 1.4 memory.

The report is one self-contained file with no script: the flags at the top, value mismatches first
(errors, then warnings, then flags from pairs aligned with low confidence: `review alignment`), each
with both values and both texts and a link to its locator; a checkbox hides all but the value
mismatches. Then every aligned pair with Chinese on the left and English on the right, how it was
aligned and with what confidence, the values that differ marked; another checkbox hides the pairs
without a flag. The TMX has one unit per pair, with its alignment and flags as properties.
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
from models.alignment import Alignment, CheckedTwins, CrossCheck, Severity

STYLE = """
body { font-family: "Noto Sans", "WenQuanYi Micro Hei", sans-serif; margin: 1.5em; line-height: 1.5 }
table { border-collapse: collapse; width: 100%; table-layout: fixed }
th, td { border-top: 1px solid #ddd; padding: .35em .5em; vertical-align: top; text-align: left; overflow-wrap: anywhere }
#text td:first-child { width: 8em } #flags th:first-child { width: 8em }
tr.flagged { background: #fff7e6 }
tr.unmatched td.zh:empty, tr.unmatched td.en:empty { background: #fde2e2 }
mark { background: #ffb3b3; padding: 0 .1em }
.error .severity { color: #a00000 } .warning .severity { color: #9a6700 } .review .severity { color: #555; font-style: italic }
#flags td:nth-child(n+6) { width: 28%; font-size: .9em }
code { white-space: nowrap; font-size: .9em }
.how { color: #666; font-size: .85em }
#only-mismatches:checked ~ #flags tr.warning, #only-mismatches:checked ~ #flags tr.review { display: none }
#only-flagged:checked ~ #text tbody tr:not(.flagged) { display: none }
"""
SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.REVIEW: 2}
SEVERITY_SHOWN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.REVIEW: "review alignment"}
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
    review = f', {severities["review"]} to review' if severities["review"] else ""
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>gbdocs cross-check: {escape(twins.symbol)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(twins.symbol)}: 中文 ↔ English</h1>",
        f"<p>{escape(twins.zh.document.doc_id)} and {escape(twins.en.document.doc_id)}: {len(alignments)} aligned pairs "
        f"({methods['locator']} by locator, {methods['content']} by content, {methods['unmatched']} unmatched).</p>",
        '<input type="checkbox" id="only-mismatches"><label for="only-mismatches"> show value mismatches only '
        "(hide warnings and flags of alignments to review)</label><br>",
        '<input type="checkbox" id="only-flagged"><label for="only-flagged"> side by side: show flagged pairs only</label>',
        f'<section id="flags"><h2>{_count(len(checks), "flag")} ({_count(severities["error"], "error")}, '
        f'{_count(severities["warning"], "warning")}{review})</h2>',
        "<table><thead><tr><th>where</th><th>check</th><th>中文</th><th>English</th><th>severity</th>"
        "<th>中文 text</th><th>English text</th></tr></thead><tbody>",
    ]
    for check in sorted(checks, key=lambda c: SEVERITY_ORDER[c.severity]):
        out.append(
            f'<tr class="{check.severity}"><td><a href="#{anchor(check.locator)}">{escape(check.locator)}</a></td>'
            f"<td>{escape(check.check)}</td><td>{escape(check.zh_value)}</td><td>{escape(check.en_value)}</td>"
            f'<td class="severity">{escape(SEVERITY_SHOWN[check.severity])}</td>'
            f'<td lang="zh">{_marked(check.zh_text, [check.zh_value])}</td>'
            f'<td lang="en">{_marked(check.en_text, [check.en_value])}</td></tr>'
        )
    out += ["</tbody></table></section>", '<section id="text"><h2>Side by side</h2><table><tbody>']
    for alignment in alignments:
        flags = flags_at.get(alignment.locator, [])
        zh = "".join(texts[i] for i in alignment.zh_para_ids)
        en = " ".join(texts[i] for i in alignment.en_para_ids)
        classes = " ".join(name for name, on in (("flagged", flags), ("unmatched", alignment.method == "unmatched")) if on)
        how = f"{len(alignment.zh_para_ids)}-{len(alignment.en_para_ids)} by {alignment.method}, confidence {alignment.score:.2f}"
        out.append(
            f'<tr id="{anchor(alignment.locator)}" class="{classes}"><td><code>{escape(alignment.locator)}</code>'
            f'<br><span class="how">{escape(how)}</span></td>'
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


def tmx(twins: Twins, alignments: Sequence[Alignment], checks: Sequence[CrossCheck] = ()) -> str:
    """TMX 1.4: one translation unit per pair aligned on both sides, identified by its locator, with how
    it was aligned and each flag at that locator as properties (`x-flag`: `error dates: … ≠ …`)."""
    texts = {p.para_id: p.text for p in (*twins.zh.paragraphs, *twins.en.paragraphs)}
    flags_at: dict[str, list[CrossCheck]] = {}
    for check in checks:
        flags_at.setdefault(check.locator, []).append(check)
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
        ET.SubElement(unit, "prop", type="x-alignment").text = f"{alignment.method} {alignment.score:.2f}"
        for check in flags_at.get(alignment.locator, []):
            flag = f"{SEVERITY_SHOWN[check.severity]} {check.check}: {check.zh_value or '—'} ≠ {check.en_value or '—'}"
            ET.SubElement(unit, "prop", type="x-flag").text = flag
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
    return TwinReport(checked, html_report(twins, checked.alignments, checked.checks),
                      tmx(twins, checked.alignments, checked.checks))


def write_twin_files(out: Path, report: TwinReport) -> Path:
    """`reports/NAME.html` and `tmx/NAME.tmx` under `out`; returns the report's path."""
    html_path = out / "reports" / f"{report.name}.html"
    for path, content in ((html_path, report.html), (out / "tmx" / f"{report.name}.tmx", report.tmx)):
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic(path) as temporary:
            temporary.write_text(content, encoding="utf-8")
    return html_path
