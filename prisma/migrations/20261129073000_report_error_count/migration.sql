-- The district overview's error count of each report, kept with the version it was counted at.
ALTER TABLE "Report" ADD COLUMN "errorCount" INTEGER,
ADD COLUMN "errorCountVersion" INTEGER;
