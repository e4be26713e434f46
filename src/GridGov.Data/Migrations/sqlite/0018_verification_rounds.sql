-- 0018: verification rounds of houses and occupants (人房数据核验, issue 14): rounds over an area and a period, one
-- item per house (falling to its grid worker), the workers' reports (a correction is a change request, kept
-- encrypted until the community decides), and per-area tallies by state that progress reads.
CREATE TABLE "verification_rounds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_verification_rounds" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "starts_on" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "houses" INTEGER NOT NULL,
    "opened_by_user_id" INTEGER NULL,
    "opened_by" TEXT NOT NULL,
    "opened_at" TEXT NOT NULL,
    "closed_at" TEXT NULL
);

CREATE TABLE "verification_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_verification_items" PRIMARY KEY AUTOINCREMENT,
    "round_id" INTEGER NOT NULL,
    "house_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "worker_area" TEXT NOT NULL,
    "assignee_staff_id" INTEGER NULL,
    "state" INTEGER NOT NULL,
    "verified_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_verification_items_houses_house_id" FOREIGN KEY ("house_id") REFERENCES "houses" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_verification_items_verification_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "verification_rounds" ("id") ON DELETE RESTRICT
);

CREATE TABLE "verification_reports" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_verification_reports" PRIMARY KEY AUTOINCREMENT,
    "item_id" INTEGER NOT NULL,
    "round_id" INTEGER NOT NULL,
    "house_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "user_id" INTEGER NULL,
    "key_owner" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "by_name" TEXT NOT NULL,
    "filed_at" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "payload_cipher" TEXT NULL,
    "decision" INTEGER NULL,
    "decided_by_user_id" INTEGER NULL,
    "decided_by" TEXT NULL,
    "decided_at" TEXT NULL,
    "decision_note" TEXT NULL,
    CONSTRAINT "fk_verification_reports_verification_items_item_id" FOREIGN KEY ("item_id") REFERENCES "verification_items" ("id") ON DELETE RESTRICT
);

CREATE TABLE "verification_tallies" (
    "round_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "houses" INTEGER NOT NULL,
    CONSTRAINT "pk_verification_tallies" PRIMARY KEY ("round_id", "area_code", "state"),
    CONSTRAINT "fk_verification_tallies_verification_rounds_round_id" FOREIGN KEY ("round_id") REFERENCES "verification_rounds" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_verification_items_house_id" ON "verification_items" ("house_id");
CREATE INDEX "ix_verification_items_round_id_area_code_state" ON "verification_items" ("round_id", "area_code", "state");
CREATE UNIQUE INDEX "ix_verification_items_round_id_house_id" ON "verification_items" ("round_id", "house_id");
CREATE INDEX "ix_verification_items_worker_area_state" ON "verification_items" ("worker_area", "state");
CREATE INDEX "ix_verification_reports_area_code_decision" ON "verification_reports" ("area_code", "decision");
CREATE INDEX "ix_verification_reports_item_id" ON "verification_reports" ("item_id");
CREATE UNIQUE INDEX "ix_verification_reports_key_owner_idempotency_key" ON "verification_reports" ("key_owner", "idempotency_key");
CREATE INDEX "ix_verification_rounds_area_code_closed_at" ON "verification_rounds" ("area_code", "closed_at");
