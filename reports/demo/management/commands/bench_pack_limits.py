"""LOAD-04's pathological pack, measured: a 10,000-action plan's pack is stopped at its limit, and the
same process then makes the Safer Walsall pack as usual.

    python manage.py bench_pack_limits [--priorities 50 --actions 200] [--time-limit S] [--memory-limit MB]

The synthetic plan is made inside a transaction that is rolled back, so nothing is left behind.
Prints what stopped the render and when, the worker's own memory before and after, and the
next pack's time: figures, not a pass or fail.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from reports.demo.benchmarks import peak_rss_mb, resident_megabytes_now, warm_up
from reports.demo.synthetic import load_synthetic_plan
from reports.limits import LimitExceeded, run_within_limits
from reports.management.commands.board_pack import find_period
from reports.pdf import html_to_pdf  # reports.pdf loads WeasyPrint only when it renders
from reports.rendering import pack_html
from reports.selectors import board_pack


class Command(BaseCommand):
    help = "Render a 10,000-action pack under the pack limits, then the demo pack in the same process."

    def add_arguments(self, parser):
        parser.add_argument("--priorities", type=int, default=50)
        parser.add_argument("--actions", type=int, default=200, help="Actions per priority (200).")
        parser.add_argument("--time-limit", type=float, default=settings.SWP_PACK_TIME_LIMIT_SECONDS)
        parser.add_argument("--memory-limit", type=int, default=settings.SWP_PACK_MEMORY_LIMIT_MB)
        parser.add_argument("--partnership", default="safer-walsall")
        parser.add_argument("--period", default="2020 Q2")

    def handle(self, *args, **options):
        limits = {"seconds": options["time_limit"], "megabytes": options["memory_limit"]}
        warm_up()  # WeasyPrint loaded once, in the parent, as on a running worker
        demo = find_period(partnership_slug=options["partnership"], label=options["period"])
        self.stdout.write(f"Limits: {limits['seconds']:g} s, {limits['megabytes']:,} MB resident")
        self.stdout.write(f"Worker resident memory before: {resident_megabytes_now():.0f} MB")

        with transaction.atomic():
            started = time.perf_counter()
            plan, period = load_synthetic_plan(
                priorities=options["priorities"], actions_per_priority=options["actions"]
            )
            actions = plan.actions.count()
            html = pack_html(board_pack(plan=plan, period=period))
            self.stdout.write(
                f"Synthetic plan of {actions:,} actions made and its HTML written ({len(html) / 1e6:.1f} MB) "
                f"in {time.perf_counter() - started:.1f} s (rolled back afterwards)"
            )
            transaction.set_rollback(True)

        self._render("Pathological pack", html, limits)
        del html
        self.stdout.write(f"Worker resident memory after: {resident_megabytes_now():.0f} MB")
        demo_html = pack_html(board_pack(plan=demo.plan, period=demo))
        self._render(f"Next job, {demo.plan.partnership.name} {demo.label}", demo_html, limits)
        self.stdout.write(
            f"Worker peak resident memory over the whole run (ru_maxrss): {peak_rss_mb():.0f} MB"
        )

    def _render(self, name: str, html: str, limits: dict) -> None:
        started = time.perf_counter()
        try:
            rendered = run_within_limits(html_to_pdf, html, **limits)
        except LimitExceeded as stopped:
            seconds = time.perf_counter() - started
            self.stdout.write(f"{name}: stopped at the {stopped.kind} limit after {seconds:.1f} s. {stopped}")
        else:
            seconds = time.perf_counter() - started
            self.stdout.write(f"{name}: {rendered.pages} pages in {seconds:.1f} s")
