-- 0015: the register of people and homes (issue 14): compounds (小区/院落), buildings (楼栋) with their houses
-- (房屋/户), people (实有人口; numbers encrypted and masked, the ID number also as a keyed hash) and residences (who
-- lives where, from and to; ended, never deleted).
CREATE TABLE "compounds" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_compounds" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "address" TEXT NULL,
    "property_company" TEXT NULL,
    "property_contact" TEXT NULL,
    "property_phone_masked" TEXT NULL,
    "property_phone_cipher" TEXT NULL,
    "self_governance" TEXT NULL,
    "lon" REAL NULL,
    "lat" REAL NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "buildings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_buildings" PRIMARY KEY AUTOINCREMENT,
    "compound_id" INTEGER NULL,
    "name" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "floors" INTEGER NOT NULL,
    "houses_per_floor" INTEGER NOT NULL,
    "lon" REAL NULL,
    "lat" REAL NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_buildings_compounds_compound_id" FOREIGN KEY ("compound_id") REFERENCES "compounds" ("id")
);

CREATE TABLE "houses" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_houses" PRIMARY KEY AUTOINCREMENT,
    "building_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "unit" INTEGER NOT NULL,
    "floor" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "use" INTEGER NOT NULL,
    "floor_area" REAL NULL,
    "owner_person_id" INTEGER NULL,
    "verified_at" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_houses_buildings_building_id" FOREIGN KEY ("building_id") REFERENCES "buildings" ("id") ON DELETE RESTRICT
);

CREATE TABLE "people" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_people" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "id_number_masked" TEXT NULL,
    "id_number_cipher" TEXT NULL,
    "id_number_hash" TEXT NULL,
    "document_masked" TEXT NULL,
    "document_cipher" TEXT NULL,
    "birth_date" TEXT NULL,
    "sex" INTEGER NULL,
    "phone_masked" TEXT NULL,
    "phone_cipher" TEXT NULL,
    "registration" INTEGER NOT NULL,
    "tags" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "residences" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_residences" PRIMARY KEY AUTOINCREMENT,
    "person_id" INTEGER NOT NULL,
    "house_id" INTEGER NOT NULL,
    "relation" INTEGER NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NULL,
    "area_code" TEXT NOT NULL,
    "district_code" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_residences_houses_house_id" FOREIGN KEY ("house_id") REFERENCES "houses" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_residences_people_person_id" FOREIGN KEY ("person_id") REFERENCES "people" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_buildings_area_code" ON "buildings" ("area_code");

CREATE INDEX "ix_buildings_compound_id" ON "buildings" ("compound_id");

CREATE INDEX "ix_compounds_area_code" ON "compounds" ("area_code");

CREATE INDEX "ix_houses_area_code" ON "houses" ("area_code");

CREATE UNIQUE INDEX "ix_houses_building_id_unit_floor_number" ON "houses" ("building_id", "unit", "floor", "number");

CREATE INDEX "ix_people_area_code_name" ON "people" ("area_code", "name");

CREATE UNIQUE INDEX "ix_people_id_number_hash" ON "people" ("id_number_hash");

CREATE INDEX "ix_residences_house_id" ON "residences" ("house_id");

CREATE INDEX "ix_residences_person_id" ON "residences" ("person_id");
