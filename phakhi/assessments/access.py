"""Who may change a self-assessment. The agency's own assessment (no network) is the whole
workspace's: a coordinator limited to some networks reads it but does not change it; a network's
assessment is changed by those who may edit the network."""

from __future__ import annotations

from phakhi.accounts.permissions import Access
from phakhi.assessments.models import SelfAssessment
from phakhi.core.contacts import mask_text
from phakhi.networks.models import Network


def can_assess(access: Access, network: Network | None) -> bool:
    if network is None:
        return access.can_edit and not access.is_restricted
    return access.can_edit_network(network.pk)


def can_edit_assessment(access: Access, assessment: SelfAssessment) -> bool:
    return can_assess(access, assessment.network)


def shown_respondents(access: Access, assessment: SelfAssessment) -> str:
    """Who took part, as this user may see it: people's names are personal data, masked for
    viewers like every contact."""
    if access.can_see_contacts:
        return assessment.respondents
    return mask_text(assessment.respondents)
