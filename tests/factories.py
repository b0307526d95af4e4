import datetime

import factory

from cases.models import Allocation, Category, Child
from organisation.models import Role, Service, StaffMember, Team


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Service {n}")


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    service = factory.SubFactory(ServiceFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffMember
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    role = Role.SOCIAL_WORKER
    team = factory.SubFactory(TeamFactory)
    date_qualified = datetime.date(2015, 9, 1)
    password = factory.django.Password("a-long-test-password")


class ChildFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Child

    local_id = factory.Sequence(lambda n: f"C{n:06d}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    date_of_birth = datetime.date(2015, 5, 17)
    category = Category.CHILD_IN_NEED
    opened_on = datetime.date(2026, 1, 5)
    worker = factory.SubFactory(StaffFactory)
    team = factory.LazyAttribute(lambda o: o.worker.team if o.worker else TeamFactory())


class AllocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Allocation

    child = factory.SubFactory(ChildFactory)
    team = factory.LazyAttribute(lambda o: o.child.team)
    worker = factory.LazyAttribute(lambda o: o.child.worker)
    started_on = factory.LazyAttribute(lambda o: o.child.opened_on)
