import pytest


def login(client, user):
    # The user factories set the password without saving it: log in the row as stored, or
    # the session's password hash does not match and the login silently falls away.
    user.refresh_from_db()
    client.force_login(user)
    return client


@pytest.fixture
def staff_client(client, staff):
    return login(client, staff)


@pytest.fixture
def user_client(client, user):
    return login(client, user)
