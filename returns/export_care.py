"""Annex A columns filled from what the returns brought in: care episodes (list 8), disability, primary need,
referral source and NFA, reason for closure (lists 3 and 6)."""
import re

from dateutil.relativedelta import relativedelta

from .annex_a import LEGAL_STATUS_ONLY
from .rows import CIN_CLOSED
from .ssda903 import CEASED_CARE, MISSING, REVIEW

YEAR = relativedelta(months=12)
YES, NO = "a) Yes", "b) No"
NEW_PERIOD = "S"
REFERRAL = re.compile(r"^Referral(?: \(source (?P<source>[^)]+)\))?(?P<nfa>; no further action)?")
CLOSURE_REASON = re.compile(r"\(reason (?P<reason>[^)]+)\)")
MISSING_COLUMN = "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"
ABSENT_COLUMN = "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"


def disability(child):
    if not child.disabilities:
        return None  # the return did not say
    return NO if child.disabilities == "NONE" else YES


def care_values(child, episodes, chronology, as_of):
    """List 8's columns from the child's care episodes and chronology (both oldest first)."""
    values = {"Does the Child have a Disability": disability(child),
              "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)": _uasc(child, as_of)}
    year_ago = as_of - YEAR
    reviews = [e.occurred_on for e in chronology if e.summary.startswith(REVIEW) and e.occurred_on <= as_of]
    values["Date of Latest Statutory Review"] = reviews[-1] if reviews else None
    in_year = [e for e in chronology if year_ago <= e.occurred_on <= as_of]
    values[MISSING_COLUMN] = sum(e.summary.startswith(MISSING["M"]) for e in in_year)
    values[ABSENT_COLUMN] = sum(e.summary.startswith(MISSING["A"]) for e in in_year)
    episodes = [e for e in episodes if e.started_on <= as_of]
    if not episodes:
        return values
    latest = episodes[-1]
    placements = [e for e in episodes if e.reason_new != LEGAL_STATUS_ONLY]
    placement = placements[-1] if placements else latest
    in_window = [end for end in _placement_ends(episodes) if end is None or end >= year_ago]
    periods = [e for e in episodes if e.reason_new == NEW_PERIOD and e.started_on >= year_ago]
    values |= {
        "Child's Category of Need": latest.category_of_need or None,
        "Child's Legal Status": latest.legal_status or None,
        "Start date of current legal status": _legal_status_since(episodes),
        "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)":
            YES if len(periods) > 1 else NO,
        "Number of Placements in the Last 12 months": len(in_window),
        "Start Date of Most Recent Placement": placement.started_on,
        "Placement Type": placement.placement_type or None,
        "Placement Provider": placement.provider or None,
        "Placement postcode": placement.placement_postcode or None,
        "URN of Placement": placement.urn or None,
        "Reason Ceased to be Looked After": (latest.reason_ended or None) if latest.ended_on and
        latest.reason_ended != CEASED_CARE else None,
    }
    return values


def _placement_ends(episodes):
    """When each placement ended: a change of legal status alone continues the placement it follows."""
    ends = []
    for episode in episodes:
        if episode.reason_new != LEGAL_STATUS_ONLY:
            ends.append(episode.ended_on)
        elif ends:
            ends[-1] = episode.ended_on
    return ends


def _legal_status_since(episodes):
    """The start of the unbroken run of episodes with the latest episode's legal status."""
    since = episodes[-1]
    for earlier in reversed(episodes[:-1]):
        if earlier.legal_status != since.legal_status or earlier.ended_on != since.started_on:
            break
        since = earlier
    return since.started_on


def _uasc(child, as_of):
    if not child.uasc:
        return NO
    return YES if child.uasc_ceased_on is None or child.uasc_ceased_on >= as_of - YEAR else NO


def referral_values(summary):
    """List 3's source and NFA columns from the referral's chronology summary, as the import wrote it."""
    found = REFERRAL.match(summary or "")
    if not found:
        return {}
    return {"Referral Source": found["source"], "Referral NFA?": YES if found["nfa"] else NO}


def cin_values(child, chronology):
    """List 6's disability, primary need and reason for closure."""
    closures = [CLOSURE_REASON.search(e.summary) for e in chronology
                if e.occurred_on == child.closed_on and e.summary.startswith(CIN_CLOSED)]
    reason = next((found["reason"] for found in closures if found), None)
    return {"Does the Child have a Disability": disability(child), "Primary Need Code": child.primary_need or None,
            "Reason for Closure": reason}
