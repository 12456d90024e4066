"""Demo topics of the rounds on the calendar now (demo.round_calendar): the round under way
releases one a fortnight, the round open for applications has its first topics prepared
ahead. Written for this project; tags from the shared vocabulary (demo.topic_content)."""

RUNNING_ROUND_TOPICS = [
    {
        "slug": "who-walks-through-the-door",
        "title": "Who walks through the door?",
        "introduction": (
            "Start with people. Describe the people who use your library on an ordinary "
            "Tuesday, and the people you never see. Your partner's answer will surprise you "
            "more than any statistic."
        ),
        "prompts": [
            "Who came into your library this week, and what did they come for?",
            "Who lives nearby but never comes in? Why do you think that is?",
            "What would your partner notice first if they visited?",
        ],
        "tags": ["introductions", "community outreach"],
    },
    {
        "slug": "the-budget-conversation",
        "title": "The budget conversation",
        "introduction": (
            "Every library argues for money, but the arguments differ: votes, grants, "
            "donors, tuition fees. Compare how your budgets are decided and who you have to "
            "convince."
        ),
        "prompts": [
            "Who decides your library's budget, and when?",
            "What was the last thing you asked for, and did you get it?",
            "Which argument works best where you are: numbers, stories or people?",
        ],
        "tags": ["advocacy", "professional development"],
    },
    {
        "slug": "first-steps-online",
        "title": "First steps online",
        "introduction": (
            "Many people learn to fill in a form, find a job advert or video-call a relative "
            "at the library. Share how you help people who are new to the internet, and what "
            "you have learned from it."
        ),
        "prompts": [
            "What do newcomers ask for help with most often?",
            "How do you help without taking over the keyboard?",
            "What scam or rumour did you have to explain this year?",
        ],
        "tags": ["digital literacy", "community outreach"],
    },
    {
        "slug": "stories-in-our-own-languages",
        "title": "Stories in our own languages",
        "introduction": (
            "Children read more when they find themselves in books. Compare what your "
            "collections offer in the languages your users speak at home, and how you fill "
            "the gaps."
        ),
        "prompts": [
            "Which languages do your users speak at home? Which do your shelves speak?",
            "Have you made or commissioned books yourselves?",
            "Which book would you send your partner's youngest readers?",
        ],
        "tags": ["reading promotion", "children and youth", "collection development"],
    },
    {
        "slug": "when-the-power-goes-out",
        "title": "When the power goes out",
        "introduction": (
            "Power cuts, floods, heatwaves, strikes: every library has a plan, written or "
            "not. Walk your partner through yours, then swap one idea you will steal."
        ),
        "prompts": [
            "What was the last thing that closed your library unexpectedly?",
            "What does your plan say, and what actually happened?",
            "What one change would make the next closure easier?",
        ],
        "tags": ["disaster response"],
    },
    {
        "slug": "research-help-for-everyone",
        "title": "Research help for everyone",
        "introduction": (
            "Students, farmers, nurses and local historians all do research. Compare who asks "
            "you for help finding evidence and how you teach them to judge what they find."
        ),
        "prompts": [
            "Who asked you a research question this month?",
            "Which free sources do you recommend again and again?",
            "How do you explain open access to someone who has never heard of it?",
        ],
        "tags": ["research support", "open access"],
    },
    {
        "slug": "a-space-to-make-things",
        "title": "A space to make things",
        "introduction": (
            "A sewing machine, a 3D printer, a seed library, a table of Lego: making things "
            "brings people in. Describe what people make in your library, or would if they "
            "could."
        ),
        "prompts": [
            "What have people made in your library?",
            "What would you offer with no budget at all?",
            "Who looks after the tools, and who teaches?",
        ],
        "tags": ["makerspaces", "children and youth"],
    },
    {
        "slug": "what-we-will-keep-doing",
        "title": "What we will keep doing",
        "introduction": (
            "The partnership ends soon. Look back over the fortnights together: what did you "
            "change, try or start because of your partner, and what will you keep doing?"
        ),
        "prompts": [
            "Which topic led to the best conversation, and why?",
            "What did you try at work because of your partner?",
            "How will you stay in touch?",
        ],
        "tags": ["professional development"],
    },
]

OPEN_ROUND_TOPICS = [
    {
        "slug": "a-day-in-two-libraries",
        "title": "A day in two libraries",
        "introduction": (
            "Spend a fortnight comparing ordinary days: opening time, the first question of "
            "the morning, the quiet hour, the last person out."
        ),
        "prompts": [
            "What happens in your library in the first hour of the day?",
            "What is the question you are asked most often?",
            "What would you change about your working day?",
        ],
        "tags": ["introductions"],
    },
    {
        "slug": "school-and-public-libraries-together",
        "title": "School and public libraries together",
        "introduction": (
            "Where school and public libraries work together, children read more. Compare "
            "what connects the two where you are, or what keeps them apart."
        ),
        "prompts": [
            "Does your library work with local schools? How?",
            "Who pays when a class visits?",
            "What would a school librarian ask of you?",
        ],
        "tags": ["school libraries", "children and youth"],
    },
    {
        "slug": "seeing-the-catalogue-through-new-eyes",
        "title": "Seeing the catalogue through new eyes",
        "introduction": (
            "Ask someone who never uses your catalogue to find a book while you watch. Then "
            "compare notes with your partner on what you saw."
        ),
        "prompts": [
            "Where did they get stuck?",
            "Which words in your catalogue mean nothing to users?",
            "What small change would help most?",
        ],
        "tags": ["user experience"],
    },
]
