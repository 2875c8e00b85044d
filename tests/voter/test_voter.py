"""Voter registration after the oath, and the hard gate at every entry point."""

import re
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.clock import utcnow
from clinic.extensions import db
from clinic.filing.models import Milestones
from clinic.packets import services as packets
from clinic.voter import gate
from clinic.voter.gate import NotACitizenYet
from clinic.voter.models import Election, VoterRegistration
from tests.helpers import page_text

RESIDES_IN_MA = {"residence": {"state": "MA"}}
CITIZEN = {
    "oath_on": date(2026, 11, 20),
    "oath_place": "Faneuil Hall",
    "certificate_number": "A1234567",
}
NOT_CITIZENS = {
    "no oath": {},
    "oath in the future": {
        "oath_on": date(2026, 12, 10),
        "oath_place": "Boston",
        "certificate_number": "A1234567",
    },
    "no certificate number": {"oath_on": date(2026, 11, 20), "oath_place": "Boston"},
}


@pytest.fixture
def citizen(make):
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    return make.case_at("oath", answers=RESIDES_IN_MA, **CITIZEN)


def _registrations(app):
    with app.app_context():
        return db.session.scalar(select(func.count(VoterRegistration.id)))


def voter_pages(case_id):
    return [
        f"/cases/{case_id}/voter",
        f"/cases/{case_id}/voter/checklist",
        f"/cases/{case_id}/voter/checklist.pdf",
    ]


def test_a_new_citizen_gets_deadlines_a_recommendation_and_a_checklist(login_as, citizen):
    coordinator = login_as("coordinator")
    page = page_text(coordinator.get(f"/cases/{citizen.id}/voter"))
    assert "Town election" in page and "Mar 2, 2027" in page
    assert "Recommended: By mail" in re.sub(r"<[^>]+>", "", page)  # no license: paper
    pdf = coordinator.get(f"/cases/{citizen.id}/voter/checklist.pdf")
    text = "".join(p.extract_text() for p in PdfReader(__import__("io").BytesIO(pdf.data)).pages)
    assert "Massachusetts: Town election is on 2 Mar 2027." in text.replace("\n", " ")
    assert "Certificate of Naturalization" in text and "sec.state.ma.us" in text
    assert "voter-registration-2026-" in pdf.headers["Content-Disposition"]


def _open_the_gate(app, case_id):
    """The oath taken by today and the certificate number recorded, on the same case."""
    with app.app_context():
        case = db.session.get(Case, case_id)
        if case.milestones is None:
            case.milestones = Milestones(updated_at=utcnow())
        for name, value in CITIZEN.items():
            setattr(case.milestones, name, value)
        case.stage = Stage.OATH
        db.session.commit()


@pytest.mark.parametrize("situation", list(NOT_CITIZENS))
def test_the_gate_closes_every_voter_page_until_citizenship(app, login_as, make, situation):
    """The same people on the same case get 404 before the gate opens and the pages after:
    the 404 is the gate's, not the case being out of their sight."""
    case = make.case_at(
        "interview" if situation == "no oath" else "oath",
        answers=RESIDES_IN_MA,
        **NOT_CITIZENS[situation],
    )
    clients = {role: login_as(role) for role in ("volunteer", "coordinator", "attorney", "admin")}
    registration = {"state": "MA", "status": "submitted", "submitted_on": "11/25/2026"}
    for role, client in clients.items():
        for path in voter_pages(case.id):
            assert client.get(path).status_code == 404, (situation, role, path)
        assert client.post(f"/cases/{case.id}/voter", data=registration).status_code == 404
    assert _registrations(app) == 0
    _open_the_gate(app, case.id)
    for role, client in clients.items():
        for path in voter_pages(case.id):
            assert client.get(path).status_code == 200, (situation, role, path)
    assert clients["admin"].post(f"/cases/{case.id}/voter", data=registration).status_code == 403
    assert (
        clients["volunteer"].post(f"/cases/{case.id}/voter", data=registration).status_code == 302
    )


@pytest.mark.parametrize("situation", list(NOT_CITIZENS))
def test_the_gate_keeps_non_citizens_off_the_follow_up_list(login_as, make, citizen, situation):
    make.case_at(
        "oath", given="Not", family="Yet", answers=RESIDES_IN_MA, **NOT_CITIZENS[situation]
    )
    page = page_text(login_as("coordinator").get("/voter/follow-up"))
    assert "Ana Souza" in page and "Not Yet" not in page


@pytest.mark.parametrize("situation", list(NOT_CITIZENS))
def test_the_gate_refuses_in_the_service_the_packet_and_the_command_line(
    app, runner, make, situation, tmp_path
):
    make.user("coordinator")
    case = make.case_at("oath", answers=RESIDES_IN_MA, **NOT_CITIZENS[situation])
    with app.app_context(), app.test_request_context():
        record = db.session.get(Case, case.id)
        assert not gate.passes(record, date(2026, 11, 30))
        with pytest.raises(NotACitizenYet):
            packets.voter_checklist_html(record, utcnow())
    out = tmp_path / "voter.pdf"
    result = runner.invoke(args=["clinic", "voter-checklist", str(case.id), str(out)])
    assert result.exit_code != 0 and "only after the oath" in result.output
    assert not out.exists()


def test_the_command_line_writes_a_citizens_checklist(runner, make, citizen, tmp_path):
    make.user("coordinator")
    out = tmp_path / "voter.pdf"
    result = runner.invoke(args=["clinic", "voter-checklist", str(citizen.id), str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_the_packet_prints_voter_checklists_for_citizens_only(app, login_as, make):
    coordinator = login_as("coordinator")
    event = make.event()
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    make.case_at("oath", event=event, answers=RESIDES_IN_MA, **CITIZEN)
    make.case_at(
        "oath",
        event=event,
        given="Not",
        family="Yet",
        answers=RESIDES_IN_MA,
        **NOT_CITIZENS["oath in the future"],
    )
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    download = coordinator.get(f"{job_url}/download")
    text = "".join(
        p.extract_text() for p in PdfReader(__import__("io").BytesIO(download.data)).pages
    )
    download.close()
    assert text.count("Register to vote") == 1
    assert "Do not register to vote yet." in text  # the other one's checklist warns


def test_the_applicant_checklist_warns_about_the_rmv(login_as, make):
    case = make.case_at("approved")
    pdf = login_as("coordinator").get(f"/cases/{case.id}/print/checklist.pdf")
    text = "".join(
        p.extract_text() for p in PdfReader(__import__("io").BytesIO(pdf.data)).pages
    ).replace("\n", " ")
    assert "Do not register to vote yet." in text and "RMV or DMV" in text


def test_confirmed_registration_moves_the_case_and_leaves_the_list(app, login_as, citizen):
    volunteer = login_as("volunteer")
    response = volunteer.post(
        f"/cases/{citizen.id}/voter",
        data={
            "state": "MA",
            "status": "confirmed",
            "channel": "mail",
            "submitted_on": "11/25/2026",
            "confirmed_on": "11/29/2026",
            "confirmed_how": "state status page",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(Case, citizen.id).stage == Stage.REGISTERED_TO_VOTE
    assert "Ana Souza" not in page_text(login_as("coordinator").get("/voter/follow-up"))


def test_recording_needs_its_dates(login_as, citizen):
    page = page_text(
        login_as("volunteer").post(
            f"/cases/{citizen.id}/voter", data={"state": "MA", "status": "confirmed"}
        )
    )
    assert "Give the date it was sent." in page and "Give the date it was checked." in page


def test_follow_up_is_sorted_by_the_nearest_deadline(login_as, make):
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    make.election("RI", date(2027, 3, 2), "municipal", "Town election")
    make.case_at("oath", given="Massachusetts", family="Voter", answers=RESIDES_IN_MA, **CITIZEN)
    make.case_at(
        "oath",
        given="Rhode Island",
        family="Voter",
        answers={"residence": {"state": "RI"}},
        **CITIZEN,
    )
    page = page_text(login_as("coordinator").get("/voter/follow-up"))
    assert page.index("Rhode Island Voter") < page.index("Massachusetts Voter")  # 30 days < 10


def test_admins_enter_elections(app, login_as):
    admin = login_as("admin")
    admin.post(
        "/admin/elections",
        data={
            "state": "CT",
            "held_on": "11/02/2027",
            "kind": "municipal",
            "name": "Municipal election",
        },
    )
    assert "Municipal election" in page_text(admin.get("/admin/elections"))
    with app.app_context():
        assert db.session.scalar(select(Election.state)) == "CT"


def test_the_new_hampshire_checklist_carries_the_dated_proof_rule(login_as, make):
    make.election("NH", date(2027, 3, 9), "municipal", "Town meeting elections")
    case = make.case_at("oath", answers={"residence": {"state": "NH"}}, **CITIZEN)
    page = page_text(login_as("coordinator").get(f"/cases/{case.id}/voter/checklist"))
    assert "New Hampshire: Town meeting elections" in page
    assert "struck down in court" in page and "naturalization certificate" in page


def test_reading_the_voter_page_and_checklists_saves_no_registration(app, login_as, citizen):
    coordinator = login_as("coordinator")
    for path in voter_pages(citizen.id):
        assert coordinator.get(path).status_code == 200, path
    assert _registrations(app) == 0
    page = page_text(coordinator.get(f"/cases/{citizen.id}/voter"))
    assert '<option selected value="MA">' in page  # the default still comes from the interview


def test_the_command_line_checklist_saves_no_registration(app, runner, make, citizen, tmp_path):
    make.user("coordinator")
    out = tmp_path / "voter.pdf"
    result = runner.invoke(args=["clinic", "voter-checklist", str(citizen.id), str(out)])
    assert result.exit_code == 0, result.output
    assert _registrations(app) == 0


def test_the_packet_saves_no_registration(app, login_as, make):
    coordinator = login_as("coordinator")
    event = make.event()
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    make.case_at("oath", event=event, answers=RESIDES_IN_MA, **CITIZEN)
    job_url = coordinator.post(f"/events/{event.id}/packet").headers["Location"]
    coordinator.get(f"{job_url}/download").close()
    assert _registrations(app) == 0


def test_saving_the_form_creates_the_registration_once(app, login_as, citizen):
    volunteer = login_as("volunteer")
    data = {"state": "MA", "status": "submitted", "channel": "mail", "submitted_on": "11/25/2026"}
    assert volunteer.post(f"/cases/{citizen.id}/voter", data=data).status_code == 302
    assert volunteer.post(f"/cases/{citizen.id}/voter", data=data).status_code == 302
    assert _registrations(app) == 1


ELECTION = {"state": "CT", "held_on": "11/02/2027", "kind": "municipal", "name": "Municipal"}


def test_an_election_entered_twice_is_refused_beside_the_date(app, login_as):
    admin = login_as("admin")
    assert admin.post("/admin/elections", data=ELECTION).status_code == 302
    response = admin.post("/admin/elections", data={**ELECTION, "name": "Typed again"})
    page = page_text(response)
    assert response.status_code == 200
    beside_date = page.split('for="held_on"')[1].split('id="held_on"')[0]
    assert "A municipal election in CT on 2 Nov 2027 is already entered." in beside_date
    assert 'value="Typed again"' in page and 'value="11/02/2027"' in page
    with app.app_context():
        assert db.session.scalar(select(func.count(Election.id))) == 1
        assert db.session.scalar(select(Election.name)) == "Municipal"


def test_the_same_day_in_another_state_or_of_another_kind_is_a_new_election(app, login_as):
    admin = login_as("admin")
    for changed in ({}, {"state": "MA"}, {"kind": "primary"}):
        response = admin.post("/admin/elections", data={**ELECTION, **changed})
        assert response.status_code == 302, changed
    with app.app_context():
        assert db.session.scalar(select(func.count(Election.id))) == 3
