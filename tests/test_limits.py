"""Who is asking, as the server decides it: the address behind trusted proxies, browser ids it signed."""

from widgets.web.limits import BrowserIds, RateLimit, client_address

TRUSTED = ["127.0.0.1/32", "10.0.0.0/8"]


def test_a_client_that_is_no_trusted_proxy_is_its_own_address_whatever_it_forwards():
    assert client_address("203.0.113.9", ["1.2.3.4"], TRUSTED) == "203.0.113.9"


def test_behind_trusted_proxies_the_last_hop_they_did_not_add_is_the_client():
    # the client claims 1.2.3.4; the proxy on 10.0.0.5 appended the address it saw (198.51.100.7)
    assert client_address("127.0.0.1", ["1.2.3.4, 198.51.100.7, 10.0.0.5"], TRUSTED) == "198.51.100.7"
    assert client_address("127.0.0.1", [], TRUSTED) == "127.0.0.1"  # no proxy said anything: the connection's
    assert client_address("127.0.0.1", ["not-an-address"], TRUSTED) == "127.0.0.1"


def test_a_browser_id_verifies_only_as_the_server_issued_it():
    ids = BrowserIds()
    issued = ids.issue()
    assert ids.verified(issued) == issued.split(".")[0]
    assert ids.verified("gekozen") == "" and ids.verified(issued + "x") == ""
    assert BrowserIds().verified(issued) == ""  # another server's (or an earlier run's) signature


def test_spent_tells_without_counting():
    limit = RateLimit(2, clock=lambda: 100.0)
    assert not limit.spent("a") and limit.allow("a") and limit.allow("a")
    assert limit.spent("a") and not limit.allow("a") and not limit.spent("b")
