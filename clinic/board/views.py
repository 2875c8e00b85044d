"""The station board of a clinic day: the page, its JSON for the page's script, a TV mode."""

from flask import Blueprint, current_app, jsonify, render_template
from flask_login import current_user, login_required

from clinic.board import services
from clinic.clock import today, utcnow
from clinic.events import services as events
from clinic.events.views import event_or_404

bp = Blueprint("board", __name__)
bp.add_app_template_filter(services.waited, "waited")


def _board(event_id):
    event = event_or_404(event_id, events.can_work_event)
    minutes = current_app.config["BOARD_ALERT_MINUTES"]
    now = utcnow()
    return event, services.station_board(event, now, alert_minutes=minutes), now, minutes


def _page(event_id, tv):
    event, columns, now, minutes = _board(event_id)
    return render_template(
        "board/show.html",
        event=event,
        columns=columns,
        now=now,
        alert_minutes=minutes,
        alerts=services.alert_count(columns),
        tv=tv,
    )


@bp.get("/board/")
@login_required
def today_boards():
    days = services.boards_today(current_user, today())
    return render_template("board/today.html", days=days, today=today())


@bp.get("/events/<int:event_id>/board")
@login_required
def show(event_id):
    return _page(event_id, tv=False)


@bp.get("/events/<int:event_id>/board/tv")
@login_required
def tv(event_id):
    return _page(event_id, tv=True)


@bp.get("/events/<int:event_id>/board.json")
@login_required
def data(event_id):
    _event, columns, now, minutes = _board(event_id)
    return jsonify(services.board_json(columns, now, minutes))
