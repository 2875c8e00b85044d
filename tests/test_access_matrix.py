"""Every route in the app, with the roles allowed; a new route without a row here fails."""

import pytest

from clinic.auth.roles import Role
from tests.access import DAY_WORK, HOST_ONLY, PartnerAccess, Route, build_world, check_route

ADMIN = frozenset({Role.ADMIN})
ORGANIZERS = frozenset({Role.COORDINATOR, Role.ADMIN})
ATTORNEYS = frozenset({Role.ATTORNEY})
CASEWORKERS = frozenset({Role.COORDINATOR, Role.ATTORNEY})
TABLE_STAFF = frozenset({Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY})
# A partner not on the day's staff sees that the day exists, not who came to it.
ROSTER_FOR_STAFF = PartnerAccess(unstaffed=(200,), staff_only=lambda w: w.home_case.name)
REPORT_RANGE = "start=2026-01-01&end=2026-12-31"
EVENT = {"name": "Citizenship Day", "site": "Library", "held_on": "12/12/2026", "capacity": "40"}

ROUTES = [
    # Any logged-in role.
    Route("main.home", "GET", "/"),
    Route("auth.account", "GET", "/account"),
    Route("auth.account", "POST", "/account", data={}, id="POST auth.account (invalid form)"),
    Route("auth.logout", "POST", "/logout"),
    # Coalition admin.
    Route("admin.organizations", "GET", "/admin/organizations", ADMIN),
    Route("admin.new_organization", "GET", "/admin/organizations/new", ADMIN),
    Route(
        "admin.new_organization",
        "POST",
        "/admin/organizations/new",
        ADMIN,
        data={"name": "Casa Latina"},
    ),
    Route("admin.edit_organization", "GET", lambda w: f"/admin/organizations/{w.other.id}", ADMIN),
    Route(
        "admin.edit_organization",
        "POST",
        lambda w: f"/admin/organizations/{w.other.id}",
        ADMIN,
        data={"name": "Other Org", "contact": "", "active": "y"},
    ),
    Route("admin.users", "GET", "/admin/users", ADMIN),
    Route("admin.invite_user", "GET", "/admin/users/new", ADMIN),
    Route(
        "admin.invite_user",
        "POST",
        "/admin/users/new",
        ADMIN,
        data=lambda w: {
            "name": "New Person",
            "email": "new.person@example.org",
            "organization_id": w.home.id,
            "role": "volunteer",
        },
    ),
    Route("admin.edit_user", "GET", lambda w: f"/admin/users/{w.invitee.id}", ADMIN),
    Route(
        "admin.edit_user",
        "POST",
        lambda w: f"/admin/users/{w.invitee.id}",
        ADMIN,
        data=lambda w: {"organization_id": w.home.id, "role": "coordinator"},
    ),
    Route("admin.set_active", "POST", lambda w: f"/admin/users/{w.invitee.id}/deactivate", ADMIN),
    Route(
        "admin.reissue_invitation",
        "POST",
        lambda w: f"/admin/users/{w.invitee.id}/invitation",
        ADMIN,
    ),
    Route("admin.audit_log", "GET", "/admin/audit", ADMIN),
    # People at coalition scale: the same person at two member organizations (admin only).
    Route("admin.possible_duplicates", "GET", "/admin/possible-duplicates", ADMIN),
    Route(
        "admin.link_duplicates",
        "POST",
        lambda w: f"/admin/possible-duplicates/{w.possible_duplicate}/link",
        ADMIN,
    ),
    # Clinic days.
    Route("events.index", "GET", "/events/"),
    Route("events.new", "GET", "/events/new", ORGANIZERS),
    Route(
        "events.new",
        "POST",
        "/events/new",
        ORGANIZERS,
        data=lambda w: {**EVENT, "host_organization_id": w.home.id},
    ),
    Route(
        "events.show",
        "GET",
        lambda w: f"/events/{w.home_event.id}",
        other_org_path=lambda w: f"/events/{w.other_event.id}",
        partner=ROSTER_FOR_STAFF,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}",
    ),
    Route(
        "events.edit",
        "GET",
        lambda w: f"/events/{w.home_event.id}/edit",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/edit",
        partner=HOST_ONLY,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/edit",
    ),
    Route(
        "events.edit",
        "POST",
        lambda w: f"/events/{w.home_event.id}/edit",
        ORGANIZERS,
        data=EVENT,
        other_org_path=lambda w: f"/events/{w.other_event.id}/edit",
        partner=HOST_ONLY,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/edit",
    ),
    Route(
        "events.add_staff",
        "POST",
        lambda w: f"/events/{w.home_event.id}/staff",
        ORGANIZERS,
        data=lambda w: {"user_id": w.invitee.id},
        other_org_path=lambda w: f"/events/{w.other_event.id}/staff",
        partner=HOST_ONLY,
    ),
    Route(
        "events.remove_staff",
        "POST",
        lambda w: f"/events/{w.home_event.id}/staff/{w.invitee.id}/remove",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/staff/{w.invitee.id}/remove",
        partner=HOST_ONLY,
    ),
    Route(
        "events.check_in",
        "GET",
        lambda w: f"/events/{w.home_event.id}/check-in",
        TABLE_STAFF,
        other_org_path=lambda w: f"/events/{w.other_event.id}/check-in",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/check-in",
    ),
    Route(
        "events.check_in",
        "POST",
        lambda w: f"/events/{w.home_event.id}/check-in",
        TABLE_STAFF,
        data={"given_names": "Lan", "action": "search"},
        other_org_path=lambda w: f"/events/{w.other_event.id}/check-in",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/check-in",
    ),
    Route(
        "events.check_in_existing",
        "POST",
        lambda w: f"/events/{w.home_event.id}/check-in/{w.home_case.applicant_id}",
        TABLE_STAFF,
        other_org_path=lambda w: f"/events/{w.other_event.id}/check-in/{w.other_case.applicant_id}",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_event.id}/check-in/{w.home_former.applicant_id}",
    ),
    # Cases.
    Route("cases.index", "GET", "/cases/"),
    Route(
        "cases.show",
        "GET",
        lambda w: f"/cases/{w.home_case.id}",
        other_org_path=lambda w: f"/cases/{w.other_case.id}",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}",
    ),
    Route(
        "cases.move",
        "POST",
        lambda w: f"/cases/{w.home_case.id}/step/finish_intake",
        TABLE_STAFF,
        data={"version": "1"},
        other_org_path=lambda w: f"/cases/{w.other_case.id}/step/finish_intake",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/step/finish_intake",
    ),
    Route(
        "cases.documents",
        "POST",
        lambda w: f"/cases/{w.home_case.id}/documents",
        TABLE_STAFF,
        data=lambda w: {"version": w.version(w.home_case)},
        other_org_path=lambda w: f"/cases/{w.other_case.id}/documents",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/documents",
    ),
    Route("cases.come_back", "GET", "/cases/follow-up/come-back", ORGANIZERS),
    Route("cases.missing_documents", "GET", "/cases/follow-up/documents", ORGANIZERS),
    Route("cases.stuck", "GET", "/cases/follow-up/stuck?days=10", ORGANIZERS),
    # Attorney review.
    Route("review.queue", "GET", "/review/", ATTORNEYS),
    Route(
        "review.show",
        "GET",
        lambda w: f"/review/{w.home_case.id}",
        ATTORNEYS,
        other_org_path=lambda w: f"/review/{w.other_case.id}",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/review/{w.home_elsewhere.id}",
    ),
    Route(
        "review.show",
        "POST",
        lambda w: f"/review/{w.home_case.id}",
        ATTORNEYS,
        data={"decision": "approve"},
        other_org_path=lambda w: f"/review/{w.other_case.id}",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/review/{w.home_elsewhere.id}",
    ),
    Route(
        "review.claim",
        "POST",
        lambda w: f"/review/{w.home_case.id}/claim",
        ATTORNEYS,
        other_org_path=lambda w: f"/review/{w.other_case.id}/claim",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/review/{w.home_elsewhere.id}/claim",
    ),
    Route(
        "review.release",
        "POST",
        lambda w: f"/review/{w.home_case.id}/release",
        ATTORNEYS,
        other_org_path=lambda w: f"/review/{w.other_case.id}/release",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/review/{w.home_elsewhere.id}/release",
    ),
    # Printables.
    Route(
        "packets.preview",
        "GET",
        lambda w: f"/cases/{w.home_case.id}/print/checklist",
        other_org_path=lambda w: f"/cases/{w.other_case.id}/print/checklist",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/print/checklist",
    ),
    Route(
        "packets.download",
        "GET",
        lambda w: f"/cases/{w.home_case.id}/print/checklist.pdf",
        other_org_path=lambda w: f"/cases/{w.other_case.id}/print/checklist.pdf",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/print/checklist.pdf",
    ),
    Route(
        "packets.download",
        "GET",
        lambda w: f"/cases/{w.home_case.id}/print/review-sheet.pdf",
        frozenset({Role.ATTORNEY, Role.COORDINATOR, Role.ADMIN}),
        other_org_path=lambda w: f"/cases/{w.other_case.id}/print/review-sheet.pdf",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/print/review-sheet.pdf",
        id="GET packets.download (review sheet)",
    ),
    Route(
        "packets.packet_preview",
        "GET",
        lambda w: f"/events/{w.home_event.id}/packet",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/packet",
        partner=HOST_ONLY,
    ),
    Route(
        "packets.start_packet",
        "POST",
        lambda w: f"/events/{w.home_event.id}/packet",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/packet",
        partner=HOST_ONLY,
    ),
    Route(
        "packets.job",
        "GET",
        lambda w: f"/packets/{w.home_job}",
        ORGANIZERS,
        other_org_path=lambda w: f"/packets/{w.other_job}",
        partner=HOST_ONLY,
    ),
    Route(
        "packets.job_status",
        "GET",
        lambda w: f"/packets/{w.home_job}/status",
        ORGANIZERS,
        other_org_path=lambda w: f"/packets/{w.other_job}/status",
        partner=HOST_ONLY,
    ),
    Route(
        "packets.job_download",
        "GET",
        lambda w: f"/packets/{w.home_job}/download",
        ORGANIZERS,
        other_org_path=lambda w: f"/packets/{w.other_job}/download",
        partner=HOST_ONLY,
    ),
    # Issue 13, the N-400 form: the draft at any time, the form to sign after an approval
    # (refused with a redirect to the case page until then); attorneys and coordinators.
    Route(
        "n400.draft",
        "GET",
        lambda w: f"/cases/{w.home_case.id}/n400-draft.pdf",
        CASEWORKERS,
        ok=(200,),
        other_org_path=lambda w: f"/cases/{w.other_case.id}/n400-draft.pdf",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/n400-draft.pdf",
    ),
    Route(
        "n400.final",
        "GET",
        lambda w: f"/cases/{w.home_approved.id}/n400.pdf",
        CASEWORKERS,
        ok=(200, 302),
        other_org_path=lambda w: f"/cases/{w.other_approved.id}/n400.pdf",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_approved.id}/n400.pdf",
    ),
    # Task queue (issue 17): a failed packet tried again (a done one is refused, 302 to its page).
    Route(
        "packets.try_again",
        "POST",
        lambda w: f"/packets/{w.home_job}/again",
        ORGANIZERS,
        other_org_path=lambda w: f"/packets/{w.other_job}/again",
        partner=HOST_ONLY,
    ),
    # After approval: milestones and follow-up.
    Route(
        "filing.record",
        "GET",
        lambda w: f"/cases/{w.home_approved.id}/milestones/filed",
        CASEWORKERS,
        other_org_path=lambda w: f"/cases/{w.other_approved.id}/milestones/filed",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_approved.id}/milestones/filed",
    ),
    Route(
        "filing.record",
        "POST",
        lambda w: f"/cases/{w.home_approved.id}/milestones/filed",
        CASEWORKERS,
        data={"receipt_number": "bad"},
        other_org_path=lambda w: f"/cases/{w.other_approved.id}/milestones/filed",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_approved.id}/milestones/filed",
    ),
    Route("filing.after_filing", "GET", "/cases/follow-up/after-filing", ORGANIZERS),
    # Voter registration (the gate itself is tested in tests/voter).
    Route(
        "voter.show",
        "GET",
        lambda w: f"/cases/{w.home_citizen.id}/voter",
        other_org_path=lambda w: f"/cases/{w.other_citizen.id}/voter",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_citizen.id}/voter",
    ),
    Route(
        "voter.show",
        "POST",
        lambda w: f"/cases/{w.home_citizen.id}/voter",
        TABLE_STAFF,
        data={"state": "MA", "status": "declined"},
        other_org_path=lambda w: f"/cases/{w.other_citizen.id}/voter",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_citizen.id}/voter",
    ),
    Route(
        "voter.checklist_preview",
        "GET",
        lambda w: f"/cases/{w.home_citizen.id}/voter/checklist",
        other_org_path=lambda w: f"/cases/{w.other_citizen.id}/voter/checklist",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_citizen.id}/voter/checklist",
    ),
    Route(
        "voter.checklist_pdf",
        "GET",
        lambda w: f"/cases/{w.home_citizen.id}/voter/checklist.pdf",
        other_org_path=lambda w: f"/cases/{w.other_citizen.id}/voter/checklist.pdf",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere_citizen.id}/voter/checklist.pdf",
    ),
    Route(
        "voter.follow_up",
        "GET",
        "/voter/follow-up",
        frozenset({Role.VOLUNTEER, Role.COORDINATOR, Role.ADMIN}),
    ),
    Route("voter.elections", "GET", "/admin/elections", ADMIN),
    Route(
        "voter.elections",
        "POST",
        "/admin/elections",
        ADMIN,
        data={
            "state": "VT",
            "held_on": "03/02/2027",
            "kind": "municipal",
            "name": "Town Meeting Day",
        },
    ),
    Route(
        "voter.delete_election", "POST", lambda w: f"/admin/elections/{w.election}/delete", ADMIN
    ),
    # The interview.
    Route(
        "intake.section",
        "GET",
        lambda w: f"/cases/{w.home_case.id}/intake/trips",
        TABLE_STAFF,
        other_org_path=lambda w: f"/cases/{w.other_case.id}/intake/trips",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/intake/trips",
    ),
    Route(
        "intake.section",
        "POST",
        lambda w: f"/cases/{w.home_case.id}/intake/trips",
        TABLE_STAFF,
        data={"row_action": "add:trips", "version": "1"},
        other_org_path=lambda w: f"/cases/{w.other_case.id}/intake/trips",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/cases/{w.home_elsewhere.id}/intake/trips",
    ),
    # Issue 13, the whole N-400 interview: its new sections, and signing a voided approval
    # again in one step.
    *(
        Route(
            "intake.section",
            method,
            lambda w, key=key: f"/cases/{w.home_case.id}/intake/{key}",
            TABLE_STAFF,
            data={"version": "1"} if method == "POST" else None,
            ok=(200, 302, 409),
            other_org_path=lambda w, key=key: f"/cases/{w.other_case.id}/intake/{key}",
            partner=DAY_WORK,
            other_day_path=lambda w, key=key: f"/cases/{w.home_elsewhere.id}/intake/{key}",
            id=f"{method} intake.section ({key})",
        )
        for key in ("names", "biographic", "conduct", "oath", "eligibility", "preparer")
        for method in ("GET", "POST")
    ),
    Route(
        "review.reconfirm",
        "POST",
        lambda w: f"/review/{w.home_case.id}/reconfirm",
        ATTORNEYS,
        data={"again-password": "not the password"},
        ok=(200, 302, 422),
        other_org_path=lambda w: f"/review/{w.other_case.id}/reconfirm",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/review/{w.home_elsewhere.id}/reconfirm",
    ),
    # Second factor (issue 18): enrolment and recovery codes are every user's own; the reset
    # is an admin's. (The login's code step is public: tests/auth/test_second_factor.py.)
    Route("auth.enrol", "GET", "/account/second-factor"),
    Route("auth.enrol", "POST", "/account/second-factor", data={}, id="POST auth.enrol (no code)"),
    Route("auth.renew_recovery_codes", "POST", "/account/recovery-codes", data={}),
    Route(
        "admin.reset_second_factor",
        "POST",
        lambda w: f"/admin/users/{w.invitee.id}/second-factor/reset",
        ADMIN,
    ),
    # Coordinator's view (issue 16): station boards of clinic days, reports for funders.
    Route("board.today_boards", "GET", "/board/"),
    Route(
        "board.show",
        "GET",
        lambda w: f"/events/{w.home_event.id}/board",
        other_org_path=lambda w: f"/events/{w.other_event.id}/board",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/board",
    ),
    Route(
        "board.tv",
        "GET",
        lambda w: f"/events/{w.home_event.id}/board/tv",
        other_org_path=lambda w: f"/events/{w.other_event.id}/board/tv",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/board/tv",
    ),
    Route(
        "board.data",
        "GET",
        lambda w: f"/events/{w.home_event.id}/board.json",
        other_org_path=lambda w: f"/events/{w.other_event.id}/board.json",
        partner=DAY_WORK,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/board.json",
    ),
    Route(
        "reports.index",
        "GET",
        lambda w: f"/reports/?{REPORT_RANGE}&organization={w.home.id}",
        ORGANIZERS,
        other_org_path=lambda w: f"/reports/?{REPORT_RANGE}&organization={w.other.id}",
    ),
    Route(
        "reports.cases",
        "GET",
        lambda w: f"/reports/cases?{REPORT_RANGE}&figure=checked_in&organization={w.home.id}",
        ORGANIZERS,
        other_org_path=lambda w: (
            f"/reports/cases?{REPORT_RANGE}&figure=checked_in&organization={w.other.id}"
        ),
    ),
    Route(
        "reports.export_csv",
        "GET",
        lambda w: f"/reports/report.csv?{REPORT_RANGE}&organization={w.home.id}",
        ORGANIZERS,
        other_org_path=lambda w: f"/reports/report.csv?{REPORT_RANGE}&organization={w.other.id}",
    ),
    Route(
        "reports.export_pdf",
        "GET",
        lambda w: f"/reports/report.pdf?{REPORT_RANGE}&organization={w.home.id}",
        ORGANIZERS,
        other_org_path=lambda w: f"/reports/report.pdf?{REPORT_RANGE}&organization={w.other.id}",
    ),
]

# Issue 19, a clinic day carried from a laptop to the server: the host's coordinators export
# and purge their day; the coalition admin imports and reads the report.
ROUTES += [
    Route(
        "carry.day",
        "GET",
        lambda w: f"/events/{w.home_event.id}/carry",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/carry",
        partner=HOST_ONLY,
        other_day_path=lambda w: f"/events/{w.home_other_day.id}/carry",
    ),
    Route(
        "carry.export",
        "POST",
        lambda w: f"/events/{w.home_event.id}/carry/export",
        ORGANIZERS,
        other_org_path=lambda w: f"/events/{w.other_event.id}/carry/export",
        partner=HOST_ONLY,
    ),
    Route(
        "carry.carry_over",
        "POST",
        lambda w: f"/events/{w.home_event.id}/carry/over",
        ORGANIZERS,
        data={"receipt": "NOTTHIS1", "confirm": "y"},
        ok=(422,),
        other_org_path=lambda w: f"/events/{w.other_event.id}/carry/over",
        partner=HOST_ONLY,
    ),
    Route("carry.imports", "GET", "/admin/carry", ADMIN),
    Route("carry.imports", "POST", "/admin/carry", ADMIN, data={}, ok=(422,)),
    Route("carry.imported", "GET", lambda w: f"/admin/carry/{w.imported_bundle}", ADMIN),
]

# Reachable without logging in, each tested in its own module.
PUBLIC_ENDPOINTS = {
    "static",
    "auth.login",
    "auth.login_code",
    "auth.first_run",
    "auth.accept_invitation",
}


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_route_access(app, make, login_as, route):
    check_route(app, login_as, build_world(make), route)


def test_every_route_is_in_the_matrix(app):
    covered = {(route.endpoint, route.method) for route in ROUTES}
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            if (rule.endpoint, method) not in covered:
                missing.append(f"{method} {rule.rule}")
    assert missing == [], "routes without an access test"
