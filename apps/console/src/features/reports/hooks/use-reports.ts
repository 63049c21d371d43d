import type { ReportKind } from '@netduty/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchReport, fetchReports, generateIncidentReport, generateReport, reportKeys, saveRemarks, signOffReport } from '../api/reports.api';

const MINUTE = 60_000;

/** One page of reports, newest first; refreshed every minute so a scheduled report shows up. */
export function useReports(kind: ReportKind | null, page: number) {
  return useQuery({
    queryKey: reportKeys.list(kind, page),
    queryFn: ({ signal }) => fetchReports(kind, page, signal),
    placeholderData: keepPreviousData,
    refetchInterval: MINUTE,
  });
}

export function useReport(id: string | null) {
  return useQuery({ queryKey: reportKeys.one(id ?? ''), queryFn: ({ signal }) => fetchReport(id ?? '', signal), enabled: id !== null });
}

function useReportMutation<A>(run: (argument: A) => ReturnType<typeof generateReport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (report) => {
      client.setQueryData(reportKeys.one(report.id), report);
      void client.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
    },
  });
}

export const useGenerateReport = () => useReportMutation(generateReport);
export const useGenerateIncidentReport = () => useReportMutation(generateIncidentReport);
export const useSaveRemarks = () => useReportMutation(saveRemarks);
export const useSignOffReport = () => useReportMutation(signOffReport);
