-- AlterTable
ALTER TABLE "PipelineRun" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'pipeline';
