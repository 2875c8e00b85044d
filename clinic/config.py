"""Default settings; instance/config.py, CLINIC_* environment variables and tests override them."""

from datetime import timedelta

from clinic.clock import system_clock

# SECRET_KEY has no default on purpose: `make run` writes one into instance/config.py.
SECRET_KEY = None

# Encryption at rest (clinic.security.crypto): the keys are read from ENCRYPTION_KEY_FILE
# (default: instance/encryption-keys.json, written by `make install`), or given whole as JSON in
# CLINIC_ENCRYPTION_KEYS. Lose them and the encrypted fields are lost: back the file up apart.
ENCRYPTION_KEYS = None
ENCRYPTION_KEY_FILE = None
# Carrying a clinic day from a laptop to the server (clinic.carry): this install's signing and
# receiving keys, the server key a laptop writes for, the laptops a server trusts. Default:
# instance/carry-keys.json, made by `clinic carry-keys`.
CARRY_KEY_FILE = None
# The largest bundle the admin's upload page takes (a 300-applicant day is about 1 MB).
CARRY_MAX_BUNDLE_BYTES = 64 * 1024 * 1024

# The second factor (auth.second_factor): TOTP, required for these roles; set
# SECOND_FACTOR_FOR_EVERYONE (CLINIC_SECOND_FACTOR_FOR_EVERYONE=true) to require it of
# volunteers too. After the password, the code must follow within SECOND_FACTOR_WAIT.
SECOND_FACTOR_ROLES = ("attorney", "coordinator", "admin")
SECOND_FACTOR_FOR_EVERYONE = False
SECOND_FACTOR_WAIT = timedelta(minutes=5)
SECOND_FACTOR_ISSUER = "Clinic"

# Retention (security.retention; README says why these defaults): closed or referred-out cases
# are purged after RETENTION_CLOSED_DAYS without a change, cases never taken past intake after
# RETENTION_INCOMPLETE_DAYS. Only counts are kept.
RETENTION_CLOSED_DAYS = 3 * 365
RETENTION_INCOMPLETE_DAYS = 365

# SQLALCHEMY_DATABASE_URI defaults to a SQLite file in the instance folder (set in create_app);
# CLINIC_DATABASE_URL=postgresql+psycopg://... selects PostgreSQL.
DATABASE_URL = None
SQLALCHEMY_ENGINE_OPTIONS = {
    # Never echo query parameters into logs or error messages: they hold personal data.
    "hide_parameters": True,
}
SQLITE_BUSY_TIMEOUT_SECONDS = 30

# Sessions: checked on the server (auth.sessions); the cookie only carries a random token.
SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=12)
SESSION_COOKIE_NAME = "clinic_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = False  # CLINIC_SESSION_COOKIE_SECURE=true behind HTTPS
REMEMBER_COOKIE_DURATION = timedelta(0)
# Sent as Strict-Transport-Security when the app is served over HTTPS (SESSION_COOKIE_SECURE).
HSTS_MAX_AGE_SECONDS = 365 * 24 * 3600

# The largest request accepted (a whole interview section is a few kilobytes); larger -> 413.
MAX_CONTENT_LENGTH = 1024 * 1024

# Passwords: a passphrase of 15 to 128 characters; argon2id at the RFC 9106 "low memory"
# profile (t=3, m=64 MiB, p=4), above OWASP's minimum (m=19 MiB, t=2, p=1).
PASSWORD_MIN_LENGTH = 15
PASSWORD_MAX_LENGTH = 128
ARGON2_TIME_COST = 3
ARGON2_MEMORY_COST = 65536
ARGON2_PARALLELISM = 4

# Failed logins on one account: after LOGIN_FREE_ATTEMPTS, each further attempt waits twice as
# long as the one before, starting at LOGIN_FIRST_DELAY and capped at LOGIN_MAX_DELAY.
LOGIN_FREE_ATTEMPTS = 5
LOGIN_FIRST_DELAY = timedelta(seconds=30)
LOGIN_MAX_DELAY = timedelta(minutes=15)

INVITATION_LIFETIME = timedelta(days=7)

WTF_CSRF_TIME_LIMIT = None  # the session's own limits apply; a long intake must not expire a form
TIMEZONE = "America/New_York"
# A callable returning an aware UTC datetime; tests replace it to pass time in.
CLOCK = system_clock
REVIEW_CLAIM_MINUTES = 90  # an attorney's claim on a case lapses after this long

# The task queue (Huey) that runs background work; see clinic/jobs/queue.py. QUEUE_URL unset
# keeps it in queue.sqlite3 beside a SQLite database (one host); "redis://host:6379/0" or
# "database" (the app's PostgreSQL database) let workers on several hosts share it. Workers
# sharing a queue need the same QUEUE_NAME. QUEUE_IMMEDIATE runs tasks at once, in the request
# (the tests do): no worker needed, but nothing runs in the background.
QUEUE_URL = None
QUEUE_NAME = "clinic"
QUEUE_IMMEDIATE = False

# Clinic-day packets: rendered by a queue worker, at most PACKET_RENDERS_AT_ONCE at a time per
# worker (`clinic worker` runs that many processes), each on a pool of PACKET_PROCESSES
# processes (0: one per CPU core). A failed render is retried PACKET_RETRIES times, after
# PACKET_RETRY_DELAY_SECONDS. A rendering job whose worker has written no heartbeat for
# PACKET_HEARTBEAT_SECONDS is marked failed (and can be tried again). Finished packets are kept
# in PACKET_STORAGE ("database") for PACKET_KEEP_HOURS, then deleted.
PACKET_RENDERS_AT_ONCE = 1
PACKET_PROCESSES = 0
PACKET_RETRIES = 2
PACKET_RETRY_DELAY_SECONDS = 10
PACKET_HEARTBEAT_SECONDS = 120
PACKET_STORAGE = "database"
PACKET_KEEP_HOURS = 24

# The station board (clinic.board): a card is flagged once its person has waited this long at
# one station; the page's script asks for the board again every BOARD_REFRESH_SECONDS.
BOARD_ALERT_MINUTES = 30
BOARD_REFRESH_SECONDS = 5

# Reports for funders (clinic.reports): in exports, counts from 1 to REPORT_SMALL_CELL_MAX are
# shown as "<N+1>" (small counts by town or language can point at one person).
REPORT_SMALL_CELL_MAX = 4
