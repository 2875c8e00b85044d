"""Forms on the case page: stage steps and the documents brought."""

from wtforms import HiddenField, SelectMultipleField, StringField
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from clinic.forms import ClinicForm


class MoveForm(ClinicForm):
    version = HiddenField()
    reason = StringField(
        "Why",
        [Optional(), Length(max=200)],
        description="Closing only: withdrawn, ineligible, duplicate…",
    )


class DocumentsForm(ClinicForm):
    version = HiddenField()
    brought = SelectMultipleField(
        "Documents checked",
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
        validators=[Optional()],
    )
