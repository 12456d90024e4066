"""What a browser posts to the profile form for a complete profile (tests change a field)."""


def profile_form_data(**overrides):
    return {
        "display_name": "Aroha Tane",
        "country": "NZ",
        "sector": "public",
        "career_stage": "mid",
        "institution": "Te Puna",
        "time_zone": "Pacific/Auckland",
        "visibility": "members",
        **overrides,
    }
