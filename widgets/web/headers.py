"""Security headers on every response of the kit: the Voila pages' Content-Security-Policy and Referrer-Policy.

The participant pages set their own headers (``base.KitHandler``). The Voila pages (dashboard, tafel,
start page, lessons) are Voila's handlers, which send only Jupyter's default policy
(``frame-ancestors 'self'``); this output transform gives them a policy as strict as Voila allows:

- scripts only from this server, and no inline script: the kit's template (``index.html.j2``) loads
  Voila's inline helpers from a file (``static/voila-page.js``) and leaves out nbconvert's Mermaid
  import from a CDN. Without ``'unsafe-inline'``, markup that slipped into a widget runs no handler
  (``<img onerror=...>``);
- ``'unsafe-eval'`` stays: JupyterLab's output area runs a kernel's ``application/javascript`` output
  (BokehJS, put into the page by ``widgets.charts.load_bokehjs``) through ``new Function``. Only the
  page's own kernel sends such output; a participant's text never becomes one;
- ``style-src 'unsafe-inline'`` stays: Voila's theme script and Lumino insert ``<style>`` elements and
  ipywidgets lay out with ``style`` attributes. Images, fonts and connections are this server's only,
  so no style can send a page's content elsewhere;
- ``frame-ancestors 'self'`` as Jupyter has it (JupyterLab may preview a page in a frame).

``Referrer-Policy: no-referrer`` goes on every response of the kit's that has none: a dashboard's
address may carry the facilitator key (``?sleutel=``) or on Binder the server's token, and no link
on a page tells another site where it came from.

Standalone (``make start``) every response is the kit's; under a Jupyter server (Binder, JupyterHub)
only ``<base>voila/`` and ``<base>kit/`` are, and JupyterLab keeps Jupyter's own headers.
"""

import tornado.web

VOILA_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)
REFERRER_POLICY = "no-referrer"
JUPYTER_DEFAULT = "frame-ancestors 'self'"  # how jupyter_server's own policy starts


def transform(base_url: str, everywhere: bool) -> type:
    """An output transform for a Tornado application; ``everywhere``: every path is the kit's (standalone)."""
    ours = (f"{base_url}voila/", f"{base_url}kit/")

    class KitHeaders(tornado.web.OutputTransform):
        def __init__(self, request):
            self.path = request.path

        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            if not (everywhere or self.path.startswith(ours)):
                return status_code, headers, chunk
            headers.setdefault("Referrer-Policy", REFERRER_POLICY)
            html = headers.get("Content-Type", "").startswith("text/html")
            if html and headers.get("Content-Security-Policy", JUPYTER_DEFAULT).startswith(JUPYTER_DEFAULT):
                headers["Content-Security-Policy"] = VOILA_CSP  # the participant pages' own stricter one is kept
            return status_code, headers, chunk

    return KitHeaders
