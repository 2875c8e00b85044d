"""Every page people read, in one list: the accessibility test visits each at both sizes.

A new page joins by a row here; test_every_page_is_in_the_list fails until it does. Each row:
endpoint -> (who opens it, where, given the journey's coalition). `None` as the path: a
one-time page (first run, an invitation), checked during the journey when it is shown.
"""

ONE_TIME = None

PAGES = {
    "auth.first_run": ("admin", ONE_TIME),
    "auth.accept_invitation": ("volunteer", ONE_TIME),
    "auth.enrol": ("admin", ONE_TIME),
    "auth.login_code": ("attorney", ONE_TIME),
    "auth.login": ("anonymous", lambda c: "/login"),
    "main.home": ("volunteer", lambda c: "/"),
    "auth.account": ("volunteer", lambda c: "/account"),
    "admin.organizations": ("admin", lambda c: "/admin/organizations"),
    "admin.new_organization": ("admin", lambda c: "/admin/organizations/new"),
    "admin.edit_organization": ("admin", lambda c: "/admin/organizations/1"),
    "admin.users": ("admin", lambda c: "/admin/users"),
    "admin.invite_user": ("admin", lambda c: "/admin/users/new"),
    "admin.edit_user": ("admin", lambda c: "/admin/users/2"),
    "admin.audit_log": ("admin", lambda c: "/admin/audit"),
    "voter.elections": ("admin", lambda c: "/admin/elections"),
    "events.index": ("coordinator", lambda c: "/events/"),
    "events.new": ("coordinator", lambda c: "/events/new"),
    "events.show": ("coordinator", lambda c: c.day_url),
    "events.edit": ("coordinator", lambda c: f"{c.day_url}/edit"),
    "events.check_in": ("volunteer", lambda c: f"{c.day_url}/check-in"),
    "cases.index": ("coordinator", lambda c: "/cases/"),
    "cases.show": ("attorney", lambda c: f"/cases/{c.cases['two_duis']}"),
    "intake.section": ("volunteer", lambda c: f"/cases/{c.cases['long_trip']}/intake/trips"),
    "cases.come_back": ("coordinator", lambda c: "/cases/follow-up/come-back"),
    "cases.missing_documents": ("coordinator", lambda c: "/cases/follow-up/documents"),
    "cases.stuck": ("coordinator", lambda c: "/cases/follow-up/stuck"),
    "filing.after_filing": ("coordinator", lambda c: "/cases/follow-up/after-filing"),
    "filing.record": (
        "coordinator",
        lambda c: f"/cases/{c.cases['citizen_spouse']}/milestones/filed",
    ),
    "review.queue": ("attorney", lambda c: "/review/"),
    "review.show": ("attorney", lambda c: f"/review/{c.cases['two_duis']}"),
    "packets.preview": ("volunteer", lambda c: f"/cases/{c.cases['fee_waiver']}/print/checklist"),
    "packets.packet_preview": ("coordinator", lambda c: f"{c.day_url}/packet"),
    "packets.job": ("coordinator", lambda c: "/packets/1"),
    "voter.show": ("volunteer", lambda c: f"/cases/{c.cases['two_duis']}/voter"),
    "voter.checklist_preview": (
        "volunteer",
        lambda c: f"/cases/{c.cases['two_duis']}/voter/checklist",
    ),
    "voter.follow_up": ("coordinator", lambda c: "/voter/follow-up"),
    "admin.possible_duplicates": ("admin", lambda c: "/admin/possible-duplicates"),
    "board.today_boards": ("volunteer", lambda c: "/board/"),
    "board.show": ("coordinator", lambda c: f"{c.day_url}/board"),
    "board.tv": ("volunteer", lambda c: f"{c.day_url}/board/tv"),
    "reports.index": ("coordinator", lambda c: "/reports/?start=2026-01-01&end=2026-12-31"),
    "reports.cases": (
        "coordinator",
        lambda c: "/reports/cases?start=2026-01-01&end=2026-12-31&figure=checked_in",
    ),
    "carry.day": ("coordinator", lambda c: f"{c.day_url}/carry"),
    "carry.imports": ("admin", lambda c: "/admin/carry"),
    "carry.imported": ("admin", lambda c: c.import_url),
}

# Not pages: files and data the pages fetch.
NOT_PAGES = {
    "static",
    "packets.download",
    "packets.job_download",
    "packets.job_status",
    "voter.checklist_pdf",
    "n400.draft",  # the filled N-400, a PDF
    "n400.final",
    "board.data",
    "reports.export_csv",
    "reports.export_pdf",
}
