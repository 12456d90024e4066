"""Demo country profiles and partner stories, written for this project."""

COUNTRIES_INTRO = "<p>Library landscapes of the countries our members come from.</p>"
STORIES_INTRO = "<p>What partners learned from each other, in their own words.</p>"

COUNTRIES = [
    {
        "slug": "new-zealand",
        "title": "New Zealand",
        "code": "NZ",
        "region": "asia-pacific",
        "summary": "A dense network of public libraries and a strong bicultural practice.",
        "landscape": ["Public libraries are run by local councils."],
        "associations": ["LIANZA"],
        "lis_schools": ["Victoria University of Wellington"],
        "languages": "English, te reo Māori, New Zealand Sign Language",
    },
]

STORIES = [
    {
        "slug": "two-reading-rooms",
        "title": "Two reading rooms, one plan",
        "year": 2015,
        "round_label": "Round 2",
        "partners": [
            ("Aroha Tane", "NZ", "Wellington City Libraries"),
            ("Kwame Asante", "GH", "Accra Community Library"),
        ],
        "summary": "A public librarian and a community librarian swapped their programming calendars.",
        "pull_quote": "We copied each other's best ideas and improved them.",
        "body": ["We wrote every Sunday."],
        "tags": ["programming", "public libraries"],
    },
]
