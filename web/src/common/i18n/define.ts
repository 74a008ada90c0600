/** A message tree: nested keys, strings at the leaves (i18next `{{name}}` interpolation). */
export interface Messages {
  [key: string]: string | Messages;
}

/** The same keys with any string: what the other language must provide. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/**
 * One feature's messages in both languages. The English tree must have exactly the Chinese
 * tree's keys, so a missing or misspelt translation fails the typecheck.
 */
export function defineMessages<T extends Messages>(
  zh: T,
  en: Shape<NoInfer<T>>,
): { 'zh-CN': Shape<T>; en: Shape<T> } {
  return { 'zh-CN': zh as Shape<T>, en };
}
