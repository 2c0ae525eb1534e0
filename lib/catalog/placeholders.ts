/** Helpers for `{name}` placeholders in path templates. */

const PLACEHOLDER = /\{([^}]+)\}/g;

/** Names of the `{...}` placeholders in a path or query template, in order of appearance. */
export function placeholdersIn(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]);
}

/** Replaces every placeholder with the result of `rename(name)`. */
export function renamePlaceholders(template: string, rename: (name: string) => string): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => `{${rename(name)}}`);
}
