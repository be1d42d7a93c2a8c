"""How fast the dashboard and the filtered actions list are, with 1 and with 100 partnerships.

Prints figures rather than asserting them, so a busy machine cannot make a test flake. Signed in
as the demo's council officer, it renders Safer Walsall's /dashboard/ and a filtered /actions/
list through django.test.Client, and a trivial signed-in page (/my-updates/, for a viewer who
owns nothing) in the same run, interleaved so all three see the same machine. Then it adds 99
synthetic partnerships (load_synthetic) and measures again. Everything runs inside one
transaction that is rolled back, so the synthetic partnerships (and the session) are not left
behind. Targets: each page under 3 times the trivial page, and the same query counts at both sizes.
"""

import statistics
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from governance.models import Organisation, Partnership, User
from reports.demo.synthetic import load_synthetic

OFFICER = "officer@demo.example"
SLUG = "safer-walsall"
PARTNER = "West Midlands Police"
TARGET_RATIO = 3.0
TOTAL_PARTNERSHIPS = 100


@dataclass
class Page:
    name: str
    url: str
    times: list[float]  # wall clock, what a person waits
    cpu: list[float]  # this process's CPU time: steadier when other work shares the machine
    queries: int = 0
    size: int = 0  # bytes of HTML, to show the page was really rendered

    @property
    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu) * 1000


class Command(BaseCommand):
    help = (
        "Time Safer Walsall's dashboard and a filtered actions list with 1 and with 100 partnerships "
        "in the database, against a trivial signed-in page; print medians, ratios and query counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Timed requests per page (default 30).")
        parser.add_argument("--warmup", type=int, default=3, help="Untimed requests per page first.")
        parser.add_argument(
            "--partnerships",
            type=int,
            default=TOTAL_PARTNERSHIPS,
            help=f"Partnerships in the database for the second run (default {TOTAL_PARTNERSHIPS}).",
        )

    def handle(self, *args, repeat, warmup, partnerships, **options):
        if repeat < 1 or warmup < 0:
            raise CommandError("--repeat must be 1 or more, and --warmup 0 or more.")
        if not 2 <= partnerships <= 999:
            raise CommandError("--partnerships must be between 2 and 999.")
        officer = User.objects.filter(email=OFFICER).first()
        partner = Organisation.objects.filter(partnership__slug=SLUG, name=PARTNER).first()
        if officer is None or partner is None:
            raise CommandError("Load the demo first: python manage.py load_demo")
        filters = urlencode({"organisation": partner.pk, "rag": ["red", "amber", "missing"]}, doseq=True)
        urls = [
            ("Dashboard", reverse("reports:dashboard")),
            ("Actions: red, amber or no rating, WMP", f"{reverse('actions:plan')}?{filters}"),
            ("Trivial page (your updates)", reverse("actions:my_updates")),
        ]
        hosts = [*settings.ALLOWED_HOSTS, "testserver"]
        results = []
        with override_settings(ALLOWED_HOSTS=hosts), transaction.atomic():
            client = Client()
            client.force_login(officer)
            results.append(self._measure(client, urls, repeat, warmup))
            started = time.perf_counter()
            wanted = partnerships - Partnership.objects.exclude(slug__startswith="synthetic-").count()
            report = load_synthetic(partnerships=max(wanted, 0))
            self.stdout.write(
                f"Loaded {report.created} synthetic partnerships in {time.perf_counter() - started:.1f} s "
                "(rolled back at the end)."
            )
            results.append(self._measure(client, urls, repeat, warmup))
            transaction.set_rollback(True)
        self._report(results)

    def _measure(self, client: Client, urls, repeat: int, warmup: int) -> tuple[int, list[Page]]:
        pages = [Page(name, url, [], []) for name, url in urls]
        for page in pages:
            for _ in range(warmup):
                self._get(client, page.url)
            with CaptureQueriesContext(connection) as queries:
                page.size = len(self._get(client, page.url))
            page.queries = len(queries)
        for _ in range(repeat):  # interleaved, so a slow moment hits every page alike
            for page in pages:
                started, cpu = time.perf_counter(), time.process_time()
                self._get(client, page.url)
                page.times.append(time.perf_counter() - started)
                page.cpu.append(time.process_time() - cpu)
        return Partnership.objects.count(), pages

    @staticmethod
    def _get(client: Client, url: str) -> bytes:
        response = client.get(url, secure=True)  # secure: production settings redirect http to https
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")
        return response.content

    def _report(self, results: list[tuple[int, list[Page]]]) -> None:
        write = self.stdout.write
        engine = connection.settings_dict["ENGINE"].rsplit(".", 1)[-1]
        # DEBUG off also means Django's cached template loader, as in production.
        write(f"Database: {engine}; DEBUG={settings.DEBUG}")
        ok = True
        for partnerships, pages in results:
            trivial = pages[-1]
            write(f"\nWith {partnerships} partnership{'s' if partnerships != 1 else ''} in the database")
            write(
                f"  {'page':<44} {'wall':>8} {'ratio':>6} {'cpu':>8} {'ratio':>6} {'queries':>8} {'bytes':>7}"
            )
            for page in pages:
                wall, cpu = page.median_ms / trivial.median_ms, page.cpu_ms / trivial.cpu_ms
                figures = f"{page.median_ms:>6.1f}ms {wall:>6.2f} {page.cpu_ms:>6.1f}ms {cpu:>6.2f}"
                write(f"  {page.name:<44} {figures} {page.queries:>8} {page.size:>7}")
                if page is not trivial and wall >= TARGET_RATIO:
                    ok = False
        sizes = [[page.queries for page in pages] for _, pages in results]
        same = all(counts == sizes[0] for counts in sizes)
        write("")
        write("Medians of the timed requests; ratio = page / trivial page in the same run.")
        write(f"Query counts the same at both sizes: {'yes' if same else 'NO'} {sizes}")
        write(
            f"Targets (wall-clock ratio under {TARGET_RATIO:g}, equal query counts): "
            + ("met" if ok and same else "NOT met")
        )
