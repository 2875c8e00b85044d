"""The home page: what this role does today, and the organization's next clinic days."""

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from clinic.clock import today
from clinic.events.services import upcoming_events

bp = Blueprint("main", __name__)


@bp.get("/")
@login_required
def home():
    events = upcoming_events(current_user.organization_id, today())
    return render_template("main/home.html", events=events)
