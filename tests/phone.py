"""A phone without a browser: plain HTTP with cookies, reading and submitting the pages' forms.

Fast enough to walk every participant path; the browser tests cover the script, the
keyboard and accessibility.
"""

from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup


class Page:
    def __init__(self, reply):
        self.reply = reply
        self.status = reply.status_code
        self.url = reply.url
        self.soup = BeautifulSoup(reply.text, "html.parser")

    def text(self, selector: str = "main") -> str:
        found = self.soup.select_one(selector)
        return " ".join(found.get_text(" ").split()) if found else ""

    def all(self, selector: str) -> list:
        return [" ".join(e.get_text(" ").split()) for e in self.soup.select(selector)]

    def errors(self) -> list:
        return self.all(".kit-error")

    def checked(self, name: str) -> list:
        """The values of the checked radio buttons (or boxes) named ``name``."""
        return [i["value"] for i in self.soup.select(f'input[name="{name}"][checked]')]

    def form(self, selector: str = "main form"):
        return self.soup.select_one(selector)


class Phone:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.http = requests.Session()
        self.page = None

    def get(self, path: str) -> Page:
        self.page = Page(self.http.get(urljoin(self.base_url, path), timeout=30))
        return self.page

    def submit(self, selector: str = "main form", **fields) -> Page:
        """Fill in the form like a person: its hidden fields and defaults, then ``fields`` (name -> value)."""
        form = self.page.form(selector)
        assert form is not None, f"no form {selector!r} on {self.page.url}"
        data = {}
        for field in form.select("input, textarea, select"):
            name = field.get("name")
            if not name:
                continue
            kind = field.get("type", "text")
            if kind in ("radio", "checkbox"):
                if field.has_attr("checked"):
                    data[name] = field.get("value", "on")
            elif field.name == "textarea":
                data[name] = field.get_text()
            else:
                data[name] = field.get("value", "")
        data.update({k.replace("__", "."): v for k, v in fields.items()})
        action = urljoin(self.page.url, form.get("action") or self.page.url)
        if (form.get("method") or "get").lower() == "post":
            reply = self.http.post(action, data=data, timeout=30)
        else:
            reply = self.http.get(action, params=data, timeout=30)
        self.page = Page(reply)
        return self.page

    def token(self, code: str) -> str:
        """The participant token this phone's cookie holds for session ``code``."""
        return self.http.cookies[f"kit_p_{code}"]

    def join(self, code: str, group_label: str, name: str = "") -> Page:
        self.get(f"kit/{code}")
        group = next(
            i["value"]
            for i in self.page.soup.select("input[name=group]")
            if self.page.soup.select_one(f'label[for="{i["id"]}"]').get_text(strip=True) == group_label
        )
        return self.submit(group=group, name=name)
