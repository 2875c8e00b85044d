def test_home_redirects_to_first_run_when_empty(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/setup")


def test_logged_in_admin_sees_admin_navigation(login_as):
    client = login_as("admin")
    page = client.get("/").get_data(as_text=True)
    assert "Organizations" in page and "Audit log" in page
