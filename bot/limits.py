"""Input limits shared by the grammar and the store, so both refuse the same things."""

MAX_TEXT = 4000
MAX_NAME = 120
MAX_FIELD = 300
MAX_TAGS = 10
MAX_TAG = 40
MIN_CHECKIN_DAYS = 7
MAX_CHECKIN_DAYS = 730
MAX_SNOOZE_DAYS = 90
MAX_USER_ID = 64  # a platform's user id (Slack U…/W…, a Discord snowflake), as the store keeps it
MAX_PLATFORM = 20
MAX_DISPLAY_NAME = 120


def name_key(name: str) -> str:
    """A name as the store keys it (unique per member): case folded, white space collapsed. Folding may
    lengthen it (ß → ss, ﬁ → fi), and the key has the same MAX_NAME as the name: the grammar checks both."""
    return " ".join(name.casefold().split())
