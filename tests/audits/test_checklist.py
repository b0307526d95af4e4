"""The W 4 checklist and the W Appendix 1 themes are defined once, in the chapter's own words."""
import re
from pathlib import Path

import pytest

from audits import checklist, themes

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "001_32ee664c423678fe.txt"


def _flat(text):
    return re.sub(r"\s+", " ", text)


def test_checklist_has_the_fifteen_w4_items_with_unique_codes():
    assert len(checklist.ITEMS) == 15
    assert len(checklist.BY_CODE) == 15


def test_photo_and_birth_certificate_are_asked_only_of_looked_after_children():
    assert {item.code for item in checklist.ITEMS if item.looked_after_only} == {"photo", "birth_certificate"}


def test_only_late_or_missing_plans_and_review_minutes_prompt_telling_the_reviewing_officer():
    assert [item.code for item in checklist.ITEMS if item.tells_reviewing_officer] == ["plan_and_review"]


def test_appendix_1_has_twelve_themes_each_with_both_columns():
    assert len(themes.THEMES) == 12
    assert all(theme.acceptable and theme.unacceptable for theme in themes.THEMES)


@pytest.mark.skipif(not SEED.exists(), reason="the Wirral chapter is not beside the repository")
def test_checklist_and_theme_wording_is_copied_from_the_wirral_chapter():
    chapter = _flat(SEED.read_text())
    for item in checklist.ITEMS:
        assert _flat(item.wording) in chapter, item.code
    for theme in themes.THEMES:
        for paragraph in theme.acceptable + theme.unacceptable:
            assert _flat(paragraph) in chapter, theme.code
