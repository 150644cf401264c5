"""GET /api/codes and /api/codes/{code} (names for actor codes) and /api/places (the map's counts)."""

from __future__ import annotations

import pytest

from detente.web.codes import code_names

from .conftest import assert_error

pytestmark = pytest.mark.slow


def test_codes_name_countries_organizations_and_sectors(client):
    response = client.get("/api/codes")
    assert response.status_code == 200 and "max-age" in response.headers["cache-control"]
    tables = response.json()
    assert tables["names"]["CHN"] == "China" and tables["names"]["IGOUNO"] == "United Nations"
    assert tables["names"]["IGO"] == "Intergovernmental organization"
    assert tables["parts"]["GOV"] == "Government" and tables["parts"]["MIL"] == "Military"
    china = next(country for country in tables["countries"] if country["code"] == "CHN")
    assert china["numeric"] == "156" and "Chinese" in china["adjectives"]
    un = next(org for org in tables["organizations"] if org["code"] == "IGOUNO")
    assert "UN Security Council" in un["aliases"]  # a body listed under the same code


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("CHN", "China"),
        ("usagov", "United States: Government"),
        ("USAMILGOV", "United States: Military, Government"),
        ("IGOUNOKID", "UNICEF"),
        ("PSEREBHMS", "Hamas"),
        # a country's sector code stands for every such group, not the one the table lists first
        ("SYRREB", "Syria: Rebels"),
        ("IMGXYZ", "International militarized group"),
        ("QQQ", None),
    ],
)
def test_one_code_is_named_by_its_parts(client, code, name):
    body = client.get(f"/api/codes/{code}").json()
    assert body["name"] == name and body["code"] == code.upper()
    assert code_names().describe(code)["name"] == name


def test_a_bad_code_is_a_422(client):
    assert_error(client.get("/api/codes/not-a-code"), 422)
    assert_error(client.get("/api/codes?q=x"), 400, "unknown_parameter")


def test_places_count_the_filtered_events_by_place(client):
    located = client.get("/api/locations", params={"status": "occurred", "limit": 500}).json()
    places = client.get("/api/places", params={"status": "occurred", "count": "reports"}).json()
    assert places["complete"] and places["events"] == located["total"] > 0
    assert sum(place["events"] for place in places["items"]) == located["total"]
    counts = [place["events"] for place in places["items"]]
    assert counts == sorted(counts, reverse=True)
    ids = {event["id"] for event in located["items"]}
    assert all(place["latest_event"] in ids for place in places["items"])
    kinds = {place["feature"] for place in places["items"]}
    assert "country" in kinds and kinds - {"country"}, kinds
    for place in places["items"]:
        assert sum(place["quad_counts"].values()) == place["events"]
    india = client.get("/api/places", params={"country": "IND"}).json()
    assert 0 < india["events"] < client.get("/api/places").json()["events"]
    assert_error(client.get("/api/places?limit=5"), 400, "unknown_parameter")
