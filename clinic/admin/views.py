"""Admin pages: organizations, users (invite, edit, deactivate), the audit log, and people
likely on file at two member organizations."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from clinic.admin import services
from clinic.admin.forms import EditUserForm, InviteUserForm, OrganizationForm
from clinic.audit import AuditEvent
from clinic.auth import services as auth_services
from clinic.auth.decorators import roles_required
from clinic.auth.models import Organization, User
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import services as cases
from clinic.cases.models import PossibleDuplicate
from clinic.clock import utcnow
from clinic.converters import RECORD_ID
from clinic.extensions import db
from clinic.forms import show_service_error
from clinic.pagination import keyset_page_of, page_of
from clinic.web import flash_refusal

bp = Blueprint("admin", __name__, url_prefix="/admin")

AUDIT_PAGE_SIZE = 100


def _organization_choices(form):
    organizations = db.session.scalars(select(Organization).order_by(Organization.name))
    form.organization_id.choices = [SelectChoice(org.id, org.name) for org in organizations]


def _invite_form():
    """A new invitation starts in the admin's own organization (not the first in the list);
    a form shown again after an error keeps what was chosen."""
    form = InviteUserForm()
    _organization_choices(form)
    if not form.is_submitted():
        form.organization_id.data = current_user.organization_id
    return form


@bp.get("/organizations")
@roles_required(Role.ADMIN)
def organizations():
    rows = db.session.scalars(select(Organization).order_by(Organization.name)).all()
    return render_template("admin/organizations.html", organizations=rows)


@bp.route("/organizations/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def new_organization():
    form = OrganizationForm()
    if form.validate_on_submit():
        try:
            services.create_organization(
                form.name.data, form.contact.data or "", by=current_user, now=utcnow()
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("Organization added."), "success")
            return redirect(url_for("admin.organizations"))
    return render_template("admin/organization_form.html", form=form, organization=None)


@bp.route("/organizations/<int:organization_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_organization(organization_id):
    organization = db.get_or_404(Organization, organization_id)
    form = OrganizationForm(obj=organization)
    if form.validate_on_submit():
        try:
            services.update_organization(
                organization,
                form.name.data,
                form.contact.data or "",
                form.active.data,
                by=current_user,
                now=utcnow(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("Organization saved."), "success")
            return redirect(url_for("admin.organizations"))
    return render_template("admin/organization_form.html", form=form, organization=organization)


@bp.get("/users")
@roles_required(Role.ADMIN)
def users():
    organization_id = request.args.get("organization", None, type=RECORD_ID)
    role = request.args.get("role") if request.args.get("role") in set(Role) else None
    page = page_of(services.users_query(organization_id, role))
    return render_template(
        "admin/users.html",
        page=page,
        organizations=db.session.scalars(select(Organization).order_by(Organization.name)),
        roles=list(Role),
        organization_id=organization_id,
        role=role,
        args={k: v for k, v in (("organization", organization_id), ("role", role)) if v},
    )


@bp.route("/users/new", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def invite_user():
    form = _invite_form()
    if form.validate_on_submit():
        try:
            user, token = services.invite_user(
                db.session.get(Organization, form.organization_id.data),
                form.name.data,
                form.email.data,
                form.role.data,
                form.credential.data,
                form.credential_number.data,
                by=current_user,
                now=utcnow(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            return render_template(
                "admin/invitation_link.html",
                user=user,
                link=url_for("auth.accept_invitation", token=token, _external=True),
            )
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def edit_user(user_id):
    user = db.get_or_404(User, user_id)
    form = EditUserForm(obj=user)
    _organization_choices(form)
    if form.validate_on_submit():
        try:
            services.update_user(
                user,
                db.session.get(Organization, form.organization_id.data),
                form.role.data,
                form.credential.data,
                form.credential_number.data,
                by=current_user,
                now=utcnow(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("User saved."), "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=user)


@bp.post("/users/<int:user_id>/<any(activate, deactivate):action>")
@roles_required(Role.ADMIN)
def set_active(user_id, action):
    user = db.get_or_404(User, user_id)
    activate = action == "activate"
    try:
        services.set_user_active(user, activate, by=current_user, now=utcnow())
    except ServiceError as error:
        flash_refusal(error.message)
    else:
        flash(
            _("Account reactivated.")
            if activate
            else _("Account deactivated; its sessions have ended."),
            "success",
        )
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/second-factor/reset")
@roles_required(Role.ADMIN)
def reset_second_factor(user_id):
    """A lost phone: the user's second factor goes, their sessions end; they enrol again."""
    user = db.get_or_404(User, user_id)
    try:
        auth_services.reset_second_factor(user, by=current_user, now=utcnow())
    except ServiceError as error:
        flash_refusal(error.message)
    else:
        flash(
            _(
                "%(name)s's second factor is reset and their sessions have ended. They set up "
                "a new one at their next login.",
                name=user.name,
            ),
            "success",
        )
    return redirect(url_for("admin.users"))


@bp.post("/users/<int:user_id>/invitation")
@roles_required(Role.ADMIN)
def reissue_invitation(user_id):
    user = db.get_or_404(User, user_id)
    try:
        token = services.reissue_invitation(user, by=current_user, now=utcnow())
    except ServiceError as error:
        flash_refusal(error.message)
        return redirect(url_for("admin.users"))
    return render_template(
        "admin/invitation_link.html",
        user=user,
        link=url_for("auth.accept_invitation", token=token, _external=True),
    )


@bp.get("/audit")
@roles_required(Role.ADMIN)
def audit_log():
    """Newest first, by id, a page at a time without counting the table (it holds millions)."""
    action = (request.args.get("action") or "").strip()[:64] or None
    query = select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    events = keyset_page_of(query, AuditEvent.id, per_page=AUDIT_PAGE_SIZE)
    actors = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(User.id.in_({e.actor_id for e in events.items if e.actor_id}))
        )
    }
    return render_template(
        "admin/audit.html",
        events=events,
        actors=actors,
        action=action,
        args={"action": action} if action else {},
    )


@bp.get("/possible-duplicates")
@roles_required(Role.ADMIN)
def possible_duplicates():
    page = page_of(cases.possible_duplicates_query())
    return render_template("admin/possible_duplicates.html", page=page)


@bp.post("/possible-duplicates/<int:pair_id>/link")
@roles_required(Role.ADMIN)
def link_duplicates(pair_id):
    pair = db.get_or_404(PossibleDuplicate, pair_id)
    cases.link_possible_duplicate(pair, by=current_user, now=utcnow())
    flash(_("Linked: the two records are one person."), "success")
    return redirect(url_for("admin.possible_duplicates"))
