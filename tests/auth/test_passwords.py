"""Password rules: length, no composition rules, common passwords refused; argon2id hashing."""

import pytest

from clinic.auth.passwords import hash_password, password_problem, verify_password


@pytest.mark.parametrize(
    "password",
    [
        "my grandmother's garden in Hue",
        "all lowercase and no digits",  # no composition rules
        "ñandú y colibrí en el jardín",
        "paste me: 8c1f0e2a77b94d3e",
        "tea, then rain over Quincy at 9; the ferry home was late again",
        "maria's garden by the Charles river",  # her own first name within a real phrase
    ],
)
def test_long_uncommon_passwords_are_accepted(password):
    assert password_problem(password, name="Maria Santos", email="msantos@example.org") is None


def test_fourteen_characters_are_too_short():
    assert "at least 15" in password_problem("fourteen chars")


def test_up_to_128_characters_accepted_then_refused():
    phrase = "a hundred and twenty-eight characters of a long river walk in Lowell "
    assert password_problem(phrase * 2)[:7] == "Use at "  # 140: too long
    assert password_problem((phrase * 2)[:128]) is None
    assert "at most 128" in password_problem((phrase * 2)[:129])


@pytest.mark.parametrize(
    "password",
    [
        "correcthorsebatterystaple",
        "correct horse battery staple",
        "passwordpassword",
        "123456789123456789",
        "1q2w3e4r5t6y7u8i9o0p",
        "aaaaaaaaaaaaaaaa",
        "abcabcabcabcabcabc",
        "Password12345678!!",
        "iloveyou1234567890",
        "password password password",
        "Password Password 2024!",
        "123456789012345",
        "9876543210987654",
        "abcdefghijklmnop",
        "qwertyuiopasdfghjkl",
        "asdfghjkl;lkjhgfdsa",
        "x" * 7 + "y" * 8,
        "z" * 14 + "Q" + "9" * 49,
        "letmein letmein letmein",
        "dragon monkey dragon monkey",
        "!!@@##$$%%^^&&**",
    ],
)
def test_common_and_repetitive_passwords_are_refused(password):
    assert "too common" in password_problem(password)


@pytest.mark.parametrize(
    ("password", "name", "email"),
    [
        ("Maria Santos Maria Santos", "Maria Santos", "ms@example.org"),
        ("mariasantos2026!!", "Maria Santos", "ms@example.org"),
        ("jean-baptiste clinic 12345", "Jean-Baptiste Pierre", "jbp@example.org"),
        ("citizenship clinic 2026", "Ana Lima", "ana@example.org"),
    ],
)
def test_a_password_built_from_the_users_own_name_is_refused(password, name, email):
    assert password_problem(password, name=name, email=email) is not None


def test_password_may_not_contain_the_email_name():
    problem = password_problem("marisol betancourt rocks", email="marisol@example.org")
    assert "email" in problem


def test_hashes_are_argon2id_and_verify(app):
    with app.app_context():
        hashed = hash_password("a long enough passphrase")
        assert hashed.startswith("$argon2id$")
        assert verify_password(hashed, "a long enough passphrase")
        assert not verify_password(hashed, "a long enough passphrasE")
        assert not verify_password(None, "anything at all here")
        assert not verify_password("not-a-hash", "anything at all here")


def test_production_hash_settings_meet_owasp(make_app):
    from clinic import config

    assert config.ARGON2_MEMORY_COST >= 19 * 1024
    assert config.ARGON2_TIME_COST >= 2


def test_weak_password_is_refused_beside_the_field_on_first_run(client):
    page = client.post(
        "/setup",
        data={
            "organization": "Lawrence Community Works",
            "name": "Ada Admin",
            "email": "ada@example.org",
            "password": "passwordpassword",
            "confirm": "passwordpassword",
        },
    ).get_data(as_text=True)
    assert "too common" in page
    assert 'value="Lawrence Community Works"' in page  # typed values kept
