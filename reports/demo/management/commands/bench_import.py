"""Time and memory for importing a 10,000-row update sheet: preview, then commit.

    python manage.py bench_import [--rows 10000]

Builds a scratch partnership whose one lead owns N actions in an open quarter, writes an N-row XLSX
in our sheet's layout filled with messy-but-valid values (R/a/" Green ", "Completed", day-first
dates as text and as Excel dates, Windows line endings, blank rows, a key and a footnote), and runs
what the web pages run: the upload checks and preview_upload() (the preview), then apply_import()
(the confirm: the upload previewed again and every row saved in one transaction with history).

It runs twice inside one transaction that is always rolled back, so the database is left as it
was: first untraced, for the times and query counts, then under tracemalloc, for Python's peak
memory (tracemalloc slows Python down, so its pass is not timed). ru_maxrss is the process's
peak resident memory, everything included.

Targets (issue 6): the whole import under 15 seconds and under 300 MB.
"""

import datetime
import gc
import io
import resource
import time
import tracemalloc
from dataclasses import dataclass

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter

from actions.models import Action, ActionUpdate
from actions.update_sheet import columns, writing
from actions.update_sheet.applying import apply_import
from actions.update_sheet.preview import preview_upload
from governance.models import Membership, Partnership, PendingImport, Role, User
from priorities.models import Plan, Priority, ReportingPeriod
from swp.sheets.uploads import check_spreadsheet_upload

TARGET_SECONDS = 15
TARGET_MB = 300
MESSY_RAG = [" r ", "AMBER", "g", "Green ", "a", "Completed", "red", "G"]
OFF_TRACK = ("r", "red", "amber", "a")
MESSY_DATES = ["", "", "31/03/2021", "1/4/21", datetime.datetime(2021, 6, 30), "2021-09-30", "", ""]


class _Rollback(Exception):
    pass


@dataclass
class Phase:
    seconds: float = 0.0
    cpu: float = 0.0
    queries: int = 0
    traced_mb: float = 0.0


def _messy_sheet(actions: list[Action], plan: Plan, period: ReportingPeriod) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(writing.UPDATES_SHEET)
    size = 3 + len(actions) + len(actions) // 1000 + 2
    last = get_column_letter(len(columns.SHEET_COLUMNS))
    sheet.calculate_dimension = lambda: f"A1:{last}{size}"  # as Excel writes it (see update_sheet/writing.py)

    def cell(value):
        c = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str):
            c.data_type = "s"
        return c

    sheet.append([cell(f"{plan.title}: updates for {period.label}")])
    sheet.append([cell("Fill in the white columns.")])
    sheet.append([cell(column.heading) for column in columns.SHEET_COLUMNS])
    for n, action in enumerate(actions):
        rag = MESSY_RAG[n % len(MESSY_RAG)]
        deadline = MESSY_DATES[n % len(MESSY_DATES)]
        sheet.append(
            [
                cell(value)
                for value in (
                    action.reference,
                    "1. Benchmark priority",
                    action.overall_objective,
                    None,
                    "Not started",
                    "",
                    "",  # last quarter
                    rag,
                    f"Progress on item {action.reference}:\r\nmeetings held, “plan” agreed – £{n:,} spent.",
                    "Extra staff from next month." if rag.strip().lower() in OFF_TRACK else "",
                    f"{n % 7} events held",
                    "Yes" if rag == "Completed" else ("No" if n % 3 else ""),
                    deadline,
                    "Funding arrived late" if deadline else "",
                    "" if n % 5 else ("No" if n % 10 else "Yes"),
                    f"a{action.pk}v0",
                )
            ]
        )
        if n % 1000 == 999:
            sheet.append([])  # a blank row now and then
    sheet.append([cell("Key: R = off track, A = at risk, G = on track")])
    sheet.append([cell("Source: benchmark")])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class Command(BaseCommand):
    help = "Time and peak memory for previewing and committing a 10,000-row update sheet (changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)

    def handle(self, *args, rows: int, **options):
        try:
            with transaction.atomic():
                self._run(rows)
                raise _Rollback
        except _Rollback:
            pass
        self.stdout.write("Scratch data rolled back: the database is as it was.")

    def _build(self, rows: int):
        partnership = Partnership.objects.create(
            name="Benchmark Partnership", slug="bench-import-scratch", area="Bench"
        )
        lead = User.objects.create_user(
            email="bench.lead@bench.invalid", full_name="Bench Lead", password=None
        )
        Membership.objects.create(partnership=partnership, user=lead, role=Role.CONTRIBUTOR)
        plan = Plan.objects.create(
            partnership=partnership,
            title="Benchmark Plan",
            period_start=datetime.date(2020, 1, 1),
            period_end=datetime.date(2021, 12, 31),
            status=Plan.Status.ACTIVE,
        )
        period = ReportingPeriod.objects.create(
            plan=plan,
            label="2020 Q3",
            start=datetime.date(2020, 7, 1),
            end=datetime.date(2020, 9, 30),
            update_deadline=datetime.date(2020, 10, 14),
            status=ReportingPeriod.Status.OPEN,
        )
        priority = Priority.objects.create(plan=plan, order=1, title="Benchmark priority", lead_officer=lead)
        Action.objects.bulk_create(
            [
                Action(
                    plan=plan,
                    priority=priority,
                    reference=f"1.{n}",
                    order=n % 30000,
                    overall_objective=f"Benchmark objective {n}",
                    horizon=Action.Horizon.ONE_YEAR,
                    start_date=datetime.date(2020, 1, 1),
                    deadline=datetime.date(2020, 12, 31),
                )
                for n in range(1, rows + 1)
            ],
            batch_size=1000,
        )
        actions = list(Action.objects.filter(plan=plan).order_by("id"))
        return partnership, lead, plan, period, actions

    def _pass(self, data, *, lead, plan, period, partnership, traced: bool) -> tuple[Phase, Phase, int]:
        preview, commit = Phase(), Phase()
        gc.collect()
        if traced:
            tracemalloc.start()
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            fmt = check_spreadsheet_upload(io.BytesIO(data), name="bench.xlsx", size=len(data))
            result = preview_upload(data=data, fmt=fmt, user=lead, plan=plan, period=period)
            preview.seconds, preview.cpu = time.perf_counter() - started, time.process_time() - cpu
        preview.queries = len(queries)
        if traced:
            preview.traced_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.reset_peak()
        if result.error_messages:
            raise SystemExit("The benchmark sheet has errors:\n" + "\n".join(result.error_messages[:20]))
        pending = PendingImport.objects.create(
            kind=PendingImport.Kind.UPDATE_SHEET,
            partnership=partnership,
            created_by=lead,
            original_name="bench.xlsx",
            file_format=fmt,
            content=data,
            sha256="bench",
            context={"plan": plan.pk, "period": period.pk},
        )
        digest = result.digest()
        changes = len(result.changes)
        del result
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            apply_import(pending=pending, user=lead, plan=plan, period=period, expected_digest=digest)
            commit.seconds, commit.cpu = time.perf_counter() - started, time.process_time() - cpu
        commit.queries = len(queries)
        if traced:
            commit.traced_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        return preview, commit, changes

    def _run(self, rows: int) -> None:
        out = self.stdout.write
        started = time.perf_counter()
        partnership, lead, plan, period, actions = self._build(rows)
        data = _messy_sheet(actions, plan, period)
        out(
            f"Scratch plan: {len(actions):,} actions owned by one lead; "
            f"sheet {len(data) / 2**20:.1f} MB XLSX "
            f"({time.perf_counter() - started:.1f} s to build, not counted)."
        )
        savepoint = transaction.savepoint()
        preview, commit, changes = self._pass(
            data, lead=lead, plan=plan, period=period, partnership=partnership, traced=False
        )
        written = ActionUpdate.objects.filter(period=period).count()
        history = ActionUpdate.history.filter(period_id=period.pk).count()
        transaction.savepoint_rollback(savepoint)
        traced_preview, traced_commit, _ = self._pass(
            data, lead=lead, plan=plan, period=period, partnership=partnership, traced=True
        )
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        total = preview.seconds + commit.seconds
        out(f"Rows changed: {changes:,}; updates written: {written:,}; history records: {history:,}")
        out(f"{'phase':<10}{'seconds':>9}{'CPU s':>8}{'rows/s':>10}{'queries':>9}{'tracemalloc peak MB':>21}")
        for name, phase, traced in (("preview", preview, traced_preview), ("commit", commit, traced_commit)):
            out(
                f"{name:<10}{phase.seconds:>9.2f}{phase.cpu:>8.2f}{rows / phase.seconds:>10,.0f}"
                f"{phase.queries:>9}{traced.traced_mb:>21.1f}"
            )
        cpu = preview.cpu + commit.cpu
        queries = preview.queries + commit.queries
        out(f"{'total':<10}{total:>9.2f}{cpu:>8.2f}{rows / total:>10,.0f}{queries:>9}")
        out("(seconds: wall clock; CPU s: this process's own CPU time; the rest is waiting for disk or CPUs)")
        out(f"Peak resident memory of this process (ru_maxrss): {rss_mb:.0f} MB")
        verdict = "within" if total < TARGET_SECONDS and rss_mb < TARGET_MB else "OUTSIDE"
        out(f"Targets: under {TARGET_SECONDS} s and {TARGET_MB} MB for the whole import: {verdict} them.")
