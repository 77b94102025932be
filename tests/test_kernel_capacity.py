"""The kernel cap counts pages, not the kernels Voila starts to refill its pools (widgets.web.kernels.Capacity)."""

import asyncio

from widgets.web.kernels import Capacity


class Manager:
    """What Capacity reads of Voila's kernel manager: the kernels listed, the pools' tasks, the cap."""

    max_kernels = 4
    reserved_kernels = 2  # the facilitator's dashboard and the start page only
    reserved_pages = ()

    def __init__(self, kernels, pools):
        self.kernels, self._pools = kernels, {"lesson.ipynb": pools}

    def list_kernel_ids(self):
        return list(self.kernels)


def task(kernel_id=None):
    """A pool's task: done with its kernel, or still starting one (None)."""
    loop = asyncio.new_event_loop()
    future = loop.create_future()
    if kernel_id:
        future.set_result({"kernel_id": kernel_id})
    loop.close()
    return future


def test_a_pool_refilling_after_a_page_took_its_kernel_does_not_fill_the_cap():
    # one lesson page has its kernel; the pool holds a ready kernel and is starting another one
    manager = Manager(["page", "ready", "refill"], [task("ready"), task()])
    capacity = Capacity(manager)
    assert capacity.serving() == 1
    assert capacity.refusal("lesson.ipynb", "127.0.0.1") == ""  # the second lesson page still has a place


def test_two_pages_fill_the_places_left_for_lessons():
    manager = Manager(["one", "two", "ready"], [task("ready")])
    assert Capacity(manager).refusal("lesson.ipynb", "127.0.0.1") == "full"
