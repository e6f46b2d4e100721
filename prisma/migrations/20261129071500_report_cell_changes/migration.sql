-- CreateTable
CREATE TABLE "ReportCellChange" (
    "id" BIGSERIAL NOT NULL,
    "reportId" UUID NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reportVersion" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "oldValue" JSONB,
    "newValue" JSONB,
    "foldedCount" INTEGER NOT NULL DEFAULT 1,
    "firstAt" TIMESTAMP(3),

    CONSTRAINT "ReportCellChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportCellChange_reportId_reportVersion_idx" ON "ReportCellChange"("reportId", "reportVersion");

-- CreateIndex
CREATE INDEX "ReportCellChange_reportId_target_reportVersion_idx" ON "ReportCellChange"("reportId", "target", "reportVersion");

-- AddForeignKey
ALTER TABLE "ReportCellChange" ADD CONSTRAINT "ReportCellChange_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "Report"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportCellChange" ADD CONSTRAINT "ReportCellChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
