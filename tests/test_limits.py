"""Who is asking, as the server decides it: the address behind trusted proxies, browser ids it signed."""

from types import SimpleNamespace

from widgets.web.limits import BrowserIds, RateLimit, address_key, client_address, request_key

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


def test_an_ipv6_client_counts_by_its_64_and_a_mapped_ipv4_address_as_ipv4():
    one_home = ["2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:DB8:1:2:0:0:0:99"]
    assert {address_key(a) for a in one_home} == {"2001:db8:1:2::/64"}  # the addresses it can pick from
    assert address_key("2001:db8:1:3::1") == "2001:db8:1:3::/64"  # the neighbours' /64
    assert address_key("fe80::1%eth0") == "fe80::/64"
    assert address_key("::ffff:203.0.113.9") == address_key("203.0.113.9") == "203.0.113.9"
    assert address_key("::1") == "::1" and address_key("127.0.0.1") == "127.0.0.1"  # the machine itself
    assert address_key("") == ""


def test_every_limit_asks_one_key_behind_a_trusted_proxy_and_a_mapped_proxy_is_trusted():
    def request(peer, forwarded):
        return SimpleNamespace(
            connection=None,
            remote_ip=peer,
            headers=SimpleNamespace(get_list=lambda name: [forwarded] if name == "X-Forwarded-For" else []),
        )

    assert request_key(request("127.0.0.1", "2001:db8:1:2::7"), TRUSTED) == "2001:db8:1:2::/64"
    assert request_key(request("::ffff:127.0.0.1", "198.51.100.7"), TRUSTED) == "198.51.100.7"
    assert request_key(request("2001:db8:9:9::5", "198.51.100.7"), TRUSTED) == "2001:db8:9:9::/64"  # no proxy
