"""Image uploads as members send them: real image bytes in a chosen format, and a phone
photo's EXIF with a GPS position (which the portal must strip)."""

import io

from PIL import Image


def image_bytes(fmt="JPEG", size=(64, 48), exif=None, color=(200, 30, 30)):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, color)
    options = {"exif": exif} if exif is not None else {}
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gps_exif():
    """EXIF with a GPS position and camera make, as a phone would write it."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 1  # Orientation
    gps = {1: "S", 2: (41.0, 17.0, 0.0), 3: "E", 4: (174.0, 46.0, 0.0)}
    exif[0x8825] = gps  # GPSInfo
    return exif.tobytes()
