"""Helpers shared by every feature's forms."""

from clinic.web import discard_changes


def show_service_error(form, error):
    """Put a service's refusal beside the field it names, or above the form; the request
    keeps nothing it wrote before the service refused."""
    discard_changes()
    field = getattr(form, error.field, None) if error.field else None
    if field is not None:
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
