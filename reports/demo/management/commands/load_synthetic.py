import time

from django.core.management.base import BaseCommand, CommandError

from reports.demo.synthetic import load_synthetic


class Command(BaseCommand):
    help = "Create deterministic partnerships shaped like Walsall's, for benchmarks. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--partnerships", type=int, required=True, help="How many partnerships in all.")
        parser.add_argument("--priorities", type=int, default=5, help="Priorities per plan (default 5).")
        parser.add_argument("--actions", type=int, default=12, help="Actions per priority (default 12).")
        parser.add_argument("--seed", type=int, default=1, help="Seed for the generated text and ratings.")

    def handle(self, *args, partnerships, priorities, actions, seed, **options):
        for name, value in (
            ("--partnerships", partnerships),
            ("--priorities", priorities),
            ("--actions", actions),
        ):
            if value < 1:
                raise CommandError(f"{name} must be 1 or more.")
        if partnerships > 999:
            raise CommandError("--partnerships can be at most 999.")
        started = time.perf_counter()
        report = load_synthetic(partnerships=partnerships, priorities=priorities, actions=actions, seed=seed)
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Created {report.created} synthetic partnerships ({report.skipped} already there) "
            f"in {elapsed:.1f} s."
        )
