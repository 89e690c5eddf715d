"""tests/ordering.py: `make test` starts the modules that took longest first, a module's tests together and in order."""

from __future__ import annotations

from types import SimpleNamespace

from tests.ordering import LIVE_SECONDS, OTHER_SECONDS, heaviest_first


def _items(*nodeids: str, live: tuple[str, ...] = ()):
    return [SimpleNamespace(nodeid=n, fixturenames=["live_server"] if n in live else ["db"]) for n in nodeids]


def _ids(items) -> list[str]:
    return [item.nodeid for item in items]


def test_the_module_whose_tests_took_longest_comes_first_with_its_tests_in_order():
    items = _items("a.py::one", "a.py::two", "a.py::three", "b.py::only", "c.py::one", "c.py::two")
    recorded = {"a.py::one": 0.1, "a.py::two": 0.1, "a.py::three": 0.1, "b.py::only": 20.0, "c.py::one": 0.2, "c.py::two": 0.3}
    assert _ids(heaviest_first(items, recorded)) == [
        "b.py::only", "c.py::one", "c.py::two", "a.py::one", "a.py::two", "a.py::three",
    ]


def test_without_a_record_a_live_server_test_outweighs_many_plain_ones():
    many = int(LIVE_SECONDS / OTHER_SECONDS) - 1
    items = _items(*[f"a.py::t{i}" for i in range(many)], "b.py::browser", live=("b.py::browser",))
    assert _ids(heaviest_first(items, {}))[0] == "b.py::browser"


def test_modules_of_equal_weight_keep_the_collected_order_and_every_test_stays():
    items = _items("a.py::one", "b.py::one", "a.py::two", "c.py::one")
    ordered = heaviest_first(items, {})
    assert _ids(ordered) == ["a.py::one", "a.py::two", "b.py::one", "c.py::one"]
    assert sorted(_ids(ordered)) == sorted(_ids(items))


def test_every_process_gets_the_weights_the_controller_read():
    from tests.ordering import CACHE_KEY, pytest_configure_node

    recorded = {"a.py::one": 1.0}
    node = SimpleNamespace(config=SimpleNamespace(cache=SimpleNamespace(get=lambda key, default: recorded)), workerinput={})
    pytest_configure_node(node)
    assert node.workerinput[CACHE_KEY] == recorded
