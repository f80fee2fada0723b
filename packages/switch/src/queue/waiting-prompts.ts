/** What a waiting caller hears every so often (ACD-4): their place and, when known, the wait. */
export function waitingAnnouncement(position: number, estimatedWaitMs: number | undefined): string {
  const place = position <= 1 ? '您是下一位。' : `您前面还有 ${position - 1} 位。`;
  if (estimatedWaitMs === undefined || estimatedWaitMs <= 0) return `${place}请稍候，坐席马上为您服务。`;
  const minutes = Math.max(1, Math.round(estimatedWaitMs / 60_000));
  return `${place}预计等待约 ${minutes} 分钟，请稍候。`;
}
