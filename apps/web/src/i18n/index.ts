import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';
import { en } from './en';

/** French first (the people who use Maillage work in French); English available from the header.
 * The choice is kept in localStorage. Strings live in fr.ts (the reference shape) and en.ts. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

function storedLanguage(): Language {
  try {
    const l = localStorage.getItem('maillage.lang');
    return l === 'en' ? 'en' : 'fr';
  } catch {
    return 'fr';
  }
}

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem('maillage.lang', lang);
  } catch {
    // private mode: the choice lasts for the page only
  }
}

document.documentElement.lang = i18n.language;

export default i18n;
