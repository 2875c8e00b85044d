"""Recording the milestones after approval, and the after-filing follow-up lists."""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases import machine
from clinic.cases.views import case_or_404
from clinic.clock import today, utcnow
from clinic.filing import forms, services
from clinic.forms import show_service_error
from clinic.web import discard_changes

bp = Blueprint("filing", __name__)
CASEWORKERS = (Role.COORDINATOR, Role.ATTORNEY)
STEPS = {
    "filed": (forms.FiledForm, services.record_filed, _l("Record the filing")),
    "biometrics": (forms.BiometricsForm, services.record_biometrics, _l("Record biometrics")),
    "interview": (forms.InterviewForm, services.record_interview, _l("Record the interview")),
    "oath": (forms.OathForm, services.record_oath, _l("Record the oath")),
    "certificate": (
        forms.CertificateForm,
        services.record_certificate,
        _l("Record the certificate number"),
    ),
    "correct": (forms.correction_form, services.correct_dates, _l("Correct a date")),
}


@bp.route("/cases/<int:case_id>/milestones/<step>", methods=["GET", "POST"])
@roles_required(*CASEWORKERS)
def record(case_id, step):
    case = case_or_404(case_id)
    if step not in STEPS:
        abort(404)
    form_class, service, title = STEPS[step]
    record = getattr(case, "milestones", None)
    form, status = form_class(obj=record), 200
    if form.validate_on_submit():
        try:
            service(case, form.data, by=current_user, now=utcnow())
        except machine.TransitionRefused as refusal:
            if refusal.forbidden:
                abort(403)
            form.form_errors.append(refusal.message)
            discard_changes()
            status = 422
        except ServiceError as error:
            show_service_error(form, error)
            status = 422
        else:
            # no personal data
            flash(_("Saved. The case is now: %(stage)s.", stage=case.stage.label), "success")

            return redirect(url_for("cases.show", case_id=case.id))
    return render_template("filing/record.html", case=case, form=form, title=title), status


@bp.get("/cases/follow-up/after-filing")
@roles_required(Role.COORDINATOR, Role.ADMIN)
def after_filing():
    return render_template(
        "filing/after_filing.html",
        lists=services.after_filing_lists(current_user, today()),
        no_news_days=services.NO_NEWS_DAYS,
    )
