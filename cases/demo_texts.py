"""The demo children's stories: what is written about each child fits their age, category and home.

A child's story (who they live with, the main worry, their school and interests)
comes from a generator seeded by their local identifier, so the records, the
supervision case discussions and the audits all tell the same story about them.
Texts are chosen by age band (baby, 1-4, 5-11, 12-15, 16-17, care leaver) and
by where the child lives: life-story work only for children in or leaving care,
independence and pathway plans only from 16, school and friends from 5.
"""
import random
from dataclasses import dataclass

from .models import Category, Ethnicity, Gender

BABY, EARLY, SCHOOL, TEEN, OLDER, LEAVER = "baby", "early", "school", "teen", "older", "leaver"
HOME, FOSTER, KINSHIP, RESIDENTIAL = "home", "foster", "kinship", "residential"
STAYING_PUT, LODGINGS, SUPPORTED, FLAT = "staying_put", "lodgings", "supported", "flat"
IN_CARE = (FOSTER, KINSHIP, RESIDENTIAL)


def band_for(age):
    if age < 1:
        return BABY
    if age < 5:
        return EARLY
    if age < 12:
        return SCHOOL
    if age < 16:
        return TEEN
    return OLDER if age < 18 else LEAVER


def _group(band):
    """Texts that vary less finely than the bands: young children, primary age, teenagers and older."""
    return {BABY: "young", EARLY: "young", SCHOOL: "school"}.get(band, "teen")


def _pick(value, band, variant=0):
    """A text for the band; of a list of alternatives, the child's own (`variant`), so it never changes."""
    value = value[_group(band)] if isinstance(value, dict) else value
    return value[variant % len(value)] if isinstance(value, list) else value


# --- the main worry, by category ------------------------------------------------
# Each: bands it fits; referral (source, summary); worry and lived experience for the analysis;
# the plan's focus; SMART actions (what, who, days, how we will know); later chronology events;
# lines for case discussions in supervision; a manager's decision (decision, rationale).
# A value may be a dict by group (young, school, teen) where the words differ with age.

ALL = (BABY, EARLY, SCHOOL, TEEN, OLDER)
CONCERNS = {
    "routines": dict(
        bands=(EARLY, SCHOOL),
        referral={
            "young": ("Health visitor", "Health visitor asked for family support: {name}'s sleep and mealtimes "
                                        "have no routine and the family are overwhelmed."),
            "school": ("School", "School asked for early help: {name} arrives late most days and is tired in lessons."),
        },
        worry="mornings and bedtimes have little routine, so {name} is tired and often late",
        lived="{name} goes to bed when the adults do, often after ten, and wakes tired and grumpy.",
        focus="a simple bedtime and morning routine the family can keep going",
        actions=[
            ("Agree a bedtime routine chart with {parent} and {name}", "Family support worker", 14,
             "Chart in use; {name} asleep by 8pm on five nights a week"),
            ("Place for {parent} on the Triple P parenting group", "Family support worker", 42,
             "Six of the eight sessions attended"),
            ("Review the routine at the team around the family meeting", "Early help worker", 28,
             "Meeting held; sleep diary shows the routine kept"),
        ],
        events=[
            ("other", "Early help", "Team around the family meeting: routine chart agreed."),
            ("family", "{Parent}", "{Parent} said mornings are calmer since the chart went up."),
        ],
        discussions=["Bedtime chart is on the fridge; {name} was asleep by eight on four nights last week.",
                     "The routine slips at weekends; the support worker will visit on a Sunday."],
        decision=("Step down to universal services at the next review if the routine holds.",
                  "Routine kept for six weeks; school reports {name} is on time and less tired."),
    ),
    "attendance": dict(
        bands=(SCHOOL, TEEN),
        referral=("School", "Attendance officer referral: {name}'s attendance has fallen to 78% this term."),
        worry={"school": "{name} is missing school, mostly Mondays and Fridays, and falling behind with reading",
               "teen": "{name} is missing school, mostly Mondays and Fridays, and falling behind in maths and English"},
        lived="{name} says {they} feels left out at {school} because {they} misses so much.",
        focus="getting {name} to {school} every day and back on track with friends and learning",
        actions=[
            ("Fortnightly attendance check-in between {school} and the family", "School attendance lead", 28,
             "Attendance above 90% by half term"),
            ("Morning wake-up plan agreed with {name}", "Early help worker", 14, "{name} on time four days in five"),
            ("Catch-up reading sessions twice a week", "{school}", 42, "Reading age re-tested at half term"),
        ],
        events=[
            ("education", "{school}", "Attendance this half term up to 86%."),
            ("education", "{school}", "Attendance meeting with {parent} and the head of year."),
        ],
        discussions=["Attendance up from 78% to 88%; {name} says the wake-up plan helps.",
                     "Still missing Mondays; {name} says {they} worries about {parent} on Monday mornings."],
        decision=("Continue early help for six more weeks.", "Attendance improving but not yet above 90%."),
    ),
    "behaviour": dict(
        bands=(SCHOOL, TEEN),
        referral=("School", "School referral: {name} has had three angry outbursts in class and a two-day exclusion."),
        worry="{name}'s anger at home and at school seems to follow {their} parents' separation",
        lived="{name} says nobody listens until {they} shouts, and then {they} gets into trouble.",
        focus="helping {name} manage big feelings and spend calm time with {parent}",
        actions=[
            ("Six sessions with the school's emotional literacy assistant", "{school}", 42,
             "Sessions held; fewer incidents in the behaviour log"),
            ("One family activity a week that {name} chooses", "Early help worker", 28, "Activity diary kept"),
            ("Referral to the family counselling service", "Early help worker", 14, "First appointment offered"),
        ],
        events=[
            ("education", "{school}", "Two-day exclusion after a fight at break time."),
            ("other", "Early help", "Team around the family meeting: calm-down plan agreed with {name}."),
        ],
        discussions=["No exclusions this half term; {name} used the calm-down card twice.",
                     "Outbursts mostly on the days after seeing dad; explore with both parents."],
        decision=("Continue with early help; review in eight weeks.", "Incidents reducing; family fully engaged."),
    ),
    "new_parent": dict(
        bands=(BABY,),
        referral=("Midwife", "Midwife asked for support: {parent} is a first-time parent, has low mood and "
                             "no family nearby."),
        worry="{parent} has little support nearby and low mood since the birth, though {name}'s physical care is good",
        lived="{name} is fed and changed on time, but spends long stretches in the car seat or the cot.",
        focus="building {parent}'s confidence and support network, and play and closeness with {name}",
        actions=[
            ("Weekly home visit from the family support worker for eight weeks", "Family support worker", 56,
             "Visits held; feeding and sleep diary shared"),
            ("Place at the baby group at the family hub", "Early help worker", 14,
             "{name} and {parent} attend at least twice a month"),
            ("GP review of {parent}'s low mood", "Health visitor", 14, "Appointment attended"),
        ],
        events=[
            ("health", "Health visitor", "New birth visit: {name} feeding well, weight on the 25th centile."),
            ("health", "GP", "{Parent} started on treatment for post-natal depression."),
        ],
        discussions=["{Parent} has been to baby group twice and made a friend there; more floor play with {name}.",
                     "Health visitor says {name} is gaining weight well; {parent} less anxious."],
        decision=("Close to early help and hand over to the health visitor.", "Mood improved; support network built."),
    ),
    "housing": dict(
        bands=ALL,
        referral=("Housing officer", "Housing officer referral: the family share a damp one-bedroom flat and "
                                     "are in rent arrears."),
        worry=["the family live in a damp, overcrowded one-bedroom flat and money is very tight",
               "the damp, overcrowded flat is making {name} ill and the rent arrears keep growing",
               "the family face eviction from their damp one-bedroom flat over rent arrears"],
        lived={"young": "{name} sleeps in {parent}'s room; there is black mould on the wall by the cot.",
               "school": "{name} shares a bed with a brother and has nowhere quiet to read.",
               "teen": "{name} sleeps on the sofa and avoids bringing friends home."},
        focus="a move to a suitable home and help with money",
        actions=[
            ("Support the housing transfer application with medical evidence", "Social worker", 21,
             "Application accepted at band B"),
            ("Referral to welfare rights for a benefits check", "Social worker", 14, "Benefits check completed"),
            ("Apply to the household support fund for beds and bedding", "Family support worker", 7,
             "Beds delivered"),
        ],
        events=[
            ("other", "Housing", "Housing transfer application accepted at band B."),
            ("family", "{Parent}", "Landlord served notice; family worried about eviction."),
        ],
        discussions=["Beds delivered; {name} now has {their} own bed. Transfer still pending.",
                     "Rent arrears repayment plan agreed; the family less stressed."],
        decision=("Ask housing for an urgent move on medical grounds.", "Damp is affecting {name}'s asthma."),
    ),
    "parent_mental_health": dict(
        bands=ALL,
        referral=("GP", "GP referral: {parent} has severe depression and is struggling to manage day to day."),
        worry=["{parent}'s depression means there are days when nobody gets up and {name} goes without",
               "{parent}'s depression has deepened since a bereavement and {name} is often left to get on with things",
               "{parent} stopped taking medication for depression in the summer and days at home have become "
               "chaotic"],
        lived={"young": "On bad days {name} stays in the flat all day with the television on.",
               "school": "On bad days {name} gets {self} ready for school and makes toast for tea.",
               "teen": "On bad days {name} looks after the house and misses school to keep {parent} company."},
        focus="treatment for {parent} and a plan for bad days so {name} is cared for",
        actions=[
            ("Referral to the community mental health team", "GP and social worker", 14,
             "Appointment offered and attended"),
            ({"young": "Agree who steps in to care for {name} on a bad day",
              "school": "Agree with {name} who {they} can call on a bad day",
              "teen": "Agree with {name} who {they} can call on a bad day"},
             "Social worker", 7, "Bad-day plan written and shared with the family"),
            ("Family support worker visits twice a week", "Family support worker", 28, "Visit log kept"),
        ],
        events=[
            ("health", "Community mental health team", "{Parent} seen by the mental health team; medication changed."),
            ("family", "Grandma", "Grandma has agreed to stay over on bad days."),
        ],
        discussions=["{Parent} has started treatment and seems brighter; the bad-day plan was used once.",
                     "Two bad weeks; grandma stepped in as agreed. {name} seen alone and coping."],
        decision=("Continue the child in need plan; review in three months.",
                  "Treatment has started and the bad-day plan works; {name}'s needs are being met."),
    ),
    "disability": dict(
        bands=(EARLY, SCHOOL, TEEN, OLDER),
        referral=("Paediatrician", "Paediatrician referral: {name} has autism and severe learning difficulties; "
                                   "the family are exhausted and asking for a break."),
        worry=["{name}'s autism means {they} needs watching all the time and sleeps little, and the family have "
               "had no break in two years",
               "{name}'s autism means {they} sleeps three or four hours a night and the family are exhausted",
               "{name} has autism and no sense of danger: {they} has run into the road twice this year"],
        lived="{name} relies on pictures and routine; a change in the day can lead to an hour-long meltdown.",
        focus="short breaks for the family and the right support for {name} at home and at {school}",
        actions=[
            ("Short breaks assessment for overnight respite", "Disabled children's team", 28,
             "Short breaks agreed at panel"),
            ("Occupational therapy home assessment", "Occupational therapist", 42,
             "Safety adaptations agreed and ordered"),
            ("Review the education, health and care plan with {school}", "SEND officer", 56, "Annual review held"),
        ],
        events=[
            ("health", "Paediatrician", "Sleep clinic appointment; melatonin prescribed."),
            ("other", "Short breaks panel", "Two overnight short breaks a month agreed."),
        ],
        discussions=["First overnight short break went well; {parent} slept through for the first time in months.",
                     "{name} communicates with picture cards; saw {them} alone using the cards at school."],
        decision=("Agree short breaks and review the plan in three months.",
                  "Family at breaking point without a break; {name} safe and well cared for."),
    ),
    "young_carer": dict(
        bands=(SCHOOL, TEEN, OLDER),
        referral=("School", "School referral: {name} is often absent to look after {parent}, who has "
                            "multiple sclerosis."),
        worry="{name} cares for {parent}, who has MS, and is missing school and time with friends",
        lived="{name} does the shopping, cooking and {parent}'s tablets before school.",
        focus="adult care for {parent} so {name} can be a child again",
        actions=[
            ("Young carers' assessment and a place at the young carers' group", "Young carers service", 21,
             "Assessment done; {name} goes to the group"),
            ("Adult social care assessment of {parent}'s needs", "Adult social care", 28,
             "Care package in place for mornings"),
            ("School to give {name} a named adult and homework club", "{school}", 14, "Named adult in place"),
        ],
        events=[
            ("other", "Adult social care", "Carers now visit {parent} every morning."),
            ("education", "{school}", "{name} now has a named adult at {school} to talk to."),
        ],
        discussions=["Morning carers started; {name} has been on time every day since.",
                     "{name} went to the young carers' trip and talked about it all visit."],
        decision=("Continue the child in need plan until the care package is settled.",
                  "{name} no longer the main carer, but the package is new."),
    ),
    "conflict": dict(
        bands=(TEEN, OLDER),
        referral=("Police", "Police report: {name} was reported missing overnight after an argument at home."),
        worry="arguments at home have escalated and {name} has stayed out overnight twice",
        lived="{name} spends most evenings in {their} room or out with older friends to avoid the rows.",
        focus="safer, calmer relationships at home and a trusted adult for {name}",
        actions=[
            ("Return home interview after any missing episode", "Missing persons worker", 3,
             "Interview within 72 hours of each episode"),
            ("Family mediation sessions", "Family mediation service", 42, "Four sessions attended"),
            ("Youth worker to meet {name} weekly", "Youth service", 28, "Sessions recorded"),
        ],
        events=[
            ("police", "Police", "{name} reported missing overnight; found at a friend's house."),
            ("family", "{Parent}", "{Parent} said there have been fewer rows since mediation started."),
        ],
        discussions=["No missing episodes this month; two mediation sessions attended.",
                     "{name} stayed out again on Saturday; return interview done, says {they} was at a friend's."],
        decision=("Continue the plan; youth worker to stay involved.", "Missing episodes reducing; risk still there."),
    ),
    "neglect": dict(
        bands=ALL,
        referral={
            "young": ("Health visitor", "Health visitor referral: {name} has missed immunisations and the home "
                                        "is dirty with no safe place to sleep."),
            "school": ("School", "School referral: {name} is often hungry, has head lice and wears the same "
                                 "uniform all week."),
            "teen": ("School", "School referral: {name} says there is no food at home and has missed a third "
                               "of the term."),
        },
        worry={"young": "{name}'s basic care is not reliable: missed health appointments, a dirty home and no routine",
               "school": "{name}'s basic care is not reliable: {they} is often hungry, unwashed and late",
               "teen": "{name} is largely looking after {self}: little food in the house and nobody checking "
                       "on school"},
        lived={"young": "{name} spends much of the day in a cot with a bottle propped up; nappies are left too long.",
               "school": "{name} often has crisps for tea and goes to school in dirty uniform.",
               "teen": "{name} buys {their} own food with money from a Saturday job and gets {self} up."},
        focus="consistent basic care: food, warmth, hygiene, health appointments and school",
        actions=[
            ("Unannounced home visits weekly to check food, warmth and sleeping arrangements", "Social worker", 28,
             "Food in the home at four visits in four"),
            ({"young": "Bring {name}'s immunisations and development checks up to date",
              "school": "Breakfast club place and a daily check-in with a trusted adult at {school}",
              "teen": "Weekly budget and shopping plan with {parent}"},
             {"young": "Health visitor", "school": "{school}", "teen": "Family support worker"}, 42,
             {"young": "Immunisations recorded as complete", "school": "{name} at breakfast club four days in five",
              "teen": "Food in the house at each visit"}),
            ("Core group to review progress every four weeks", "Social worker", 28, "Core group minutes on file"),
        ],
        events=[
            ("strategy", "Police and health", "Strategy discussion: section 47 enquiry agreed."),
            ("conference", "Child protection conference", "Initial conference: child protection plan for neglect."),
            ("health", "Health visitor", "Missed two health appointments."),
        ],
        discussions=["Food in the cupboards at the last three visits; home cleaner. {name} seen alone.",
                     "Home conditions slipped again after {parent}'s benefits stopped; food bank voucher given."],
        decision=("Continue the child protection plan; core group in four weeks.",
                  "Some improvement in home conditions, not yet sustained for three months."),
    ),
    "domestic_abuse": dict(
        bands=ALL,
        referral=("Police", "Police notification: domestic incident at the home; {name} was in the house."),
        worry=["{name} has lived with domestic abuse by mum's ex-partner, who still turns up at the home",
               "mum's ex-partner has broken the non-molestation order twice, once in front of {name}",
               "mum has gone back to the ex-partner twice after incidents in front of {name}"],
        lived={"young": "{name} startles at loud voices and clings to mum when the door goes.",
               "school": "{name} listens at the top of the stairs and worries about mum while at school.",
               "teen": "{name} says {they} has stepped in to protect mum and does not like leaving her alone."},
        focus="keeping mum and {name} safe from the ex-partner and helping {name} feel safe again",
        actions=[
            ("Place on the Freedom Programme for mum", "Domestic abuse service", 28, "Place offered and started"),
            ("Safety plan with mum: who to call and a code word", "Social worker", 7,
             "Safety plan written; copy with the school or nursery"),
            ({"young": "Referral to the under-fives domestic abuse play service",
              "school": "Direct work with {name} on feelings and safety",
              "teen": "Referral to the young people's domestic abuse worker"},
             {"young": "Social worker", "school": "Social worker", "teen": "Domestic abuse service"}, 42,
             "Four sessions completed and recorded"),
        ],
        events=[
            ("strategy", "Police and health", "Strategy discussion after the domestic incident."),
            ("police", "Police", "Non-molestation order granted against the ex-partner."),
            ("conference", "Child protection conference", "Initial conference: plan for emotional abuse."),
        ],
        discussions=["Mum has started the Freedom Programme; no police call-outs this month.",
                     "Ex-partner seen near the house; police aware, safety plan reviewed with mum."],
        decision=("Continue the child protection plan; review conference as planned.",
                  "Mum is engaging and the order is in place; risk from the ex-partner remains."),
    ),
    "substance": dict(
        bands=ALL,
        referral=("Ambulance service", "Ambulance called: {parent} found unconscious after drinking while "
                                       "{name} was at home."),
        worry=["{parent}'s drinking means care is unpredictable, especially at weekends",
               "{parent} drinks from late morning and is often asleep when {name} needs care",
               "{parent}'s drinking has led to two police call-outs and {name} is frightened at weekends"],
        lived={"young": "{name} has been left with a neighbour late at night while {parent} was out drinking.",
               "school": "{name} has learned to stay quiet and keep out of the way when {parent} has been drinking.",
               "teen": "{name} hides the bottles and covers for {parent} with school."},
        focus="{parent}'s recovery and a safe adult for {name} whenever {parent} has been drinking",
        actions=[
            ("Attend the alcohol service, with breath tests at each appointment", "Alcohol service", 28,
             "Attendance and results shared fortnightly"),
            ("Named family member to care for {name} if {parent} has been drinking", "Social worker", 7,
             "Written agreement signed by the family"),
            ("Unannounced weekend visits", "Social worker", 28, "Visit notes"),
        ],
        events=[
            ("health", "Alcohol service", "{Parent} started a community detox."),
            ("conference", "Child protection conference", "Initial conference: plan for neglect."),
            ("family", "Grandparents", "Grandparents have agreed to have {name} every weekend."),
        ],
        discussions=["{Parent} has kept four of five alcohol service appointments; tests clear.",
                     "Relapse at the weekend; grandparents stepped in as agreed and {name} was safe."],
        decision=("Request a legal planning meeting.", "Third relapse in the plan; pre-proceedings to be considered."),
    ),
    "injury": dict(
        bands=(BABY, EARLY, SCHOOL),
        referral=("Hospital", "Hospital referral: {name} has a bruise to the cheek that nobody can explain."),
        worry="{name} had an unexplained bruise; the child protection medical found it likely to be inflicted "
              "and the explanation has changed twice",
        lived="{name} is cared for under a safety plan, with grandma supervising all time with dad.",
        focus="an explanation for the injury and a safety plan that keeps {name} safe meanwhile",
        actions=[
            ("Safety plan: all contact with dad supervised by grandma", "Social worker", 7,
             "Safety plan signed; checked at each visit"),
            ("Parenting assessment of both parents", "Social worker", 56, "Assessment completed"),
            ("Health visitor or school nurse to check {name} weekly", "Health", 28, "Weekly checks recorded"),
        ],
        events=[
            ("strategy", "Police and health", "Strategy discussion: joint section 47 enquiry."),
            ("health", "Hospital", "Child protection medical: bruising likely non-accidental."),
            ("conference", "Child protection conference", "Initial conference: plan for physical abuse."),
        ],
        discussions=["Safety plan holding; grandma present at all of dad's time with {name}.",
                     "Police investigation continues; parenting assessment half done."],
        decision=("Continue the safety plan until the parenting assessment is finished.",
                  "No explanation yet; the plan keeps {name} safe."),
    ),
    "exploitation": dict(
        bands=(TEEN, OLDER),
        referral=("Police", "Police found {name} in another town with older males and cash: county lines concerns."),
        worry="{name} is being drawn into carrying drugs for older males and has been missing four times",
        lived="{name} has new trainers and two phones, and comes home after midnight.",
        focus="disrupting the exploitation and helping {name} into things {they} enjoys",
        actions=[
            ("Referral to the exploitation panel and a youth worker", "Social worker", 14,
             "Discussed at panel; youth worker allocated"),
            ("Return home interview after every missing episode", "Missing persons worker", 3,
             "Interview within 72 hours of each episode"),
            ("Place at the boxing club with the youth worker", "Youth service", 21, "Attends weekly"),
        ],
        events=[
            ("police", "Police", "{name} found in a flat in another town; taken home."),
            ("strategy", "Police and exploitation team", "Strategy discussion: child criminal exploitation."),
            ("conference", "Child protection conference", "Initial conference: plan for exploitation."),
        ],
        discussions=["Missing once this month, back the same night; youth worker building trust.",
                     "Police disruption at the address {name} was found; {name} angry but safe."],
        decision=("Discuss at the exploitation panel this week.", "Risk rising: two missing episodes in a week."),
    ),
    # Children in care: what the plan is working on now.
    "stability": dict(
        bands=ALL,
        referral=None,
        worry="{name} has had two moves in a year and needs this home to last",
        lived="{name} is settling with {carer}: has {their} own room now and chose the colour of the walls.",
        focus="a stable home with {carer} and support for the placement",
        actions=[
            ("Placement stability meeting with {carer} and {school}", "Social worker", 21,
             "Meeting held; support plan agreed"),
            ("Fortnightly support for {carer}", "Fostering or residential manager", 28, "Support visits recorded"),
            ("Therapeutic parenting advice from the looked-after children's psychologist", "Social worker", 42,
             "Consultation held"),
        ],
        events=[
            ("placement", "Placements team", "Moved to {carer}; planned move after a matching meeting."),
            ("conference", "Looked-after review", "Looked-after review: plan to remain with {carer}."),
        ],
        discussions=["Placement settled; {carer} says {name} is sleeping better.",
                     "Wobble after a difficult contact; stability meeting booked."],
        decision=("Placement to continue; ask the IRO to bring the review forward.", "Good progress since the move."),
    ),
    "contact": dict(
        bands=ALL,
        referral=None,
        worry="family time with {parent} matters hugely to {name}, but {parent} missed three of the last "
              "six sessions",
        lived="{name} waits by the window on family-time days and is unsettled when nobody comes.",
        focus="reliable family time that {name} can look forward to",
        actions=[
            ("Review the family time plan with {parent}, {carer} and {name}", "Social worker", 28,
             "Plan agreed; attendance recorded"),
            ("{Parent} to confirm each session the day before", "Family time service", 14,
             "No session missed without notice"),
            ("Letterbox or video calls with brothers and sisters", "Social worker", 21, "Monthly calls held"),
        ],
        events=[
            ("family", "Family time service", "{Parent} missed family time without notice."),
            ("conference", "Looked-after review", "Looked-after review: family time reduced to fortnightly."),
        ],
        discussions=["{Parent} came to every session since confirming the day before; {name} happier.",
                     "{name} upset after family time was cancelled again; review the plan."],
        decision=("Family time to stay fortnightly and be confirmed the day before.",
                  "{name} is upset by missed sessions; reliability matters more than frequency."),
    ),
    "education": dict(
        bands=(SCHOOL, TEEN, OLDER),
        referral=None,
        worry="{name} is behind at {school} after moving schools, and needs help to catch up",
        lived="{name} is doing homework at the kitchen table and says maths is the hardest.",
        focus="{name}'s learning, with the personal education plan and extra tutoring",
        actions=[
            ("Personal education plan review with the virtual school", "Designated teacher", 28,
             "Plan reviewed; tutoring funded"),
            ("Weekly maths tutoring", "Virtual school", 42, "Progress test at half term"),
            ("{carer} to attend parents' evening", "Social worker", 21, "Attended; notes shared"),
        ],
        events=[
            ("education", "Virtual school", "Personal education plan reviewed; tutoring agreed."),
            ("education", "{school}", "{name} moved up a set in maths."),
        ],
        discussions=["PEP reviewed; tutoring started and {name} enjoys it.",
                     "{school} reports {name} is making friends and concentrating better."],
        decision=("Fund tutoring through the pupil premium plus.", "Gap closing; {name} motivated."),
    ),
    "health": dict(
        bands=ALL,
        referral=None,
        worry="{name} came into care behind with health checks and has teeth that need treatment",
        lived="{name} is eating well with {carer} and has grown out of all {their} clothes.",
        focus="{name}'s health: checks, dentist and emotional wellbeing",
        actions=[
            ("Annual health assessment", "Looked-after children's nurse", 42, "Assessment completed"),
            ("Dentist appointment and treatment", "{carer}", 28, "Treatment finished"),
            ("Strengths and difficulties questionnaire with {carer}", "Social worker", 21, "Score on file"),
        ],
        events=[
            ("health", "Looked-after children's nurse", "Review health assessment completed."),
            ("health", "Dentist", "Two fillings done; next check in six months."),
        ],
        discussions=["Health assessment done; dental treatment finished.",
                     "{carer} worried about {name}'s sleep; referral for advice agreed."],
        decision=("Referral to the looked-after children's psychology service.", "{name}'s sleep and worries."),
    ),
    "missing": dict(
        bands=(TEEN, OLDER),
        referral=None,
        worry="{name} has been missing overnight three times, with older friends nobody at home knows",
        lived="{name} stays in {their} room until late afternoon and then goes out with friends.",
        focus="keeping {name} safe when {they} goes out and understanding where {they} goes",
        actions=[
            ("Return home interview after every missing episode", "Missing persons worker", 3,
             "Interview within 72 hours of each episode"),
            ("Agree a going-out plan with {name} and {carer}", "Social worker", 7, "Plan agreed and used"),
            ("Share intelligence with the police and the exploitation team", "Social worker", 7, "Shared"),
        ],
        events=[
            ("police", "Police", "{name} reported missing; returned the next morning."),
            ("other", "Missing persons worker", "Return home interview completed."),
        ],
        discussions=["One missing episode this month, returned by curfew the next night; interview done.",
                     "{name} is using the going-out plan and texting {carer}."],
        decision=("Going-out plan to continue; refer to the exploitation panel if missing again.",
                  "Fewer episodes, but still with unknown older friends."),
    ),
    "independence": dict(
        bands=(OLDER,),
        referral=None,
        worry="{name} turns 18 soon and needs practical skills and a home to move on to",
        lived="{name} cooks one meal a week with {carer} and is learning to manage a bank card.",
        focus="{name}'s pathway plan: independence skills, money and where {they} will live at 18",
        actions=[
            ("Pathway plan written with {name} and the personal adviser", "Social worker and personal adviser", 42,
             "Pathway plan agreed and signed by {name}"),
            ("Weekly cooking and budgeting with {carer}", "{carer}", 28,
             "{name} cooks a meal and keeps to a weekly budget"),
            ("Staying-put or supported accommodation decision", "Social worker", 56, "Decision recorded"),
        ],
        events=[
            ("conference", "Looked-after review", "Review: pathway plan agreed; personal adviser introduced."),
            ("other", "Leaving care team", "Personal adviser met {name} for the first time."),
        ],
        discussions=["Pathway plan agreed; {name} wants to stay put after 18.",
                     "{name} met the personal adviser and opened a bank account."],
        decision=("Agree staying put beyond 18.", "{name} and {carer} both want it; independence skills growing."),
    ),
    # Care leavers (18 and over).
    "accommodation": dict(
        bands=(LEAVER,),
        referral=None,
        worry="{name}'s tenancy is at risk: rent arrears and complaints about noise",
        lived="{name} lives on noodles at the end of the month and the electric meter often runs out.",
        focus="keeping {name}'s home: rent, bills and neighbours",
        actions=[
            ("Rent arrears plan with housing", "Personal adviser", 14, "Plan agreed; payments made"),
            ("Tenancy support worker weekly", "Housing support", 28, "Visits recorded"),
            ("Pathway plan review", "Personal adviser", 42, "Pathway plan updated"),
        ],
        events=[
            ("other", "Housing", "Notice of seeking possession for rent arrears."),
            ("other", "Leaving care team", "Pathway plan reviewed with {name}."),
        ],
        discussions=["Arrears plan agreed; first two payments made.",
                     "{name} asked for help with a noise complaint; mediation offered."],
        decision=("Pay the arrears from the leaving care fund on condition of the plan.",
                  "Losing the tenancy would set {name} back badly."),
    ),
    "eet": dict(
        bands=(LEAVER,),
        referral=None,
        worry="{name} left college in the first term and has been out of work since",
        lived="{name} sleeps late, plays games at night and says the days feel long.",
        focus="getting {name} into training or work {they} wants",
        actions=[
            ("Referral to the care leavers' employment coach", "Personal adviser", 14, "First meeting held"),
            ("Apply for the council's care leaver apprenticeship", "Personal adviser", 28, "Application sent"),
            ("Pathway plan review", "Personal adviser", 42, "Pathway plan updated"),
        ],
        events=[
            ("education", "College", "{name} withdrew from the course."),
            ("other", "Leaving care team", "Pathway plan reviewed: employment coach agreed."),
        ],
        discussions=["{name} went to the employment coach and is applying for apprenticeships.",
                     "Missed two meetings; texted and visited, {name} says {they} will go next week."],
        decision=("Fund a short course in construction skills.", "{name} asked for it and it leads to work."),
    ),
    "money": dict(
        bands=(LEAVER,),
        referral=None,
        worry="{name} is in debt to a catalogue and a loan company and runs out of money every month",
        lived="{name} borrows from friends by the middle of the month.",
        focus="a budget {name} can keep and help with debts",
        actions=[
            ("Debt advice appointment", "Personal adviser", 14, "Attended; plan agreed"),
            ("Weekly budget set up with {name}", "Personal adviser", 7, "Budget written"),
            ("Pathway plan review", "Personal adviser", 42, "Pathway plan updated"),
        ],
        events=[
            ("other", "Debt advice", "Debt relief plan agreed."),
            ("other", "Leaving care team", "Pathway plan reviewed with {name}."),
        ],
        discussions=["Debt plan agreed; {name} kept to the budget this month.",
                     "New loan taken out; talked through the risks."],
        decision=("Leaving care grant for essentials, paid to suppliers.", "Money management still fragile."),
    ),
    "wellbeing": dict(
        bands=(LEAVER,),
        referral=None,
        worry="{name} has felt low since moving into {their} own place and is lonely in the evenings",
        lived="{name} spends most evenings alone and says {they} misses having people around.",
        focus="{name}'s emotional wellbeing and people to spend time with",
        actions=[
            ("GP appointment about low mood", "Personal adviser", 14, "Attended"),
            ("Care leavers' social group on Thursdays", "Personal adviser", 21, "Attends twice a month"),
            ("Pathway plan review", "Personal adviser", 42, "Pathway plan updated"),
        ],
        events=[
            ("health", "GP", "{name} prescribed antidepressants and referred for talking therapy."),
            ("other", "Leaving care team", "Pathway plan reviewed with {name}."),
        ],
        discussions=["{name} went to the social group and enjoyed it.",
                     "Low this month; GP appointment booked together."],
        decision=("Increase keeping in touch to weekly for a month.", "{name} is low and isolated."),
    ),
}
CONCERNS_BY_CATEGORY = {
    Category.EARLY_HELP: ["routines", "attendance", "behaviour", "new_parent", "housing"],
    Category.CHILD_IN_NEED: ["parent_mental_health", "disability", "young_carer", "conflict", "housing"],
    Category.CHILD_PROTECTION: ["neglect", "domestic_abuse", "substance", "injury", "exploitation"],
    Category.LOOKED_AFTER: ["stability", "contact", "education", "health", "missing", "independence"],
    Category.CARE_LEAVER: ["accommodation", "eet", "money", "wellbeing"],
}
REASONS_FOR_CARE = ["neglect at home", "domestic abuse at home", "{parent}'s drinking", "{parent}'s mental illness"]
TEEN_REASONS = ["{their} relationship with {parent} breaking down", "exploitation outside the home"]

# --- people and places -----------------------------------------------------------

ADULT_NAMES = "Jan Pete Sue Dave Karen Mo Shirley Tony Anita Raj Bev Gary Lorraine Des Femi Carol".split()
RELATIVES = [("aunt Shona", "Aunt Shona"), ("nan", "Nan"), ("grandad", "Grandad"), ("uncle Dev", "Uncle Dev"),
             ("older sister Kelly", "Kelly"), ("aunt Precious", "Aunt Precious")]
CHILDREN_HOMES = ["Oakfield House", "Beech Lodge", "Willow Court"]
NURSERIES = ["Little Acorns nursery", "Sunflower pre-school", "Meadow Lane nursery"]
PRIMARIES = ["St Anne's Primary", "Meadow Lane Primary", "Brook Street Primary", "Holy Cross Primary",
             "Greenfield Primary"]
SECONDARIES = ["Northfield Academy", "St Bede's High", "Castle Hill School", "Riverside Academy"]
COLLEGES = ["Riverside College", "Castle Hill sixth form", "the town's FE college"]
INTERESTS = {
    BABY: ["bath time", "being sung to"],
    EARLY: ["dinosaurs", "the park", "bubbles", "drawing", "trains", "Peppa Pig"],
    SCHOOL: ["football", "drawing", "Minecraft", "swimming", "dancing", "Lego", "gymnastics"],
    TEEN: ["boxing", "music", "gaming", "drama", "basketball", "art", "hair and beauty"],
    OLDER: ["music production", "the gym", "cooking", "driving lessons", "football", "photography"],
    LEAVER: ["the gym", "music", "cooking", "football", "gaming"],
}
PARENTS = {
    BABY: ["mum", "mum", "mum", "dad"],
    "other": ["mum", "mum", "dad", "mum and dad", "mum and her partner", "grandma"],
    "birth": ["mum", "dad", "mum and dad"],  # of a child in or leaving care
}
# Worries about one adult, who is then mum or dad.
ONE_PARENT = {"domestic_abuse": ["mum"], "new_parent": ["mum"], "parent_mental_health": ["mum", "dad"],
              "substance": ["mum", "dad"], "young_carer": ["mum", "dad"]}
HERITAGE = {
    Ethnicity.WBRI: "{name} is White British; {their} family have lived in the town for generations.",
    Ethnicity.WIRI: "{name}'s family are Irish; {they} has cousins in Dublin and the family follow Irish music "
                    "and sport.",
    Ethnicity.WIRT: "{name} is of Irish Traveller heritage; {their} extended family travel in the summer and "
                    "keep in close touch.",
    Ethnicity.WOTH: "{name}'s family came from Poland; Polish is spoken at home and the family go to the "
                    "Polish Catholic church.",
    Ethnicity.WROM: "{name}'s family are Roma from Slovakia; Romani and Slovak are spoken at home.",
    Ethnicity.MWBC: "{name} is of White British and Black Caribbean heritage; dad's family are from Jamaica.",
    Ethnicity.MWBA: "{name} is of White British and Black African heritage; {their} father's family are "
                    "Nigerian.",
    Ethnicity.MWAS: "{name} is of White British and Pakistani heritage and is growing up with both families' "
                    "traditions.",
    Ethnicity.MOTH: "{name} is of mixed heritage; the family describe themselves as British with Greek Cypriot "
                    "roots.",
    Ethnicity.AIND: "{name}'s family are of Indian heritage and Sikh; Punjabi and English are spoken at home.",
    Ethnicity.APKN: "{name}'s family are of Pakistani heritage and Muslim; Urdu and English are spoken at home.",
    Ethnicity.ABAN: "{name}'s family are of Bangladeshi heritage and Muslim; Sylheti and English are spoken "
                    "at home.",
    Ethnicity.AOTH: "{name}'s family are Tamil from Sri Lanka; Tamil and English are spoken at home.",
    Ethnicity.BCRB: "{name} is Black British of Caribbean heritage; {their} grandparents came from Jamaica.",
    Ethnicity.BAFR: "{name}'s family are from Ghana; they are Christian and speak Twi and English at home.",
    Ethnicity.BOTH: "{name}'s family are Black British with roots in Sierra Leone.",
    Ethnicity.CHNE: "{name}'s family are from Hong Kong; Cantonese is spoken at home.",
    Ethnicity.OOTH: "{name}'s family are Kurdish from Iraq; Sorani Kurdish is spoken at home.",
    Ethnicity.NOBT: "{name}'s ethnicity has not yet been confirmed with the family; to ask at the next visit.",
    Ethnicity.REFU: "The family prefer not to record {name}'s ethnicity; we talk about family and culture instead.",
}
IDENTITY_MORE = {
    (BABY, HOME): "{Parent} wants {name} to grow up knowing {their} family's culture and chose {their} name "
                  "after a great-grandparent.",
    (EARLY, HOME): "{name} loves the family's food and celebrations and hears family stories at bedtime.",
    (SCHOOL, HOME): "{name} is proud of {their} family and talks about celebrations with cousins.",
    (TEEN, HOME): "{name} is working out who {they} is: music, hair and friends matter a lot.",
    (OLDER, HOME): "{name} is working out who {they} is and wants to be treated as nearly an adult.",
    FOSTER: "With {carer}, {name} keeps in touch with {their} family's history and culture; matching took this "
            "into account.",
    KINSHIP: "Living with {carer} keeps {name} close to {their} family's history, culture and wider family.",
    RESIDENTIAL: "{name}'s key worker helps {them} keep in touch with {their} family's history and culture.",
    LEAVER: "{name} describes {self} as a care leaver and proud of it, and wants to reconnect with family culture.",
}
SEEN = {
    BABY: "Seen at every visit, awake and asleep; observed feeding, nappy change and play on the mat. {name} is "
          "alert, smiles and settles when {parent} picks {them} up.",
    EARLY: "Seen at home and at {school}, once alone with the keyworker nearby; used toys and drawing. "
           "{name} said: {quote}",
    SCHOOL: "Seen alone at {school} three times, using the three houses tool. {name} said: {quote}",
    TEEN: "Seen alone at {school}, in the car and at a café {they} chose. {name} said: {quote}",
    OLDER: "Seen alone at college and at home, with texts between visits. {name} said: {quote}",
    LEAVER: "Met at {their} home and at a café {they} chose. {name} said: {quote}",
}
QUOTES = {
    BABY: ["Babbled and reached for {parent}; settled quickly when picked up.",
           "Smiled at {parent} during the feed and followed {their} voice around the room.",
           "Rolled over on the mat and looked to {parent} for reassurance."],
    EARLY: ["'I like the park. I go on the big slide.'", "'My dinosaur is called Rex.' Showed me {their} bed.",
            "'I don't like the shouting.' Said quietly while drawing.", "'Nanny gives me biscuits.'",
            "Put all the toy people in one bed and said: 'They're safe now.'"],
    SCHOOL: ["'I like {interest} and my friend Kayden.'", "'I worry about mum when I'm at school.'",
             "'My teacher is nice. I got a star for reading.'", "'I want to see my nan more.'",
             "'I'm good at {interest}. Can you come and watch?'"],
    TEEN: ["'I just want everyone to stop going on at me.'", "'School's alright. I want to do {interest} at "
           "college.'", "'I don't want to talk about home today.'",
           "'I'm fine, honestly.' Then talked for twenty minutes about falling out with friends.",
           "'I want to see my brother more.'"],
    OLDER: ["'I want to be a mechanic.'", "'I'm scared about turning 18, if I'm honest.'",
            "'Can you help me get my provisional licence?'", "'I want my own place but not yet.'"],
    LEAVER: ["'The flat's cold and the meter keeps running out.'", "'College is going OK but I'm skint.'",
             "'I want to stay where I am.'", "'I miss having people around in the evenings.'"],
}
CARE_QUOTES = {
    BABY: [],
    EARLY: ["'{carer_first} makes pancakes.'", "'I sleep in my own bed now.'"],
    SCHOOL: ["'I like it here. {carer_first} helps with my reading.'", "'When can I see mum?'"],
    TEEN: ["'It's alright here. Better than the last place.'", "'Why can't I go home?'"],
    OLDER: ["'I want to stay here till I'm ready.'", "'The staff are OK. Some of them.'"],
    LEAVER: [],
}
UNDERSTANDING = {
    (BABY, HOME): "{name} is too young to understand; {parent} and I have talked about how we will explain it as "
                  "{they} grows up.",
    (EARLY, HOME): "{name} calls me 'the helper'; we talk in simple words about keeping {them} safe and well.",
    (SCHOOL, HOME): "{name} says I visit 'to help make home better and check I'm OK'.",
    (TEEN, HOME): "{name} said: 'You're here because of what's been going on at home. You're alright, I suppose.'",
    (OLDER, HOME): "{name} knows why I visit and what the plan says, and says {they} wants a say in every part.",
    (EARLY, "care"): "{name} knows {they} lives with {carer} because mummy could not keep {them} safe; we use a "
                     "simple story with pictures.",
    (SCHOOL, "care"): "{name} can say why {they} is in care: 'Mum wasn't well enough to look after me.' We go "
                      "back to it at each visit.",
    (TEEN, "care"): "{name} understands why {they} came into care and has read the letter written for {them} "
                    "about it.",
    (OLDER, "care"): "{name} knows the plan is to stay with {carer} until 18 and has a say in what happens after.",
    LEAVER: "{name} knows what the local offer for care leavers gives and what the pathway plan is for.",
}
LIFE_STORY = {
    EARLY: "Life-story book started with {carer}; photos from {their} first year gathered from {parent}.",
    SCHOOL: "Working through a life-story book with {carer}; {name} chose the photos for the first chapter.",
    TEEN: "{name} asked why {they} came into care; we are reading {their} later-life letter together, at "
          "{their} pace.",
    OLDER: "Life-story work finished; {name} keeps {their} memory box in {their} room and wants a copy of "
           "{their} file at 18.",
    LEAVER: "{name} has {their} life-story book and has asked to read {their} care records; the personal adviser "
            "will go through them with {them}.",
}
NOT_RELEVANT = "{name} lives with {their} birth family, who hold and share the family's history."
STRENGTHS = {
    HOME: ["There is real warmth between {name} and {parent}, and the family have been honest with us about what "
           "is hard.", "Grandparents nearby give practical help and {name} is close to them."],
    "young": ["{name} is meeting {their} milestones and is a happy, curious child."],
    "school": ["{name} has a trusted adult at {school} and good friends."],
    "care": ["{name} has a trusted adult in {carer} and is thriving.",
             "{name} has kept in touch with brothers and sisters and looks forward to seeing them.",
             "{name} has settled into a routine and is growing in confidence."],
    LEAVER: ["{name} keeps in touch and asks for help early.", "{name} has a good friend group and a part-time "
             "job.", "{name} stays in touch with former carers who still look out for {them}."],
}
MEANING = {
    BABY: "At this age {name} depends entirely on the adults for food, warmth, safety and comfort.",
    EARLY: "At this age routine, play and a safe, predictable adult shape {name}'s development.",
    SCHOOL: "For {name} this shows in how {they} manages at {school}, with friends and at bedtime.",
    TEEN: "For {name} this means carrying adult worries while trying to fit in with friends.",
    OLDER: "At {age}, {name} needs adults who listen and help {them} plan the next step.",
    LEAVER: "At {age}, {name} is doing adult things without the family back-up most young people have.",
}
VISIT_HOME = {
    "young": ["Home warm and tidy; food in the cupboards; cot made up safely.",
              "Flat cold and the heating off to save money; fridge had milk and bread only.",
              "Toys out and {name} playing on the floor with {parent}."],
    "school": ["Home warm and tidy; food in the cupboards; {name}'s drawings on the wall.",
               "Bedroom shared with a brother; clean bedding; school bag by the door.",
               "{name} doing homework at the table while {parent} cooked tea."],
    "teen": ["{name}'s room tidy, with {their} things around; food in the house.",
             "House untidy and little food in; {name} in {their} room on a phone.",
             "{name} and {parent} were laughing about a TV show when I arrived."],
}
VISIT_CARE = ["Own room at home with {carer}, with {their} things on display; relaxed and chatty.",
              "{name} showed me the new bike; {carer} say{s} {they} has been sleeping well."]
VISIT_CARE_MORE = {"young": "Playing happily on the floor with {carer}; nappy bag and spare clothes ready for nursery.",
                   "school": "Settled and at ease with {carer}; homework done at the kitchen table.",
                   "teen": "Settled and at ease with {carer}; homework done at the kitchen table."}
VISIT_LEAVER = ["Flat clean; food in the fridge; post opened and bills in a folder.",
                "Flat untidy and cold; meter on emergency credit.", "{name} cooked pasta while we talked."]
NO_ACCESS = "No access: nobody home. Returned the next day and {name} was seen."


@dataclass(frozen=True)
class Story:
    band: str
    setting: str
    category: str
    concern: str
    ethnicity: str
    variant: int
    words: dict

    @property
    def in_care(self):
        return self.setting in IN_CARE

    @property
    def at_home(self):
        return self.setting == HOME

    def say(self, template):
        """The template with the child's words filled in."""
        return template.format_map(self.words)

    def fact(self, key):
        value = CONCERNS[self.concern][key]
        return self.say(_pick(value, self.band, self.variant)) if value is not None else None


def story(child, today, seed):
    """The child's story: fixed facts about them, the same wherever the demo writes about them."""
    rng = random.Random(f"{seed}:story:{child.local_id}")  # nosec B311: reproducible fictional demo data
    age = child.age(today)
    band = band_for(age)
    category = child.category
    if category == Category.CARE_LEAVER:
        setting = rng.choice([STAYING_PUT, LODGINGS, SUPPORTED, FLAT])
    elif category == Category.LOOKED_AFTER:
        roll = rng.random()
        setting = RESIDENTIAL if band in (TEEN, OLDER) and roll < 0.2 else KINSHIP if roll > 0.8 else FOSTER
    else:
        setting = HOME
    choices = [c for c in CONCERNS_BY_CATEGORY[category] if band in CONCERNS[c]["bands"]]
    concern = rng.choice(choices)
    female = child.gender == Gender.FEMALE
    if setting != HOME:
        parent = rng.choice(PARENTS["birth"])
    else:
        parent = rng.choice(ONE_PARENT.get(concern) or PARENTS.get(band, PARENTS["other"]))
    first, second = rng.sample([n for n in ADULT_NAMES if n != child.first_name], 2)
    relative, called = rng.choice(RELATIVES)
    carer = {
        FOSTER: rng.choice([f"foster carers {first} and {second}", f"foster carer {first}"]),
        KINSHIP: f"{'her' if female else 'his'} {relative}",
        RESIDENTIAL: f"the staff at {rng.choice(CHILDREN_HOMES)}",
        STAYING_PUT: f"former foster carers {first} and {second}",
        LODGINGS: f"supported lodgings host {first}",
        SUPPORTED: f"key worker {first} at the Hollins Road supported flats",
        FLAT: f"tenancy support worker {first}",
    }.get(setting, parent)
    plural_carer = setting == HOME and " and " in parent or " and " in carer or setting == RESIDENTIAL
    place = {
        HOME: f"at home with {parent}", FOSTER: f"with {carer}", KINSHIP: f"with {carer}",
        RESIDENTIAL: f"at {carer.removeprefix('the staff at ')} children's home",
        STAYING_PUT: f"with {carer}, staying put", LODGINGS: f"in supported lodgings with {first}",
        SUPPORTED: "in a supported flat on Hollins Road", FLAT: "in {their} own council flat",
    }[setting]
    school = {BABY: "the clinic", EARLY: rng.choice(NURSERIES), SCHOOL: rng.choice(PRIMARIES),
              TEEN: rng.choice(SECONDARIES), OLDER: rng.choice(COLLEGES), LEAVER: rng.choice(COLLEGES)}[band]
    reasons = REASONS_FOR_CARE + (TEEN_REASONS if band in (TEEN, OLDER, LEAVER) else [])
    words = {
        "name": child.first_name, "age": age, "months": max(1, (today - child.date_of_birth).days // 30),
        "they": "she" if female else "he", "them": "her" if female else "him", "their": "her" if female else "his",
        "self": "herself" if female else "himself", "parent": parent, "Parent": parent[0].upper() + parent[1:],
        "carer": carer, "carer_first": called if setting == KINSHIP else first,
        "s": "" if plural_carer else "s", "school": school, "interest": rng.choice(INTERESTS[band]),
        "reason": rng.choice(reasons),
        "boy": ("girl" if female else "boy") if age < 16 else ("young woman" if female else "young man"),
    }
    words["place"] = place.format_map(words)
    words["reason"] = words["reason"].format_map(words)
    words["They"], words["Their"] = words["they"].capitalize(), words["their"].capitalize()
    return Story(band=band, setting=setting, category=category, concern=concern, ethnicity=child.ethnicity,
                 variant=rng.randrange(12), words=words)


def _kind(story):
    if story.in_care:
        return "care"
    return LEAVER if story.band == LEAVER else HOME


# --- what the records say ----------------------------------------------------------

PURPOSE = {
    Category.EARLY_HELP: "Early help for {name} and {parent}: {focus}.",
    Category.CHILD_IN_NEED: "Assess and meet {name}'s needs under a child in need plan: {focus}.",
    Category.CHILD_PROTECTION: "Keep {name} safe under the child protection plan: {focus}.",
    Category.LOOKED_AFTER: "Make sure {name} is safe, settled and thriving in care: {focus}.",
    Category.CARE_LEAVER: "Personal advice and support to {name} under the pathway plan: {focus}.",
}
EXPECTATIONS = {
    BABY: "Visit at home within the statutory timescale; see {name} awake; observe feeding, sleeping "
          "arrangements and how {parent} responds to {them}.",
    EARLY: "Visit at home and at {school}; see {name} alone where possible and record what {they} shows and "
           "says through play.",
    SCHOOL: "Visit at home and at {school}; see {name} alone and record {their} views in {their} own words.",
    TEEN: "See {name} alone somewhere {they} chooses; keep in touch by text between visits.",
    OLDER: "See {name} alone somewhere {they} chooses; involve {them} in every plan and meeting.",
    "care": "Statutory visits where {name} lives; see {them} alone in {their} room; talk with {carer} each time.",
    LEAVER: "Keep in touch at least every eight weeks, meeting where {name} chooses; review the pathway plan "
            "every six months.",
}
CONTINGENCY = {
    "young": "If there is no access, return within 24 hours, inform the team manager and ask the health visitor "
             "or nursery when {name} was last seen.",
    "school": "If there is no access, return within 24 hours, inform the team manager and contact {school}.",
    "teen": "If {name} cannot be seen, try again within 24 hours, text and call, and inform the team manager.",
}


def allocation(story):
    """(purpose, expectations, contingency) for the allocation record (W 3)."""
    purpose = PURPOSE[story.category].format_map({**story.words, "focus": story.fact("focus")})
    expectations = EXPECTATIONS["care"] if story.in_care else EXPECTATIONS[story.band]
    return purpose, story.say(expectations), story.say(CONTINGENCY[_group(story.band)])


REFERRAL_BY_CATEGORY = {
    Category.LOOKED_AFTER: ("placement", "Children's services", "Came into care because of {reason}; placed {place}."),
    Category.CARE_LEAVER: ("other", "Leaving care team", "Turned 18 and left care; now living {place}."),
}
BAND_EVENTS = {
    BABY: [("health", "Health visitor", "Eight-month development check: all on track.")],
    EARLY: [("health", "Health visitor", "Two-year development review: speech a little behind."),
            ("education", "{school}", "Started at {school}; settling well.")],
    SCHOOL: [("education", "{school}", "Parents' evening: reading improving."),
             ("health", "School nurse", "Hearing and sight checks done.")],
    TEEN: [("education", "{school}", "Moved up to year 9 with {their} friends."),
           ("health", "School nurse", "Drop-in session: talked about sleep and worries.")],
    OLDER: [("education", "{school}", "Started a course at {school}.")],
    LEAVER: [("other", "Leaving care team", "Pathway plan review: accommodation and money.")],
}


def chronology(story, rng, count):
    """`count` entries, oldest first: how the case began, then what has happened since."""
    first = REFERRAL_BY_CATEGORY.get(story.category)
    if first is None:
        first = ("referral", *_pick(CONCERNS[story.concern]["referral"], story.band))
    later = CONCERNS[story.concern]["events"] + BAND_EVENTS[story.band]
    picked = rng.sample(later, min(count - 1, len(later)))
    return [(event, story.say(source), story.say(summary)) for event, source, summary in [first] + picked]


def quote(story, rng):
    pool = QUOTES[story.band] + (CARE_QUOTES[story.band] if story.in_care else [])
    return story.say(rng.choice(pool))


def visit(story, rng):
    """(what the child said, lived experience) for a visit when the child was seen."""
    if story.band == LEAVER:
        lived = rng.choice(VISIT_LEAVER)
    elif story.in_care:
        lived = rng.choice(VISIT_CARE + [VISIT_CARE_MORE[_group(story.band)]])
    else:
        lived = rng.choice(VISIT_HOME[_group(story.band)])
    return quote(story, rng), story.say(lived)


def no_access(story):
    return story.say(NO_ACCESS)


def decision(story):
    """A manager's decision about the child, with its rationale."""
    decided, rationale = CONCERNS[story.concern]["decision"]
    return story.say(decided), story.say(rationale)


def discussion(story, rng):
    """A case discussion in supervision: what is happening for the child now."""
    line = _cap(story.say(rng.choice(CONCERNS[story.concern]["discussions"])))
    return f"{line} {_cap(visit(story, rng)[1])}"


SUPERVISION_ACTIONS = {
    BABY: ["Visit unannounced at bath or feed time", "Contact the health visitor for {name}'s weight",
           "Update the chronology"],
    EARLY: ["See {name} at {school} and speak with the keyworker", "Update the chronology",
            "Direct work with {name} using play"],
    SCHOOL: ["See {name} alone at {school}", "Update the chronology", "Complete the wishes and feelings work",
             "Write up the visit and share it with the family"],
    TEEN: ["See {name} alone somewhere {they} chooses", "Update the chronology", "Book the next review",
           "Write up the visit and share it with {name}"],
    OLDER: ["See {name} alone somewhere {they} chooses", "Update the chronology", "Book the next review"],
    LEAVER: ["Arrange the pathway plan review", "Visit {name} at home", "Check {name}'s money and benefits"],
}


def discussion_actions(story, rng, count):
    """`count` different actions agreed in supervision about the child."""
    return [_cap(story.say(what)) for what in rng.sample(SUPERVISION_ACTIONS[story.band], count)]


# --- assessments and plans -------------------------------------------------------

def assessment(story, rng, number):
    """A good version's sections: the child's voice, their daily life, and what it means for them."""
    kind = _kind(story)
    said = quote(story, rng)
    identity = f"{story.say(HERITAGE.get(story.ethnicity, HERITAGE[Ethnicity.NOBT]))} " + story.say(
        IDENTITY_MORE[story.setting if kind == "care" else kind] if kind != HOME else IDENTITY_MORE[(story.band, HOME)]
    )
    band = EARLY if story.band == BABY and kind == "care" else story.band  # (none in care under 1 today)
    understanding = UNDERSTANDING[LEAVER] if kind == LEAVER else UNDERSTANDING[(band, kind)]
    history = story.say(" {They} came into care because of {reason}.") if story.in_care else ""
    voice = f"In {story.words['their']} own words: {said}" if story.band != BABY else f"Observed: {said}"
    analysis = " ".join([
        ("Updated after the review. " if number > 1 else "") + story.say("{name} is ") + (
            story.say("{months} months old") if story.band == BABY else str(story.words["age"])
        ) + story.say(", living {place}.") + history,
        f"The main worry is that {story.fact('worry')}.",
        voice,
        story.say(rng.choice(STRENGTHS[kind] + (STRENGTHS["young" if story.band in (BABY, EARLY) else "school"]
                                                 if kind == HOME else []))),
        story.say(MEANING[story.band]),
        f"The plan focuses on {story.fact('focus')}.",
    ])
    return {
        "identity": identity,
        "seen_and_heard": SEEN[story.band].format_map({**story.words, "quote": said}),
        "child_understanding": story.say(understanding),
        "life_story": story.say(LIFE_STORY[band]) if story.in_care or story.band == LEAVER else "",
        "lived_experience": f"{story.fact('lived')} {visit(story, rng)[1]}",
        "analysis": analysis,
    }


def life_story_not_relevant(story):
    """The manager's reason when life-story work does not apply: a child living with their birth family."""
    return "" if story.in_care or story.band == LEAVER else story.say(NOT_RELEVANT)


def _cap(text):
    return text[:1].upper() + text[1:]


def plan_actions(story, rng):
    """Two SMART actions from the plan's focus: (what, who, days from today, how we will know)."""
    return [
        (_cap(story.say(_pick(what, story.band))), _cap(story.say(_pick(who, story.band))), days,
         story.say(_pick(how, story.band)))
        for what, who, days, how in rng.sample(CONCERNS[story.concern]["actions"], 2)
    ]


SIGNED_OFF_FEEDBACK = [
    "Child-centred and SMART; {name}'s voice is clear throughout.",
    "Strong analysis of what daily life is like for {name}; the actions are measurable.",
    "Good use of what {name} says and shows; the plan says who does what by when.",
]
RETURNED_FEEDBACK = [
    "Say more about {name}'s lived experience and make the actions measurable.",
    "The analysis describes events but not what they mean for {name}.",
    "I can't hear {name}'s voice: see {them} alone and record what {they} says.",
]


def feedback(story, rng, signed_off):
    return story.say(rng.choice(SIGNED_OFF_FEEDBACK if signed_off else RETURNED_FEEDBACK))


# Poor work for the demo team manager to practise returning. Each is recognisably weak: thin, adult-focused,
# copied from another child's file, or a list of events with no analysis; none has the child's voice.
POOR = [
    {
        "identity": "No issues.",
        "seen_and_heard": "Seen.",
        "child_understanding": "N/A",
        "lived_experience": "As above.",
        "analysis": "Ongoing concerns for {name}. Plan to continue. Review in 3 months.",
    },
    {
        "identity": "{Parent} did not raise any issues.",
        "seen_and_heard": "Spoke with {parent} at length.",
        "child_understanding": "{Parent} explained it.",
        "lived_experience": "{Parent} said things are fine at home.",
        "analysis": "{Parent} said things are much better and the family are engaging well with services. The "
                    "family would like the case closed. No concerns raised about {name}.",
    },
    {
        "identity": "As per previous assessment.",
        "seen_and_heard": "{other} was seen and said things were OK.",
        "child_understanding": "As per previous assessment.",
        "lived_experience": "As per previous assessment.",
        "analysis": "As previously assessed, {other} continues to make progress at nursery and concerns have "
                    "reduced. Continue with the current plan for {name}.",
    },
    {
        "identity": "See file.",
        "seen_and_heard": "Child not spoken to on this occasion.",
        "child_understanding": "Not discussed.",
        "lived_experience": "See chronology.",
        "analysis": "Referral received. Home visit completed. Checks done with school and health. Meeting held "
                    "with {parent}. Plan for {name} reviewed.",
    },
]
POOR_ACTIONS = [
    ("{Parent} to engage with services", "{Parent}", 90, "Ongoing"),
    ("Social worker to continue to visit", "SW", 180, "Visits"),
]


def poor(story, style, other):
    """A poor version in one of the POOR styles; `other` is the child whose file it was copied from."""
    words = {**story.words, "other": other}
    return {field: text.format_map(words) for field, text in POOR[style % len(POOR)].items()} | {"life_story": ""}


def poor_actions(story):
    return [(story.say(what), story.say(who), days, how) for what, who, days, how in POOR_ACTIONS]


# Court statements, case summaries, reports and closure summaries (issue 19): one document each, in the child's story.
DOCUMENT_OPENING = {
    "court_statement": "I am the allocated social worker for {name}, who is {age} and lives {place}. This statement "
                       "sets out the local authority's evidence and my analysis for the court.",
    "court_chronology": "Chronology for the court about {name}, most significant events first, each with its source.",
    "quarterly_summary": "Summary of the last three months for {name}, who lives {place}.",
    "cp_conference_report": "Report to the child protection conference about {name}, who lives {place}.",
    "cla_review_report": "Report to {name}'s looked-after review.",
    "closure_summary": "{name}'s case can close. {They} lives {place}, and the reasons we became involved have eased.",
}


def document(story, kind):
    """A good document of `kind` (an Assessment.Kind value) about the child: their voice, the worry, the plan."""
    return " ".join([
        story.say(DOCUMENT_OPENING[kind]),
        f"The main worry has been that {story.fact('worry')}.",
        story.say("{name} talks most readily about {interest}, and told me what a good day looks like for {them}; "
                  "{their} words are recorded in full on the file."),
        f"The work has focused on {story.fact('focus')}, and the family have taken part in every review.",
        story.say("My analysis: what has changed is real and has lasted; {name}'s daily life is calmer and more "
                  "predictable, and the adults around {them} know what to do if things become harder again."),
    ])
