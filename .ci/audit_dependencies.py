"""Audit the installed dependencies for known vulnerabilities with pip-audit (PyPA).

Exit 1 when any has a known vulnerability. When no vulnerability data can be reached (an
offline machine, or a package index without the vulnerability service, where pip-audit skips
every package and still says "no known vulnerabilities"), say plainly that the audit was
skipped and exit 0: an unaudited run must never read as a clean one.
"""

import json
import subprocess
import sys

command = [
    sys.executable,
    "-m",
    "pip_audit",
    "--skip-editable",
    "--progress-spinner",
    "off",
    "--format",
    "json",
]
run = subprocess.run(command, capture_output=True, text=True, timeout=600)  # noqa: S603 (fixed argv)
try:
    report = json.loads(run.stdout)
except json.JSONDecodeError:
    print("Dependency audit SKIPPED: pip-audit could not reach vulnerability data.")
    print((run.stderr.strip().splitlines() or ["(no message)"])[-1])
    sys.exit(0)

dependencies = report.get("dependencies", [])
audited = [d for d in dependencies if "skip_reason" not in d]
vulnerable = [d for d in audited if d.get("vulns")]
if not audited:
    print(
        f"Dependency audit SKIPPED: no vulnerability data was reachable for any of the "
        f"{len(dependencies)} installed packages (offline, or the package index has no "
        "vulnerability service). Run `make audit` where pypi.org answers."
    )
    sys.exit(0)
for dependency in vulnerable:
    for vulnerability in dependency["vulns"]:
        fixed = ", ".join(vulnerability.get("fix_versions") or []) or "no fix yet"
        print(f"{dependency['name']} {dependency['version']}: {vulnerability['id']} ({fixed})")
skipped = len(dependencies) - len(audited)
print(
    f"Dependency audit: {len(audited)} packages audited, {skipped} could not be, "
    f"{len(vulnerable)} with known vulnerabilities."
)
sys.exit(1 if vulnerable else 0)
