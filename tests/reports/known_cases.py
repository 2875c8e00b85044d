"""A known set of cases over several clinic days, organizations, languages and fee paths,
with every report figure counted by hand (see the expectations in test_report_figures.py).

Range of the report: 1 Mar - 30 Jun 2026. A fee change takes effect on 1 Jun 2026 in the
tests that install it (full $800, reduced $400).
"""

from datetime import UTC, date, datetime

from clinic.auth.models import User
from clinic.cases.models import Case, IntakeSection, ScreeningRun
from clinic.cases.stages import Stage
from clinic.extensions import db
from clinic.filing.models import Milestones
from clinic.review.models import Decision, SignOff
from clinic.voter.models import VoterRegistration

START, END = date(2026, 3, 1), date(2026, 6, 30)
NAME, FAMILY, BORN = "Zelda", "Quixote-Marchetti", date(1971, 7, 23)
A_NUMBER_PREFIX = "9123456"
AT = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)

# number: (day, stage, language, state, runs [(outcome, findings)], sign-off come-back (or
# True for a sign-off without one), milestones, voter confirmed on)
CASES = {
    1: ("a1", "filed", "Spanish", "MA", [("eligible", ["TRIP_OVER_180"])], True,
        {"filed_on": date(2026, 4, 1), "fee_paid": "waiver"}, None),
    2: ("a1", "oath", "Spanish", "MA", [("eligible", [])], True,
        {"filed_on": date(2026, 3, 20), "fee_paid": "reduced", "interview_on": date(2026, 5, 1),
         "interview_result": "approved", "oath_on": date(2026, 6, 10)}, None),
    3: ("a1", "not_yet", "Portuguese", "MA", [("not_yet", ["TRIP_OVER_180"])], "2026-09-01",
        {}, None),
    4: ("a1", "in_review", "spanish ", "NH",
        [("eligible", ["DUI"]), ("refer", ["CRIMINAL_HISTORY", "TRIP_OVER_180"])], None, {}, None),
    5: ("a1", "intake", None, None, [], None, {}, None),
    6: ("a2", "referred", "Haitian Creole", "MA", [("refer", [])], True, {}, None),
    7: ("a2", "screened", "Portuguese", "MA", [("eligible", [])], None, {}, None),
    8: ("a2", "registered_to_vote", "English", "MA", [("eligible", [])], True,
        {"filed_on": date(2026, 5, 20), "fee_paid": "full", "interview_on": date(2026, 6, 1),
         "interview_result": "approved", "oath_on": date(2026, 6, 20)}, date(2026, 6, 25)),
    9: ("a2", "closed", "Kriolu", "MA", [("ineligible", [])], True, {}, None),
    15: ("a2", "filed", " kriolu", "MA", [("eligible", [])], True,
         {"filed_on": date(2026, 7, 2), "fee_paid": "full"}, None),
    10: ("b1", "filed", "Spanish", "RI", [("eligible", [])], True,
         {"filed_on": date(2026, 6, 15), "fee_paid": "reduced"}, None),
    11: ("b1", "approved", "Spanish", "RI", [("eligible", [])], True, {}, None),
    12: ("b1", "not_yet", "Vietnamese", "RI", [("not_yet", [])], "2026-08-15", {}, None),
    13: ("a0", "oath", "English", "MA", [("eligible", [])], True,
         {"filed_on": date(2026, 2, 20), "fee_paid": "waiver", "interview_on": date(2026, 4, 2),
          "interview_result": "approved", "oath_on": date(2026, 4, 30)}, None),
    14: ("a0", "filed", "English", "MA", [("eligible", [])], True,
         {"filed_on": date(2026, 3, 5), "fee_paid": "waiver"}, None),
}  # fmt: skip
# The town lived in now (after an earlier address in Worcester), by case number.
TOWNS = {1: "Boston", 2: "boston ", 3: "Lowell", 4: "Nashua", 6: "Brockton", 7: "Lowell",
         8: "Boston", 10: "Providence", 11: "Providence", 12: "Pawtucket"}  # fmt: skip


def build(app, make):
    """Make the cases; returns the organizations and clinic days as plain records."""
    org_a, org_b = make.organization("Alpha Org"), make.organization("Beta Org")
    days = {
        "a0": make.event("Alpha Org", held_on=date(2026, 2, 7), name="Alpha February"),
        "a1": make.event("Alpha Org", held_on=date(2026, 3, 14), name="Alpha March"),
        "a2": make.event("Alpha Org", held_on=date(2026, 5, 9), name="Alpha May"),
        "b1": make.event("Beta Org", held_on=date(2026, 4, 18), name="Beta April"),
    }
    attorney = make.user("attorney", organization="Alpha Org")
    for number, spec in CASES.items():
        made = make.case(
            days[spec[0]],
            given=f"{NAME}{number}",
            family=FAMILY,
            born=BORN,
            a_number=f"{A_NUMBER_PREFIX}{number:02d}",
        )
        with app.app_context():
            case = db.session.get(Case, made.id)
            _fill(case, spec, db.session.get(User, attorney.id), TOWNS.get(number))
            db.session.commit()
    return {"a": org_a, "b": org_b, "days": days}


def _fill(case, spec, attorney, town):
    _day, stage, language, state, runs, sign_off, milestones, voter = spec
    case.stage = Stage(stage)
    if language is not None:
        _section(case, "contact", {"language": language})
    if state is not None:
        earlier = {"city": "Worcester", "state": "MA", "moved_out": "2021-05-01"}
        now = {"city": town, "state": state, "moved_out": None}
        _section(case, "residence", {"state": state, "addresses": [earlier, now] if town else []})
    for outcome, codes in runs:
        run = ScreeningRun(
            case=case,
            created_at=AT,
            facts={},
            result={"outcome": outcome, "findings": [{"code": code} for code in codes]},
            facts_hash="0" * 64,
            rules_version="2026-11-30",
            outcome=outcome,
        )
        db.session.add(run)
    db.session.flush()
    if sign_off is not None:
        details = {"come_back_on": sign_off} if isinstance(sign_off, str) else {}
        db.session.add(
            SignOff(
                case=case,
                screening_run=case.screening_runs[-1],
                signer_id=attorney.id,
                signer_name=attorney.name,
                credential="Bar admission: MA BBO 1",
                signed_at=AT,
                decision=Decision.NOT_YET if details else Decision.APPROVE,
                resolutions=[],
                details=details,
                facts_hash="0" * 64,
                facts={},
            )
        )
    if milestones:
        db.session.add(Milestones(case=case, updated_at=AT, **milestones))
    if voter is not None:
        db.session.add(
            VoterRegistration(case=case, state="MA", status="confirmed", confirmed_on=voter,
                              updated_at=AT)
        )  # fmt: skip


def _section(case, key, answers):
    db.session.add(IntakeSection(case=case, key=key, answers=answers, complete=True, updated_at=AT))
