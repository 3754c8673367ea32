"""Texts: missing, empty, documented only by a name, copied from another entry."""

from check_helpers import at, lint, only, places


def test_entry_without_any_text_is_an_error():
    body = """
        [[errors]]
        code = 1
        [[errors]]
        code = 2
        solution = "Retry."
        [[errors]]
        code = 3
        status = "removed"
        """
    found = lint(body)
    assert places(found, "E105") == [at(body, "code = 1")]


def test_name_only_is_a_note():
    body = """
        [[errors]]
        code = -32001
        name = "NO_WORK"
        [[errors]]
        code = -32002
        name = "NO_AUTHOR"
        message = "No author"
        """
    found = lint(body)
    assert places(found, "W206") == [at(body, 'name = "NO_WORK"')]
    assert only(found, "W206")[0].severity == "note"
    assert only(found, "E105") == []


def test_empty_and_blank_texts():
    body = """
        [[errors]]
        code = "REQ-ERR-4"
        name = "errReqParamMissing"
        description = ""
        [[errors]]
        code = "REQ-ERR-5"
        message = "   "
        description = "Fine."
        [[errors.variants]]
        message = "x"
        solution = ""
        [errors.translations.de]
        title = " "
        [[errors]]
        code = "REQ-ERR-6"
        description = "Fine."
        """
    found = lint(body)
    assert places(found, "E106") == [
        at(body, '""'),
        at(body, 'message = "   "'),
        (at(body, 'solution = ""')[0], at(body, '""', 1)[1]),
        at(body, 'title = " "'),
    ]
    messages = [d.message for d in only(found, "E106")]
    assert messages[0] == "the description of REQ-ERR-4 (errReqParamMissing) is empty"
    assert "whitespace only" in messages[1]


def test_copied_solution_that_fits_only_the_other_entry():
    body = """
        [[errors]]
        code = 1010
        message = "Failed to create grouped instances."
        solution = "Check the configuration for grouped instance creation parameters."
        [[errors]]
        code = 1011
        message = "Failed to exit grouped instances."
        solution = "Check the configuration for grouped instance creation parameters."
        [[errors]]
        code = 1012
        message = "Disk full."
        solution = "Collect environment information and contact us."
        [[errors]]
        code = 1013
        message = "Network down."
        solution = "Collect environment information and contact us."
        """
    found = lint(body)
    assert places(found, "W207") == [at(body, "solution", 1)]
    assert "'creation'" in only(found, "W207")[0].message
