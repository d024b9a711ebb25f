/** The 17 UN Sustainable Development Goals (ODD): official colours, short labels. */
export const SDG_COLOURS = [
  '#E5243B',
  '#DDA63A',
  '#4C9F38',
  '#C5192D',
  '#FF3A21',
  '#26BDE2',
  '#FCC30B',
  '#A21942',
  '#FD6925',
  '#DD1367',
  '#FD9D24',
  '#BF8B2E',
  '#3F7E44',
  '#0A97D9',
  '#56C02B',
  '#00689D',
  '#19486A',
] as const;

const SDG_FR = [
  'Pas de pauvreté',
  'Faim « zéro »',
  'Bonne santé et bien-être',
  'Éducation de qualité',
  'Égalité entre les sexes',
  'Eau propre et assainissement',
  'Énergie propre et abordable',
  'Travail décent et croissance économique',
  'Industrie, innovation et infrastructure',
  'Inégalités réduites',
  'Villes et communautés durables',
  'Consommation et production responsables',
  'Lutte contre le changement climatique',
  'Vie aquatique',
  'Vie terrestre',
  'Paix, justice et institutions efficaces',
  'Partenariats pour la réalisation des objectifs',
];
const SDG_EN = [
  'No poverty',
  'Zero hunger',
  'Good health and well-being',
  'Quality education',
  'Gender equality',
  'Clean water and sanitation',
  'Affordable and clean energy',
  'Decent work and economic growth',
  'Industry, innovation and infrastructure',
  'Reduced inequalities',
  'Sustainable cities and communities',
  'Responsible consumption and production',
  'Climate action',
  'Life below water',
  'Life on land',
  'Peace, justice and strong institutions',
  'Partnerships for the goals',
];

export const sdgLabel = (sdg: number, lang: string) =>
  (lang.startsWith('en') ? SDG_EN : SDG_FR)[sdg - 1] ?? String(sdg);

export const sdgColour = (sdg: number) => SDG_COLOURS[sdg - 1] ?? '#495057';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text on an SDG colour, whichever contrasts more (WCAG ratio). */
export function sdgTextColour(sdg: number): '#000000' | '#ffffff' {
  const l = luminance(sdgColour(sdg));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
