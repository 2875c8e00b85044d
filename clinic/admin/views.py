"""Admin pages: organizations, users (invite, edit, deactivate) and the audit log."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
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
from clinic.clock import utcnow
from clinic.converters import PAGE_NUMBER
from clinic.extensions import db
from clinic.forms import show_service_error
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
            flash("Organization added.", "success")
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
            flash("Organization saved.", "success")
            return redirect(url_for("admin.organizations"))
    return render_template("admin/organization_form.html", form=form, organization=organization)


@bp.get("/users")
@roles_required(Role.ADMIN)
def users():
    rows = db.session.scalars(
        select(User).join(User.organization).order_by(Organization.name, User.name)
    ).all()
    return render_template("admin/users.html", users=rows)


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
            flash("User saved.", "success")
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
            "Account reactivated." if activate else "Account deactivated; its sessions have ended.",
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
            f"{user.name}'s second factor is reset and their sessions have ended. They set up "
            "a new one at their next login.",
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
    page = request.args.get("page", 1, type=PAGE_NUMBER)
    events = db.paginate(
        select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
        page=page,
        per_page=AUDIT_PAGE_SIZE,
        error_out=False,
    )
    actors = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(User.id.in_({e.actor_id for e in events.items if e.actor_id}))
        )
    }
    return render_template("admin/audit.html", events=events, actors=actors)
