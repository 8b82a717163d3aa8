"""``roadmap.indented_json`` writes exactly the text of ``json.dumps(..., ensure_ascii=False, indent=N)``."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap.indented_json import dumps

# Strings that look like the separators the writer puts between records, and JSON's awkward characters.
TEXT = st.one_of(
    st.text(max_size=6),
    st.sampled_from(["\x00", "\x000", "\x001", '"\\u0000', "},\n  {", "\n", '"', "\\", "\u2028", "é"]),
)
PLAIN = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), TEXT
)
VALUE = st.recursive(
    PLAIN,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=25,
)
# Tables as open data writes them: lists of records, some holding lists or records themselves.
RECORD = st.dictionaries(
    TEXT, st.one_of(PLAIN, st.lists(TEXT, max_size=3), st.lists(VALUE, max_size=3)), min_size=1
)
DOCUMENT = st.dictionaries(TEXT, st.one_of(PLAIN, st.lists(RECORD, max_size=6), VALUE), max_size=5)


@settings(max_examples=400, deadline=None)
@given(value=st.one_of(DOCUMENT, VALUE), indent=st.sampled_from([1, 2, 4]))
def test_the_text_is_exactly_what_json_dumps_writes(value, indent):
    assert dumps(value, indent) == json.dumps(value, ensure_ascii=False, indent=indent)


def test_records_of_plain_values_and_nested_lists():
    table = [
        {"code": "R-1", "agencies": ["A", "B"], "parts": [{"agency": "A", "percent": 50}], "done": False},
        {"code": "R-2", "agencies": [], "parts": [], "percent": 12.5, "note": None},
        {"code": "R-3", "value": "},\n  {"},  # a string like the text between two records
    ]
    flat = [{"code": "I-1", "value": 1.5, "met": True}, {"code": "I-2", "value": None, "text": "},\n  {"}]
    document = {"version": 1, "table": table, "flat": flat, "empty": [], "nothing": {}}
    assert dumps(document) == json.dumps(document, ensure_ascii=False, indent=1)
