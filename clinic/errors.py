"""Error pages: a plain message and a way back, never a stack trace."""

from flask import render_template
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from clinic.extensions import db

MESSAGES = {
    400: (
        _l("This request could not be understood"),
        _l("Go back, reload the page and try again."),
    ),
    403: (
        _l("You can't open this page"),
        _l(
            "Your role doesn't give access to it. Ask a coordinator "
            "or an admin if you think you need it."
        ),
    ),
    404: (
        _l("Page not found"),
        _l("The page or record doesn't exist, or isn't shared with your organization."),
    ),
    405: (_l("That doesn't work here"), _l("Go back and use the page's own buttons.")),
    409: (
        _l("Someone else changed this first"),
        _l("Nothing you typed has been lost. Compare the two versions and save again."),
    ),
    413: (
        _l("That was too much to send at once"),
        _l(
            "Nothing was saved. Go back: what you typed is still on the page. Shorten the longest "
            "answers, or save the section in parts."
        ),
    ),
    500: (
        _l("Something went wrong on our side"),
        _l(
            "Nothing was saved from this last step. Try again; "
            "if it happens again, tell your coordinator what you were doing."
        ),
    ),
}


def register_error_handlers(app):
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_template(
            "errors/error.html",
            code=400,
            title=_("This form has expired"),
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
            "errors/error.html", code=error.code, title=str(title), message=str(message)
        ), error.code

    @app.errorhandler(InternalServerError)
    def server_error(error):
        # Flask has already logged the exception (redacted by clinic.privacy).
        db.session.rollback()
        title, message = (str(said) for said in MESSAGES[500])
        return render_template("errors/error.html", code=500, title=title, message=message), 500
