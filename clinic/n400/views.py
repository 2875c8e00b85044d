"""The N-400 downloads: the draft and, after an approving sign-off, the form to sign in ink."""

import io

from flask import Blueprint, redirect, send_file, url_for
from flask_login import current_user

from clinic.auth.decorators import roles_required
from clinic.cases.views import case_or_404
from clinic.clock import today, utcnow
from clinic.n400 import policy, services
from clinic.web import flash_refusal

bp = Blueprint("n400", __name__)


@bp.app_template_global("n400_panel")
def n400_panel(case):
    """What the case page's N-400 panel shows: readiness to all, the links to who may print."""
    status = services.n400_status(case, today())
    return {**status, "can_print": policy.can_print(current_user, case)}


def _download(case_id, *, draft):
    case = case_or_404(case_id, policy.can_print)
    try:
        printed = services.n400_pdf(case, draft=draft, by=current_user, now=utcnow(), today=today())
    except services.NotApproved as refusal:
        flash_refusal(str(refusal))
        return redirect(url_for("cases.show", case_id=case.id))
    response = send_file(
        io.BytesIO(printed.pdf),
        mimetype="application/pdf",
        as_attachment=True,
        download_name=printed.file_name,
    )
    response.headers["Cache-Control"] = "no-store"  # every answer is in it: keep no copy
    return response


@bp.get("/cases/<int:case_id>/n400.pdf")
@roles_required(*policy.PRINTERS)
def final(case_id):
    return _download(case_id, draft=False)


@bp.get("/cases/<int:case_id>/n400-draft.pdf")
@roles_required(*policy.PRINTERS)
def draft(case_id):
    return _download(case_id, draft=True)
