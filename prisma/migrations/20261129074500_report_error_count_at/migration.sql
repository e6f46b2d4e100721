-- The error count is kept with the report's updatedAt when it was counted rather than its version:
-- every write moves updatedAt, including those that do not go through the versioned save.
ALTER TABLE "Report" DROP COLUMN "errorCountVersion",
ADD COLUMN "errorCountAt" TIMESTAMP(3);
