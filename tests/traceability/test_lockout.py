"""Five wrong passwords lock the account at that address (django-axes); elsewhere it still opens."""
from django.urls import reverse

from traceability.models import AccessLogEntry, Action

RIGHT = "a-long-test-password"
ELSEWHERE = "198.51.100.9"


def sign_in(client, user, password, address="192.0.2.1"):
    return client.post(reverse("login"), {"username": user.username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_at_that_address(client, social_worker):
    for attempt in range(4):
        assert sign_in(client, social_worker, f"wrong-{attempt}").status_code == 200
    locked = sign_in(client, social_worker, "wrong-4")
    assert locked.status_code == 429
    assert "Your account is locked" in locked.content.decode()
    assert "30 minutes" in locked.content.decode()
    # Even the right password, from the same address, is refused while locked.
    assert sign_in(client, social_worker, RIGHT).status_code == 429
    assert AccessLogEntry.objects.filter(user=social_worker, action=Action.SIGN_IN_FAILED).count() == 6
    assert not AccessLogEntry.objects.filter(action=Action.SIGNED_IN).exists()


def test_five_wrong_passwords_from_one_address_leave_the_account_usable_from_another(client, social_worker):
    for attempt in range(5):
        sign_in(client, social_worker, f"wrong-{attempt}")
    assert sign_in(client, social_worker, RIGHT).status_code == 429
    assert sign_in(client, social_worker, RIGHT, address=ELSEWHERE).status_code == 302


def test_the_address_behind_our_proxy_is_the_one_locked(client, social_worker, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(5):
        client.post(reverse("login"), {"username": social_worker.username, "password": f"wrong-{attempt}"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert sign_in(client, social_worker, RIGHT, address="10.0.0.1").status_code == 302


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


def test_a_username_longer_than_any_account_is_refused_without_a_server_error(client, db):
    for length in (151, 256, 5000):
        response = client.post(reverse("login"), {"username": "u" * length, "password": "x"})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode() or "Please enter a correct" in \
            response.content.decode()
