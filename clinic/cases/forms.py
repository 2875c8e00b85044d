"""Forms on the case page: stage steps and the documents brought."""

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectMultipleField, StringField
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from clinic.forms import ClinicForm


class MoveForm(ClinicForm):
    version = HiddenField()
    reason = StringField(
        _l("Why"),
        [Optional(), Length(max=200)],
        description=_l("Closing only: withdrawn, ineligible, duplicate…"),
    )


class DocumentsForm(ClinicForm):
    version = HiddenField()
    brought = SelectMultipleField(
        _l("Documents checked"),
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[Optional()],
    )
