import inspect

import geo


def test_all_lists_the_public_api() -> None:
    public = {
        name
        for name, value in vars(geo).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert set(geo.__all__) == public
    assert sorted(geo.__all__) == geo.__all__
