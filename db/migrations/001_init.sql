-- juwei schema, migration 001: the whole register.
--
-- Conventions
--  * Every record table has id, created_at, created_by, updated_at,
--    updated_by and version.  An update names the version it read and
--    bumps it (optimistic locking); the db/ layer writes the *_by
--    columns with juwei_user().
--  * Dates are ISO text: '2026-11-22'; times '2026-11-22 09:30:00'.
--  * Value sets fixed by a standard or by the procedure are CHECKed
--    here.  Lists a city names its own way (tags, dispute types, visit
--    purposes, methods, must-report items, meeting kinds) are rows.
--  * juwei_user() is an application-defined function registered on each
--    connection; the audit triggers at the end call it, so every change
--    is attributed.  (A tool without it can read but not write.)

CREATE TABLE community (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
	area_code   TEXT CHECK (area_code IS NULL OR (length(area_code) = 12 AND area_code NOT GLOB '*[^0-9]*')),
	street      TEXT,      -- 街道办事处
	district    TEXT,      -- 区
	address     TEXT,
	phone       TEXT,
	short_name  TEXT NOT NULL CHECK (length(short_name) BETWEEN 1 AND 16), -- used in case numbers
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE staff (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
	role        TEXT NOT NULL CHECK (role IN ('主任','社工','网格员','调解员','街道查看')),
	os_login    TEXT UNIQUE,
	pin_hash    TEXT,
	phone       TEXT,
	active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE grid (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	worker_id   INTEGER REFERENCES staff(id) ON DELETE SET NULL,  -- 网格员
	notes       TEXT,
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1
);

-- Which grids a member of staff works in.
CREATE TABLE staff_grid (
	id          INTEGER PRIMARY KEY,
	staff_id    INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
	grid_id     INTEGER NOT NULL REFERENCES grid(id) ON DELETE CASCADE,
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (staff_id, grid_id)
);
CREATE INDEX staff_grid_grid ON staff_grid(grid_id);

-- 房屋: 小区/院落 - 楼栋 - 单元 - 室.  Address shorthand 3-2-501 is
-- building 3, unit 2, room 501.  sort_key orders numbers as numbers.
CREATE TABLE dwelling (
	id          INTEGER PRIMARY KEY,
	grid_id     INTEGER REFERENCES grid(id) ON DELETE SET NULL,
	compound    TEXT NOT NULL CHECK (length(compound) BETWEEN 1 AND 64),
	building    TEXT NOT NULL DEFAULT '',
	unit        TEXT NOT NULL DEFAULT '',
	room        TEXT NOT NULL DEFAULT '',
	tenure      TEXT CHECK (tenure IS NULL OR tenure IN ('自有自住','租住','借住','单位公房','空置')),
	notes       TEXT,
	sort_key    TEXT GENERATED ALWAYS AS (
		compound || char(31) || printf('%8s', building) || char(31) ||
		printf('%8s', unit) || char(31) || printf('%8s', room)) STORED,
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (compound, building, unit, room)
);
CREATE INDEX dwelling_sort ON dwelling(sort_key, id);
CREATE INDEX dwelling_grid ON dwelling(grid_id);
CREATE INDEX dwelling_bur ON dwelling(building, unit, room);

-- 户
CREATE TABLE household (
	id          INTEGER PRIMARY KEY,
	dwelling_id INTEGER NOT NULL REFERENCES dwelling(id),
	reg_no      TEXT,      -- 户号 (optional)
	kind        TEXT NOT NULL DEFAULT '户籍户' CHECK (kind IN ('户籍户','常住户','流动户','人户分离')),
	phone       TEXT,
	notes       TEXT,
	status      TEXT NOT NULL DEFAULT '在住' CHECK (status IN ('在住','已迁出')),
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX household_dwelling ON household(dwelling_id, id);
CREATE INDEX household_phone ON household(phone);
CREATE INDEX household_reg_no ON household(reg_no);

-- 人员
CREATE TABLE resident (
	id           INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household(id),
	name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32),
	former_name  TEXT,
	sex          TEXT CHECK (sex IS NULL OR sex IN ('男','女')),
	birth_date   TEXT CHECK (birth_date IS NULL OR birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	id_number    TEXT UNIQUE CHECK (id_number IS NULL OR (length(id_number) = 18 AND substr(id_number,1,17) NOT GLOB '*[^0-9]*' AND substr(id_number,18) GLOB '[0-9X]')),
	ethnicity    TEXT CHECK (ethnicity IS NULL OR ethnicity IN (
		'汉族','蒙古族','回族','藏族','维吾尔族','苗族','彝族','壮族','布依族','朝鲜族',
		'满族','侗族','瑶族','白族','土家族','哈尼族','哈萨克族','傣族','黎族','傈僳族',
		'佤族','畲族','高山族','拉祜族','水族','东乡族','纳西族','景颇族','柯尔克孜族','土族',
		'达斡尔族','仫佬族','羌族','布朗族','撒拉族','毛南族','仡佬族','锡伯族','阿昌族','普米族',
		'塔吉克族','怒族','乌孜别克族','俄罗斯族','鄂温克族','德昂族','保安族','裕固族','京族','塔塔尔族',
		'独龙族','鄂伦春族','赫哲族','门巴族','珞巴族','基诺族','其他','外国血统中国籍人士')),
	relation     TEXT NOT NULL CHECK (relation IN ('户主','配偶','子','女','儿媳','女婿','孙子女',
		'父母','岳父母','公婆','兄弟姐妹','其他')),
	phone        TEXT,
	political    TEXT CHECK (political IS NULL OR political IN ('中共党员','中共预备党员','共青团员','民主党派','群众')),
	education    TEXT CHECK (education IS NULL OR education IN ('研究生','大学本科','大学专科','中专','高中','初中','小学','未上学')),
	occupation   TEXT,
	employment   TEXT CHECK (employment IS NULL OR employment IN ('在职','退休','失业','无业','学生','学龄前')),
	residence_type TEXT NOT NULL DEFAULT '户籍在住' CHECK (residence_type IN ('户籍在住','户籍外出','流动人口')),
	arrival_date TEXT,      -- 流动人口: 来本地日期
	arrival_reason TEXT,
	status       TEXT NOT NULL DEFAULT '在住' CHECK (status IN ('在住','迁出','死亡')),
	status_date  TEXT,      -- date moved out or died
	moved_to     TEXT,      -- 迁往
	notes        TEXT,
	created_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by   TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	CHECK (status = '在住' OR status_date IS NOT NULL)
);
CREATE INDEX resident_household ON resident(household_id, id);
CREATE INDEX resident_name ON resident(name);
CREATE INDEX resident_phone ON resident(phone);
-- At most one head per household among those living there; "exactly
-- one" is checked by the application (a household is created with its head).
CREATE UNIQUE INDEX resident_one_head ON resident(household_id) WHERE relation = '户主' AND status = '在住';

-- Tags (特殊人群 / 重点关注): an editable vocabulary.
CREATE TABLE tag (
	id            INTEGER PRIMARY KEY,
	name          TEXT NOT NULL UNIQUE,
	applies_to    TEXT NOT NULL CHECK (applies_to IN ('household','resident')),
	interval_days INTEGER CHECK (interval_days IS NULL OR interval_days > 0), -- visit at least every N days
	sensitive     INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0,1)),
	sort          INTEGER NOT NULL DEFAULT 0,
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at    TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by    TEXT NOT NULL DEFAULT '',
	updated_at    TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by    TEXT NOT NULL DEFAULT '',
	version       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE resident_tag (
	id          INTEGER PRIMARY KEY,
	resident_id INTEGER NOT NULL REFERENCES resident(id) ON DELETE CASCADE,
	tag_id      INTEGER NOT NULL REFERENCES tag(id),
	since       TEXT,
	note        TEXT,
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (resident_id, tag_id)
);
CREATE INDEX resident_tag_tag ON resident_tag(tag_id);

CREATE TABLE household_tag (
	id           INTEGER PRIMARY KEY,
	household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
	tag_id       INTEGER NOT NULL REFERENCES tag(id),
	since        TEXT,
	note         TEXT,
	created_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by   TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	UNIQUE (household_id, tag_id)
);
CREATE INDEX household_tag_tag ON household_tag(tag_id);

-- Visit vocabularies.
CREATE TABLE visit_method (
	id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), created_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), updated_by TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE visit_purpose (
	id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), created_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), updated_by TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE must_report_item (
	id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), created_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), updated_by TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1
);

-- 走访
CREATE TABLE visit (
	id              INTEGER PRIMARY KEY,
	household_id    INTEGER NOT NULL REFERENCES household(id),
	resident_id     INTEGER REFERENCES resident(id) ON DELETE SET NULL,
	visit_date      TEXT NOT NULL,
	staff_id        INTEGER REFERENCES staff(id),
	method_id       INTEGER NOT NULL REFERENCES visit_method(id),
	purpose_id      INTEGER NOT NULL REFERENCES visit_purpose(id),
	findings        TEXT,   -- 情况记录
	needs           TEXT,   -- 诉求
	follow_up       INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0,1)),
	follow_up_done  INTEGER NOT NULL DEFAULT 0 CHECK (follow_up_done IN (0,1)),
	next_visit_date TEXT,
	created_at      TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by      TEXT NOT NULL DEFAULT '',
	updated_at      TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by      TEXT NOT NULL DEFAULT '',
	version         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX visit_household ON visit(household_id, visit_date);
CREATE INDEX visit_date ON visit(visit_date);
CREATE INDEX visit_staff ON visit(staff_id, visit_date);
CREATE INDEX visit_next ON visit(next_visit_date) WHERE next_visit_date IS NOT NULL;

-- 必报事项 raised by a visit (several may apply).
CREATE TABLE visit_report (
	id          INTEGER PRIMARY KEY,
	visit_id    INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
	item_id     INTEGER NOT NULL REFERENCES must_report_item(id),
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (visit_id, item_id)
);
CREATE INDEX visit_report_item ON visit_report(item_id);

-- 人民调解
CREATE TABLE dispute_type (
	id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), created_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), updated_by TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE mediation_case (
	id              INTEGER PRIMARY KEY,
	year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
	seq             INTEGER NOT NULL CHECK (seq > 0),
	case_no         TEXT NOT NULL UNIQUE,  -- （2026）幸福里人调字第12号
	accepted_date   TEXT NOT NULL,
	source          TEXT NOT NULL CHECK (source IN ('当事人申请','主动排查','派出所移交','法院委托','街道转办','其他')),
	type_id         INTEGER NOT NULL REFERENCES dispute_type(id),
	summary         TEXT,   -- 纠纷简要情况
	claims          TEXT,   -- 当事人请求
	state           TEXT NOT NULL DEFAULT '受理' CHECK (state IN ('受理','调解中','调解成功','调解不成功','终止','履行中','已回访','结案')),
	result          TEXT CHECK (result IS NULL OR result IN ('调解成功','调解不成功','终止')),
	facts           TEXT,   -- 主要事实、争议事项、各方责任
	agreement       TEXT,   -- 协议内容: 权利义务
	perform_manner  TEXT,   -- 履行方式
	perform_place   TEXT,   -- 履行地点
	perform_deadline TEXT,  -- 履行期限
	copies          INTEGER CHECK (copies IS NULL OR copies BETWEEN 1 AND 20),
	referred_to     TEXT CHECK (referred_to IS NULL OR referred_to IN ('诉讼','仲裁','行政处理','其他')),
	closed_date     TEXT,
	registrar_id    INTEGER REFERENCES staff(id),
	mediator_id     INTEGER REFERENCES staff(id),
	co_mediator_id  INTEGER REFERENCES staff(id),
	created_at      TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by      TEXT NOT NULL DEFAULT '',
	updated_at      TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by      TEXT NOT NULL DEFAULT '',
	version         INTEGER NOT NULL DEFAULT 1,
	UNIQUE (year, seq),
	CHECK (state <> '调解成功' OR agreement IS NOT NULL)
);
CREATE INDEX mediation_case_state ON mediation_case(state, accepted_date);
CREATE INDEX mediation_case_accepted ON mediation_case(accepted_date);

-- 当事人: a resident of the register, or a person from outside.
CREATE TABLE case_party (
	id          INTEGER PRIMARY KEY,
	case_id     INTEGER NOT NULL REFERENCES mediation_case(id) ON DELETE CASCADE,
	role        TEXT NOT NULL CHECK (role IN ('申请人','被申请人','第三人')),
	resident_id INTEGER REFERENCES resident(id),
	name        TEXT,
	sex         TEXT CHECK (sex IS NULL OR sex IN ('男','女')),
	ethnicity   TEXT,
	age         INTEGER CHECK (age IS NULL OR age BETWEEN 0 AND 150),
	id_number   TEXT,
	occupation  TEXT,
	phone       TEXT,
	address     TEXT,   -- address or work unit
	sort        INTEGER NOT NULL DEFAULT 0,
	created_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT '',
	version     INTEGER NOT NULL DEFAULT 1,
	CHECK (resident_id IS NOT NULL OR length(name) > 0)
);
CREATE INDEX case_party_case ON case_party(case_id);
CREATE INDEX case_party_resident ON case_party(resident_id) WHERE resident_id IS NOT NULL;

-- Records of a case, and its state changes (kind 状态变更, from/to).
CREATE TABLE case_event (
	id           INTEGER PRIMARY KEY,
	case_id      INTEGER NOT NULL REFERENCES mediation_case(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL CHECK (kind IN ('调查','调解','回访','其他','状态变更')),
	event_date   TEXT NOT NULL,
	staff_id     INTEGER REFERENCES staff(id),
	text         TEXT,
	from_state   TEXT,
	to_state     TEXT,
	performance  TEXT CHECK (performance IS NULL OR performance IN ('已履行','部分履行','未履行')),
	satisfaction TEXT CHECK (satisfaction IS NULL OR satisfaction IN ('满意','基本满意','不满意')),
	flare_up     INTEGER CHECK (flare_up IS NULL OR flare_up IN (0,1)),
	created_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by   TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	CHECK (kind <> '状态变更' OR to_state IS NOT NULL)
);
CREATE INDEX case_event_case ON case_event(case_id, event_date);

-- 协商议事
CREATE TABLE meeting_kind (
	id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, sort INTEGER NOT NULL DEFAULT 0,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
	created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), created_by TEXT NOT NULL DEFAULT '',
	updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')), updated_by TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meeting (
	id             INTEGER PRIMARY KEY,
	kind_id        INTEGER NOT NULL REFERENCES meeting_kind(id),
	title          TEXT NOT NULL CHECK (length(title) >= 1),
	meeting_date   TEXT NOT NULL,
	start_time     TEXT,   -- 09:30
	place          TEXT,
	host_id        INTEGER REFERENCES staff(id),
	recorder_id    INTEGER REFERENCES staff(id),
	entitled       INTEGER CHECK (entitled IS NULL OR entitled >= 0), -- number entitled to attend
	state          TEXT NOT NULL DEFAULT '议题征集' CHECK (state IN ('议题征集','预告','召开','决议','公示','落实反馈','取消')),
	state_history  TEXT,   -- one line per transition: date, user, from, to
	minutes        TEXT,   -- 会议纪要 free text
	publish_start  TEXT,
	publish_end    TEXT,
	notes          TEXT,
	created_at     TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by     TEXT NOT NULL DEFAULT '',
	updated_at     TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by     TEXT NOT NULL DEFAULT '',
	version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_date ON meeting(meeting_date);
CREATE INDEX meeting_state ON meeting(state, meeting_date);

CREATE TABLE meeting_attendee (
	id           INTEGER PRIMARY KEY,
	meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	resident_id  INTEGER REFERENCES resident(id),
	name         TEXT,
	organisation TEXT,   -- property company, owners' committee, unit ...
	role         TEXT,
	attendance   TEXT NOT NULL DEFAULT '出席' CHECK (attendance IN ('出席','缺席','请假','委托')),
	proxy_name   TEXT,   -- for 委托: who holds the proxy
	sort         INTEGER NOT NULL DEFAULT 0,
	created_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by   TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	CHECK (resident_id IS NOT NULL OR length(name) > 0)
);
CREATE INDEX meeting_attendee_meeting ON meeting_attendee(meeting_id);
CREATE INDEX meeting_attendee_resident ON meeting_attendee(resident_id) WHERE resident_id IS NOT NULL;

CREATE TABLE meeting_item (
	id               INTEGER PRIMARY KEY,
	meeting_id       INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	seq              INTEGER NOT NULL DEFAULT 1,
	title            TEXT NOT NULL CHECK (length(title) >= 1),
	proposal         TEXT,
	discussion       TEXT,
	votes_for        INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
	votes_against    INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
	votes_abstain    INTEGER CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
	decision         TEXT CHECK (decision IS NULL OR decision IN ('通过','未通过','搁置','无需表决')),
	decision_text    TEXT,
	minority_opinion TEXT,
	case_id          INTEGER REFERENCES mediation_case(id) ON DELETE SET NULL,
	household_id     INTEGER REFERENCES household(id) ON DELETE SET NULL,
	follow_up        TEXT,   -- 落实反馈 notes, newest last
	follow_up_date   TEXT,   -- date of the last follow-up note
	created_at       TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by       TEXT NOT NULL DEFAULT '',
	updated_at       TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by       TEXT NOT NULL DEFAULT '',
	version          INTEGER NOT NULL DEFAULT 1,
	UNIQUE (meeting_id, seq)
);

-- Settings a committee may change (e.g. days before a published
-- decision without follow-up shows in Today).
CREATE TABLE setting (
	key         TEXT PRIMARY KEY,
	value       TEXT NOT NULL,
	updated_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by  TEXT NOT NULL DEFAULT ''
);

-- Every insert, update and delete of a record table, by whom.
CREATE TABLE audit_log (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	user        TEXT NOT NULL,
	table_name  TEXT NOT NULL,
	row_id      INTEGER NOT NULL,
	action      TEXT NOT NULL CHECK (action IN ('insert','update','delete')),
	old_values  TEXT,   -- JSON object
	new_values  TEXT    -- JSON object
);
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
CREATE INDEX audit_log_at ON audit_log(at);

-- Unfinished forms, saved on a timer and on hang-up.
CREATE TABLE draft (
	id          INTEGER PRIMARY KEY,
	user        TEXT NOT NULL,
	form        TEXT NOT NULL,
	record_id   INTEGER NOT NULL DEFAULT 0,  -- 0 for a new record
	data        TEXT NOT NULL CHECK (json_valid(data)),
	saved_at    TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	UNIQUE (user, form, record_id)
);

-- Seed vocabularies (DOMAIN.md); committees edit them.
INSERT INTO tag(name, applies_to, interval_days, sensitive, sort) VALUES
	('低保户','household',30,0,1), ('低收入家庭','household',60,0,2),
	('特困供养','resident',30,0,3), ('残疾人','resident',30,0,4),
	('重度残疾','resident',14,0,5), ('退役军人','resident',90,0,6),
	('独居老人','resident',7,0,7), ('空巢老人','resident',14,0,8),
	('高龄老人','resident',30,0,9), ('失独家庭','household',30,0,10),
	('留守儿童','resident',30,0,11), ('困境儿童','resident',14,0,12),
	('流动人口','resident',90,0,13), ('出租屋','household',90,0,14),
	('社区矫正','resident',7,1,15), ('刑满释放','resident',30,1,16),
	('严重精神障碍','resident',14,1,17), ('党员中心户','household',NULL,0,18),
	('志愿者','resident',NULL,0,19);
INSERT INTO visit_method(name, sort) VALUES
	('入户',1), ('电话',2), ('来访',3), ('线上',4), ('代办上门',5);
INSERT INTO visit_purpose(name, sort) VALUES
	('常规走访',1), ('重点人群探访',2), ('节日慰问',3), ('政策宣传',4),
	('信息核实',5), ('矛盾排查',6), ('回访',7);
INSERT INTO must_report_item(name, sort) VALUES
	('安全隐患',1), ('矛盾纠纷苗头',2), ('突发疾病',3), ('人员异常流动',4);
INSERT INTO dispute_type(name, sort) VALUES
	('邻里纠纷',1), ('婚姻家庭',2), ('物业纠纷',3), ('房屋宅基地',4), ('损害赔偿',5),
	('劳动争议',6), ('合同纠纷',7), ('噪声扰民',8), ('养犬',9), ('私搭乱建',10), ('其他',11);
INSERT INTO meeting_kind(name, sort) VALUES
	('居民会议',1), ('居民代表会议',2), ('居民议事会',3), ('听证会',4),
	('民情恳谈会',5), ('两委联席会议',6), ('业委会物业联席会',7);
INSERT INTO setting(key, value) VALUES
	('meeting.follow_up_days', '30'),
	('meeting.publish_days', '7'),
	('case.warn_day', '25'),
	('case.limit_days', '30');

-- @AUDIT-TRIGGERS@ (generated by tools/gen-audit.sh below this line)
CREATE TRIGGER community_audit_insert AFTER INSERT ON community BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'community', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'area_code', NEW.area_code, 'street', NEW.street, 'district', NEW.district, 'address', NEW.address, 'phone', NEW.phone, 'short_name', NEW.short_name, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER community_audit_update AFTER UPDATE ON community BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'community', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'area_code', OLD.area_code, 'street', OLD.street, 'district', OLD.district, 'address', OLD.address, 'phone', OLD.phone, 'short_name', OLD.short_name, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'area_code', NEW.area_code, 'street', NEW.street, 'district', NEW.district, 'address', NEW.address, 'phone', NEW.phone, 'short_name', NEW.short_name, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER community_audit_delete AFTER DELETE ON community BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'community', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'area_code', OLD.area_code, 'street', OLD.street, 'district', OLD.district, 'address', OLD.address, 'phone', OLD.phone, 'short_name', OLD.short_name, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER staff_audit_insert AFTER INSERT ON staff BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'os_login', NEW.os_login, 'pin_hash', NEW.pin_hash, 'phone', NEW.phone, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER staff_audit_update AFTER UPDATE ON staff BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role, 'os_login', OLD.os_login, 'pin_hash', OLD.pin_hash, 'phone', OLD.phone, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'role', NEW.role, 'os_login', NEW.os_login, 'pin_hash', NEW.pin_hash, 'phone', NEW.phone, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER staff_audit_delete AFTER DELETE ON staff BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'role', OLD.role, 'os_login', OLD.os_login, 'pin_hash', OLD.pin_hash, 'phone', OLD.phone, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER grid_audit_insert AFTER INSERT ON grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'grid', NEW.id, 'insert',
		json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'worker_id', NEW.worker_id, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER grid_audit_update AFTER UPDATE ON grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'grid', NEW.id, 'update',
		json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'worker_id', OLD.worker_id, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'code', NEW.code, 'name', NEW.name, 'worker_id', NEW.worker_id, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER grid_audit_delete AFTER DELETE ON grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'grid', OLD.id, 'delete',
		json_object('id', OLD.id, 'code', OLD.code, 'name', OLD.name, 'worker_id', OLD.worker_id, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER staff_grid_audit_insert AFTER INSERT ON staff_grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff_grid', NEW.id, 'insert',
		json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'grid_id', NEW.grid_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER staff_grid_audit_update AFTER UPDATE ON staff_grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff_grid', NEW.id, 'update',
		json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'grid_id', OLD.grid_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'grid_id', NEW.grid_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER staff_grid_audit_delete AFTER DELETE ON staff_grid BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'staff_grid', OLD.id, 'delete',
		json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'grid_id', OLD.grid_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER dwelling_audit_insert AFTER INSERT ON dwelling BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dwelling', NEW.id, 'insert',
		json_object('id', NEW.id, 'grid_id', NEW.grid_id, 'compound', NEW.compound, 'building', NEW.building, 'unit', NEW.unit, 'room', NEW.room, 'tenure', NEW.tenure, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER dwelling_audit_update AFTER UPDATE ON dwelling BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dwelling', NEW.id, 'update',
		json_object('id', OLD.id, 'grid_id', OLD.grid_id, 'compound', OLD.compound, 'building', OLD.building, 'unit', OLD.unit, 'room', OLD.room, 'tenure', OLD.tenure, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'grid_id', NEW.grid_id, 'compound', NEW.compound, 'building', NEW.building, 'unit', NEW.unit, 'room', NEW.room, 'tenure', NEW.tenure, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER dwelling_audit_delete AFTER DELETE ON dwelling BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dwelling', OLD.id, 'delete',
		json_object('id', OLD.id, 'grid_id', OLD.grid_id, 'compound', OLD.compound, 'building', OLD.building, 'unit', OLD.unit, 'room', OLD.room, 'tenure', OLD.tenure, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER household_audit_insert AFTER INSERT ON household BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household', NEW.id, 'insert',
		json_object('id', NEW.id, 'dwelling_id', NEW.dwelling_id, 'reg_no', NEW.reg_no, 'kind', NEW.kind, 'phone', NEW.phone, 'notes', NEW.notes, 'status', NEW.status, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER household_audit_update AFTER UPDATE ON household BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household', NEW.id, 'update',
		json_object('id', OLD.id, 'dwelling_id', OLD.dwelling_id, 'reg_no', OLD.reg_no, 'kind', OLD.kind, 'phone', OLD.phone, 'notes', OLD.notes, 'status', OLD.status, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'dwelling_id', NEW.dwelling_id, 'reg_no', NEW.reg_no, 'kind', NEW.kind, 'phone', NEW.phone, 'notes', NEW.notes, 'status', NEW.status, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER household_audit_delete AFTER DELETE ON household BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household', OLD.id, 'delete',
		json_object('id', OLD.id, 'dwelling_id', OLD.dwelling_id, 'reg_no', OLD.reg_no, 'kind', OLD.kind, 'phone', OLD.phone, 'notes', OLD.notes, 'status', OLD.status, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER resident_audit_insert AFTER INSERT ON resident BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident', NEW.id, 'insert',
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'name', NEW.name, 'former_name', NEW.former_name, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'id_number', NEW.id_number, 'ethnicity', NEW.ethnicity, 'relation', NEW.relation, 'phone', NEW.phone, 'political', NEW.political, 'education', NEW.education, 'occupation', NEW.occupation, 'employment', NEW.employment, 'residence_type', NEW.residence_type, 'arrival_date', NEW.arrival_date, 'arrival_reason', NEW.arrival_reason, 'status', NEW.status, 'status_date', NEW.status_date, 'moved_to', NEW.moved_to, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER resident_audit_update AFTER UPDATE ON resident BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident', NEW.id, 'update',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'name', OLD.name, 'former_name', OLD.former_name, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'id_number', OLD.id_number, 'ethnicity', OLD.ethnicity, 'relation', OLD.relation, 'phone', OLD.phone, 'political', OLD.political, 'education', OLD.education, 'occupation', OLD.occupation, 'employment', OLD.employment, 'residence_type', OLD.residence_type, 'arrival_date', OLD.arrival_date, 'arrival_reason', OLD.arrival_reason, 'status', OLD.status, 'status_date', OLD.status_date, 'moved_to', OLD.moved_to, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'name', NEW.name, 'former_name', NEW.former_name, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'id_number', NEW.id_number, 'ethnicity', NEW.ethnicity, 'relation', NEW.relation, 'phone', NEW.phone, 'political', NEW.political, 'education', NEW.education, 'occupation', NEW.occupation, 'employment', NEW.employment, 'residence_type', NEW.residence_type, 'arrival_date', NEW.arrival_date, 'arrival_reason', NEW.arrival_reason, 'status', NEW.status, 'status_date', NEW.status_date, 'moved_to', NEW.moved_to, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER resident_audit_delete AFTER DELETE ON resident BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident', OLD.id, 'delete',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'name', OLD.name, 'former_name', OLD.former_name, 'sex', OLD.sex, 'birth_date', OLD.birth_date, 'id_number', OLD.id_number, 'ethnicity', OLD.ethnicity, 'relation', OLD.relation, 'phone', OLD.phone, 'political', OLD.political, 'education', OLD.education, 'occupation', OLD.occupation, 'employment', OLD.employment, 'residence_type', OLD.residence_type, 'arrival_date', OLD.arrival_date, 'arrival_reason', OLD.arrival_reason, 'status', OLD.status, 'status_date', OLD.status_date, 'moved_to', OLD.moved_to, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER tag_audit_insert AFTER INSERT ON tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'tag', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'applies_to', NEW.applies_to, 'interval_days', NEW.interval_days, 'sensitive', NEW.sensitive, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER tag_audit_update AFTER UPDATE ON tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'tag', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'applies_to', OLD.applies_to, 'interval_days', OLD.interval_days, 'sensitive', OLD.sensitive, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'applies_to', NEW.applies_to, 'interval_days', NEW.interval_days, 'sensitive', NEW.sensitive, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER tag_audit_delete AFTER DELETE ON tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'tag', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'applies_to', OLD.applies_to, 'interval_days', OLD.interval_days, 'sensitive', OLD.sensitive, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER resident_tag_audit_insert AFTER INSERT ON resident_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident_tag', NEW.id, 'insert',
		json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER resident_tag_audit_update AFTER UPDATE ON resident_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident_tag', NEW.id, 'update',
		json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'tag_id', OLD.tag_id, 'since', OLD.since, 'note', OLD.note, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER resident_tag_audit_delete AFTER DELETE ON resident_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident_tag', OLD.id, 'delete',
		json_object('id', OLD.id, 'resident_id', OLD.resident_id, 'tag_id', OLD.tag_id, 'since', OLD.since, 'note', OLD.note, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER household_tag_audit_insert AFTER INSERT ON household_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household_tag', NEW.id, 'insert',
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER household_tag_audit_update AFTER UPDATE ON household_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household_tag', NEW.id, 'update',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'tag_id', OLD.tag_id, 'since', OLD.since, 'note', OLD.note, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER household_tag_audit_delete AFTER DELETE ON household_tag BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household_tag', OLD.id, 'delete',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'tag_id', OLD.tag_id, 'since', OLD.since, 'note', OLD.note, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER visit_method_audit_insert AFTER INSERT ON visit_method BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_method', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_method_audit_update AFTER UPDATE ON visit_method BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_method', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_method_audit_delete AFTER DELETE ON visit_method BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_method', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER visit_purpose_audit_insert AFTER INSERT ON visit_purpose BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_purpose', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_purpose_audit_update AFTER UPDATE ON visit_purpose BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_purpose', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_purpose_audit_delete AFTER DELETE ON visit_purpose BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_purpose', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER must_report_item_audit_insert AFTER INSERT ON must_report_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'must_report_item', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER must_report_item_audit_update AFTER UPDATE ON must_report_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'must_report_item', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER must_report_item_audit_delete AFTER DELETE ON must_report_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'must_report_item', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER visit_audit_insert AFTER INSERT ON visit BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit', NEW.id, 'insert',
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'resident_id', NEW.resident_id, 'visit_date', NEW.visit_date, 'staff_id', NEW.staff_id, 'method_id', NEW.method_id, 'purpose_id', NEW.purpose_id, 'findings', NEW.findings, 'needs', NEW.needs, 'follow_up', NEW.follow_up, 'follow_up_done', NEW.follow_up_done, 'next_visit_date', NEW.next_visit_date, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_audit_update AFTER UPDATE ON visit BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit', NEW.id, 'update',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'resident_id', OLD.resident_id, 'visit_date', OLD.visit_date, 'staff_id', OLD.staff_id, 'method_id', OLD.method_id, 'purpose_id', OLD.purpose_id, 'findings', OLD.findings, 'needs', OLD.needs, 'follow_up', OLD.follow_up, 'follow_up_done', OLD.follow_up_done, 'next_visit_date', OLD.next_visit_date, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'resident_id', NEW.resident_id, 'visit_date', NEW.visit_date, 'staff_id', NEW.staff_id, 'method_id', NEW.method_id, 'purpose_id', NEW.purpose_id, 'findings', NEW.findings, 'needs', NEW.needs, 'follow_up', NEW.follow_up, 'follow_up_done', NEW.follow_up_done, 'next_visit_date', NEW.next_visit_date, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_audit_delete AFTER DELETE ON visit BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit', OLD.id, 'delete',
		json_object('id', OLD.id, 'household_id', OLD.household_id, 'resident_id', OLD.resident_id, 'visit_date', OLD.visit_date, 'staff_id', OLD.staff_id, 'method_id', OLD.method_id, 'purpose_id', OLD.purpose_id, 'findings', OLD.findings, 'needs', OLD.needs, 'follow_up', OLD.follow_up, 'follow_up_done', OLD.follow_up_done, 'next_visit_date', OLD.next_visit_date, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER visit_report_audit_insert AFTER INSERT ON visit_report BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_report', NEW.id, 'insert',
		json_object('id', NEW.id, 'visit_id', NEW.visit_id, 'item_id', NEW.item_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_report_audit_update AFTER UPDATE ON visit_report BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_report', NEW.id, 'update',
		json_object('id', OLD.id, 'visit_id', OLD.visit_id, 'item_id', OLD.item_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'visit_id', NEW.visit_id, 'item_id', NEW.item_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER visit_report_audit_delete AFTER DELETE ON visit_report BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'visit_report', OLD.id, 'delete',
		json_object('id', OLD.id, 'visit_id', OLD.visit_id, 'item_id', OLD.item_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER dispute_type_audit_insert AFTER INSERT ON dispute_type BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dispute_type', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER dispute_type_audit_update AFTER UPDATE ON dispute_type BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dispute_type', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER dispute_type_audit_delete AFTER DELETE ON dispute_type BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dispute_type', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER mediation_case_audit_insert AFTER INSERT ON mediation_case BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'mediation_case', NEW.id, 'insert',
		json_object('id', NEW.id, 'year', NEW.year, 'seq', NEW.seq, 'case_no', NEW.case_no, 'accepted_date', NEW.accepted_date, 'source', NEW.source, 'type_id', NEW.type_id, 'summary', NEW.summary, 'claims', NEW.claims, 'state', NEW.state, 'result', NEW.result, 'facts', NEW.facts, 'agreement', NEW.agreement, 'perform_manner', NEW.perform_manner, 'perform_place', NEW.perform_place, 'perform_deadline', NEW.perform_deadline, 'copies', NEW.copies, 'referred_to', NEW.referred_to, 'closed_date', NEW.closed_date, 'registrar_id', NEW.registrar_id, 'mediator_id', NEW.mediator_id, 'co_mediator_id', NEW.co_mediator_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER mediation_case_audit_update AFTER UPDATE ON mediation_case BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'mediation_case', NEW.id, 'update',
		json_object('id', OLD.id, 'year', OLD.year, 'seq', OLD.seq, 'case_no', OLD.case_no, 'accepted_date', OLD.accepted_date, 'source', OLD.source, 'type_id', OLD.type_id, 'summary', OLD.summary, 'claims', OLD.claims, 'state', OLD.state, 'result', OLD.result, 'facts', OLD.facts, 'agreement', OLD.agreement, 'perform_manner', OLD.perform_manner, 'perform_place', OLD.perform_place, 'perform_deadline', OLD.perform_deadline, 'copies', OLD.copies, 'referred_to', OLD.referred_to, 'closed_date', OLD.closed_date, 'registrar_id', OLD.registrar_id, 'mediator_id', OLD.mediator_id, 'co_mediator_id', OLD.co_mediator_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'year', NEW.year, 'seq', NEW.seq, 'case_no', NEW.case_no, 'accepted_date', NEW.accepted_date, 'source', NEW.source, 'type_id', NEW.type_id, 'summary', NEW.summary, 'claims', NEW.claims, 'state', NEW.state, 'result', NEW.result, 'facts', NEW.facts, 'agreement', NEW.agreement, 'perform_manner', NEW.perform_manner, 'perform_place', NEW.perform_place, 'perform_deadline', NEW.perform_deadline, 'copies', NEW.copies, 'referred_to', NEW.referred_to, 'closed_date', NEW.closed_date, 'registrar_id', NEW.registrar_id, 'mediator_id', NEW.mediator_id, 'co_mediator_id', NEW.co_mediator_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER mediation_case_audit_delete AFTER DELETE ON mediation_case BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'mediation_case', OLD.id, 'delete',
		json_object('id', OLD.id, 'year', OLD.year, 'seq', OLD.seq, 'case_no', OLD.case_no, 'accepted_date', OLD.accepted_date, 'source', OLD.source, 'type_id', OLD.type_id, 'summary', OLD.summary, 'claims', OLD.claims, 'state', OLD.state, 'result', OLD.result, 'facts', OLD.facts, 'agreement', OLD.agreement, 'perform_manner', OLD.perform_manner, 'perform_place', OLD.perform_place, 'perform_deadline', OLD.perform_deadline, 'copies', OLD.copies, 'referred_to', OLD.referred_to, 'closed_date', OLD.closed_date, 'registrar_id', OLD.registrar_id, 'mediator_id', OLD.mediator_id, 'co_mediator_id', OLD.co_mediator_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER case_party_audit_insert AFTER INSERT ON case_party BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_party', NEW.id, 'insert',
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'role', NEW.role, 'resident_id', NEW.resident_id, 'name', NEW.name, 'sex', NEW.sex, 'ethnicity', NEW.ethnicity, 'age', NEW.age, 'id_number', NEW.id_number, 'occupation', NEW.occupation, 'phone', NEW.phone, 'address', NEW.address, 'sort', NEW.sort, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_party_audit_update AFTER UPDATE ON case_party BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_party', NEW.id, 'update',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'role', OLD.role, 'resident_id', OLD.resident_id, 'name', OLD.name, 'sex', OLD.sex, 'ethnicity', OLD.ethnicity, 'age', OLD.age, 'id_number', OLD.id_number, 'occupation', OLD.occupation, 'phone', OLD.phone, 'address', OLD.address, 'sort', OLD.sort, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'role', NEW.role, 'resident_id', NEW.resident_id, 'name', NEW.name, 'sex', NEW.sex, 'ethnicity', NEW.ethnicity, 'age', NEW.age, 'id_number', NEW.id_number, 'occupation', NEW.occupation, 'phone', NEW.phone, 'address', NEW.address, 'sort', NEW.sort, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_party_audit_delete AFTER DELETE ON case_party BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_party', OLD.id, 'delete',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'role', OLD.role, 'resident_id', OLD.resident_id, 'name', OLD.name, 'sex', OLD.sex, 'ethnicity', OLD.ethnicity, 'age', OLD.age, 'id_number', OLD.id_number, 'occupation', OLD.occupation, 'phone', OLD.phone, 'address', OLD.address, 'sort', OLD.sort, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER case_event_audit_insert AFTER INSERT ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', NEW.id, 'insert',
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'kind', NEW.kind, 'event_date', NEW.event_date, 'staff_id', NEW.staff_id, 'text', NEW.text, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'performance', NEW.performance, 'satisfaction', NEW.satisfaction, 'flare_up', NEW.flare_up, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_event_audit_update AFTER UPDATE ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', NEW.id, 'update',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'kind', OLD.kind, 'event_date', OLD.event_date, 'staff_id', OLD.staff_id, 'text', OLD.text, 'from_state', OLD.from_state, 'to_state', OLD.to_state, 'performance', OLD.performance, 'satisfaction', OLD.satisfaction, 'flare_up', OLD.flare_up, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'kind', NEW.kind, 'event_date', NEW.event_date, 'staff_id', NEW.staff_id, 'text', NEW.text, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'performance', NEW.performance, 'satisfaction', NEW.satisfaction, 'flare_up', NEW.flare_up, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_event_audit_delete AFTER DELETE ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', OLD.id, 'delete',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'kind', OLD.kind, 'event_date', OLD.event_date, 'staff_id', OLD.staff_id, 'text', OLD.text, 'from_state', OLD.from_state, 'to_state', OLD.to_state, 'performance', OLD.performance, 'satisfaction', OLD.satisfaction, 'flare_up', OLD.flare_up, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER meeting_kind_audit_insert AFTER INSERT ON meeting_kind BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_kind', NEW.id, 'insert',
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_kind_audit_update AFTER UPDATE ON meeting_kind BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_kind', NEW.id, 'update',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'name', NEW.name, 'sort', NEW.sort, 'active', NEW.active, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_kind_audit_delete AFTER DELETE ON meeting_kind BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_kind', OLD.id, 'delete',
		json_object('id', OLD.id, 'name', OLD.name, 'sort', OLD.sort, 'active', OLD.active, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting', NEW.id, 'insert',
		json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'title', NEW.title, 'meeting_date', NEW.meeting_date, 'start_time', NEW.start_time, 'place', NEW.place, 'host_id', NEW.host_id, 'recorder_id', NEW.recorder_id, 'entitled', NEW.entitled, 'state', NEW.state, 'state_history', NEW.state_history, 'minutes', NEW.minutes, 'publish_start', NEW.publish_start, 'publish_end', NEW.publish_end, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting', NEW.id, 'update',
		json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'title', OLD.title, 'meeting_date', OLD.meeting_date, 'start_time', OLD.start_time, 'place', OLD.place, 'host_id', OLD.host_id, 'recorder_id', OLD.recorder_id, 'entitled', OLD.entitled, 'state', OLD.state, 'state_history', OLD.state_history, 'minutes', OLD.minutes, 'publish_start', OLD.publish_start, 'publish_end', OLD.publish_end, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'kind_id', NEW.kind_id, 'title', NEW.title, 'meeting_date', NEW.meeting_date, 'start_time', NEW.start_time, 'place', NEW.place, 'host_id', NEW.host_id, 'recorder_id', NEW.recorder_id, 'entitled', NEW.entitled, 'state', NEW.state, 'state_history', NEW.state_history, 'minutes', NEW.minutes, 'publish_start', NEW.publish_start, 'publish_end', NEW.publish_end, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting', OLD.id, 'delete',
		json_object('id', OLD.id, 'kind_id', OLD.kind_id, 'title', OLD.title, 'meeting_date', OLD.meeting_date, 'start_time', OLD.start_time, 'place', OLD.place, 'host_id', OLD.host_id, 'recorder_id', OLD.recorder_id, 'entitled', OLD.entitled, 'state', OLD.state, 'state_history', OLD.state_history, 'minutes', OLD.minutes, 'publish_start', OLD.publish_start, 'publish_end', OLD.publish_end, 'notes', OLD.notes, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER meeting_attendee_audit_insert AFTER INSERT ON meeting_attendee BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_attendee', NEW.id, 'insert',
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'resident_id', NEW.resident_id, 'name', NEW.name, 'organisation', NEW.organisation, 'role', NEW.role, 'attendance', NEW.attendance, 'proxy_name', NEW.proxy_name, 'sort', NEW.sort, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_attendee_audit_update AFTER UPDATE ON meeting_attendee BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_attendee', NEW.id, 'update',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'resident_id', OLD.resident_id, 'name', OLD.name, 'organisation', OLD.organisation, 'role', OLD.role, 'attendance', OLD.attendance, 'proxy_name', OLD.proxy_name, 'sort', OLD.sort, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'resident_id', NEW.resident_id, 'name', NEW.name, 'organisation', NEW.organisation, 'role', NEW.role, 'attendance', NEW.attendance, 'proxy_name', NEW.proxy_name, 'sort', NEW.sort, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_attendee_audit_delete AFTER DELETE ON meeting_attendee BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_attendee', OLD.id, 'delete',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'resident_id', OLD.resident_id, 'name', OLD.name, 'organisation', OLD.organisation, 'role', OLD.role, 'attendance', OLD.attendance, 'proxy_name', OLD.proxy_name, 'sort', OLD.sort, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER meeting_item_audit_insert AFTER INSERT ON meeting_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_item', NEW.id, 'insert',
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'seq', NEW.seq, 'title', NEW.title, 'proposal', NEW.proposal, 'discussion', NEW.discussion, 'votes_for', NEW.votes_for, 'votes_against', NEW.votes_against, 'votes_abstain', NEW.votes_abstain, 'decision', NEW.decision, 'decision_text', NEW.decision_text, 'minority_opinion', NEW.minority_opinion, 'case_id', NEW.case_id, 'household_id', NEW.household_id, 'follow_up', NEW.follow_up, 'follow_up_date', NEW.follow_up_date, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_item_audit_update AFTER UPDATE ON meeting_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_item', NEW.id, 'update',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'seq', OLD.seq, 'title', OLD.title, 'proposal', OLD.proposal, 'discussion', OLD.discussion, 'votes_for', OLD.votes_for, 'votes_against', OLD.votes_against, 'votes_abstain', OLD.votes_abstain, 'decision', OLD.decision, 'decision_text', OLD.decision_text, 'minority_opinion', OLD.minority_opinion, 'case_id', OLD.case_id, 'household_id', OLD.household_id, 'follow_up', OLD.follow_up, 'follow_up_date', OLD.follow_up_date, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'seq', NEW.seq, 'title', NEW.title, 'proposal', NEW.proposal, 'discussion', NEW.discussion, 'votes_for', NEW.votes_for, 'votes_against', NEW.votes_against, 'votes_abstain', NEW.votes_abstain, 'decision', NEW.decision, 'decision_text', NEW.decision_text, 'minority_opinion', NEW.minority_opinion, 'case_id', NEW.case_id, 'household_id', NEW.household_id, 'follow_up', NEW.follow_up, 'follow_up_date', NEW.follow_up_date, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_item_audit_delete AFTER DELETE ON meeting_item BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_item', OLD.id, 'delete',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'seq', OLD.seq, 'title', OLD.title, 'proposal', OLD.proposal, 'discussion', OLD.discussion, 'votes_for', OLD.votes_for, 'votes_against', OLD.votes_against, 'votes_abstain', OLD.votes_abstain, 'decision', OLD.decision, 'decision_text', OLD.decision_text, 'minority_opinion', OLD.minority_opinion, 'case_id', OLD.case_id, 'household_id', OLD.household_id, 'follow_up', OLD.follow_up, 'follow_up_date', OLD.follow_up_date, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
CREATE TRIGGER setting_audit_insert AFTER INSERT ON setting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'setting', NEW.rowid, 'insert',
		json_object('key', NEW.key, 'value', NEW.value, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by));
END;
CREATE TRIGGER setting_audit_update AFTER UPDATE ON setting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'setting', NEW.rowid, 'update',
		json_object('key', OLD.key, 'value', OLD.value, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by),
		json_object('key', NEW.key, 'value', NEW.value, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by));
END;
CREATE TRIGGER setting_audit_delete AFTER DELETE ON setting BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'setting', OLD.rowid, 'delete',
		json_object('key', OLD.key, 'value', OLD.value, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by));
END;
