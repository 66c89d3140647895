import geo


def test_all_lists_the_public_api() -> None:
    exported = set(geo.__all__)
    public = {name for name in dir(geo) if not name.startswith("_")}
    modules = {"batch", "cli", "discourse", "errors", "extract", "gazetteer", "inputs", "models",
               "pipeline", "resolve", "serialize", "sources", "text", "topojson"}  # fmt: skip
    assert exported == public - modules
    for name in exported:
        assert getattr(geo, name) is not None
