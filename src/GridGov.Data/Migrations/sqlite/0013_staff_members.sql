-- 0013: the staff register is "staff members" (people who can be assigned to grids), which leaves "person" free for
-- the coming register of residents: people → staff_members, grid_assignments.person_id and users.person_id →
-- staff_member_id, and the indexes named after them. SQLite rewrites the references (the foreign key, the indexes'
-- columns) itself but cannot rename an index, so the two are dropped and created again; the constraint names inside
-- the tables' stored CREATE statements keep their old words (SQLite never uses them).
ALTER TABLE "people" RENAME TO "staff_members";

ALTER TABLE "grid_assignments" RENAME COLUMN "person_id" TO "staff_member_id";

ALTER TABLE "users" RENAME COLUMN "person_id" TO "staff_member_id";

DROP INDEX "ix_people_area_code";

CREATE INDEX "ix_staff_members_area_code" ON "staff_members" ("area_code");

DROP INDEX "ix_grid_assignments_person_id";

CREATE INDEX "ix_grid_assignments_staff_member_id" ON "grid_assignments" ("staff_member_id");
