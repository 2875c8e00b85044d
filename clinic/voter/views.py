"""The voter page of a new citizen's case, their checklist, the follow-up list, elections."""

import io

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.auth.services import ServiceError
from clinic.cases.views import case_or_404
from clinic.clock import today, utcnow
from clinic.extensions import db
from clinic.forms import show_service_error
from clinic.i18n.setup import language_or_404
from clinic.packets.pdf import render_pdf
from clinic.packets.services import voter_checklist_html
from clinic.pagination import ListPage, page_number, page_size
from clinic.voter import gate, services
from clinic.voter.forms import ElectionForm, RegistrationForm
from clinic.voter.models import Election

bp = Blueprint("voter", __name__)
FOLLOW_UP_ROLES = (Role.COORDINATOR, Role.ADMIN, Role.VOLUNTEER)
RECORDING_ROLES = (Role.VOLUNTEER, Role.COORDINATOR, Role.ATTORNEY)


def citizen_case_or_404(case_id):
    """404 for a case that isn't visible, and for one whose person isn't a citizen yet:
    the voter pages don't exist for them."""
    case = case_or_404(case_id)
    if not gate.passes(case, today()):
        abort(404)
    return case


@bp.route("/cases/<int:case_id>/voter", methods=["GET", "POST"])
@login_required
def show(case_id):
    case = citizen_case_or_404(case_id)
    if request.method == "POST" and current_user.role not in RECORDING_ROLES:
        abort(403)
    # Reading the page writes nothing; the record is created when the form is saved.
    form = RegistrationForm(obj=services.registration_or_default(case))
    if form.validate_on_submit():
        services.record(case, form.data, by=current_user, today=today(), now=utcnow())
        flash(_("Voter registration saved."), "success")
        return redirect(url_for("voter.show", case_id=case.id))
    return render_template(
        "voter/show.html", case=case, form=form, plan=services.plan(case, today())
    )


@bp.get("/cases/<int:case_id>/voter/checklist")
@login_required
def checklist_preview(case_id):
    case = citizen_case_or_404(case_id)
    return voter_checklist_html(case, utcnow(), language=language_or_404(), preview=True)


@bp.get("/cases/<int:case_id>/voter/checklist.pdf")
@login_required
def checklist_pdf(case_id):
    case = citizen_case_or_404(case_id)
    audit.record(
        "packets.printed", actor=current_user, target=case, at=utcnow(), kind="voter_checklist"
    )
    html = voter_checklist_html(case, utcnow(), language=language_or_404())
    pdf = render_pdf(html, current_app.static_folder)
    return send_file(
        io.BytesIO(pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=f"voter-registration-{case.reference}.pdf",
    )


@bp.get("/voter/follow-up")
@roles_required(*FOLLOW_UP_ROLES)
def follow_up():
    number, size = page_number(), page_size()
    rows, total = services.follow_up(current_user, today(), page=number, per_page=size)
    return render_template(
        "voter/follow_up.html",
        page=ListPage(rows, number, size, total),
        statuses=services.STATUSES,
    )


@bp.route("/admin/elections", methods=["GET", "POST"])
@roles_required(Role.ADMIN)
def elections():
    form = ElectionForm()
    if form.validate_on_submit():
        try:
            services.add_election(
                form.state.data,
                form.held_on.data,
                form.kind.data,
                form.name.data,
                by=current_user,
                now=utcnow(),
            )
        except ServiceError as error:
            show_service_error(form, error)
        else:
            flash(_("Election added."), "success")
            return redirect(url_for("voter.elections"))
    rows = db.session.scalars(select(Election).order_by(Election.held_on)).all()
    return render_template("voter/elections.html", form=form, elections=rows, today=today())


@bp.post("/admin/elections/<int:election_id>/delete")
@roles_required(Role.ADMIN)
def delete_election(election_id):
    election = db.get_or_404(Election, election_id)
    db.session.delete(election)
    audit.record("voter.election_deleted", actor=current_user, at=utcnow(), state=election.state)
    flash(_("Election removed."), "success")
    return redirect(url_for("voter.elections"))
