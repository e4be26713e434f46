-- A resident's consent to the personal information rules at sign-up (PIPL art. 14): when, and which version.
ALTER TABLE "users" ADD COLUMN "privacy_consent_at" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "privacy_consent_version" TEXT NULL;
