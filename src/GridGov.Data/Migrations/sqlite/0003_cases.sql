-- 0003: the case loop: categories, departments, cases, append-only case history, photos, notifications.
-- Derived from 'schema-script --provider sqlite' by diff with 0002.
CREATE TABLE "case_history" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_case_history" PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "district_code" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    "actor_user_id" INTEGER NULL,
    "actor_name" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "from_status" INTEGER NOT NULL,
    "to_status" INTEGER NOT NULL,
    "note" TEXT NULL,
    "photo_ids" TEXT NULL
);

CREATE TABLE "case_photos" (
    "id" TEXT NOT NULL CONSTRAINT "pk_case_photos" PRIMARY KEY,
    "case_id" INTEGER NULL,
    "district_code" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "thumbnail_path" TEXT NOT NULL,
    "uploaded_by" INTEGER NULL,
    "uploaded_at" TEXT NOT NULL
);

CREATE TABLE "cases" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY AUTOINCREMENT,
    "tracking_no" TEXT NOT NULL,
    "category_code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "pending" INTEGER NOT NULL,
    "status_before_suspension" INTEGER NULL,
    "lon" REAL NOT NULL,
    "lat" REAL NOT NULL,
    "address_text" TEXT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "location_flagged" INTEGER NOT NULL,
    "reporter_user_id" INTEGER NULL,
    "reporter_name" TEXT NULL,
    "reporter_phone_masked" TEXT NULL,
    "reporter_phone_cipher" TEXT NULL,
    "handler_level" INTEGER NOT NULL,
    "assignee_user_id" INTEGER NULL,
    "assignee_department" TEXT NULL,
    "reported_at" TEXT NOT NULL,
    "registered_at" TEXT NULL,
    "responded_at" TEXT NULL,
    "feedback_at" TEXT NULL,
    "closed_at" TEXT NULL,
    "response_due_at" TEXT NULL,
    "resolve_due_at" TEXT NULL,
    "yellow_at" TEXT NULL,
    "suspended_at" TEXT NULL,
    "suspended_hours" REAL NOT NULL,
    "escalated_for_due_at" TEXT NULL,
    "escalation_count" INTEGER NOT NULL,
    "rework_count" INTEGER NOT NULL,
    "rating" INTEGER NULL,
    "rating_comment" TEXT NULL,
    "merged_into_id" INTEGER NULL,
    "pending_extension_hours" REAL NULL,
    "idempotency_key" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "categories" (
    "code" TEXT NOT NULL CONSTRAINT "pk_categories" PRIMARY KEY,
    "parent_code" TEXT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NULL,
    "response_hours" REAL NULL,
    "resolve_hours" REAL NULL,
    "working_hours" INTEGER NOT NULL,
    "handler" INTEGER NOT NULL,
    "department_kind" TEXT NULL,
    "urgency" INTEGER NOT NULL,
    "is_public" INTEGER NOT NULL,
    "is_sensitive" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "departments" (
    "code" TEXT NOT NULL CONSTRAINT "pk_departments" PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "district_code" TEXT NOT NULL
);

CREATE TABLE "notifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY AUTOINCREMENT,
    "user_id" INTEGER NULL,
    "area_code" TEXT NULL,
    "case_id" INTEGER NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "read_at" TEXT NULL
);

CREATE INDEX "ix_case_history_case_id_id" ON "case_history" ("case_id", "id");

CREATE INDEX "ix_case_photos_case_id" ON "case_photos" ("case_id");

CREATE INDEX "ix_cases_area_code_id" ON "cases" ("area_code", "id");

CREATE INDEX "ix_cases_assignee_user_id" ON "cases" ("assignee_user_id");

CREATE INDEX "ix_cases_category_code_status" ON "cases" ("category_code", "status");

CREATE UNIQUE INDEX "ix_cases_idempotency_key" ON "cases" ("idempotency_key");

CREATE INDEX "ix_cases_reporter_user_id" ON "cases" ("reporter_user_id");

CREATE INDEX "ix_cases_status_resolve_due_at" ON "cases" ("status", "resolve_due_at");

CREATE UNIQUE INDEX "ix_cases_tracking_no" ON "cases" ("tracking_no");

CREATE INDEX "ix_departments_district_code" ON "departments" ("district_code");

CREATE INDEX "ix_notifications_area_code_id" ON "notifications" ("area_code", "id");

CREATE INDEX "ix_notifications_user_id_id" ON "notifications" ("user_id", "id");

CREATE TRIGGER "case_history_no_update" BEFORE UPDATE ON "case_history" BEGIN SELECT RAISE(ABORT, 'case_history is append-only'); END;

CREATE TRIGGER "case_history_no_delete" BEFORE DELETE ON "case_history" BEGIN SELECT RAISE(ABORT, 'case_history is append-only'); END;
