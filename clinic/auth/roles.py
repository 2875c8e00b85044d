"""The four roles and what each may be called on screen."""

import enum

from flask_babel import lazy_gettext as _l


class Role(enum.StrEnum):
    VOLUNTEER = "volunteer"
    ATTORNEY = "attorney"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    @property
    def label(self):
        return {
            Role.VOLUNTEER: _l("Volunteer"),
            Role.ATTORNEY: _l("Attorney or accredited representative"),
            Role.COORDINATOR: _l("Coordinator"),
            Role.ADMIN: _l("Coalition admin"),
        }[self]


class Credential(enum.StrEnum):
    """What lets an attorney-role user sign off: a bar admission or DOJ accreditation."""

    BAR = "bar"
    DOJ_ACCREDITED = "doj_accredited"

    @property
    def label(self):
        return {
            Credential.BAR: _l("Bar admission"),
            Credential.DOJ_ACCREDITED: _l("DOJ-accredited representative"),
        }[self]
