"""The attorney's queue and review page: claim, read, resolve each finding, decide and sign."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases.lists import latest_runs
from clinic.cases.stages import Stage
from clinic.cases.views import case_or_404
from clinic.clock import utcnow
from clinic.forms import show_service_error
from clinic.intake import display
from clinic.intake.sections import SECTIONS
from clinic.intake.services import all_answers
from clinic.pagination import page_of
from clinic.review import changes, services
from clinic.review.forms import QueueFilterForm, decision_form
from clinic.review.models import Decision
from clinic.review.services import FINDING_NAMES
from clinic.web import flash_refusal

bp = Blueprint("review", __name__, url_prefix="/review")


@bp.get("/")
@roles_required(Role.ATTORNEY)
def queue():
    filters = QueueFilterForm(request.args)
    outcome, finding = filters.outcome.data, filters.finding.data
    page = page_of(services.review_queue(current_user, outcome=outcome, finding=finding))
    return render_template(
        "review/queue.html",
        page=page,
        runs=latest_runs(page.items),
        claims=services.live_claims(page.items, utcnow()),
        filters=filters,
        args={key: value for key, value in (("outcome", outcome), ("finding", finding)) if value},
        names=FINDING_NAMES,
    )


@bp.route("/<int:case_id>", methods=["GET", "POST"])
@roles_required(Role.ATTORNEY)
def show(case_id):
    case = case_or_404(case_id)
    run = case.latest_screening
    if run is None:
        return render_template("review/not_screened.html", case=case)
    if request.method == "GET":
        form = decision_form(run, facts_hash=run.facts_hash)
        audit.record("case.viewed", actor=current_user, target=case, at=utcnow(), page="review")
    else:
        form = decision_form(run)
    if form.validate_on_submit() and _signed(case, form):
        flash(f"Signed: {Decision(form.decision.data).label}.", "success")
        return redirect(url_for("cases.show", case_id=case.id))
    return render_template("review/show.html", case=case, run=run, form=form, **_page(case))


def _signed(case, form):
    """Sign the decision on the form; False (the error shown beside its field) if refused."""
    try:
        services.decide(
            case,
            current_user,
            password=form.password.data,
            decision=Decision(form.decision.data),
            resolutions=form.resolutions(),
            details=form.details(),
            facts_hash=form.facts_hash.data,
            note=form.note.data,
            now=utcnow(),
        )
    except services.NotAllowed as refusal:
        abort(403, str(refusal))
    except ServiceError as error:
        show_service_error(form, error)
        return False
    return True


def _page(case):
    """What the review page shows besides the form: every answer and any void, as read."""
    answers = all_answers(case)
    sign_off = services.latest_sign_off(case)
    return {
        "answers": {s.key: display.section_answers(s.key, answers[s.key]) for s in SECTIONS},
        "sections": SECTIONS,
        "section_title": display.section_title,
        "sections_behind": services.sections_behind,
        "claim": services.live_claim(case, utcnow()),
        "sign_off": sign_off,
        "void_changes": changes.shown_changes(sign_off.void.changes)
        if sign_off and sign_off.void
        else [],
        "waiting": case.stage == Stage.IN_REVIEW,
        "is_preparer": current_user.id in services.preparers(case),
    }


@bp.post("/<int:case_id>/claim")
@roles_required(Role.ATTORNEY)
def claim(case_id):
    case = case_or_404(case_id)
    try:
        services.claim(case, current_user, utcnow())
    except ServiceError as error:
        flash_refusal(error.message)
    except services.NotAllowed:
        abort(403)
    return redirect(url_for("review.show", case_id=case.id))


@bp.post("/<int:case_id>/release")
@roles_required(Role.ATTORNEY)
def release(case_id):
    case = case_or_404(case_id)
    services.release(case, current_user, utcnow())
    return redirect(url_for("review.queue"))
