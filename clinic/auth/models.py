"""Organizations, users, their server-side sessions, invitations and login throttling."""

from sqlalchemy import Enum, ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clinic.auth.roles import Credential, Role
from clinic.database import UTCDateTime
from clinic.extensions import db
from clinic.security.types import EncryptedText


def enum_column(enum_class):
    """Store an enum by its value as a plain string (no database ENUM type to migrate)."""
    return Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )


class Organization(db.Model):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    contact: Mapped[str] = mapped_column(String(500), default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at = mapped_column(UTCDateTime, nullable=False)

    users: Mapped[list["User"]] = relationship(back_populates="organization")

    def __repr__(self):
        return f"<Organization {self.id}>"


class User(db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    credential: Mapped[Credential | None] = mapped_column(enum_column(Credential), nullable=True)
    credential_number: Mapped[str | None] = mapped_column(String(100), nullable=True)
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    password_changed_at = mapped_column(UTCDateTime, nullable=True)
    # The second factor (auth.second_factor): a TOTP secret, set when enrolment starts and
    # confirmed by the first correct code; the last time step accepted, so no code works twice.
    totp_secret: Mapped[str | None] = mapped_column(
        EncryptedText("users.totp_secret"), nullable=True
    )
    totp_enrolled_at = mapped_column(UTCDateTime, nullable=True)
    totp_last_step: Mapped[int | None] = mapped_column(nullable=True)

    organization: Mapped[Organization] = relationship(back_populates="users")

    # Flask-Login: the id kept in the cookie is the server-side session's token, not the user id,
    # so ending the session on the server makes a copied cookie worthless.
    session_token = None

    @property
    def is_authenticated(self):
        return True

    @property
    def is_active(self):
        return self.active

    @property
    def is_anonymous(self):
        return False

    def get_id(self):
        return self.session_token

    def has_role(self, *roles):
        return self.role in roles

    def __repr__(self):
        return f"<User {self.id} {self.role}>"


class UserSession(db.Model):
    """One login on one browser; valid until ended, idle too long, or too old."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    last_seen_at = mapped_column(UTCDateTime, nullable=False)
    ended_at = mapped_column(UTCDateTime, nullable=True)
    end_reason: Mapped[str | None] = mapped_column(String(32), nullable=True)
    # True when the login passed the second factor; such a session only is valid for a user
    # who has one, so a session from before enrolment stops working.
    second_factor: Mapped[bool] = mapped_column(default=False)

    user: Mapped[User] = relationship()


class RecoveryCode(db.Model):
    """One of the ten one-time codes that stand in for a lost phone; only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    used_at = mapped_column(UTCDateTime, nullable=True)


class Invitation(db.Model):
    """A one-time link an admin hands to a new user to choose their password."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at = mapped_column(UTCDateTime, nullable=False)
    expires_at = mapped_column(UTCDateTime, nullable=False)
    used_at = mapped_column(UTCDateTime, nullable=True)

    user: Mapped[User] = relationship()


class LoginThrottle(db.Model):
    """Failed logins per account name (kept for unknown names too, so it reveals nothing)."""

    __tablename__ = "login_throttles"

    id: Mapped[int] = mapped_column(primary_key=True)
    email_hash: Mapped[str] = mapped_column(String(64), unique=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at = mapped_column(UTCDateTime, nullable=False)


def any_user_exists():
    return db.session.scalar(select(User.id).limit(1)) is not None
