from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Safer Walsall demo, synthetic partnerships and the benchmarks: nothing production runs.

    It sits at the top of the dependency order beside reports, and no other app imports it.
    """

    name = "reports.demo"
    label = "demo"
    verbose_name = "Demo data and benchmarks"
