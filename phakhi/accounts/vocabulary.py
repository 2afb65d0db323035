from django.utils.translation import gettext_lazy as _

from phakhi.core.vocabulary import Vocabulary

ROLES = Vocabulary(
    _("role"),
    {
        "admin": ("ผู้ดูแล", "ผู้ดูแลระบบ", "administrator", "แอดมิน"),
        "coordinator": ("ผู้ประสานงาน", "ผู้ประสาน"),
        "member": ("สมาชิก",),
        "viewer": ("ผู้ดู", "ผู้ชม", "ผู้อ่าน", "reader"),
    },
)
