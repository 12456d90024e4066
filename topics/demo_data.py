"""Demo topics and archived discussions, written for this project."""

import datetime

TOPICS_INTRO = "<p>A new topic every fortnight of a round: read it, then write to your partner.</p>"
DISCUSSIONS_INTRO = (
    "<p>Facilitated group discussions, chats and forum threads from past rounds.</p>"
)

TOPICS = [
    {
        "slug": "getting-to-know-your-partner",
        "title": "Getting to know your partner",
        "date": datetime.date(2014, 9, 15),
        "round_label": "Round 1, topic 1",
        "introduction": "Start with the people and the place: who you serve and what a working day looks like.",
        "prompts": ["Describe a typical day in your library.", "Who are your users?"],
        "body": [
            ("paragraph", "Share a photo of your library and one thing a visitor would not expect.")
        ],
        "tags": ["introductions", "workplace"],
    },
]

DISCUSSIONS = [
    {
        "slug": "iln-2014-chat-01",
        "title": "First chat: introductions across time zones",
        "kind": "chat",
        "date": datetime.date(2014, 9, 20),
        "topic": "getting-to-know-your-partner",
        "summary": "Participants introduced their libraries and agreed how to keep in touch.",
        "tags": ["introductions"],
        "posts": [
            ("Aroha T.", "NZ", "Kia ora from Wellington! Our public library opens on Sundays."),
            ("Kwame A.", "GH", "Greetings from Accra. We share one reading room with a school."),
        ],
    },
]
