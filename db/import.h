/* db/import.h - what importing and exporting the register needs from
 * the database.  The lookups run inside the importer's transaction. */
#ifndef JUWEI_DB_IMPORT_H
#define JUWEI_DB_IMPORT_H

#include <stdint.h>

#include "core/model.h"
#include "db.h"

/* The household a group of imported rows belongs to: by 户号 when given,
 * else the living household at the address that has no 户号 (one with a
 * 户号 is found by it); 0 when there is none. */
enum db_status db_import_find_household(struct db *db, const char *reg_no, const struct household_rec *addr,
					int64_t *id);
/* A person already in the register: by name and birth date within the
 * household (the ID number is looked up with db_resident_id_owner). */
enum db_status db_import_find_person(struct db *db, const char *name, const char *birth,
				     int64_t household_id, int64_t *id);
/* A tag by name: its id and what it applies to ("household" or
 * "resident"); *id 0 when there is no such active tag. */
enum db_status db_import_tag(struct db *db, const char *name, int64_t *id, char *applies, size_t size);
/* Inside the importer's transaction: the dwelling at rec's address
 * (created when new), a new household, a resident inserted or updated. */
enum db_status db_dwelling_for_import(struct db *db, struct household_rec *rec);
enum db_status db_household_insert_import(struct db *db, struct household_rec *rec);
enum db_status db_resident_insert_import(struct db *db, struct resident_rec *rec);
enum db_status db_resident_update_import(struct db *db, struct resident_rec *rec);

/* Write a household's new fields (kind, phone, 户号) when the import
 * brings them. */
enum db_status db_import_household_fields(struct db *db, int64_t id, const char *kind, const char *reg_no);

/* Every resident with their household, in list order, for export:
 * fn gets the columns of EXPORT_COLUMNS, in that order. */
#define EXPORT_COLUMNS "小区", "楼栋", "单元", "室", "户号", "户类别", "姓名", "与户主关系", "性别", \
	"身份证号", "出生日期", "民族", "联系电话", "人员类型", "状态", "变动日期", "迁往", "标签", "备注"
#define EXPORT_NCOLUMNS 19
enum db_status db_export_residents(struct db *db, bool sensitive,
				   void (*fn)(void *ctx, const char *const *cols), void *ctx);
/* Visits, newest first: 日期 门牌 户主 方式 目的 走访人 走访对象 情况记录 诉求 必报事项 需要跟进 下次走访. */
#define VISIT_EXPORT_NCOLUMNS 12
enum db_status db_export_visits(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx);
/* Cases: 案号 受理日期 来源 类型 状态 申请人 被申请人 调解员 纠纷简要情况. */
#define CASE_EXPORT_NCOLUMNS 9
enum db_status db_export_cases(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx);
/* Meetings: 日期 类型 主题 地点 状态 应到 实到. */
#define MEETING_EXPORT_NCOLUMNS 7
enum db_status db_export_meetings(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx);

#endif
