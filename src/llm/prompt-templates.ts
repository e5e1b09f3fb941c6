import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';

/**
 * The LLM prompt templates in prompts/*.md: a front-matter block (`name`, `version`) and a body with
 * `{{placeholder}}`s. The placeholders each template may and must use are declared here, in code, because the code
 * fills them: `loadPrompts` refuses a template with an unknown or a missing placeholder, naming file and placeholder.
 */

export const PROMPT_PLACEHOLDERS = {
  'explainer-system': ['methodCatalog'],
  'explain-recommendation': [
    'topMethod',
    'ranking',
    'plan',
    'firedRules',
    'questions',
    'assumptions',
    'conflicts',
    'sources',
  ],
  'extract-profile': ['requestedField', 'fieldGuide'],
} as const;

export type PromptName = keyof typeof PROMPT_PLACEHOLDERS;
export type PlaceholderOf<Name extends PromptName> = (typeof PROMPT_PLACEHOLDERS)[Name][number];
export const PROMPT_NAMES = Object.keys(PROMPT_PLACEHOLDERS) as PromptName[];

export interface PromptTemplate {
  readonly name: PromptName;
  readonly version: number;
  readonly file: string;
  readonly body: string;
}

export interface Prompts {
  readonly templates: Readonly<Record<PromptName, PromptTemplate>>;
  /** `{ 'explainer-system': 1, … }`, for logs and the recommendation's provenance. */
  readonly versions: Readonly<Record<PromptName, number>>;
  /**
   * Fill a template. Substitution is a single pass, so a value containing `{{…}}` (user text) is never expanded.
   * @throws Error if a declared placeholder has no value.
   */
  render<Name extends PromptName>(name: Name, values: Record<PlaceholderOf<Name>, string>): string;
}

/** A template file is broken or does not match the placeholders the code fills. */
export class PromptTemplateError extends ConfigError {
  override name = 'PromptTemplateError';
  constructor(file: string, message: string) {
    super(`prompts/${file}: ${message}`, [{ path: `prompts/${file}`, message }]);
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const PLACEHOLDER_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * Parse and check one template's text (pure). Requires front matter with `name` equal to the expected name and a
 * positive integer `version`; the set of `{{placeholders}}` in the body must equal the declared set.
 * @throws PromptTemplateError naming the file and the offending placeholder or key.
 */
export function parsePromptTemplate(name: PromptName, text: string, file = `${name}.md`): PromptTemplate {
  const frontMatter = FRONT_MATTER.exec(text);
  if (!frontMatter) throw new PromptTemplateError(file, 'missing front matter (a "---" block with name and version)');
  const header = new Map<string, string>();
  for (const line of (frontMatter[1] ?? '').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match?.[1]) header.set(match[1], match[2] ?? '');
  }
  if (header.get('name') !== name)
    throw new PromptTemplateError(file, `front matter "name" must be "${name}" (got "${header.get('name') ?? ''}")`);
  const versionText = header.get('version') ?? '';
  if (!/^[1-9]\d*$/.test(versionText))
    throw new PromptTemplateError(
      file,
      `front matter "version" must be a positive whole number (got "${versionText}")`,
    );

  const body = text.slice(frontMatter[0].length).trim();
  const declared = new Set<string>(PROMPT_PLACEHOLDERS[name]);
  const used = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const placeholder = match[1] ?? '';
    if (!PLACEHOLDER_NAME.test(placeholder))
      throw new PromptTemplateError(file, `malformed placeholder "{{${placeholder}}}"`);
    if (!declared.has(placeholder))
      throw new PromptTemplateError(
        file,
        `unknown placeholder "{{${placeholder}}}" (this template may use: ${[...declared].join(', ')})`,
      );
    used.add(placeholder);
  }
  for (const placeholder of declared)
    if (!used.has(placeholder))
      throw new PromptTemplateError(file, `missing placeholder "{{${placeholder}}}" (the code fills it; use it)`);
  return { name, version: Number(versionText), file, body };
}

/** Build a `Prompts` from already-parsed templates (pure; used by `loadPrompts` and tests). */
export function createPrompts(templates: Record<PromptName, PromptTemplate>): Prompts {
  const versions = Object.fromEntries(PROMPT_NAMES.map((name) => [name, templates[name].version])) as Record<
    PromptName,
    number
  >;
  return {
    templates: Object.freeze({ ...templates }),
    versions: Object.freeze(versions),
    render(name, values) {
      const template = templates[name];
      const lookup = values as Record<string, string | undefined>;
      for (const placeholder of PROMPT_PLACEHOLDERS[name])
        if (typeof lookup[placeholder] !== 'string')
          throw new Error(`render(${name}): no value for placeholder "{{${placeholder}}}"`);
      return template.body.replace(PLACEHOLDER, (_whole, placeholder: string) => lookup[placeholder] ?? '');
    },
  };
}

/**
 * Read and check every template in `dir` (prompts/). Call once at start-up.
 * @throws PromptTemplateError for an unreadable file or a template whose placeholders do not match.
 */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const entries = await Promise.all(
    PROMPT_NAMES.map(async (name) => {
      const file = `${name}.md`;
      let text: string;
      try {
        text = await readFile(join(dir, file), 'utf8');
      } catch (error) {
        throw new PromptTemplateError(file, `cannot read the file (${(error as Error).message})`);
      }
      return [name, parsePromptTemplate(name, text, file)] as const;
    }),
  );
  return createPrompts(Object.fromEntries(entries) as Record<PromptName, PromptTemplate>);
}
