import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '../api/client';
import en from './en.json';
import ko from './ko.json';

/** The languages the client speaks; the first is the one used when the browser asks for none of them. */
export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];
/** Where an explicit choice (the language switch) is remembered. */
export const LANGUAGE_KEY = 'event-photos.language';

function supported(tag: string | null | undefined): Language | null {
  const base = tag?.toLowerCase().split('-')[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : null;
}

/**
 * The language to start in: one the person picked on this device (the switch), else one the link carries
 * (`?lang=ko` on a guest link), else the first of the browser's languages the client speaks, else English.
 */
export function detectLanguage(
  search: string = typeof window === 'undefined' ? '' : window.location.search,
  stored: string | null = safeStored(),
  browser: readonly string[] = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]),
): Language {
  return (
    supported(stored) ??
    supported(new URLSearchParams(search).get('lang')) ??
    browser.map(supported).find((l) => l !== null) ??
    'en'
  );
}

function safeStored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/** Switches the page's language and remembers the choice on this device. */
export function chooseLanguage(language: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void i18next.changeLanguage(language);
}

export const i18n = i18next;

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** <html lang> always says the language the page is in (screen readers pick their voice from it). */
const syncHtmlLang = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
syncHtmlLang(i18next.language);
i18next.on('languageChanged', syncHtmlLang);

/** "4.2 MB" in the page's language (Intl). */
export function formatBytes(bytes: number, language: string = i18next.language): string {
  const unit = bytes >= 1024 ** 3 ? 'gigabyte' : bytes >= 1024 ** 2 ? 'megabyte' : 'kilobyte';
  const value = bytes / (unit === 'gigabyte' ? 1024 ** 3 : unit === 'megabyte' ? 1024 ** 2 : 1024);
  return new Intl.NumberFormat(language, { style: 'unit', unit, maximumFractionDigits: 1 }).format(
    unit === 'kilobyte' ? Math.max(1, Math.round(value)) : value,
  );
}

/** A date in the page's language (Intl), e.g. "5 Dec 2026" / "2026. 12. 5.". */
export function formatDate(iso: string, language: string = i18next.language): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

/** The API's stable error codes the client has its own words for. */
const KNOWN_CODES = [
  'UPLOAD_CONFLICT',
  'TOO_MANY_REQUESTS',
  'NOT_FOUND',
  'GONE',
  'BAD_REQUEST',
  'FORBIDDEN',
  'UNAUTHORIZED',
];
const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'UPLOAD_CONFLICT',
  410: 'GONE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * What a person reads about a failure: the client's own words for the API's stable code (or, lacking one, its
 * status); the server's message only when the client has no words for it.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const code = error.code && KNOWN_CODES.includes(error.code) ? error.code : CODE_BY_STATUS[error.status];
    if (code) return t(`errors.${code}`, { seconds: error.retryAfterSeconds ?? 10 });
    if (error.status >= 500) return t('errors.SERVER');
    return t('errors.unknown', { detail: error.message });
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unknown', { detail: error instanceof Error ? error.message : String(error) });
}
