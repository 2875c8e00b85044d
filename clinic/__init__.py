"""Clinic: a case manager for citizenship and voter-registration clinics.

Flask is imported inside create_app(), not here: `clinic.screening` must import without it.
"""

import logging
import os

PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(test_config=None):
    """Build the app: config, extensions, URL converters, blueprints, error handlers, CLI."""
    from flask import Flask

    app = Flask(
        __name__,
        instance_path=os.environ.get("CLINIC_INSTANCE_PATH")
        or os.path.join(PROJECT_ROOT, "instance"),
        instance_relative_config=True,
        template_folder=os.path.join(PROJECT_ROOT, "templates"),
        static_folder=os.path.join(PROJECT_ROOT, "static"),
    )
    _load_config(app, test_config)
    _init_logging(app)
    _init_extensions(app)
    _register_converters(app)
    _register_blueprints(app)
    _register_request_hooks(app)
    _register_cli(app)
    return app


def _load_config(app, test_config):
    from clinic import config as default_config

    app.config.from_object(default_config)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("CLINIC")
    if test_config is not None:
        app.config.from_mapping(test_config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = app.config["DATABASE_URL"] or (
            "sqlite:///" + os.path.join(app.instance_path, "clinic.sqlite3")
        )
    if not app.config.get("ENCRYPTION_KEY_FILE"):
        app.config["ENCRYPTION_KEY_FILE"] = os.path.join(app.instance_path, "encryption-keys.json")
    if not app.config.get("SECRET_KEY") and not (app.testing or app.debug):
        raise RuntimeError(
            "No SECRET_KEY: run `make install` to create instance/config.py, "
            "or set CLINIC_SECRET_KEY."
        )


def _init_logging(app):
    from clinic.privacy import install_log_redaction

    install_log_redaction()
    app.logger.setLevel(logging.INFO)


def _init_extensions(app):
    from flask_babel import lazy_gettext as _l  # here: clinic.screening imports no Flask

    from clinic.auth.sessions import user_for_token
    from clinic.clock import utcnow
    from clinic.database import configure_engine
    from clinic.extensions import csrf, db, login_manager, migrate
    from clinic.i18n.setup import init_babel
    from clinic.jobs.queue import init_queue

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///"):
        os.makedirs(app.instance_path, exist_ok=True)
    db.init_app(app)
    with app.app_context():
        configure_engine(db.engine, app.config["SQLITE_BUSY_TIMEOUT_SECONDS"])
    migrate.init_app(
        app, db, directory=os.path.join(app.root_path, "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    init_queue(app)
    app.extensions["clinic_keyring"] = _keyring(app)
    init_babel(app)

    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see that page.")
    login_manager.localize_callback = str  # the lazy message said now, as a str to flash

    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(token):
        return user_for_token(
            token,
            utcnow(),
            idle_timeout=app.config["SESSION_IDLE_TIMEOUT"],
            absolute_timeout=app.config["SESSION_ABSOLUTE_TIMEOUT"],
        )


def _keyring(app):
    """The encryption keys: CLINIC_ENCRYPTION_KEYS, else the instance folder's key file."""
    from clinic.security.crypto import KeyProblem, Keyring, MissingKeys

    try:
        if app.config["ENCRYPTION_KEYS"]:
            return Keyring(app.config["ENCRYPTION_KEYS"])
        return Keyring.from_file(app.config["ENCRYPTION_KEY_FILE"])
    except KeyProblem as problem:
        if app.testing or app.debug:
            return MissingKeys(str(problem))  # like SECRET_KEY: refused when first needed
        raise RuntimeError(
            f"{problem} Run `make install` to create instance/encryption-keys.json, or set "
            "CLINIC_ENCRYPTION_KEYS. If this database already holds data, restore the key "
            "file from your backup instead: a new key cannot read it."
        ) from problem


def _register_converters(app):
    from clinic.converters import register_converters

    register_converters(app)  # before the blueprints: their rules compile on registration


def _register_blueprints(app):
    from clinic.admin.views import bp as admin_bp
    from clinic.auth.views import bp as auth_bp
    from clinic.board.views import bp as board_bp
    from clinic.carry.views import bp as carry_bp
    from clinic.cases.views import bp as cases_bp
    from clinic.events.views import bp as events_bp
    from clinic.filing.views import bp as filing_bp
    from clinic.intake.views import bp as intake_bp
    from clinic.main.views import bp as main_bp
    from clinic.n400.views import bp as n400_bp
    from clinic.packets.views import bp as packets_bp
    from clinic.reports.views import bp as reports_bp
    from clinic.review.views import bp as review_bp
    from clinic.voter.views import bp as voter_bp

    blueprints = (
        main_bp,
        auth_bp,
        admin_bp,
        events_bp,
        cases_bp,
        intake_bp,
        review_bp,
        packets_bp,
        n400_bp,
        filing_bp,
        voter_bp,
        board_bp,
        reports_bp,
        carry_bp,
    )
    for blueprint in blueprints:
        app.register_blueprint(blueprint)


def _register_request_hooks(app):
    from clinic.errors import register_error_handlers
    from clinic.templating import register_templating
    from clinic.web import register_web_hooks

    register_web_hooks(app)
    register_templating(app)
    register_error_handlers(app)


def _register_cli(app):
    from clinic.cli import clinic_group

    app.cli.add_command(clinic_group)
