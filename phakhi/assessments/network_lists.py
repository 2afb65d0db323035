"""The sources' lists of network strength as templates: the 12 principles of network work (C1,
P 3–27), the 6 factors important to managing a network (C2, P 33–47), the 6 components of
success (C3, P 51–65), the 6 problems of network work (C4, P 70–84), the 5 signs of a growing,
sustainable network with its two preconditions (C5, P 113–121) and the workshop's 4 pillars of
sustainable network management with their sub-items (C14, W 512–572) — in the sources' own Thai
(a test finds every item's words on the lines it cites). The English glosses and the
explanations (what to look at when scoring) are ours. The signs and the pillars, what makes a
network last, are in ``sustainability_lists.py``."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phakhi.assessments.checklists import Item, Template
from phakhi.assessments.sustainability_lists import C5, C14, NETWORK

__all__ = ["C1", "C2", "C3", "C4", "C5", "C14", "NETWORK", "NETWORK_LISTS"]

C1 = Template(
    code="network-principles",
    thai="หลักในการทำงานเครือข่าย",
    english=_("The 12 principles of network work"),
    short=_("12 principles"),
    document="P",
    lines=(3, 27),
    inventory="C1",
    intro_thai="หลักในการทำงานเครือข่ายมีดังนี้ (de la Sierra, 1995 และ ส.ย.ช., 2541)",
    description=_(
        "Principles of working as a network (de la Sierra, 1995, as the source cites them): "
        "how members commit, trust and share the work."
    ),
    groups=(NETWORK,),
    items=(
        Item(
            "1",
            "สร้างความผูกพันและรับผิดชอบต่อการสร้างเครือข่าย",
            _("Commitment and responsibility for building the network"),
            (5,),
            short=_("Commitment"),
            detail_thai="ผู้ปฏิบัติงาน เอาด้วย มีความพร้อมที่จะทำงานร่วมกัน",
            explanation=_(
                "Do the people who do the work back the network and stand ready to work with "
                "the partners, not only the executives?"
            ),
        ),
        Item(
            "2",
            "การสร้างเครือข่ายต้องใช้เวลา",
            _("Building a network takes time"),
            (7,),
            short=_("Time given"),
            detail_thai="ผู้บริหารต้องให้เวลากับการสร้างเครือข่าย และสร้างความสัมพันธ์ต่อเนื่องอย่างสม่ำเสมอ",
            explanation=_(
                "Do the executives give the network their time and keep up the relationships "
                "regularly?"
            ),
        ),
        Item(
            "3",
            "มีความไว้วางใจซึ่งกันและกัน",
            _("Mutual trust"),
            (9,),
            short=_("Mutual trust"),
            detail_thai="ข้อนี้เป็นสำคัญยิ่ง หากไม่ไว้ใจในองค์กรหรือบุคคลที่จะเข้าไปสร้างเครือข่ายด้วย "
            "เลิกคิดเรื่องการสร้างเครือข่ายได้",
            explanation=_(
                "The source calls this essential. A network survey's trust score is evidence."
            ),
        ),
        Item(
            "4",
            "ยึดหลักเสมอภาคในการทำงาน และมีความโปร่งใส",
            _("Equality in the work, and transparency"),
            (11,),
            short=_("Equality, transparency"),
        ),
        Item(
            "5",
            "ยึดอัตตาและประโยชน์ของตัวองค์กรให้น้อย",
            _("Little ego and self-interest of one's own organisation"),
            (13,),
            short=_("Little ego"),
            detail_thai="มองให้ชัดถึงเป้าหมายของเครือข่าย",
            explanation=_("Do members put the network's goal before their own organisation's?"),
        ),
        Item(
            "6",
            "ผลประโยชน์ร่วมกันเป็นสิ่งจำเป็น",
            _("Shared benefit is a must"),
            (15,),
            short=_("Shared benefit"),
            detail_thai="สมาชิกอาจต้องยอมเสียสละบางอย่างเพื่อเครือข่ายประสบความสำเร็จ",
        ),
        Item(
            "7",
            "การลงนามในสัญญาหรือข้อตกลง ต้องทำอย่างรอบคอบและมีส่วนร่วมของทุกฝ่าย",
            _("Contracts and agreements signed with care, every party taking part"),
            (17,),
            short=_("Careful agreements"),
        ),
        Item(
            "8",
            "ต้องมีความยืดหยุ่นพอสมควร",
            _("Enough flexibility"),
            (19,),
            short=_("Flexibility"),
            detail_thai="เพราะสถานการณ์อาจมีการเปลี่ยนแปลง และต้องเข้าใจในข้อจำกัดของแต่ละฝ่าย",
        ),
        Item(
            "9",
            "ต้องมีความคาดหวังที่ตรงกันและมีความสุขในการทำงานเครือข่าย",
            _("Matching expectations, and happiness in the network's work"),
            (21,),
            short=_("Matching expectations"),
        ),
        Item(
            "10",
            "ตระหนักในความแตกต่างทางวัฒนธรรมและพื้นที่",
            _("Awareness of cultural and local differences"),
            (23,),
            short=_("Cultural differences"),
        ),
        Item(
            "11",
            "ตระหนักในความเป็นอิสระขององค์กรที่ร่วมเป็นเครือข่าย",
            _("Respect for the member organisations' independence"),
            (25,),
            short=_("Members' independence"),
        ),
        Item(
            "12",
            "รับผิดชอบในความสำเร็จหรือล้มเหลวร่วมกัน",
            _("Shared responsibility for success or failure"),
            (27,),
            short=_("Shared responsibility"),
        ),
    ),
)

C2 = Template(
    code="network-management-factors",
    thai="ปัจจัยที่สำคัญต่อการบริหารเครือข่าย",
    english=_("The 6 factors important to managing a network"),
    short=_("6 management factors"),
    document="P",
    lines=(33, 47),
    inventory="C2",
    intro_thai="การตรวจสอบปัจจัยที่สนับสนุน หรือเป็นอุปสรรคต่อการให้ได้มาซึ่งประสิทธิผลของเครือข่าย "
    "ซึ่งมีน้ำหนักไม่เท่ากันในแต่ละสถานการณ์",
    description=_(
        "What helps or hinders a network's effectiveness (Badaracco, 1998). The source says "
        "the factors weigh differently in each situation: read the scores together."
    ),
    groups=(NETWORK,),
    items=(
        Item(
            "1",
            "ความชัดเจนในเป้าหมายของเครือข่าย",
            _("Clear network goals"),
            (37,),
            short=_("Clear goals"),
            explanation=_(
                "Can members say what the network is for? The network's design page "
                "holds its vision and goals."
            ),
        ),
        Item(
            "2",
            "แรงจูงใจที่จะสร้างและแบ่งปันความรู้ในการทำงาน",
            _("Motivation to create and share knowledge, with enough resources and able people"),
            (39,),
            short=_("Motivation, resources"),
            detail_thai="มีทรัพยากรต่างๆอย่างเพียงพอ รวมถึงคนที่มีคุณภาพด้วย",
        ),
        Item(
            "3",
            "มีผู้นำที่ให้ความสำคัญด้วย",
            _("Leaders who give it importance"),
            (41,),
            short=_("Leaders who care"),
        ),
        Item(
            "4",
            "ทำงานเป็นทีมและมีความผูกพันต่อความสำเร็จของทุกองค์กรที่เป็นเครือข่าย",
            _("Teamwork, and commitment to every member organisation's success"),
            (43,),
            short=_("Teamwork"),
        ),
        Item(
            "5",
            "สนับสนุนซึ่งกันและกัน",
            _("Mutual support, in success and in failure"),
            (45,),
            short=_("Mutual support"),
            detail_thai="พร้อมเผชิญความสำเร็จหรือล้มเหลวร่วมกัน",
        ),
        Item(
            "6",
            "ความไว้วางใจซึ่งกันและกัน",
            _("Mutual trust"),
            (47,),
            short=_("Mutual trust"),
            explanation=_("A network survey's trust score is evidence."),
        ),
    ),
)

C3 = Template(
    code="network-success-components",
    thai="องค์ประกอบความสำเร็จในการทำงานแบบเครือข่าย",
    english=_("The 6 components of success in network work"),
    short=_("6 success components"),
    document="P",
    lines=(51, 65),
    inventory="C3",
    intro_thai="ความสำเร็จของการทำงานแบบเครือข่ายมิได้ตัดสินกันเพียงจำนวนสมาชิกหรือภาคีเครือข่ายเท่านั้น "
    "แต่ต้องมองให้ถึงความสำเร็จตามเป้าหมายที่ได้วางร่วมกันไว้",
    description=_(
        "Success is judged not by how many members a network has but by the goals set "
        "together (Scheuing, 1994)."
    ),
    groups=(NETWORK,),
    items=(
        Item(
            "1",
            "มีพันธสัญญาที่หนักแน่นระหว่างกัน (Commitment)",
            _("Firm commitment to each other"),
            (55,),
            short=_("Commitment"),
        ),
        Item(
            "2",
            "มีการพัฒนาอยู่ตลอดเวลา (Continuous improvement)",
            _("Continuous improvement"),
            (57,),
            short=_("Continuous improvement"),
        ),
        Item(
            "3",
            "มีพันธกรณีระยะยาว (Long-term Commitment)",
            _("Long-term commitment"),
            (59,),
            short=_("Long-term commitment"),
        ),
        Item(
            "4",
            "การเสริมพลัง (Empowerment)",
            _("Empowerment"),
            (61,),
            short=_("Empowerment"),
        ),
        Item(
            "5",
            "สร้างค่านิยมร่วมกัน (Shared value)",
            _("Shared values"),
            (63,),
            short=_("Shared values"),
        ),
        Item(
            "6",
            "มีภาวะผู้นำ (Leadership)",
            _("Leadership"),
            (65,),
            short=_("Leadership"),
        ),
    ),
)

C4 = Template(
    code="network-problems",
    thai="ปัญหาในการทำงานแบบเครือข่าย",
    english=_("The 6 problems of network work"),
    short=_("6 problems"),
    document="P",
    lines=(70, 84),
    inventory="C4",
    intro_thai="ปัญหาเหล่านี้มิได้อยู่อย่างโดด แต่เป็นเหตุเป็นผลซึ่งกันและกัน",
    description=_(
        "Weaknesses that often come with network work; the source says they are not separate "
        "but cause one another. Score how far the network has overcome each: 5 = overcome."
    ),
    kind="problem",
    groups=(NETWORK,),
    items=(
        Item(
            "1",
            "ขาดบุคคลากรที่ทำงานอย่างต่อเนื่อง",
            _("No staff working on it continuously"),
            (74,),
            short=_("No continuous staff"),
            detail_thai="เพราะทุกคนต่างมีงานประจำของตนเอง และไม่ต้องพึ่งพิงเครือข่าย "
            "ทำให้ไม่ค่อยมีกิจกรรมและความเคลื่อนไหว",
            explanation=_(
                "Everyone has their own job, so little happens. Dormant members and ties on the "
                "scorecard show it."
            ),
        ),
        Item(
            "2",
            "ขาดความสามารถในการประสานงานซึ่งเป็นหัวใจสำคัญในการทำงานแบบเครือข่าย",
            _("Weak coordination, the heart of network work"),
            (76,),
            short=_("Weak coordination"),
            detail_thai="รวมทั้งเงินทุนและวิธีการประเมินประสิทธิผลเครือข่าย",
            explanation=_(
                "Also too little funding and no way to evaluate the network's effectiveness."
            ),
        ),
        Item(
            "3",
            "มุ่งเน้นความสำเร็จเฉพาะหน้ามากเกินไป",
            _("Too much focus on quick success"),
            (78,),
            short=_("Short-termism"),
            detail_thai="จึงขาดการเรียนรู้และสร้างประสบการณ์ร่วมกัน",
            explanation=_(
                "So members do not learn or build experience together. Lessons "
                "learned recorded in Phakhi are evidence against it."
            ),
        ),
        Item(
            "4",
            "ขาดความชัดเจนในกระบวนการทำงานทั้งในระดับลึกและกว้าง",
            _("Unclear ways of working, in depth and in breadth"),
            (80,),
            short=_("Unclear process"),
            detail_thai="และขาดความต่อเนื่อง",
        ),
        Item(
            "5",
            "ขาดแนวร่วมในการทำงาน",
            _("No broad allies"),
            (82,),
            short=_("No broad allies"),
            detail_thai="ปกติจะมีแต่องค์กรประเภทเดียวกันเท่านั้น ควรมีแนวร่วมในระดับกว้างด้วย "
            "เช่น นักวิชาการและสื่อต่างๆ",
            explanation=_(
                "Only one kind of organisation takes part; academics and media should too. "
                "The network's sector mix shows it."
            ),
        ),
        Item(
            "6",
            "ขาดผู้นำที่มีความสามารถและวิสัยทัศน์",
            _("No capable, visionary leader"),
            (84,),
            short=_("No able leader"),
        ),
    ),
)

NETWORK_LISTS = (C1, C2, C3, C4, C5, C14)
