-- AlterTable
ALTER TABLE "Profile" ADD COLUMN "savedAnswers" JSONB NOT NULL DEFAULT '[]';
