"""The quick check „Kann mein Projekt gefördert werden?“: yes/no questions, one per page.

The rules follow the office's wording: volunteer initiatives or private persons apply, and
municipal or independent bodies, welfare organisations and recognised religious communities
only together with them ("mit ihnen kooperierende …"); the project has to be about one of
the programme's areas. The answers travel in the query string, so the check works without
JavaScript and without a session.
"""

from dataclasses import dataclass, field

YES, NO = "ja", "nein"

# Query parameters, one per question.
VOLUNTEER = "ehrenamtlich"
ORGANISATION = "traeger"
PARTNER = "partner"
TOPIC = "thema"
QUESTIONS = (VOLUNTEER, ORGANISATION, PARTNER, TOPIC)

# Outcomes.
ELIGIBLE = "eligible"
NOT_AN_APPLICANT = "not_an_applicant"
NO_PARTNER = "no_partner"
OTHER_TOPIC = "other_topic"


@dataclass
class Check:
    """Where a reader stands: the next question or the outcome, and whether a choice is missing."""

    answers: dict = field(default_factory=dict)
    question: str = ""
    outcome: str = ""
    error: bool = False


def _next(answers, *, asks_topic):
    """(next question, "") or ("", outcome) for the answers so far."""
    if VOLUNTEER not in answers:
        return VOLUNTEER, ""
    if answers[VOLUNTEER] == NO:
        if ORGANISATION not in answers:
            return ORGANISATION, ""
        if answers[ORGANISATION] == NO:
            return "", NOT_AN_APPLICANT
        if PARTNER not in answers:
            return PARTNER, ""
        if answers[PARTNER] == NO:
            return "", NO_PARTNER
    if not asks_topic:
        return "", ELIGIBLE
    if TOPIC not in answers:
        return TOPIC, ""
    return "", ELIGIBLE if answers[TOPIC] == YES else OTHER_TOPIC


def evaluate(params, *, asks_topic=True):
    """The state of the check from GET parameters; answers out of turn or unknown are ignored."""
    answers = {}
    while True:
        question, outcome = _next(answers, asks_topic=asks_topic)
        if not question or params.get(question) not in (YES, NO):
            break
        answers[question] = params[question]
    # The form names the question it asked: sent without a choice, that is an error.
    error = bool(question) and params.get("frage") == question
    return Check(answers=answers, question=question, outcome=outcome, error=error)
