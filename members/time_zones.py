"""Time zones by friendly name: 'Nairobi (East Africa Time, UTC+03:00)', in the visitor's
language (CLDR data through Babel), with a country's own zones listed first.

The stored value stays the IANA name (the applications CSV and the programme's e-mails
read it); only what a member reads and chooses from is friendly."""

import functools
import zoneinfo
from datetime import UTC, datetime

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django_countries import countries

UTC_ZONE = "UTC"


@functools.cache
def _cldr():
    aliases = get_global("zone_aliases")  # old name -> current IANA name
    old_names = {}
    for old, new in aliases.items():
        old_names.setdefault(new, []).append(old)
    territory_zones = get_global("territory_zones")
    available = _available()
    offered = {UTC_ZONE}
    for zones in territory_zones.values():
        offered.update(z for z in zones if z in available and not z.startswith("Etc/"))
    return old_names, territory_zones, frozenset(offered)


@functools.cache
def _available():
    return frozenset(zoneinfo.available_timezones())


def _cldr_ids(name):
    """The names CLDR may file `name` under (its data still uses some old names)."""
    old_names, _territories, _offered = _cldr()
    return [name, *old_names.get(name, [])]


@functools.cache
def _locale(language):
    try:
        return Locale.parse((language or "en").replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _offset(name, now):
    minutes = int(now.astimezone(zoneinfo.ZoneInfo(name)).utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return minutes, f"UTC{sign}{hours:02d}:{rest:02d}"


def _names(name, locale):
    meta_zones = get_global("meta_zones")
    city = None
    metazone_name = None
    for cldr_id in _cldr_ids(name):
        city = city or locale.time_zones.get(cldr_id, {}).get("city")
        metazone = meta_zones.get(cldr_id)
        if metazone and not metazone_name:
            long_names = locale.meta_zones.get(metazone, {}).get("long", {})
            metazone_name = long_names.get("generic") or long_names.get("standard")
    if not city:
        city = name.rsplit("/", 1)[-1].replace("_", " ")
    return city, metazone_name


@functools.lru_cache(maxsize=64)
def _labels(language, hour):
    """{name: (sort key, label)} for every offered zone, in `language`, at the UTC hour
    `hour` (offsets change with daylight saving time)."""
    now = datetime.fromtimestamp(hour * 3600, tz=UTC)
    locale = _locale(language)
    labels = {}
    for name in _cldr()[2] | {UTC_ZONE}:
        minutes, offset = _offset(name, now)
        if name == UTC_ZONE:
            label = _("Coordinated Universal Time (UTC)")
        else:
            city, metazone_name = _names(name, locale)
            if metazone_name:
                # Translatable for the comma (Arabic writes "،").
                label = pgettext(
                    "time zone label: city (zone name, UTC offset)",
                    "%(city)s (%(zone)s, %(offset)s)",
                ) % {"city": city, "zone": metazone_name, "offset": offset}
            else:
                label = f"{city} ({offset})"
        labels[name] = ((minutes, label), label)
    return labels


def _current_labels():
    hour = int(datetime.now(tz=UTC).timestamp() // 3600)
    return _labels(translation.get_language() or "en", hour)


def is_valid(name):
    return name in _available()


def label(name):
    """The friendly name of `name` in the current language; a name CLDR does not offer (an
    old alias, Etc/GMT+5) is labelled with its own name and offset."""
    entry = _current_labels().get(name)
    if entry:
        return entry[1]
    if is_valid(name):
        hour = int(datetime.now(tz=UTC).timestamp() // 3600)
        _minutes, offset = _offset(name, datetime.fromtimestamp(hour * 3600, tz=UTC))
        return f"{name.replace('_', ' ')} ({offset})"
    return name


def country_zones(country_code):
    """The IANA names of a country's zones (ISO alpha-2 code), in CLDR's order."""
    _old, territory_zones, offered = _cldr()
    return [
        zone for zone in territory_zones.get(str(country_code or "").upper(), []) if zone in offered
    ]


def choices(country_code=None, current=None):
    """Choices for a select: the country's zones first (an optgroup), then every zone by
    offset and name. `current` (a stored value) is kept even if it is not offered."""
    labels = _current_labels()
    everything = sorted(labels.items(), key=lambda item: item[1][0])
    result = [("", "---------")]
    own = country_zones(country_code)
    if own:
        own_sorted = sorted(own, key=lambda zone: labels[zone][0])
        group = _("In %(country)s") % {"country": countries.name(str(country_code).upper())}
        result.append((group, [(zone, labels[zone][1]) for zone in own_sorted]))
    all_zones = [(zone, entry[1]) for zone, entry in everything]
    if current and current not in labels and is_valid(current):
        all_zones.insert(0, (current, label(current)))
    result.append((_("All time zones") if own else _("Time zones"), all_zones))
    return result
