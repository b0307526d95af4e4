from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo authority (`manage.py seed_demo`): above every other app, as it seeds them all."""

    name = "demo"
