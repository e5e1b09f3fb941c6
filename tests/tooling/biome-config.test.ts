/**
 * `npm test` lints with biome.json: files that .gitignore excludes (scratch files, .tmp/) are not linted, and the
 * configuration raises no deprecation warning.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

describe('biome.json', () => {
  it('skips git-ignored files and prints no deprecation warning', () => {
    // A throwaway git repository with the project's biome.json, one clean file and one broken, git-ignored scratch file.
    const project = mkdtempSync(join(tmpdir(), 'advisor-lint-'));
    execFileSync('git', ['init', '--quiet'], { cwd: project });
    writeFileSync(join(project, '.gitignore'), 'scratch/\n.tmp/\n');
    writeFileSync(join(project, 'clean.ts'), 'export const answer = 42;\n');
    mkdirSync(join(project, 'scratch'));
    mkdirSync(join(project, '.tmp'));
    const broken = 'var  x : any = 1\nif (x = 2) { console.log("x" + x) }\n';
    writeFileSync(join(project, 'scratch', 'try.ts'), broken);
    writeFileSync(join(project, '.tmp', 'probe.ts'), broken);

    // The $schema path is relative to node_modules, which the temp project lacks: point it at the real one.
    const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
    config.$schema = join(ROOT, 'node_modules/@biomejs/biome/configuration_schema.json');
    writeFileSync(join(project, 'biome.json'), JSON.stringify(config));
    const run = spawnSync(BIOME, ['check', '--formatter-enabled=false', '.'], { cwd: project, encoding: 'utf8' });
    const output = `${run.stdout}${run.stderr}`;
    expect(output).not.toMatch(/deprecat/i);
    expect(output).not.toContain('try.ts');
    expect(output).not.toContain('probe.ts');
    expect(run.status).toBe(0);
  });
});
