"""pip-audit over the locked requirements, which never passes by saying nothing.

Usage: ``python scripts/audit_dependencies.py REQUIREMENTS.txt`` (``make audit`` exports
the file from uv.lock first, with hashes).

- A known vulnerability in any locked package: fails, naming it.
- The vulnerability database cannot be reached, or answers for none of the packages
  (as on a machine that sees only a package mirror): says SKIPPED in capitals with the
  reason and exits 0, so the run goes on but nobody reads it as a pass. With
  ``AUDIT_REQUIRED=1`` (for a machine that can reach pypi.org) that is a failure too.
- Some packages not audited: lists them and passes on the rest.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def skipped(reason: str) -> int:
    print(f"\n*** pip-audit SKIPPED: {reason}")
    print("*** The dependencies were NOT checked for known vulnerabilities on this machine.")
    if os.environ.get("AUDIT_REQUIRED") == "1":
        print("*** AUDIT_REQUIRED=1: failing.")
        return 1
    return 0


def main(requirements: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        result = subprocess.run(  # noqa: S603 (our own arguments)
            [
                sys.executable,
                "-m",
                "pip_audit",
                "--requirement",
                requirements,
                "--disable-pip",
                "--require-hashes",
                "--progress-spinner",
                "off",
                "--format",
                "json",
                "--output",
                str(report),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
        if not report.exists() or not report.read_text().strip():
            last = (result.stderr.strip().splitlines() or ["no output"])[-1]
            return skipped(f"pip-audit could not run to the end ({last[:200]}).")
        data = json.loads(report.read_text())
    dependencies = data.get("dependencies", [])
    vulnerable = [d for d in dependencies if d.get("vulns")]
    not_audited = [d for d in dependencies if d.get("skip_reason")]
    for dependency in vulnerable:
        for vuln in dependency["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed version yet"
            print(f"{dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
    if vulnerable:
        print(f"\npip-audit: {len(vulnerable)} locked package(s) with known vulnerabilities.")
        return 1
    audited = len(dependencies) - len(not_audited)
    if dependencies and audited == 0:
        reason = not_audited[0]["skip_reason"]
        return skipped(
            f"the vulnerability database answered for none of the {len(dependencies)} locked "
            f"packages (first reason: {reason})."
        )
    if not_audited:
        names = ", ".join(d["name"] for d in not_audited)
        print(f"pip-audit: could not audit {len(not_audited)} package(s): {names}")
    print(f"pip-audit: no known vulnerabilities in {audited} audited locked packages.")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
