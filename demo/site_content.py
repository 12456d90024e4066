"""Texts for the demo home page and guidance, written for this project."""

HOME = {
    "title": "ILN Portal",
    "hero_title": "Librarians learning from librarians, across borders",
    "hero_text": (
        "Apply to a round and we will match you with a colleague in another country for "
        "four months of conversation as equals. Nobody is the mentor and nobody is the "
        "protégé: you both bring experience, and you both go home with new ideas."
    ),
    "introduction": (
        "<p>The network brings together librarians from public, school, academic, special "
        "and community libraries. Twice a year we open a round: applicants are matched in "
        "pairs across countries, and for four months each pair writes, calls and compares "
        "notes on their work.</p>"
        "<p>You are not left to find things to talk about. Every fortnight of a round the "
        "coordinators publish a discussion topic with a few questions to start from, and "
        "they host group discussions and chats where everyone in the round can join in. "
        "Partnerships are conducted in English, and taking part is free.</p>"
    ),
}

APPLICATION_CTA = {
    "title": "Take part in a round",
    "text": (
        "Tell us about your library, the people you serve and what you would like to learn "
        "from a colleague abroad. The form takes about twenty minutes. After the deadline "
        "the coordinators read every application and introduce each partner pair by email."
    ),
}

GUIDANCE_INTRO = (
    "<p>Everything you need before and during a round: how matching works, what makes a "
    "good partnership, the conduct we expect from everyone, and practical advice for your "
    "first messages. If your question is not answered here, write to the coordinators.</p>"
)

GUIDANCE = [
    {
        "slug": "how-it-works",
        "title": "How the programme works",
        "summary": (
            "From application to the closing chat: how rounds are organised, how we match "
            "partners, and what happens during the four months of a partnership."
        ),
        "about_partnerships": True,
        "body": [
            ("heading", "Applying to a round"),
            (
                "paragraph",
                "We open applications twice a year. The form asks about your library, your "
                "role, the people you serve and what you hope to learn. There are no right "
                "answers: we use what you write to find you a good partner.",
            ),
            ("heading", "How we match partners"),
            (
                "paragraph",
                "After the deadline, the coordinators read every application and pair people "
                "who work in different countries. We look for shared interests, a similar kind "
                "of library or a challenge one of you has already faced. We also try to keep "
                "time zones workable.",
            ),
            ("heading", "Four months as equals"),
            (
                "paragraph",
                "A partnership lasts four months. Nobody is the mentor and nobody is the "
                "protégé: both partners share what they know and ask about what they do not. "
                "A new-graduate school librarian and a director with thirty years of service "
                "can learn just as much from each other.",
            ),
            (
                "paragraph",
                "Every fortnight the coordinators publish a discussion topic with a few "
                "questions. You can follow it closely or use it as a starting point. During "
                "the round there are also facilitated group discussions and chats where you "
                "meet the other participants.",
            ),
            (
                "callout",
                (
                    "At the end of a round",
                    "We ask every participant for feedback. It takes ten minutes and it "
                    "shapes the next round: many of our topics were suggested by former "
                    "participants.",
                ),
            ),
        ],
    },
    {
        "slug": "being-a-good-partner",
        "title": "Being a good partner",
        "summary": (
            "What makes a partnership work: keeping a rhythm, asking real questions, "
            "listening to a different context and saying so early when life gets busy."
        ),
        "about_partnerships": True,
        "body": [
            ("heading", "Keep a rhythm"),
            (
                "paragraph",
                "The partnerships that go well are rarely the ones with the longest "
                "messages. They are the ones where both people write regularly. Agree early "
                "on how often you will be in touch, and try to answer within a week.",
            ),
            ("heading", "Ask, then listen"),
            (
                "paragraph",
                "Your partner's library may have a very different budget, building, "
                "community or set of rules. Before suggesting a solution, ask how things "
                "work there and why. The most useful ideas often come from understanding "
                "what your partner has already tried.",
            ),
            (
                "paragraph",
                "Share your own difficulties too, not only your successes. A partnership of "
                "equals means both of you are allowed not to know.",
            ),
            (
                "quote",
                (
                    "I expected to be the one giving advice. By the second month I was "
                    "taking notes on how my partner ran reading clubs on a shoestring.",
                    "A participant from an earlier round",
                ),
            ),
            ("heading", "When life gets busy"),
            (
                "paragraph",
                "Everyone has weeks when work or family comes first. If you need a pause, "
                "tell your partner in a short message rather than going silent. If "
                "something is not working, the coordinators are there to help.",
            ),
        ],
    },
    {
        "slug": "code-of-conduct",
        "title": "Code of conduct",
        "summary": (
            "The behaviour we expect in partnerships, group discussions and chats, and how "
            "to raise a concern with the coordinators."
        ),
        "about_partnerships": False,
        "body": [
            (
                "paragraph",
                "The network brings together people of many countries, languages, beliefs "
                "and working conditions. This code applies to partnerships, group "
                "discussions, chats and forum threads, and to coordinators as much as to "
                "participants.",
            ),
            ("heading", "What we expect"),
            (
                "paragraph",
                "Be respectful and patient, especially with people writing in their second "
                "or third language. Assume good intentions and ask when something is unclear. "
                "Disagree with ideas, never with people.",
            ),
            (
                "paragraph",
                "Respect privacy. What your partner tells you about their colleagues, their "
                "users or their institution stays between you unless they agree otherwise. "
                "Ask before quoting anyone outside the network.",
            ),
            ("heading", "What is not acceptable"),
            (
                "paragraph",
                "Harassment, insults and discrimination of any kind. Unwanted personal or "
                "romantic attention. Using the network to sell products or services, or to "
                "collect contacts for purposes unrelated to the programme.",
            ),
            (
                "callout",
                (
                    "Raising a concern",
                    "If something makes you uncomfortable, write to the coordinators. We "
                    "will listen, keep your message confidential and, where needed, end a "
                    "partnership or remove someone from the network.",
                ),
            ),
        ],
    },
    {
        "slug": "faq",
        "title": "Frequently asked questions",
        "summary": (
            "Short answers to the questions we hear most: language, time, cost, quiet "
            "partners, time zones, privacy and who runs the network."
        ),
        "about_partnerships": True,
        "body": [
            ("heading", "Before you apply"),
            (
                "paragraph",
                "These are the questions applicants and participants ask us most often. If "
                "yours is missing, write to the coordinators: we answer every message.",
            ),
            (
                "faq",
                [
                    (
                        "How good does my English need to be?",
                        "You need to be comfortable reading and writing everyday English. "
                        "Most participants do not speak English as a first language, and "
                        "nobody expects perfect grammar. Clear and simple is best.",
                    ),
                    (
                        "How much time will it take?",
                        "Most participants spend an hour or two a fortnight: reading the "
                        "topic, writing to their partner and, when they can, joining a group "
                        "discussion or chat. You can do more, but you do not have to.",
                    ),
                    (
                        "Does it cost anything?",
                        "No. Taking part is free. The network is run by volunteers, and "
                        "there is no fee to apply or to participate.",
                    ),
                    (
                        "What if my partner goes quiet?",
                        "Send a short, friendly reminder first: messages get lost and people "
                        "get busy. If you hear nothing for two or three weeks, tell the "
                        "coordinators. They will contact your partner and, if needed, find "
                        "you a new one or invite you into a trio.",
                    ),
                    (
                        "Can I apply again?",
                        "Yes. Many people take part in several rounds, and each time you "
                        "are matched with someone new. We may give priority to first-time "
                        "applicants when a round is very full.",
                    ),
                    (
                        "What happens when numbers are odd?",
                        "We form a trio: three librarians from three countries working "
                        "together. Trios often produce lively conversations; we simply ask "
                        "that everyone copies all three people on their messages.",
                    ),
                    (
                        "My partner lives in a very different time zone. Will that work?",
                        "Yes. Most of the exchange happens in writing, so it does not matter "
                        "when you reply. For calls, we suggest finding one regular slot "
                        "early in the round. Group chats are held at different times so "
                        "that everyone can join some of them.",
                    ),
                    (
                        "Who can see my profile?",
                        "Your application is read only by the coordinators. Your partner "
                        "receives your name, country, library and the interests you chose "
                        "to share. Nothing is published on this site without your "
                        "agreement.",
                    ),
                    (
                        "Who are the coordinators?",
                        "Librarians who volunteer their time to run the rounds. Most of "
                        "them are former participants. They match partners, write the "
                        "fortnightly topics, facilitate discussions and answer your "
                        "questions.",
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "getting-started",
        "title": "Getting started: first messages and the first month",
        "summary": (
            "Practical advice for your first message, your first call and the first month "
            "of a partnership, when you and your partner are still finding a rhythm."
        ),
        "about_partnerships": True,
        "body": [
            ("heading", "Your first message"),
            (
                "paragraph",
                "Write within a few days of your introduction email. Say who you are, where "
                "you work and what a normal day looks like for you. Ask one or two real "
                "questions about your partner's library.",
            ),
            (
                "paragraph",
                "Keep it short. A first message of a few paragraphs is easier to answer than "
                "a long letter, and it leaves room for a conversation.",
            ),
            (
                "callout",
                (
                    "Agree on the practical things",
                    "In your first exchange, agree on three things: how you will keep in "
                    "touch (email, messaging, video calls), how often, and which times suit "
                    "you both.",
                ),
            ),
            ("heading", "The first month"),
            (
                "paragraph",
                "The first topic of every round is about getting to know each other. Use "
                "it: describe your building, your users and your colleagues. Photos help a "
                "lot, as long as nobody identifiable appears without permission.",
            ),
            (
                "paragraph",
                "By the end of the first month, try to name one thing each of you would like "
                "to learn or change during the partnership. It can be small. It gives your "
                "conversations a direction when the topics do not quite fit.",
            ),
            (
                "paragraph",
                "Join at least one group discussion or chat in the first weeks. Meeting the "
                "other participants makes the network feel real, and you will hear ideas "
                "you can bring back to your partner.",
            ),
        ],
    },
]
