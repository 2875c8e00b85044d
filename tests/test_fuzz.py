"""Odd input to every form is refused with a message (or a 404), never a server error, and a
refused post saves nothing.

Field names come from the form classes (every interview section of SECTIONS, rows included,
and every form of TARGETS), so a field added to a form is fuzzed without touching this file;
test_every_form_of_the_app_is_fuzzed fails when a new form class has no target here.
The app runs with TESTING, so an exception in a view propagates and fails the example.
"""

import importlib
import pkgutil
from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from wtforms import FieldList, FormField

import clinic
from clinic.admin import forms as admin_forms
from clinic.admin import services as admin_services
from clinic.auth import forms as auth_forms
from clinic.auth.models import Organization
from clinic.auth.roles import Role
from clinic.carry import forms as carry_forms
from clinic.cases import forms as case_forms
from clinic.cases.machine import BY_NAME
from clinic.cases.models import Case
from clinic.clock import utcnow
from clinic.events import forms as event_forms
from clinic.extensions import db
from clinic.filing.views import STEPS
from clinic.forms import ClinicForm
from clinic.intake.fields import YesNoField
from clinic.intake.forms import SectionForm
from clinic.intake.sections import SECTIONS
from clinic.review.forms import DecisionForm, ReconfirmForm, decision_form
from clinic.review.views import AGAIN
from clinic.voter import forms as voter_forms
from tests.factories import DEFAULT_PASSWORD
from tests.helpers import second_factor_code
from tests.intake.answers import case_version, complete_interview, post_section

# Values a probe sends: blanks, words where a choice is expected, control characters (NUL
# too), digits Python reads as digits but int() refuses, numbers past any column, dates that
# are not, and text far past every length limit.
ODD_VALUES = [
    "",
    " ",
    "maybe",
    "Yes",
    "\x00",
    "yes\x00",
    "\r\n\t",
    "²",
    "٣",
    "\U0001d7d9",  # MATHEMATICAL DOUBLE-STRUCK DIGIT ONE
    "-1",
    "0",
    str(2**63),
    "9" * 30,
    "1e309",
    "nan",
    "\u202e\u200b",
    "<b>x</b>",
    "00/00/0000",
    "02/30/2024",
    "12/31/9999",
    "9999-99-99",
    "x" * 2000,
]
ODD_ROW_NUMBERS = ["0", "1", "7", "²", "٣", "-1", "99999999999999999999", "9" * 40]
VALUE = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.text(st.characters(max_codepoint=0x1F), min_size=1, max_size=5),
    st.integers(-(10**30), 10**30).map(str),
)
VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# Tables a refused post may still write: the session row a request touches, the throttle a
# wrong password counts, and the audit events of it.
ALWAYS_ALLOWED = frozenset({"user_sessions"})
PASSWORD_CHECKS = frozenset({"login_throttles", "audit_events"})

# 500s found in forms this change does not own; remove an entry when its fix lands.


# Field names, from the form classes -------------------------------------------------------


def leaves(fields):
    """Every posted field of a form, rows included (one row appended to an empty list)."""
    for item in fields:
        if isinstance(item, FieldList):
            yield from leaves(item.entries[0] if item.entries else item.append_entry())
        elif isinstance(item, FormField):
            yield from leaves(item)
        elif item.type != "CSRFTokenField":
            yield item


def field_names(fields):
    """Every posted name of a form: `trips-0-departed` for a row of trips."""
    return [item.name for item in leaves(fields)]


def row_lists(fields):
    """{list name: its row fields' short names} for the FieldLists of a form."""
    found = {}
    for item in fields:
        if isinstance(item, FieldList):
            if not item.entries:
                item.append_entry()
            found[item.name] = [sub.short_name for sub in item.entries[0]]
    return found


def posts(names, rows=None, extra=None):
    """Form data: any subset of the fields (missing ones too), odd values, odd row numbers."""
    optional = {name: VALUES for name in names}
    optional.update(extra or {})
    data = st.fixed_dictionaries({}, optional=optional)
    if not rows:
        return data
    odd_rows = st.dictionaries(
        st.builds(
            "{}-{}-{}".format,
            st.sampled_from(sorted(rows)),
            st.sampled_from(ODD_ROW_NUMBERS),
            st.sampled_from(sorted({sub for subs in rows.values() for sub in subs})),
        ),
        VALUES,
        max_size=3,
    )
    return st.builds(lambda a, b: {**a, **b}, data, odd_rows)


def snapshot(app, allowed=frozenset()):
    """Every row of every table (but `allowed`), to compare before and after a post."""
    with app.app_context():
        return {
            table.name: db.session.execute(
                table.select().order_by(*table.primary_key.columns)
            ).all()
            for table in db.metadata.sorted_tables
            if table.name not in allowed | ALWAYS_ALLOWED
        }


def changed_tables(before, after):
    return sorted(name for name in before if before[name] != after[name])


def shows_errors(response):
    page = response.get_data(as_text=True)
    return 'class="error"' in page or 'class="form-errors"' in page


# The interview ------------------------------------------------------------------------------


@pytest.fixture
def interview(app, make, login_as):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    with app.test_request_context():
        forms = {section.key: section.form_class() for section in SECTIONS}
        names = {key: field_names(form) for key, form in forms.items()}
        rows = {key: row_lists(form) for key, form in forms.items()}
        yes_no = {key: yes_no_names(form) for key, form in forms.items()}
        text = {
            key: [f.name for f in leaves(form) if f.type in TEXT_TYPES]
            for key, form in forms.items()
        }
    return SimpleNamespace(
        client=volunteer, case=case, names=names, rows=rows, yes_no=yes_no, text=text
    )


def yes_no_names(fields):
    """The yes/no questions of a form, those in rows too (`children-0-lives_with_applicant`)."""
    return [item.name for item in leaves(fields) if isinstance(item, YesNoField)]


# The preferred language is a list, but keeps an answer typed before the list (i18n).
TEXT_TYPES = ("StringField", "TextAreaField", "EmailField", "TelField", "LanguageField")


def _beside(page, name):
    """The error shown with a field: its own error line, or for a row field its table cell."""
    if f'id="{name}-error"' in page:
        return page.split(f'id="{name}-error"')[1].split("</p>")[0]
    return page.split(f'name="{name}"')[-1].split("</td>")[0]


def row_actions(section):
    lists = st.sampled_from([*section.rows, "nonexistent"]) if section.rows else st.just("x")
    return st.one_of(
        st.builds("add:{}".format, lists),
        st.builds("remove:{}:{}".format, lists, st.sampled_from(ODD_ROW_NUMBERS)),
        VALUE,
    )


def stored_answers(app, case_id, key):
    with app.app_context():
        section = db.session.get(Case, case_id).section(key)
        return dict(section.answers) if section else {}


@settings(FUZZ, max_examples=150)
@given(data=st.data())
def test_interview_sections_refuse_odd_answers_and_save_nothing(app, make, interview, data):
    section = data.draw(st.sampled_from(SECTIONS), label="section")
    key = section.key
    names = [name for name in interview.names[key] if name != "version"]
    posted = data.draw(posts(names, interview.rows[key]), label="posted")
    version = make.case_version(interview.case.id)
    posted["version"] = data.draw(st.sampled_from([version] * 4 + ["0", "\x00"]), label="ver")
    wants_row_action = data.draw(st.sampled_from([False, False, False, True]))
    action = data.draw(row_actions(section), label="row_action") if wants_row_action else None
    if action is not None:
        posted["row_action"] = action
    before = snapshot(app)
    response = interview.client.post(f"/cases/{interview.case.id}/intake/{key}", data=posted)
    event(f"{response.status_code}{' row action' if action is not None else ''}")
    assert response.status_code in (200, 302, 409), response.status_code
    if response.status_code != 302:
        assert changed_tables(before, snapshot(app)) == []
        assert make.case_version(interview.case.id) == version
    if response.status_code == 200 and action is None:
        assert shows_errors(response)
    if response.status_code == 302:
        answers = stored_answers(app, interview.case.id, key)
        for name in interview.yes_no[key]:  # never anything but an answer or no answer
            assert answers.get(name) in (True, False, None), (name, answers.get(name))


def test_every_yes_no_question_refuses_an_odd_answer_beside_it(app, make, interview):
    questions = [(key, name) for key, names in interview.yes_no.items() for name in names]
    assert len(questions) >= 23
    for key, name in questions:
        for odd in (" ", "maybe", "\x00"):
            version = make.case_version(interview.case.id)
            before = stored_answers(app, interview.case.id, key)
            response = interview.client.post(
                f"/cases/{interview.case.id}/intake/{key}",
                data={name: odd, "version": version},
            )
            assert response.status_code == 200, (key, name, odd)
            assert "Answer yes or no." in _beside(response.get_data(as_text=True), name), name
            assert stored_answers(app, interview.case.id, key) == before
            assert make.case_version(interview.case.id) == version


def test_every_typed_answer_refuses_control_characters_beside_it(app, make, interview):
    """NUL and the like: PostgreSQL cannot store them, and nobody means to type them."""
    answers = [(key, name) for key, names in interview.text.items() for name in names]
    assert len(answers) >= 18
    for key, name in answers:
        before = snapshot(app)
        response = interview.client.post(
            f"/cases/{interview.case.id}/intake/{key}",
            data={name: "Lan\x00\x07", "version": make.case_version(interview.case.id)},
        )
        assert response.status_code == 200, (key, name)
        page = response.get_data(as_text=True)
        assert "invisible control character" in _beside(page, name), (key, name)
        assert changed_tables(before, snapshot(app)) == []


def test_odd_row_numbers_change_no_row_of_any_list(app, make, interview):
    """`remove:trips:²` and friends name no row: the page comes back as typed, nothing saved."""
    for section in (s for s in SECTIONS if s.rows):
        for rows in section.rows:
            first = interview.rows[section.key][rows][0]
            for number in ["7", "²", "٣", "-1", "", "99999999999999999999", "9" * 40]:
                before = snapshot(app)
                response = interview.client.post(
                    f"/cases/{interview.case.id}/intake/{section.key}",
                    data={
                        f"{rows}-0-{first}": "01/02/2020",
                        "version": make.case_version(interview.case.id),
                        "row_action": f"remove:{rows}:{number}",
                    },
                )
                assert response.status_code == 200, (rows, number)
                assert f'name="{rows}-0-{first}"' in response.get_data(as_text=True)
                assert 'value="01/02/2020"' in response.get_data(as_text=True)
                assert changed_tables(before, snapshot(app)) == []


# Every other form ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A form of the app: who posts it, where, and what a refusal may still write."""

    form_class: object  # the class, or a function making the form (filing's correction_form)
    setup: object  # (app, make, login_as) -> SimpleNamespace(client, url, form=..., ...)
    may_change: frozenset = frozenset()
    refusals_redirect: bool = False  # the view flashes the refusal and redirects
    searches: bool = False  # a 200 answers a search; it need not show an error
    extra: dict = field(default_factory=dict)  # names the view reads besides the form's


def _logged_in(role, url, **more):
    def setup(app, make, login_as):
        client = login_as(role)
        return SimpleNamespace(client=client, url=url, **more)

    return setup


def _login(app, make, login_as):
    make.user("volunteer")
    return SimpleNamespace(client=app.test_client(), url="/login")


def _enrolment(app, make, login_as):
    client = login_as("attorney", second_factor=False)
    client.get("/account/second-factor")  # the secret to confirm exists before the posts
    return SimpleNamespace(client=client, url="/account/second-factor")


def _login_code(app, make, login_as):
    user = make.user("attorney")
    client = app.test_client()
    client.post("/login", data={"email": user.email, "password": user.password})
    return SimpleNamespace(client=client, url="/login/code")


def _invitation(app, make, login_as):
    admin = make.user("admin")
    with app.app_context():
        _, token = admin_services.invite_user(
            db.session.get(Organization, admin.organization_id),
            "Invited Person",
            "invited@example.org",
            Role.VOLUNTEER,
            None,
            None,
            by=None,
            now=utcnow(),
        )
        db.session.commit()
    return SimpleNamespace(client=app.test_client(), url=f"/invitation/{token}")


def _organization(app, make, login_as):
    client = login_as("admin")
    other = make.organization("Merrimack Valley Legal Aid")
    return SimpleNamespace(client=client, url=f"/admin/organizations/{other.id}")


def _user(app, make, login_as):
    client = login_as("admin")
    other = make.user("volunteer")
    return SimpleNamespace(client=client, url=f"/admin/users/{other.id}")


def _event(path):
    def setup(app, make, login_as):
        client = login_as("coordinator")
        make.organization("Merrimack Valley Legal Aid")
        event = make.event(staff=[client.user, make.user("volunteer")])
        return SimpleNamespace(client=client, url=f"/events/{event.id}{path}")

    return setup


def _check_in(app, make, login_as):
    client = login_as("volunteer")
    event = make.event(staff=[client.user])
    make.case(event)
    return SimpleNamespace(client=client, url=f"/events/{event.id}/check-in")


def _screened_case(make, login_as):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    complete_interview(volunteer, case.id)
    return volunteer, case


def _review(app, make, login_as):
    volunteer, case = _screened_case(make, login_as)
    for step in ("finish_intake", "send_to_review"):
        volunteer.post(
            f"/cases/{case.id}/step/{step}", data={"version": case_version(volunteer, case.id)}
        )
    attorney = login_as("attorney")
    with app.app_context(), app.test_request_context():
        form = decision_form(db.session.get(Case, case.id).latest_screening)
    return SimpleNamespace(client=attorney, url=f"/review/{case.id}", form=form)


def _reconfirm(app, make, login_as):
    """An approval voided by a new phone number, waiting to be signed again."""
    volunteer, case = _screened_case(make, login_as)
    for step in ("finish_intake", "send_to_review"):
        volunteer.post(
            f"/cases/{case.id}/step/{step}", data={"version": case_version(volunteer, case.id)}
        )
    attorney = login_as("attorney")
    page = attorney.get(f"/review/{case.id}").get_data(as_text=True)
    hidden = {
        name: page.split(f'name="{name}" type="hidden" value="')[1].split('"')[0]
        for name in ("facts_hash", "answers_hash")
    }
    data = {**hidden, "decision": "approve", "password": DEFAULT_PASSWORD}
    data["code"] = second_factor_code(app, attorney.user)
    assert attorney.post(f"/review/{case.id}", data=data).status_code == 302
    post_section(volunteer, case.id, "contact", {"phone": "617-555-0123"})
    with app.test_request_context():
        form = ReconfirmForm(prefix=AGAIN, formdata=None)
    return SimpleNamespace(client=attorney, url=f"/review/{case.id}/reconfirm", form=form)


def _documents(app, make, login_as):
    volunteer, case = _screened_case(make, login_as)
    return SimpleNamespace(client=volunteer, url=f"/cases/{case.id}/documents")


def _move(app, make, login_as):
    volunteer = login_as("volunteer")
    case = make.case(make.event(staff=[volunteer.user]), by=volunteer.user)
    return SimpleNamespace(
        client=volunteer,
        url=f"/cases/{case.id}/step/finish_intake",
        urls=[f"/cases/{case.id}/step/{name}" for name in [*BY_NAME, "nonexistent", "x²"]],
    )


MILESTONES = {
    "filed_on": date(2026, 1, 5),
    "filing_method": "paper",
    "fee_paid": "full",
    "receipt_number": "IOE0912345678",
    "biometrics_on": date(2026, 3, 1),
    "interview_on": date(2026, 9, 1),
    "interview_result": "approved",
    "oath_on": date(2026, 11, 20),
    "oath_place": "Faneuil Hall",
}


def _milestone(step):
    def setup(app, make, login_as):
        client = login_as("coordinator")
        case = make.case_at("interview", **MILESTONES)
        with app.app_context(), app.test_request_context():
            form = STEPS[step][0](obj=db.session.get(Case, case.id).milestones)
        return SimpleNamespace(client=client, url=f"/cases/{case.id}/milestones/{step}", form=form)

    return setup


def _voter(app, make, login_as):
    client = login_as("volunteer")
    case = make.case_at(
        "oath",
        answers={"residence": {"state": "MA"}},
        oath_on=date(2026, 11, 20),
        oath_place="Faneuil Hall",
        certificate_number="A1234567",
    )
    return SimpleNamespace(client=client, url=f"/cases/{case.id}/voter")


def _elections(app, make, login_as):
    make.election("MA", date(2027, 3, 2), "municipal", "Town election")
    return SimpleNamespace(client=login_as("admin"), url="/admin/elections")


TARGETS = {
    "login": Target(auth_forms.LoginForm, _login, PASSWORD_CHECKS),
    "account": Target(
        auth_forms.ChangePasswordForm, _logged_in("volunteer", "/account"), PASSWORD_CHECKS
    ),
    "invitation": Target(auth_forms.AcceptInvitationForm, _invitation),
    "second_factor_enrolment": Target(auth_forms.EnrolForm, _enrolment),
    "second_factor_login": Target(auth_forms.SecondFactorForm, _login_code, PASSWORD_CHECKS),
    "new_organization": Target(
        admin_forms.OrganizationForm, _logged_in("admin", "/admin/organizations/new")
    ),
    "edit_organization": Target(admin_forms.OrganizationForm, _organization),
    "invite_user": Target(admin_forms.InviteUserForm, _logged_in("admin", "/admin/users/new")),
    "edit_user": Target(admin_forms.EditUserForm, _user),
    "new_event": Target(event_forms.EventForm, _logged_in("coordinator", "/events/new")),
    "edit_event": Target(event_forms.EventForm, _event("/edit")),
    "event_staff": Target(event_forms.StaffForm, _event("/staff"), refusals_redirect=True),
    "check_in": Target(
        event_forms.CheckInForm,
        _check_in,
        searches=True,
        extra={"action": st.just("create") | VALUE},
    ),
    "review_decision": Target(DecisionForm, _review, PASSWORD_CHECKS | {"review_claims"}),
    "review_reconfirm": Target(ReconfirmForm, _reconfirm, PASSWORD_CHECKS | {"review_claims"}),
    "documents": Target(case_forms.DocumentsForm, _documents),
    "case_move": Target(case_forms.MoveForm, _move, refusals_redirect=True),
    **{
        f"milestone_{step}": Target(form_class, _milestone(step))
        for step, (form_class, _, _) in STEPS.items()
    },
    "voter_registration": Target(voter_forms.RegistrationForm, _voter),
    "elections": Target(voter_forms.ElectionForm, _elections),
    "carry_import": Target(carry_forms.ImportForm, _logged_in("admin", "/admin/carry")),
    "carry_over": Target(carry_forms.CarryOverForm, _event("/carry/over")),
}


def _form_of(app, target, world):
    form = getattr(world, "form", None)
    if form is None:
        with app.test_request_context():
            form = target.form_class()
    return form


def _without_nul(posted):
    def clean(value):
        return [clean(v) for v in value] if isinstance(value, list) else value.replace("\x00", "")

    return {key: clean(value) for key, value in posted.items()}


def _on_postgresql(app):
    with app.app_context():
        return db.engine.dialect.name == "postgresql"


@pytest.mark.parametrize("name", list(TARGETS))
def test_every_form_refuses_odd_input_and_saves_nothing(app, make, login_as, name):
    target = TARGETS[name]
    world = target.setup(app, make, login_as)
    names = field_names(_form_of(app, target, world))
    urls = getattr(world, "urls", [world.url])
    data = posts(names, extra=target.extra)

    @FUZZ
    @given(posted=data, url=st.sampled_from(urls))
    def post_odd_input(posted, url):
        before = snapshot(app, target.may_change)
        response = world.client.post(url, data=posted)
        event(str(response.status_code))
        assert response.status_code < 500, response.status_code
        if response.status_code == 302 and not target.refusals_redirect:
            return  # accepted: a valid post may save
        if response.status_code < 400 and not (target.refusals_redirect or target.searches):
            assert shows_errors(response), name
        assert changed_tables(before, snapshot(app, target.may_change)) == [], name

    post_odd_input()


@FUZZ
@given(data=st.data())
def test_first_run_refuses_odd_input_and_sets_up_nothing(app, data):
    """Before any account exists: a refused set-up creates nothing; an accepted one is undone
    so that the next example meets the first-run page again."""
    with app.test_request_context():
        names = field_names(auth_forms.FirstRunForm())
    posted = data.draw(posts(names), label="posted")
    client = app.test_client()
    before = snapshot(app)
    response = client.post("/setup", data=posted)
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 200:
        assert shows_errors(response)
        assert changed_tables(before, snapshot(app)) == []
    else:
        with app.app_context():
            for table in reversed(db.metadata.sorted_tables):
                db.session.execute(table.delete())
            db.session.commit()


def test_the_report_form_refuses_odd_dates_beside_its_fields(app, make, login_as):
    """The report's date range is a GET form (clinic.reports.forms): odd input in the query
    string is a message on the page, never a 500, and changes nothing."""
    from clinic.reports.forms import ReportForm

    client = login_as("admin")
    with app.test_request_context():
        names = field_names(ReportForm())

    @FUZZ
    @given(posted=posts(names))
    def get_odd_input(posted):
        before = snapshot(app)
        response = client.get("/reports/", query_string=posted)
        assert response.status_code in (200, 404), response.status_code  # 404: no such member
        assert changed_tables(before, snapshot(app)) == []

    get_odd_input()


def _form_classes():
    for module in pkgutil.walk_packages(clinic.__path__, "clinic."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    found, pending = set(), [FlaskForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass.__module__.startswith("clinic.") and "<locals>" not in (
                subclass.__qualname__
            ):
                found.add(subclass)
            pending.append(subclass)
    return found


def test_every_form_of_the_app_is_fuzzed(app):
    from clinic.reports.forms import ReportForm

    with app.test_request_context():
        covered = {
            cls if isinstance(cls, type) else type(cls())
            for cls in (target.form_class for target in TARGETS.values())
        }
    covered |= {section.form_class for section in SECTIONS} | {SectionForm, ClinicForm}
    covered.add(auth_forms.FirstRunForm)  # test_first_run_refuses_odd_input_and_sets_up_nothing
    covered.add(ReportForm)  # test_the_report_form_refuses_odd_dates_beside_its_fields
    missing = sorted(cls.__qualname__ for cls in _form_classes() - covered)
    assert missing == [], f"add a Target for {missing} to tests/test_fuzz.py"
