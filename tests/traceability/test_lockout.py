"""Five wrong passwords lock the account (django-axes), whatever the address."""
from django.urls import reverse

from traceability.models import AccessLogEntry, Action

RIGHT = "a-long-test-password"


def sign_in(client, user, password, address="192.0.2.1"):
    return client.post(reverse("login"), {"username": user.username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account(client, social_worker):
    for attempt in range(4):
        assert sign_in(client, social_worker, f"wrong-{attempt}").status_code == 200
    locked = sign_in(client, social_worker, "wrong-4")
    assert locked.status_code == 429
    assert "Your account is locked" in locked.content.decode()
    assert "30 minutes" in locked.content.decode()
    # Even the right password, from another address, is refused while locked.
    assert sign_in(client, social_worker, RIGHT, address="198.51.100.9").status_code == 429
    assert AccessLogEntry.objects.filter(user=social_worker, action=Action.SIGN_IN_FAILED).count() == 6
    assert not AccessLogEntry.objects.filter(action=Action.SIGNED_IN).exists()


def test_four_wrong_passwords_then_the_right_one_signs_in_and_resets_the_count(client, social_worker):
    for attempt in range(4):
        sign_in(client, social_worker, f"wrong-{attempt}")
    assert sign_in(client, social_worker, RIGHT).status_code == 302
    client.post(reverse("logout"))
    for attempt in range(4):
        assert sign_in(client, social_worker, f"wrong-{attempt}").status_code == 200


def test_another_account_is_not_locked(client, social_worker, colleague):
    for attempt in range(5):
        sign_in(client, social_worker, f"wrong-{attempt}")
    assert sign_in(client, colleague, RIGHT).status_code == 302
