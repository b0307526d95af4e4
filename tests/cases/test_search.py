"""Finding a child: by part of a name (accents ignored), local identifier, NHS number or date of birth, in scope."""
import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from cases import nhs_number
from cases.models import Child
from cases.search import Search, fold
from tests.factories import ChildFactory

VALID_NHS = "9434765919"  # the NHS Data Dictionary's worked example


def found(user, text):
    return list(Search(text).apply(Child.objects.visible_to(user)))


def test_a_valid_nhs_number_passes_its_check_digit():
    assert nhs_number.is_valid(VALID_NHS)
    assert nhs_number.is_valid("943 476 5919")


@pytest.mark.parametrize("value", ["9434765918", "943476591", "94347659190", "abcdefghij", "0000000010"])
def test_a_wrong_check_digit_or_length_is_not_an_nhs_number(value):
    assert not nhs_number.is_valid(value)


def test_the_model_refuses_an_nhs_number_with_a_wrong_check_digit(child):
    child.nhs_number = "9434765918"
    with pytest.raises(ValidationError, match="Enter a real NHS number"):
        child.full_clean()


def test_fold_drops_accents_and_case():
    assert fold("Zoë Ó Súilleabháin") == "zoe o suilleabhain"


def test_a_manager_finds_a_child_by_part_of_the_surname(team_manager, social_worker):
    smith = ChildFactory(first_name="Kayden", last_name="Blacksmith", worker=social_worker)
    ChildFactory(first_name="Kayden", last_name="Jones", worker=social_worker)
    assert found(team_manager, "smi") == [smith]
    assert found(team_manager, "SMITH") == [smith]


def test_every_word_must_match_somewhere_in_the_name(team_manager, social_worker):
    joanne = ChildFactory(first_name="Joanne", last_name="Smith", worker=social_worker)
    ChildFactory(first_name="Peter", last_name="Smith", worker=social_worker)
    assert found(team_manager, "jo smi") == [joanne]


def test_accents_are_ignored_both_ways(team_manager, social_worker):
    zoe = ChildFactory(first_name="Zoë", last_name="Ó Súilleabháin", worker=social_worker)
    assert found(team_manager, "zoe suilleabhain") == [zoe]
    assert found(team_manager, "Súil") == [zoe]


def test_like_wildcards_typed_in_a_name_match_only_themselves(team_manager, social_worker):
    ChildFactory(first_name="Amy", last_name="Smith", worker=social_worker)
    assert found(team_manager, "%") == []
    assert found(team_manager, "_") == []


def test_a_child_is_found_by_local_identifier_whatever_its_case(team_manager, social_worker):
    child = ChildFactory(local_id="WX123", worker=social_worker)
    assert found(team_manager, "wx123") == [child]


def test_a_child_is_found_by_nhs_number_typed_with_spaces(team_manager, social_worker):
    child = ChildFactory(nhs_number=VALID_NHS, worker=social_worker)
    search = Search("943 476 5919")
    assert (search.kind, list(search.apply(Child.objects.visible_to(team_manager)))) == ("NHS number", [child])


def test_an_nhs_number_with_a_wrong_check_digit_is_an_error_and_finds_nothing(team_manager, social_worker):
    ChildFactory(nhs_number=VALID_NHS, worker=social_worker)
    search = Search("9434765918")
    assert search.error == nhs_number.INVALID
    assert list(search.apply(Child.objects.visible_to(team_manager))) == []


@pytest.mark.parametrize("typed", ["17/05/2015", "17-05-2015", "2015-05-17", "17 May 2015"])
def test_a_child_is_found_by_date_of_birth(team_manager, social_worker, typed):
    child = ChildFactory(date_of_birth=datetime.date(2015, 5, 17), worker=social_worker)
    ChildFactory(date_of_birth=datetime.date(2015, 5, 18), worker=social_worker)
    assert found(team_manager, typed) == [child]


def test_children_outside_the_users_scope_are_never_found(social_worker, outsider):
    ChildFactory(last_name="Blacksmith", worker=outsider)
    mine = ChildFactory(last_name="Smithson", worker=social_worker)
    assert found(social_worker, "smith") == [mine]


def test_an_administrator_finds_no_child(administrator, social_worker):
    ChildFactory(last_name="Smith", worker=social_worker)
    assert found(administrator, "smith") == []


def test_an_empty_search_asks_nothing(team_manager, child):
    assert not Search("   ").asked
    assert found(team_manager, "") == []


def test_the_search_page_lists_matches_as_a_sortable_table(client, team_manager, social_worker):
    ChildFactory(first_name="Kayden", last_name="Blacksmith", worker=social_worker)
    client.force_login(team_manager)
    page = client.get(reverse("search"), {"q": "smith"}).content.decode()
    assert "Kayden Blacksmith" in page
    assert 'data-module="moj-sortable-table"' in page
    assert "1 child matching ‘smith’ by name or local identifier" in page


def test_the_search_page_titles_an_error(client, team_manager):
    client.force_login(team_manager)
    page = client.get(reverse("search"), {"q": "9434765918"}).content.decode()
    assert "<title>Error: Children matching" in page
    assert "govuk-error-summary" in page


def test_every_page_has_the_search_box_for_those_who_see_children(client, team_manager, administrator):
    client.force_login(team_manager)
    assert 'id="header-search-q"' in client.get(reverse("home")).content.decode()
    client.force_login(administrator)
    assert 'id="header-search-q"' not in client.get(reverse("home")).content.decode()


def test_the_search_page_runs_the_same_few_queries_for_any_number_of_matches(
    client, team_manager, social_worker, django_assert_max_num_queries
):
    client.force_login(team_manager)
    counts = []
    for batch in (2, 40):
        ChildFactory.create_batch(batch, last_name="Smith", worker=social_worker)
        # Session, user, visible teams, the children, the header's team and flags, the session save.
        with django_assert_max_num_queries(10) as captured:
            assert client.get(reverse("search"), {"q": "smith"}).status_code == 200
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_the_name_search_can_use_the_trigram_index(team_manager, social_worker):
    ChildFactory(last_name="Smith", worker=social_worker)
    queryset = Search("smi").apply(Child.objects.all())
    # A handful of rows would be scanned whatever the indexes: forbid full scans (of the table or of any index)
    # so the plan shows which index can answer the name condition.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert "cases_child_folded_name_trgm" in plan
