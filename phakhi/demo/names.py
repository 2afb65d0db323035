"""Vocabulary of the demo network: Thai names, issues, kinds of tie, and organization and group
templates. Each romanized form is ours (RTGS-like), used only to build example e-mail addresses."""

from typing import NamedTuple


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """Thai:roman words, separated by white space."""
    return tuple((thai, roman) for thai, roman in (word.split(":") for word in _words(text)))


MALE_FIRST = _pairs(
    """
สมชาย:somchai สมศักดิ์:somsak สมพงษ์:somphong สมบัติ:sombat สมหมาย:sommai สุรชัย:surachai
ประเสริฐ:prasoet ประยุทธ:prayut วิชัย:wichai วีระ:wira ชัยวัฒน์:chaiwat ธนพล:thanaphon
ธีรวัฒน์:thirawat อนุชา:anucha อภิชาติ:aphichat กิตติศักดิ์:kittisak กฤษณะ:kritsana
ณัฐพล:natthaphon ณรงค์:narong บุญมี:bunmi บุญเลิศ:bunloet บุญส่ง:bunsong ทองดี:thongdi
ทองใบ:thongbai สุเมธ:sumet สุทธิพงษ์:sutthiphong เกียรติศักดิ์:kiattisak จักรพันธ์:chakkraphan
ชาญชัย:chanchai ไพโรจน์:phairot พงศกร:phongsakon ปกรณ์:pakon ปิยะ:piya มานพ:manop มนตรี:montri
ยุทธนา:yutthana รัฐพล:ratthaphon วรวุฒิ:worawut วิทยา:witthaya ศักดิ์ชัย:sakchai สราวุธ:sarawut
สุริยา:suriya อดิศร:adison อำนาจ:amnat เอกชัย:ekkachai ธวัชชัย:thawatchai นิพนธ์:niphon
บรรจง:banchong ประสิทธิ์:prasit พิชิต:phichit ภานุวัฒน์:phanuwat สมเกียรติ:somkiat สุวิทย์:suwit
เสถียร:sathian อุดม:udom ชูชาติ:chuchat คำปุน:khampun คำแสง:khamsaeng จรัญ:charan ถาวร:thawon
ทวี:thawi ธนากร:thanakon นคร:nakhon พีระพงษ์:phiraphong วัชระ:watchara ศุภชัย:supphachai
สุพจน์:suphot อรรถพล:attaphon เฉลิม:chaloem ดำรง:damrong สมาน:saman เสน่ห์:sane ชยพล:chayaphon
กฤตภาส:krittaphat สมคิด:somkhit บุญธรรม:buntham วินัย:winai ไพศาล:phaisan
"""
)

FEMALE_FIRST = _pairs(
    """
สมศรี:somsi สมใจ:somjai สุดา:suda สุภาพร:suphaphon สุนีย์:suni สุกัญญา:sukanya มาลี:mali
มาลัย:malai วันเพ็ญ:wanphen วรรณา:wanna อรุณี:aruni อัมพร:amphon กาญจนา:kanchana
จันทร์เพ็ญ:chanphen จิราพร:chiraphon ชุติมา:chutima ณัฐธิดา:natthida ดวงใจ:duangjai
ทองคำ:thongkham นงลักษณ์:nonglak นภา:napha นิตยา:nittaya บุญเรือน:bunruean บุษบา:butsaba
ประภา:prapha ปราณี:prani พรทิพย์:phonthip พิมพ์ใจ:phimjai เพ็ญศรี:phensi ภัทรา:phattra มณี:mani
รัตนา:rattana ลำดวน:lamduan วิไล:wilai ศิริพร:siriphon สายสุนีย์:saisuni สุพัตรา:suphattra
สุวรรณี:suwanni อรทัย:orathai อำไพ:amphai เยาวลักษณ์:yaowalak ยุพิน:yuphin รุ่งนภา:rungnapha
ลัดดา:ladda วาสนา:wasana ศศิธร:sasithon สมพร:somphon สายใจ:saijai อุไรวรรณ:uraiwan
แสงเดือน:saengduean คำปั่น:khampan บัวผัน:buaphan ทองพูน:thongphun ปิยะนุช:piyanut ปวีณา:pawina
กมลวรรณ:kamonwan ธิดารัตน์:thidarat นันทนา:nanthana พัชรี:phatchari เบญจวรรณ:benchawan
วิภาวรรณ:wiphawan อัญชลี:anchali ฐิติมา:thitima กนกวรรณ:kanokwan ขวัญใจ:khwanjai จารุณี:charuni
ดารุณี:daruni ทิพวรรณ:thipphawan นวลจันทร์:nuanchan ผ่องศรี:phongsi เรณู:renu อุบล:ubon
บังอร:bang-on สุนันทา:sunantha จำปี:champi ละเอียด:la-iat มยุรี:mayuri
"""
)

SURNAMES = _pairs(
    """
ศรีสุข:srisuk แก้วมณี:kaewmani ใจดี:jaidi บุญมา:bunma ทองคำ:thongkham สุขเจริญ:sukcharoen
วงศ์สวัสดิ์:wongsawat จันทร์หอม:chanhom รักษาศรี:raksasri พรหมมา:phromma แสงทอง:saengthong
สายบุญ:saibun ศรีวงศ์:sriwong บุญเรือง:bunrueang อินทร์แก้ว:inkaew คำภา:khampha ทองสุข:thongsuk
มีสุข:misuk ประเสริฐศรี:prasoetsri สมบูรณ์:sombun ชัยมงคล:chaimongkhon เจริญสุข:charoensuk
ศรีประเสริฐ:sriprasoet พึ่งบุญ:phuengbun กาญจนวงศ์:kanchanawong วงศ์ใหญ่:wongyai หอมจันทร์:homchan
ปัญญาดี:panyadi ใจบุญ:jaibun นาคสุข:naksuk บัวขาว:buakhao มั่นคง:mankhong สุวรรณรัตน์:suwannarat
ธรรมวงศ์:thammawong ศรีสวัสดิ์:srisawat รัตนพันธ์:rattanaphan ทองมา:thongma แก้วประเสริฐ:kaewprasoet
อ่อนศรี:onsri ยอดดี:yotdi คำแก้ว:khamkaew สีดา:sida ทองดี:thongdi บุญยืน:bunyuen ชื่นใจ:chuenjai
ผลดี:phondi ศักดิ์สิทธิ์:saksit พงษ์พันธ์:phongphan สิทธิชัย:sitthichai เพชรรัตน์:phetcharat
จันทร์แก้ว:chankaew ศรีจันทร์:srichan ทองอินทร์:thongin บุญประเสริฐ:bunprasoet วงศ์คำ:wongkham
มณีวงศ์:maniwong นิลสุวรรณ:ninsuwan สุขสวัสดิ์:suksawat แสนสุข:saensuk ดวงดี:duangdi ทองแท้:thongthae
เรืองศรี:rueangsri พิมพ์ดี:phimdi รุ่งเรือง:rungrueang ศรีสมบัติ:srisombat กิตติวงศ์:kittiwong
ภูมิใจ:phumjai นาคประเสริฐ:nakprasoet อุดมสุข:udomsuk สายทอง:saithong ธนาสาร:thanasan
ขันทอง:khanthong คงสวัสดิ์:khongsawat จิตดี:chitdi ศรีทอง:srithong บุญช่วย:bunchuai พรมดี:phromdi
ปัญญาวงศ์:panyawong มหาวงศ์:mahawong เกตุแก้ว:ketkaew สมัครดี:samakdi อินทร์สุข:insuk
วิเศษศักดิ์:wisetsak ชมภู:chomphu ทองประเสริฐ:thongprasoet สุขประเสริฐ:sukprasoet ศรีเมือง:srimueang
บุญญาศิริ:bunyasiri ใจมั่น:jaiman รักไทย:rakthai เทพสุวรรณ:thepsuwan นามวงศ์:namwong อาจหาญ:athan
ยิ่งยง:yingyong แสงจันทร์:saengchan ประทุมมา:prathumma คำมูล:khammun ไชยวงศ์:chaiyawong
ปิ่นแก้ว:pinkaew ดีประเสริฐ:diprasoet ทิพย์มณี:thipmani สุขใจ:sukjai ผาสุข:phasuk โพธิ์ทอง:phothong
โพธิ์ศรี:phosri ศรีนวล:srinuan บุญทัน:buntan ธรรมรักษ์:thammarak ชัยสิทธิ์:chaiyasit วงศ์ไทย:wongthai
หลวงแก้ว:luangkaew อุ่นใจ:unjai คำหล้า:khamla พันธ์ดี:phandi ศรีบุญเรือง:sribunrueang มูลสาร:munsan
ทาคำ:thakham เขียวขำ:khiaokham นาคทอง:nakthong กองแก้ว:kongkaew สิงห์คำ:singkham
ไชยมงคล:chaiyamongkhon จำปาทอง:champathong ดอกไม้:dokmai ทองหล่อ:thonglo บัวทอง:buathong
รัตนวงศ์:rattanawong สมปอง:sompong วรรณศรี:wannasri ศิริวัฒน์:siriwat จันทร์สว่าง:chansawang
สุริยวงศ์:suriyawong กุลวงศ์:kunlawong หาญกล้า:hankla เพชรสุวรรณ:phetsuwan มีชัย:michai
ทองเกิด:thongkoet บุญเกิด:bunkoet แก้วกาญจนา:kaewkanchana ศรีสุวรรณ:srisuwan ยิ้มแย้ม:yimyaem
เย็นใจ:yenjai ปานทอง:panthong มากมี:makmi สอนสุภาพ:sonsuphap เลิศล้ำ:loetlam นวลศรี:nuansri
ด้วงทอง:duangthong ชูทอง:chuthong ศรีหมอก:srimok ทองนาค:thongnak คงเจริญ:khongcharoen
เจริญผล:charoenphon ทรัพย์มาก:sapmak ทรัพย์สมบูรณ์:sapsombun สืบสาย:suepsai แก่นจันทร์:kaenchan
คำสุข:khamsuk อ่อนน้อม:onnom ไพรสณฑ์:phraison พูลสวัสดิ์:phunsawat ศรีเพ็ญ:sriphen ฉิมพลี:chimphli
สังข์ทอง:sangthong หมื่นศรี:muensri ทองย้อย:thongyoi วงศ์ษา:wongsa สาริกา:sarika จันทร์ดี:chandi
นิ่มนวล:nimnuan พวงมาลัย:phuangmalai ชัยชนะ:chaichana บุตรดี:butdi สายสุวรรณ:saisuwan
มหาไชย:mahachai ดวงจันทร์:duangchan ปัญญาใส:panyasai ลือชา:luecha พรหมวงศ์:phromwong
อุทัยวงศ์:uthaiwong แสงสว่าง:saengsawang ศรีรัตน์:srirat กันทะวงศ์:kanthawong ไชยลังกา:chailangka
อินต๊ะ:inta คำปัน:khampan วงศ์เมือง:wongmueang ปัญญาคำ:panyakham ตาคำ:takham หอมนาน:homnan
สุขเกษม:sukkasem บุญสม:bunsom ทองอ่อน:thongon แก้วดวงดี:kaewduangdi หมั่นเพียร:manphian
สะอาดดี:sa-atdi เหลืองอ่อน:lueang-on ชำนาญ:chamnan ขยันดี:khayandi นิยมไทย:niyomthai
มณีรัตน์:manirat เพ็งศรี:phengsri สุขสม:suksom ศรีไพร:sriphrai สมสุข:somsuk วิเศษสุข:wisetsuk
"""
)

# Index 12 and 13 are for monks: a พระครู is named by his title name alone, a พระมหา by his
# given name and his Pali name (ฉายา).
TITLES: tuple[str, ...] = (
    "นาย",
    "นาง",
    "นางสาว",
    "ผศ.ดร.",
    "รศ.ดร.",
    "ดร.",
    "อาจารย์",
    "นพ.",
    "พญ.",
)
TITLES += ("ว่าที่ร้อยตรี", "กำนัน", "ผู้ใหญ่บ้าน", "พระครู", "พระมหา")

MONK_NAMES = _words(
    """
สุนทรธรรมโกวิท วิมลปัญญาวัฒน์ โสภณธรรมรัต ประโชติสังฆกิจ สุวิธานปริยัติคุณ
พิพัฒน์ธรรมานุยุต อุดมประภากร ศรีสิริธรรม วิจิตรธรรมาภรณ์ ปลัดสุวัฒนวิริยคุณ
"""
)
PALI_NAMES = ("ฐิตญาโณ", "ปญฺญาวโร", "จนฺทสโร", "ธมฺมทีโป", "สุเมโธ", "อตฺตสนฺโต", "กตปุญฺโญ")

VILLAGE_HEADS = "หนอง ดอน โคก นา ห้วย ท่า บึง สระ วัง โนน ป่า ทุ่ง หัว แม่ ปาก เหล่า คลอง บ่อ ไร่ ซับ"
VILLAGE_TAILS = "บัว แก้ว ใหญ่ ยาง ทอง ขาม สะแก จิก ไผ่ ม่วง กุง แดง เหนือ ใต้ คำ โพธิ์ ตะเคียน หิน ทราย"
VILLAGES = tuple(h + t for h in _words(VILLAGE_HEADS) for t in _words(VILLAGE_TAILS))

PRODUCTS = _words(
    """
ข้าวอินทรีย์ ผ้าทอมือ แปรรูปกล้วย ผักปลอดสารพิษ สมุนไพร กาแฟ น้ำพริกแม่บ้าน
ผ้าย้อมคราม จักสานไม้ไผ่ เลี้ยงผึ้ง โฮมสเตย์ ปุ๋ยอินทรีย์ เห็ดนางฟ้า ปลาส้ม
"""
)


PHONE_PREFIXES = (61, 62, 63, 64, 65, 66, *range(80, 100))  # Thai mobile numbers: 06x, 08x, 09x
DOMAINS = ("example.org", "example.com", "example.co.th")  # reserved for examples (RFC 2606)


class Issue(NamedTuple):
    thai: str
    slug: str
    weight: float


ISSUES = (
    Issue("สุขภาพ", "health", 18),
    Issue("เศรษฐกิจชุมชน", "community-economy", 12),
    Issue("ผู้สูงอายุ", "elderly", 10),
    Issue("เกษตรอินทรีย์", "organic-farming", 9),
    Issue("สิ่งแวดล้อม", "environment", 8),
    Issue("เด็กและเยาวชน", "youth", 8),
    Issue("การศึกษา", "education", 8),
    Issue("ภัยพิบัติ", "disaster", 6),
    Issue("ท่องเที่ยวชุมชน", "community-tourism", 5),
    Issue("ป่าชุมชน", "community-forest", 5),
    Issue("คนพิการ", "disability", 3),
    Issue("ที่ดินและที่อยู่อาศัย", "housing", 3),
    Issue("วัฒนธรรมท้องถิ่น", "local-culture", 3),
    Issue("ความปลอดภัยทางถนน", "road-safety", 2),
)

# (name, share of ties, may be directed: funding and mentoring flow one way)
TIE_KINDS = (
    ("แลกเปลี่ยนข้อมูล", 0.45, False),
    ("กิจกรรมร่วม", 0.25, False),
    ("ทรัพยากร", 0.12, False),
    ("ทุน", 0.08, True),
    ("พี่เลี้ยง", 0.10, True),
)


class Template(NamedTuple):
    """An organization or group. ``level`` says how many can exist: N one in the nation, P one
    per province, D per district, S per subdistrict, V any number per village. ``size`` weighs
    its staff and its ties. ``where``: * anywhere, r not in Bangkok, o not in Bangkok nor in the
    capital district of a province, b only in Bangkok."""

    level: str
    sector: str
    subsector: str
    size: float
    where: str
    issues: tuple[str, ...]
    pattern: str

    def allowed(self, bangkok: bool, capital: bool) -> bool:
        if bangkok and self.level == "P" and "จังหวัด" in self.pattern:
            return False
        where = {"*": True, "r": not bangkok, "o": not (bangkok or capital), "b": bangkok}
        return where[self.where]


SECTORS = {"G": "government", "A": "academic", "C": "civil"}
SUBSECTORS = {
    "cen": "central government",
    "pro": "provincial government",
    "loc": "local government",
    "uni": "university",
    "sch": "school",
    "com": "community",
    "ngo": "NGO",
    "biz": "business",
    "med": "media",
}
# The subsectors as the demo's actors carry them: in Thai, as a Thai agency writes them.
THAI_SUBSECTORS = {
    "central government": "ราชการส่วนกลาง",
    "provincial government": "ราชการส่วนภูมิภาค",
    "local government": "องค์กรปกครองส่วนท้องถิ่น",
    "university": "สถาบันอุดมศึกษา",
    "school": "โรงเรียน",
    "community": "ชุมชน",
    "NGO": "องค์กรพัฒนาเอกชน",
    "business": "ธุรกิจเอกชน",
    "media": "สื่อมวลชน",
}


def _templates(table: str) -> tuple[Template, ...]:
    rows = []
    for line in table.strip().splitlines():
        level, sector, subsector, size, where, issues, pattern = line.split(maxsplit=6)
        rows.append(
            Template(
                level,
                SECTORS[sector],
                SUBSECTORS[subsector],
                float(size),
                where,
                tuple(issues.split(",")),
                pattern,
            )
        )
    return tuple(rows)


# {p} province, {d} district, {s} subdistrict, {v} village (บ้าน…, ชุมชน… in Bangkok), {w} its bare
# name, {x} a product. In Bangkok, provincial bodies named จังหวัด… do not exist.
ORGANIZATIONS = _templates(
    """
N G cen 60 * community-economy,housing สถาบันพัฒนาองค์กรชุมชน (องค์การมหาชน)
N G cen 60 * health,road-safety สำนักงานกองทุนสนับสนุนการสร้างเสริมสุขภาพ
N G cen 40 * health,elderly สำนักงานหลักประกันสุขภาพแห่งชาติ
N A uni 30 * health สถาบันวิจัยระบบสาธารณสุข
N C ngo 30 * health มูลนิธิสาธารณสุขแห่งชาติ
P G pro 30 * health,elderly สำนักงานสาธารณสุขจังหวัด{p}
P G pro 15 * elderly,disability สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{p}
P G pro 15 * environment,community-forest สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด{p}
P G pro 12 * disaster สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด{p}
P G pro 15 * community-economy สำนักงานพัฒนาชุมชนจังหวัด{p}
P G pro 12 * organic-farming สำนักงานเกษตรจังหวัด{p}
P G pro 8 * community-tourism สำนักงานการท่องเที่ยวและกีฬาจังหวัด{p}
P G pro 10 * education,youth สำนักงานศึกษาธิการจังหวัด{p}
P G loc 20 r health,education องค์การบริหารส่วนจังหวัด{p}
P G cen 15 r health โรงพยาบาล{p}
P A uni 25 r education,community-economy มหาวิทยาลัยราชภัฏ{p}
P A uni 8 r education,community-economy วิทยาลัยชุมชน{p}
P A uni 8 * health,elderly วิทยาลัยพยาบาลบรมราชชนนี {p}
P A sch 6 r organic-farming วิทยาลัยเกษตรและเทคโนโลยี{p}
P A sch 5 r education วิทยาลัยเทคนิค{p}
P C biz 10 * community-economy,community-tourism หอการค้าจังหวัด{p}
P C biz 6 * community-economy,environment สภาอุตสาหกรรมจังหวัด{p}
P C com 10 * community-economy,housing สภาองค์กรชุมชนจังหวัด{p}
P C ngo 6 r community-forest,environment มูลนิธิรักษ์ป่า{p}
P C ngo 6 * youth,education มูลนิธิพัฒนาเด็กและเยาวชน{p}
P C ngo 6 * organic-farming สมาคมเกษตรกรรมยั่งยืน{p}
P C ngo 6 * disaster,road-safety สมาคมอาสาสมัครกู้ภัย{p}
P C ngo 4 * disability สมาคมคนพิการจังหวัด{p}
P C biz 5 * community-tourism สมาคมส่งเสริมการท่องเที่ยวจังหวัด{p}
P C med 5 * local-culture,disaster ข่าว{p}ออนไลน์
D G pro 4 r disaster,community-economy ที่ทำการปกครองอำเภอ{d}
D G pro 5 r health สำนักงานสาธารณสุขอำเภอ{d}
D G cen 5 o health,elderly โรงพยาบาล{d}
D G pro 3 r organic-farming สำนักงานเกษตรอำเภอ{d}
D G pro 3 r community-economy สำนักงานพัฒนาชุมชนอำเภอ{d}
D G loc 5 b housing,disaster สำนักงานเขต{d}
D G loc 4 b health,elderly ศูนย์บริการสาธารณสุข {d}
D A sch 3 * education,youth โรงเรียน{d}วิทยาคม
D C biz 3 r organic-farming,community-economy สหกรณ์การเกษตร{d} จำกัด
D C med 2 * local-culture สถานีวิทยุชุมชนคนรัก{d}
S G loc 1.2 r disaster,elderly องค์การบริหารส่วนตำบล{s}
S G loc 0.8 r environment,elderly เทศบาลตำบล{s}
S G loc 1.2 r health,elderly โรงพยาบาลส่งเสริมสุขภาพตำบล{s}
S C com 1.5 r community-economy,housing สภาองค์กรชุมชนตำบล{s}
V A sch 0.5 * education,youth โรงเรียน{v}
V C com 0.5 * local-culture,elderly วัด{w}
V C com 0.6 * community-economy,organic-farming,community-tourism วิสาหกิจชุมชน{x}{v}
V C biz 0.3 * community-economy ห้างหุ้นส่วนจำกัด {w}พาณิชย์
"""
)

GROUPS = _templates(
    """
V C com 1 * health,elderly กลุ่มอาสาสมัครสาธารณสุขประจำหมู่บ้าน {v}
V C com 1 * elderly,health ชมรมผู้สูงอายุ{v}
V C com 1 * youth,local-culture กลุ่มเยาวชน{v}
V C com 1 * community-economy,organic-farming กลุ่มแม่บ้านเกษตรกร{v}
V C com 1 * community-forest,environment กลุ่มอนุรักษ์ป่าชุมชน{v}
V C com 1 * organic-farming กลุ่มเกษตรอินทรีย์{v}
V C com 1 * community-economy กลุ่มออมทรัพย์เพื่อการผลิต{v}
V C com 1 * community-tourism กลุ่มท่องเที่ยวโดยชุมชน{v}
V C com 1 * environment,disaster กลุ่มผู้ใช้น้ำ{v}
S C com 1 r disaster อาสาสมัครป้องกันภัยฝ่ายพลเรือนตำบล{s}
S C com 1 r disability ชมรมคนพิการตำบล{s}
D C com 1 r youth สภาเด็กและเยาวชนอำเภอ{d}
D C com 1 r organic-farming เครือข่ายเกษตรอินทรีย์อำเภอ{d}
"""
)
