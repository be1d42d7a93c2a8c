import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from governance.command_partnership import partnership_from_option
from priorities.models import ReportingPeriod
from reports.rendering import DEFAULT_MARKING, MARKINGS, pack_html
from reports.selectors import board_pack


def find_period(*, partnership_slug: str, label: str, plan_title: str = "") -> ReportingPeriod:
    """The reporting period a command names, or a CommandError that says what would have worked."""
    partnership = partnership_from_option(partnership_slug)
    periods = ReportingPeriod.objects.filter(plan__partnership=partnership)
    periods = periods.select_related("plan__partnership")
    if plan_title:
        periods = periods.filter(plan__title=plan_title)
    periods = list(periods.order_by("plan__period_start", "start"))
    matches = [p for p in periods if p.label == label]
    if not matches:
        labels = ", ".join(dict.fromkeys(p.label for p in periods))
        where = f"{partnership.name}{f' plan {plan_title!r}' if plan_title else ''}"
        raise CommandError(
            f'There is no reporting period "{label}" in {where}. '
            + (f"Use one of: {labels}." if labels else "It has no reporting periods yet.")
        )
    if len(matches) > 1:
        titles = "; ".join(p.plan.title for p in matches)
        raise CommandError(f'More than one plan has a period "{label}": {titles}. Say which with --plan.')
    return matches[0]


class Command(BaseCommand):
    help = "Write a partnership's quarterly board pack as a PDF (or, with --html, as HTML)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partnership", required=True, help="The partnership's slug, such as safer-walsall."
        )
        parser.add_argument(
            "--period", required=True, help='The reporting period\'s label, such as "2020 Q2".'
        )
        parser.add_argument("--output", required=True, help="The file to write, such as pack.pdf.")
        parser.add_argument("--html", action="store_true", help="Write the HTML instead of the PDF.")
        parser.add_argument(
            "--marking",
            default=DEFAULT_MARKING,
            choices=MARKINGS,
            help=f"The protective marking on every page (default {DEFAULT_MARKING}).",
        )
        parser.add_argument(
            "--plan", default="", help="The plan's title, if two plans share the period label."
        )

    def handle(self, *args, partnership, period, output, html, marking, plan, **options):
        found = find_period(partnership_slug=partnership, label=period, plan_title=plan)
        target = Path(output)
        if not target.parent.is_dir():
            raise CommandError(f"Cannot write {output}: the folder {target.parent} does not exist.")
        started = time.perf_counter()
        pack = board_pack(plan=found.plan, period=found)
        if html:
            target.write_text(pack_html(pack, marking=marking), encoding="utf-8")
            what = "HTML"
        else:
            from reports.pdf import render_pdf  # only this branch needs WeasyPrint

            rendered = render_pdf(pack, marking=marking)
            target.write_bytes(rendered.pdf)
            what = f"PDF, {rendered.pages} pages"
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Wrote the {found.label} board pack for {pack.partnership} to {target} "
            f"({what}, {elapsed:.1f} s)."
        )
