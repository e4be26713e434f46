-- 0019: the house a case is about (one per case; no foreign key to cases, which may be partitioned by month).
CREATE TABLE "case_houses" (
    "case_id" INTEGER NOT NULL CONSTRAINT "pk_case_houses" PRIMARY KEY,
    "house_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "linked_at" TEXT NOT NULL,
    "linked_by_user_id" INTEGER NULL,
    CONSTRAINT "fk_case_houses_houses_house_id" FOREIGN KEY ("house_id") REFERENCES "houses" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_case_houses_house_id" ON "case_houses" ("house_id");
