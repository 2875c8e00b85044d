"""The attorney's queue and review page: claim, read, resolve each finding, decide and sign."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
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
from clinic.intake import display, part9
from clinic.intake.answers import all_answers, answers_hash
from clinic.intake.sections import SECTIONS
from clinic.pagination import page_of
from clinic.review import changes, services
from clinic.review.findings import FINDING_NAMES, sections_behind
from clinic.review.forms import QueueFilterForm, ReconfirmForm, decision_form
from clinic.review.models import Decision
from clinic.web import flash_refusal

bp = Blueprint("review", __name__, url_prefix="/review")
AGAIN = "again"  # the sign-again form's prefix: its fields apart from the decision form's


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
        form = decision_form(run, facts_hash=run.facts_hash, answers_hash=_fingerprint(case))
        audit.record("case.viewed", actor=current_user, target=case, at=utcnow(), page="review")
    else:
        form = decision_form(run)
    if form.validate_on_submit() and _signed(case, form):
        flash(_("Signed: %(decision)s.", decision=Decision(form.decision.data).label), "success")

        return redirect(url_for("cases.show", case_id=case.id))
    return render_template("review/show.html", case=case, run=run, form=form, **_page(case))


def _signed(case, form):
    """Sign the decision on the form; False (the error shown beside its field) if refused."""
    try:
        services.decide(
            case,
            current_user,
            password=form.password.data,
            code=form.code.data,
            decision=Decision(form.decision.data),
            resolutions=form.resolutions(),
            details=form.details(),
            facts_hash=form.facts_hash.data,
            answers_hash=form.answers_hash.data or None,
            note=form.note.data,
            now=utcnow(),
        )
    except services.NotAllowed as refusal:
        abort(403, str(refusal))
    except ServiceError as error:
        show_service_error(form, error)
        return False
    return True


def _fingerprint(case):
    return answers_hash(all_answers(case))


def _page(case, reconfirm_form=None):
    """What the review page shows besides the form: every answer and any void, as read."""
    answers = all_answers(case)
    sign_off = services.latest_sign_off(case)
    return {
        "answers": {s.key: display.section_answers(s.key, answers[s.key]) for s in SECTIONS},
        "sections": SECTIONS,
        "section_title": display.section_title,
        "sections_behind": sections_behind,
        "claim": services.live_claim(case, utcnow()),
        "sign_off": sign_off,
        "void_changes": changes.shown_changes(sign_off.void.changes)
        if sign_off and sign_off.void
        else [],
        "waiting": case.stage == Stage.IN_REVIEW,
        "is_preparer": current_user.id in services.preparers(case),
        "reconfirmable": services.reconfirmable(case),
        "part9_flagged": part9.adverse(answers),
        "part9_explained": part9.explanations(answers),
        "reconfirm_form": reconfirm_form
        or ReconfirmForm(
            formdata=None,
            prefix=AGAIN,
            facts_hash=case.latest_screening.facts_hash,
            answers_hash=_fingerprint(case),
        ),
    }


@bp.post("/<int:case_id>/reconfirm")
@roles_required(Role.ATTORNEY)
def reconfirm(case_id):
    """Sign the voided approval again in one step, on the answers now shown."""
    case = case_or_404(case_id)
    run = case.latest_screening
    if run is None:
        return redirect(url_for("review.show", case_id=case.id))
    form = ReconfirmForm(prefix=AGAIN)
    if form.validate_on_submit():
        try:
            services.reconfirm(
                case,
                current_user,
                password=form.password.data,
                code=form.code.data,
                facts_hash=form.facts_hash.data,
                answers_hash=form.answers_hash.data,
                now=utcnow(),
            )
        except services.NotAllowed as refusal:
            abort(403, str(refusal))
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("Signed again: the same decision, on the answers as they are now."), "success")
            return redirect(url_for("cases.show", case_id=case.id))
    form_page = decision_form(run, facts_hash=run.facts_hash, answers_hash=_fingerprint(case))
    page = _page(case, reconfirm_form=form)
    return render_template("review/show.html", case=case, run=run, form=form_page, **page), 422


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
