"""The live workshop's demo: a past session on the demo project, as a room of three left it —
cards named by sector, sorted and placed, one duplicate merged, one off-topic card rejected,
the rest accepted into the project's stakeholder analysis — and closed."""

from phakhi.core import audit
from phakhi.projects.models import Project
from phakhi.workshops.models import Contribution, WorkshopSession
from phakhi.workshops.participation import contribution_add, participant_join
from phakhi.workshops.review import contribution_accept, contribution_merge, contribution_reject
from phakhi.workshops.services import session_close, session_open, session_set_step

# (participant, sector) and what each named: name, kind, sector, groups, influence, interest.
PARTICIPANTS = (("ป้อม", "civil"), ("แดง", "government"), ("อาจารย์สมศรี", "academic"))
CARDS = (
    (0, "ผู้บริโภค", "group", "civil", ("affected_by_us", "interested_in_outcome"), "low", "high"),
    (1, "โรงพยาบาลจังหวัด", "organization", "government", ("interested_in_outcome",), "high", "high"),
    (1, "สำนักงานเกษตรจังหวัด", "organization", "government", ("influences_us",), "high", "low"),
    (2, "มหาวิทยาลัยในจังหวัด", "organization", "academic", ("interested_in_outcome",), "low", "high"),
    (0, "ร้านค้าในตลาดสด", "group", "civil", ("affected_by_us",), "low", "low"),
    (2, "ผู้บริโภค ", "group", "civil", ("influences_us",), "", ""),
    (0, "ทดสอบ", "", "", (), "", ""),
)


def load_live_session(author: audit.Author, project: Project) -> WorkshopSession:
    """The demo session (made once: a project that has a session already keeps its own)."""
    existing = WorkshopSession.objects.filter(project=project).first()
    if existing is not None:
        return existing
    session = session_open(author, project)
    people = [participant_join(session, display_name=n, sector=s) for n, s in PARTICIPANTS]
    cards: list[Contribution] = []
    for who, name, kind, sector, groups, influence, interest in CARDS:
        ticks = {group: True for group in groups}
        cards.append(
            contribution_add(
                people[who],
                name=name,
                kind=kind,
                sector=sector,
                influence=influence,
                interest=interest,
                **ticks,
            )
        )
    session_set_step(author, session, 3)
    contribution_merge(author, cards[5], cards[0])
    contribution_reject(author, cards[6])
    for card in cards[:5]:
        contribution_accept(author, card)
    return session_close(author, session)
