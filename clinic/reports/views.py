"""Reports: the page with its charts, the cases behind each figure, CSV and PDF exports."""

import io

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    render_template,
    request,
    send_file,
)
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from clinic import audit
from clinic.auth.decorators import roles_required
from clinic.auth.roles import Role
from clinic.clock import today, utcnow
from clinic.extensions import db
from clinic.packets.pdf import render_pdf
from clinic.pagination import rows_page_of
from clinic.reports import charts, exports, figures, services
from clinic.reports.forms import ReportForm, default_range
from clinic.reports.policy import report_organization

bp = Blueprint("reports", __name__, url_prefix="/reports")
ORGANIZERS = (Role.COORDINATOR, Role.ADMIN)
# What the list behind a figure keeps from page to page.
LIST_ARGS = ("start", "end", "organization", "figure", "dimension", "value")


def _report_request():
    """(form, scope or None when the form is refused, organization) from the query string."""
    args = (
        request.args
        if "start" in request.args
        else MultiDict({**default_range(today()), **request.args.to_dict()})
    )
    form = ReportForm(formdata=args)
    organization = report_organization(current_user, form.organization.data)
    if current_user.role == Role.ADMIN:
        form.organization.choices = services.organization_choices(db.session)
    else:
        del form.organization
    if not form.validate():
        return form, None, organization
    organization_id = organization.id if organization is not None else None
    return form, figures.Scope(form.start.data, form.end.data, organization_id), organization


def _built(scope, organization):
    return services.build_report(db.session, scope, organization.name if organization else None)


def _small_max():
    return current_app.config["REPORT_SMALL_CELL_MAX"]


@bp.get("/")
@roles_required(*ORGANIZERS)
def index():
    form, scope, organization = _report_request()
    report = _built(scope, organization) if scope else None
    shown = charts.report_charts(report, str) if report else []
    return render_template("reports/index.html", form=form, report=report, charts=shown)


@bp.get("/cases")
@roles_required(*ORGANIZERS)
def cases():
    form, scope, organization = _report_request()
    figure = figures.BY_KEY.get(request.args.get("figure", ""))
    dimension, value = request.args.get("dimension"), request.args.get("value", "")[:200]
    if scope is None or figure is None or dimension not in services.DRILL_DOWNS:
        abort(404)
    page = rows_page_of(figures.case_ids_query(scope, figure.key, dimension or None, value))
    return render_template(
        "reports/cases.html",
        form=form,
        figure=figure,
        page=page,
        args={key: request.args[key] for key in LIST_ARGS if key in request.args},
        organization=organization,
        dimension=dimension,
        value=value,
    )


@bp.get("/report.csv")
@roles_required(*ORGANIZERS)
def export_csv():
    _form, scope, organization = _report_request()
    if scope is None:
        abort(404)
    report = _built(scope, organization)
    audit.record("reports.exported", actor=current_user, at=utcnow(), format="csv")
    # The rows are written from plain data while the response is sent: no request context,
    # no database session needed by then (the request's unit of work has committed).
    return Response(
        exports.csv_stream(report, _small_max()),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={services.file_name(scope)}.csv"},
    )


@bp.get("/report.pdf")
@roles_required(*ORGANIZERS)
def export_pdf():
    _form, scope, organization = _report_request()
    if scope is None:
        abort(404)
    html = exports.render_report_html(_built(scope, organization), _small_max(), utcnow())
    pdf = render_pdf(html, current_app.static_folder)
    audit.record("reports.exported", actor=current_user, at=utcnow(), format="pdf")
    return send_file(
        io.BytesIO(pdf),
        mimetype="application/pdf",
        download_name=f"{services.file_name(scope)}.pdf",
        as_attachment=True,
    )
