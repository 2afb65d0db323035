"""The demo's examples of worksheet 2 (lessons learned from the source's case, เทศบาลเมืองยะลา)
and of the lead network's design (one goal, three strategies, a working group for each — the
RE-AMP shape of the workshop's slides), for the organic-farming project."""

import datetime as dt

from django.utils import timezone

from phakhi.actors.models import Actor, Kind
from phakhi.core import audit
from phakhi.lessons.models import LessonSession
from phakhi.lessons.services import lesson_answers_add, lesson_session_create
from phakhi.lessons.vocabulary import SOURCE_CASE
from phakhi.networks.design_services import goal_create, strategy_create, working_group_create
from phakhi.networks.models import Goal, Network
from phakhi.networks.services import membership_set
from phakhi.projects.models import Project

LESSONS_TITLE = "ถอดบทเรียนเทศบาลเมืองยะลา"
# Each participant's answers to the three prompts, as a room might write them.
ANSWERS: tuple[tuple[str, tuple[str, str, str], str], ...] = (
    (
        "ผู้เข้าร่วม 1",
        (
            "เปิดเวทีประชาคมทุกชุมชน ให้ชาวบ้านเป็นคนเสนอปัญหาเอง แล้วชวนภาคธุรกิจและโรงเรียนมาร่วมเป็นเจ้าภาพ",
            "ตั้งคณะกรรมการร่วมสามภาคส่วน ประชุมทุกเดือน และแบ่งงานตามความถนัดของแต่ละภาคี",
            "ผู้นำที่ฟังเสียงชุมชน ให้เครดิตภาคี และทำงานต่อเนื่องแม้เปลี่ยนผู้บริหาร",
        ),
        "การมีส่วนร่วม, ภาวะผู้นำ",
    ),
    (
        "ผู้เข้าร่วม 2",
        (
            "ใช้ข้อมูลจริงของเมืองเป็นจุดเริ่ม ทำให้ทุกฝ่ายเห็นปัญหาร่วมกัน",
            "มีผู้ประสานงานประจำที่ทุกภาคีติดต่อได้ และสื่อสารผลงานร่วมกันผ่านกลุ่มไลน์",
            "ภาวะผู้นำแบบกระจายอำนาจ ให้แกนนำชุมชนตัดสินใจในเรื่องของตน",
        ),
        "การสื่อสาร, ภาวะผู้นำ",
    ),
)


def _design(author: audit.Author, network: Network, members: list[Actor]) -> None:
    if Goal.objects.filter(network=network).exists():
        return
    year = timezone.localdate().year
    goal = goal_create(
        author,
        network,
        title="พื้นที่เกษตรอินทรีย์ในจังหวัดเพิ่มเป็น 10,000 ไร่",
        target="เกษตรกรในจังหวัดปลูกแบบอินทรีย์ได้การรับรองรวม 10,000 ไร่ภายในสองปี",
        measure="ไร่ที่ได้รับรองเกษตรอินทรีย์",
        target_value="10000",
        current_value="3200",
        due_on=dt.date(year + 1, 12, 31),
    )
    plans = (
        ("ขยายตลาดผักอินทรีย์สู่โรงพยาบาลและโรงเรียน", "market", "คณะทำงานตลาดและโรงพยาบาล"),
        ("ชวนเกษตรกรปรับเปลี่ยนสู่เกษตรอินทรีย์", "farmers", "คณะทำงานพี่เลี้ยงเกษตรกร"),
        ("สร้างระบบรับรองแบบมีส่วนร่วม (PGS)", "pgs", "คณะทำงานรับรองแบบมีส่วนร่วม"),
    )
    people = [actor for actor in members if actor.kind == Kind.PERSON] or members
    for position, (title, slug, group_name) in enumerate(plans):
        strategy = strategy_create(author, network, title=title, goal=goal)
        lead = people[position] if position < len(people) else None
        group = working_group_create(
            author,
            network,
            slug=f"{network.slug}-{slug}",
            name=group_name,
            strategy=strategy,
            lead=lead,
        )
        for actor in people[3 + position * 3 : 6 + position * 3]:
            membership_set(author, group, actor)


def _lessons(author: audit.Author, project: Project) -> None:
    if LessonSession.objects.filter(project=project, title=LESSONS_TITLE).exists():
        return
    session = lesson_session_create(
        author,
        project.workspace,
        title=LESSONS_TITLE,
        project=project,
        network=project.network,
        held_on=timezone.localdate() - dt.timedelta(days=14),
        case=SOURCE_CASE,
        tags="กรณีศึกษา",
    )
    prompts = list(session.prompts.order_by("position"))
    for participant, texts, tags in ANSWERS:
        lesson_answers_add(
            author,
            session,
            answers=dict(zip(prompts, texts, strict=True)),
            participant=participant,
            tags=tags,
        )


def load_lessons_and_design(author: audit.Author, project: Project) -> None:
    """The lead network's design and a lessons session on the source's case (once)."""
    network = project.network
    if network is not None:
        members = list(
            Actor.objects.filter(memberships__network=network).order_by("sort_key", "id")
        )
        _design(author, network, members)
    _lessons(author, project)
