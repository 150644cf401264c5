"""GET /api/codes (names for every actor code the dashboard shows) and /api/codes/{code} (one code named)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import BaseModel, ConfigDict

from ...web.codes import code_names
from .filters import CODE_PATTERN

router = APIRouter(prefix="/api", tags=["codes"])

#: The tables change only with a new release: browsers may keep them for an hour.
_CACHE = "public, max-age=3600"


class CodeTablesOut(BaseModel):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {
                    "names": {"CHN": "China", "IGOUNO": "United Nations", "IGO": "Intergovernmental org."},
                    "parts": {"GOV": "Government", "MIL": "Military"},
                    "countries": [{"code": "CHN", "name": "China", "numeric": "156", "aliases": ["PRC"],
                                   "adjectives": ["Chinese"]}],
                    "organizations": [{"code": "IGOUNO", "name": "United Nations", "country": "IGO",
                                       "aliases": ["UN", "UN Security Council"]}],
                    "groups": [{"code": "IGO", "name": "Intergovernmental organization"}],
                }
            ]
        },
    )
    names: dict[str, str]
    parts: dict[str, str]
    countries: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    groups: list[dict[str, str]]


class CodeNameOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"code": "USAGOV", "name": "United States: Government", "parts": ["USA", "GOV"]}]
        }
    )
    code: str
    name: str | None
    parts: list[str]


@router.get(
    "/codes",
    summary="Names for actor codes (countries, organizations, sectors)",
    response_model=CodeTablesOut,
)
async def list_codes(response: Response) -> dict[str, Any]:
    """``names``: code -> name for every country (ISO 3166-1 alpha-3), group (IGO, NGO, IMG, MNC) and
    organization with a code of its own; ``parts``: the 3-letter sector parts (GOV, MIL ...). A code such as
    USAGOVMIL is named by its country and parts ("United States: Government, Military"). ``countries`` adds
    each country's aliases, adjectives (demonyms) and ISO numeric code; ``organizations`` each body's
    other names."""
    response.headers["Cache-Control"] = _CACHE
    return code_names().to_dict()


@router.get("/codes/{code}", summary="One actor code's name", response_model=CodeNameOut)
async def describe_code(
    code: Annotated[str, Path(pattern=CODE_PATTERN, description="An actor code, e.g. USAGOV or IGOUNOKID.")],
) -> dict[str, Any]:
    """The code's own name (a country, group or organization), else its country's or group's name with
    the names of its 3-letter parts; ``name`` is null when no part of the code is known."""
    return code_names().describe(code)
