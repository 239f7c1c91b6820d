"""The servers the project starts are reachable from this machine only, and only with the token.

A Jupyter server runs arbitrary code for whoever reaches it, so these are checked on the
real servers with the options the tests (and the Makefile) use: a request without the
token, or with a wrong one, is refused, exactly as measured on JupyterLab 4.6.6 /
jupyter_server 2.21 and Voila 0.5.13; with the token it succeeds; and the process
listens on 127.0.0.1 and nowhere else. The last check reads the socket table instead of
connecting to the machine's other addresses: the tests send traffic to loopback only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from .servers import Server, http_get, start_voila

pytestmark = pytest.mark.browser

START_NOTEBOOK = "notebooks/00_start_here.ipynb"


def assert_redirects_to_login(server: Server, path: str) -> None:
    """A page request without a valid token is sent to the login page (302), not served."""
    answer = http_get(server.url(path, token=False))
    assert answer.status == 302, (path, answer.status, answer.body[:200])
    assert answer.location is not None and answer.location.startswith("/login?next="), answer.location


def assert_loopback_only(server: Server) -> None:
    """The server listens on 127.0.0.1 at its port, and on no other address or port."""
    assert server.listening_addresses() == [("127.0.0.1", server.port)], server.listening_addresses()


# ---------------------------------------------------------------- JupyterLab


def test_lab_api_refuses_requests_without_a_valid_token(lab_server):
    # The REST API answers 403 (JSON {"message": "Forbidden"}); it does not redirect.
    for url in (
        lab_server.url("/api/contents", token=False),
        lab_server.url("/api/contents", token=False) + "?token=wrong",
        lab_server.url("/api/kernels", token=False),
    ):
        answer = http_get(url)
        assert answer.status == 403, (url, answer.status)
        assert json.loads(answer.body)["message"] == "Forbidden"


def test_lab_pages_redirect_to_login_without_a_token(lab_server):
    assert_redirects_to_login(lab_server, "/lab")
    assert_redirects_to_login(lab_server, "/lab/tree/notebooks/00_start_here.ipynb")


def test_lab_accepts_the_token_in_the_url_or_the_header(lab_server):
    listing = http_get(lab_server.url("/api/contents/notebooks"))
    assert listing.status == 200
    assert "00_start_here.ipynb" in {item["name"] for item in json.loads(listing.body)["content"]}
    by_header = http_get(
        lab_server.url("/api/contents", token=False), headers={"Authorization": f"token {lab_server.token}"}
    )
    assert by_header.status == 200
    assert http_get(lab_server.url("/lab")).status == 200


def test_lab_refuses_a_foreign_host_header_even_with_the_token(lab_server):
    # jupyter_server's protection against DNS rebinding: a page on another site cannot
    # reach the loopback server through a name it controls.
    answer = http_get(lab_server.url("/api/contents"), headers={"Host": "attacker.example"})
    assert answer.status == 403


def test_lab_listens_on_loopback_only(lab_server):
    assert_loopback_only(lab_server)


# ---------------------------------------------------------------- Voila


@pytest.fixture(scope="module")
def voila(tmp_path_factory) -> Iterator[Server]:
    """One Voila server on the start notebook for this module's checks."""
    server = start_voila(START_NOTEBOOK, tmp_path_factory.mktemp("voila-security"))
    try:
        yield server
    finally:
        server.stop()


def test_voila_redirects_to_login_without_a_valid_token(voila):
    # Unlike JupyterLab's API, Voila redirects its API requests to /login too.
    assert_redirects_to_login(voila, "/")
    assert_redirects_to_login(voila, "/?token=wrong")
    assert_redirects_to_login(voila, "/api/kernels")
    assert_redirects_to_login(voila, "/voila/render/" + START_NOTEBOOK)
    login_page = http_get(voila.url("/login", token=False))
    assert login_page.status == 200 and b"hka_deg" not in login_page.body


def test_voila_serves_the_notebook_with_the_token(voila):
    answer = http_get(voila.url("/"), timeout=120)  # runs the notebook: allow for a cold kernel
    assert answer.status == 200
    assert b"hka_deg" in answer.body


def test_voila_does_not_serve_notebook_or_python_sources(voila):
    # Voila's file_denylist (.ipynb, .py) holds with the token, too.
    for path in ("/voila/files/" + START_NOTEBOOK, "/voila/files/biomech/model.py"):
        assert http_get(voila.url(path)).status == 403, path


def test_voila_listens_on_loopback_only(voila):
    assert_loopback_only(voila)
