"""Spelling: codespell typos, unknown near-words, 'less that', swapped terms."""

from check_helpers import at, lint, only, places


def test_codespell_typo_in_a_text_and_in_a_name():
    body = """
        [[errors]]
        code = 1
        name = "gitServiceUnavaliable"
        message = "subcribe stream failed"
        """
    found = lint(body)
    assert places(found, "W202") == [at(body, "Unavaliable"), at(body, "subcribe")]
    assert only(found, "W202")[0].message == "'Unavaliable' is a misspelling of 'Unavailable'"


def test_typo_behind_a_prefix():
    body = """
        [[errors]]
        code = 1
        message = "Websocket connection: unsuppot message type"
        """
    (d,) = only(lint(body), "W202")
    assert (d.line, d.col) == at(body, "unsuppot")
    assert "'suppot' is a common misspelling of 'support'" in d.message


def test_correct_text_code_spans_and_urls_pass():
    body = """
        [[errors]]
        code = 1
        message = "The subscription is unsupported."
        description = "See `subcribe_v2` and https://example.com/unavaliable for details."
        """
    found = lint(body)
    assert only(found, "W202") == [] and only(found, "W203") == []


def test_unknown_word_one_slip_from_a_common_word():
    body = """
        [[errors]]
        code = 1
        message = "Failed to operate rockdb."
        [[errors]]
        code = 2
        message = "Execution error"
        [[errors.examples]]
        body = "{code: 102, message: 'Innsufficient gas'}"
        """
    found = lint(body)
    assert places(found, "W203") == [at(body, "rockdb"), at(body, "Innsufficient")]
    rockdb, innsufficient = (d.message for d in only(found, "W203"))
    assert rockdb.endswith("is two edits from 'rock'")  # rockdb: two letters more
    assert innsufficient.endswith("is one edit from 'insufficient'")


def test_jargon_abbreviations_and_repeated_words_are_not_unknown():
    body = """
        [[errors]]
        code = 1
        message = "Invalid params in the config."
        [[errors]]
        code = 2
        message = "The busproxy is down."
        [[errors]]
        code = 3
        message = "Restart the busproxy."
        [[errors]]
        code = 4
        message = "Serialize: aisend data must be json."
        """
    assert only(lint(body), "W203") == []


def test_comparative_that():
    body = """
        [[errors]]
        code = 1
        message = "Overflow: paid less that previous paid."
        [[errors]]
        code = 2
        message = "Make sure that more than one signer exists."
        """
    found = lint(body)
    assert places(found, "W204") == [at(body, "less that")]
    assert only(found, "W204")[0].hint == "write 'less than'"


def test_term_mismatch():
    body = """
        [[errors]]
        code = 1035
        message = "Invalid project expiration: open channel expiration > project exception."
        [[errors]]
        code = 1033
        message = "Invalid project price: open channel price < project price or expired."
        """
    found = lint(body)
    assert places(found, "W205") == [at(body, "project exception")]
    assert only(found, "W205")[0].hint == "did you mean 'project expiration'?"


def test_non_english_latin_translation_is_not_spell_checked():
    body = """
        [[errors]]
        code = 1
        message = "Token expired."
        [errors.translations.de]
        message = "Das Token ist abgelaufen, bitte erneut anmelden."
        [errors.translations.en-GB]
        message = "Token expired, plese log in."
        """
    found = lint(body)
    assert places(found, "W202") == [at(body, "plese")]
