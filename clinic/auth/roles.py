"""The four roles and what each may be called on screen."""

import enum


class Role(enum.StrEnum):
    VOLUNTEER = "volunteer"
    ATTORNEY = "attorney"
    COORDINATOR = "coordinator"
    ADMIN = "admin"

    @property
    def label(self):
        return {
            Role.VOLUNTEER: "Volunteer",
            Role.ATTORNEY: "Attorney or accredited representative",
            Role.COORDINATOR: "Coordinator",
            Role.ADMIN: "Coalition admin",
        }[self]


class Credential(enum.StrEnum):
    """What lets an attorney-role user sign off: a bar admission or DOJ accreditation."""

    BAR = "bar"
    DOJ_ACCREDITED = "doj_accredited"

    @property
    def label(self):
        return {
            Credential.BAR: "Bar admission",
            Credential.DOJ_ACCREDITED: "DOJ-accredited representative",
        }[self]
