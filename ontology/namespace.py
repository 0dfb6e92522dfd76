"""The policing-kg vocabulary as Python names.

``PK`` is an rdflib :class:`~rdflib.namespace.DefinedNamespace`: a misspelt
term raises instead of minting a new IRI. ``tests/test_ontology.py`` checks
that it lists exactly the terms of ``policing.ttl``. The category codes of
EXTRACTION.md are here too, so converting facts needs no parsing of
``schemes.ttl`` (the same test checks both agree).
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = URIRef("https://w3id.org/policing-kg/ontology")
PKID = Namespace("https://w3id.org/policing-kg/id/")
SCHEME = Namespace("https://w3id.org/policing-kg/scheme/")
SHAPES = Namespace("https://w3id.org/policing-kg/shapes#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


class PK(DefinedNamespace):
    """Terms of ``https://w3id.org/policing-kg/ontology#`` (docs/VOCABULARY.md)."""

    _fail = True
    _NS = Namespace("https://w3id.org/policing-kg/ontology#")

    # classes
    Article: URIRef
    PoliceStation: URIRef
    Place: URIRef
    Province: URIRef
    Prefecture: URIRef
    County: URIRef
    Town: URIRef
    Honour: URIRef
    Mechanism: URIRef
    MechanismConcept: URIRef
    Component: URIRef
    Partner: URIRef
    PartnerType: URIRef
    Outcome: URIRef
    Evidence: URIRef

    # article
    fileName: URIRef
    sha256: URIRef
    encoding: URIRef
    invokesDoctrine: URIRef
    reprintOf: URIRef

    # station
    formerNameOf: URIRef
    inProvince: URIRef
    inPrefecture: URIRef
    inCounty: URIRef
    inTown: URIRef
    areaKm2: URIRef
    population: URIRef
    populationKind: URIRef
    households: URIRef
    communities: URIRef
    policeOfficers: URIRef
    auxiliaryPolice: URIRef
    foundedYear: URIRef
    hasHonour: URIRef
    year: URIRef

    # mechanism
    hasMechanism: URIRef
    concept: URIRef
    category: URIRef
    scope: URIRef
    headWord: URIRef
    hasComponent: URIRef
    order: URIRef
    expectedCount: URIRef
    countAgrees: URIRef

    # partner
    partnerType: URIRef
    hasPartner: URIRef
    involvesPartner: URIRef

    # outcome
    reportsOutcome: URIRef
    attributedTo: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    direction: URIRef
    qualifier: URIRef
    period: URIRef
    comparison: URIRef
    outcomeKind: URIRef
    metricFamily: URIRef

    # evidence
    evidence: URIRef
    text: URIRef
    start: URIRef
    end: URIRef


# Each declared term becomes a plain class attribute (one URIRef, made once):
# DefinedNamespace's look-up builds a new URIRef on every access (~0.5 us),
# and converting one article reads ~900 of them. Undeclared names still raise.
for _term in PK.__annotations__:
    type.__setattr__(PK, _term, PK._NS[_term])
del _term


# The codes of EXTRACTION.md "Category schemes", in its order.
MECHANISM_CODES: tuple[str, ...] = (
    "party_building", "mediation", "community_policing", "mass_prevention",
    "patrol_prevention", "publicity_education", "public_service", "technology",
    "case_handling", "organisational_reform", "team_management", "other",
)
PARTNER_CODES: tuple[str, ...] = (
    "party", "government", "judicial", "professional", "grassroots", "mass_org",
    "education", "health", "enterprise", "volunteer", "police",
    "representative_media", "other",
)
OUTCOME_CODES: tuple[str, ...] = (
    "crime", "public_order", "clearance", "disputes", "fraud", "hazards",
    "public_evaluation", "service", "mobilisation",
)
SCHEME_CODES: dict[str, tuple[str, ...]] = {
    "mechanism": MECHANISM_CODES,
    "partner": PARTNER_CODES,
    "outcome": OUTCOME_CODES,
}


def scheme_iri(scheme: str) -> URIRef:
    """The IRI of a concept scheme: ``mechanism``, ``partner`` or ``outcome``."""
    if scheme not in SCHEME_CODES:
        raise KeyError(f"unknown scheme {scheme!r}")
    return SCHEME[scheme]


def concept_iri(scheme: str, code: str) -> URIRef:
    """The IRI of one scheme concept; raises ``KeyError`` for a code the scheme lacks."""
    if code not in SCHEME_CODES.get(scheme, ()):
        raise KeyError(f"{code!r} is not a code of the {scheme} scheme")
    return SCHEME[f"{scheme}/{code}"]


def mechanism_category(code: str) -> URIRef:
    return concept_iri("mechanism", code)


def partner_category(code: str) -> URIRef:
    return concept_iri("partner", code)


def outcome_family(code: str) -> URIRef:
    return concept_iri("outcome", code)
