"""The sources' lists of what makes a network last: the 5 signs of a growing, sustainable
network with the two preconditions the source sets first (C5, P 113–121), and the workshop's 4
pillars of sustainable network management with their sub-items (C14, W 512–572) — in the
sources' own Thai (a test finds every item's words on the lines it cites). The English glosses
and the explanations (what to look at when scoring) are ours. ``network_lists.py`` gathers them
with the principles, factors, components and problems."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phakhi.assessments.checklists import Item, Template

NETWORK = "network-strength"  # the page group of the network-strength lists

C5 = Template(
    code="network-sustainability-signs",
    thai="เครือข่ายที่เติบโตและยั่งยืน",
    english=_("The 5 signs of a growing, sustainable network"),
    short=_("5 signs of sustainability"),
    document="P",
    lines=(113, 121),
    inventory="C5",
    intro_thai="เครือข่ายที่เติบโตและยั่งยืนจะมี วัฒนธรรมเครือข่าย",
    description=_(
        "What a community network that lasts shows, after the two conditions the source sets "
        "first: the community owns the network, and its culture is one of equals."
    ),
    groups=(NETWORK,),
    preconditions=(
        Item(
            "a",
            "เครือข่ายองค์กรชุมชนจะเติบโตและยั่งยืนได้ หาก “ชุมชนเป็นเจ้าของ” เครือข่าย",
            _("The community owns the network"),
            (113,),
            detail_thai="ผู้นำชุมชนเป็นแกนนำและเป็นหลักสำคัญ ทำหน้าที่เป็นตัวเชื่อม เป็นตัวประสาน "
            "เป็นผู้เสริมให้เครือข่ายเข้มแข็ง",
        ),
        Item(
            "b",
            "เครือข่ายที่เติบโตและยั่งยืนจะมี วัฒนธรรมเครือข่าย",
            _("A network culture: horizontal relationships, like brothers and sisters"),
            (115,),
            detail_thai="ซึ่งจัดความสัมพันธ์แนวราบ เคารพให้เกียรติกัน ไม่ใช่จัดองค์กรแบบเจ้านาย หัวหน้าลูกน้อง "
            "แต่ “เป็นพี่เป็นน้อง”",
        ),
    ),
    items=(
        Item(
            "1",
            "มีการพบปะ ไปมาหาสู่ สื่อสารกันเป็นประจำ",
            _("Members meet, visit and talk to each other regularly"),
            (117,),
            short=_("Regular contact"),
            explanation=_("Activities recorded in Phakhi and their attendance are evidence."),
        ),
        Item(
            "2",
            "มีเป้าหมายชัดเจนร่วมกันทุกฝ่าย",
            _("Clear goals shared by every party, such as self-reliance"),
            (118,),
            short=_("Shared goals"),
            detail_thai="เช่น การพึ่งตนเอง",
        ),
        Item(
            "3",
            "มีแผนงานและกิจกรรมร่วมกัน",
            _("Joint plans and activities, such as a community enterprise"),
            (119,),
            short=_("Joint plans"),
            detail_thai="เช่น วิสาหกิจชุมชน",
        ),
        Item(
            "4",
            "มีกลุ่มแกนนำ ทำหน้าที่นำและประสานด้วยความมุ่งมั่น",
            _("A group of core leaders who lead and coordinate with commitment"),
            (120,),
            short=_("Core leaders"),
            explanation=_("Members with the role แกนนำ in the network's member list."),
        ),
        Item(
            "5",
            "ร่วมมือ ช่วยเหลือเกื้อกูลกัน ไม่ใช่แข่งขันกัน",
            _("Cooperation and mutual help, not competition"),
            (121,),
            short=_("Cooperation"),
        ),
    ),
)

C14 = Template(
    code="sustainable-management-pillars",
    thai="การบริหารเครือข่าย เพื่อความยั่งยืน",
    english=_("The 4 pillars of sustainable network management"),
    short=_("4 pillars"),
    document="W",
    lines=(512, 572),
    inventory="C14",
    intro_thai="การบริหารเครือข่าย เพื่อความยั่งยืน",
    description=_(
        "The workshop's four pillars, each with the boxes or points of its slide: organise the "
        "network well, manage horizontally, build trust, and watch the risks with good "
        "governance. The risks are scored as problems: 5 = well guarded against."
    ),
    groups=(NETWORK,),
    items=(
        Item(
            "1",
            "จัดระบบเครือข่ายที่ดี",
            _("Organise the network well"),
            (514, 519),
            short=_("Organised"),
            children=(
                Item(
                    "1.a",
                    "การออกแบบการทำงานร่วมกันของเครือข่าย",
                    _("Design of the network's joint work: structure, roles, ways of working"),
                    (523, 524, 525, 526, 527, 528),
                    short=_("Joint work designed"),
                    detail_thai="จัดโครงสร้างเครือข่าย กำหนดบทบาทหน้าที่ของเครือข่าย "
                    "กำหนดวิธีการทำงาน ปรับการทำงานที่เหมาะสม",
                    explanation=_(
                        "The network's design page (structure, roles, working methods) is evidence."
                    ),
                ),
                Item(
                    "1.b",
                    "แบบแผนการสร้างความสัมพันธ์",
                    _(
                        "A pattern of relationship building: a fixed schedule, coordinating "
                        "mechanisms, technology"
                    ),
                    (532, 533, 534, 535),
                    short=_("Relationship pattern"),
                    detail_thai="กำหนดการที่แน่นอน มีกลไกประสานความสัมพันธ์ ใช้เทคโนโลยีช่วย",
                    explanation=_("The calendar of activities is evidence."),
                ),
                Item(
                    "1.c",
                    "ระบบการช่วยเหลือ",
                    _("A support system: mentors, advice, sources of knowledge"),
                    (539, 540),
                    short=_("Support system"),
                    detail_thai="พี่เลี้ยง ให้คำปรึกษา แหล่งความรู้",
                ),
                Item(
                    "1.d",
                    "ระบบการติดตาม ประเมินความเข้มแข็งของเครือข่าย",
                    _("A system for monitoring and assessing the network's strength"),
                    (544, 545),
                    short=_("Monitoring system"),
                    explanation=_(
                        "Regular self-assessments, surveys and scorecard snapshots are this system."
                    ),
                ),
            ),
        ),
        Item(
            "2",
            "บริหารแนวราบ",
            _("Manage horizontally"),
            (515, 547),
            short=_("Horizontal"),
            children=(
                Item(
                    "2.a",
                    "สร้างคุณค่าร่วม ผลประโยชน์ร่วม ทุกภาคีต้องชนะ win-win",
                    _("Shared value and shared benefit: every partner wins"),
                    (549,),
                    short=_("Win-win"),
                ),
                Item(
                    "2.b",
                    "สร้างความร่วมมือ: กลไก กระบวนการสร้างการมีส่วนร่วม",
                    _("Build cooperation: mechanisms and processes of taking part"),
                    (550,),
                    short=_("Cooperation built"),
                    detail_thai="(วิถีวัฒนธรรม ประชุม พบปะ ศรัทธา ภาวะผู้นำ)",
                ),
                Item(
                    "2.c",
                    "ฟัง ทำความเข้าใจ และยอมรับกันและกัน ทุก ๆ ความคิดมีค่าเสมอ",
                    _("Listen, understand and accept each other: every idea has value"),
                    (551,),
                    short=_("Listening"),
                    detail_thai="ใช้ความเชี่ยวชาญที่มีเป็นเครื่องมือ ไม่ใช่เป็นสิ่งที่แสดงสถานะทางสังคม",
                    explanation=_("Expertise is a tool, not a mark of social status."),
                ),
                Item(
                    "2.d",
                    "ไม่ผูกขาดอำนาจที่กลุ่มใดกลุ่มหนึ่ง",
                    _("No group holds all the power"),
                    (552,),
                    short=_("No monopoly of power"),
                    explanation=_("The capture alert watches shares of ties and leadership."),
                ),
            ),
        ),
        Item(
            "3",
            "สร้างความไว้วางใจ",
            _("Build trust"),
            (516, 556),
            short=_("Trust"),
            children=(
                Item(
                    "3.a",
                    "สื่อสารเปิดเผย ซื่อสัตย์ โปร่งใส รักษาสัญญา",
                    _("Open, honest, transparent communication; promises kept"),
                    (558,),
                    short=_("Open communication"),
                ),
                Item(
                    "3.b",
                    "ยุติธรรม ไม่เอาเปรียบ",
                    _("Fairness: no one takes advantage"),
                    (559,),
                    short=_("Fairness"),
                ),
                Item(
                    "3.c",
                    "ดูแล เอาใจใส่ คงเส้นคงวา อดทน",
                    _("Care, attention, consistency, patience"),
                    (560,),
                    short=_("Care, consistency"),
                ),
                Item(
                    "3.d",
                    "ช่วยเหลือ ให้ค่ากับการพึ่งพากัน",
                    _("Help each other; value depending on each other"),
                    (561, 562),
                    short=_("Interdependence"),
                    detail_thai="ให้มีศักยภาพในงานที่ทำร่วมกัน",
                ),
            ),
        ),
        Item(
            "4",
            "ความเสี่ยงของเครือข่ายและธรรมาภิบาล",
            _("The network's risks, and good governance"),
            (517, 567),
            short=_("Risks, governance"),
            children=(
                Item(
                    "4.a",
                    "การถูกรวบงำ จากกลุ่มผลประโยชน์ เกิดความไม่โปร่งใส",
                    _("Capture by an interest group, which breeds opacity"),
                    (569,),
                    short=_("Capture"),
                    kind="problem",
                    explanation=_(
                        "A risk: score how well it is guarded against. The capture "
                        "alert is evidence."
                    ),
                ),
                Item(
                    "4.b",
                    "ระบบการสื่อสาร การสร้างความสัมพันธ์ ระบบการจัดการ เครือข่ายไม่ดี",
                    _("Poor communication, relationship building or management"),
                    (570,),
                    short=_("Poor systems"),
                    kind="problem",
                    explanation=_("A risk: score how well it is guarded against."),
                ),
                Item(
                    "4.c",
                    "ขาดผู้นำ",
                    _("No leader"),
                    (571,),
                    short=_("No leader"),
                    kind="problem",
                    explanation=_(
                        "A risk: score how well it is guarded against. The "
                        "dependence-on-one-leader alert is evidence."
                    ),
                ),
                Item(
                    "4.d",
                    "ทำทุกอย่างให้โปร่งใส ตรวจสอบได้ รับรู้ได้ รับผิดชอบต่อสังคม",
                    _("Everything transparent, checkable, known and accountable to society"),
                    (572,),
                    short=_("Good governance"),
                ),
            ),
        ),
    ),
)
