-- 0016: find residents by phone (keyed hash), find a record whose ID number's check character was mistyped (keyed
-- hash of the first 17 digits), and possible duplicates by name and birth date.
ALTER TABLE "people" ADD "phone_hash" TEXT NULL;
ALTER TABLE "people" ADD "id_body_hash" TEXT NULL;
CREATE INDEX "ix_people_phone_hash" ON "people" ("phone_hash");
CREATE INDEX "ix_people_id_body_hash" ON "people" ("id_body_hash");
CREATE INDEX "ix_people_name_birth_date" ON "people" ("name", "birth_date");
