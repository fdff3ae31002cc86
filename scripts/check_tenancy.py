"""Fail when a view or API module reaches a model's manager directly.

Tenancy lives in each app's queries.py; views and API endpoints call those functions,
so no page or endpoint can forget to scope a read to the organisation.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "powerwith"
DIRECT_MANAGER = re.compile(r"\b[A-Z][A-Za-z0-9]+\.objects\b")


def interface_modules() -> list[Path]:
    found: list[Path] = []
    for path in SOURCE.rglob("*.py"):
        parts = path.relative_to(SOURCE).parts
        interface = any(
            part in {"views", "api"} or part.startswith(("views_", "api_")) for part in parts
        )
        if interface or path.stem in {"views", "api"} or path.stem.startswith(("views_", "api_")):
            found.append(path)
    return sorted(found)


def main() -> int:
    problems = []
    for path in interface_modules():
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if DIRECT_MANAGER.search(line):
                problems.append(
                    f"{path.relative_to(SOURCE.parent.parent)}:{number}: {line.strip()}"
                )
    if problems:
        print("Views and API modules must read through queries.py, not Model.objects:")
        print("\n".join(problems))
        return 1
    print(f"tenancy check: {len(interface_modules())} view and API modules read through queries.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
