"""Fictional wording for the demo's supervision records (see demo.py)."""

AGENDA = [
    "Caseload and priorities for the next fortnight",
    "Feedback from the core group meeting",
    "Court timetable and the statement due",
    "Training: signs of safety refresher",
    "Annual leave and cover",
    "A family who will not engage: ideas?",
    "Direct work tools for younger children",
    "Writing analysis in assessments",
]
PREPARATION = [
    "I want to talk about the two families where home visits keep failing, and about my court statement.",
    "Progress on the assessments is good; I am worried about one child's school attendance.",
    "I would like advice on direct work with a child who will not talk to me alone.",
]
REFLECTION = [
    "Talking through the no-access visits helped; I will plan unannounced visits with school.",
    "I left clearer about my priorities. I need to write up visits on the same day.",
    "Useful challenge on my analysis: I described what happened but not what it means for the child.",
]
RECORDS = [
    "Reviewed caseload and priorities. Discussed workload against capacity; agreed to pause one new allocation. "
    "Training on chronologies booked. Team policy on lone working re-shared.",
    "Discussed each case below. Reflected on the impact of the practitioner's work on the children's daily lives. "
    "Praised the quality of recent direct work; agreed development goal on analytical writing.",
    "Caseload steady. Talked about the emotional impact of a difficult visit and the support available. "
    "Agreed the next observation of practice will be on a home visit.",
]
DISCUSSIONS = [
    "Home conditions have improved since the last visit; the child said they feel safer. School attendance 87%.",
    "Mother missed two appointments. Father engaging. Need to see the child alone at school before the review.",
    "Placement stable; carer reports good sleep and routines. Contact with birth family going well.",
    "Young person has started college; pathway plan needs updating with accommodation options.",
    "Concerns about neglect persist: no food in the house at the last visit. Strategy discussion considered.",
    "Child's views recorded through drawings; they want to see their grandmother more.",
]
DECISIONS = [
    ("Step down to child in need at the next review.", "Risks reduced for three months; family engaging."),
    ("Convene a strategy discussion today.", "Repeated neglect and no access twice: threshold met."),
    ("Increase visits to weekly until the review.", "Concerns about home conditions need closer oversight."),
    ("Refer to the family group conference service.", "Wider family offer support; plan needs their voice."),
    ("Request a legal planning meeting.", "Plan not progressing; pre-proceedings to be considered."),
]
ACTIONS = [
    "See the child alone at school",
    "Update the chronology",
    "Book the core group meeting",
    "Write up the visit and share with the family",
    "Contact the health visitor for an update",
    "Complete the direct work session on wishes and feelings",
]
PERSONAL = {
    "workload": ["Manageable at the moment.", "Heavy this month with two court cases; one allocation paused."],
    "wellbeing": ["Feeling well supported by the team.", "Tired after a difficult visit; agreed a debrief."],
    "risk_to_practitioner": ["None identified.", "Lone working risk at one address: visit in pairs."],
    "training_needs": ["Court skills training.", "Analysis and assessment writing.", "Life-story work."],
    "strengths": ["Builds trust with teenagers quickly.", "Clear, child-focused recording."],
}
OBSERVATION_FEEDBACK = [
    "Warm and respectful with the family; explained the plan clearly. Next time, check the child's own words are "
    "recorded and agree the next visit before leaving.",
    "Skilled direct work using the three houses tool; the child engaged well. Develop: summarise concerns for "
    "the parents in plain language.",
    "Good challenge of the parents' account, done kindly. Develop: plan the visit's purpose with the child first.",
]
APPRAISAL = {
    "achievements": "Held a full caseload; assessments completed on time; positive feedback from two families.",
    "goals": "Lead a core group; complete the court skills course; mentor a newly qualified colleague.",
    "development_needs": "Analytical writing in assessments; confidence in giving evidence in court.",
}
CANCELLED = ["Supervisor off sick.", "Practitioner in court all day.", "Urgent child protection visit."]
MEETING_ACTIONS = [
    "Update chronologies before the audit",
    "Share the new escalation procedure with the duty workers",
    "Book the team's training on contextual safeguarding",
    "Check every looked-after child has a recent photo on file",
    "Bring the quarterly summaries up to date before the performance meeting",
]
MEETING_AGENDA = "1. Caseloads and allocation\n2. Performance: visits and chronologies\n3. Practice learning\n4. AOB"
MEETING_MINUTES = (
    "Caseloads reviewed against capacity. Visit timeliness at 92%; chronologies to be updated by Friday. "
    "Practice learning: presentation on seeing children alone. New lone-working procedure shared."
)

# Objectives (W 5): the demo social worker's own, with progress in supervision, and each team's.
OBJECTIVES = [
    ("Complete every child and family assessment within 45 working days",
     "All assessments signed off within timescale, with the child's voice in each.",
     "on_track", "Three of four on time; the fourth waits for the school's report, chased twice."),
    ("Complete life-story work with the two looked-after children on my caseload",
     "Each child has a life-story book they helped make, shared with their carers.",
     "some_concerns", "One book started; the second child's carers moved, so sessions restart next month."),
    ("Present a case study at the practice forum",
     "A 15-minute presentation on direct work with a teenager, with feedback gathered.",
     "on_track", "Booked for the spring forum; outline agreed in supervision."),
]
TEAM_OBJECTIVE = (
    "Every open child's chronology up to date within 10 working days of a significant event",
    "Chronologies current on every file sampled in the monthly audit.",
)
SUPPORT_RECORD = {
    "concern": "Two child and family assessments returned as requiring improvement: the analysis did not weigh "
               "the risks described, and the plans that followed were not SMART.",
    "underlying_issues": "Caseload above capacity for two months after a colleague left; a family bereavement.",
    "support_offered": "Fortnightly reflective supervision for three months; shadowing a senior practitioner on "
                       "two assessments; caseload reduced by three; the employee assistance programme offered.",
    "hr_stage": "informal",
    "hr_steps": "Informal meeting held with an HR adviser; support plan agreed in writing; review in six weeks.",
}

# Training, CPD and induction (issue 20).
SUPERVISION_SKILLS_COURSE = "Reflective supervision: skills for supervisors (3 days)"
SAFEGUARDING_COURSE = ("Contextual safeguarding and exploitation", "Certificate held by learning and development")
CPD_ENTRIES = [
    ("Practice learning session on neglect: the graded care profile",
     "I now use the profile with families to agree what good enough care looks like, not only to score it.", 2),
    ("Read the national review into child protection in England",
     "Brought the emphasis on multi-agency information sharing into my next core group; agreed a shared log.", 3),
    ("Shadowed an independent reviewing officer at two child looked after reviews",
     "Saw how the child's views lead the meeting; I now prepare children with a short 'what I want' sheet.", 4),
]

# Visible leadership (W 6): (days ago, who, kind, which of the head of service's teams, note). "all" is every one.
LEADERSHIP_VISITS = [
    (9, "headofservice", "office_visit", [0],
     "Spent the morning with the duty desk. Contacts are being screened the same day; two workers asked for more "
     "time to read records before home visits. Agreed with the team manager to protect Friday mornings."),
    (16, "director", "briefing", "all",
     "Briefing on the new family help model and what it means for caseloads. Questions about agency cover were "
     "taken away; answers to go out in the next all-staff update."),
    (23, "headofservice", "team_meeting", [1],
     "Attended the team meeting. Heard how the team is managing while two posts are vacant; agreed to ask for a "
     "senior practitioner's help with supervision for a month."),
    (38, "director", "office_visit", [0, 1],
     "Open session in the office: staff raised parking and the lone-working app. Both passed to the head of "
     "service with a date to report back."),
    (44, "headofservice", "office_visit", [1],
     "Sat in on allocation. Allocation records now say why the worker has the skills for the child; good to see."),
    (51, "headofservice", "team_meeting", [0],
     "Attended the team meeting; thanked the team for the audit results and heard ideas for the chronology tool."),
    (72, "director", "briefing", "all",
     "Engagement session on the Ofsted focused visit findings and the learning from the last case review."),
]
