"""The interview, one section per page: load, save, add or remove rows, resolve conflicts."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import machine, policy
from clinic.cases.views import editable_case_or_404
from clinic.clock import today, utcnow
from clinic.forms import show_service_error
from clinic.intake import display, services
from clinic.intake.fields import row_index, too_many_rows
from clinic.intake.sections import BY_KEY, SECTIONS
from clinic.templating import sentence

bp = Blueprint("intake", __name__, url_prefix="/cases/<int:case_id>/intake")
INTAKE_ROLES = (Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY)


@bp.record_once
def _register_stage_requirements(state):
    """The stage machine asks the interview whether it is complete (it imports no feature)."""
    machine.requirement(machine.INTAKE_COMPLETE, services.why_not_complete)


def _next_section(key):
    keys = [s.key for s in SECTIONS]
    index = keys.index(key)
    return keys[index + 1] if index + 1 < len(keys) else None


def _row_action(form, section):
    """'add:trips' or 'remove:trips:2' buttons change the rows and re-show the page.

    Returns None when the post was no row action; otherwise the id of the field that should
    have the focus next (the new row's first field, or the Add button after a removal), so a
    keyboard user carries on where they were. A row number that names no row changes nothing.
    """
    verb, _, rest = request.form.get("row_action", "").partition(":")
    name, _, number = rest.partition(":")
    if name not in section.rows:
        return None
    rows = getattr(form, name)
    focus = f"add-{rows.name}"
    if verb == "add" and not number:
        focus = _add_row(rows) or focus
    elif verb == "remove":
        index = row_index(number, len(rows.entries))
        if index is not None:
            _remove_row(rows, index)
    for entry in rows.entries:  # re-shown, not validated: no stale errors
        for field in entry.form:
            field.errors = []
    return focus


def _add_row(rows):
    """Append an empty row and return its first field's id; at the cap, say so instead."""
    if len(rows.entries) >= rows.max_entries:
        rows.errors = [too_many_rows(rows.max_entries)]
        return None
    rows.append_entry()
    return next(iter(rows.entries[-1].form)).id


def _remove_row(rows, index):
    kept = [entry.data for i, entry in enumerate(rows.entries) if i != index]
    while rows.entries:
        rows.pop_entry()
    for data in kept:
        rows.append_entry(data)


def _form(case, section):
    """The section's form: the stored answers to show, or the answers posted; questions that
    don't apply to this applicant (Selective Service for women) are not asked at all."""
    if request.method == "GET":
        data = {**services.stored_answers(case, section.key), "version": str(case.version)}
        form = section.form_class(data=data, case=case)
    else:
        form = section.form_class(case=case)
    for name in section.not_asked(services.applicant_sex(case)):
        delattr(form, name)
    return form


def _save(case, section, form):
    """Save a validated section: the next page to go to, a 409 page, or None when a service
    refused (its reason is then beside the field)."""
    try:
        services.save_section(
            case,
            section.key,
            form.data,
            form.version.data,
            by=current_user,
            now=utcnow(),
            today=today(),
        )
    except services.StaleVersion:
        return _conflict(case, section, form)
    except ServiceError as error:
        show_service_error(form, error)
        return None
    flash(sentence(_("Saved: %(section)s", section=section.title)), "success")
    following = _next_section(section.key) if request.form.get("go") == "next" else section.key
    if following is None:
        return redirect(url_for("cases.show", case_id=case.id))
    return redirect(url_for("intake.section", case_id=case.id, key=following))


def _conflict(case, section, form):
    """The 409 page: the case changed since the form was loaded, so nothing was saved; the
    answers typed are shown beside those stored now."""
    return render_template(
        "intake/conflict.html",
        case=case,
        section=section,
        form=form,
        stored=services.stored_answers(case, section.key),
        labels=_labels(form),
        answer_text=display.answer_text,
    ), 409


@bp.route("/<key>", methods=["GET", "POST"])
@roles_required(*INTAKE_ROLES)
def section(case_id, key):
    case = editable_case_or_404(case_id)
    section = BY_KEY.get(key) or abort(404)
    if request.method == "GET":
        audit.record("case.viewed", actor=current_user, target=case, at=utcnow(), section=key)
    form = _form(case, section)
    focus = _row_action(form, section) if request.method == "POST" else None
    if request.method == "POST" and focus is None and form.validate():
        response = _save(case, section, form)
        if response is not None:
            return response
    return render_template(
        "intake/section.html",
        case=case,
        section=section,
        form=form,
        status=services.section_status(case),
        n400_missing=services.n400_extra_missing(case, section),
        latest=case.latest_screening,
        sensitive=policy.can_see_sensitive(current_user, case, doing_intake=True),
        focus=focus,
        today=today(),
    )


def _labels(form):
    return {
        field.name: field.label.text
        for field in form
        if field.name not in ("csrf_token", "version")
    }
