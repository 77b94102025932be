"""Access: a Voila page cannot make its kernel run code, and the join code opens no facilitator powers."""

import time

from .browser import LOAD, create_session, open_facilitator


def test_voila_refuses_code_sent_from_a_page(kit, watched, tmp_path):
    marker = tmp_path / "executed"
    page = watched().new_page()
    page.goto(kit.render_url("start.ipynb"))
    page.wait_for_selector(".kit-card", timeout=LOAD)
    outcome = page.evaluate(
        """async (code) => {
            const config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
            const url = `ws://${location.host}${config.baseUrl}api/kernels/${config.kernelId}/channels`;
            const ws = new WebSocket(url);
            const replies = [];
            await new Promise((resolve) => { ws.onopen = resolve; ws.onerror = resolve; });
            ws.onmessage = (event) => replies.push(JSON.parse(event.data).header.msg_type);
            const id = 'attack-' + Math.random();
            ws.send(JSON.stringify({
                header: {msg_id: id, msg_type: 'execute_request', username: 'x', session: 'x', version: '5.3',
                         date: ''},
                parent_header: {}, metadata: {}, channel: 'shell', buffers: [],
                content: {code, silent: false, store_history: false, user_expressions: {}, allow_stdin: false}
            }));
            await new Promise((resolve) => setTimeout(resolve, 3000));
            ws.close();
            return replies;
        }""",
        f"open({str(marker)!r}, 'w').write('pwned')",
    )
    time.sleep(1)
    assert not marker.exists(), "the kernel ran code sent by the page"
    assert "execute_reply" not in outcome


def test_the_join_code_alone_does_not_open_the_dashboard(kit, watched):
    facilitator = open_facilitator(watched(), kit)
    code = create_session(facilitator)
    page = watched().new_page()
    page.goto(kit.render_url("workshops/facilitator.ipynb", f"sessie={code}&sleutel={code}"))
    page.wait_for_selector(".kit-message-error", timeout=LOAD)
    assert "klopt niet" in page.inner_text(".kit-message-error")
    assert page.locator("[data-kit-join-code]").count() == 0
