"""The themes of managers' practice (W Appendix 1), each with the appendix's own wording.

Codes are stable (stored on every review answer); the wording is copied from
the appendix, one paragraph per string.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Theme:
    code: str
    title: str
    acceptable: tuple
    unacceptable: tuple


THEMES = (
    Theme(
        "auditing", "Auditing practice",
        (
            "Evidence of regular auditing of case records to ensure that practice standards are met routinely.",
            "Evidence of follow up of corrective action requirements arising from audits.",
        ),
        (
            "Little or no auditing of case records and practice.",
            "Little or no evidenced understanding of the quality of the service.",
        ),
    ),
    Theme(
        "quality", "Quality of Assessments, Plans and Reports",
        (
            "Evidence of managers' signatures/electronic equivalents.",
            "Evidence of management scrutiny of the quality of the work undertaken leading to good quality "
            "assessments with good outcomes for children.",
        ),
        (
            "Management sign off is tokenistic and does not show that work has been scrutinised or met required "
            "standards.",
            "Inadequate assessments being signed off by the manager.",
        ),
    ),
    Theme(
        "poor_performance", "Addressing poor performance",
        (
            "Evidence that appropriate steps are being taken to address poor or unacceptable performance of "
            "practitioners to bring about improvements.",
            "Timely use of formal procedures around improving performance.",
        ),
        (
            "Acceptance of practice that is below standards and an inability or unwillingness to tackle issues to "
            "bring about improvements.",
            "Continued use of informal measures where formal processes should be displayed.",
        ),
    ),
    Theme(
        "supervision", "Supervision: Contracts and frequency",
        (
            "Evidence that regular quality supervision is taking place with all staff within the supervision "
            "policy standards.",
            "Management advice and decisions are well evidenced and professionally sound.",
            "Recording of supervision demonstrates reflective practice.",
            "Supervision contract in place.",
        ),
        (
            "No evidence of regular supervision or it is sporadic and does not meet staff professional development "
            "needs and is not compliant with supervision policy.",
            "Little evidence of management decisions, advice appears confusing.",
            "No supervision contract in place.",
        ),
    ),
    Theme(
        "appraisal", "Annual Performance Appraisal",
        (
            "Evidence that annual performance appraisals take place within guidance and play an active part in the "
            "recognition and development of staff skills.",
        ),
        (
            "Annual performance appraisals do not happen, or are tokenistic and the opportunities they provide to "
            "develop staff are not utilised.",
        ),
    ),
    Theme(
        "development", "Support and Development of staff",
        ("Manager has a proactive approach to developing staff professional skills.",),
        ("Manager acts in a way that simply reacts to service demands and gives little attention to staff "
         "development.",),
    ),
    Theme(
        "good_practice", "Acknowledging and stretching good practice",
        ("Manager acknowledges and gives credit to good practice and promotes this within and outside the staff "
         "group.",),
        ("Good practice is not acknowledged or celebrated. Little attention is given to cultivating this within "
         "the staff group.",),
    ),
    Theme(
        "policy_research", "Policy, Research and Practice",
        ("Manager keeps up to date with key policy and uses this in practice and this is evidenced in the quality "
         "of the work undertaken.",),
        ("Policy, guidance and research are given little or no recognition in practice.",),
    ),
    Theme(
        "workloads", "Culture and Workloads",
        (
            "The manager ensures that the work demands are matched to the skills and abilities of staff members, "
            "and staff capacities and capabilities are defined and protected.",
            "This leads to good quality social work practice.",
        ),
        (
            "The manager does not match work demands to capacity and skills of the staff.",
            "This results in staff being exploited, overloaded and not working efficiently or effectively.",
        ),
    ),
    # The appendix prints this row without a theme heading; the title is ours.
    Theme(
        "communication", "Communication and team meetings",
        (
            "The manager ensures that good communication takes place within the staff group, and all staff are "
            "informed of important matters affecting their work.",
            "Regular staff meetings take place and are properly set up, chaired and recorded.",
            "Staff meetings have formal agendas and are fully minuted.",
        ),
        (
            "Communication arrangements are absent or sporadic.",
            "Staff meetings are poorly organised.",
            "Important developments and information are not shared with staff.",
            "No records of staff meetings.",
        ),
    ),
    Theme(
        "mutual_support", "Staff mutual support",
        ("The manager cultivates a staff group atmosphere that is mutually supportive and respectful, and an office "
         "atmosphere that is calm and purposeful, and one in which staff are focused to work.",),
        ("The manager oversees a staff group that is not supportive, where conflicts and disputes are allowed to "
         "fester, and where staff are unhappy working in the setting.",),
    ),
    Theme(
        "challenge", "Challenge and professional rigour",
        ("The manager sets an example as to how to conduct oneself as a professional, sets expectation of good "
         "practice that must be adhered to, and creates an atmosphere of professionalism.",),
        ("The manager is inconsistent and unprofessional in their conduct and sets a poor example of conduct.",),
    ),
)
BY_CODE = {theme.code: theme for theme in THEMES}
CHOICES = [(theme.code, theme.title) for theme in THEMES]
