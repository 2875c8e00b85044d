"""What an admin sees when inviting someone: the organization chosen, and the link to hand on."""

import re

from tests.admin.test_users import invite
from tests.helpers import page_text


def selected_organization(page):
    select = re.search(r'<select[^>]*name="organization_id".*?</select>', page, re.S).group(0)
    return re.findall(r"<option selected[^>]*>([^<]*)</option>", select)


def test_new_invitation_starts_in_the_admins_own_organization(login_as, make):
    make.organization("Allston Legal Aid")  # first in the list: it used to be preselected
    admin = login_as("admin", organization="Worcester Refugee Assistance")
    page = page_text(admin.get("/admin/users/new"))
    assert selected_organization(page) == ["Worcester Refugee Assistance"]


def test_invitation_shown_again_after_an_error_keeps_the_chosen_organization(login_as, make):
    chosen = make.organization("Allston Legal Aid")
    admin = login_as("admin", organization="Worcester Refugee Assistance")
    page = page_text(invite(admin, chosen.id, email="not an email"))
    assert "Invalid email address." in page
    assert selected_organization(page) == ["Allston Legal Aid"]


def test_invitation_link_has_a_copy_button_run_by_a_script_file(login_as, make):
    admin = login_as("admin")
    response = invite(admin, make.organization().id)
    page = page_text(response)
    link = re.search(r'<input id="link" type="text" readonly value="([^"]+)">', page).group(1)
    assert link.startswith("http://clinic.test/invitation/")
    button = re.search(r"<button[^>]*data-copy-target[^>]*>([^<]*)</button>", page)
    assert button.group(1) == "Copy link"
    assert 'type="button"' in button.group(0)
    assert 'data-copy-target="link"' in button.group(0)
    assert 'data-copy-status="link-copied"' in button.group(0)
    assert " hidden" in button.group(0)  # shown by the script; without it the link is selectable
    status = re.search(r'<p[^>]*id="link-copied"[^>]*>', page).group(0)
    assert 'aria-live="polite"' in status and 'role="status"' in status
    assert '<script src="/static/js/copy-link.js" defer></script>' in page


def test_invitation_page_has_no_inline_script_or_style(login_as, make):
    """The CSP allows scripts and styles only from files: inline ones would be blocked."""
    admin = login_as("admin")
    page = page_text(invite(admin, make.organization().id))
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert "<style" not in page and " style=" not in page
    assert re.search(r"\son[a-z]+=", page) is None


def test_copy_script_is_served(client):
    response = client.get("/static/js/copy-link.js")
    assert response.status_code == 200
    assert "navigator.clipboard" in response.get_data(as_text=True)
    response.close()
