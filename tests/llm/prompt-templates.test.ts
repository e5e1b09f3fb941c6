import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createPrompts,
  loadPrompts,
  PROMPT_NAMES,
  PromptTemplateError,
  parsePromptTemplate,
} from '../../src/llm/prompt-templates.ts';

const promptsDirectory = join(import.meta.dirname, '../../prompts');

async function copyPromptsWith(name: string, text: string) {
  const directory = await mkdtemp(join(tmpdir(), 'prompts-'));
  for (const promptName of PROMPT_NAMES)
    await writeFile(join(directory, `${promptName}.md`), await readFile(join(promptsDirectory, `${promptName}.md`)));
  await writeFile(join(directory, `${name}.md`), text);
  return directory;
}

describe('loadPrompts', () => {
  it('loads the real prompts/ directory, all at version 1', async () => {
    const prompts = await loadPrompts(promptsDirectory);
    expect(prompts.versions).toEqual({ 'explainer-system': 1, 'explain-recommendation': 1, 'extract-profile': 1 });
  });

  it.each([
    [
      'an unknown placeholder',
      '---\nname: extract-profile\nversion: 2\n---\n{{requestedField}} {{fieldGuide}} {{userName}}',
      /extract-profile\.md: unknown placeholder "\{\{userName\}\}"/,
    ],
    [
      'a missing placeholder',
      '---\nname: extract-profile\nversion: 2\n---\n{{requestedField}} only',
      /extract-profile\.md: missing placeholder "\{\{fieldGuide\}\}"/,
    ],
    ['no front matter', '{{requestedField}} {{fieldGuide}}', /extract-profile\.md: missing front matter/],
    [
      'a bad version',
      '---\nname: extract-profile\nversion: one\n---\n{{requestedField}} {{fieldGuide}}',
      /"version" must be a positive whole number/,
    ],
    [
      'a wrong name',
      '---\nname: extractor\nversion: 1\n---\n{{requestedField}} {{fieldGuide}}',
      /"name" must be "extract-profile"/,
    ],
  ])('refuses a template with %s, naming file and problem', async (_case, text, message) => {
    const directory = await copyPromptsWith('extract-profile', text);
    try {
      const error = await loadPrompts(directory).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(PromptTemplateError);
      expect((error as Error).message).toMatch(message);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('refuses a missing file', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'prompts-'));
    try {
      await expect(loadPrompts(directory)).rejects.toThrow(/prompts\/.*\.md: cannot read the file/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('render', () => {
  const template = parsePromptTemplate(
    'extract-profile',
    '---\nname: extract-profile\nversion: 3\n---\nAsked: {{requestedField}}\nFields: {{ fieldGuide }}\n',
  );
  const prompts = createPrompts({
    'extract-profile': template,
    'explainer-system': parsePromptTemplate(
      'explainer-system',
      '---\nname: explainer-system\nversion: 1\n---\n{{methodCatalog}}',
    ),
    'explain-recommendation': parsePromptTemplate(
      'explain-recommendation',
      '---\nname: explain-recommendation\nversion: 1\n---\n{{topMethod}}{{ranking}}{{plan}}{{firedRules}}{{questions}}{{assumptions}}{{conflicts}}{{sources}}',
    ),
  });

  it('fills every placeholder', () => {
    expect(prompts.render('extract-profile', { requestedField: 'gpuCount', fieldGuide: '- gpuCount' })).toBe(
      'Asked: gpuCount\nFields: - gpuCount',
    );
    expect(prompts.versions['extract-profile']).toBe(3);
  });

  it('does not expand placeholders inside values (user text)', () => {
    expect(prompts.render('extract-profile', { requestedField: '{{fieldGuide}}', fieldGuide: 'x' })).toBe(
      'Asked: {{fieldGuide}}\nFields: x',
    );
  });

  it('throws when a placeholder has no value', () => {
    expect(() => prompts.render('extract-profile', { requestedField: 'gpuCount' } as never)).toThrow(
      'render(extract-profile): no value for placeholder "{{fieldGuide}}"',
    );
  });
});
