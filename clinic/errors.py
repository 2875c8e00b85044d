"""Error pages: a plain message and a way back, never a stack trace."""

from flask import render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from clinic.extensions import db

MESSAGES = {
    400: ("This request could not be understood", "Go back, reload the page and try again."),
    403: (
        "You can't open this page",
        "Your role doesn't give access to it. Ask a coordinator "
        "or an admin if you think you need it.",
    ),
    404: (
        "Page not found",
        "The page or record doesn't exist, or isn't shared with your organization.",
    ),
    405: ("That doesn't work here", "Go back and use the page's own buttons."),
    409: (
        "Someone else changed this first",
        "Nothing you typed has been lost. Compare the two versions and save again.",
    ),
    413: (
        "That was too much to send at once",
        "Nothing was saved. Go back: what you typed is still on the page. Shorten the longest "
        "answers, or save the section in parts.",
    ),
    500: (
        "Something went wrong on our side",
        "Nothing was saved from this last step. Try again; "
        "if it happens again, tell your coordinator what you were doing.",
    ),
}


def register_error_handlers(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template(
            "errors/error.html",
            code=400,
            title="This form has expired",
            message=_(
                "For your safety the form could not be sent. Go back, reload the page, "
                "and send it again."
            ),
        ), 400

    @app.errorhandler(HTTPException)
    def http_error(error):
        title, message = MESSAGES.get(error.code, (error.name, error.description))
        if error.description != type(error).description:  # abort(403, "why") says why
            message = error.description
        return render_template(
            "errors/error.html", code=error.code, title=title, message=message
        ), error.code

    @app.errorhandler(InternalServerError)
    def server_error(error):
        # Flask has already logged the exception (redacted by clinic.privacy).
        db.session.rollback()
        title, message = MESSAGES[500]
        return render_template("errors/error.html", code=500, title=title, message=message), 500
