"""Fail if a file in the repository holds something that looks like a secret.

Run by ``make lint``. Looks at every file git tracks or would add (tracked, and untracked
but not ignored), so a secret is caught before its first commit. Finds private keys, the
usual cloud and code-host tokens, powerwith API tokens, and ``SECRET_KEY`` written as a
literal outside tests/ (tests set fake keys on purpose). A line that must keep such a
text (the local-only fallback in settings) says so with ``secrets-check: allow`` and a
reason, on the same line or the line above.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ALLOW = "secrets-check: allow"
SKIP_SUFFIXES = {".lock", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".woff", ".woff2"}
SKIP_NAMES = {"package-lock.json", "uv.lock"}

DASHES = "-" * 5
PATTERNS = {
    "a private key": re.compile(DASHES + r"BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?" + DASHES),
    "an AWS access key": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "a GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "a GitLab token": re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b"),
    "a Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
    "a Stripe live key": re.compile(r"\b[rs]k_live_[A-Za-z0-9]{16,}\b"),
    "a Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "a powerwith API token": re.compile(r"\bpw_[0-9a-f]{12}_[A-Za-z0-9_-]{40,}"),
    "a SECRET_KEY literal": re.compile(r"""SECRET_KEY['"]?\s*[:=]\s*[rbuf]?['"][^'"\s]{8,}['"]"""),
}


SKIP_DIRS = {".git", ".venv", "node_modules", "var", "__pycache__", ".mypy_cache"}


def candidate_files() -> list[Path]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        # Not a git checkout (an unpacked archive): every file but tools' and build folders.
        return [
            path
            for path in ROOT.rglob("*")
            if path.is_file() and not SKIP_DIRS & set(path.relative_to(ROOT).parts)
        ]
    return [ROOT / name for name in listed.split("\0") if name]


def findings_in(path: Path) -> list[str]:
    if path.suffix in SKIP_SUFFIXES or path.name in SKIP_NAMES or not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return []
    found = []
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    in_tests = shown.parts[0] == "tests"
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        if ALLOW in line or (number > 1 and ALLOW in lines[number - 2]):
            continue
        for what, pattern in PATTERNS.items():
            if what == "a SECRET_KEY literal" and in_tests:
                continue
            if pattern.search(line):
                found.append(f"{shown}:{number}: looks like {what}")
    return found


def main(paths: list[str]) -> int:
    files = [Path(p).resolve() for p in paths] if paths else candidate_files()
    problems = [problem for path in files for problem in findings_in(path)]
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\n{len(problems)} possible secret(s). Remove them (and rotate any real one), or "
            f"mark a deliberate fake with '{ALLOW} (reason)' on the same line."
        )
        return 1
    print(f"No secrets found in {len(files)} files.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
