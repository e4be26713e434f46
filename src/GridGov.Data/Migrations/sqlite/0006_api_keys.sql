-- 0006: Open311 API keys (hashed, bound to an API client account and an area, revocable).
-- Derived from 'schema-script --provider sqlite' by diff with 0005.
CREATE TABLE "api_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "created_by" INTEGER NULL,
    "revoked_at" TEXT NULL,
    "revoked_by" INTEGER NULL,
    CONSTRAINT "fk_api_keys_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE RESTRICT
);

CREATE INDEX "ix_api_keys_area_code" ON "api_keys" ("area_code");

CREATE UNIQUE INDEX "ix_api_keys_key_hash" ON "api_keys" ("key_hash");

CREATE INDEX "ix_api_keys_user_id" ON "api_keys" ("user_id");
