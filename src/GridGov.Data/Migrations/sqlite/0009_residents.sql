-- 0009: resident accounts by mobile number (keyed lookup hash, masked and encrypted number), SMS verification codes,
-- and server-side secrets shared by the nodes.
ALTER TABLE "users" ADD "phone_lookup" TEXT NULL;
ALTER TABLE "users" ADD "phone_masked" TEXT NULL;
ALTER TABLE "users" ADD "phone_cipher" TEXT NULL;
CREATE UNIQUE INDEX "ix_users_phone_lookup" ON "users" ("phone_lookup");

CREATE TABLE "phone_verifications" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_phone_verifications" PRIMARY KEY AUTOINCREMENT,
    "phone_lookup" TEXT NOT NULL,
    "purpose" INTEGER NOT NULL,
    "code_hash" TEXT NOT NULL,
    "salt" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "used_at" TEXT NULL,
    "ip" TEXT NULL
);
CREATE INDEX "ix_phone_verifications_phone_lookup_created_at" ON "phone_verifications" ("phone_lookup", "created_at");

CREATE TABLE "app_secrets" (
    "name" TEXT NOT NULL CONSTRAINT "pk_app_secrets" PRIMARY KEY,
    "value" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);
