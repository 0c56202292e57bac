import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { briefingApi } from '../api/briefing.ts';
import { useApi } from '../api/use-api.ts';
import { LoadError } from '../common/load-error.tsx';
import { changeLocale, isLocale } from '../i18n/i18n.ts';
import { BriefingDocument } from './briefing-document.tsx';

/**
 * The briefing alone, without the menu: what the server's Chromium prints to PDF (it answers the one data call
 * from what it computed for the reader, so this page needs no session of its own). `ready` marks the moment to print.
 */
export default function BriefingPrintPage() {
  const { cooperationId = '' } = useParams();
  const [search] = useSearchParams();
  const period = search.get('period') ?? undefined;
  const lang = search.get('lang');
  const [localeReady, setLocaleReady] = useState(!isLocale(lang));
  useEffect(() => {
    if (isLocale(lang)) void changeLocale(lang, false).then(() => setLocaleReady(true));
  }, [lang]);
  const briefing = useApi(() => briefingApi.get(cooperationId, period), `${cooperationId}:${period ?? ''}`);
  if (briefing.error) return <LoadError error={briefing.error} onRetry={briefing.reload} />;
  if (!briefing.data || !localeReady) return null;
  return (
    <div className="briefing-print" data-testid="briefing-ready">
      <BriefingDocument data={briefing.data} links={false} />
    </div>
  );
}
