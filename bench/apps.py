from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Scale data and benchmarks: `manage.py seed_scale` and `manage.py bench` (see `make bench`)."""

    name = "bench"
    verbose_name = "Benchmarks"
