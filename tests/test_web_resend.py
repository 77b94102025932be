"""Nothing lost, nothing twice: a form post sent again with its key, a live stream that comes back.

A proxy (JupyterHub's, a municipal one) sometimes loses the answer to a post the kit did store, or
drops a live stream. The page's script sends the post again with the same hidden key (the browser
test is ``test_resend_browser.py``); here the posts are sent by hand, as plain HTTP.
"""

import time
from urllib.parse import urljoin

import requests

FIELD = "_once"


def filled(form, **fields) -> dict:
    """A form's fields as a browser sends them (hidden ones, checked boxes), then ``fields``."""
    data = {}
    for field in form.select("input, textarea"):
        name, kind = field.get("name"), field.get("type", "text")
        if not name or (kind in ("radio", "checkbox") and not field.has_attr("checked")):
            continue
        data[name] = field.get_text() if field.name == "textarea" else field.get("value", "")
    return {**data, **fields}


def forget(phone, name: str) -> None:
    for cookie in list(phone.http.cookies):
        if cookie.name == name:
            phone.http.cookies.clear(cookie.domain, cookie.path, cookie.name)


def test_every_form_carries_its_own_key(phone, new_session):
    session = new_session()
    me = phone()
    keys = [i["value"] for i in me.get(f"kit/{session.code}").soup.select(f"input[name={FIELD}]")]
    again = [i["value"] for i in me.get(f"kit/{session.code}").soup.select(f"input[name={FIELD}]")]
    assert len(keys) == 1 and len(again) == 1 and keys != again  # one per form, new with every page
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/palet")
    keys = [i["value"] for i in page.soup.select(f"input[name={FIELD}]")]
    assert len(page.soup.select("form[method=post]")) == len(keys) == len(set(keys)) >= 1  # the value
    asked = me.get(f"kit/{session.code}/not-me")  # "Ik ben iemand anders" asks on a page of its own
    keys += [i["value"] for i in asked.soup.select(f"input[name={FIELD}]")]
    assert len(asked.soup.select("form[method=post]")) == 1 and len(set(keys)) == len(keys)
    assert all(len(key) >= 22 for key in keys)


def test_a_join_sent_again_after_its_answer_was_lost_makes_one_participant(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    page = me.get(f"kit/{session.code}")
    data = filled(page.form(), group="inwoner", name="Anna")
    url = f"{kit.url}kit/{session.code}/join"
    cookie = f"kit_p_{session.code}"
    first = me.http.post(url, data=data, allow_redirects=False)
    forget(me, cookie)  # the proxy lost the answer, and the cookie in it: the page sends the form again
    again = me.http.post(url, data=data, allow_redirects=False)
    assert first.status_code == again.status_code == 303
    assert again.headers["Location"] == first.headers["Location"] == f"/kit/{session.code}/"
    assert again.cookies[cookie] == first.cookies[cookie]  # the same participant, its cookie once more
    assert kit_store.participant_counts(session.id) == {"inwoner": 1}
    assert "Anna" in me.get(f"kit/{session.code}").text(".kit-joined")


def test_a_late_copy_of_an_answer_does_not_undo_a_newer_one(kit, phone, new_session, kit_store):
    session = new_session(activities=("beoordelen",))
    me = phone()
    me.join(session.code, "Inwoner")
    page = me.get(f"kit/{session.code}/beoordelen/1")
    url = urljoin(page.url, page.form()["action"] or page.url)
    seven = filled(page.form(), score="7")
    assert me.http.post(url, data=seven, allow_redirects=False).status_code == 303
    page = me.get(f"kit/{session.code}/beoordelen/1")  # back to the grade: 8 after all
    assert me.http.post(url, data=filled(page.form(), score="8"), allow_redirects=False).status_code == 303
    token = me.token(session.code)
    history = kit_store.history_count(session.id)
    late = me.http.post(url, data=seven, allow_redirects=False)  # the first post again, as a proxy resends it
    assert late.status_code == 303 and late.headers["Location"].endswith("/beoordelen/2")  # as the first was
    assert kit_store.my_answers(token, "beoordelen")["cijfer"]["score"] == 8
    assert kit_store.history_count(session.id) == history


def test_the_pages_script_is_told_where_to_go_instead_of_a_redirect(kit, phone, new_session, kit_store):
    """A script's fetch follows a 303 by itself and loses its #part: the kit names the address instead."""
    session = new_session()
    me = phone()
    data = filled(me.get(f"kit/{session.code}").form(), group="inwoner")
    reply = me.http.post(
        f"{kit.url}kit/{session.code}/join", data=data, headers={"X-Kit-Fetch": "1"}, allow_redirects=False
    )
    assert reply.status_code == 204 and reply.headers["X-Kit-Location"] == f"/kit/{session.code}/"
    assert f"kit_p_{session.code}" in reply.cookies and kit_store.participant_counts(session.id) == {"inwoner": 1}


def test_a_forged_key_is_refused_in_dutch_and_stores_nothing(kit, phone, new_session, kit_store):
    session = new_session()
    me = phone()
    data = filled(me.get(f"kit/{session.code}").form(), group="inwoner")
    for forged in ("kort", "x" * 65, "met spaties erin, en komma's", "ab\r\ncd" * 4):
        reply = me.http.post(f"{kit.url}kit/{session.code}/join", data={**data, FIELD: forged}, allow_redirects=False)
        assert reply.status_code == 400, forged
        assert "Dit formulier klopt niet: er is niets opgeslagen." in reply.text
    assert kit_store.participant_counts(session.id) == {}


# ------------------------------------------------------------------------------------------- live stream
def events(kit, phone, code, last=None, wait=3.0):
    """The events a stream sends within ``wait`` seconds (``Last-Event-ID: last`` if given): [(id, data)]."""
    headers = {"Last-Event-ID": last} if last else {}
    got, fields = [], {}
    deadline = time.monotonic() + wait
    with phone.http.get(f"{kit.url}kit/{code}/events", headers=headers, stream=True, timeout=(5, wait)) as reply:
        assert reply.status_code == 200
        try:
            for line in reply.iter_lines(decode_unicode=True):
                if line.startswith("id: "):
                    fields["id"] = line[4:]
                elif line.startswith("data: "):
                    fields["data"] = line[6:]
                elif not line and "data" in fields:
                    got.append((fields.get("id"), fields["data"]))
                    fields = {}
                    if last is None:  # a first look: one event is all it needs
                        break
                if time.monotonic() > deadline:
                    break
        except requests.exceptions.ConnectionError:  # the read timed out: nothing more was sent
            pass
    return got


def test_a_stream_that_comes_back_hears_what_it_missed_and_nothing_else(kit, phone, new_session, kit_store):
    session = new_session(activities=("palet", "beoordelen"), open=("palet",))
    me = phone()
    me.join(session.code, "Inwoner")
    [(seen, data)] = events(kit, me, session.code)
    assert seen == str(kit_store.revision(session.id)) and '"rev": ' + seen in data  # the revision is the id

    kit_store.set_activity_open(session.id, "beoordelen", True)  # while the phone's stream was gone
    missed = events(kit, me, session.code, last=seen)
    assert missed, "the stream that came back heard nothing of what it missed"
    now, data = missed[0]
    assert int(now) > int(seen) and "palet,beoordelen" in data

    assert events(kit, me, session.code, last=now, wait=1.5) == []  # nothing happened since: nothing is sent
