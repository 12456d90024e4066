"""Relevance fixture: 20 target discussions, 200 generated neighbours, 20 queries.

The corpus is built deterministically (seeded) as import records (DESIGN.md's JSONL shape),
so the test loads it through the importer. It is deliberately awkward: the same idea in
different words (flood / inundation / water damage), answers buried deep in long threads,
near-duplicate titles, and query words sprinkled through unrelated discussions.
"""

import random

TARGETS = [
    (
        "makerspace",
        "Starting a makerspace with almost no money",
        ["makerspaces"],
        "Donated tools, a borrowed 3D printer and a lot of goodwill.",
        [
            "We began with a single table and a box of donated tools.",
            "The makerspace now runs three evenings a week.",
        ],
    ),
    (
        "flood",
        "When the river came into the reading room",
        ["disasters"],
        "How two branches coped after the flooding of 2014.",
        [
            "The floods reached the lower shelves within an hour.",
            "Our response plan listed who to call, but not where to put wet books.",
        ],
    ),
    (
        "inundation",
        "Drying out the stacks",
        ["preservation"],
        "Freezing and air-drying rare books.",
        [
            "After the inundation we froze the most valuable volumes.",
            "Air-drying worked for paperbacks.",
        ],
    ),
    (
        "seed",
        "Community programmes roundup",
        ["programmes"],
        "Partners compared what their communities ask for.",
        [
            "Story time is still our busiest event.",
            "We run a chess club on Fridays.",
            "Homework help in the afternoons fills up fast.",
            "Our tax-form clinic is popular.",
            "Knitting circles meet twice a month.",
            "Last spring we opened a seed library: people borrow seeds and return saved ones.",
        ],
    ),
    (
        "copyright-news",
        "Copyright for digitised newspapers",
        ["copyright", "digitisation"],
        "Rights clearance when putting local newspapers online.",
        [
            "Orphan works made the newspaper project slow.",
            "We asked the publisher's successors for permission.",
        ],
    ),
    (
        "copyright-theses",
        "Copyright for digitised theses",
        ["copyright", "digitisation"],
        "Author permissions for putting theses in the repository.",
        ["Most authors agreed when we wrote to them.", "Some theses include third-party images."],
    ),
    (
        "infolit",
        "Teaching information literacy to first-year students",
        ["teaching"],
        "Short sessions that stick.",
        [
            "Our information literacy workshop is forty minutes long.",
            "First-year students respond to real assignments, not abstract searching.",
        ],
    ),
    (
        "bookmobile",
        "Bookmobiles in rural districts",
        ["outreach"],
        "Reaching villages without a branch.",
        ["Our mobile library van visits twelve villages.", "Diesel costs are the biggest worry."],
    ),
    (
        "volunteers",
        "Keeping volunteers from burning out",
        ["volunteers"],
        "Rotas, thanks and limits.",
        [
            "Burnout among volunteers was our biggest problem last year.",
            "We now cap shifts at three hours.",
        ],
    ),
    (
        "oa",
        "Launching an open access repository",
        ["open access", "repositories"],
        "Software, policies and persuading researchers.",
        ["The repository runs on open source software.", "Mandates helped more than advocacy."],
    ),
    (
        "summer",
        "Summer reading challenge for children",
        ["children", "reading"],
        "Stickers, medals and a lot of books.",
        [
            "The children's summer challenge doubled junior loans.",
            "Schools sent letters home to parents.",
        ],
    ),
    (
        "backlog",
        "Clearing a cataloguing backlog",
        ["cataloguing"],
        "Copy cataloguing and student assistants.",
        ["The backlog was eight thousand items.", "Copy cataloguing halved the time per item."],
    ),
    (
        "cuts",
        "Surviving budget cuts without closures",
        ["funding"],
        "What partners did when funding fell.",
        [
            "The council proposed library closures after the budget cuts.",
            "A campaign kept all branches open.",
        ],
    ),
    (
        "mentoring",
        "Mentoring new graduates in their first job",
        ["mentoring"],
        "What new librarians need from their first year.",
        [
            "New graduates want feedback more than anything.",
            "Pairing them with a mentor outside their team helped.",
        ],
    ),
    (
        "indigenous",
        "Indigenous knowledge in library collections",
        ["indigenous"],
        "Protocols, consent and description.",
        [
            "Community elders advised us on which materials are restricted.",
            "Indigenous knowledge needs its own subject headings.",
        ],
    ),
    (
        "earthquake",
        "Earthquake preparedness for libraries",
        ["disasters"],
        "Shelving, drills and grab bags.",
        [
            "We bolted every shelf to the wall after the earthquake.",
            "Preparedness drills run twice a year.",
        ],
    ),
    (
        "ebooks",
        "E-books lending licences",
        ["e-books", "licensing"],
        "Costs and limits of e-book licences.",
        ["The lending licences expire after 26 loans.", "Consortium deals lowered the price."],
    ),
    (
        "prison",
        "Prison libraries and reading groups",
        ["prisons"],
        "Working with inmates and prison staff.",
        [
            "The prison library opens four times a week.",
            "Reading groups with inmates are the highlight.",
        ],
    ),
    (
        "noise",
        "Quiet zones and group study",
        ["study spaces"],
        "Balancing silence and collaboration.",
        [
            "Noise complaints dropped after we marked quiet zones.",
            "Group study rooms can be booked online.",
        ],
    ),
    (
        "teen-makers",
        "Teen tech club in the makerspace",
        ["makerspaces", "teenagers"],
        "Robotics and coding for teenagers.",
        [
            "Teenagers come for the robots and stay for the coding.",
            "The makerspace is theirs on Saturday afternoons.",
        ],
    ),
]

QUERIES = [
    ("makerspaces", "rel-makerspace"),
    ("library responses to floods", "rel-flood"),
    ("flooding", "rel-flood"),
    ("inundation", "rel-inundation"),
    ("seed library", "rel-seed"),
    ("copyright digitised newspapers", "rel-copyright-news"),
    ("copyright theses", "rel-copyright-theses"),
    ('"information literacy" first-year students', "rel-infolit"),
    ("mobile library van", "rel-bookmobile"),
    ("volunteer burnout", "rel-volunteers"),
    ("open access repository", "rel-oa"),
    ("children's summer reading", "rel-summer"),
    ("cataloguing backlog", "rel-backlog"),
    ("library closures budget cuts", "rel-cuts"),
    ("mentoring new graduates", "rel-mentoring"),
    ("indigenous knowledge", "rel-indigenous"),
    ("earthquake preparedness", "rel-earthquake"),
    ("e-book licences", "rel-ebooks"),
    ("what did colleagues say about makerspaces for teenagers", "rel-teen-makers"),
    ("noise complaints", "rel-noise"),
]

FILLER_THEMES = [
    "staff training",
    "opening hours",
    "social media",
    "customer service",
    "loan periods",
    "space redesign",
    "public wifi",
    "author events",
    "local history",
    "job seekers",
    "reading lists",
    "self-service kiosks",
    "interlibrary loans",
    "digital skills",
    "collection weeding",
    "library cards",
    "research support",
    "school visits",
    "newsletter ideas",
    "annual reports",
]
FILLER_SENTENCES = [
    "We tried this at our branch last year and learned a lot.",
    "Our director was sceptical at first but came round.",
    "Partners in other countries had very different experiences.",
    "Funding came from a small grant and some fundraising.",
    "The biggest challenge was finding time for it.",
    "Students and older readers reacted differently.",
    "We measured success with a short survey.",
    "Next round we want to compare notes again.",
    "It took three meetings to agree on a plan.",
    "Colleagues shared templates that saved us weeks.",
    "Our library is small, so we kept it simple.",
    "The council asked for a report afterwards.",
]
# Query words dropped into unrelated threads, in passing.
PASSING_MENTIONS = [
    "Someone suggested a makerspace, but that is another discussion.",
    "Last year's flood delayed everything.",
    "Copyright questions came up briefly.",
    "A volunteer helped with the posters.",
    "The repository team sent their regards.",
    "The budget was tight, as always.",
    "Children loved it, of course.",
]
COUNTRIES = ["NZ", "KE", "GB", "IN", "BR", "PH", "NG", "CA", "AU", "ZA", "FR", "CO"]
AUTHORS = ["Ana", "Tomas", "Priya", "Kwame", "Lucia", "Sione", "Grace", "Omar", "Mei", "Jonas"]


def _post(rng, text, n):
    return {
        "author": rng.choice(AUTHORS),
        "country": rng.choice(COUNTRIES),
        "posted_at": f"2016-0{1 + n % 9}-1{n % 10}T09:00:00Z",
        "text": text,
    }


def build_corpus(fillers=200, seed=7):
    """Import records: the targets, then `fillers` generated neighbours."""
    rng = random.Random(seed)
    records = []
    for key, title, tags, summary, posts in TARGETS:
        filler_posts = [" ".join(rng.sample(FILLER_SENTENCES, 3)) for _ in range(2)]
        records.append(
            {
                "id": f"rel-{key}",
                "title": title,
                "kind": "group-discussion",
                "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                "tags": tags,
                "summary": summary,
                "posts": [_post(rng, text, n) for n, text in enumerate(filler_posts + posts)],
            }
        )
    for n in range(fillers):
        theme = FILLER_THEMES[n % len(FILLER_THEMES)]
        sentences = rng.sample(FILLER_SENTENCES, 4)
        if n % 3 == 0:
            sentences.insert(rng.randint(0, 4), rng.choice(PASSING_MENTIONS))
        records.append(
            {
                "id": f"filler-{n:03d}",
                "title": f"{theme.capitalize()}: round {n // len(FILLER_THEMES) + 1}",
                "kind": rng.choice(["group-discussion", "chat", "forum-thread"]),
                "date": f"20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-2{rng.randint(0, 8)}",
                "tags": [theme],
                "summary": f"Partners compared notes on {theme}.",
                "posts": [_post(rng, " ".join(sentences[i : i + 2]), i) for i in range(0, 4, 2)],
            }
        )
    return records


# Misspelt and variant-spelt queries (issue #15): typos at the start, middle and end of
# words, dropped, doubled, inserted and transposed letters, British and American
# spellings. The last field says what the search should do: "corrected" (the results are
# the corrected query's), or "as typed" (a variant spelling: no correction is needed).
MISSPELT_QUERIES = [
    ("starting a makerspce", "rel-makerspace", "corrected"),  # dropped letter
    ("flodding", "rel-flood", "corrected"),  # wrong letter
    ("libary respons to flods", "rel-flood", "corrected"),  # three words wrong
    ("inundaton", "rel-inundation", "corrected"),  # dropped letter near the end
    ("seed libary", "rel-seed", "corrected"),  # dropped letter
    ("copyrihgt newspapers", "rel-copyright-news", "corrected"),  # transposed letters
    ("copyright thesses", "rel-copyright-theses", "corrected"),  # doubled letter
    ("informaton literacy", "rel-infolit", "corrected"),  # dropped letter
    ("mobile libary van", "rel-bookmobile", "corrected"),
    ("volunteer burnot", "rel-volunteers", "corrected"),  # dropped letter
    ("open acess repository", "rel-oa", "corrected"),  # dropped doubled letter
    ("sumer reading programe", "rel-summer", "corrected"),  # two dropped doubled letters
    ("catalouging backlog", "rel-backlog", "corrected"),  # transposed letters
    ("library closures budjet cuts", "rel-cuts", "corrected"),  # wrong letter
    # A doubled letter before -ing: the stemmer undoubles it ("mentor"), nothing to correct.
    ("mentorring new graduates", "rel-mentoring", "as typed"),
    ("ndigenous knowledge", "rel-indigenous", "corrected"),  # first letter dropped
    ("earthqauke preparedness", "rel-earthquake", "corrected"),  # transposed letters
    ("prision library", "rel-prison", "corrected"),  # inserted letter
    ("noise complants", "rel-noise", "corrected"),  # dropped letter
    ("teen tech clubb", "rel-teen-makers", "corrected"),  # doubled last letter
    ("frezing rare books", "rel-inundation", "corrected"),  # dropped letter
    ("childrens sumer challange", "rel-summer", "corrected"),  # two words wrong
    ("e-book licenses", "rel-ebooks", "as typed"),  # American "licenses"
    ("digitized newspapers copyright", "rel-copyright-news", "as typed"),  # American -ize
    ("cataloging backlog", "rel-backlog", "as typed"),  # American "cataloging"
    ("programs communities ask for", "rel-seed", "as typed"),  # American "programs"
]
