"""Texts for the demo home page and guidance, written for this project."""

import datetime

HOME = {
    "title": "ILN Portal",
    "hero_title": "Librarians learning from librarians, across borders",
    "hero_text": (
        "Apply to a round and we match you with a colleague in another country for a "
        "four-month partnership of equals. Everyone mentors; everyone learns."
    ),
    "introduction": (
        "<p>The network pairs librarians from every kind of library. During a round, "
        "coordinators publish a discussion topic every fortnight and run facilitated group "
        "discussions and chats around it.</p>"
    ),
}

APPLICATION_CTA = {
    "title": "Applications for the spring round",
    "text": "Tell us about your library and what you would like to learn; matching follows the deadline.",
    "opens": datetime.date(2027, 1, 11),
    "closes": datetime.date(2027, 2, 8),
}

GUIDANCE_INTRO = "<p>How the programme works, and how to be a good partner.</p>"

GUIDANCE = [
    {
        "slug": "how-it-works",
        "title": "How the programme works",
        "summary": "Rounds, matching, topics and the four months of a partnership.",
        "body": [
            ("heading", "A round, step by step"),
            (
                "paragraph",
                "You apply during the application window. After it closes, coordinators match applicants into pairs across countries.",
            ),
        ],
    },
    {
        "slug": "faq",
        "title": "Frequently asked questions",
        "summary": "Short answers to the questions we hear most.",
        "body": [
            (
                "faq",
                [
                    (
                        "Do I need to be fluent in English?",
                        "You need to be comfortable writing in English.",
                    ),
                    ("Does it cost anything?", "No. The network is run by volunteers."),
                ],
            ),
        ],
    },
]
