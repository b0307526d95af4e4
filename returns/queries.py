"""Queries, as DfE's own collection has them: values that may be right but look wrong. A child with a query is
held back until the administrator accepts it; an error (planning.py, the readers) rejects the child outright."""
from dateutil.relativedelta import relativedelta

from cases.models import Category

# Oldest plausible age at the start of an involvement: care leavers are supported to 25, every other child to 18.
OLDEST = {Category.CARE_LEAVER: 25}
OLDEST_OTHERWISE = 18


def queries(plan, today):
    """What looks wrong about the child's records in the return, as sentences; [] when nothing does."""
    found = []
    dated = _dates(plan)
    future = sorted({(day, what) for day, what in dated if day > today})
    found += [f"{what} {day} is in the future" for day, what in future]
    died = plan.fields.get("died_on")
    if died:
        after = sorted({(day, what) for day, what in dated if day > died and what != "case closed"})
        found += [f"{what} {day} is after the date of death {died}" for day, what in after]
    found += _overlaps(plan)
    born, opened = plan.fields.get("date_of_birth"), plan.fields.get("opened_on")
    if born and opened:
        oldest = OLDEST.get(plan.fields.get("category"), OLDEST_OTHERWISE)
        age = relativedelta(opened, born).years
        if age >= oldest:
            found.append(f"the child was {age} when the involvement began ({opened}), older than {oldest}")
    return found


def _dates(plan):
    dated = [(plan.fields[name], label) for name, label in (
        ("date_of_birth", "date of birth"), ("opened_on", "case opened"), ("closed_on", "case closed"))
        if plan.fields.get(name)]
    for row in plan.rows:
        dated += [(visit.occurred_on, "visit") for visit in row.visits]
        dated += [(event.occurred_on, event.summary.split(" (")[0].lower()) for event in row.events]
        dated += [(assessed.started_on, "assessment or plan started") for assessed in row.assessments]
    return dated


def _overlaps(plan):
    spells = sorted({(spell.started_on, spell.ended_on) for row in plan.rows for spell in row.care_spells})
    found = []
    for (start, end), (next_start, _) in zip(spells, spells[1:], strict=False):
        if end is None or next_start < end:
            found.append(f"looked-after episodes overlap: the episode from {start} "
                         + (f"to {end}" if end else "is still open") + f" and the one from {next_start}")
    return found
