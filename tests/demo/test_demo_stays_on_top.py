"""The demo app sits at the top of the dependency order: no other app imports it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
APPS = ("governance", "priorities", "actions", "reports", "swp")


def _imported_modules(source: str, package: list[str]) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            modules.add(module)
            modules |= {f"{module}.{alias.name}" for alias in node.names}
    return modules


def test_no_other_app_imports_the_demo():
    offenders = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith("reports/demo/"):
                continue
            package = list(path.relative_to(ROOT).parent.parts)
            imported = _imported_modules(path.read_text(), package)
            if any(name == "reports.demo" or name.startswith("reports.demo.") for name in imported):
                offenders.append(relative)
    assert not offenders, f"These import the demo app: {offenders}"
