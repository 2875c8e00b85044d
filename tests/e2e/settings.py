"""Where the browser tests find their tools, and the sizes and moment they run at."""

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).parent / "artifacts"
AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CLINIC_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
LAUNCH_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_INSTALL = (
    "install it with `sudo apt-get install chromium` (and npm, for axe-core), then `make test`"
)
# The server's clock stands still on this moment (UTC), so dates and outcomes never drift.
FROZEN_NOW = (2026, 11, 30, 15, 0)
LAPTOP, PHONE = {"width": 1280, "height": 720}, {"width": 390, "height": 844}
