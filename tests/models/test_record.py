import pickle

import pytest

from models import BBox, Block, BlockRole, FootnoteMarker, TextLine
from models.record import record


@record
class Single:
    value: int


def test_a_paper_record_survives_pickling_with_its_nested_records() -> None:
    line = TextLine(page=3, bbox=BBox(10.0, 20.0, 300.0, 32.5), text="决定 8/2019 请秘书", size=11.0, bold=False)
    block = Block(index=4, role=BlockRole.BODY, page=3, page_last=4, bbox=line.bbox, size=11.0, bold=False,
                  text=line.text, lines=(line,), markers=(FootnoteMarker("1", 7),))
    restored = pickle.loads(pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL))
    assert restored == block
    assert (restored.page_last, restored.markers[0].label, restored.markers[0].offset) == (4, "1", 7)
    assert restored.lines[0].bbox.x1 == 300.0
    assert restored.lines[0].text == "决定 8/2019 请秘书"


def test_a_record_of_one_field_pickles_as_well() -> None:
    assert pickle.loads(pickle.dumps(Single(7))).value == 7


def test_records_stay_frozen_and_slotted() -> None:
    bbox = BBox(0.0, 0.0, 1.0, 1.0)
    with pytest.raises(AttributeError):
        bbox.x0 = 5.0  # type: ignore[misc]
    assert not hasattr(bbox, "__dict__")
