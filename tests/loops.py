"""Running a coroutine from a test whose thread may already hold an event loop (Playwright's sync API does)."""

import asyncio
from concurrent.futures import ThreadPoolExecutor


def in_own_loop(coroutine):
    """Run ``coroutine`` on an event loop of its own thread: ``asyncio.run`` refuses where a loop runs, which
    depends on which test file ran before in the same worker."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
