/** Times are shown in the site's time zone (a site has a timeZone), and entered in it too. */

export function formatInstant(instant: string | undefined | null, timeZone: string | undefined): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timeZone || 'UTC',
    year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

/** The offset of a zone at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return Math.round((asUtc - instant.getTime()) / 60000);
}

/** A wall-clock time in a zone ("2026-03-01T14:32", as a datetime-local input gives it) as an ISO instant. */
export function localToInstant(local: string, timeZone: string): string {
  const [datePart, timePart = '00:00'] = local.split('T');
  const [y, m, d] = datePart.split('-').map(Number);
  const [hh, mm, ss = 0] = timePart.split(':').map(Number);
  const naive = Date.UTC(y, m - 1, d, hh, mm, ss);
  // two passes settle the offset across a daylight-saving change
  let offset = zoneOffsetMinutes(new Date(naive), timeZone);
  offset = zoneOffsetMinutes(new Date(naive - offset * 60000), timeZone);
  return new Date(naive - offset * 60000).toISOString().replace('.000Z', 'Z');
}

/** An instant as a wall-clock time in a zone, in the datetime-local input's format. */
export function instantToLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMinutes(instant, timeZone) * 60000);
  return shifted.toISOString().slice(0, 16);
}

/** "3 h", "2 d": how long ago, for "waiting since". */
export function ago(instant: string | undefined, now: Date = new Date()): string {
  if (!instant) return '';
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(instant).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

export function humanize(code: string | undefined | null): string {
  if (!code) return '';
  return code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
}
