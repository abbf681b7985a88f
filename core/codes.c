/* core/codes.c - the fixed code lists. */
#include "codes.h"

#include <string.h>

const char *const code_sexes[] = { "男", "女", NULL };
const char *const code_relations[] = { "户主", "配偶", "子", "女", "儿媳", "女婿", "孙子女",
	"父母", "岳父母", "公婆", "兄弟姐妹", "其他", NULL };
const char *relation_word(const char *relation)
{
	/* 子 and 女 alone read as a sex in a line such as 王芳(女). */
	if (relation && strcmp(relation, "子") == 0)
		return "儿子";
	if (relation && strcmp(relation, "女") == 0)
		return "女儿";
	return relation ? relation : "";
}

const char *const code_ethnicities[] = {
	"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
	"满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
	"佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
	"达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
	"塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
	"独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族", "其他", "外国血统中国籍人士", NULL };
const char *const code_politicals[] = { "中共党员", "中共预备党员", "共青团员", "民主党派", "群众", NULL };
const char *const code_educations[] = { "研究生", "大学本科", "大学专科", "中专", "高中", "初中",
	"小学", "未上学", NULL };
const char *const code_employments[] = { "在职", "退休", "失业", "无业", "学生", "学龄前", NULL };
const char *const code_residence_types[] = { "户籍在住", "户籍外出", "流动人口", NULL };
const char *const code_resident_statuses[] = { "在住", "迁出", "死亡", NULL };
const char *const code_household_kinds[] = { "户籍户", "常住户", "流动户", "人户分离", NULL };
const char *const code_tenures[] = { "自有自住", "租住", "借住", "单位公房", "空置", NULL };
const char *const case_sources[] = { "当事人申请", "主动排查", "派出所移交", "法院委托", "街道转办", "其他", NULL };
const char *const case_party_roles[] = { "申请人", "被申请人", "第三人", NULL };
const char *const case_record_kinds[] = { "调查", "调解", "回访", "其他", NULL };
const char *const case_performances[] = { "已履行", "部分履行", "未履行", NULL };
const char *const case_satisfactions[] = { "满意", "基本满意", "不满意", NULL };
const char *const case_referrals[] = { "诉讼", "仲裁", "行政处理", "其他", NULL };
const char *const case_followup_methods[] = { "上门", "电话", "当面", "微信", "其他", NULL };
const char *const code_roles[] = { "主任", "社工", "网格员", "调解员", "街道查看", NULL };
const char *const code_reveal_reasons[] = { "办理业务", "核实身份", "调解需要", "其他", NULL };
const char *const meeting_attendances[] = { "出席", "缺席", "请假", "委托", NULL };
const char *const meeting_decisions[] = { "通过", "未通过", "搁置", "无需表决", NULL };

bool code_listed(const char *const *list, const char *v)
{
	for (; v && *list; list++)
		if (strcmp(*list, v) == 0)
			return true;
	return false;
}
