"""The facilitator cookie is set by the server, never by a script; every page of the kit says how to be read.

The browser side (the dashboard hands the key over, the cookie is HttpOnly, nothing on the Voila pages
breaks under their Content-Security-Policy) is in ``test_headers_browser.py``.
"""

import secrets

import requests
from bs4 import BeautifulSoup

from .phone import Phone


def hand_over(kit, code, key, **headers):
    """What the dashboard's script does: post the key with the page's CSRF token."""
    me = Phone(kit.url)
    xsrf = secrets.token_hex(16)  # the double-submit token the Voila page's script sets (kit.js)
    me.http.cookies.set("_xsrf", xsrf)
    reply = me.http.post(
        f"{kit.url}kit/{code}/sleutel",
        data={"key": key},
        headers={"X-XSRFToken": xsrf, **headers},
        allow_redirects=False,
    )
    return me, reply


def test_the_facilitator_cookie_is_set_by_the_server_for_the_right_key_only(kit, new_session, kit_store):
    from widgets.model.sessions import SessionSpec

    session, key = kit_store.create_session(SessionSpec(title="Sleutel", topic="wonen"))
    me, wrong = hand_over(kit, session.code, "een-sleutel-die-niet-klopt")
    assert wrong.status_code == 403 and "Set-Cookie" not in wrong.headers
    me, other = hand_over(kit, new_session().code, key)  # the right key for another session
    assert other.status_code == 403 and "Set-Cookie" not in other.headers

    me, right = hand_over(kit, session.code.lower(), key)
    assert right.status_code == 204
    cookie = right.headers["Set-Cookie"]
    assert cookie.startswith(f"kit_f_{session.code}={key};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/;" in cookie and "Secure" not in cookie
    assert me.get(f"kit/{session.code}/scherm").soup.select_one("[data-kit-events]") is not None  # it opens the screen

    forgotten = me.http.post(
        f"{kit.url}kit/{session.code}/sleutel",
        data={"key": ""},
        headers={"X-XSRFToken": me.http.cookies["_xsrf"]},
    )
    assert forgotten.status_code == 204 and forgotten.headers["Set-Cookie"].startswith(f'kit_f_{session.code}="";')
    assert f"kit_f_{session.code}" not in me.http.cookies  # expired: the session was deleted

    _, behind_https = hand_over(kit, session.code, key, **{"X-Forwarded-Proto": "https"})
    assert "Secure" in behind_https.headers["Set-Cookie"]


def test_the_key_is_handed_over_only_with_the_pages_token_and_from_the_same_site(kit, kit_store):
    from widgets.model.sessions import SessionSpec

    session, key = kit_store.create_session(SessionSpec(title="Sleutel", topic="wonen"))
    url = f"{kit.url}kit/{session.code}/sleutel"
    assert requests.post(url, data={"key": key}, timeout=10).status_code == 403  # no CSRF token
    _, other_site = hand_over(kit, session.code, key, **{"Sec-Fetch-Site": "cross-site"})
    assert other_site.status_code == 403 and "Set-Cookie" not in other_site.headers


INLINE_SCRIPT_TYPES = ("application/json", "application/vnd.voila.cell-output+json")  # data, never run


def test_every_voila_page_sends_a_strict_policy_and_no_referrer(kit):
    reply = requests.get(kit.render_url("start.ipynb"), timeout=120)
    policy = dict(part.strip().split(" ", 1) for part in reply.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["frame-ancestors"] == "'self'"
    assert policy["script-src"] == "'self' 'unsafe-eval'"  # no inline script; BokehJS outputs need eval
    assert policy["connect-src"] == policy["img-src"].split()[0] == "'self'" and "http" not in str(policy)
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    page = BeautifulSoup(reply.text, "html.parser")
    inline = [s for s in page.select("script:not([src])") if s.get("type") not in INLINE_SCRIPT_TYPES]
    assert inline == [], "inline scripts the policy would block"
    assert all(s["src"].startswith("/") for s in page.select("script[src]"))  # this server's only

    root = requests.get(kit.url, timeout=30)  # the root sends the browser on to the start page
    assert "script-src 'self' 'unsafe-eval'" in root.headers["Content-Security-Policy"]
    assert not BeautifulSoup(root.text, "html.parser").select("script:not([src])")
    for path in ("voila/templates/kit/static/kit.js", "kit/", "kit/static/participant.js"):
        assert requests.get(kit.url + path, timeout=30).headers["Referrer-Policy"] == "no-referrer", path
    phone_page = requests.get(kit.url + "kit/", timeout=30).headers["Content-Security-Policy"]
    assert phone_page.startswith("default-src 'none'; script-src 'self';")  # the phones keep their stricter one
