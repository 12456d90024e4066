from core.registries import represented_countries

from .models import CountryProfilePage


@represented_countries.register("country profiles")
def profile_countries():
    return CountryProfilePage.objects.live().public().values_list("country", flat=True)
