"""Clinic days: the list, planning and staffing a day, its roster, and check-in."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from clinic.auth.decorators import roles_required
from clinic.auth.models import Organization, User
from clinic.auth.policy import or_404
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import lists
from clinic.cases import services as cases
from clinic.cases.policy import can_view
from clinic.clock import today, utcnow
from clinic.events import services
from clinic.events.forms import CheckInForm, EventForm, StaffForm
from clinic.events.models import ClinicEvent
from clinic.extensions import db
from clinic.forms import show_service_error
from clinic.pagination import page_of
from clinic.web import flash_refusal

bp = Blueprint("events", __name__, url_prefix="/events")
CHECK_IN_ROLES = (Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY)
ELSEWHERE = _l(
    "Someone with these details may already be on file at another member organization; "
    "ask your coordinator."
)


def event_or_404(event_id, allowed=services.can_view_event):
    return or_404(db.session.get(ClinicEvent, event_id), lambda e: allowed(current_user, e))


def _event_form(event=None):
    form = EventForm(obj=event)
    if event is not None and not form.is_submitted():
        form.partners.data = [org.id for org in event.partners]
    host_id = event.host_organization_id if event else current_user.organization_id
    if current_user.role == Role.ADMIN and event is None:
        form.host_organization_id.choices = [
            SelectChoice(o.id, o.name)
            for o in db.session.scalars(select(Organization).order_by(Organization.name))
        ]
        if not form.is_submitted():
            form.host_organization_id.data = host_id
    else:
        del form.host_organization_id
    form.partners.choices = [
        SelectChoice(o.id, o.name) for o in services.organizations_except(host_id)
    ]
    return form


def _partners(form):
    ids = form.partners.data or []
    return db.session.scalars(select(Organization).where(Organization.id.in_(ids))).all()


@bp.get("/")
@login_required
def index():
    events = db.session.scalars(
        services.visible_events_query(current_user).order_by(ClinicEvent.held_on.desc())
    ).all()
    return render_template("events/index.html", events=events, today=today())


@bp.route("/new", methods=["GET", "POST"])
@roles_required(Role.COORDINATOR, Role.ADMIN)
def new():
    form = _event_form()
    if form.validate_on_submit():
        host_id = (
            form.host_organization_id.data
            if "host_organization_id" in form
            else current_user.organization_id
        )
        event = services.create_event(
            db.session.get(Organization, host_id),
            form.name.data,
            form.site.data,
            form.held_on.data,
            form.capacity.data,
            by=current_user,
            now=utcnow(),
            partners=_partners(form),
        )
        db.session.flush()
        flash(_("Clinic day planned. Now add its staff."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_template("events/form.html", form=form, event=None)


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@roles_required(Role.COORDINATOR, Role.ADMIN)
def edit(event_id):
    event = event_or_404(event_id, services.can_manage_event)
    form = _event_form(event)
    if form.validate_on_submit():
        services.update_event(
            event,
            form.name.data,
            form.site.data,
            form.held_on.data,
            form.capacity.data,
            _partners(form),
            by=current_user,
            now=utcnow(),
        )
        flash(_("Clinic day saved."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return render_template("events/form.html", form=form, event=event)


def _staff_form(event):
    """The add-to-staff form, offering only the people not on the day's staff yet."""
    form = StaffForm()
    form.user_id.choices = [
        SelectChoice(u.id, f"{u.name} ({u.role.label})") for u in services.staff_candidates(event)
    ]
    return form


@bp.get("/<int:event_id>")
@login_required
def show(event_id):
    event = event_or_404(event_id)
    can_work = services.can_work_event(current_user, event)
    can_manage = services.can_manage_event(current_user, event)
    roster = page_of(lists.roster_query(event)) if can_work else None
    return render_template(
        "events/show.html",
        event=event,
        roster=roster,
        runs=lists.latest_runs(roster.items) if roster else {},
        can_check_in=can_work and current_user.role in CHECK_IN_ROLES,
        staff_form=_staff_form(event) if can_manage else None,
        can_manage=can_manage,
    )


@bp.post("/<int:event_id>/staff")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def add_staff(event_id):
    """Adds one of the offered people; someone added meanwhile (another tab, another
    coordinator) is no longer offered, and is told apart from a choice off the list."""
    event = event_or_404(event_id, services.can_manage_event)
    form = _staff_form(event)
    person = db.session.get(User, form.user_id.data) if form.user_id.data else None
    if form.validate_on_submit():
        try:
            services.add_staff(event, person, by=current_user, now=utcnow())
        except ServiceError as error:
            flash_refusal(error.message)
    elif person is not None and services.is_on_staff(person, event):
        flash_refusal(_("That person is already on this day's staff."))
    else:
        flash_refusal(_("Choose someone from the list."))

    return redirect(url_for("events.show", event_id=event.id))


@bp.post("/<int:event_id>/staff/<int:user_id>/remove")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def remove_staff(event_id, user_id):
    event = event_or_404(event_id, services.can_manage_event)
    services.remove_staff(event, user_id, by=current_user, now=utcnow())
    return redirect(url_for("events.show", event_id=event.id))


@bp.route("/<int:event_id>/check-in", methods=["GET", "POST"])
@roles_required(*CHECK_IN_ROLES)
def check_in(event_id):
    """Search first (by POST: names and numbers never go in a URL), then pick or create."""
    event = event_or_404(event_id, services.can_work_event)
    form = CheckInForm()
    matches, duplicates, elsewhere = None, [], False
    if form.validate_on_submit():
        data = form.data
        clues = {
            "names": f"{data['given_names']} {data['family_names']}",
            "date_of_birth": data["date_of_birth"],
            "a_number": data["a_number"],
            "phone": data["phone"],
        }
        matches = services.check_in_matches(current_user, event, **clues)
        duplicates = [m for m in matches if m.likely]
        elsewhere = bool(cases.on_file_elsewhere(event.host_organization_id, **clues))
        if form.creating and (form.confirm_new.data or not duplicates):
            case = _create(form, event)
            if case is not None:
                return redirect(url_for("intake.section", case_id=case.id, key="contact"))
    return render_template(
        "events/check_in.html",
        event=event,
        form=form,
        matches=matches,
        duplicates=duplicates,
        elsewhere=elsewhere,
        for_host=services.works_for_host(current_user, event),
    )


def _create(form, event):
    """A new record from a validated form (CheckInForm asks for the names and birth date)."""
    data = form.data
    try:
        applicant = cases.create_applicant(
            event.host_organization_id,
            data["given_names"],
            data["family_names"],
            data["date_of_birth"],
            data["a_number"],
            data["phone"],
            by=current_user,
            now=utcnow(),
        )
    except ServiceError as error:
        show_service_error(form, error)
        return None
    _note_elsewhere(applicant)
    return cases.open_case(applicant, event, by=current_user, now=utcnow())


def _note_elsewhere(applicant):
    """Recorded for the coalition admin; the volunteer hears only that someone may be."""
    if cases.note_possible_duplicates(applicant, by=current_user, now=utcnow()):
        flash(str(ELSEWHERE), "info")


@bp.post("/<int:event_id>/check-in/<int:applicant_id>")
@roles_required(*CHECK_IN_ROLES)
def check_in_existing(event_id, applicant_id):
    event = event_or_404(event_id, services.can_work_event)
    applicant = services.applicant_to_check_in(current_user, event, applicant_id)
    if applicant is None:
        abort(404)
    case, already_open = services.check_in(applicant, event, by=current_user, now=utcnow())
    _note_elsewhere(applicant)
    if not already_open:
        flash(_("Checked in: case %(reference)s.", reference=case.reference), "success")
        return redirect(url_for("intake.section", case_id=case.id, key="contact"))
    return _to_open_case(case, event)


def _to_open_case(case, event):
    """Flashes carry case references, never names: the session cookie is signed, not secret."""
    if not can_view(current_user, case):  # open at another clinic day: the host's to work
        flash(_("This person already has an open case with the host organization."), "info")
        return redirect(url_for("events.show", event_id=event.id))
    flash(
        _("This person already has an open case: case %(reference)s.", reference=case.reference),
        "info",
    )

    if case.stage.answers_editable:
        return redirect(url_for("intake.section", case_id=case.id, key="contact"))
    return redirect(url_for("cases.show", case_id=case.id))
