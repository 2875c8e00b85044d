"""Case lists, the case page, its stage steps, the documents checklist and follow-up lists."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from wtforms.fields.choices import SelectChoice

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.policy import or_404
from clinic.auth.roles import Role
from clinic.cases import lists, machine, policy
from clinic.cases.forms import DocumentsForm, MoveForm
from clinic.cases.models import Case
from clinic.cases.stages import Stage
from clinic.clock import today, utcnow
from clinic.converters import bounded_int
from clinic.extensions import db
from clinic.filing import services as filing
from clinic.intake import services as intake
from clinic.pagination import page_of
from clinic.review import changes
from clinic.review import services as review
from clinic.review.history import case_history
from clinic.voter import gate as voter_gate
from clinic.web import flash_refusal

bp = Blueprint("cases", __name__, url_prefix="/cases")
FOLLOW_UP_ROLES = (Role.COORDINATOR, Role.ADMIN)


def case_or_404(case_id, allowed=policy.can_view):
    return or_404(db.session.get(Case, case_id), lambda c: allowed(current_user, c))


def editable_case_or_404(case_id):
    """The case if the user may see it (else 404) and change its answers now (else 403, saying
    why: locked once filed, closed or referred; else the user's role)."""
    case = case_or_404(case_id)
    if not policy.can_edit_intake(current_user, case):
        abort(403, description=intake.locked_reason(case))
    return case


def _stage_arg(allowed=tuple(Stage)):
    """The ?stage= filter: a stage among `allowed`, or None (any) for anything else."""
    value = request.args.get("stage")
    return Stage(value) if value in {s.value for s in allowed} else None


@bp.get("/")
@login_required
def index():
    stage = _stage_arg()
    page = page_of(lists.cases_query(current_user, stage))
    return render_template(
        "cases/index.html",
        page=page,
        runs=lists.latest_runs(page.items),
        stages=list(Stage),
        stage=stage.value if stage else None,
    )


@bp.get("/<int:case_id>")
@login_required
def show(case_id):
    case = case_or_404(case_id)
    audit.record("case.viewed", actor=current_user, target=case, at=utcnow())
    latest = case.latest_screening
    documents = DocumentsForm(version=case.version)
    documents.brought.choices = [
        SelectChoice(d["code"], d["label"]) for d in (latest.result["documents"] if latest else [])
    ]
    stored = case.section("documents")
    documents.brought.data = stored.answers.get("brought", []) if stored else []
    return render_template(
        "cases/show.html",
        case=case,
        latest=latest,
        status=intake.section_status(case),
        history=case_history(case),
        sign_off=review.latest_sign_off(case),
        changed_questions=changes.changed_questions,
        steps=machine.available(case, current_user),
        move_form=MoveForm(version=case.version),
        documents_form=documents,
        sensitive=policy.can_see_sensitive(current_user, case),
        citizen=voter_gate.passes(case, today()),
        milestone_steps=filing.available_steps(case, current_user),
        can_edit=policy.can_edit_intake(current_user, case),
    )


@bp.post("/<int:case_id>/step/<name>")
@login_required
def move(case_id, name):
    case = case_or_404(case_id)
    form = MoveForm()
    if not form.validate_on_submit() or form.version.data != str(case.version):
        abort(409)
    try:
        machine.move(case, name, by=current_user, now=utcnow(), reason=form.reason.data)
    except machine.TransitionRefused as refusal:
        if refusal.forbidden:
            abort(403)
        flash_refusal(refusal.message)
    else:
        flash(_("Case is now: %(stage)s.", stage=case.stage.label), "success")

    return redirect(url_for("cases.show", case_id=case.id))


@bp.post("/<int:case_id>/documents")
@roles_required(Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY)
def documents(case_id):
    case = editable_case_or_404(case_id)
    form = DocumentsForm()
    latest = case.latest_screening
    form.brought.choices = [
        SelectChoice(d["code"], d["label"]) for d in (latest.result["documents"] if latest else [])
    ]
    if not form.validate_on_submit() or form.version.data != str(case.version):
        abort(409)
    intake.save_documents(case, form.brought.data, by=current_user, now=utcnow())
    flash(_("Documents checklist saved."), "success")
    return redirect(url_for("cases.show", case_id=case.id))


@bp.get("/follow-up/come-back")
@roles_required(*FOLLOW_UP_ROLES)
def come_back():
    page = page_of(lists.come_back_query(current_user))
    return render_template(
        "cases/come_back.html", page=page, dates=lists.come_back_dates(page.items)
    )


@bp.get("/follow-up/documents")
@roles_required(*FOLLOW_UP_ROLES)
def missing_documents():
    stage = _stage_arg(lists.OPEN_STAGES)
    page = page_of(lists.missing_documents_query(current_user, stage))
    return render_template(
        "cases/missing_documents.html",
        page=page,
        missing=lists.missing_on_page(page.items),
        stages=lists.OPEN_STAGES,
        stage=stage.value if stage else None,
    )


@bp.get("/follow-up/stuck")
@roles_required(*FOLLOW_UP_ROLES)
def stuck():
    days = request.args.get("days", 30, type=bounded_int(1, 3650))
    stage = _stage_arg(lists.OPEN_STAGES)
    page = page_of(lists.stuck_query(current_user, days, utcnow(), stage))
    return render_template(
        "cases/stuck.html",
        days=days,
        page=page,
        stages=lists.OPEN_STAGES,
        stage=stage.value if stage else None,
    )
