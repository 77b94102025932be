"""The floor under the join burst: a bare Tornado app answering the same three requests as the kit.

``python -m benchmarks.floor PORT``. A join page (5 KB, a cookie), a form post answered by a 303 and an activity
page (10 KB), each after one hop to a thread pool, as the kit's handlers make one; no store, no template, no
security headers, no limits. ``run.py`` measures its CPU per phone in the same run as the kit's, so the kit's
cost reads as a multiple of what any Tornado server on this core needs (a figure the machine's speed cancels out of).
"""

import asyncio
import sys
from concurrent.futures import ThreadPoolExecutor

import tornado.web

POOL = ThreadPoolExecutor(max_workers=4)
JOIN_PAGE, ACTIVITY_PAGE = "j" * 5_000, "a" * 10_000


class Floor(tornado.web.RequestHandler):
    async def get(self, _):
        page = await asyncio.get_running_loop().run_in_executor(
            POOL, lambda: ACTIVITY_PAGE if self.get_cookie("p") else JOIN_PAGE
        )
        if not self.get_cookie("p"):
            self.set_cookie("b", "browser")
        self.finish(page)

    async def post(self, _):
        await asyncio.get_running_loop().run_in_executor(POOL, lambda: None)
        self.set_cookie("p", "participant")
        self.redirect("/kit/FLOOR", status=303)


async def main(port: int) -> None:
    tornado.web.Application([(r"/kit/(.*)", Floor)]).listen(port, "127.0.0.1", backlog=4096)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
