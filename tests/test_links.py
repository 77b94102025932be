"""Join links for the three ways the kit is reached: laptop, server, Binder/JupyterHub."""

from urllib.parse import parse_qs, urlparse

from widgets.model.links import base_address, facilitator_link, is_local_only, participant_link


def query(url):
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def test_laptop_on_localhost_is_flagged_as_unreachable_for_phones():
    base, extra = base_address({}, "localhost:8866")
    assert base == "http://localhost:8866/" and extra == {}
    assert is_local_only(base)
    assert participant_link(base, "K7P3QX") == "http://localhost:8866/kit/K7P3QX"


def test_room_mode_uses_the_machines_network_address():
    base, _ = base_address({"KIT_PUBLIC_URL": "http://192.168.1.23:8866"}, "localhost:8866")
    assert base == "http://192.168.1.23:8866/" and not is_local_only(base)
    assert participant_link(base, "K7P3QX") == "http://192.168.1.23:8866/kit/K7P3QX"


def test_municipal_server_uses_the_host_the_facilitator_reached_or_the_configured_address():
    base, _ = base_address({"VOILA_BASE_URL": "/werkplaats/"}, "kit.gemeente.local:8866")
    assert base == "http://kit.gemeente.local:8866/werkplaats/"
    base, _ = base_address({"KIT_PUBLIC_URL": "https://kit.gemeente.nl/werkplaats/"}, "10.0.0.5:8866")
    assert participant_link(base, "ACE349") == "https://kit.gemeente.nl/werkplaats/kit/ACE349"


def test_binder_join_link_has_the_hub_prefix_and_no_token_while_the_facilitators_link_keeps_it():
    env = {
        "JUPYTERHUB_SERVICE_PREFIX": "/user/org-repo-abc123/",
        "JUPYTERHUB_API_TOKEN": "tok3n",
        "BINDER_LAUNCH_HOST": "https://mybinder.org/",
    }
    base, extra = base_address(env, "hub.example.org")
    assert base == "https://hub.example.org/user/org-repo-abc123/"
    link = participant_link(base, "ACE349")
    assert link == "https://hub.example.org/user/org-repo-abc123/kit/ACE349"
    assert "tok3n" not in link
    assert query(facilitator_link(base, "ACE349", "geheim", extra=extra))["token"] == "tok3n"


def test_under_a_jupyterhub_the_facilitators_link_carries_no_server_token():
    env = {"JUPYTERHUB_SERVICE_PREFIX": "/user/anna/", "JUPYTERHUB_API_TOKEN": "tok3n"}  # a hub: there is a login
    base, extra = base_address(env, "hub.gemeente.nl")
    assert base == "https://hub.gemeente.nl/user/anna/" and extra == {}
    assert "tok3n" not in facilitator_link(base, "ACE349", "geheim", extra=extra)


def test_facilitator_link_holds_the_key_and_the_participant_link_never_does():
    base = "http://192.168.1.23:8866/"
    assert query(facilitator_link(base, "ACE349", "geheim"))["sleutel"] == "geheim"
    assert "geheim" not in participant_link(base, "ACE349")
