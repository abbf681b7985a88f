/* core/demo.c - generate a demo community.
 *
 * The word lists below are data: surnames weighted by how common they
 * are, given-name characters, compounds, findings of visits, dispute
 * summaries, meeting topics.  The generator walks compound by compound,
 * household by household, and writes through db/demo.c as it goes, so
 * memory holds only the ids it needs to pick parties and attendees. */
#include "demo.h"

#include "date.h"
#include "db/demo.h"
#include "idcard.h"
#include "rng.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N(a) ((int)ARRAY_SIZE(a))

/* ---- word lists ---- */

static const struct { const char *name; int weight; } surnames[] = {
	{ "王", 72 }, { "李", 72 }, { "张", 68 }, { "刘", 54 }, { "陈", 45 }, { "杨", 31 },
	{ "黄", 22 }, { "赵", 21 }, { "吴", 20 }, { "周", 19 }, { "徐", 14 }, { "孙", 13 },
	{ "马", 12 }, { "朱", 11 }, { "胡", 10 }, { "郭", 9 }, { "何", 9 }, { "高", 9 },
	{ "林", 9 }, { "罗", 8 }, { "郑", 7 }, { "梁", 7 }, { "谢", 6 }, { "宋", 5 },
	{ "唐", 5 }, { "许", 5 }, { "韩", 4 }, { "冯", 4 }, { "邓", 4 }, { "曹", 4 },
	{ "彭", 4 }, { "曾", 4 }, { "肖", 4 }, { "田", 3 }, { "董", 3 }, { "袁", 3 },
	{ "潘", 3 }, { "于", 3 }, { "蒋", 3 }, { "蔡", 3 }, { "余", 3 }, { "杜", 3 },
	{ "叶", 3 }, { "程", 3 }, { "苏", 3 }, { "魏", 3 }, { "吕", 3 }, { "丁", 3 },
	{ "任", 2 }, { "沈", 2 }, { "欧阳", 2 }, { "司马", 1 }, { "诸葛", 1 }, { "上官", 1 },
};

static const char *const male_chars[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华",
	"飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊", "帆", "旭", "宁", "龙", "林",
	"阳", "建", "国", "志", "文", "海", "东", "亮", "成", "博", "晨", "德", "福", "庆",
};
static const char *const female_chars[] = {
	"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "玲", "桂", "兰", "燕",
	"萍", "红", "梅", "琳", "雪", "婷", "颖", "慧", "洁", "佳", "倩", "欣", "怡", "悦",
	"晶", "蕾", "月", "丹", "莉", "茜", "凤", "珍", "淑", "素", "琴", "云",
};
/* Uyghur names are written given name · father's name. */
static const char *const uy_male[] = { "买买提", "艾力", "阿不都", "吐尔逊", "艾合买提", "努尔兰" };
static const char *const uy_female[] = { "阿依古丽", "古丽娜尔", "热依拉", "帕提古丽", "米娜瓦尔" };
static const char *const uy_father[] = { "买买提", "艾力", "阿不都热依木", "吐尔逊", "依明", "亚森" };

static const struct { const char *name; int weight; } ethnicities[] = {
	{ "汉族", 930 }, { "回族", 20 }, { "满族", 20 }, { "蒙古族", 10 }, { "壮族", 8 },
	{ "朝鲜族", 6 }, { "土家族", 4 }, { "苗族", 2 },
};

static const char *const local_areas[] = { "110105", "110101", "110102", "110106", "110108" };
static const char *const other_areas[] = {
	"130102", "370102", "410105", "510104", "420106", "340104", "430102", "650102", "220102",
};

static const char *const compounds[] = {
	"幸福里小区", "和平苑", "向阳院", "金桥花园", "建国里", "光明小区", "团结湖北里",
	"枣林社区", "丽水嘉园", "翠微小区", "红星家园", "春晖园", "东湖湾", "锦绣花园",
	"新华里", "长青园", "福安里", "西坝河南里", "兴隆家园", "安华西里",
};
static const char *const phases[] = { "", "二期", "三期", "东区", "西区", "南区", "北区" };

static const char *const occupations[] = {
	"教师", "医生", "护士", "工程师", "会计", "司机", "厨师", "销售", "公务员", "个体经营",
	"快递员", "保安", "工人", "程序员", "律师", "店员", "电工", "保洁员", "设计师", "文员",
};

static const char *const findings[] = {
	"老人身体状况良好，生活能自理，家中整洁。",
	"独居老人血压偏高，已提醒按时服药并留下联系电话。",
	"家中燃气灶软管老化，已提醒更换。",
	"子女在外地工作，老人希望社区定期探望。",
	"低保材料齐全，核实家庭收入无变化。",
	"残疾人辅具使用正常，反映出行不便。",
	"租户信息已登记，提醒遵守小区管理规定。",
	"居民对近期楼道清理工作表示满意。",
	"反映楼上漏水，已联系物业查看。",
	"家庭关系和睦，无特殊情况。",
	"老人近期住院，出院后需要陪护。",
	"孩子放学后无人照看，建议参加社区四点半课堂。",
	"已宣传反诈知识，发放宣传资料。",
	"核实户籍信息，与登记一致。",
	"邻里因噪声有矛盾苗头，已做疏导。",
};
static const char *const needs[] = {
	"希望加装楼道扶手。", "申请居家养老服务。", "咨询医保报销政策。", "希望解决停车难问题。",
	"申请临时救助。", "希望社区组织健康讲座。", "反映路灯不亮。", "咨询适老化改造补贴。",
};

static const struct { const char *type, *summary, *claims; } disputes[] = {
	{ "邻里纠纷", "双方因楼道堆放杂物发生争执，多次协商未果。", "请求对方清理楼道杂物。" },
	{ "婚姻家庭", "夫妻因赡养老人费用分担产生矛盾。", "请求合理分担赡养费用。" },
	{ "物业纠纷", "业主因房屋渗水与物业公司就维修责任发生争议。", "请求物业公司维修并赔偿损失。" },
	{ "房屋宅基地", "双方就共用院墙的归属与维修发生争议。", "请求确认院墙归属并共同维修。" },
	{ "损害赔偿", "楼上住户装修导致楼下天花板受损。", "请求赔偿维修费用。" },
	{ "劳动争议", "装修工人与雇主就工钱结算发生争议。", "请求支付拖欠的工钱。" },
	{ "合同纠纷", "房屋租赁合同到期后押金退还发生争议。", "请求退还押金。" },
	{ "噪声扰民", "楼上住户夜间噪声影响休息。", "请求对方夜间降低噪声。" },
	{ "养犬", "邻居饲养的犬只未拴绳，惊吓老人。", "请求对方文明养犬并赔礼道歉。" },
	{ "私搭乱建", "住户在公共区域私自搭建储物棚。", "请求拆除违建，恢复公共区域。" },
};
static const struct { const char *name; int weight; } case_sources[] = {
	{ "当事人申请", 60 }, { "主动排查", 15 }, { "派出所移交", 10 }, { "法院委托", 5 },
	{ "街道转办", 8 }, { "其他", 2 },
};

static const char *const meeting_topics[] = {
	"关于加装电梯的议事", "小区停车位划分方案", "垃圾分类投放点设置", "楼道堆物清理",
	"公共绿地改造", "物业费调整听证", "老旧小区改造方案", "社区养老服务站选址",
	"文明养犬公约", "电动车充电桩安装", "居民公约修订", "健身器材更新",
	"雨污分流改造", "社区食堂运营", "消防通道整治",
};
static const char *const meeting_kinds[] = {
	"居民代表会议", "居民议事会", "听证会", "民情恳谈会", "两委联席会议", "业委会物业联席会", "居民会议",
};
static const char *const places[] = { "社区居委会二楼会议室", "社区党群服务中心", "小区活动室" };

/* ---- the generator ---- */

struct person {
	char name[64];
	const char *sex;
	const char *ethnicity;
	char birth[11];
	char id[19];
	int age;
	bool has_id;
};

struct hh {
	int64_t id;
	int grid;
	bool tagged;
};

struct gen {
	struct rng r;
	struct demo_db *d;
	const char *login;  /* who made the demo: its 主任 */
	struct demo_stats *st;
	char today[11];
	long today_n;
	int64_t *grid_worker; /* staff id per grid */
	int64_t *grid_ids;
	int ngrids;
	int64_t director, social[3], mediators[2], viewer;
	struct hh *hh;
	int nhh;
	int64_t *adults; /* resident ids of living adults, for parties and meetings */
	int nadults, capadults;
	uint64_t *idset; /* open addressing set of 17-digit ID prefixes */
	size_t idcap, idcount;
	int reg_seq;     /* households given a 户号 so far */
	int staff_seq;
};

#define PICK(g, a) ((a)[rng_range(&(g)->r, 0, N(a) - 1)])

static int weighted_name(struct gen *g, const int *w, int n)
{
	return (int)rng_weighted(&g->r, w, (size_t)n);
}

static const char *surname(struct gen *g)
{
	static int w[N(surnames)];
	if (!w[0])
		for (int i = 0; i < N(surnames); i++)
			w[i] = surnames[i].weight;
	return surnames[weighted_name(g, w, N(surnames))].name;
}

static const char *ethnicity(struct gen *g)
{
	static int w[N(ethnicities)];
	if (!w[0])
		for (int i = 0; i < N(ethnicities); i++)
			w[i] = ethnicities[i].weight;
	return ethnicities[weighted_name(g, w, N(ethnicities))].name;
}

static void date_days_ago(struct gen *g, long days, char *buf)
{
	date_from_days(g->today_n - days, buf);
}

static void id_put(uint64_t *set, size_t cap, uint64_t key)
{
	size_t mask = cap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ull) & mask;
	while (set[i])
		i = (i + 1) & mask;
	set[i] = key;
}

/* Remember a 17-digit ID prefix; false when it was taken.  The table
 * grows before it is half full (staff, parties and attendees come on
 * top of the residents, and a tiny demo would otherwise fill it). */
static bool id_claim(struct gen *g, uint64_t key)
{
	size_t mask = g->idcap - 1, i = (size_t)(key * 0x9E3779B97F4A7C15ull) & mask;
	while (g->idset[i]) {
		if (g->idset[i] == key)
			return false;
		i = (i + 1) & mask;
	}
	if ((g->idcount + 1) * 2 > g->idcap) {
		size_t cap = g->idcap * 2;
		uint64_t *set = x_calloc(cap, sizeof *set);
		for (size_t k = 0; k < g->idcap; k++)
			if (g->idset[k])
				id_put(set, cap, g->idset[k]);
		x_free(&g->idset);
		g->idset = set;
		g->idcap = cap;
	}
	id_put(g->idset, g->idcap, key);
	g->idcount++;
	return true;
}

static void make_id(struct gen *g, struct person *p, const char *area)
{
	char d[18];
	memcpy(d, area, 6);
	memcpy(d + 6, p->birth, 4);
	memcpy(d + 10, p->birth + 5, 2);
	memcpy(d + 12, p->birth + 8, 2);
	bool male = strcmp(p->sex, "男") == 0;
	int seq = rng_range(&g->r, 0, 499) * 2 + (male ? 1 : 0);
	for (int tries = 0; tries < 500; tries++) {
		d[14] = (char)('0' + seq / 100);
		d[15] = (char)('0' + seq / 10 % 10);
		d[16] = (char)('0' + seq % 10);
		d[17] = '\0';
		if (id_claim(g, strtoull(d, NULL, 10)))
			break;
		seq = (seq + 2) % 1000;
	}
	memcpy(p->id, d, 17);
	p->id[17] = idcard_check_char(d);
	p->id[18] = '\0';
	p->has_id = true;
}

/* A person of the given sex and age; surname NULL picks one. */
static void make_person(struct gen *g, struct person *p, bool male, int age,
			const char *family, const char *eth, bool local)
{
	memset(p, 0, sizeof *p);
	p->sex = male ? "男" : "女";
	p->age = age;
	p->ethnicity = eth ? eth : ethnicity(g);
	if (strcmp(p->ethnicity, "维吾尔族") == 0) {
		snprintf(p->name, sizeof p->name, "%s·%s",
			 male ? PICK(g, uy_male) : PICK(g, uy_female), PICK(g, uy_father));
	} else {
		const char *sn = family ? family : surname(g);
		const char *a = male ? PICK(g, male_chars) : PICK(g, female_chars);
		if (rng_chance(&g->r, 300))
			snprintf(p->name, sizeof p->name, "%s%s", sn, a);
		else
			snprintf(p->name, sizeof p->name, "%s%s%s", sn, a,
				 male ? PICK(g, male_chars) : PICK(g, female_chars));
	}
	long days = (long)age * 365 + age / 4 + rng_range(&g->r, 1, 360);
	date_days_ago(g, days, p->birth);
	/* Small children and some newcomers have no number on file yet. */
	if ((age < 3 && rng_chance(&g->r, 500)) || rng_chance(&g->r, 30))
		return;
	make_id(g, p, local ? PICK(g, local_areas) : PICK(g, other_areas));
}

static void mobile(struct gen *g, char *buf, size_t n)
{
	static const char *const prefixes[] = { "13", "15", "17", "18", "19" };
	snprintf(buf, n, "%s%d%08d", PICK(g, prefixes), rng_range(&g->r, 0, 9),
		 rng_range(&g->r, 0, 99999999));
}

static void remember_adult(struct gen *g, int64_t id)
{
	if (g->nadults == g->capadults) {
		g->capadults = g->capadults ? g->capadults * 2 : 1024;
		g->adults = x_realloc(g->adults, (size_t)g->capadults * sizeof *g->adults);
	}
	g->adults[g->nadults++] = id;
}

static const char *education_for(struct gen *g, int age)
{
	static const char *const young[] = { "大学本科", "大学专科", "高中", "研究生", "中专", "初中" };
	static const char *const old[] = { "初中", "高中", "小学", "中专", "大学专科", "大学本科", "未上学" };
	if (age < 7)
		return NULL;
	if (age < 12)
		return "小学";
	if (age < 15)
		return "初中";
	if (age < 18)
		return "高中";
	return age < 50 ? PICK(g, young) : PICK(g, old);
}

/* Write one resident; returns its id. */
static int64_t add_resident(struct gen *g, int64_t hid, const struct person *p,
			    const char *relation, bool flow)
{
	char phone[16] = "", since[11], status_date[11];
	struct demo_resident r = { 0 };
	r.household_id = hid;
	r.name = p->name;
	r.sex = p->sex;
	r.birth_date = p->birth;
	r.id_number = p->has_id ? p->id : NULL;
	r.ethnicity = p->ethnicity;
	r.relation = relation;
	if (p->age >= 16 && p->age <= 80 && rng_chance(&g->r, 850)) {
		mobile(g, phone, sizeof phone);
		r.phone = phone;
	}
	r.education = education_for(g, p->age);
	if (p->age < 6)
		r.employment = "学龄前";
	else if (p->age < 22)
		r.employment = "学生";
	else if (p->age >= 60)
		r.employment = "退休";
	else {
		int k = rng_range(&g->r, 0, 99);
		r.employment = k < 82 ? "在职" : k < 90 ? "失业" : "无业";
		if (k < 82)
			r.occupation = PICK(g, occupations);
	}
	if (p->age >= 18 && rng_chance(&g->r, 90))
		r.political = p->age >= 20 && rng_chance(&g->r, 950) ? "中共党员" : "中共预备党员";
	else if (p->age >= 14 && p->age <= 28 && rng_chance(&g->r, 300))
		r.political = "共青团员";
	else if (p->age >= 18)
		r.political = "群众";
	if (flow) {
		r.residence_type = "流动人口";
		date_days_ago(g, rng_range(&g->r, 30, 2000), since);
		r.arrival_date = since;
		static const char *const why[] = { "务工", "经商", "投靠亲友", "就学" };
		r.arrival_reason = PICK(g, why);
	}
	/* A few members have moved away or died; the head stays. */
	if (strcmp(relation, "户主") != 0) {
		if (rng_chance(&g->r, 15)) {
			static const char *const to[] = { "海淀区", "上海市浦东新区", "天津市", "河北省廊坊市" };
			r.status = "迁出";
			date_days_ago(g, rng_range(&g->r, 10, 900), status_date);
			r.status_date = status_date;
			r.moved_to = PICK(g, to);
		} else if (p->age >= 70 && rng_chance(&g->r, 40)) {
			r.status = "死亡";
			date_days_ago(g, rng_range(&g->r, 10, 900), status_date);
			r.status_date = status_date;
		}
		/* Not before the birth (a baby who moved away with its
		 * mother); the same draws, so the demo stays the same. */
		if (r.status_date && strcmp(status_date, p->birth) < 0)
			memcpy(status_date, p->birth, sizeof status_date);
	}
	int64_t id = demo_db_resident(g->d, &r);
	if (!id)
		return 0;
	g->st->residents++;
	bool living = !r.status;
	if (living && p->age >= 18)
		remember_adult(g, id);
	if (!living)
		return id;
	/* Tags that follow from the person. */
	char tsince[11];
	date_days_ago(g, rng_range(&g->r, 30, 1500), tsince);
	if (p->age >= 80)
		demo_db_resident_tag(g->d, id, "高龄老人", p->birth, NULL);
	if (flow)
		demo_db_resident_tag(g->d, id, "流动人口", r.arrival_date, NULL);
	if (strcmp(p->sex, "男") == 0 && p->age >= 30 && rng_chance(&g->r, 25))
		demo_db_resident_tag(g->d, id, "退役军人", tsince, NULL);
	if (p->age >= 18 && p->age <= 70 && rng_chance(&g->r, 30))
		demo_db_resident_tag(g->d, id, "志愿者", tsince, "参加社区志愿服务队");
	if (p->age >= 18 && rng_chance(&g->r, 2))
		demo_db_resident_tag(g->d, id, PICK(g, ((const char *const[]){ "社区矫正", "刑满释放", "严重精神障碍" })),
				     tsince, "按规定管理");
	if (p->age < 16 && rng_chance(&g->r, 6))
		demo_db_resident_tag(g->d, id, rng_chance(&g->r, 500) ? "留守儿童" : "困境儿童", tsince, NULL);
	return id;
}

static void tag_household(struct gen *g, struct hh *h, const char *tag, const char *note)
{
	char since[11];
	date_days_ago(g, rng_range(&g->r, 60, 1500), since);
	demo_db_household_tag(g->d, h->id, tag, since, note);
	h->tagged = true;
}

/* The surname of a Han name into buf (32 bytes): the compound ones of
 * the list are two characters, the rest one. */
static void surname_of(const char *name, char *buf)
{
	size_t n = 3; /* one CJK character */
	for (int i = 0; i < N(surnames); i++)
		if (strlen(surnames[i].name) == 6 && strncmp(name, surnames[i].name, 6) == 0)
			n = 6;
	memcpy(buf, name, n);
	buf[n] = '\0';
}

/* The people of one household, by a template chosen at random. */
static void populate(struct gen *g, struct hh *h, bool flow, bool moved_out)
{
	static const int templ_w[] = { 20, 120, 100, 470, 150, 130, 10 };
	int t = (int)rng_weighted(&g->r, templ_w, N(templ_w));
	struct person head, p;
	bool uy = rng_chance(&g->r, 10);
	const char *eth = uy ? "维吾尔族" : NULL;
	bool male_head = rng_chance(&g->r, 700);
	int head_age;
	switch (t) {
	case 0: head_age = rng_range(&g->r, 70, 94); break;     /* living alone, old */
	case 1: head_age = rng_range(&g->r, 22, 60); break;     /* single adult */
	case 2: head_age = rng_range(&g->r, 62, 88); break;     /* elderly couple */
	case 3: head_age = rng_range(&g->r, 28, 55); break;     /* couple with children */
	case 4: head_age = rng_range(&g->r, 35, 52); break;     /* three generations */
	case 5: head_age = rng_range(&g->r, 24, 60); break;     /* couple */
	default: head_age = rng_range(&g->r, 30, 60); break;    /* siblings */
	}
	make_person(g, &head, male_head, head_age, NULL, eth, !flow);
	/* Children share the father's surname: the head's, or the
	 * husband's when the head is a woman (set below). */
	char fam[32] = "";
	if (male_head && !uy)
		surname_of(head.name, fam);
	const char *family = fam[0] ? fam : NULL;
	int64_t head_id = add_resident(g, h->id, &head, "户主", flow);
	if (!head_id)
		return;
	if (t == 0 && head_age >= 60)
		demo_db_resident_tag(g->d, head_id, "独居老人", NULL, "子女不在身边");
	if (t == 0 && rng_chance(&g->r, 100))
		demo_db_resident_tag(g->d, head_id, "特困供养", NULL, NULL);
	if (t == 0 || t == 2)
		h->tagged = true;
	bool couple = t >= 2 && t <= 5;
	if (couple) {
		int age = head_age + rng_range(&g->r, -4, 3);
		make_person(g, &p, !male_head, age < 20 ? 20 : age, NULL, eth, !flow);
		int64_t sid = add_resident(g, h->id, &p, "配偶", flow);
		if (!male_head && !uy) {
			surname_of(p.name, fam);
			family = fam;
		}
		if (t == 2 && rng_chance(&g->r, 500)) {
			demo_db_resident_tag(g->d, head_id, "空巢老人", NULL, NULL);
			demo_db_resident_tag(g->d, sid, "空巢老人", NULL, NULL);
		}
	}
	if (t == 3 || t == 4) {
		int kids = rng_chance(&g->r, 700) ? 1 : 2;
		for (int i = 0; i < kids; i++) {
			bool boy = rng_chance(&g->r, 510);
			int age = head_age - rng_range(&g->r, 24, 34);
			make_person(g, &p, boy, age < 0 ? 0 : age, family, eth, !flow);
			add_resident(g, h->id, &p, boy ? "子" : "女", flow);
		}
	}
	if (t == 4) {
		int parents = rng_chance(&g->r, 500) ? 1 : 2;
		for (int i = 0; i < parents; i++) {
			make_person(g, &p, i == 0 ? rng_chance(&g->r, 400) : false,
				    head_age + rng_range(&g->r, 24, 32), NULL, eth, !flow);
			add_resident(g, h->id, &p, "父母", flow);
		}
	}
	if (t == 6) {
		make_person(g, &p, rng_chance(&g->r, 500), head_age + rng_range(&g->r, -5, 5), family, eth, !flow);
		add_resident(g, h->id, &p, "兄弟姐妹", flow);
	}
	/* Household tags in realistic shares. */
	if (!moved_out) {
		if (rng_chance(&g->r, 30))
			tag_household(g, h, "低保户", "按月发放低保金");
		else if (rng_chance(&g->r, 20))
			tag_household(g, h, "低收入家庭", NULL);
		if (rng_chance(&g->r, 50)) {
			/* a disabled member: the head, for simplicity */
			char since[11];
			date_days_ago(g, rng_range(&g->r, 100, 3000), since);
			demo_db_resident_tag(g->d, head_id, rng_chance(&g->r, 250) ? "重度残疾" : "残疾人",
					     since, "持残疾人证");
			h->tagged = true;
		}
		if (t == 2 && rng_chance(&g->r, 20))
			tag_household(g, h, "失独家庭", NULL);
		if (rng_chance(&g->r, 5))
			tag_household(g, h, "党员中心户", NULL);
	}
}

static int64_t add_staff(struct gen *g, const char *role, const char *login)
{
	struct person p;
	char phone[16];
	make_person(g, &p, rng_chance(&g->r, 400), rng_range(&g->r, 28, 55), NULL, "汉族", true);
	mobile(g, phone, sizeof phone);
	char auto_login[32];
	if (!login) {
		snprintf(auto_login, sizeof auto_login, "staff%03d", ++g->staff_seq);
		login = auto_login;
	}
	int64_t id = demo_db_staff(g->d, p.name, role, login, phone);
	if (id)
		g->st->staff++;
	return id;
}

static void make_staff_and_grids(struct gen *g, int households)
{
	g->director = add_staff(g, "主任", g->login);
	for (int i = 0; i < 3; i++)
		g->social[i] = add_staff(g, "社工", NULL);
	for (int i = 0; i < 2; i++)
		g->mediators[i] = add_staff(g, "调解员", NULL);
	g->viewer = add_staff(g, "街道查看", "jiedao");
	g->ngrids = (households + 100) / 200;
	if (g->ngrids < 1)
		g->ngrids = 1;
	g->grid_ids = x_calloc((size_t)g->ngrids, sizeof *g->grid_ids);
	g->grid_worker = x_calloc((size_t)g->ngrids, sizeof *g->grid_worker);
	static const char *const cn[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
	for (int i = 0; i < g->ngrids; i++) {
		char code[16], name[64];
		snprintf(code, sizeof code, "WG%03d", i + 1);
		if (i < 10)
			snprintf(name, sizeof name, "第%s网格", cn[i]);
		else
			snprintf(name, sizeof name, "第%d网格", i + 1);
		g->grid_worker[i] = add_staff(g, "网格员", NULL);
		g->grid_ids[i] = demo_db_grid(g->d, code, name, g->grid_worker[i]);
		demo_db_staff_grid(g->d, g->grid_worker[i], g->grid_ids[i]);
		g->st->grids++;
	}
}

/* One dwelling and, unless it stands empty, its household. */
static bool one_dwelling(struct gen *g, const char *compound, int b, int u, int f, int door,
			 int households)
{
	char bs[24], us[24], rs[24];
	snprintf(bs, sizeof bs, "%d", b);
	snprintf(us, sizeof us, "%d", u);
	snprintf(rs, sizeof rs, "%d%02d", f, door);
	int grid = (int)((long)g->nhh * g->ngrids / households);
	static const int tw[] = { 700, 200, 30, 40, 30 };
	static const char *const tenure[] = { "自有自住", "租住", "借住", "单位公房", "空置" };
	int k = (int)rng_weighted(&g->r, tw, N(tw));
	int64_t did = demo_db_dwelling(g->d, g->grid_ids[grid], compound, bs, us, rs, tenure[k]);
	if (!did)
		return false;
	g->st->dwellings++;
	if (k == 4)
		return true; /* empty */
	static const int kw[] = { 700, 150, 100, 50 };
	static const char *const kinds[] = { "户籍户", "常住户", "流动户", "人户分离" };
	int kind = (int)rng_weighted(&g->r, kw, N(kw));
	if (k == 1 && kind == 0 && rng_chance(&g->r, 500))
		kind = 2; /* tenants are often newcomers */
	bool moved_out = rng_chance(&g->r, 10);
	char phone[24] = "", reg[24] = "";
	if (rng_chance(&g->r, 150))
		snprintf(phone, sizeof phone, "010-6%07d", rng_range(&g->r, 0, 9999999));
	else if (rng_chance(&g->r, 900))
		mobile(g, phone, sizeof phone);
	/* 户号 are unique: a drawn prefix, then a running number. */
	if (kind == 0)
		snprintf(reg, sizeof reg, "%03d%06d", rng_range(&g->r, 100000000, 999999999) / 1000000,
			 ++g->reg_seq % 1000000);
	const char *notes = rng_chance(&g->r, 40) ? "家中有人长期卧床，走访请提前电话联系。" : NULL;
	int64_t hid = demo_db_household(g->d, did, reg, kinds[kind], phone, notes,
					moved_out ? "已迁出" : "在住");
	if (!hid)
		return false;
	struct hh *h = &g->hh[g->nhh++];
	h->id = hid;
	h->grid = grid;
	g->st->households++;
	populate(g, h, kind == 2, moved_out);
	if (k == 1)
		tag_household(g, h, "出租屋", NULL);
	return true;
}

/* Compounds of buildings, units, floors and two doors a floor, until
 * there is a dwelling for every household (and a few empty ones). */
static void make_register(struct gen *g, int households)
{
	g->hh = x_calloc((size_t)households, sizeof *g->hh);
	for (int compound = 0; g->nhh < households; compound++) {
		char cname[64];
		int c = compound % N(compounds), ph = compound / N(compounds);
		if (ph < N(phases))
			snprintf(cname, sizeof cname, "%s%s", compounds[c], phases[ph]);
		else /* past 140 compounds: number them */
			snprintf(cname, sizeof cname, "%s%d号院", compounds[c], ph);
		int buildings = rng_range(&g->r, 4, 12), units = rng_range(&g->r, 2, 4);
		int floors = rng_range(&g->r, 5, 18);
		for (int b = 1; b <= buildings; b++)
			for (int u = 1; u <= units; u++)
				for (int f = 1; f <= floors; f++)
					for (int door = 1; door <= 2; door++) {
						if (g->nhh >= households)
							return;
						if (!one_dwelling(g, cname, b, u, f, door, households))
							return;
					}
	}
}

static void make_visits(struct gen *g)
{
	int n = g->nhh * 18 / 100 + 1;
	static const int mw[] = { 60, 20, 10, 5, 5 };
	static const char *const methods[] = { "入户", "电话", "来访", "线上", "代办上门" };
	static const int pw[] = { 40, 30, 10, 8, 7, 3, 2 };
	static const char *const purposes[] = { "常规走访", "重点人群探访", "节日慰问", "政策宣传",
						"信息核实", "矛盾排查", "回访" };
	static const char *const reports[] = { "安全隐患", "矛盾纠纷苗头", "突发疾病", "人员异常流动" };
	for (int i = 0; i < n && g->nhh; i++) {
		struct hh *h = &g->hh[rng_range(&g->r, 0, g->nhh - 1)];
		/* Staff visit the tagged households more. */
		for (int k = 0; k < 3 && !h->tagged; k++)
			h = &g->hh[rng_range(&g->r, 0, g->nhh - 1)];
		char date[11], next[11];
		long ago = rng_range(&g->r, 0, 364);
		date_days_ago(g, ago, date);
		struct demo_visit v = { 0 };
		v.household_id = h->id;
		v.staff_id = rng_chance(&g->r, 800) ? g->grid_worker[h->grid] : g->social[rng_range(&g->r, 0, 2)];
		v.date = date;
		v.method = methods[rng_weighted(&g->r, mw, N(mw))];
		v.purpose = purposes[rng_weighted(&g->r, pw, N(pw))];
		v.findings = PICK(g, findings);
		if (rng_chance(&g->r, 200))
			v.needs = PICK(g, needs);
		v.follow_up = rng_chance(&g->r, 100);
		/* A plan for the next visit, mostly on recent visits; an older
		 * one was kept, some days either side of its date, but for a
		 * few that slipped (已错过). */
		int gap = rng_range(&g->r, 7, 30);
		bool plan = ago <= 45 ? rng_chance(&g->r, 600) : rng_chance(&g->r, 60);
		/* Its date has passed: kept, a few days either way, or (one
		 * in twelve) not. */
		bool kept = plan && ago - gap > 0 && !rng_chance(&g->r, 80);
		if (plan) {
			date_add(date, gap, next);
			v.next_date = next;
		}
		int64_t vid = demo_db_visit(g->d, &v);
		if (!vid)
			return;
		g->st->visits++;
		if (rng_chance(&g->r, 50))
			demo_db_visit_report(g->d, vid, PICK(g, reports));
		if (kept) {
			char then[11];
			long when = ago - gap + rng_range(&g->r, -3, 3);
			date_days_ago(g, when < 0 ? 0 : when >= ago ? ago - 1 : when, then);
			struct demo_visit w = v;
			w.date = then;
			w.purpose = "回访";
			w.next_date = NULL;
			w.follow_up = false;
			if (demo_db_visit(g->d, &w))
				g->st->visits++;
		}
	}
}

static int64_t pick_adult(struct gen *g)
{
	return g->nadults ? g->adults[rng_range(&g->r, 0, g->nadults - 1)] : 0;
}

static int cmp_long_desc(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* One step of a case: a dated state change. */
static void transition(struct gen *g, int64_t cid, int64_t staff, long *day, const char *from,
		       const char *to, int gap_lo, int gap_hi)
{
	char date[11];
	*day -= rng_range(&g->r, gap_lo, gap_hi);
	if (*day < 0)
		*day = 0;
	date_days_ago(g, *day, date);
	struct demo_event e = { cid, staff, "状态变更", date, NULL, from, to, NULL, NULL, -1, NULL };
	demo_db_event(g->d, &e);
}

static void record(struct gen *g, int64_t cid, int64_t staff, long day, const char *kind, const char *text)
{
	char date[11];
	date_days_ago(g, day, date);
	struct demo_event e = { cid, staff, kind, date, text, NULL, NULL, NULL, NULL, -1, NULL };
	demo_db_event(g->d, &e);
}

static void make_cases(struct gen *g, const char *short_name)
{
	int n = g->nhh / 50 + 1;
	if (n > 2000)
		n = 2000;
	long *ago = x_calloc((size_t)n, sizeof *ago);
	/* A year of cases, with the recent weeks fuller, so that the
	 * register shows cases at every step of the procedure. */
	for (int i = 0; i < n; i++)
		ago[i] = rng_chance(&g->r, 300) ? rng_range(&g->r, 0, 44) : rng_range(&g->r, 0, 364);
	qsort(ago, (size_t)n, sizeof *ago, cmp_long_desc); /* oldest first */
	int year_seq = 0, last_year = 0;
	static int sw[N(case_sources)];
	for (int i = 0; i < N(case_sources); i++)
		sw[i] = case_sources[i].weight;
	for (int i = 0; i < n; i++) {
		char accepted[11], case_no[96], deadline[11], closed[11];
		date_days_ago(g, ago[i], accepted);
		int year = atoi(accepted);
		year_seq = year == last_year ? year_seq + 1 : 1;
		last_year = year;
		snprintf(case_no, sizeof case_no, "（%d）%s人调字第%d号", year, short_name, year_seq);
		int dt = rng_range(&g->r, 0, N(disputes) - 1);
		int64_t mediator = g->mediators[rng_range(&g->r, 0, 1)];
		struct demo_case c = { 0 };
		c.year = year;
		c.seq = year_seq;
		c.case_no = case_no;
		c.accepted = accepted;
		c.source = case_sources[rng_weighted(&g->r, sw, N(sw))].name;
		c.type = disputes[dt].type;
		c.summary = disputes[dt].summary;
		c.claims = disputes[dt].claims;
		c.registrar_id = g->social[rng_range(&g->r, 0, 2)];
		c.mediator_id = mediator;
		if (rng_chance(&g->r, 300))
			c.co_mediator_id = g->director;
		/* Where the case has got to, from its age. */
		long age = ago[i];
		int k = rng_range(&g->r, 0, 99);
		const char *path;
		if (age >= 45)
			path = k < 70 ? "结案+" : k < 90 ? "结案-" : "结案x";
		else if (age >= 20)
			path = k < 25 ? "调解中" : k < 50 ? "调解成功" : k < 75 ? "履行中" : "已回访";
		else
			path = k < 50 ? "受理" : "调解中";
		bool success = strcmp(path, "结案+") == 0 || strcmp(path, "调解成功") == 0 ||
			       strcmp(path, "履行中") == 0 || strcmp(path, "已回访") == 0;
		bool failed = strcmp(path, "结案-") == 0, ended = strcmp(path, "结案x") == 0;
		c.state = strncmp(path, "结案", 6) == 0 ? "结案" : path;
		if (success) {
			c.result = "调解成功";
			c.facts = "经调查，双方所述基本属实，对纠纷的发生各负一定责任。";
			c.agreement = "一、被申请人于协议签订之日起十日内完成整改；二、被申请人向申请人赔礼道歉；三、双方今后互谅互让，和睦相处。";
			c.manner = "当面履行";
			c.place = "社区居委会";
			date_add(accepted, 40, deadline);
			c.deadline = deadline;
			c.copies = 3;
		} else if (failed || ended) {
			c.result = failed ? "调解不成功" : "终止";
			c.referred_to = failed ? (rng_chance(&g->r, 600) ? "诉讼" : "仲裁") : "行政处理";
		}
		/* A closed case's date is that of its last step (below). */
		if (strcmp(c.state, "结案") == 0) {
			date_days_ago(g, 0, closed);
			c.closed = closed;
		}
		int64_t cid = demo_db_case(g->d, &c);
		if (!cid)
			break;
		g->st->cases++;
		/* Parties: mostly residents, sometimes someone from outside. */
		int sort = 0;
		const char *roles[] = { "申请人", "被申请人", "第三人" };
		int count[] = { rng_chance(&g->r, 800) ? 1 : 2, rng_chance(&g->r, 850) ? 1 : 2,
				rng_chance(&g->r, 100) ? 1 : 0 };
		for (int r = 0; r < 3; r++)
			for (int j = 0; j < count[r]; j++) {
				struct demo_party p = { 0 };
				p.case_id = cid;
				p.role = roles[r];
				p.sort = sort++;
				struct person out;
				char phone[16];
				if (rng_chance(&g->r, 800) && g->nadults) {
					p.resident_id = pick_adult(g);
				} else {
					make_person(g, &out, rng_chance(&g->r, 500), rng_range(&g->r, 25, 70), NULL, NULL, false);
					mobile(g, phone, sizeof phone);
					p.name = out.name;
					p.sex = out.sex;
					p.ethnicity = out.ethnicity;
					p.age = out.age;
					p.id_number = out.has_id ? out.id : NULL;
					p.occupation = PICK(g, occupations);
					p.phone = phone;
					p.address = "本市朝阳区和平街12号";
				}
				demo_db_party(g->d, &p);
			}
		/* Records and state changes, in order, with their dates. */
		long day = age;
		record(g, cid, mediator, day, "调查", "走访双方当事人及周边邻居，了解纠纷经过。");
		if (strcmp(path, "受理") == 0)
			continue;
		transition(g, cid, mediator, &day, "受理", "调解中", 1, 4);
		record(g, cid, mediator, day, "调解", "组织双方面对面调解，释法说理，双方各自陈述意见。");
		if (strcmp(path, "调解中") == 0)
			continue;
		const char *result = success ? "调解成功" : failed ? "调解不成功" : "终止";
		transition(g, cid, mediator, &day, "调解中", result, 2, 20);
		if (success && strcmp(path, "调解成功") != 0) {
			transition(g, cid, mediator, &day, "调解成功", "履行中", 0, 2);
			if (strcmp(path, "履行中") != 0) {
				char date[11];
				day -= rng_range(&g->r, 10, 20);
				if (day < 0)
					day = 0;
				date_days_ago(g, day, date);
				static const char *const perf[] = { "已履行", "部分履行", "未履行" };
				static const int pfw[] = { 80, 15, 5 };
				struct demo_event e = { cid, mediator, "回访", date, "电话回访当事人，了解协议履行情况。",
							NULL, NULL, perf[rng_weighted(&g->r, pfw, 3)],
							rng_chance(&g->r, 800) ? "满意" : "基本满意", rng_chance(&g->r, 50),
							"电话" };
				demo_db_event(g->d, &e);
				transition(g, cid, mediator, &day, "履行中", "已回访", 0, 1);
				if (strcmp(path, "已回访") != 0)
					transition(g, cid, mediator, &day, "已回访", "结案", 0, 6);
			}
		} else if (!success) {
			transition(g, cid, mediator, &day, result, "结案", 1, 8);
		}
		if (strcmp(c.state, "结案") == 0) {
			date_days_ago(g, day, closed);
			demo_db_case_closed(g->d, cid, closed);
		}
	}
	x_free(&ago);
}

static void make_meetings(struct gen *g)
{
	int n = g->nhh * 15 / 2000 + 1;
	if (n > 300)
		n = 300;
	for (int i = 0; i < n; i++) {
		/* Spread over the past year; the last one or two are coming up. */
		long ago = (long)(n - i) * 360 / (n + 1);
		if (n > 3 && i == n - 1)
			ago = -rng_range(&g->r, 3, 12); /* coming up */
		else if (n > 3 && i == n - 2)
			ago = 1;                        /* decided yesterday */
		else if (n > 3 && i == n - 3)
			ago = 6;                        /* being published */
		char date[11], pub_start[11] = "", pub_end[11] = "", fdate[11];
		date_days_ago(g, ago, date);
		const char *state;
		if (ago < 0)
			state = ago < -7 ? "议题征集" : "预告";
		else if (i == n / 2)
			state = "取消";
		else if (ago < 3)
			state = "决议";
		else if (ago < 12)
			state = "公示";
		else
			state = "落实反馈";
		const char *topic = meeting_topics[i % N(meeting_topics)];
		char title[128], history[512];
		snprintf(title, sizeof title, "%s", topic);
		bool held = ago >= 0 && strcmp(state, "取消") != 0;
		/* Its steps, each on its day: the notice a week before (the day
		 * before, for one coming up), held and decided on the day,
		 * published the day after, reported back on half-way to now. */
		char noticed[11], followed[11];
		date_days_ago(g, ago < 0 ? 1 : ago + 7, noticed);
		date_days_ago(g, ago / 2, followed);
		if (held && strcmp(state, "决议") != 0) {
			date_days_ago(g, ago - 1 > 0 ? ago - 1 : 0, pub_start);
			date_add(pub_start, 7, pub_end);
		}
		struct { const char *from, *to, *on; } steps[] = {
			{ "议题征集", "预告", noticed }, { "预告", "召开", date }, { "召开", "决议", date },
			{ "决议", "公示", pub_start }, { "公示", "落实反馈", followed },
		};
		int n_steps = strcmp(state, "议题征集") == 0 ? 0 : strcmp(state, "预告") == 0 ? 1
			    : strcmp(state, "取消") == 0 ? 1 : strcmp(state, "决议") == 0 ? 3
			    : strcmp(state, "公示") == 0 ? 4 : 5;
		int len = 0;
		for (int k = 0; k < n_steps; k++)
			len += snprintf(history + len, sizeof history - (size_t)len, "%s%s demo %s → %s", k ? "\n" : "",
					steps[k].on, steps[k].from, steps[k].to);
		if (strcmp(state, "取消") == 0) {
			char off[11];
			date_days_ago(g, ago + 1, off);
			snprintf(history + len, sizeof history - (size_t)len, "\n%s demo 预告 → 取消", off);
		}
		struct demo_meeting m = { 0 };
		m.kind = meeting_kinds[i % N(meeting_kinds)];
		m.title = title;
		m.date = date;
		m.time = i % 2 ? "14:30" : "09:30";
		m.place = PICK(g, places);
		m.host_id = g->director;
		m.recorder_id = g->social[i % 3];
		m.entitled = rng_range(&g->r, 25, 60);
		/* Held, it takes its attendance and topics before it decides. */
		m.state = held ? "召开" : state;
		m.history = n_steps ? history : NULL;
		if (held && strcmp(state, "决议") != 0) {
			m.publish_start = pub_start;
			m.publish_end = pub_end;
		}
		if (held)
			m.minutes = "会议由居委会主任主持，与会人员围绕议题充分讨论，形成决议如下。";
		int64_t mid = demo_db_meeting(g->d, &m);
		if (!mid)
			return;
		g->st->meetings++;
		if (!held)
			continue;
		/* Attendance: everyone entitled is on the list. */
		int present = 0;
		for (int a = 0; a < m.entitled; a++) {
			int k = rng_range(&g->r, 0, 99);
			const char *att = k < 72 ? "出席" : k < 80 ? "委托" : k < 92 ? "请假" : "缺席";
			if (k < 80)
				present++;
			struct demo_attendee at = { mid, pick_adult(g), NULL, NULL, "居民代表", att,
						    k >= 72 && k < 80 ? "同楼居民代表" : NULL, a };
			if (!at.resident_id)
				at.name = "居民代表";
			demo_db_attendee(g->d, &at);
		}
		struct demo_attendee prop = { mid, 0, "赵经理", "物业服务公司", "列席", "出席", NULL, m.entitled };
		demo_db_attendee(g->d, &prop);
		int items = rng_range(&g->r, 1, 3);
		for (int it = 0; it < items; it++) {
			struct demo_item x = { 0 };
			char ititle[160];
			snprintf(ititle, sizeof ititle, it == 0 ? "%s" : "%s（第%d项）", topic, it + 1);
			x.meeting_id = mid;
			x.seq = it + 1;
			x.title = ititle;
			x.proposal = "由居委会提出方案，征求居民代表意见。";
			x.discussion = "代表们就方案的费用分担、施工时间和安全问题发表了意见。";
			if (rng_chance(&g->r, 100)) {
				x.votes_for = x.votes_against = x.votes_abstain = -1;
				x.decision = "搁置";
				x.decision_text = "意见分歧较大，待进一步征求意见后再议。";
			} else {
				bool pass = rng_chance(&g->r, 850);
				int half = present / 2;
				x.votes_for = pass ? rng_range(&g->r, half + 1, present) : rng_range(&g->r, 0, half);
				x.votes_against = rng_range(&g->r, 0, present - x.votes_for);
				x.votes_abstain = present - x.votes_for - x.votes_against;
				x.decision = x.votes_for * 2 > present ? "通过" : "未通过";
				x.decision_text = x.votes_for * 2 > present ? "同意按方案实施。" : "方案未获通过。";
				if (x.votes_against > 0)
					x.minority = "少数代表担心费用过高，建议分期实施。";
			}
			if (strcmp(state, "落实反馈") == 0 && strcmp(x.decision, "通过") == 0) {
				date_days_ago(g, ago / 2, fdate);
				x.follow_up = "已按决议组织实施，居民反映良好。";
				x.follow_up_date = fdate;
			}
			demo_db_item(g->d, &x);
		}
		if (strcmp(state, "召开") != 0)
			demo_db_meeting_state(g->d, mid, state);
	}
}

/* The rosters meetings are held with: 30 residents' representatives
 * from across the register, a 楼组长 for each building (up to 24), and
 * the members of the two committees (staff, by name, and two more). */
static void make_rosters(struct gen *g)
{
	int64_t reps = demo_db_roster(g->d, "居民代表", "每届三年，按网格推选");
	int n = g->nadults < 30 ? g->nadults : 30;
	for (int i = 0; i < n; i++)
		demo_db_roster_member(g->d, reps, g->adults[(long)i * g->nadults / n], 0, NULL, NULL,
				      i == 0 ? "居民代表组长" : "居民代表", i + 1);
	int64_t heads = demo_db_roster(g->d, "楼组长", NULL);
	demo_db_roster_building_heads(g->d, heads, 24);
	int64_t two = demo_db_roster(g->d, "两委成员", "社区党委、居委会");
	demo_db_roster_member(g->d, two, 0, g->director, NULL, "社区党委、居委会", "书记、主任", 1);
	for (int i = 0; i < 3; i++)
		demo_db_roster_member(g->d, two, 0, g->social[i], NULL, "社区居委会", i == 0 ? "副主任" : "委员", i + 2);
	demo_db_roster_member(g->d, two, 0, 0, "周建国", "社区党委", "副书记", 5);
	demo_db_roster_member(g->d, two, 0, 0, "吴秀兰", "社区党委", "委员", 6);
}

enum db_status demo_generate(struct db *db, const struct demo_opts *o, struct demo_stats *out)
{
	struct gen g;
	memset(&g, 0, sizeof g);
	memset(out, 0, sizeof *out);
	g.st = out;
	int households = o->households > 0 ? o->households : 2000;
	rng_seed(&g.r, o->seed);
	if (o->today)
		snprintf(g.today, sizeof g.today, "%s", o->today);
	else
		date_today(g.today);
	int y, m, d;
	if (!date_parse_iso(g.today, &y, &m, &d))
		return DB_ERR_SQL;
	g.today_n = date_to_days(y, m, d);
	/* About 2.8 people a household, each ID kept once: room for twice that. */
	g.idcap = 1;
	while (g.idcap < (size_t)households * 8)
		g.idcap <<= 1;
	g.idset = x_calloc(g.idcap, sizeof *g.idset);

	g.d = demo_db_open(db);
	g.login = db_user(db);
	const char *short_name = "幸福里";
	demo_db_community(g.d, "幸福里社区居民委员会", "110105008001", "和平街道办事处",
			  "北京市朝阳区", "北京市朝阳区和平街幸福里1号", "010-64001234", short_name);
	make_staff_and_grids(&g, households);
	make_register(&g, households);
	make_visits(&g);
	make_cases(&g, short_name);
	make_meetings(&g);
	make_rosters(&g);
	enum db_status s = demo_db_close(&g.d, true);

	x_free(&g.idset);
	x_free(&g.hh);
	x_free(&g.adults);
	x_free(&g.grid_ids);
	x_free(&g.grid_worker);
	return s;
}
