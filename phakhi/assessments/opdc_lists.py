"""OPDC's lists as templates: its 12 success factors of participatory governance (C7, S 37–49),
its 5 factors of network collaboration (C8, S 64) and the OPDC forum's 4 key factors of network
management (C9, F 70–147), in the sources' own Thai (a test finds every item's words on the
lines it cites)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from phakhi.assessments.checklists import Item, Practice, Template

C7 = Template(
    code="opdc-success-factors",
    thai="ปัจจัยสำเร็จของการบริหารราชการแบบมีส่วนร่วม",
    english=_("OPDC's 12 success factors of participatory governance"),
    short=_("OPDC: 12 success factors"),
    document="S",
    lines=(37, 49),
    inventory="C7",
    intro_thai="ปัจจัยสำเร็จที่ทำให้จังหวัดมีการบริหารราชการแบบมีส่วนร่วมที่มีประสิทธิภาพ และประสิทธิผล",
    description=_(
        "What OPDC found behind the provinces that won its award for participatory governance "
        "(lessons drawn from the provinces' work, 2011)."
    ),
    groups=("opdc",),
    items=(
        Item(
            "1",
            "ผู้นำซึ่งรวมถึงผู้นำตามธรรมชาติมีภาวะผู้นำแบบประชาธิปไตย",
            _("Leaders, natural leaders included, with democratic leadership"),
            (38,),
            short=_("Democratic leadership"),
            detail_thai="มีความรู้ ความเข้าใจหลักประชาธิปไตยแบบมีส่วนร่วม และหลักการบริหารราชการแบบมีส่วนร่วม "
            "และเปิดใจกว้างยอมรับความคิดเห็นของทุกภาคส่วน",
            explanation=_(
                "Do the leaders know the principles of participatory democracy and governance, "
                "listen to every sector, and set policies that bring officials and citizens in?"
            ),
        ),
        Item(
            "2",
            "ความเชื่อมั่น ศรัทธา และยอมรับในตัวผู้นำ",
            _("Confidence, faith and acceptance of the leader and of the idea"),
            (39,),
            short=_("Trust in the leader"),
            detail_thai="รวมทั้งความเชื่อมั่นในแนวคิดการบริหารราชการแบบมีส่วนร่วมของประชาชนและภาคส่วนอื่นที่เกี่ยวข้อง",
            explanation=_(
                "Do citizens and the other sectors trust the leader and believe in "
                "participatory governance enough to commit to working together?"
            ),
        ),
        Item(
            "3",
            "ความรู้ ความเข้าใจเกี่ยวกับการบริหารราชการแบบมีส่วนร่วม",
            _("Officials' knowledge of participatory governance and their enthusiasm for it"),
            (40,),
            short=_("Officials' knowledge"),
            detail_thai="และความกระตือรือร้นที่จะสร้างกระบวนการมีส่วนร่วมของประชาชนในการบริหารราชการของข้าราชการ/บุคลากรภาครัฐที่เกี่ยวข้อง",
            explanation=_(
                "Have the officials concerned been trained, and do they start participation "
                "processes themselves?"
            ),
        ),
        Item(
            "4",
            "ความสนใจและกระตือรือร้นของประชาชน และภาคส่วนต่าง ๆ ในการเข้ามามีส่วนร่วมในการบริหารราชการ",
            _("Citizens' and sectors' interest and enthusiasm to take part"),
            (41,),
            short=_("Citizens' enthusiasm"),
            explanation=_(
                "Do citizens and groups take part willingly, from the start, as citizens who "
                "know their rights and duties?"
            ),
        ),
        Item(
            "5",
            "กระบวนการและรูปแบบทำงานแบบบูรณาการของหน่วยงานที่เกี่ยวข้อง",
            _("Integrated, multi-party and networked ways of working"),
            (42,),
            short=_("Integrated, networked work"),
            detail_thai="อาทิ องค์กรปกครองส่วนท้องถิ่น ภาคเอกชน ประชาสังคม กลุ่มต่าง ๆ ในชุมชน "
            "ทำให้เกิดการมีส่วนร่วมที่กว้างขวาง และมีการทำงานแบบพหุภาคี",
            explanation=_(
                "Do local government, business, civil society and community groups work "
                "together, and does the work spread horizontally to other areas?"
            ),
        ),
        Item(
            "6",
            "การจัดทำยุทธศาสตร์ที่ชัดเจนและใช้แผนชุมชนเป็นฐานในการสร้างการมีส่วนร่วม",
            _("A clear strategy built on community plans"),
            (43,),
            short=_("Strategy on community plans"),
        ),
        Item(
            "7",
            "การมีปรัชญาในการทำงานที่ชัดเจน",
            _("A clear philosophy of work, such as the sufficiency economy"),
            (44,),
            short=_("Clear philosophy"),
            detail_thai="เช่น ปรัชญาเศรษฐกิจพอเพียง",
        ),
        Item(
            "8",
            "การสนับสนุนทรัพยากรต่าง ๆ ทั้งในด้านงบประมาณ วัสดุ อุปกรณ์ และบุคลากร",
            _("Support with resources: budget, materials, equipment and staff"),
            (45,),
            short=_("Resources"),
            explanation=_(
                "Are projects that come out of participation given a budget, materials and people?"
            ),
        ),
        Item(
            "9",
            "การดำเนินงานที่สอดคล้องกับวิถีชีวิตและความต้องการของประชาชนในพื้นที่",
            _("Work that fits local ways of life and needs"),
            (46,),
            short=_("Fits local life"),
        ),
        Item(
            "10",
            "กระบวนการเรียนรู้ร่วมกัน",
            _("Learning together"),
            (47,),
            short=_("Learning together"),
        ),
        Item(
            "11",
            "การสื่อสารภายในที่มีประสิทธิภาพและประสิทธิผล",
            _("Efficient and effective internal communication"),
            (48,),
            short=_("Internal communication"),
        ),
        Item(
            "12",
            "การจัดโครงสร้างการทำงานร่วมกัน โดยจัดโครงสร้างแบบหลวม ๆ และทำงานในแนวราบ",
            _("A loose, horizontal structure of joint work, not top-down"),
            (49,),
            short=_("Loose, horizontal structure"),
            detail_thai="รวมทั้งไม่ใช้รูปแบบสั่งการจากบนลงล่าง ซึ่งภาครัฐเป็นเพียงผู้อำนวยความสะดวกและสนับสนุน",
            explanation=_(
                "Is the state a facilitator and supporter rather than the one in command?"
            ),
        ),
    ),
)

C8 = Template(
    code="opdc-network-factors",
    thai="ปัจจัยสำคัญที่จะทำให้เกิดความสำเร็จ 5 ประการ ของการทำงานร่วมกับภาคส่วนอื่นในลักษณะเครือข่าย",
    english=_("OPDC's 5 factors of network collaboration"),
    short=_("OPDC: 5 network factors"),
    document="S",
    lines=(64, 64),
    inventory="C8",
    intro_thai="การทำงานร่วมกับภาคส่วนอื่นในลักษณะเครือข่าย",
    description=_(
        "What OPDC names as the keys to working with other sectors as a network, part of "
        "raising an agency's capacity and service under good governance."
    ),
    groups=("opdc",),
    items=(
        Item(
            "1",
            "ภาวะผู้นำที่จะสร้างความเชื่อมั่น ศรัทธาและความร่วมมือร่วมใจในการทำงานที่มีความสอดคล้องกัน",
            _("Leadership that builds confidence, faith and cooperation"),
            (64,),
            short=_("Leadership"),
            detail_thai="ซึ่งต้องมีวิสัยทัศน์ในเชิงกลยุทธ์ ความสื่อสัตย์สุจริต และเสียสละเพื่อประโยชน์ส่วนรวม",
            explanation=_("Strategic vision, integrity, and sacrifice for the common good."),
        ),
        Item(
            "2",
            "การสร้างค่านิยมในการทำงานร่วมกันอย่างเหนียวแน่น",
            _("Strong shared values of working together"),
            (64,),
            short=_("Shared work values"),
            detail_thai="ซึ่งจะทำให้เกิดความสัมพันธ์ที่เป็นมิตรภาพอย่างแท้จริง",
        ),
        Item(
            "3",
            "การพัฒนาปรับปรุงการทำงานอย่างสม่ำเสมอ",
            _("Steady improvement of the work"),
            (64,),
            short=_("Steady improvement"),
            detail_thai="เพื่อให้เกิดการปรับกระบวนการทำงานอย่างต่อเนื่อง",
        ),
        Item(
            "4",
            "การจัดทำฐานข้อมูลสมาชิกเครือข่าย",
            _("A database of the network's members for contact and interaction"),
            (64,),
            short=_("Member database"),
            detail_thai="เพื่อใช้ในการติดต่อประสานงานและ มีปฏิสัมพันธ์ระหว่างกัน",
            explanation=_(
                "Phakhi's directory is such a database: link the network's member list or an "
                "analysis run as evidence."
            ),
        ),
        Item(
            "5",
            "การสร้างช่องทางในการติดต่อสื่อสาร และแลกเปลี่ยนเรียนรู้ระหว่างกัน",
            _("Channels for communication and for learning from each other"),
            (64,),
            short=_("Communication channels"),
        ),
    ),
)

C9 = Template(
    code="forum-key-factors",
    thai="ปัจจัยสำคัญ 4 ประการในการสร้างระบบเครือข่ายให้มีประสิทธิภาพ",
    english=_("The OPDC forum's 4 key factors of network management"),
    short=_("Forum: 4 key factors"),
    document="F",
    lines=(70, 147),
    inventory="C9",
    intro_thai="ปัจจัยสำคัญ 4 ประการในการสร้างระบบเครือข่ายให้มีประสิทธิภาพ",
    description=_(
        "The four factors the OPDC forum on governing by network (2008) drew from two agencies' "
        "practice, with the practices the forum's table reports for each."
    ),
    groups=("forum", "network-strength"),  # the forum is about managing networks
    items=(
        Item(
            "1",
            "การออกแบบเครือข่าย",
            _("Network design"),
            (78,),
            short=_("Design"),
            detail_thai="โครงสร้างดังกล่าวต้องสามารถสนับสนุนการไหลเวียนของข้อมูล "
            "และทรัพยากรระหว่างหน่วยงานต่างๆ ภายในเครือข่ายได้",
            explanation=_(
                "Does the network's structure let information and resources flow between its "
                "members? A recent analysis run shows it."
            ),
            practices=(
                Practice(
                    "วิเคราะห์ระบบ ณ ปัจจุบันแล้วจึงดำเนินการออกแบบระบบเพื่อค้นหา พัฒนา และขยายเครือข่าย",
                    _(
                        "Analyse the current system, then design it to find, develop and expand "
                        "the network"
                    ),
                    "สคอ.",
                    103,
                ),
                Practice(
                    "มีเป้าหมายที่ชัดเจน มุ่งเน้นให้องค์กรชุมชนเป็นแกนหลักในการขับเคลื่อนการพัฒนา",
                    _("Clear goals, with community organisations at the core; start small"),
                    "พอช.",
                    107,
                ),
            ),
        ),
        Item(
            "2",
            "การประสานงานในเครือข่าย",
            _("Coordination in the network"),
            (80,),
            short=_("Coordination"),
            detail_thai="หน่วยงานต่างๆ ต้องสามารถเชื่อมต่อกันได้ในหลากหลายระดับ",
            explanation=_(
                "Are members linked at several levels, with technology, to exchange knowledge, "
                "work and decide together and share data?"
            ),
            practices=(
                Practice(
                    "ใช้การประชาสัมพันธ์ เพื่อปลูกฝังวัฒนธรรมการทำงาน แบบเครือข่าย",
                    _("Public relations to grow a culture of network work"),
                    "สคอ.",
                    118,
                ),
                Practice(
                    "เลือกทำงานกับคนที่อยู่กับปัญหา รู้และเข้าใจ",
                    _("Work with people who live with the problem and understand it"),
                    "สคอ.",
                    120,
                ),
                Practice(
                    "ยึดโยงเครือข่ายด้วยความเชื่อ และอุดมการณ์ โดยประกาศเป็นนโยบาย",
                    _("Bind the network by belief and ideology, declared as policy"),
                    "พอช.",
                    125,
                ),
            ),
        ),
        Item(
            "3",
            "การติดตามผล",
            _("Monitoring"),
            (82,),
            short=_("Monitoring"),
            detail_thai="ระบบการวัดผลการดำเนินงานที่มีประสิทธิภาพเป็นสิ่งจำเป็นอย่างยิ่ง",
            explanation=_(
                "Can the agency tell whether members fulfil their roles and whether citizens "
                "are satisfied with the service?"
            ),
            practices=(
                Practice(
                    "สร้างโอกาสให้ภาคประชาชน และเอกชนเข้ามามีส่วนร่วมในการตรวจสอบผลการดำเนินการ",
                    _("Citizens and the private sector take part in checking the results"),
                    "สคอ.",
                    131,
                ),
                Practice(
                    "วิเคราะห์เป้าหมายของหน่วยงานกับเป้าหมายของเครือข่ายให้ชัดเจน",
                    _("Align the agency's goals with the network's"),
                    "พอช.",
                    139,
                ),
            ),
        ),
        Item(
            "4",
            "การเสริมสร้างประสิทธิภาพ",
            _("Building capacity"),
            (84,),
            short=_("Capacity"),
            detail_thai="การทำงานของภาครัฐในแบบเครือข่ายจำเป็นต้องอาศัยความสามารถและทักษะในการทำงานที่แตกต่างไปจากเดิม",
            explanation=_(
                "Coaching, brokering, negotiation, risk analysis, contract management, "
                "strategic thinking, communication and team building: are staff trained in "
                "them?"
            ),
            practices=(
                Practice(
                    "สนับสนุน และพัฒนากระบวนการเรียนรู้ให้แก่ภาคีเครือข่ายต่างๆ",
                    _("Support and develop learning for the partners"),
                    "สคอ.",
                    141,
                ),
                Practice(
                    "ทบทวน ระเบียบข้อบังคับ เพื่อให้เกิดความเหมาะสมในการปรับใช้กับทุกพื้นที่",
                    _("Review regulations to fit every area"),
                    "พอช.",
                    144,
                ),
                Practice(
                    "จัดอบรมระหว่างเครือข่ายเพื่อการแลกเปลี่ยนเรียนรู้ และขยายผลการทำงาน",
                    _("Cross-network training to learn from each other and spread the work"),
                    "พอช.",
                    146,
                ),
            ),
        ),
    ),
)
