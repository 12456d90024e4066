from core.registries import home_figures, represented_countries

from .models import CountryProfilePage


@represented_countries.register("country profiles")
def profile_countries():
    return CountryProfilePage.objects.live().public().values_list("country", flat=True)


@home_figures.register("country_profiles")
def country_profile_count():
    """Countries with a live profile (a translation is the same country)."""
    return (
        CountryProfilePage.objects.live().public().values("country").distinct().order_by().count()
    )
