-- 0017: staged imports of residents' sheets (issue 14): a batch per uploaded file (stage, progress, the preview's
-- counts), its rows as checked and matched (problems by column, or the values to write: numbers encrypted, masked and
-- hashed), and the review queue of possible duplicates (never merged automatically).
CREATE TABLE "people_import_batches" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_people_import_batches" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "stage" INTEGER NOT NULL,
    "rows_total" INTEGER NOT NULL,
    "rows_done" INTEGER NOT NULL,
    "new_rows" INTEGER NOT NULL,
    "update_rows" INTEGER NOT NULL,
    "unchanged_rows" INTEGER NOT NULL,
    "review_rows" INTEGER NOT NULL,
    "error_rows" INTEGER NOT NULL,
    "columns" INTEGER NOT NULL,
    "failure" TEXT NULL,
    "created_by_user_id" INTEGER NULL,
    "created_by_name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "committed_by_user_id" INTEGER NULL,
    "committed_by_name" TEXT NULL,
    "committed_at" TEXT NULL
);

CREATE TABLE "people_import_rows" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_people_import_rows" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "district_code" TEXT NOT NULL,
    "row_number" INTEGER NOT NULL,
    "outcome" INTEGER NOT NULL,
    "errors" TEXT NULL,
    "name" TEXT NULL,
    "id_number_masked" TEXT NULL,
    "id_number_cipher" TEXT NULL,
    "id_number_hash" TEXT NULL,
    "id_body_hash" TEXT NULL,
    "document_masked" TEXT NULL,
    "document_cipher" TEXT NULL,
    "birth_date" TEXT NULL,
    "sex" INTEGER NULL,
    "phone_masked" TEXT NULL,
    "phone_cipher" TEXT NULL,
    "phone_hash" TEXT NULL,
    "registration" INTEGER NULL,
    "tags" TEXT NULL,
    "house_id" INTEGER NULL,
    "relation" INTEGER NULL,
    "moved_in" TEXT NULL,
    "area_code" TEXT NULL,
    "person_id" INTEGER NULL,
    "new_person_id" INTEGER NULL,
    "adds_link" INTEGER NOT NULL,
    "changes_link_id" INTEGER NULL,
    "review_reason" INTEGER NULL,
    CONSTRAINT "fk_people_import_rows_people_import_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "people_import_batches" ("id") ON DELETE CASCADE
);

CREATE TABLE "people_import_reviews" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_people_import_reviews" PRIMARY KEY AUTOINCREMENT,
    "batch_id" INTEGER NOT NULL,
    "row_id" INTEGER NOT NULL,
    "person_id" INTEGER NOT NULL,
    "reason" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "result_person_id" INTEGER NULL,
    "resolved_by_user_id" INTEGER NULL,
    "resolved_by_name" TEXT NULL,
    "resolved_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_people_import_reviews_people_import_batches_batch_id" FOREIGN KEY ("batch_id") REFERENCES "people_import_batches" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_people_import_reviews_people_import_rows_row_id" FOREIGN KEY ("row_id") REFERENCES "people_import_rows" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_people_import_reviews_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_people_import_batches_area_code_created_at" ON "people_import_batches" ("area_code", "created_at");

CREATE INDEX "ix_people_import_reviews_area_code_status" ON "people_import_reviews" ("area_code", "status");

CREATE INDEX "ix_people_import_reviews_batch_id" ON "people_import_reviews" ("batch_id");

CREATE INDEX "ix_people_import_reviews_person_id" ON "people_import_reviews" ("person_id");

CREATE UNIQUE INDEX "ix_people_import_reviews_row_id" ON "people_import_reviews" ("row_id");

CREATE INDEX "ix_people_import_rows_batch_id_outcome_row_number" ON "people_import_rows" ("batch_id", "outcome", "row_number");
