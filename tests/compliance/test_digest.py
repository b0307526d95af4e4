"""Each person's digest: theirs only, grouped and worst first, sent only when something is new."""
import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command

from compliance import digest
from compliance.models import Digest
from organisation.models import DigestFrequency, StaffMember
from tests.factories import ChildFactory

from .helpers import D, at, run

TODAY = D(2026, 11, 23)  # a Monday


@pytest.fixture
def children(team_manager, social_worker, colleague):
    """Open children in Team A without a chronology: two of the social worker's, one of the colleague's."""
    return [
        ChildFactory(worker=social_worker, opened_on=D(2026, 1, 5)),
        ChildFactory(worker=social_worker, opened_on=D(2026, 6, 5)),
        ChildFactory(worker=colleague, opened_on=D(2026, 3, 5)),
    ]


def emails_to(person):
    return [message for message in mail.outbox if message.to == [person.email]]


def test_nothing_new_sends_nothing(children, team_manager, social_worker):
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    assert emails_to(team_manager) and emails_to(social_worker)
    mail.outbox.clear()
    tuesday = D(2026, 11, 24)
    assert digest.send_all(today=tuesday, now=at(tuesday, 12)) == 0
    assert mail.outbox == [] and not Digest.objects.filter(day=tuesday).exists()


def test_the_next_digest_marks_as_new_only_flags_raised_since(children, team_manager, social_worker):
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    mail.outbox.clear()
    tuesday = D(2026, 11, 24)
    late = ChildFactory(worker=social_worker, team=children[0].team, opened_on=D(2026, 2, 1))
    run(tuesday)
    digest.send_all(today=tuesday, now=at(tuesday, 12))
    (email,) = emails_to(team_manager)
    assert email.subject.startswith("Oversight: ") and " new flags" in email.subject
    new = [line for line in email.body.splitlines() if line.startswith("- [NEW]")]
    assert new and all(late.local_id in line for line in new)
    assert children[0].local_id in email.body  # still open, listed again without the mark


def test_a_worker_gets_only_the_flags_they_own(children, social_worker, colleague):
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    (email,) = emails_to(social_worker)
    assert children[0].local_id in email.body and children[1].local_id in email.body
    assert children[2].local_id not in email.body
    (other,) = emails_to(colleague)
    assert children[2].local_id in other.body and children[0].local_id not in other.body


def test_lines_are_grouped_by_worker_then_standard_worst_first(children, team_manager, social_worker, colleague):
    run(TODAY)
    context = digest.build(team_manager, today=TODAY, now=at(TODAY, 12))
    workers = [group.worker for group in context["groups"]]
    assert len(workers) == len(set(workers)) and {social_worker, colleague} <= set(workers)
    for group in context["groups"]:
        titles = [(definition.title, definition.code) for definition, _ in group.standards]
        assert titles == sorted(titles)
        for _, lines in group.standards:
            days = [line.days for line in lines]
            assert days == sorted(days, reverse=True)
            assert all(line.flag.owner == group.worker for line in lines)
    sw = next(group for group in context["groups"] if group.worker == social_worker)
    chronology = next(lines for definition, lines in sw.standards if definition.code == "CHRON-MISSING")
    assert [line.flag.child for line in chronology] == [children[0], children[1]]  # opened earlier: worse


def test_flags_escalated_to_a_manager_are_marked_once(children, team_manager, head_of_service):
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    mail.outbox.clear()
    # 10 working days after the 23rd is 7 December: escalated to the owner's manager from the 8th.
    day = D(2026, 12, 8)
    context = digest.build(team_manager, today=day, now=at(day, 12))
    escalated = [line for group in context["groups"] for _, lines in group.standards for line in lines
                 if line.newly_escalated]
    assert escalated and all(line.flag.owner.line_manager == team_manager for line in escalated)
    assert context["escalated_count"] == len(escalated)
    digest.send_all(today=day, now=at(day, 12))
    (email,) = emails_to(team_manager)
    assert "[ESCALATED]" in email.body and "ESCALATED" in email.alternatives[0][0]
    # The head of service has the team manager's own flags escalated to them, not the worker's.
    head = digest.build(head_of_service, today=day, now=at(day, 12))
    assert head is None or all(line.flag.owner_manager_id == head_of_service.pk for group in head["groups"]
                               for _, lines in group.standards for line in lines if line.newly_escalated)
    mail.outbox.clear()
    day = D(2026, 12, 9)
    assert digest.build(team_manager, today=day, now=at(day, 12)) is None


def test_weekly_people_get_theirs_only_on_mondays(children, social_worker):
    social_worker.digest_frequency = DigestFrequency.WEEKLY
    social_worker.save()
    tuesday = D(2026, 11, 24)
    run(tuesday)
    digest.send_all(today=tuesday, now=at(tuesday, 12))
    assert emails_to(social_worker) == []
    monday = D(2026, 11, 30)
    digest.send_all(today=monday, now=at(monday, 12))
    (email,) = emails_to(social_worker)
    assert "[NEW]" in email.body  # raised within the week before


def test_identifiers_only_keeps_children_s_names_out(children, team_manager, settings):
    for n, child in enumerate(children):  # names no staff member shares
        child.first_name, child.last_name = f"Zephyrine{n}", f"Quixley{n}"
        child.save()
    run(TODAY)
    settings.DIGEST_IDENTIFIERS_ONLY = False
    context = digest.build(team_manager, today=TODAY, now=at(TODAY, 12))
    assert children[0].full_name in digest.render(context)[1]  # names only where the council allows
    settings.DIGEST_IDENTIFIERS_ONLY = True
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    (email,) = emails_to(team_manager)
    html = email.alternatives[0][0]
    for child in children:
        assert child.local_id in email.body
        assert child.first_name not in email.body and child.last_name not in email.body
        assert child.first_name not in html and child.last_name not in html


def test_the_email_has_a_text_and_an_html_part_with_absolute_links(children, team_manager, settings):
    settings.OVERSIGHT_BASE_URL = "https://oversight.example.gov.uk"
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    (email,) = emails_to(team_manager)
    ((html, kind),) = email.alternatives
    assert kind == "text/html" and "<html" in html and "stylesheet" not in html and "<script" not in html
    assert f"https://oversight.example.gov.uk/children/{children[0].pk}/" in email.body
    assert f'href="https://oversight.example.gov.uk/children/{children[0].pk}/"' in html


def test_the_sender_is_pluggable(children, team_manager, settings):
    sent = []
    settings.DIGEST_SENDER = "tests.compliance.test_digest.record"
    record.calls = sent
    run(TODAY)
    digest.send_all(today=TODAY, now=at(TODAY, 12))
    assert mail.outbox == [] and team_manager in [person for person, *_ in sent]


def record(person, subject, text, html):
    record.calls.append((person, subject, text, html))


def test_a_person_chooses_weekly_on_their_profile(client, social_worker):
    client.force_login(social_worker)
    page = client.get(social_worker.get_absolute_url())
    assert b"Flags digest by email" in page.content
    assert client.post("/people/me/digest/", {"digest_frequency": "fortnightly"}).status_code == 200
    response = client.post("/people/me/digest/", {"digest_frequency": "weekly"})
    assert response.status_code == 302
    social_worker.refresh_from_db()
    assert social_worker.digest_frequency == DigestFrequency.WEEKLY
    assert social_worker.history.first().history_user == social_worker


def test_every_link_in_the_demo_team_manager_s_digest_opens_for_them(db, client):
    call_command("seed_demo", teams=2, practitioners_per_team=3, children=40, stdout=StringIO())
    manager = StaffMember.objects.get(username="teammanager")
    out = StringIO()
    call_command("digest_preview", user="teammanager", stdout=out)
    context = digest.build(manager, today=digest.timezone.localdate(), now=digest.timezone.now())
    _, text, html = digest.render(context)
    links = set(re.findall(r'href="([^"]+)"', html)) | set(re.findall(r"https?://\S+", text))
    assert len(links) > 3
    client.force_login(manager)
    for link in links:
        assert client.get(urlsplit(link).path).status_code == 200, link
