"""Organization and user management. Services flush; the request or CLI command commits."""

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager

from clinic import audit
from clinic.auth import sessions
from clinic.auth.models import Organization, User
from clinic.auth.passwords import hash_password
from clinic.auth.roles import Role
from clinic.auth.services import (
    ServiceError,
    check_password_rules,
    create_invitation,
    find_user_by_email,
    normalize_email,
)
from clinic.extensions import db


def users_query(organization_id=None, role=None):
    """Users by organization then name, with their organization loaded: an ordered select."""
    query = select(User).join(User.organization).options(contains_eager(User.organization))
    if organization_id is not None:
        query = query.where(User.organization_id == organization_id)
    if role is not None:
        query = query.where(User.role == Role(role))
    return query.order_by(Organization.name, User.name, User.id)


def create_organization(name, contact, *, by, now):
    name = name.strip()
    _check_organization_name_free(name)
    organization = Organization(name=name, contact=contact.strip(), created_at=now)
    db.session.add(organization)
    audit.record("admin.organization_created", actor=by, target=organization, at=now)
    return organization


def update_organization(organization, name, contact, active, *, by, now):
    name = name.strip()
    if name != organization.name:
        _check_organization_name_free(name)
    organization.name, organization.contact, organization.active = name, contact.strip(), active
    audit.record("admin.organization_updated", actor=by, target=organization, at=now)
    return organization


def create_user(
    organization,
    name,
    email,
    role,
    credential=None,
    credential_number=None,
    *,
    password=None,
    by=None,
    now,
):
    """Add a user. With a password the account is ready; without, it waits for an invitation."""
    if find_user_by_email(email) is not None:
        raise ServiceError(_("Someone already uses this email."), field="email")
    _check_credential(role, credential, credential_number)
    user = User(
        organization=organization,
        name=name.strip(),
        email=normalize_email(email),
        role=role,
        created_at=now,
    )
    user.credential, user.credential_number = _credential_fields(
        role, credential, credential_number
    )
    if password is not None:
        check_password_rules(password, user.email, user.name)
        user.password_hash = hash_password(password)
        user.password_changed_at = now
    db.session.add(user)
    audit.record(
        "admin.user_created",
        actor=by,
        target=user,
        at=now,
        role=role.value,
        organization_id=organization.id,
    )
    return user


def invite_user(organization, name, email, role, credential, credential_number, *, by, now):
    """Create the account and return it with a one-time link token for its owner."""
    user = create_user(
        organization, name, email, role, credential, credential_number, by=by, now=now
    )
    return user, create_invitation(user, now)


def reissue_invitation(user, *, by, now):
    if user.password_hash is not None:
        raise ServiceError(_("This person has already set a password."))
    audit.record("admin.invitation_reissued", actor=by, target=user, at=now)
    return create_invitation(user, now)


def update_user(user, organization, role, credential, credential_number, *, by, now):
    _check_credential(role, credential, credential_number)
    if user.id == by.id and role != user.role:
        raise ServiceError(_("You can't change your own role; ask another admin."), field="role")
    if user.role == Role.ADMIN and role != Role.ADMIN:
        _check_not_last_admin(user)
    changes = {}
    if role != user.role:
        changes.update(old_role=user.role.value, new_role=role.value)
    if organization.id != user.organization_id:
        changes.update(
            old_organization_id=user.organization_id, new_organization_id=organization.id
        )
    user.role, user.organization = role, organization
    user.credential, user.credential_number = _credential_fields(
        role, credential, credential_number
    )
    if changes:
        # New powers or a new organization take effect on the next login, not mid-session.
        sessions.end_all_sessions(user, now, "role_changed")
    audit.record("admin.user_updated", actor=by, target=user, at=now, **changes)
    return user


def set_user_active(user, active, *, by, now):
    if user.id == by.id:
        raise ServiceError(_("You can't deactivate yourself."))
    if not active and user.role == Role.ADMIN:
        _check_not_last_admin(user)
    user.active = active
    if not active:
        sessions.end_all_sessions(user, now, "deactivated")
    audit.record(
        "admin.user_activated" if active else "admin.user_deactivated",
        actor=by,
        target=user,
        at=now,
    )
    return user


def _check_credential(role, credential, credential_number):
    if role == Role.ATTORNEY and (credential is None or not (credential_number or "").strip()):
        raise ServiceError(
            _("An attorney needs a bar number or a DOJ accreditation number."),
            field="credential_number",
        )


def _credential_fields(role, credential, credential_number):
    """Only attorneys carry a credential; anyone else's is cleared."""
    if role != Role.ATTORNEY:
        return None, None
    return credential, credential_number.strip()


def _check_organization_name_free(name):
    taken = db.session.scalar(
        select(Organization.id).where(func.lower(Organization.name) == name.lower())
    )
    if taken is not None:
        raise ServiceError(_("An organization with this name exists already."), field="name")


def _check_not_last_admin(user):
    admins = db.session.scalar(
        select(func.count(User.id)).where(User.role == Role.ADMIN, User.active.is_(True))
    )
    if admins <= 1:
        raise ServiceError(_("This is the last active admin; make someone else admin first."))
