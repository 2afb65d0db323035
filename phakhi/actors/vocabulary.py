from django.utils.translation import gettext_lazy as _

from phakhi.core.vocabulary import Vocabulary

KINDS = Vocabulary(
    _("kind of actor"),
    {
        "person": ("บุคคล", "คน", "individual"),
        "group": ("กลุ่ม", "ชมรม", "community group"),
        "organization": ("องค์กร", "องค์การ", "หน่วยงาน", "organisation", "org", "agency"),
    },
)

SECTORS = Vocabulary(
    _("sector"),
    {
        "civil": (
            "ประชาชน",
            "ประชาสังคม",
            "เอกชน",
            "ภาคประชาชน",
            "ภาคประชาสังคม",
            "ภาคเอกชน",
            "ภาคประชาชน ประชาสังคม และเอกชน",  # the label the pages show
            "ชุมชน",
            "people",
            "civil society",
            "private",
            "business",
            "community",
        ),
        "academic": ("วิชาการ", "ภาควิชาการ", "สถาบันการศึกษา", "academia", "university"),
        "government": ("ภาครัฐ", "รัฐ", "ราชการ", "หน่วยงานรัฐ", "public", "state", "public sector"),
    },
)
