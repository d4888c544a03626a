"""What organization pages tell search engines and maps, public data only.

schema.org JSON-LD and map markers are built from the public properties of a
location (`public_street`, `public_coordinates`): a confidential location gives
its city and county and nothing more.
"""

from organizations.validators import tel_uri


def organization_json_ld(organization, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": organization.name,
        "url": url,
        "description": organization.description,
    }
    if organization.alternate_name:
        data["alternateName"] = organization.alternate_name
    if organization.website:
        data["sameAs"] = organization.website
    if organization.email:
        data["email"] = organization.email
    phones = [phone for phone in organization.organization_phones if phone.kind != "fax"]
    if phones:
        data["telephone"] = tel_uri(phones[0].number)
    places = [_place(location) for location in organization.locations.all()]
    if places:
        data["location"] = places
    services = [
        {"@type": "Service", "name": service.name, "serviceType": _type_names(service)}
        for service in organization.published_services
    ]
    if services:
        data["makesOffer"] = [{"@type": "Offer", "itemOffered": s} for s in services]
    if organization.last_verified_on:
        data["dateModified"] = organization.last_verified_on.isoformat()
    return data


def _type_names(service) -> list[str]:
    return [service_type.name for service_type in service.service_types.all()]


def _place(location) -> dict:
    address = {
        "@type": "PostalAddress",
        "addressLocality": location.city,
        "addressRegion": "CA",
        "addressCountry": "US",
    }
    place = {"@type": "Place", "name": location.name or location.city, "address": address}
    if location.is_confidential:
        return place
    if location.public_street:
        address["streetAddress"] = location.public_street
    address["postalCode"] = location.zip_code
    coordinates = location.public_coordinates
    if coordinates:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": coordinates[0],
            "longitude": coordinates[1],
        }
    return place


def map_markers(organizations) -> list[dict]:
    """One marker for each public location with coordinates; none for confidential ones."""
    markers = []
    for organization in organizations:
        for location in organization.locations.all():
            coordinates = location.public_coordinates
            if coordinates is None:
                continue
            markers.append(
                {
                    "lat": coordinates[0],
                    "lng": coordinates[1],
                    "title": organization.name,
                    "place": ", ".join(p for p in (location.public_street, location.city) if p),
                    "url": organization.get_absolute_url(),
                }
            )
    return markers
