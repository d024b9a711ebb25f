export const formatPercent = (share: number, lang: string) =>
  share.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 0 });

export const formatScore = (score: number, lang: string) =>
  score.toLocaleString(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
