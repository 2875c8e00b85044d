"""Whose report a user may see: coordinators their own organization's, admins any or all."""

from flask import abort

from clinic.auth.models import Organization
from clinic.auth.roles import Role
from clinic.extensions import db


def report_organization(user, requested_id):
    """The organization a report covers (None: the whole coalition), or 404.

    Coordinators get their own organization's report whatever they ask for, and 404 for
    another's (its existence isn't revealed); admins get the one they ask for, or all.
    """
    if user.role == Role.ADMIN:
        if requested_id is None:
            return None
        organization = db.session.get(Organization, requested_id)
        if organization is None:
            abort(404)
        return organization
    if requested_id is not None and requested_id != user.organization_id:
        abort(404)
    return user.organization
