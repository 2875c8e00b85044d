"""Default settings; instance/config.py, CLINIC_* environment variables and tests override them."""

from datetime import timedelta

from clinic.clock import system_clock

# SECRET_KEY has no default on purpose: `make run` writes one into instance/config.py.
SECRET_KEY = None

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

# Clinic-day packets: rendered in a separate process on a pool of PACKET_PROCESSES workers
# (0: one per CPU core), kept in instance/packets for PACKET_KEEP_HOURS, then deleted.
PACKETS_INLINE = False
PACKET_PROCESSES = 0
PACKET_KEEP_HOURS = 24

# The station board (clinic.board): a card is flagged once its person has waited this long at
# one station; the page's script asks for the board again every BOARD_REFRESH_SECONDS.
BOARD_ALERT_MINUTES = 30
BOARD_REFRESH_SECONDS = 5

# Reports for funders (clinic.reports): in exports, counts from 1 to REPORT_SMALL_CELL_MAX are
# shown as "<N+1>" (small counts by town or language can point at one person).
REPORT_SMALL_CELL_MAX = 4
