import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

/**
 * Localisation of every UI text. Swedish (`sv`) is the source locale: the texts are the
 * manual's own words and need no loading. English (`en`) is loaded on demand.
 *
 * A page that never calls `setLocale` shows Swedish. Elements re-render when the locale changes.
 */
export type Locale = typeof sourceLocale | (typeof targetLocales)[number];
export const LOCALES: readonly Locale[] = [sourceLocale, ...targetLocales];

const loaders: Record<(typeof targetLocales)[number], () => Promise<unknown>> = {
  en: () => import('../generated/locales/en.js'),
};

let localization: ReturnType<typeof configureLocalization> | undefined;

function runtime(): ReturnType<typeof configureLocalization> {
  localization ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: (locale) =>
      loaders[locale as keyof typeof loaders]() as ReturnType<typeof loaders.en> as never,
  });
  return localization;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Switches every element on the page to this locale; resolves when its texts are loaded. */
export async function setLocale(locale: Locale): Promise<void> {
  await runtime().setLocale(locale);
}

/** The active locale (`sv` until `setLocale` is called). */
export function getLocale(): Locale {
  return localization ? (localization.getLocale() as Locale) : sourceLocale;
}
