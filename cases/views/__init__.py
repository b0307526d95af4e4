from .assessments import assessment_detail, awaiting_sign_off, edit_version, new_version, review, start_assessment
from .children import (
    acknowledge_child_allocation,
    add_record_entry,
    allocate_child,
    child_detail,
    child_print,
    meeting_attendance,
    pre_proceedings_fgdm,
)
from .people import home, staff_detail, team_detail
from .search import search_children
from .sign_off_settings import sign_off_setting_edit, sign_off_settings

__all__ = [
    "add_record_entry",
    "acknowledge_child_allocation",
    "allocate_child",
    "assessment_detail",
    "awaiting_sign_off",
    "child_detail",
    "child_print",
    "edit_version",
    "home",
    "meeting_attendance",
    "new_version",
    "pre_proceedings_fgdm",
    "review",
    "search_children",
    "sign_off_setting_edit",
    "sign_off_settings",
    "staff_detail",
    "start_assessment",
    "team_detail",
]
