from __future__ import annotations

import pytest

from extractors.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("管理机构通过第 7/2015 号决议，欢迎缔约方大会第 XII/30 号决定", "zh"),
        ("IT/GB-7/17/19 关于与《生物多样性公约》合作的报告 UNEP/CBD/COP/13/12/Add.4", "zh"),
        ("The Governing Body, through Resolution 7/2015, welcomed decision XII/30 of the Conference of the Parties", "en"),
        ("L'Organe directeur a invité les Parties contractantes et le Secrétariat de la Convention sur la diversité", "fr"),
        ("Генеральная Ассамблея, руководствуясь принципами Устава Организации Объединенных Наций", "ru"),
        ("2017 12 4 17", "und"),
        ("", "und"),
    ],
)
def test_languages(text, language):
    assert detect_language(text) == language
